import Deadlines
import Testing

/// 审查逮捕: 刑事诉讼法第九十一条第三款, 人民检察院刑事诉讼规则第二百八十二条 (police request) and 第二百九十七条 (own
/// investigation); the holiday rule of 第一百零五条第四款.
struct ArrestReviewTests {
    /// 第九十一条第三款 / 规则第二百八十二条: detained, seven days from receipt: received Monday 3月2日 → Monday 3月9日.
    @Test func detainedSuspectHasSevenDays() throws {
        let deadline = try ArrestReview.deadline(
            receivedOn: date("2026-03-02"), track: .policeRequest, suspectDetained: true, calendar: calendar2026)
        #expect(deadline.kind == .arrestReview)
        #expect(deadline.due == (try date("2026-03-09")))
        #expect(!deadline.holidayExtensionApplies)
        #expect(deadline.citationText == "刑事诉讼法第九十一条第三款；人民检察院刑事诉讼规则第二百八十二条")
        #expect(deadline.explanation.contains("七日以内作出是否批准逮捕的决定"))
    }

    /// 第一百零五条第四款 proviso: received Sunday 3月15日, the seventh day is Sunday 3月22日 and stays, the suspect is held.
    @Test func detainedSuspectsPeriodEndingOnSundayIsNotMoved() throws {
        let deadline = try ArrestReview.deadline(
            receivedOn: date("2026-03-15"), track: .policeRequest, suspectDetained: true, calendar: calendar2026)
        #expect(deadline.due == (try date("2026-03-22")))
        #expect(!deadline.movedByHoliday)
        #expect(deadline.explanation.contains("不因节假日而延长"))
        #expect(deadline.citations.contains(LawCitation(.criminalProcedureLaw, article: 105, paragraph: 4)))
    }

    /// 规则第二百八十二条: not detained, fifteen days: received Saturday 3月7日 → Sunday 3月22日, moved to Monday 3月23日.
    @Test func suspectNotDetainedHasFifteenDaysMovedPastSunday() throws {
        let deadline = try ArrestReview.deadline(
            receivedOn: date("2026-03-07"), track: .policeRequest, suspectDetained: false, calendar: calendar2026)
        #expect(deadline.lastDay == (try date("2026-03-22")))
        #expect(deadline.due == (try date("2026-03-23")))
        #expect(deadline.holidayExtensionApplies && deadline.movedByHoliday)
        #expect(deadline.citationText == "人民检察院刑事诉讼规则第二百八十二条；刑事诉讼法第一百零五条第四款")
    }

    /// 规则第二百八十二条: "重大、复杂案件，不得超过二十日": received 3月3日 → Monday 3月23日.
    @Test func majorOrComplexCaseNotDetainedHasTwentyDays() throws {
        let deadline = try ArrestReview.deadline(
            receivedOn: date("2026-03-03"), track: .policeRequest, suspectDetained: false, extension: .majorOrComplex, calendar: calendar2026)
        #expect(deadline.due == (try date("2026-03-23")))
        #expect(deadline.explanation.contains("不得超过二十日"))
    }

    /// 国庆: fifteen days from 9月16日 end on 10月1日; moved to 10月8日 when not detained, kept when detained (seven days
    /// from 9月24日).
    @Test func nationalDayMovesOnlyTheSuspectNotDetained() throws {
        let free = try ArrestReview.deadline(receivedOn: date("2026-09-16"), track: .policeRequest, suspectDetained: false, calendar: calendar2026)
        #expect(free.lastDay == (try date("2026-10-01")))
        #expect(free.due == (try date("2026-10-08")))
        #expect(free.explanation.contains("国庆节"))
        let held = try ArrestReview.deadline(receivedOn: date("2026-09-24"), track: .policeRequest, suspectDetained: true, calendar: calendar2026)
        #expect(held.due == (try date("2026-10-01")))
    }

    /// 规则第二百九十七条: own investigation, detained, seven days plus one to three in special circumstances: 3月2日 + 10 = 3月12日.
    @Test func ownInvestigationDetainedMayAddOneToThreeDays() throws {
        let plain = try ArrestReview.deadline(receivedOn: date("2026-03-02"), track: .ownInvestigation, suspectDetained: true, calendar: calendar2026)
        #expect(plain.due == (try date("2026-03-09")))
        #expect(plain.citationText == "人民检察院刑事诉讼规则第二百九十七条")
        let extended = try ArrestReview.deadline(
            receivedOn: date("2026-03-02"), track: .ownInvestigation, suspectDetained: true, extension: .specialCircumstances(days: 3),
            calendar: calendar2026)
        #expect(extended.due == (try date("2026-03-12")))
        #expect(extended.explanation.contains("延长3日，共10日"))
    }

    /// Extensions the rules do not give are refused rather than silently ignored.
    @Test(arguments: [
        (ArrestReview.Track.policeRequest, true, ArrestReview.Extension.majorOrComplex),
        (.policeRequest, true, .specialCircumstances(days: 2)),
        (.ownInvestigation, true, .specialCircumstances(days: 4)),
        (.ownInvestigation, true, .specialCircumstances(days: 0)),
        (.ownInvestigation, false, .specialCircumstances(days: 1)),
        (.ownInvestigation, true, .majorOrComplex),
    ])
    func extensionsNotInTheRulesAreRefused(track: ArrestReview.Track, detained: Bool, requested: ArrestReview.Extension) {
        #expect(throws: DeadlineError.extensionNotProvided) {
            try ArrestReview.deadline(
                receivedOn: date("2026-03-02"), track: track, suspectDetained: detained, extension: requested, calendar: calendar2026)
        }
    }
}
