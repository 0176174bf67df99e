import CCrypto

/// An incremental message digest (SM3 or SHA-256) computed by OpenSSL's EVP interface.
///
/// ```swift
/// var digest = MessageDigest(.sm3)
/// digest.update(Array("ab".utf8))
/// digest.update(Array("c".utf8))
/// let bytes = digest.finalize()   // 66c7f0f4…8f4ba8e0
/// ```
/// Non-copyable: it owns an `EVP_MD_CTX`, freed when the value is consumed or dropped.
public struct MessageDigest: ~Copyable {
    /// A digest algorithm offered by this module.
    public struct Algorithm: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: Hashable, Sendable { case sm3, sha256 }
        private let kind: Kind

        /// SM3 (GB/T 32905-2016), 256-bit: the national-standard digest for seals and the audit chain.
        public static let sm3 = Algorithm(kind: .sm3)
        /// SHA-256 (FIPS 180-4), for interoperating with tools that do not know SM3.
        public static let sha256 = Algorithm(kind: .sha256)

        /// Digest length in bytes (32 for both).
        public var byteCount: Int { 32 }
        public var description: String { kind == .sm3 ? "SM3" : "SHA-256" }

        /// OpenSSL's static method table; these getters return built-in constants and never allocate.
        var evpMethod: OpaquePointer? { kind == .sm3 ? EVP_sm3() : EVP_sha256() }
    }

    public let algorithm: Algorithm
    private let context: OpaquePointer

    /// Starts a new digest. Traps if libcrypto lacks the algorithm: a broken installation, not a runtime condition.
    public init(_ algorithm: Algorithm) {
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new failed: out of memory") }
        guard EVP_DigestInit_ex(context, algorithm.evpMethod, nil) == 1 else {
            EVP_MD_CTX_free(context)
            fatalError("libcrypto cannot initialise \(algorithm): \(OpenSSLSupport.drainErrors())")
        }
        self.algorithm = algorithm
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Feeds bytes into the digest.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        if handled == nil {
            Array(bytes).withUnsafeBytes { update($0) }
        }
    }

    /// Feeds raw memory into the digest (no copy).
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        guard EVP_DigestUpdate(context, base, buffer.count) == 1 else {
            fatalError("EVP_DigestUpdate failed: \(OpenSSLSupport.drainErrors())")
        }
    }

    /// Finishes the digest and returns its bytes.
    public consuming func finalize() -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &output, &length) == 1 else {
            fatalError("EVP_DigestFinal_ex failed: \(OpenSSLSupport.drainErrors())")
        }
        return Array(output.prefix(Int(length)))
    }

    /// One-shot digest of `bytes`.
    public static func hash(_ algorithm: Algorithm, _ bytes: some Collection<UInt8>) -> [UInt8] {
        var digest = MessageDigest(algorithm)
        digest.update(bytes)
        return digest.finalize()
    }
}
