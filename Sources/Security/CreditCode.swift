/// A validated 统一社会信用代码 (GB 32100-2015, with its 2016 amendment No. 1).
///
/// 18 characters from the 31-character set `0-9 A-H J-N P-R T-U W-Y` (no I, O, Z, S, V), valued 0–30 in that order:
/// 1 registration-authority code, 1 institution-type code, 6-digit region code (GB/T 2260), 9-character
/// organisation code (GB 11714), and a check character: C₁₈ = 31 − (Σ CᵢWᵢ mod 31), 31 ↦ 0, with
/// Wᵢ = 3^(i−1) mod 31 = 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 (GB 32100-2015 §4.2 and Table 2 as
/// reproduced in public copies; their worked example 91350100M000100Y4? computes check 3).
///
/// The embedded GB 11714 organisation-code check is not enforced: codes issued since 2015 to some bodies do
/// not satisfy it, and GB 32100 defines validity by the MOD 31 check alone.
public struct CreditCode: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    /// Registration-authority code → institution-type codes it may issue (GB 32100-2015 Annex / Table 1,
    /// as amended): 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商 (市场监管),
    /// A 中央军委改革和编制办公室, N 农业, Y 其他 (type always 1).
    static let institutionTypes: [Character: Set<Character>] = [
        "1": ["1", "2", "3", "9"], "2": ["1", "9"], "3": ["1", "2", "3", "4", "5", "9"], "4": ["1", "9"],
        "5": ["1", "2", "3", "9"], "6": ["1", "2", "9"], "7": ["1", "2", "9"], "8": ["1", "9"], "9": ["1", "2", "3"],
        "A": ["1", "9"], "N": ["1", "2", "3", "9"], "Y": ["1"],
    ]

    /// - Throws: an ``IdentifierError`` naming the first rule broken.
    public init(_ text: String) throws(IdentifierError) {
        let characters = Array(text.filter { !$0.isWhitespace }.uppercased())
        guard characters.count == 18 else { throw .creditCodeWrongLength }
        let values = characters.map(Self.value(of:))
        guard values.allSatisfy({ $0 != nil }) else { throw .creditCodeInvalidCharacter }
        guard let types = Self.institutionTypes[characters[0]] else { throw .creditCodeInvalidRegistrationAuthority }
        guard types.contains(characters[1]) else { throw .creditCodeInvalidInstitutionType }
        guard characters[2..<8].allSatisfy(\.isASCIIDigit) else { throw .creditCodeInvalidRegion }
        guard Self.checkCharacter(forValues: values[0..<17].map { $0! }) == characters[17] else {
            throw .creditCodeCheckCharacterMismatch
        }
        self.value = String(characters)
    }

    /// The check character for the first 17 characters, or nil when they are not all from the code set.
    public static func checkCharacter(forBody body: String) -> Character? {
        let values = body.map(value(of:))
        guard values.count == 17, values.allSatisfy({ $0 != nil }) else { return nil }
        return checkCharacter(forValues: values.map { $0! })
    }

    private static func checkCharacter(forValues values: [Int]) -> Character {
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }

    private static func value(of character: Character) -> Int? { alphabet.firstIndex(of: character) }

    public var registrationAuthorityCode: Character { Array(value)[0] }
    public var institutionTypeCode: Character { Array(value)[1] }
    /// The registering authority's GB/T 2260 region code (characters 3–8).
    public var regionCode: String { String(Array(value)[2..<8]) }
    /// The GB 11714 organisation code (characters 9–17).
    public var organizationCode: String { String(Array(value)[8..<17]) }

    /// Organisation codes are public; the full value is fine to show and log.
    public var description: String { value }
}
