import Foundation

/// A fact text prepared once for the charge patterns: its `NSString` view and the facts that take arithmetic to see.
struct FactText {
    /// Facts a regular expression cannot state, named in `charge-elements.json` as `@name`.
    enum Derived: String, Sendable {
        /// Someone in the fact was under fourteen when it happened (猥亵儿童, 奸淫幼女): a stated age below fourteen, or a
        /// birth date less than fourteen years before the first date of the events.
        case underFourteen = "不满十四周岁"
    }

    let string: String
    let nsString: NSString
    /// Every character of the text, so a pattern can be skipped when none of its first characters occurs.
    let characters: Set<Character>
    private var derived: [Derived: String] = [:]

    init(_ string: String) {
        self.string = string
        nsString = string as NSString
        characters = Set(string)
        derived[.underFourteen] = Self.childEvidence(in: self)
    }

    /// The text that shows `fact`, or nil when the fact does not hold.
    func evidence(for fact: Derived) -> String? { derived[fact] }

    private static let statedAge = RegularExpressionBox(builtIn: "(?<![0-9])([0-9]{1,2})(周)?岁")
    private static let chineseAge = RegularExpressionBox(builtIn: "([一二三四五六七八九十]{1,3})(周)?岁")
    private static let birthDate = RegularExpressionBox(builtIn: "((?:19|20)[0-9]{2})年[0-9]{1,2}月(?:[0-9]{1,2}日)?出生")
    private static let eventYear = RegularExpressionBox(builtIn: "((?:19|20)[0-9]{2})年(?![0-9]{1,2}月(?:[0-9]{1,2}日)?出生)")

    private static func childEvidence(in fact: FactText) -> String? {
        for groups in statedAge.matches(in: fact) + chineseAge.matches(in: fact) {
            guard let whole = groups[0], let number = groups[1] else { continue }
            let years = Int(number) ?? ChineseNumberWords.value(of: number)
            if let years, years < 14 { return whole }
        }
        let events = eventYear.matches(in: fact).compactMap { $0[1].flatMap { Int($0) } }
        guard let firstEvent = events.min() else { return nil }
        for groups in birthDate.matches(in: fact) {
            guard let whole = groups[0], let year = groups[1].flatMap({ Int($0) }) else { continue }
            if firstEvent >= year && firstEvent - year < 14 { return whole }
        }
        return nil
    }
}

/// Small Chinese numerals as ages are written: 八, 十二, 十.
enum ChineseNumberWords {
    static func value(of text: String) -> Int? {
        let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        var total = 0
        var digit = 0
        for character in text {
            if let value = digits[character] {
                digit = value
            } else if character == "十" {
                total += (digit == 0 ? 1 : digit) * 10
                digit = 0
            } else {
                return nil
            }
        }
        return total + digit
    }
}
