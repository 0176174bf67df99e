import Deadlines
import Testing

/// 退回补充侦查: 刑事诉讼法第一百七十五条第三款 ("应当在一个月以内补充侦查完毕。补充侦查以二次为限。补充侦查完毕移送人民检察院后，
/// 人民检察院重新计算审查起诉期限"), 人民检察院刑事诉讼规则第三百四十六条 and 第三百五十条.
struct SupplementaryInvestigationTests {
    /// The whole worked example: received 3月2日; returned 3月20日 (due back 4月20日); back 4月15日 (review to 5月15日,
    /// extended to 5月30日); returned again 5月6日 (due back 6月6日, a Saturday, kept: the suspect is held); back 6月1日
    /// (review to 7月1日); a third return on 6月20日 is refused and changes nothing.
    @Test func twoReturnsRestartTheReviewAndTheThirdIsRefused() throws {
        var review = ProsecutionReview(receivedOn: try date("2026-03-02"), custody: .inCustody)

        try review.returnForSupplementaryInvestigation(on: date("2026-03-20"))
        var deadline = review.deadline(calendar: calendar2026)
        #expect(deadline.kind == .supplementaryInvestigation)
        #expect(deadline.due == (try date("2026-04-20")))
        #expect(deadline.citationText.hasPrefix("刑事诉讼法第一百七十五条第三款"))
        #expect(review.returnCount == 1)

        try review.resubmit(on: date("2026-04-15"))
        deadline = review.deadline(calendar: calendar2026)
        #expect(deadline.kind == .prosecutionReview)
        #expect(deadline.start == (try date("2026-04-15")))
        #expect(deadline.due == (try date("2026-05-15")))
        #expect(deadline.explanation.contains("重新计算审查起诉期限"))
        try review.extend()
        #expect(review.deadline(calendar: calendar2026).due == (try date("2026-05-30")))

        try review.returnForSupplementaryInvestigation(on: date("2026-05-06"))
        #expect(review.deadline(calendar: calendar2026).due == (try date("2026-06-06")))
        try review.resubmit(on: date("2026-06-01"))
        #expect(!review.isExtended)  // a new period, not yet extended
        #expect(review.deadline(calendar: calendar2026).due == (try date("2026-07-01")))

        let beforeRefusal = review
        #expect(throws: DeadlineError.thirdReturnRefused) { try review.returnForSupplementaryInvestigation(on: date("2026-06-20")) }
        #expect(review == beforeRefusal)
        #expect(review.returnCount == 2)
    }

    @Test func thirdReturnMessageCitesTheArticle() throws {
        var review = ProsecutionReview(receivedOn: try date("2026-03-02"), custody: .inCustody)
        for (out, back) in [("2026-03-03", "2026-03-04"), ("2026-03-05", "2026-03-06")] {
            try review.returnForSupplementaryInvestigation(on: date(out))
            try review.resubmit(on: date(back))
        }
        do {
            try review.returnForSupplementaryInvestigation(on: date("2026-03-07"))
            Issue.record("a third return was accepted")
        } catch let error as DeadlineError {
            #expect(error.message.contains("刑事诉讼法第一百七十五条第三款"))
            #expect(error.message.contains("不得第三次退回"))
        }
    }

    /// 规则第三百五十条: "改变管辖前后退回补充侦查的次数总共不得超过二次".
    @Test func returnsBeforeAndAfterAChangeOfJurisdictionCountTogether() throws {
        var review = ProsecutionReview(receivedOn: try date("2026-03-02"), custody: .inCustody)
        try review.returnForSupplementaryInvestigation(on: date("2026-03-10"))
        try review.resubmit(on: date("2026-04-01"))
        try review.changeJurisdiction(receivedOn: date("2026-04-10"))
        try review.returnForSupplementaryInvestigation(on: date("2026-04-20"))
        try review.resubmit(on: date("2026-05-01"))
        #expect(throws: DeadlineError.thirdReturnRefused) { try review.returnForSupplementaryInvestigation(on: date("2026-05-02")) }
    }

    @Test func eventsThatDoNotFitThePhaseAreRefused() throws {
        var review = ProsecutionReview(receivedOn: try date("2026-03-02"), custody: .inCustody)
        #expect(throws: DeadlineError.notReturned) { try review.resubmit(on: date("2026-03-10")) }
        try review.returnForSupplementaryInvestigation(on: date("2026-03-10"))
        #expect(throws: DeadlineError.notUnderReview) { try review.returnForSupplementaryInvestigation(on: date("2026-03-11")) }
        #expect(throws: DeadlineError.notUnderReview) { try review.extend() }
        #expect(throws: DeadlineError.notUnderReview) { try review.changeJurisdiction(receivedOn: date("2026-03-11")) }
        #expect(throws: DeadlineError.endBeforeStart) { try review.resubmit(on: date("2026-03-09")) }
    }

    /// 规则第三百四十六条: a supervisory commission's case goes back for 补充调查, also one month and at most twice; the
    /// 刑事诉讼法第一百七十五条 is about the police and is not cited.
    @Test func supervisoryCommissionCaseIsReturnedForSupplementaryInquiry() throws {
        var review = ProsecutionReview(receivedOn: try date("2026-03-02"), custody: .inCustody, referrer: .supervisoryCommission)
        try review.returnForSupplementaryInvestigation(on: date("2026-03-20"))
        let deadline = review.deadline(calendar: calendar2026)
        #expect(deadline.due == (try date("2026-04-20")))
        #expect(deadline.explanation.hasPrefix("退回监察机关补充调查的案件，应当在一个月以内补充调查完毕"))
        #expect(deadline.citationText == "人民检察院刑事诉讼规则第三百四十六条第一款；人民检察院刑事诉讼规则第三百四十六条第二款")
    }

    /// The supplementary period follows the holiday rule too: returned 9月1日 on bail → 10月1日 moved to 10月8日.
    @Test func supplementaryPeriodEndingOnNationalDayMovesWhenNotInCustody() throws {
        var review = ProsecutionReview(receivedOn: try date("2026-08-20"), custody: .notInCustody)
        try review.returnForSupplementaryInvestigation(on: date("2026-09-01"))
        #expect(review.deadline(calendar: calendar2026).due == (try date("2026-10-08")))
        review.custody = .inCustody
        #expect(review.deadline(calendar: calendar2026).due == (try date("2026-10-01")))
    }
}
