import CCrypto

/// HMAC (RFC 2104) computed by OpenSSL.
public enum HMAC {
    /// The hash under the HMAC.
    public struct Hash: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable { case sha1 = "SHA1", sha256 = "SHA256", sha512 = "SHA512", sm3 = "SM3" }
        private let kind: Kind

        /// SHA-1: still sound inside HMAC (RFC 6194 §3.2); required by TOTP apps and Janus tokens.
        public static let sha1 = Hash(kind: .sha1)
        public static let sha256 = Hash(kind: .sha256)
        public static let sha512 = Hash(kind: .sha512)
        public static let sm3 = Hash(kind: .sm3)

        /// The name as `otpauth://` URIs spell it (`SHA1`, `SHA256`, `SHA512`, `SM3`).
        public var description: String { kind.rawValue }

        /// OpenSSL's built-in method tables; the getters return static constants.
        var evpMethod: OpaquePointer? {
            switch kind {
            case .sha1: EVP_sha1()
            case .sha256: EVP_sha256()
            case .sha512: EVP_sha512()
            case .sm3: EVP_sm3()
            }
        }
    }

    /// HMAC of `message` under `key`.
    public static func authenticationCode(_ hash: Hash, key: some Collection<UInt8>, message: some Collection<UInt8>) -> [UInt8] {
        let keyBytes = Array(key)
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = OpenSSLSupport.withNonNullBytes(keyBytes) { keyPointer, keyCount in
            OpenSSLSupport.withNonNullBytes(message) { messagePointer, messageCount in
                CCrypto.HMAC(hash.evpMethod, keyPointer, Int32(keyCount), messagePointer, messageCount, &output, &length)
            }
        }
        guard result != nil else { fatalError("HMAC-\(hash) failed: \(OpenSSLSupport.drainErrors())") }
        return Array(output.prefix(Int(length)))
    }
}
