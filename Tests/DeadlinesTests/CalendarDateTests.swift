import Deadlines
import Foundation
import Testing

struct CalendarDateTests {
    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-04-31", "2026-1-5", "26-01-05", "2026-01-05x", ""])
    func nonexistentOrMalformedDatesAreRefused(text: String) {
        #expect(throws: DeadlineError.invalidDate) { try CalendarDate(text) }
    }

    @Test func leapDayExistsOnlyInLeapYears() throws {
        #expect(try date("2028-02-29").isLastDayOfMonth)
        #expect(throws: DeadlineError.invalidDate) { try CalendarDate(year: 2100, month: 2, day: 29) }
        #expect(try CalendarDate(year: 2000, month: 2, day: 29).day == 29)
    }

    @Test func addingDaysCrossesMonthAndYearEnds() throws {
        #expect(try date("2026-12-28").adding(days: 7) == date("2027-01-04"))
        #expect(try date("2028-02-27").adding(days: 3) == date("2028-03-01"))
        #expect(try date("2026-03-01").adding(days: -1) == date("2026-02-28"))
        #expect(try date("2026-01-01").days(until: date("2027-01-01")) == 365)
        #expect(try date("2028-01-01").days(until: date("2029-01-01")) == 366)
    }

    @Test func weekdayMatchesKnownDates() throws {
        #expect(try date("1970-01-01").weekday == .thursday)
        #expect(try date("2000-01-01").weekday == .saturday)
        #expect(try date("2026-03-22").weekday == .sunday)
        #expect(try date("1969-12-31").weekday == .wednesday)
    }

    @Test func encodesAsIsoTextAndRefusesBadTextWhenDecoding() throws {
        let data = try JSONEncoder().encode([date("2026-01-05")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-01-05"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [date("2026-01-05")])
        #expect(throws: DeadlineError.invalidDate) { try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2026-02-30"]"#.utf8)) }
    }

    /// China is UTC+8: 16:00 UTC on 31 December is already 1 January in Beijing.
    @Test func todayInChinaIsUTCPlusEight() throws {
        #expect(CalendarDate.inChina(at: Date(timeIntervalSince1970: 1_767_196_800)) == (try date("2026-01-01")))  // 2025-12-31T16:00:00Z
        #expect(CalendarDate.inChina(at: Date(timeIntervalSince1970: 1_767_196_799)) == (try date("2025-12-31")))
    }

    @Test func chineseTextDropsLeadingZeros() throws {
        #expect(try date("2026-01-05").chineseText == "2026年1月5日")
        #expect(try date("2026-01-05").description == "2026-01-05")
    }
}
