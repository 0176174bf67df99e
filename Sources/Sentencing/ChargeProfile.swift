import Foundation

/// What the Criminal Law says sets one charge apart, as patterns over the fact text (`Data/labels/charge-elements.json`).
///
/// The patterns are written from the offence's elements, not learned: `cues` are typical conduct and objects, `strong`
/// patterns state the element that separates the charge from its neighbours, `needs` is the object the statute requires
/// and `against` is a neighbour's distinguishing element.
struct ChargeProfile: Sendable {
    var cues: [FactPattern] = []
    var strong: [FactPattern] = []
    var needs: [FactPattern] = []
    var against: [FactPattern] = []

    /// The shipped profiles by charge name.
    static func bundled() throws -> [String: ChargeProfile] {
        try decode(BundledData.data(named: "charge-elements", extension: "json"))
    }

    /// Profiles from the JSON shape of `charge-elements.json`; throws on a pattern that does not compile.
    static func decode(_ data: Data) throws -> [String: ChargeProfile] {
        struct Entry: Decodable {
            var cues: [String]?
            var strong: [String]?
            var needs: [String]?
            var against: [String]?
        }
        struct File: Decodable { var charges: [String: Entry] }
        let file = try JSONDecoder().decode(File.self, from: data)
        var result: [String: ChargeProfile] = [:]
        for (name, entry) in file.charges {
            func compile(_ patterns: [String]?) throws -> [FactPattern] { try (patterns ?? []).map(FactPattern.init) }
            result[name] = try ChargeProfile(
                cues: compile(entry.cues), strong: compile(entry.strong), needs: compile(entry.needs), against: compile(entry.against))
        }
        return result
    }
}

/// One pattern of a charge profile: a plain word is searched as text, anything with regular-expression syntax is compiled once.
struct FactPattern: Sendable {
    let source: String
    private let expression: RegularExpressionBox?

    private static let syntax: Set<Character> = [".", "(", ")", "|", "[", "]", "?", "*", "+", "{", "}", "\\", "^", "$"]

    init(_ source: String) throws {
        self.source = source
        if source.contains(where: Self.syntax.contains) {
            do {
                expression = RegularExpressionBox(try NSRegularExpression(pattern: source))
            } catch {
                throw SentencingDataError.invalidTable("charge pattern \(source) does not compile: \(error)")
            }
        } else {
            expression = nil
        }
    }

    /// The first text in `fact` that the pattern matches, so evidence always quotes the fact.
    func firstMatch(in fact: FactText) -> String? {
        guard let expression else { return fact.string.contains(source) ? source : nil }
        guard let result = expression.value.firstMatch(in: fact.string, range: NSRange(location: 0, length: fact.nsString.length)) else {
            return nil
        }
        return fact.nsString.substring(with: result.range)
    }
}

/// A fact text with its `NSString` view, built once per suggestion rather than once per pattern.
struct FactText {
    let string: String
    let nsString: NSString

    init(_ string: String) {
        self.string = string
        nsString = string as NSString
    }
}

/// `NSRegularExpression` is immutable after creation and documented as safe to use from several threads for matching,
/// so sharing one across tasks is safe.
private struct RegularExpressionBox: @unchecked Sendable {
    let value: NSRegularExpression

    init(_ value: NSRegularExpression) { self.value = value }
}
