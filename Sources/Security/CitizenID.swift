public import Foundation

/// A validated 18-character 公民身份号码 (GB 11643-1999).
///
/// Structure: 6-digit address code (GB/T 2260 administrative division), 8-digit birth date YYYYMMDD,
/// 3-digit sequence (odd = male), and a check character computed with ISO 7064 MOD 11-2:
/// weights Wᵢ = 2^(17−i) mod 11 = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over the first 17 digits,
/// Y = Σ aᵢWᵢ mod 11, check = "10X98765432"[Y] (GB 11643-1999 §5.5; the same weights and table are
/// reproduced in public copies of the standard).
///
/// Personal data: ``description`` is the masked form, so the number never reaches a log by accident.
public struct CitizenID: Hashable, Sendable, CustomStringConvertible {
    /// The 18 characters, with a lower-case `x` normalised to `X`.
    public let value: String
    public let birthDate: CalendarDate

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters = Array("10X98765432")
    /// First two digits of GB/T 2260 province-level codes, plus 81/82/83 used by residence permits for
    /// residents of Hong Kong, Macao and Taiwan (which follow the same GB 11643 number structure).
    static let provinceCodes: Set<String> = [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45",
        "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83",
    ]
    /// Earliest birth year accepted: catches a mistyped century. The standard's own example is born in 1880.
    static let earliestBirthYear = 1800

    /// Validates `text` against the date `today` (the date in China when the check runs).
    /// - Throws: an ``IdentifierError`` naming the first rule broken.
    public init(_ text: String, today: CalendarDate) throws(IdentifierError) {
        let characters = Array(text.trimmingCharacters(in: .whitespaces).uppercased())
        if characters.count == 15, characters.allSatisfy(\.isASCIIDigit) { throw .citizenIDLegacyFifteenDigit }
        guard characters.count == 18 else { throw .citizenIDWrongLength }
        guard characters[0..<17].allSatisfy(\.isASCIIDigit), characters[17].isASCIIDigit || characters[17] == "X" else {
            throw .citizenIDInvalidCharacter
        }
        let digits = characters[0..<17].map { Int($0.asciiValue! - 48) }
        guard Self.provinceCodes.contains(String(characters[0..<2])), digits[2..<6] != [0, 0, 0, 0] || characters[0] == "8" else {
            throw .citizenIDInvalidRegion
        }
        let year = digits[6..<10].reduce(0) { $0 * 10 + $1 }
        let month = digits[10] * 10 + digits[11]
        let day = digits[12] * 10 + digits[13]
        guard let birthDate = CalendarDate(year: year, month: month, day: day), year >= Self.earliestBirthYear else {
            throw .citizenIDInvalidBirthDate
        }
        guard birthDate <= today else { throw .citizenIDBirthDateInFuture }
        guard Self.checkCharacter(forDigits: digits) == characters[17] else { throw .citizenIDCheckCharacterMismatch }
        self.value = String(characters)
        self.birthDate = birthDate
    }

    /// Validates against today's date in China (UTC+8, no daylight saving).
    public init(_ text: String, now: Date = Date()) throws(IdentifierError) {
        try self.init(text, today: Self.chinaDate(at: now))
    }

    /// The check character for the first 17 digits, or nil when `body` is not 17 ASCII digits.
    /// Useful to build test numbers; never to "repair" a number someone typed.
    public static func checkCharacter(forBody body: String) -> Character? {
        let characters = Array(body)
        guard characters.count == 17, characters.allSatisfy(\.isASCIIDigit) else { return nil }
        return checkCharacter(forDigits: characters.map { Int($0.asciiValue! - 48) })
    }

    private static func checkCharacter(forDigits digits: [Int]) -> Character {
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11]
    }

    /// The first 4 and last 4 characters with the 10 between starred: `3201**********123X`.
    public var masked: String { String(value.prefix(4)) + String(repeating: "*", count: 10) + String(value.suffix(4)) }

    /// True when the sequence code is odd (GB 11643-1999 §5.4: odd numbers are assigned to men).
    public var sequenceIndicatesMale: Bool { Int(String(Array(value)[16]))! % 2 == 1 }

    public var description: String { masked }

    static func chinaDate(at date: Date) -> CalendarDate {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down)) + 8 * 3600
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return CalendarDate(daysSinceEpoch: days)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
