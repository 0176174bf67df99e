import Foundation
import Security
import Testing

/// All numbers here are constructed for the test (check characters computed independently with a Python
/// one-liner), except the two worked examples printed in GB 11643-1999 itself.
struct CitizenIDTests {
    let today = CalendarDate(year: 2026, month: 12, day: 3)!

    @Test(arguments: ["11010519491231002X", "440524188001010014"])
    func acceptsTheWorkedExamplesOfTheStandard(number: String) throws {
        #expect(try CitizenID(number, today: today).value == number)
    }

    @Test(arguments: ["320102199003071239", "320102200002294567", "510101198511110120", "110105194912310021x"])
    func acceptsConstructedNumbersAndLeapDays(number: String) throws {
        if number.count == 19 {
            #expect(throws: IdentifierError.citizenIDWrongLength) { try CitizenID(number, today: today) }
        } else {
            #expect(try CitizenID(number, today: today).value == number)
        }
    }

    @Test func lowerCaseXIsNormalised() throws {
        #expect(try CitizenID("11010519491231002x", today: today).value == "11010519491231002X")
    }

    @Test func wrongCheckCharacterIsRefusedWithAChineseMessage() {
        #expect(throws: IdentifierError.citizenIDCheckCharacterMismatch) { try CitizenID("320102199003071238", today: today) }
        #expect(IdentifierError.citizenIDCheckCharacterMismatch.message == "身份证号校验位不正确")
        #expect(IdentifierError.citizenIDCheckCharacterMismatch.reason == "checkCharacterMismatch")
    }

    @Test func fifteenDigitLegacyNumbersAreRefusedWithTheirOwnReason() {
        #expect(throws: IdentifierError.citizenIDLegacyFifteenDigit) { try CitizenID("320102900307123", today: today) }
    }

    @Test(arguments: [
        ("32010219900307123", IdentifierError.citizenIDWrongLength),
        ("3201021990030712391", IdentifierError.citizenIDWrongLength),
        ("32010219900307123A", IdentifierError.citizenIDInvalidCharacter),
        ("3201021990X307123X", IdentifierError.citizenIDInvalidCharacter),
        ("990102199003071239", IdentifierError.citizenIDInvalidRegion),
        ("320102199002301230", IdentifierError.citizenIDInvalidBirthDate),
        ("320102190002291230", IdentifierError.citizenIDInvalidBirthDate),
        ("320102179901011230", IdentifierError.citizenIDInvalidBirthDate),
        ("320102202612041230", IdentifierError.citizenIDBirthDateInFuture),
    ])
    func refusesBrokenNumbersNamingTheRule(number: String, expected: IdentifierError) {
        #expect(throws: expected) { try CitizenID(number, today: today) }
    }

    @Test func birthDateTodayIsAcceptedTomorrowIsNot() throws {
        let bodyToday = "31011520261203001"
        let bodyTomorrow = "31011520261204001"
        let todayNumber = bodyToday + String(try #require(CitizenID.checkCharacter(forBody: bodyToday)))
        let tomorrowNumber = bodyTomorrow + String(try #require(CitizenID.checkCharacter(forBody: bodyTomorrow)))
        #expect(try CitizenID(todayNumber, today: today).birthDate == today)
        #expect(throws: IdentifierError.citizenIDBirthDateInFuture) { try CitizenID(tomorrowNumber, today: today) }
    }

    @Test func todayIsTakenInChinaTime() throws {
        // 2026-12-03T16:30Z is already 2026-12-04 00:30 in Beijing.
        let body = "31011520261204001"
        let number = body + String(try #require(CitizenID.checkCharacter(forBody: body)))
        let instant = Date(timeIntervalSince1970: 1_796_315_400)
        #expect(try CitizenID(number, now: instant).birthDate == CalendarDate(year: 2026, month: 12, day: 4))
        #expect(throws: IdentifierError.citizenIDBirthDateInFuture) { try CitizenID(number, now: instant - 3600) }
    }

    @Test func maskedKeepsFirstFourAndLastFourAndDescriptionNeverShowsTheNumber() throws {
        let id = try CitizenID("320102199003071239", today: today)
        #expect(id.masked == "3201**********1239")
        #expect("\(id)" == "3201**********1239")
        #expect(id.birthDate == CalendarDate(year: 1990, month: 3, day: 7))
        #expect(id.sequenceIndicatesMale)
    }

    @Test func checkCharacterComputationMatchesIndependentValues() {
        #expect(CitizenID.checkCharacter(forBody: "11010519491231002") == "X")
        #expect(CitizenID.checkCharacter(forBody: "44052418800101001") == "4")
        #expect(CitizenID.checkCharacter(forBody: "32010219900307123") == "9")
        #expect(CitizenID.checkCharacter(forBody: "3201021990030712") == nil)
    }
}
