/// Character classes used by every parser here, without Foundation.
enum ScalarClass {
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{3000}" || scalar == "\u{A0}" || scalar == "\r" || scalar == "\n"
    }

    /// CJK unified ideographs (with extension A and compatibility ideographs) and 〇.
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x3007: true
        default: false
        }
    }
}

extension String {
    /// The string without leading and trailing spaces (ASCII, ideographic and no-break).
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !ScalarClass.isSpace($0) }),
            let last = scalars.lastIndex(where: { !ScalarClass.isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
