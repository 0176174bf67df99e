/// A day on the calendar of China (Asia/Shanghai), with no time and no time zone.
///
/// Statutory periods are counted in whole calendar days (刑事诉讼法第一百零五条), so the engine works on dates, never on
/// `Date` plus a time zone: there is no daylight saving to get wrong and a value means the same day everywhere.
/// Stored and decoded as `"YYYY-MM-DD"`.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A date that exists in the proleptic Gregorian calendar, years 1–9999.
    /// - Throws: ``DeadlineError/invalidDate`` for 2026-02-29, month 13 and the like.
    public init(year: Int, month: Int, day: Int) throws {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else {
            throw DeadlineError.invalidDate("\(year)-\(month)-\(day)")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `"2026-01-31"`.
    /// - Throws: ``DeadlineError/invalidDate`` when the text is not `YYYY-MM-DD` or the day does not exist.
    public init(_ text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { throw DeadlineError.invalidDate(text) }
        do {
            try self.init(year: year, month: month, day: day)
        } catch {
            throw DeadlineError.invalidDate(text)
        }
    }

    /// Builds a date already known to exist (from day-number arithmetic).
    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `2026-01-31`.
    public var description: String {
        let y = String(year), m = String(month), d = String(day)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + (m.count == 1 ? "0" : "") + m + "-" + (d.count == 1 ? "0" : "") + d
    }

    /// `2026年1月31日`, as the UI and legal documents write dates.
    public var chineseText: String { "\(year)年\(month)月\(day)日" }

    /// Whether `year` has a 29 February.
    public static func isLeapYear(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// The number of days in a month: 28–31.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Whether this is the last day of its month (28/29 February, 30 April, 31 May…), which matters for month periods.
    public var isLastDayOfMonth: Bool { day == Self.daysIn(month: month, year: year) }
}

extension CalendarDate: Codable {
    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
