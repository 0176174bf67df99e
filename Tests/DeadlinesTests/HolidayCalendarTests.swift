import Deadlines
import Foundation
import Testing

/// The holiday data behind 刑事诉讼法第一百零五条第四款, and the 2026 State Council notice.
struct HolidayCalendarTests {
    /// Every weekday the 2026 notice prints in brackets, so a typing mistake in the data or the weekday formula shows.
    @Test(arguments: [
        ("2026-01-01", Weekday.thursday), ("2026-01-03", .saturday), ("2026-01-04", .sunday), ("2026-02-15", .sunday),
        ("2026-02-23", .monday), ("2026-02-14", .saturday), ("2026-02-28", .saturday), ("2026-04-04", .saturday),
        ("2026-04-06", .monday), ("2026-05-01", .friday), ("2026-05-05", .tuesday), ("2026-05-09", .saturday),
        ("2026-06-19", .friday), ("2026-06-21", .sunday), ("2026-09-25", .friday), ("2026-09-27", .sunday),
        ("2026-10-01", .thursday), ("2026-10-07", .wednesday), ("2026-09-20", .sunday), ("2026-10-10", .saturday),
    ])
    func weekdaysPrintedInThe2026NoticeMatch(text: String, weekday: Weekday) throws {
        #expect(try date(text).weekday == weekday)
    }

    @Test func restDaysFollowWeekendsHolidaysAndAdjustedWorkingDays() throws {
        #expect(calendar2026.isRestDay(try date("2026-03-22")))  // ordinary Sunday
        #expect(!calendar2026.isRestDay(try date("2026-03-23")))  // ordinary Monday
        #expect(calendar2026.isRestDay(try date("2026-10-05")))  // 国庆节, a Monday
        #expect(!calendar2026.isRestDay(try date("2026-02-28")))  // 调休: Saturday worked
        #expect(!calendar2026.isRestDay(try date("2026-09-20")))  // 调休: Sunday worked
        #expect(calendar2026.holidayName(on: try date("2026-10-05")) == "国庆节")
        #expect(calendar2026.holidayName(on: try date("2026-03-22")) == nil)
    }

    /// "以节假日后的第一日为期满日期": the first day after the whole run of rest days.
    @Test func firstWorkingDaySkipsTheWholeHoliday() throws {
        #expect(calendar2026.firstWorkingDay(onOrAfter: try date("2026-10-01")) == (try date("2026-10-08")))
        #expect(calendar2026.firstWorkingDay(onOrAfter: try date("2026-02-21")) == (try date("2026-02-24")))
        #expect(calendar2026.firstWorkingDay(onOrAfter: try date("2026-03-21")) == (try date("2026-03-23")))
        #expect(calendar2026.firstWorkingDay(onOrAfter: try date("2026-02-28")) == (try date("2026-02-28")))
        #expect(calendar2026.firstWorkingDay(onOrAfter: try date("2026-03-24")) == (try date("2026-03-24")))
    }

    /// A year nobody entered has weekends only; entering it (here an invented test arrangement, not a real notice) changes
    /// the answer, and removing it changes it back.
    @Test func arrangementsAreEditedPerYear() throws {
        var calendar = calendar2026
        let testDay = try date("2027-10-01")  // a Friday
        #expect(!calendar.hasArrangement(for: 2027))
        #expect(!calendar.isRestDay(testDay))
        let invented = try HolidayCalendar.YearArrangement(
            year: 2027, holidays: [.init(name: "测试假期", first: testDay, last: date("2027-10-04"))],
            workingDays: [date("2027-10-09")], source: "测试数据，非国务院通知")
        calendar.set(invented)
        #expect(calendar.hasArrangement(for: 2027))
        #expect(calendar.isRestDay(testDay))
        #expect(!calendar.isRestDay(try date("2027-10-09")))  // Saturday made a working day
        calendar.removeArrangement(for: 2027)
        #expect(!calendar.isRestDay(testDay))
        #expect(calendar.isRestDay(try date("2027-10-09")))
    }

    @Test func inconsistentArrangementsAreRefused() throws {
        let monday = try date("2026-03-23")
        #expect(throws: DeadlineError.invalidHolidayArrangement) {
            try HolidayCalendar.YearArrangement(year: 2026, holidays: [], workingDays: [monday], source: "")
        }
        #expect(throws: DeadlineError.invalidHolidayArrangement) {
            try HolidayCalendar.Holiday(name: "国庆节", first: date("2026-10-07"), last: date("2026-10-01"))
        }
        #expect(throws: DeadlineError.invalidHolidayArrangement) {
            try HolidayCalendar.YearArrangement(
                year: 2026, holidays: [.init(name: "国庆节", first: date("2026-10-01"), last: date("2026-10-07"))],
                workingDays: [date("2026-10-03")], source: "")
        }
        #expect(throws: DeadlineError.invalidHolidayArrangement) {
            try HolidayCalendar.YearArrangement(
                year: 2027, holidays: [.init(name: "元旦", first: date("2026-12-31"), last: date("2027-01-01"))], workingDays: [], source: "")
        }
    }

    /// The case module stores the calendar as JSON; decoding runs the same checks as entering it.
    @Test func calendarRoundTripsThroughJSONAndDecodingChecksTheData() throws {
        let data = try JSONEncoder().encode(calendar2026)
        #expect(try JSONDecoder().decode(HolidayCalendar.self, from: data) == calendar2026)
        let broken = #"{"arrangements":[{"year":2026,"holidays":[],"workingDays":["2026-03-23"],"source":""}]}"#
        #expect(throws: DeadlineError.invalidHolidayArrangement) { try JSONDecoder().decode(HolidayCalendar.self, from: Data(broken.utf8)) }
    }
}
