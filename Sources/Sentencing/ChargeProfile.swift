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
        /// A regular expression and the characters one of which every match starts with (nil when that is not known).
        case expression(RegularExpressionBox, leading: Set<Character>?)
        case derived(FactText.Derived)
    }

    let source: String
    private let kind: Kind

    static let syntax: Set<Character> = [".", "(", ")", "|", "[", "]", "?", "*", "+", "{", "}", "\\", "^", "$"]

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
                kind = .expression(RegularExpressionBox(try NSRegularExpression(pattern: pattern)), leading: Self.leadingCharacters(source[...]))
            } catch {
                throw SentencingDataError.invalidTable("charge pattern \(source) does not compile: \(error)")
            }
        } else {
            kind = .text(source)
        }
    }

    /// The first text in `fact` that the pattern matches, so evidence always quotes the fact.
    /// - Parameter skipping: whether to skip the expression when none of its leading characters occurs (off only in tests).
    func firstMatch(in fact: FactText, skipping: Bool = true) -> String? {
        switch kind {
        case .text(let word):
            return fact.string.contains(word) ? word : nil
        case .expression(let box, let leading):
            // Most patterns start with a group of verbs or objects: when none of them occurs, the expression cannot match.
            if skipping, let leading, leading.isDisjoint(with: fact.characters) { return nil }
            return box.firstMatch(in: fact)
        case .derived(let derived):
            return fact.evidence(for: derived)
        }
    }
}

extension FactPattern {
    private static let optional: [String] = ["?", "*", "{0"]

    /// The characters one of which must begin any match of `pattern`, or nil when the pattern may start otherwise
    /// (a wildcard, a class, an optional first part). Conservative: nil is always safe.
    static func leadingCharacters(_ pattern: Substring) -> Set<Character>? {
        var result: Set<Character> = []
        for alternative in topLevelAlternatives(pattern) {
            guard let characters = leadingCharactersOfSequence(alternative) else { return nil }
            result.formUnion(characters)
        }
        return result.isEmpty ? nil : result
    }

    /// The same for a pattern without a top-level `|`.
    private static func leadingCharactersOfSequence(_ pattern: Substring) -> Set<Character>? {
        guard let first = pattern.first else { return nil }
        let rest: Substring
        var result: Set<Character>
        if first == "(" {
            guard !pattern.dropFirst().hasPrefix("?"), let close = closingParenthesis(in: pattern) else { return nil }
            let inner = pattern[pattern.index(after: pattern.startIndex)..<close]
            guard let characters = leadingCharacters(inner) else { return nil }
            result = characters
            rest = pattern[pattern.index(after: close)...]
        } else if syntax.contains(first) || first == "@" {
            return nil
        } else {
            result = [first]
            rest = pattern.dropFirst()
        }
        if optional.contains(where: { rest.hasPrefix($0) }) { return nil }
        return result.isEmpty ? nil : result
    }

    private static func closingParenthesis(in pattern: Substring) -> Substring.Index? {
        var depth = 0
        var index = pattern.startIndex
        while index < pattern.endIndex {
            switch pattern[index] {
            case "\\": index = pattern.index(after: index)
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            guard index < pattern.endIndex else { break }
            index = pattern.index(after: index)
        }
        return nil
    }

    private static func topLevelAlternatives(_ pattern: Substring) -> [Substring] {
        var result: [Substring] = []
        var depth = 0
        var start = pattern.startIndex
        var index = pattern.startIndex
        while index < pattern.endIndex {
            switch pattern[index] {
            case "(": depth += 1
            case ")": depth -= 1
            case "|" where depth == 0:
                result.append(pattern[start..<index])
                start = pattern.index(after: index)
            default: break
            }
            index = pattern.index(after: index)
        }
        result.append(pattern[start..<pattern.endIndex])
        return result
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
