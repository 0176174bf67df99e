import Deadlines
import Testing

/// 审查起诉期限: 刑事诉讼法第一百七十二条 (人民检察院刑事诉讼规则第二百七十三条、第三百五十一条) and the holiday rule of
/// 第一百零五条第四款.
struct ProsecutionReviewTests {
    private func review(
        _ received: String, track: ProsecutionReview.Track = .ordinary, custody: CustodyStatus = .inCustody
    ) throws -> ProsecutionReview {
        ProsecutionReview(receivedOn: try date(received), track: track, custody: custody)
    }

    /// 第一百七十二条第一款: one month: received 3月2日 → 4月2日.
    @Test func ordinaryReviewTakesOneMonth() throws {
        let deadline = try review("2026-03-02").deadline(calendar: calendar2026)
        #expect(deadline.kind == .prosecutionReview)
        #expect(deadline.due == (try date("2026-04-02")))
        #expect(deadline.citationText == "刑事诉讼法第一百七十二条第一款；人民检察院刑事诉讼规则第三百五十一条第一款")
    }

    /// 一个月 from 1月31日 ends on the last day of February (解释第二百零二条), here 2月28日, a Saturday worked under 调休:
    /// not a 节假日, so even a suspect on bail gets no extension. With weekends only it would move to Monday 3月2日.
    @Test func januaryThirtyFirstEndsOnAWorkingSaturday() throws {
        let onBail = try review("2026-01-31", custody: .notInCustody)
        #expect(onBail.deadline(calendar: calendar2026).due == (try date("2026-02-28")))
        #expect(!onBail.deadline(calendar: calendar2026).movedByHoliday)
        #expect(onBail.deadline(calendar: .weekendsOnly).due == (try date("2026-03-02")))
    }

    /// 第一百零五条第四款: a month from 3月5日 ends on 4月5日, a Sunday inside 清明节 (4月4日–6日). On bail it moves to
    /// Tuesday 4月7日; in custody it stays.
    @Test func periodEndingInQingmingMovesOnlyWhenNotInCustody() throws {
        let onBail = try review("2026-03-05", custody: .notInCustody).deadline(calendar: calendar2026)
        #expect(onBail.lastDay == (try date("2026-04-05")))
        #expect(onBail.due == (try date("2026-04-07")))
        #expect(onBail.explanation.contains("清明节"))
        let held = try review("2026-03-05").deadline(calendar: calendar2026)
        #expect(held.due == (try date("2026-04-05")))
    }

    /// 国庆: a month from 9月1日 ends on 10月1日 → 10月8日 on bail, 10月1日 in custody.
    @Test func periodEndingOnNationalDay() throws {
        #expect(try review("2026-09-01", custody: .notInCustody).deadline(calendar: calendar2026).due == date("2026-10-08"))
        #expect(try review("2026-09-01").deadline(calendar: calendar2026).due == date("2026-10-01"))
    }

    /// 第一百七十二条第一款: "重大、复杂的案件，可以延长十五日": 4月2日 + 15 = 4月17日; only once.
    @Test func majorOrComplexCaseExtendsByFifteenDaysOnce() throws {
        var review = try review("2026-03-02")
        try review.extend()
        let deadline = review.deadline(calendar: calendar2026)
        #expect(deadline.due == (try date("2026-04-17")))
        #expect(deadline.explanation.contains("2026年4月2日"))
        #expect(deadline.explanation.contains("审批主体"))
        #expect(throws: DeadlineError.alreadyExtended) { try review.extend() }
    }

    /// 第一百七十二条第一款: 速裁, ten days; "对可能判处的有期徒刑超过一年的，可以延长至十五日".
    @Test func fastTrackTakesTenDaysAndFifteenOverOneYear() throws {
        var overOneYear = try review("2026-03-02", track: .fastTrack(possibleSentenceOverOneYear: true))
        let before = overOneYear.deadline(calendar: calendar2026)
        #expect(before.due == (try date("2026-03-12")))
        #expect(before.citationText == "刑事诉讼法第一百七十二条第一款；人民检察院刑事诉讼规则第二百七十三条第一款")
        try overOneYear.extend()
        #expect(overOneYear.deadline(calendar: calendar2026).due == (try date("2026-03-17")))
    }

    @Test func fastTrackOfOneYearOrLessCannotBeExtended() throws {
        var review = try review("2026-03-02", track: .fastTrack(possibleSentenceOverOneYear: false))
        #expect(throws: DeadlineError.extensionNotProvided) { try review.extend() }
        #expect(review.deadline(calendar: calendar2026).due == (try date("2026-03-12")))
    }

    /// Ten days from Thursday 3月12日 end on Sunday 3月22日: moved to Monday for a suspect on bail.
    @Test func fastTrackEndingOnSundayMovesWhenNotInCustody() throws {
        let deadline = try review("2026-03-12", track: .fastTrack(possibleSentenceOverOneYear: false), custody: .notInCustody)
            .deadline(calendar: calendar2026)
        #expect(deadline.due == (try date("2026-03-23")))
    }

    /// 规则第二百七十三条第一款: a case found unfit for 速裁 has the ordinary period, from the same receipt.
    @Test func caseLeavingFastTrackGetsTheOrdinaryPeriod() throws {
        var review = try review("2026-03-02", track: .fastTrack(possibleSentenceOverOneYear: true))
        try review.extend()
        review.changeTrack(to: .ordinary)
        #expect(!review.isExtended)
        #expect(review.deadline(calendar: calendar2026).due == (try date("2026-04-02")))
    }

    /// 第一百七十二条第二款 / 规则第三百五十一条第二款: after a change of jurisdiction the period counts from the new
    /// procuratorate's receipt: 5月10日 (a Sunday; the suspect is held, so it stays).
    @Test func changeOfJurisdictionRestartsFromReceiptByTheNewProcuratorate() throws {
        var review = try review("2026-03-02")
        try review.extend()
        try review.changeJurisdiction(receivedOn: date("2026-04-10"))
        let deadline = review.deadline(calendar: calendar2026)
        #expect(deadline.start == (try date("2026-04-10")))
        #expect(deadline.due == (try date("2026-05-10")))
        #expect(!review.isExtended)
        #expect(deadline.citations.contains(LawCitation(.criminalProcedureLaw, article: 172, paragraph: 2)))
        #expect(deadline.explanation.contains("改变后的人民检察院收到案件之日起计算"))
    }

    @Test func eventsDatedBeforeThePreviousEventAreRefused() throws {
        var review = try review("2026-03-02")
        #expect(throws: DeadlineError.endBeforeStart) { try review.changeJurisdiction(receivedOn: date("2026-03-01")) }
        #expect(throws: DeadlineError.endBeforeStart) { try review.returnForSupplementaryInvestigation(on: date("2026-02-27")) }
        #expect(review.returnCount == 0)
    }
}
