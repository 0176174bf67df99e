import Foundation
import HTTPRouter
import HTTPServer
public import Identity
import Store

extension CaseService {
    /// Registers a case (受理): number, charges, team, first timeline entry, deadlines.
    public func create(_ input: NewCase, by actor: Actor, context: AuditContext) async throws -> CaseDetail {
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...100).contains(name.count) else { throw Self.invalid("案件名称须为 2–100 个字。", field: "name") }
        let facts = (input.facts ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard facts.count <= 20_000 else { throw Self.invalid("案情摘要不能超过 20000 字。", field: "facts") }
        guard input.stage == .arrestReview || input.stage == .prosecutionReview else {
            throw Self.invalid("新受理的案件只能处于审查逮捕或审查起诉阶段。", field: "stage")
        }
        let receivedOn = try DayText.validate(input.receivedOn, field: "receivedOn")
        guard receivedOn <= today else { throw Self.invalid("受理日期不能晚于今天。", field: "receivedOn") }
        let chargeEntries = try validatedCharges(input.charges)
        let id = Self.newID()
        let detail: CaseDetail = try await store.withTransaction { tx in
            let organisation = try await self.handlingProcuratorate(input.organisationId, actor: actor, in: tx)
            let creatorFacts = CaseAccessFacts(
                organisationPath: organisation.path, teamUserIDs: [actor.userID], isJuvenile: false, isSecret: false, approvedLawyerIDs: [])
            guard AccessPolicy.can(actor, .caseManage, .case(creatorFacts)) else {
                throw HTTPError(.forbidden, detail: "您不能在该单位受理案件。", code: "forbidden")
            }
            let lead = try await self.leadProsecutor(input.leadProsecutorId, default: actor, organisationPath: organisation.path, in: tx)
            guard let abbreviation = organisation.abbreviation, let code = input.stage.businessCode else {
                throw Self.invalid("该检察院未设置简称，无法生成案号，请联系系统管理员。", field: "organisationId")
            }
            let year = Int(receivedOn.prefix(4)) ?? 2026
            let number = try await CaseNumberAllocator.next(
                organisationID: organisation.id, abbreviation: abbreviation, businessCode: code, year: year, in: tx)
            let now = self.clock.now()
            try await tx.execute(
                """
                INSERT INTO cases (id, organisation_id, case_number, name, facts, stage, received_on, stage_started_on, major_complex, plea_leniency,
                    expected_sentence_over_one_year, juvenile, secret, supplementary_returns, extensions, lead_prosecutor_id, created_by, created_at, updated_at)
                VALUES (\(id), \(organisation.id), \(number), \(name), \(facts), \(input.stage.rawValue), \(receivedOn), \(receivedOn),
                    \(input.majorComplex == true ? 1 : 0), \(input.pleaLeniency == true ? 1 : 0), \(input.expectedSentenceOverOneYear == true ? 1 : 0),
                    \(input.juvenile == true ? 1 : 0), \(input.secret == true ? 1 : 0), 0, 0, \(lead), \(actor.userID), \(now), \(now))
                """)
            try await tx.execute(
                "INSERT INTO case_numbers (case_id, business_code, case_number, assigned_at) VALUES (\(id), \(code), \(number), \(now))")
            try await self.replaceCharges(id, chargeEntries, in: tx)
            if let lead { try await tx.execute("INSERT INTO case_team (case_id, user_id, duty) VALUES (\(id), \(lead), 'lead')") }
            if lead != actor.userID {
                try await tx.execute("INSERT INTO case_team (case_id, user_id, duty) VALUES (\(id), \(actor.userID), 'member')")
            }
            try await self.recordEvent(id, kind: "created", actorID: actor.userID, to: input.stage, note: number, in: tx)
            try await self.refreshDeadline(id, in: tx)
            try await AuditLog.append(context.event("case.create", "case", id, details: ["stage": input.stage.rawValue]), in: tx)
            return try await self.detail(id, in: tx)
        }
        return detail
    }

    /// Every name must be a Criminal Law charge; duplicates are dropped, order kept.
    func validatedCharges(_ names: [String]) throws(HTTPError) -> [ChargeCatalogue.Entry] {
        var result: [ChargeCatalogue.Entry] = []
        for raw in names {
            let name = raw.trimmingCharacters(in: .whitespaces)
            guard let entry = charges.entry(named: name) else { throw Self.invalid("“\(name)”不是刑法规定的罪名。", field: "charges") }
            if !result.contains(entry) { result.append(entry) }
        }
        guard !result.isEmpty else { throw Self.invalid("至少选择一个罪名。", field: "charges") }
        guard result.count <= 10 else { throw Self.invalid("一个案件最多 10 个罪名。", field: "charges") }
        return result
    }

    func replaceCharges(_ caseID: String, _ entries: [ChargeCatalogue.Entry], in tx: any SQLExecutor) async throws {
        try await tx.execute("DELETE FROM case_charges WHERE case_id = \(caseID)")
        for (position, entry) in entries.enumerated() {
            try await tx.execute(
                "INSERT INTO case_charges (case_id, position, charge, article) VALUES (\(caseID), \(position), \(entry.charge), \(entry.article))")
        }
    }

    /// The procuratorate that handles the case: the one named, or the one the actor works for.
    func handlingProcuratorate(_ id: String?, actor: Actor, in tx: any SQLExecutor) async throws -> (id: String, path: String, abbreviation: String?) {
        let row: Row?
        if let id {
            row = try await tx.queryFirst("SELECT id, path, abbreviation, kind FROM organisations WHERE id = \(id)")
        } else {
            guard let scope = actor.memberships(granting: .caseManage).first?.scopePath else {
                throw HTTPError(.forbidden, detail: "您没有受理案件的权限。", code: "forbidden")
            }
            row = try await tx.queryFirst("SELECT id, path, abbreviation, kind FROM organisations WHERE path = \(scope)")
        }
        guard let row, try row.decode(column: "kind", as: String.self) == OrganisationKind.procuratorate.rawValue else {
            throw Self.invalid("承办单位须为检察院。", field: "organisationId")
        }
        return (try row.decode(column: "id"), try row.decode(column: "path"), try row.decode(column: "abbreviation"))
    }

    /// The lead prosecutor: the one named (a prosecutor or leader of this procuratorate), else the creator when they are one.
    func leadProsecutor(_ id: String?, default actor: Actor, organisationPath: String, in tx: any SQLExecutor) async throws -> String? {
        let prosecuting: Set<Role> = [.prosecutor, .departmentHead, .deputyChiefProsecutor, .chiefProsecutor]
        guard let id else {
            return actor.memberships.contains { prosecuting.contains($0.role) && organisationPath.hasPrefix($0.scopePath) } ? actor.userID : nil
        }
        let rows = try await tx.query(
            """
            SELECT m.role, o.path, o.kind FROM memberships m JOIN organisations o ON o.id = m.organisation_id JOIN users u ON u.id = m.user_id
            WHERE m.user_id = \(id) AND u.status = 'active'
            """)
        let qualifies = try rows.contains { row in
            guard let role = Role(rawValue: try row.decode(column: "role")), prosecuting.contains(role) else { return false }
            let membership = Membership(
                id: "", userID: id, organisationID: "", organisationName: "", organisationPath: try row.decode(column: "path"), role: role,
                organisationKind: OrganisationKind(rawValue: try row.decode(column: "kind")) ?? .procuratorate)
            return organisationPath.hasPrefix(membership.scopePath)
        }
        guard qualifies else { throw Self.invalid("承办检察官须为本院的检察官。", field: "leadProsecutorId") }
        return id
    }
}
