import Deadlines
import Testing

/// 刑事诉讼法第一百七十条第二款 / 规则第一百四十三条: ten days after detention, one to four more in special circumstances.
struct CoerciveMeasureDecisionTests {
    @Test func tenDaysAfterDetentionPlusUpToFour() throws {
        let plain = try CoerciveMeasureDecision.deadline(detainedOn: date("2026-03-02"), calendar: calendar2026)
        #expect(plain.due == (try date("2026-03-12")))
        #expect(plain.citationText == "刑事诉讼法第一百七十条第二款；人民检察院刑事诉讼规则第一百四十三条")
        #expect(plain.explanation.contains("不计入审查起诉期限"))
        #expect(try CoerciveMeasureDecision.deadline(detainedOn: date("2026-03-02"), extraDays: 4, calendar: calendar2026).due == date("2026-03-16"))
    }

    @Test(arguments: [5, -1])
    func extensionOutsideOneToFourDaysIsRefused(extraDays: Int) {
        #expect(throws: DeadlineError.extensionNotProvided) {
            try CoerciveMeasureDecision.deadline(detainedOn: date("2026-03-02"), extraDays: extraDays, calendar: calendar2026)
        }
    }

    /// Detained 9月21日: the tenth day is 10月1日 and stays (the suspect is held).
    @Test func detainedSuspectsDecisionDayIsNotMovedPastNationalDay() throws {
        #expect(try CoerciveMeasureDecision.deadline(detainedOn: date("2026-09-21"), calendar: calendar2026).due == date("2026-10-01"))
    }
}
