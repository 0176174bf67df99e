import Foundation
public import Identity
import Store

/// People who may be added to a case: its procuratorate's staff for the team, practising lawyers for a binding.
public struct CaseCandidates: Sendable, Codable {
    public struct Person: Sendable, Codable, Hashable {
        public var userId: String
        public var displayName: String
        /// Role and organisation, e.g. 检察官 · 第一检察部.
        public var description: String
    }

    public var staff: [Person]
    public var lawyers: [Person]
}

extension CaseService {
    /// For the team and lawyer pickers on a case page (no user.read needed: only names, roles and organisations).
    public func candidates(_ caseID: String, by actor: Actor) async throws -> CaseCandidates {
        let record = try await store.withTransaction { tx in try await self.authorised(caseID, actor, .caseManage, in: tx) }
        let rows = try await store.query(
            """
            SELECT u.id, u.display_name, m.role, o.name, o.path, o.kind FROM memberships m JOIN users u ON u.id = m.user_id
            JOIN organisations o ON o.id = m.organisation_id
            WHERE u.status = 'active' AND m.role IN ('chiefProsecutor', 'deputyChiefProsecutor', 'departmentHead', 'prosecutor',
                'prosecutorAssistant', 'clerk', 'lawyer')
            ORDER BY o.path, u.display_name
            """)
        var staff: [CaseCandidates.Person] = []
        var lawyers: [CaseCandidates.Person] = []
        for row in rows {
            guard let role = Role(rawValue: try row.decode(column: "role")) else { continue }
            let person = CaseCandidates.Person(
                userId: try row.decode(column: "id"), displayName: try row.decode(column: "display_name"),
                description: "\(role.chineseName) · \(try row.decode(column: "name", as: String.self))")
            if role == .lawyer {
                if !lawyers.contains(where: { $0.userId == person.userId }) { lawyers.append(person) }
                continue
            }
            let membership = Membership(
                id: "", userID: person.userId, organisationID: "", organisationName: "", organisationPath: try row.decode(column: "path"), role: role,
                organisationKind: OrganisationKind(rawValue: try row.decode(column: "kind")) ?? .procuratorate)
            if record.organisationPath.hasPrefix(membership.scopePath), !staff.contains(where: { $0.userId == person.userId }) { staff.append(person) }
        }
        return CaseCandidates(staff: staff, lawyers: record.juvenile || record.secret ? [] : lawyers)
    }
}
