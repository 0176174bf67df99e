import Foundation
import Store

/// A `cases` row as the service works with it.
struct CaseRow: Sendable {
    var id: String
    var organisationID: String
    var organisationPath: String
    var organisationName: String
    var caseNumber: String
    var name: String
    var facts: String
    var stage: CaseStage
    var receivedOn: String
    var stageStartedOn: String
    var majorComplex: Bool
    var pleaLeniency: Bool
    var expectedSentenceOverOneYear: Bool
    var juvenile: Bool
    var secret: Bool
    var supplementaryReturns: Int
    var extensions: Int
    var leadProsecutorID: String?
    var leadProsecutorName: String?
    var updatedAt: Date

    static let select = """
        SELECT c.id, c.organisation_id, o.path AS organisation_path, o.name AS organisation_name, c.case_number, c.name, c.facts, c.stage,
               c.received_on, c.stage_started_on, c.major_complex, c.plea_leniency, c.expected_sentence_over_one_year, c.juvenile, c.secret,
               c.supplementary_returns, c.extensions, c.lead_prosecutor_id, u.display_name AS lead_name, c.updated_at
        FROM cases c JOIN organisations o ON o.id = c.organisation_id LEFT JOIN users u ON u.id = c.lead_prosecutor_id
        """

    init(row: Row) throws {
        id = try row.decode(column: "id")
        organisationID = try row.decode(column: "organisation_id")
        organisationPath = try row.decode(column: "organisation_path")
        organisationName = try row.decode(column: "organisation_name")
        caseNumber = try row.decode(column: "case_number")
        name = try row.decode(column: "name")
        facts = try row.decode(column: "facts")
        stage = CaseStage(rawValue: try row.decode(column: "stage")) ?? .prosecutionReview
        receivedOn = try row.decode(column: "received_on")
        stageStartedOn = try row.decode(column: "stage_started_on")
        majorComplex = try row.decode(column: "major_complex", as: Int.self) != 0
        pleaLeniency = try row.decode(column: "plea_leniency", as: Int.self) != 0
        expectedSentenceOverOneYear = try row.decode(column: "expected_sentence_over_one_year", as: Int.self) != 0
        juvenile = try row.decode(column: "juvenile", as: Int.self) != 0
        secret = try row.decode(column: "secret", as: Int.self) != 0
        supplementaryReturns = try row.decode(column: "supplementary_returns")
        extensions = try row.decode(column: "extensions")
        leadProsecutorID = try row.decode(column: "lead_prosecutor_id")
        leadProsecutorName = try row.decode(column: "lead_name")
        updatedAt = try row.decode(column: "updated_at")
    }
}
