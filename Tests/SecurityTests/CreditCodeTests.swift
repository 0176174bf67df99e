import Foundation
import Security
import Testing

/// Codes constructed for the test; check characters computed independently (Python), plus the worked example
/// printed in public explanations of GB 32100-2015 (body 91350100M000100Y4 → check 3).
struct CreditCodeTests {
    @Test(arguments: ["91350100M000100Y43", "91110108MA01ABCDEN", "12100000400000100J", "Y1320102000000012K", "53100000500021676K"])
    func acceptsValidCodes(code: String) throws {
        #expect(try CreditCode(code).value == code)
    }

    @Test func splitsTheCodeIntoItsParts() throws {
        let code = try CreditCode("91110108MA01ABCDEN")
        #expect(code.registrationAuthorityCode == "9")
        #expect(code.institutionTypeCode == "1")
        #expect(code.regionCode == "110108")
        #expect(code.organizationCode == "MA01ABCDE")
    }

    @Test func lowerCaseInputIsNormalised() throws {
        #expect(try CreditCode("91110108ma01abcden").value == "91110108MA01ABCDEN")
    }

    @Test func theStandardsWorkedExampleWithCheckZIsRefusedBecauseZIsNotInTheCodeSet() {
        #expect(throws: IdentifierError.creditCodeInvalidCharacter) { try CreditCode("91350100M000100Y4Z") }
        #expect(IdentifierError.creditCodeCheckCharacterMismatch.message == "统一社会信用代码校验位不正确")
    }

    @Test(arguments: [
        ("91350100M000100Y4", IdentifierError.creditCodeWrongLength),
        ("91440300MA5XYZ1234", IdentifierError.creditCodeInvalidCharacter),
        ("91440300MA5XIO1234", IdentifierError.creditCodeInvalidCharacter),
        ("B1350100M000100Y43", IdentifierError.creditCodeInvalidRegistrationAuthority),
        ("94350100M000100Y43", IdentifierError.creditCodeInvalidInstitutionType),
        ("Y2320102000000012K", IdentifierError.creditCodeInvalidInstitutionType),
        ("913A0100M000100Y43", IdentifierError.creditCodeInvalidRegion),
        ("91350100M000100Y44", IdentifierError.creditCodeCheckCharacterMismatch),
    ])
    func refusesBrokenCodesNamingTheRule(code: String, expected: IdentifierError) {
        #expect(throws: expected) { try CreditCode(code) }
    }

    @Test func checkCharacterCoversTheWholeAlphabetRangeIncludingZero() {
        #expect(CreditCode.checkCharacter(forBody: "91350100M000100Y4") == "3")
        #expect(CreditCode.checkCharacter(forBody: "12100000400000100") == "J")
        #expect(CreditCode.checkCharacter(forBody: "9135010IM000100Y4") == nil)
    }
}
