public import Foundation

extension CalendarDate {
    /// The calendar date in China at `instant`.
    ///
    /// China Standard Time is UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact for every date a
    /// case can have and does not depend on the tz database being installed. Pass the instant in (no hidden clock) so that
    /// callers can inject time in tests.
    public static func inChina(at instant: Date) -> CalendarDate {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + 8 * 3600
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return CalendarDate(dayNumber: days)
    }
}
