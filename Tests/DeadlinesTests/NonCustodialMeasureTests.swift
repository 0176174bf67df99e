import Deadlines
import Testing

/// 刑事诉讼法第七十九条第一款: "取保候审最长不得超过十二个月，监视居住最长不得超过六个月" (规则第一百零二条、第一百一十二条).
struct NonCustodialMeasureTests {
    @Test func maximaAreTwelveAndSixMonths() {
        #expect(NonCustodialMeasure.bail.maximum == .months(12))
        #expect(NonCustodialMeasure.residentialSurveillance.maximum == .months(6))
    }

    /// Bail carried out on 2026年3月5日 may last until 2027年3月5日 (a Friday).
    @Test func bailEndsTwelveMonthsLater() throws {
        let deadline = NonCustodialMeasure.bail.maximumDeadline(executedOn: try date("2026-03-05"), calendar: calendar2026)
        #expect(deadline.kind == .bail)
        #expect(deadline.due == (try date("2027-03-05")))
        #expect(deadline.citationText == "刑事诉讼法第七十九条第一款；人民检察院刑事诉讼规则第一百零二条")
        #expect(deadline.explanation.hasPrefix("取保候审最长不得超过十二个月"))
    }

    /// Bail from 2024年2月29日: 2025 has no 29 February, so the period ends on 2月28日.
    @Test func bailFromLeapDayEndsOnTheLastDayOfFebruary() throws {
        #expect(NonCustodialMeasure.bail.maximumDeadline(executedOn: try date("2024-02-29"), calendar: .weekendsOnly).due == (try date("2025-02-28")))
    }

    /// Surveillance from 4月1日 ends on 10月1日; the person is not held, so by 第一百零五条第四款 it moves to 10月8日.
    @Test func surveillanceEndingOnNationalDayMovesToTheNextWorkingDay() throws {
        let deadline = NonCustodialMeasure.residentialSurveillance.maximumDeadline(executedOn: try date("2026-04-01"), calendar: calendar2026)
        #expect(deadline.kind == .residentialSurveillance)
        #expect(deadline.lastDay == (try date("2026-10-01")))
        #expect(deadline.due == (try date("2026-10-08")))
        #expect(deadline.citations.contains(LawCitation(.procuratorateRules, article: 112)))
    }

    /// Surveillance from 8月31日 (a month end) ends on the last day of February, 2026年2月28日, a Saturday worked under 调休.
    @Test func surveillanceFromMonthEndEndsOnWorkingSaturday() throws {
        let deadline = NonCustodialMeasure.residentialSurveillance.maximumDeadline(executedOn: try date("2025-08-31"), calendar: calendar2026)
        #expect(deadline.due == (try date("2026-02-28")))
        #expect(!deadline.movedByHoliday)
    }
}
