import Deadlines
import Testing

/// 刑事诉讼法第一百零五条第一、二款 (periods in hours, days, months; the starting hour and day are not counted) and, for
/// months, 最高人民法院关于适用刑事诉讼法的解释第二百零二条第一款.
struct PeriodArithmeticTests {
    /// 第一百零五条第二款: received on 3月1日, day 1 is 3月2日, day 7 is 3月8日.
    @Test func dayPeriodDoesNotCountTheStartingDay() throws {
        #expect(try date("2026-03-01").lastDay(of: .days(7)) == date("2026-03-08"))
        #expect(try date("2026-03-01").lastDay(of: .days(1)) == date("2026-03-02"))
    }

    /// 解释第二百零二条: "自本月某日至下月同日为一个月".
    @Test func monthRunsToTheSameDayOfTheNextMonth() throws {
        #expect(try date("2026-03-05").lastDay(of: .months(1)) == date("2026-04-05"))
        #expect(try date("2026-12-15").lastDay(of: .months(1)) == date("2027-01-15"))
    }

    /// 解释第二百零二条: "下月同日不存在的，自本月某日至下月最后一日为一个月".
    @Test func januaryThirtyFirstPlusOneMonthIsTheLastDayOfFebruary() throws {
        #expect(try date("2026-01-31").lastDay(of: .months(1)) == date("2026-02-28"))
        #expect(try date("2028-01-31").lastDay(of: .months(1)) == date("2028-02-29"))
        #expect(try date("2026-03-31").lastDay(of: .months(1)) == date("2026-04-30"))
    }

    /// 解释第二百零二条: "期限起算日为本月最后一日的，至下月最后一日为一个月".
    @Test func lastDayOfAMonthRunsToTheLastDayOfTheNextMonth() throws {
        #expect(try date("2026-02-28").lastDay(of: .months(1)) == date("2026-03-31"))
        #expect(try date("2026-04-30").lastDay(of: .months(1)) == date("2026-05-31"))
        // In a leap year 28 February is not the last day, so the same-day rule applies.
        #expect(try date("2028-02-28").lastDay(of: .months(1)) == date("2028-03-28"))
    }

    /// Twelve months (取保候审, 第七十九条) across leap years, by the same two rules.
    @Test func twelveMonthsAcrossLeapYears() throws {
        #expect(try date("2023-02-28").lastDay(of: .months(12)) == date("2024-02-29"))  // last day → last day
        #expect(try date("2024-02-29").lastDay(of: .months(12)) == date("2025-02-28"))
        #expect(try date("2024-02-28").lastDay(of: .months(12)) == date("2025-02-28"))  // same day exists
    }

    /// Several months are reached in one step, so a missing day in a month passed through does not shift the end.
    @Test func severalMonthsAreCountedToTheSameDayOfTheTargetMonth() throws {
        #expect(try date("2026-01-30").lastDay(of: .months(2)) == date("2026-03-30"))
        #expect(try date("2026-08-31").lastDay(of: .months(6)) == date("2027-02-28"))
    }

    @Test(arguments: [Period.days(0), .days(-1), .months(-2), .months(0)])
    func zeroOrNegativePeriodsAreRefused(period: Period) {
        #expect(throws: DeadlineError.invalidPeriod) { try date("2026-03-01").lastDay(of: period) }
    }

    @Test func hourPeriodNeedsATimeOfDay() {
        #expect(throws: DeadlineError.invalidPeriod) { try date("2026-03-01").lastDay(of: .hours(24)) }
    }

    /// 第一百零五条第二款: "期间开始的时…不算在期间以内": 24 hours from 10:20 run from 11:00 to 11:00 the next day.
    @Test func hourPeriodStartsCountingAtTheNextFullHour() throws {
        let detained = try CalendarDateTime(date: date("2026-03-01"), hour: 10, minute: 20)
        #expect(try detained.end(of: .hours(24)) == CalendarDateTime(date: date("2026-03-02"), hour: 11))
        let lateEvening = try CalendarDateTime(date: date("2026-12-31"), hour: 23, minute: 30)
        #expect(try lateEvening.end(of: .hours(24)) == CalendarDateTime(date: date("2027-01-02"), hour: 0))
        #expect(try lateEvening.end(of: .hours(1)) == CalendarDateTime(date: date("2027-01-01"), hour: 1))
    }

    @Test func hourPeriodRefusesBadInput() throws {
        #expect(throws: DeadlineError.invalidTime) { try CalendarDateTime(date: date("2026-03-01"), hour: 24) }
        let start = try CalendarDateTime(date: date("2026-03-01"), hour: 9)
        #expect(throws: DeadlineError.invalidPeriod) { try start.end(of: .hours(-3)) }
        #expect(throws: DeadlineError.invalidPeriod) { try start.end(of: .days(1)) }
    }
}
