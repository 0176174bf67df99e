import Foundation

/// Parses numbers written in Arabic digits (half- or full-width) or in Chinese numerals.
///
/// Court texts mix `3723`, `2.5`, `1,200`, `３７２３`, `一万二千`, `二十五`, `两` and the financial
/// forms `壹贰叁`. Units 万 and 亿 written after a number (`2.5万`) are the caller's business.
public enum ChineseNumber {
    /// Characters that can appear in a Chinese numeral, for building patterns.
    public static let chineseNumeralCharacters = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"

    /// Returns the value of `text`, or nil when it is not a number.
    public static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.unicodeScalars.contains(where: { arabicDigitValue($0) != nil }) {
            return parseArabic(trimmed)
        }
        return parseChinese(trimmed)
    }

    private static func arabicDigitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: Int(scalar.value - 0x30)
        case 0xFF10...0xFF19: Int(scalar.value - 0xFF10)
        default: nil
        }
    }

    private static func parseArabic(_ text: String) -> Double? {
        var normalized = ""
        for scalar in text.unicodeScalars {
            if let digit = arabicDigitValue(scalar) {
                normalized.append(String(digit))
            } else if scalar == "." || scalar == "．" {
                normalized.append(".")
            } else if scalar == "," {
                continue
            } else {
                return nil
            }
        }
        return Double(normalized)
    }

    private static let digitValues: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
        "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
    ]
    private static let smallUnits: [Character: Int] = ["十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000]
    private static let largeUnits: [Character: Double] = ["万": 10_000, "亿": 100_000_000]

    private static func parseChinese(_ text: String) -> Double? {
        let characters = Array(text)
        let hasUnit = characters.contains { smallUnits[$0] != nil || largeUnits[$0] != nil }
        if !hasUnit {
            // A bare digit sequence such as 二〇一六 reads digit by digit.
            var value = 0.0
            for character in characters {
                guard let digit = digitValues[character] else { return nil }
                value = value * 10 + Double(digit)
            }
            return value
        }
        var hundredMillions = 0.0
        var tenThousands = 0.0
        var section = 0.0
        var pendingDigit: Int?
        for character in characters {
            if let digit = digitValues[character] {
                pendingDigit = digit
            } else if let unit = smallUnits[character] {
                // 十二 means 12: a unit with no digit before it counts once.
                section += Double(pendingDigit ?? 1) * Double(unit)
                pendingDigit = nil
            } else if let unit = largeUnits[character] {
                section += Double(pendingDigit ?? 0)
                pendingDigit = nil
                if unit == 10_000 {
                    tenThousands = section * unit
                } else {
                    hundredMillions = (hundredMillions + tenThousands + section) * unit
                    tenThousands = 0
                }
                section = 0
            } else {
                return nil
            }
        }
        // 一万二 means 12,000: a trailing digit after a unit scales to the next lower place.
        if let digit = pendingDigit {
            let lastUnit = characters.dropLast().last
            if let lastUnit, let unit = smallUnits[lastUnit], unit >= 100 {
                section += Double(digit) * Double(unit / 10)
            } else if let lastUnit, let unit = largeUnits[lastUnit] {
                section += Double(digit) * unit / 10
            } else {
                section += Double(digit)
            }
        }
        return hundredMillions + tenThousands + section
    }
}
