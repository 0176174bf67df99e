import CCrypto

/// Owns one OpenSSL `EVP_PKEY`.
///
/// `@unchecked Sendable` because the key is never mutated after construction and OpenSSL 3 allows concurrent
/// sign/verify with one `EVP_PKEY`: every operation creates its own `EVP_PKEY_CTX`/`EVP_MD_CTX` (see
/// openssl-threads(7), "objects … used in a read-only manner can be shared").
final class EVPKey: @unchecked Sendable {
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { EVP_PKEY_free(pointer) }

    /// True when OpenSSL treats the key as SM2 (and will sign with SM2, not ECDSA).
    var isSM2: Bool { EVP_PKEY_is_a(pointer, "SM2") == 1 }

    /// The SubjectPublicKeyInfo DER of the key.
    func publicKeyDER() throws -> [UInt8] {
        let length = i2d_PUBKEY(pointer, nil)
        guard length > 0 else { throw OpenSSLSupport.failure("i2d_PUBKEY") }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
            return i2d_PUBKEY(pointer, &cursor)
        }
        guard written == length else { throw OpenSSLSupport.failure("i2d_PUBKEY") }
        return der
    }

    /// Runs `body` with a fresh memory BIO and returns what was written to it as text.
    static func writePEM(_ body: (OpaquePointer) -> Int32) throws -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw OpenSSLSupport.failure("BIO_new") }
        defer { BIO_free(bio) }
        guard body(bio) == 1 else { throw OpenSSLSupport.failure("PEM write") }
        return String(decoding: OpenSSLSupport.contents(of: bio), as: UTF8.self)
    }

    /// Parses PEM text with `read` over a read-only memory BIO. Encrypted PEM is refused (no passphrase prompt).
    static func readPEM(_ text: String, _ read: (OpaquePointer) -> OpaquePointer?) throws -> EVPKey {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { throw SecurityError.invalidPEM }
        let key: OpaquePointer? = bytes.withUnsafeBytes { buffer in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            return read(bio)
        }
        guard let key else { throw SecurityError.invalidPEM.with(detail: OpenSSLSupport.drainErrors()) }
        return EVPKey(taking: key)
    }
}

/// A passphrase callback that supplies none, so OpenSSL never prompts on a terminal for an encrypted key.
let refusePassphrase: @convention(c) (UnsafeMutablePointer<CChar>?, Int32, Int32, UnsafeMutableRawPointer?) -> Int32 = { _, _, _, _ in 0 }
