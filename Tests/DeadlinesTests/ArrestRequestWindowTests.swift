import Deadlines
import Testing

/// 提请批准逮捕时限: 刑事诉讼法第九十一条第一、二款. The suspect is detained, so holidays never move the date.
struct ArrestRequestWindowTests {
    /// 第一款: three days after detention; special circumstances add one to four days.
    @Test func threeDaysExtendableByOneToFour() throws {
        let plain = try ArrestRequestWindow.deadline(detainedOn: date("2026-03-02"), calendar: calendar2026)
        #expect(plain.due == (try date("2026-03-05")))
        #expect(plain.citationText == "刑事诉讼法第九十一条第一款")
        let extended = try ArrestRequestWindow.deadline(
            detainedOn: date("2026-03-02"), extension: .specialCircumstances(days: 4), calendar: calendar2026)
        #expect(extended.due == (try date("2026-03-09")))
        #expect(extended.explanation.contains("审批主体"))
    }

    /// 第二款: up to thirty days for 流窜作案、多次作案、结伙作案的重大嫌疑分子: 3月2日 + 30 = 4月1日.
    @Test func roamingRepeatedOrGangSuspectUpToThirtyDays() throws {
        let deadline = try ArrestRequestWindow.deadline(
            detainedOn: date("2026-03-02"), extension: .roamingRepeatedOrGangSuspect, calendar: calendar2026)
        #expect(deadline.due == (try date("2026-04-01")))
        #expect(deadline.citationText == "刑事诉讼法第九十一条第二款")
    }

    /// Detained 9月28日: the third day is 10月1日 (国庆节) and stays — the suspect is held (第一百零五条第四款).
    @Test func nationalDayDoesNotMoveTheDetainedSuspectsDate() throws {
        let deadline = try ArrestRequestWindow.deadline(detainedOn: date("2026-09-28"), calendar: calendar2026)
        #expect(deadline.due == (try date("2026-10-01")))
        #expect(!deadline.holidayExtensionApplies)
    }

    @Test(arguments: [0, 5, -1])
    func specialExtensionOutsideOneToFourDaysIsRefused(days: Int) {
        #expect(throws: DeadlineError.extensionNotProvided) {
            try ArrestRequestWindow.deadline(detainedOn: date("2026-03-02"), extension: .specialCircumstances(days: days), calendar: calendar2026)
        }
    }
}
