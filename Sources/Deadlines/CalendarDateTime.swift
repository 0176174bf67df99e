/// A date and a wall-clock time in Asia/Shanghai, to the minute: the start of a period counted in hours.
public struct CalendarDateTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let date: CalendarDate
    public let hour: Int
    public let minute: Int

    /// - Throws: ``DeadlineError/invalidTime`` when the hour is not 0–23 or the minute not 0–59.
    public init(date: CalendarDate, hour: Int, minute: Int = 0) throws {
        guard (0...23).contains(hour), (0...59).contains(minute) else { throw DeadlineError.invalidTime(hour: hour, minute: minute) }
        self.date = date
        self.hour = hour
        self.minute = minute
    }

    public static func < (lhs: CalendarDateTime, rhs: CalendarDateTime) -> Bool {
        (lhs.date, lhs.hour, lhs.minute) < (rhs.date, rhs.hour, rhs.minute)
    }

    /// `2026-01-31 09:05`.
    public var description: String {
        "\(date) \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }

    /// `2026年1月31日9时5分`.
    public var chineseText: String { "\(date.chineseText)\(hour)时\(minute)分" }

    /// The moment a period counted in hours expires.
    ///
    /// 刑事诉讼法第一百零五条第二款: "期间开始的时…不算在期间以内". The hour in which the event happens is not counted, so
    /// counting starts at the next full hour: a 24-hour period from 10:20 expires at 11:00 on the next day.
    /// The holiday rule of 第四款 speaks of the last *day* and is not applied to hours.
    /// - Throws: ``DeadlineError/invalidPeriod`` unless `period` is a positive number of hours.
    public func end(of period: Period) throws -> CalendarDateTime {
        try period.validate()
        guard case .hours(let hours) = period else { throw DeadlineError.invalidPeriod("\(period)不是以时计算的期间") }
        let total = hour + 1 + hours
        let days = total / 24
        return try CalendarDateTime(date: date.adding(days: days), hour: total % 24, minute: 0)
    }
}
