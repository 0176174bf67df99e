public import Foundation
import HTTPRouter
import HTTPServer
public import Identity
public import Store

/// What another feature needs to know about a case it works on.
public struct CaseReference: Sendable, Hashable {
    public var id: String
    public var name: String
    public var caseNumber: String
    public var organisationPath: String
    public var teamUserIDs: Set<String>
}

/// Criminal cases over the store: registration with gapless case numbers, stages, people and measures, team and
/// lawyer bindings, each write with its timeline entry and audit event in one transaction.
public final class CaseService: Sendable {
    public let store: any Store
    public let charges: ChargeCatalogue
    public let clock: any WallClock
    let files: FileStore

    /// - Parameter filesDirectory: where dossier files are kept (`<data-dir>/files`).
    public init(store: any Store, charges: ChargeCatalogue, filesDirectory: URL, clock: any WallClock = SystemClock()) {
        self.store = store
        self.charges = charges
        self.files = FileStore(root: filesDirectory)
        self.clock = clock
    }

    var today: String { DayText.today(clock.now()) }

    static func newID() -> String { UUID().uuidString.lowercased() }

    static let notFound = HTTPError(.notFound, detail: "没有找到该案件，或您无权查看。", code: "not-found")

    /// Loads a case and checks `permission` over it with ``AccessPolicy``. A case the actor may not even read is
    /// "not found", so its existence is not revealed.
    func authorised(_ caseID: String, _ actor: Actor, _ permission: Permission, in executor: any SQLExecutor) async throws -> CaseRow {
        guard let row = try await executor.queryFirst("\(unsafeRaw: CaseRow.select) WHERE c.id = \(caseID)") else { throw Self.notFound }
        let record = try CaseRow(row: row)
        let facts = try await accessFacts(record, in: executor)
        guard AccessPolicy.can(actor, .caseRead, .case(facts)) else { throw Self.notFound }
        guard AccessPolicy.can(actor, permission, .case(facts)) else {
            throw HTTPError(.forbidden, detail: "您没有办理该案件的权限。", code: "forbidden")
        }
        return record
    }

    /// A case the actor may act on with `permission`, for other features (remote sessions, pleas): its handling
    /// procuratorate's path, name, number and team. Throws 404/403 like the case routes.
    /// Inside another transaction pass its executor: on SQLite the store itself cannot be used from a transaction body.
    public func caseForFeature(
        _ caseID: String, by actor: Actor, permission: Permission, in executor: (any SQLExecutor)? = nil
    ) async throws -> CaseReference {
        let executor = executor ?? store
        let record = try await authorised(caseID, actor, permission, in: executor)
        let team = try await accessFacts(record, in: executor).teamUserIDs
        return CaseReference(
            id: record.id, name: record.name, caseNumber: record.caseNumber, organisationPath: record.organisationPath, teamUserIDs: team)
    }

    func accessFacts(_ record: CaseRow, in executor: any SQLExecutor) async throws -> CaseAccessFacts {
        let team = try await executor.query("SELECT user_id FROM case_team WHERE case_id = \(record.id)").map { try $0.decode(column: "user_id", as: String.self) }
        let lawyers = try await executor.query("SELECT lawyer_id FROM lawyer_bindings WHERE case_id = \(record.id) AND status = 'approved'")
            .map { try $0.decode(column: "lawyer_id", as: String.self) }
        return CaseAccessFacts(
            organisationPath: record.organisationPath, teamUserIDs: Set(team), isJuvenile: record.juvenile, isSecret: record.secret,
            approvedLawyerIDs: Set(lawyers))
    }

    /// Appends a timeline entry.
    func recordEvent(
        _ caseID: String, kind: String, actorID: String, from: CaseStage? = nil, to: CaseStage? = nil, note: String = "", in tx: any SQLExecutor
    ) async throws {
        try await tx.execute(
            """
            INSERT INTO case_events (id, case_id, position, at, actor_id, kind, from_stage, to_stage, note)
            VALUES (\(Self.newID()), \(caseID), (SELECT COALESCE(MAX(position), 0) + 1 FROM case_events WHERE case_id = \(caseID)),
                    \(clock.now()), \(actorID), \(kind), \(from?.rawValue), \(to?.rawValue), \(note))
            """)
    }

    func touch(_ caseID: String, in tx: any SQLExecutor) async throws {
        try await tx.execute("UPDATE cases SET updated_at = \(clock.now()) WHERE id = \(caseID)")
    }

    static func invalid(_ detail: String, field: String) -> HTTPError {
        HTTPError(.badRequest, detail: detail, code: "invalid-field", field: field)
    }
}
