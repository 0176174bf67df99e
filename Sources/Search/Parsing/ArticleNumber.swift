/// The number of an article: 264 for 第二百六十四条, 133 with suffix 1 for 第一百三十三条之一.
public struct ArticleNumber: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The main number (第X条).
    public var number: Int
    /// The insertion suffix: 0 for none, 1 for 之一, 2 for 之二 …
    public var suffix: Int

    /// Creates an article number.
    public init(_ number: Int, suffix: Int = 0) {
        self.number = number
        self.suffix = suffix
    }

    /// The statute label: 第二百六十四条, 第一百三十三条之一.
    public var label: String {
        "第" + ChineseNumeral.format(number) + "条" + (suffix > 0 ? "之" + ChineseNumeral.format(suffix) : "")
    }

    /// Same as ``label``.
    public var description: String { label }

    public static func < (lhs: ArticleNumber, rhs: ArticleNumber) -> Bool {
        (lhs.number, lhs.suffix) < (rhs.number, rhs.suffix)
    }

    /// Parses a whole label such as 第二百六十四条, 第264条 or 第一百三十三条之一 (spaces tolerated).
    public init?(label: String) {
        let scalars = Array(label.unicodeScalars).filter { !ScalarClass.isSpace($0) }
        guard let match = ArticleLabelScanner.scan(scalars, from: 0, requireFirstCharacter: true),
            match.end == scalars.count
        else { return nil }
        self = match.article
    }
}

/// Finds `第X条` / `第X条之Y` at a position in a scalar array; shared by the law parser and the citation parser.
enum ArticleLabelScanner {
    /// A label found in text.
    struct Match {
        var article: ArticleNumber
        /// Index just past the label.
        var end: Int
        /// Whether spaces stood inside the label (the known source typo 第一百二十八 条).
        var hadInnerSpace: Bool
    }

    /// Reads `[第]X[ ]条[之Y]` from `start`.
    /// - Parameter requireFirstCharacter: whether 第 must be present (the law parser requires it; citations such as 刑诉法174条 do not).
    static func scan(_ scalars: [Unicode.Scalar], from start: Int, requireFirstCharacter: Bool) -> Match? {
        var index = start
        if index < scalars.count, scalars[index] == "第" {
            index += 1
        } else if requireFirstCharacter {
            return nil
        }
        let numberStart = index
        while index < scalars.count, isNumberCharacter(scalars[index]) { index += 1 }
        guard index > numberStart, let number = ChineseNumeral.parse(String(String.UnicodeScalarView(scalars[numberStart..<index]))),
            number > 0
        else { return nil }
        var hadInnerSpace = false
        var cursor = index
        while cursor < scalars.count, ScalarClass.isSpace(scalars[cursor]), cursor - index < 3 { cursor += 1 }
        guard cursor < scalars.count, scalars[cursor] == "条" else { return nil }
        hadInnerSpace = cursor > index
        index = cursor + 1
        var suffix = 0
        if index + 1 < scalars.count, scalars[index] == "之" {
            var end = index + 1
            while end < scalars.count, ChineseNumeral.isNumeralCharacter(scalars[end]), end - index <= 4 { end += 1 }
            if end > index + 1, let value = ChineseNumeral.parse(String(String.UnicodeScalarView(scalars[(index + 1)..<end]))), value > 0 {
                suffix = value
                index = end
            }
        }
        return Match(article: ArticleNumber(number, suffix: suffix), end: index, hadInnerSpace: hadInnerSpace)
    }

    static func isNumberCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ChineseNumeral.isNumeralCharacter(scalar) || ChineseNumeral.asciiDigit(scalar) != nil
    }
}
