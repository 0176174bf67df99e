import Foundation
import HTTPRouter
import HTTPServer
public import Identity
import Store

extension CaseService {
    /// The cases the actor may see, overdue first, then by the nearest deadline, then the most recently changed.
    public func list(_ filter: CaseFilter, by actor: Actor) async throws -> Page<CaseSummary> {
        let today = self.today
        var scope: [SQLQuery] = []
        for membership in actor.memberships(granting: .caseRead) {
            let path = membership.scopePath
            let inScope: SQLQuery = "substr(o.path, 1, \(path.count)) = \(path)"
            switch membership.role {
            case .lawyer:
                scope.append(
                    "(c.juvenile = 0 AND c.secret = 0 AND EXISTS (SELECT 1 FROM lawyer_bindings b WHERE b.case_id = c.id AND b.lawyer_id = \(actor.userID) AND b.status = 'approved'))"
                )
            case .chiefProsecutor, .deputyChiefProsecutor, .departmentHead:
                scope.append("(\(inScope))")
            default:
                scope.append("(\(inScope) AND EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = c.id AND t.user_id = \(actor.userID)))")
            }
        }
        guard var condition = scope.first else { throw AccessDenied.error }
        for part in scope.dropFirst() { condition = "\(condition) OR \(part)" }
        condition = "(\(condition))"
        if let stage = filter.stage { condition = "\(condition) AND c.stage = \(stage.rawValue)" }
        if let charge = filter.charge, let entry = charges.entry(named: charge) {
            condition = "\(condition) AND EXISTS (SELECT 1 FROM case_charges cc WHERE cc.case_id = c.id AND cc.charge = \(entry.charge))"
        } else if let charge = filter.charge, !charge.isEmpty {
            throw Self.invalid("“\(charge)”不是刑法规定的罪名。", field: "charge")
        }
        if let lead = filter.leadProsecutorID { condition = "\(condition) AND c.lead_prosecutor_id = \(lead)" }
        let custody: SQLQuery = """
            EXISTS (SELECT 1 FROM coercive_measures m WHERE m.case_id = c.id AND m.kind IN ('criminalDetention', 'arrest')
                    AND m.starts_on <= \(today) AND (m.ends_on IS NULL OR m.ends_on >= \(today)))
            """
        if let inCustody = filter.inCustody { condition = inCustody ? "\(condition) AND \(custody)" : "\(condition) AND NOT \(custody)" }
        switch filter.deadline {
        case .overdue?: condition = "\(condition) AND c.next_deadline_on < \(today)"
        case .attention?: condition = "\(condition) AND c.next_deadline_on <= \(DeadlineStatusText.day(today, plus: 3))"
        case nil: break
        }
        if let text = filter.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let pattern = "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            condition = "\(condition) AND (c.name LIKE \(pattern) ESCAPE '\\' OR c.facts LIKE \(pattern) ESCAPE '\\' OR c.case_number LIKE \(pattern) ESCAPE '\\')"
        }
        let pageSize = min(max(filter.pageSize, 1), 100)
        let page = max(filter.page, 1)
        let from: SQLQuery = "FROM cases c JOIN organisations o ON o.id = c.organisation_id LEFT JOIN users u ON u.id = c.lead_prosecutor_id WHERE \(condition)"
        let total = try await store.queryValue("SELECT count(*) \(from)", as: Int.self)
        let rows = try await store.query(
            """
            SELECT c.id, c.case_number, c.name, c.stage, c.juvenile, c.next_deadline_on, c.next_deadline_kind, c.updated_at, o.name AS organisation_name,
                   u.display_name AS lead_name, CASE WHEN \(custody) THEN 1 ELSE 0 END AS in_custody
            \(from)
            ORDER BY CASE WHEN c.next_deadline_on < \(today) THEN 0 ELSE 1 END, CASE WHEN c.next_deadline_on IS NULL THEN 1 ELSE 0 END,
                     c.next_deadline_on, c.updated_at DESC
            LIMIT \(pageSize) OFFSET \((page - 1) * pageSize)
            """)
        let ids = try rows.map { try $0.decode(column: "id", as: String.self) }
        let chargeRows = ids.isEmpty ? [] : try await store.query(
            "SELECT case_id, charge FROM case_charges WHERE case_id IN (\(list: ids)) ORDER BY case_id, position")
        var chargesByCase: [String: [String]] = [:]
        for row in chargeRows { chargesByCase[try row.decode(column: "case_id"), default: []].append(try row.decode(column: "charge")) }
        let items = try rows.map { row -> CaseSummary in
            let id: String = try row.decode(column: "id")
            let stage = CaseStage(rawValue: try row.decode(column: "stage")) ?? .prosecutionReview
            return CaseSummary(
                id: id, caseNumber: try row.decode(column: "case_number"), name: try row.decode(column: "name"), stage: stage, stageName: stage.chineseName,
                charges: chargesByCase[id] ?? [], organisationName: try row.decode(column: "organisation_name"),
                leadProsecutorName: try row.decode(column: "lead_name"), inCustody: try row.decode(column: "in_custody", as: Int.self) != 0,
                juvenile: try row.decode(column: "juvenile", as: Int.self) != 0,
                nextDeadline: DeadlineStatusText.view(
                    kind: try row.decode(column: "next_deadline_kind"), dueOn: try row.decode(column: "next_deadline_on"), today: today),
                updatedAt: try row.decode(column: "updated_at"))
        }
        return Page(items: items, total: total, page: page, pageSize: pageSize)
    }

    /// The case page. Reading it is a read of personal records (the suspects'), so it is audited.
    public func detail(_ caseID: String, by actor: Actor, context: AuditContext) async throws -> CaseDetail {
        try await store.withTransaction { tx in
            _ = try await self.authorised(caseID, actor, .caseRead, in: tx)
            try await AuditLog.append(context.event("case.read", "case", caseID), in: tx)
            return try await self.detail(caseID, in: tx)
        }
    }

    /// Everything about a case, unchecked (callers authorise first).
    func detail(_ caseID: String, in executor: any SQLExecutor) async throws -> CaseDetail {
        guard let row = try await executor.queryFirst("\(unsafeRaw: CaseRow.select) WHERE c.id = \(caseID)") else { throw Self.notFound }
        let record = try CaseRow(row: row)
        let today = self.today
        let numbers = try await executor.query("SELECT business_code, case_number FROM case_numbers WHERE case_id = \(caseID) ORDER BY assigned_at")
            .map { CaseNumberView(businessCode: try $0.decode(column: "business_code"), caseNumber: try $0.decode(column: "case_number")) }
        let chargeNames = try await executor.query("SELECT charge FROM case_charges WHERE case_id = \(caseID) ORDER BY position")
            .map { try $0.decode(column: "charge", as: String.self) }
        let team = try await executor.query(
            "SELECT t.user_id, t.duty, u.display_name FROM case_team t JOIN users u ON u.id = t.user_id WHERE t.case_id = \(caseID) ORDER BY t.duty, u.display_name"
        ).map { row -> TeamMemberView in
            let duty = TeamDuty(rawValue: try row.decode(column: "duty")) ?? .member
            return TeamMemberView(userId: try row.decode(column: "user_id"), displayName: try row.decode(column: "display_name"), duty: duty, dutyName: duty.chineseName)
        }
        let persons = try await self.persons(caseID, today: today, in: executor)
        let timeline = try await executor.query(
            """
            SELECT e.at, e.kind, e.from_stage, e.to_stage, e.note, u.display_name FROM case_events e LEFT JOIN users u ON u.id = e.actor_id
            WHERE e.case_id = \(caseID) ORDER BY e.position
            """
        ).map { row -> CaseEventView in
            let kind: String = try row.decode(column: "kind")
            return CaseEventView(
                at: try row.decode(column: "at"), actorName: try row.decode(column: "display_name"), kind: kind, title: CaseEventTitle.title(kind),
                fromStage: try row.decode(column: "from_stage", as: String?.self).flatMap(CaseStage.init(rawValue:)),
                toStage: try row.decode(column: "to_stage", as: String?.self).flatMap(CaseStage.init(rawValue:)), note: try row.decode(column: "note"))
        }
        let lawyers = try await executor.query(
            """
            SELECT b.id, b.lawyer_id, b.status, u.display_name FROM lawyer_bindings b JOIN users u ON u.id = b.lawyer_id
            WHERE b.case_id = \(caseID) ORDER BY b.created_at
            """
        ).map {
            LawyerBindingView(
                id: try $0.decode(column: "id"), lawyerId: try $0.decode(column: "lawyer_id"), lawyerName: try $0.decode(column: "display_name"),
                status: try $0.decode(column: "status"))
        }
        let files = try await executor.query(
            "SELECT id, volume, position, title, content_type, byte_count, sm3, uploaded_at FROM case_files WHERE case_id = \(caseID) ORDER BY volume, position"
        ).map {
            try CaseFileView(row: $0)
        }
        let holidays = try await HolidayCalendarStore.load(in: executor)
        let deadlines = CaseDeadlines.compute(record, persons: persons, holidays: holidays, today: today)
        let summary = CaseSummary(
            id: record.id, caseNumber: record.caseNumber, name: record.name, stage: record.stage, stageName: record.stage.chineseName, charges: chargeNames,
            organisationName: record.organisationName, leadProsecutorName: record.leadProsecutorName, inCustody: persons.contains { $0.inCustody },
            juvenile: record.juvenile, nextDeadline: CaseDeadlines.next(deadlines), updatedAt: record.updatedAt)
        return CaseDetail(
            summary: summary, organisationId: record.organisationID, facts: record.facts, receivedOn: record.receivedOn,
            stageStartedOn: record.stageStartedOn, majorComplex: record.majorComplex, pleaLeniency: record.pleaLeniency,
            expectedSentenceOverOneYear: record.expectedSentenceOverOneYear, secret: record.secret, supplementaryReturns: record.supplementaryReturns,
            extensions: record.extensions, caseNumbers: numbers, team: team, persons: persons, deadlines: deadlines, timeline: timeline, lawyers: lawyers,
            files: files,
            allowedTransitions: CaseTransition.allCases.filter { $0.rule.from.contains(record.stage) }
                .map { TransitionView(transition: $0, name: $0.chineseName) })
    }

    /// The people of a case with their measures; personal data masked.
    func persons(_ caseID: String, today: String, in executor: any SQLExecutor) async throws -> [PersonView] {
        let measures = try await executor.query(
            """
            SELECT m.id, m.person_id, m.kind, m.starts_on, m.ends_on, m.place_id, m.note, o.name AS place_name
            FROM coercive_measures m LEFT JOIN organisations o ON o.id = m.place_id WHERE m.case_id = \(caseID) ORDER BY m.starts_on, m.created_at
            """)
        var byPerson: [String: [MeasureView]] = [:]
        for row in measures {
            let kind = CoerciveMeasureKind(rawValue: try row.decode(column: "kind")) ?? .summons
            let startsOn: String = try row.decode(column: "starts_on")
            let endsOn: String? = try row.decode(column: "ends_on")
            byPerson[try row.decode(column: "person_id"), default: []].append(
                MeasureView(
                    id: try row.decode(column: "id"), kind: kind, kindName: kind.chineseName, startsOn: startsOn, endsOn: endsOn,
                    placeId: try row.decode(column: "place_id"), placeName: try row.decode(column: "place_name"), note: try row.decode(column: "note"),
                    active: startsOn <= today && (endsOn.map { $0 >= today } ?? true)))
        }
        return try await executor.query(
            "SELECT id, role, name, citizen_id, gender, birth_date FROM case_persons WHERE case_id = \(caseID) ORDER BY role DESC, created_at"
        ).map { row in
            let id: String = try row.decode(column: "id")
            let role = PersonRole(rawValue: try row.decode(column: "role")) ?? .suspect
            let birth: String? = try row.decode(column: "birth_date")
            let personMeasures = byPerson[id] ?? []
            return PersonView(
                id: id, role: role, roleName: role.chineseName, name: try row.decode(column: "name"),
                citizenIdMasked: PersonalData.maskCitizenID(try row.decode(column: "citizen_id")), gender: try row.decode(column: "gender"),
                birthDate: birth, isMinor: birth.map { PersonalData.age(birthDate: $0, on: today) < 18 } ?? false,
                inCustody: personMeasures.contains { $0.active && $0.kind.isCustodial }, measures: personMeasures)
        }
    }
}

/// Chinese titles of timeline entries.
enum CaseEventTitle {
    static func title(_ kind: String) -> String {
        if let transition = CaseTransition(rawValue: kind) { return transition.chineseName }
        switch kind {
        case "created": return "受理案件"
        case "updated": return "修改案件信息"
        case "extended": return "延长审查起诉期限"
        case "personAdded": return "添加诉讼参与人"
        case "measureAdded": return "采取强制措施"
        case "measureEnded": return "解除强制措施"
        case "lawyerBound": return "律师关联案件"
        case "lawyerUnbound": return "解除律师关联"
        case "teamChanged": return "调整办案组"
        case "fileUploaded": return "上传卷宗材料"
        default: return kind
        }
    }
}
