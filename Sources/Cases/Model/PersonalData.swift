import Identity

/// Masking and ages for the people of a case.
enum PersonalData {
    static func maskCitizenID(_ value: String?) -> String? { PersonalDataMask.citizenID(value) }

    /// Whole years between a `YYYY-MM-DD` birth date and `today` (same format).
    static func age(birthDate: String, on today: String) -> Int {
        let birth = birthDate.split(separator: "-").compactMap { Int($0) }
        let now = today.split(separator: "-").compactMap { Int($0) }
        guard birth.count == 3, now.count == 3 else { return 0 }
        var years = now[0] - birth[0]
        if (now[1], now[2]) < (birth[1], birth[2]) { years -= 1 }
        return years
    }
}
