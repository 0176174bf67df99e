/// Base32 (RFC 4648 §6, alphabet A–Z 2–7), the encoding TOTP secrets travel in.
public enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// Encodes bytes; `padded: false` (the default) drops the trailing `=` as `otpauth://` URIs expect.
    public static func encode(_ bytes: some Sequence<UInt8>, padded: Bool = false) -> String {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bitCount = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bitCount += 8
            while bitCount >= 5 {
                bitCount -= 5
                out.append(alphabet[Int((buffer >> UInt32(bitCount)) & 0x1f)])
            }
        }
        if bitCount > 0 {
            out.append(alphabet[Int((buffer << UInt32(5 - bitCount)) & 0x1f)])
        }
        if padded {
            while out.count % 8 != 0 { out.append(UInt8(ascii: "=")) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes base32, accepting lower case, optional `=` padding and spaces (as people type secrets).
    /// - Throws: ``SecurityError/invalidEncoding`` for a foreign character, an impossible length or non-zero leftover bits.
    public static func decode(_ text: String) throws -> [UInt8] {
        var symbols = Array(text.utf8.filter { $0 != UInt8(ascii: " ") })
        while symbols.last == UInt8(ascii: "=") { symbols.removeLast() }
        // 8 symbols carry 5 bytes; a final group of 1, 3 or 6 symbols cannot end on a byte boundary.
        guard ![1, 3, 6].contains(symbols.count % 8) else { throw SecurityError.invalidEncoding.with(detail: "base32 length") }
        var out: [UInt8] = []
        out.reserveCapacity(symbols.count * 5 / 8)
        var buffer: UInt32 = 0
        var bitCount = 0
        for symbol in symbols {
            guard let value = value(of: symbol) else { throw SecurityError.invalidEncoding.with(detail: "not a base32 character") }
            buffer = (buffer << 5 | UInt32(value)) & 0xffff
            bitCount += 5
            if bitCount >= 8 {
                bitCount -= 8
                out.append(UInt8((buffer >> UInt32(bitCount)) & 0xff))
            }
        }
        guard buffer & ((1 << UInt32(bitCount)) - 1) == 0 else {
            throw SecurityError.invalidEncoding.with(detail: "base32 has non-zero trailing bits")
        }
        return out
    }

    private static func value(of symbol: UInt8) -> UInt8? {
        switch symbol {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): symbol - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): symbol - UInt8(ascii: "a")
        case UInt8(ascii: "2")...UInt8(ascii: "7"): symbol - UInt8(ascii: "2") + 26
        default: nil
        }
    }
}
