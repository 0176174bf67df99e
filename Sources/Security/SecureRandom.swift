import CCrypto

/// Cryptographically secure random bytes from OpenSSL's DRBG (seeded from the kernel's getrandom).
public enum SecureRandom {
    /// Returns `count` random bytes.
    public static func bytes(count: Int) throws -> [UInt8] {
        guard count >= 0, count <= Int(Int32.max) else { throw SecurityError.invalidParameter.with(detail: "random byte count \(count)") }
        var buffer = [UInt8](repeating: 0, count: count)
        if count == 0 { return buffer }
        let status = buffer.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
        guard status == 1 else { throw SecurityError.randomSourceFailure.with(detail: OpenSSLSupport.drainErrors()) }
        return buffer
    }

    /// A URL-safe token: `byteCount` random bytes as unpadded base64url (RFC 4648 §5). 32 bytes give 43 characters.
    public static func token(byteCount: Int = 32) throws -> String {
        Base64URL.encode(try bytes(count: byteCount))
    }
}
