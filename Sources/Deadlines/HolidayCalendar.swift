/// Which days are 节假日 (rest days) for the holiday rule of 刑事诉讼法第一百零五条第四款.
///
/// Saturdays and Sundays are built in. Statutory holidays and the weekend days turned into working days (调休) change every
/// year with the State Council's notice, so they are data: one ``YearArrangement`` per year, which the procuratorate
/// enters or corrects and the case module stores (the value is `Codable`). A year with no arrangement has weekends only;
/// ask ``hasArrangement(for:)`` to warn about it.
public struct HolidayCalendar: Hashable, Sendable {
    /// The arrangements entered so far, by year.
    public private(set) var arrangements: [Int: YearArrangement]

    /// A calendar with the given arrangements (at most one per year; a later one for the same year wins).
    public init(_ arrangements: [YearArrangement] = []) {
        var byYear: [Int: YearArrangement] = [:]
        for arrangement in arrangements { byYear[arrangement.year] = arrangement }
        self.arrangements = byYear
    }

    /// Weekends only: for tests and for a procuratorate that has not entered any year yet.
    public static let weekendsOnly = HolidayCalendar()

    /// Adds or replaces the arrangement of `arrangement.year`.
    public mutating func set(_ arrangement: YearArrangement) { arrangements[arrangement.year] = arrangement }

    /// Removes a year's arrangement, leaving weekends only for that year.
    public mutating func removeArrangement(for year: Int) { arrangements[year] = nil }

    /// Whether the State Council arrangement of `year` has been entered; without it holidays in that year are not known.
    public func hasArrangement(for year: Int) -> Bool { arrangements[year] != nil }

    /// Whether `date` is a 节假日: a statutory holiday, or a Saturday or Sunday that is not an adjusted working day.
    public func isRestDay(_ date: CalendarDate) -> Bool {
        if let arrangement = arrangements[date.year] {
            if arrangement.workingDays.contains(date) { return false }
            if arrangement.holiday(on: date) != nil { return true }
        }
        return date.weekday.isWeekend
    }

    /// The name of the statutory holiday on `date` (`国庆节`), or nil for weekends and working days.
    public func holidayName(on date: CalendarDate) -> String? { arrangements[date.year]?.holiday(on: date)?.name }

    /// `date` itself when it is a working day, otherwise the first working day after it.
    ///
    /// This is 第一百零五条第四款's "以节假日后的第一日为期满日期": the first day after the run of rest days.
    public func firstWorkingDay(onOrAfter date: CalendarDate) -> CalendarDate {
        var day = date
        // Rest days come in runs of at most about ten; the bound only guards against a corrupt arrangement.
        for _ in 0..<366 {
            guard isRestDay(day) else { break }
            day = day.adding(days: 1)
        }
        return day
    }
}

extension HolidayCalendar: Codable {
    private enum CodingKeys: String, CodingKey { case arrangements }

    /// Stored as a list sorted by year, which reads and diffs better than a dictionary keyed by numbers.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode([YearArrangement].self, forKey: .arrangements))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(arrangements.values.sorted { $0.year < $1.year }, forKey: .arrangements)
    }
}
