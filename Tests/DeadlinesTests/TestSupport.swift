import Deadlines

/// `date("2026-01-31")`: test dates are written the way the statute examples are worked by hand.
func date(_ text: String) throws -> CalendarDate { try CalendarDate(text) }

/// The shipped 2026 calendar, which most examples use.
let calendar2026 = HolidayCalendar.china2026
