/// Character classes of RFC 9110 as 256-entry lookup tables, for the parser's hot loops.
enum ByteClass {
    /// tchar: the characters of a token (method names, header names).
    static let token: [Bool] = (0..<256).map { b in
        switch UInt8(b) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
            UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"): true
        default: false
        }
    }

    /// Bytes allowed inside a field value: VCHAR, obs-text, SP and HTAB. Other controls (NUL, CR, LF, DEL…) are refused.
    static let fieldValue: [Bool] = (0..<256).map { b in b == 0x09 || (b >= 0x20 && b != 0x7F) }

    /// Bytes allowed in a request-target: visible ASCII only (no space, no controls, no raw UTF-8).
    static let target: [Bool] = (0..<256).map { b in b >= 0x21 && b <= 0x7E }

    static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(b - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
