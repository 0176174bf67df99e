import Deadlines
import Testing

/// 侦查羁押期限: 刑事诉讼法第一百五十六条、第一百五十八条、第一百五十九条、第一百六十条第一款; 人民检察院刑事诉讼规则第三百零九条第三款.
struct InvestigationCustodyTests {
    /// Arrested 1月10日: two months to 3月10日; +1 month (第一百五十六条) to 4月10日; +2 (第一百五十八条) to 6月10日; +2
    /// (第一百五十九条) to 8月10日. Each explanation names the approving procuratorate.
    @Test func threeExtensionsInOrderReachSevenMonths() throws {
        var custody = InvestigationCustody(arrestedOn: try date("2026-01-10"))
        #expect(custody.deadline(calendar: calendar2026).due == (try date("2026-03-10")))
        try custody.extend(.complexCase, requestedOn: date("2026-03-01"))
        #expect(custody.deadline(calendar: calendar2026).due == (try date("2026-04-10")))
        #expect(custody.deadline(calendar: calendar2026).explanation.contains("经上一级人民检察院批准延长一个月"))
        try custody.extend(.listedMajorCase, requestedOn: date("2026-04-01"))
        #expect(custody.deadline(calendar: calendar2026).due == (try date("2026-06-10")))
        try custody.extend(.possibleTenYearsOrMore, requestedOn: date("2026-06-01"))
        let deadline = custody.deadline(calendar: calendar2026)
        #expect(deadline.due == (try date("2026-08-10")))
        #expect(deadline.explanation.contains("经省、自治区、直辖市人民检察院批准或者决定再延长二个月"))
        #expect(deadline.citationText == "刑事诉讼法第一百五十六条；刑事诉讼法第一百五十八条；刑事诉讼法第一百五十九条")
        #expect(throws: DeadlineError.alreadyExtended) { try custody.extend(.possibleTenYearsOrMore, requestedOn: date("2026-08-01")) }
    }

    /// 第一百五十八条 applies once the 第一百五十六条 period has run out, and 第一百五十九条 after 第一百五十八条.
    @Test func extensionsOutOfOrderAreRefused() throws {
        var custody = InvestigationCustody(arrestedOn: try date("2026-01-10"))
        #expect(throws: DeadlineError.extensionOutOfOrder) { try custody.extend(.listedMajorCase, requestedOn: date("2026-03-01")) }
        #expect(throws: DeadlineError.extensionOutOfOrder) { try custody.extend(.possibleTenYearsOrMore, requestedOn: date("2026-03-01")) }
        try custody.extend(.complexCase, requestedOn: date("2026-03-01"))
        #expect(throws: DeadlineError.alreadyExtended) { try custody.extend(.complexCase, requestedOn: date("2026-03-02")) }
        #expect(custody.extensions == [.complexCase])
    }

    /// 规则第三百零九条第三款: "对于超过法定羁押期限提请延长侦查羁押期限的，不予受理". The last day itself is still in time.
    @Test func extensionRequestedAfterExpiryIsNotAccepted() throws {
        var custody = InvestigationCustody(arrestedOn: try date("2026-01-10"))
        #expect(throws: DeadlineError.extensionAfterExpiry) { try custody.extend(.complexCase, requestedOn: date("2026-03-11")) }
        try custody.extend(.complexCase, requestedOn: date("2026-03-10"))
        #expect(custody.lastDay == (try date("2026-04-10")))
    }

    /// Arrested 12月31日, the last day of the month: two months end on the last day of February (解释第二百零二条), and the
    /// one-month extension counted from 2月28日, again a last day, ends on 3月31日.
    @Test func monthEndArrestRunsToMonthEnds() throws {
        var custody = InvestigationCustody(arrestedOn: try date("2025-12-31"))
        #expect(custody.lastDay == (try date("2026-02-28")))
        try custody.extend(.complexCase, requestedOn: date("2026-02-20"))
        #expect(custody.lastDay == (try date("2026-03-31")))
    }

    /// 第一百六十条第一款: another important crime found on 3月20日 restarts two months from that day; extensions lapse.
    @Test func anotherImportantCrimeRestartsThePeriod() throws {
        var custody = InvestigationCustody(arrestedOn: try date("2026-01-10"))
        try custody.extend(.complexCase, requestedOn: date("2026-03-01"))
        try custody.restart(discoveredOn: date("2026-03-20"))
        let deadline = custody.deadline(calendar: calendar2026)
        #expect(deadline.due == (try date("2026-05-20")))
        #expect(custody.extensions.isEmpty)
        #expect(deadline.citations.contains(LawCitation(.criminalProcedureLaw, article: 160, paragraph: 1)))
        #expect(throws: DeadlineError.endBeforeStart) { try custody.restart(discoveredOn: date("2026-03-19")) }
    }

    /// The suspect is held: two months from 8月1日 end on 10月1日 and are not moved past 国庆.
    @Test func custodyPeriodEndingOnNationalDayIsNotMoved() throws {
        let deadline = InvestigationCustody(arrestedOn: try date("2026-08-01")).deadline(calendar: calendar2026)
        #expect(deadline.due == (try date("2026-10-01")))
        #expect(!deadline.holidayExtensionApplies)
    }
}
