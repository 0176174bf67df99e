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

/// One pattern of a charge profile: a plain word is searched as text, anything with regular-expression syntax is compiled
/// once (with `.` kept inside one sentence), and `@name` asks for a fact that takes arithmetic to see (``FactText/Derived``).
struct FactPattern: Sendable {
    private enum Kind: Sendable {
        case text(String)
        case expression(RegularExpressionBox)
        case derived(FactText.Derived)
    }

    let source: String
    private let kind: Kind

    private static let syntax: Set<Character> = [".", "(", ")", "|", "[", "]", "?", "*", "+", "{", "}", "\\", "^", "$"]

    init(_ source: String) throws {
        self.source = source
        if source.hasPrefix("@") {
            guard let derived = FactText.Derived(rawValue: String(source.dropFirst())) else {
                throw SentencingDataError.invalidTable("charge pattern \(source) names no derived fact")
            }
            kind = .derived(derived)
        } else if source.contains(where: Self.syntax.contains) {
            do {
                // `.` stays inside one sentence: the parts of an element are stated together, and evidence should not run on.
                let pattern = source.replacingOccurrences(of: ".", with: "[^。；\\n]")
                kind = .expression(RegularExpressionBox(try NSRegularExpression(pattern: pattern)))
            } catch {
                throw SentencingDataError.invalidTable("charge pattern \(source) does not compile: \(error)")
            }
        } else {
            kind = .text(source)
        }
    }

    /// The first text in `fact` that the pattern matches, so evidence always quotes the fact.
    func firstMatch(in fact: FactText) -> String? {
        switch kind {
        case .text(let word):
            return fact.string.contains(word) ? word : nil
        case .expression(let box):
            return box.firstMatch(in: fact)
        case .derived(let derived):
            return fact.evidence(for: derived)
        }
    }
}

/// `NSRegularExpression` is immutable after creation and documented as safe to use from several threads for matching,
/// so sharing one across tasks is safe.
struct RegularExpressionBox: @unchecked Sendable {
    let value: NSRegularExpression

    init(_ value: NSRegularExpression) { self.value = value }

    /// Builds a pattern that is part of the code, so a failure is a programming error.
    init(builtIn pattern: String) {
        do {
            value = try NSRegularExpression(pattern: pattern)
        } catch {
            preconditionFailure("invalid built-in pattern \(pattern): \(error)")
        }
    }

    func firstMatch(in fact: FactText) -> String? {
        guard let result = value.firstMatch(in: fact.string, range: NSRange(location: 0, length: fact.nsString.length)) else { return nil }
        return fact.nsString.substring(with: result.range)
    }

    /// Every match with its capture groups (nil where a group did not take part).
    func matches(in fact: FactText) -> [[String?]] {
        value.matches(in: fact.string, range: NSRange(location: 0, length: fact.nsString.length)).map { result in
            (0..<result.numberOfRanges).map { index in
                let range = result.range(at: index)
                return range.location == NSNotFound ? nil : fact.nsString.substring(with: range)
            }
        }
    }
}
