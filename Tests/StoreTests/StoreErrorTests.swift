import Store
import Testing

struct StoreErrorTests {
    @Test func descriptionShowsReasonCodeAndMessageButNotTheEngineMessage() {
        let error = StoreError(
            .invalidValue, message: "the server rejected a value", engineCode: "SQLSTATE 22P02", sql: "SELECT $1::int",
            unsafeEngineMessage: "invalid input syntax for type integer: \"32010219900101123X\"")
        #expect(error.description == "StoreError.invalidValue [SQLSTATE 22P02]: the server rejected a value")
        #expect(error.debugDescription.contains("SELECT $1::int"))
        #expect(!error.debugDescription.contains("32010219900101123X"))
    }

    @Test func constraintReasonsCountAsConstraintViolations() {
        for reason in [StoreError.Reason.uniqueViolation, .foreignKeyViolation, .notNullViolation, .constraintViolation] {
            #expect(StoreError(reason, message: "").isConstraintViolation)
        }
        #expect(!StoreError(.busy, message: "").isConstraintViolation)
    }

    @Test func reasonsMatchErrorsInPatterns() {
        let error: any Error = StoreError(.notFound, message: "no row")
        if case StoreError.Reason.notFound = error {} else { Issue.record("notFound did not match") }
        #expect(!(StoreError.Reason.busy ~= error))
    }
}
