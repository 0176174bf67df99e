public import Foundation
import HTTPRouter
import HTTPServer
public import Identity
import Store

/// One row of the remote-work statistics: sessions held, and the 件/人 pair the provinces report (distinct cases and
/// distinct persons).
public struct SessionStatisticsRow: Sendable, Codable, Hashable {
    public var key: String
    public var label: String
    public var sessions: Int
    public var cases: Int
    public var persons: Int
}

public enum SessionStatisticsGrouping: String, Sendable, CaseIterable {
    case organisation, kind, month
}

extension RemoteSessionService {
    /// Sessions that took place (ended, signed or sealed) from `from` to `to`, in the procuratorates the actor leads
    /// (or, for other staff, the sessions they took part in), grouped as asked.
    public func statistics(from: Date, to: Date, groupBy: SessionStatisticsGrouping, by actor: Actor) async throws -> [SessionStatisticsRow] {
        guard to > from else { throw Self.invalid("结束时间须晚于开始时间。", field: "to") }
        let leaders: Set<Role> = [.chiefProsecutor, .deputyChiefProsecutor, .departmentHead]
        var scope: SQLQuery = "s.prosecutor_id = \(actor.userID)"
        for membership in actor.memberships(granting: .caseRead) where leaders.contains(membership.role) {
            scope = "\(scope) OR substr(o.path, 1, \(membership.scopePath.count)) = \(membership.scopePath)"
        }
        let key: SQLQuery =
            switch groupBy {
            case .organisation: "o.id"
            case .kind: "s.kind"
            case .month: "substr(s.starts_at, 1, 7)"
            }
        let label: SQLQuery =
            switch groupBy {
            case .organisation: "o.name"
            case .kind, .month: key
            }
        let rows = try await store.query(
            """
            SELECT \(key) AS key, MIN(\(label)) AS label, count(*) AS sessions, count(DISTINCT s.case_id) AS cases, count(DISTINCT s.person_id) AS persons
            FROM remote_sessions s JOIN cases c ON c.id = s.case_id JOIN organisations o ON o.id = c.organisation_id
            WHERE s.state IN ('ended', 'transcriptSigned', 'sealed') AND s.starts_at >= \(from) AND s.starts_at < \(to) AND (\(scope))
            GROUP BY \(key) ORDER BY \(key)
            """)
        return try rows.map { row in
            let key: String = try row.decode(column: "key")
            let label: String = try row.decode(column: "label")
            return SessionStatisticsRow(
                key: key, label: groupBy == .kind ? (key == "interrogation" ? "远程提讯" : key) : label, sessions: try row.decode(column: "sessions"),
                cases: try row.decode(column: "cases"), persons: try row.decode(column: "persons"))
        }
    }
}
