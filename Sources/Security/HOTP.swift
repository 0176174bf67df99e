/// HMAC-based one-time passwords (RFC 4226): the counter-driven core under ``TOTP``.
public enum HOTP {
    /// The one-time code for `counter`: HMAC over the big-endian 8-byte counter, dynamic truncation (RFC 4226 §5.3),
    /// then the low `digits` decimal digits, zero-padded.
    public static func code(secret: [UInt8], counter: UInt64, digits: Int, hash: HMAC.Hash = .sha1) -> String {
        precondition((6...9).contains(digits), "HOTP codes have 6 to 9 digits")
        let message = (0..<8).map { UInt8(truncatingIfNeeded: counter >> (56 - 8 * UInt64($0))) }
        let mac = HMAC.authenticationCode(hash, key: secret, message: message)
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let truncated =
            UInt32(mac[offset] & 0x7f) << 24 | UInt32(mac[offset + 1]) << 16 | UInt32(mac[offset + 2]) << 8 | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(truncated % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }
}
