/// A reference to an article (条) and optionally a paragraph (款) of a statute in /work/shared/data/laws.
public struct LawCitation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The statutes the rules of this module rest on.
    public enum Source: String, Hashable, Sendable, Codable {
        /// 中华人民共和国刑事诉讼法（2018年10月26日修正）.
        case criminalProcedureLaw
        /// 人民检察院刑事诉讼规则（2019年12月2日）.
        case procuratorateRules
        /// 最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释（2021年1月26日）.
        case supremeCourtInterpretation

        /// The name used in citations shown to users.
        public var chineseName: String {
            switch self {
            case .criminalProcedureLaw: "刑事诉讼法"
            case .procuratorateRules: "人民检察院刑事诉讼规则"
            case .supremeCourtInterpretation: "最高人民法院关于适用刑事诉讼法的解释"
            }
        }
    }

    public let source: Source
    public let article: Int
    public let paragraph: Int?

    public init(_ source: Source, article: Int, paragraph: Int? = nil) {
        self.source = source
        self.article = article
        self.paragraph = paragraph
    }

    /// 刑事诉讼法第`article`条(第`paragraph`款).
    static func law(_ article: Int, _ paragraph: Int? = nil) -> LawCitation {
        LawCitation(.criminalProcedureLaw, article: article, paragraph: paragraph)
    }
    /// 人民检察院刑事诉讼规则第`article`条(第`paragraph`款).
    static func rules(_ article: Int, _ paragraph: Int? = nil) -> LawCitation {
        LawCitation(.procuratorateRules, article: article, paragraph: paragraph)
    }

    /// `刑事诉讼法第九十一条第三款`, as the UI shows it.
    public var description: String {
        var text = source.chineseName + "第" + Self.chineseNumeral(article) + "条"
        if let paragraph { text += "第" + Self.chineseNumeral(paragraph) + "款" }
        return text
    }

    /// 1–9999 as written in article numbers: 十, 十五, 一百零五, 一百一十, 二百八十二, 一千零五.
    static func chineseNumeral(_ number: Int) -> String {
        precondition((1...9999).contains(number), "article numbers run from 1 to 9999")
        let digits = Array("零一二三四五六七八九"), units = ["千", "百", "十", ""]
        let places = [number / 1000, number / 100 % 10, number / 10 % 10, number % 10]
        var text = "", started = false, pendingZero = false
        for (index, digit) in places.enumerated() {
            guard digit != 0 else {
                pendingZero = started
                continue
            }
            if pendingZero { text += "零" }
            pendingZero = false
            // A leading ten is written 十, not 一十 (第十条, 第十五条); inside a number it is 一十 (第一百一十条).
            if !(index == 2 && digit == 1 && !started) { text.append(digits[digit]) }
            text += units[index]
            started = true
        }
        return text
    }
}
