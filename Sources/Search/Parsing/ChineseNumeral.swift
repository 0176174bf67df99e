/// Conversion between Chinese numerals (二百六十四) and integers, as used for article numbers in Chinese law texts.
///
/// Reads both the statute form (一百一十, 一千零一, 十一) and the colloquial one (两, 〇), and also plain ASCII or
/// full-width digits, so a caller can pass whatever a user typed between 第 and 条.
public enum ChineseNumeral {
    /// The largest value read or written; article, paragraph and item numbers are far below it.
    public static let maximum = 99_999_999

    /// Parses a Chinese numeral (二百六十四, 十一, 一千零一) or a run of digits (264, ２６４).
    /// - Parameter text: the numeral alone, without 第/条.
    /// - Returns: the value, or `nil` when the text is empty, holds another character, is malformed, or exceeds ``maximum``.
    public static func parse<S: StringProtocol>(_ text: S) -> Int? {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty, scalars.count <= 24 else { return nil }
        if scalars.allSatisfy({ asciiDigit($0) != nil }) {
            var value = 0
            for scalar in scalars {
                value = value * 10 + asciiDigit(scalar)!
                if value > maximum { return nil }
            }
            return value
        }
        return parseChinese(scalars)
    }

    /// Writes a value as the statutes do: 264 → 二百六十四, 10 → 十, 11 → 十一, 110 → 一百一十, 1001 → 一千零一.
    /// - Parameter value: 0 … ``maximum``.
    /// - Returns: the numeral; an empty string for a value out of range.
    public static func format(_ value: Int) -> String {
        guard value >= 0, value <= maximum else { return "" }
        if value == 0 { return "零" }
        let high = value / 10_000
        let low = value % 10_000
        var result = ""
        if high > 0 {
            result = formatBelowTenThousand(high, leadingTenAsShort: true) + "万"
            if low > 0 {
                if low < 1000 { result += "零" }
                result += formatBelowTenThousand(low, leadingTenAsShort: false)
            }
            return result
        }
        return formatBelowTenThousand(low, leadingTenAsShort: true)
    }

    /// The value of one numeral digit character (零〇一二两三…九), or `nil`.
    public static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "零", "〇": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    /// The multiplier of a unit character (十百千万亿), or `nil`.
    public static func unitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "十": 10
        case "百": 100
        case "千": 1000
        case "万": 10_000
        case "亿": 100_000_000
        default: nil
        }
    }

    /// Whether the character can be part of a Chinese numeral.
    public static func isNumeralCharacter(_ scalar: Unicode.Scalar) -> Bool {
        digitValue(scalar) != nil || unitValue(scalar) != nil
    }

    /// An ASCII or full-width digit's value.
    static func asciiDigit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: Int(scalar.value - 0x30)
        case 0xFF10...0xFF19: Int(scalar.value - 0xFF10)
        default: nil
        }
    }

    private static func parseChinese(_ scalars: [Unicode.Scalar]) -> Int? {
        var total = 0
        var section = 0
        var digit: Int? = nil
        var lastUnit = Int.max
        for scalar in scalars {
            if let value = digitValue(scalar) {
                // Two digits in a row (二二) only make sense around 零 (一千零一).
                if let previous = digit, previous != 0, value != 0 { return nil }
                digit = value
            } else if let unit = unitValue(scalar) {
                if unit >= 10_000 {
                    let amount = section + (digit ?? 0)
                    if unit == 100_000_000 {
                        total = (total + amount) * unit
                    } else {
                        guard amount > 0 else { return nil }
                        total += amount * unit
                    }
                    section = 0
                    lastUnit = Int.max
                } else {
                    // Units inside a section must fall: 一百一十 is fine, 十百 is not.
                    guard unit < lastUnit else { return nil }
                    let multiplier = digit ?? (unit == 10 ? 1 : 0)
                    guard multiplier > 0 else { return nil }
                    section += multiplier * unit
                    lastUnit = unit
                }
                digit = nil
            } else {
                return nil
            }
            if total > maximum * 10 { return nil }
        }
        let value = total + section + (digit ?? 0)
        return value <= maximum ? value : nil
    }

    private static func formatBelowTenThousand(_ value: Int, leadingTenAsShort: Bool) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        let units = [(1000, "千"), (100, "百"), (10, "十")]
        if leadingTenAsShort, value >= 10, value < 20 {
            return "十" + (value == 10 ? "" : digits[value - 10])
        }
        var result = ""
        var remainder = value
        var pendingZero = false
        for (unit, name) in units {
            let digit = remainder / unit
            remainder %= unit
            if digit > 0 {
                if pendingZero { result += "零" }
                result += digits[digit] + name
                pendingZero = false
            } else if !result.isEmpty {
                pendingZero = true
            }
        }
        if remainder > 0 {
            if pendingZero { result += "零" }
            result += digits[remainder]
        }
        return result
    }
}
