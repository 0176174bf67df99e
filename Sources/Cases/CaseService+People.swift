import Foundation
import HTTPRouter
import HTTPServer
public import Identity
import Security
import Store

extension CaseService {
    /// Adds a suspect or victim. A citizen ID is checked (GB 11643) and gives birth date and gender.
    public func addPerson(_ caseID: String, _ input: NewPerson, by actor: Actor, context: AuditContext) async throws -> PersonView {
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...40).contains(name.count) else { throw Self.invalid("姓名不能为空，且不超过 40 个字。", field: "name") }
        var birthDate = try input.birthDate.map { text throws(HTTPError) in try DayText.validate(text, field: "birthDate") }
        var gender = input.gender.flatMap { ["男", "女"].contains($0) ? $0 : nil }
        var citizenID: String?
        if let text = input.citizenId?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            do {
                let id = try CitizenID(text, now: clock.now())
                citizenID = id.value
                let birth = id.birthDate
                let derived = String(format: "%04d-%02d-%02d", birth.year, birth.month, birth.day)
                if let birthDate, birthDate != derived { throw Self.invalid("出生日期与身份证号不一致。", field: "birthDate") }
                birthDate = derived
                gender = id.sequenceIndicatesMale ? "男" : "女"
            } catch let error as IdentifierError {
                throw Self.invalid(error.message + "。", field: "citizenId")
            }
        }
        if let birthDate, birthDate > today { throw Self.invalid("出生日期不能晚于今天。", field: "birthDate") }
        let address = input.address?.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200).description
        let phone = input.phone?.trimmingCharacters(in: .whitespaces)
        if let phone, !phone.isEmpty, phone.range(of: #"^(1[3-9][0-9]{9}|0[0-9]{2,3}-[0-9]{7,8})$"#, options: .regularExpression) == nil {
            throw Self.invalid("电话号码格式不正确（手机 11 位，座机如 025-83451234）。", field: "phone")
        }
        let id = Self.newID()
        return try await store.withTransaction { tx in
            _ = try await self.authorised(caseID, actor, .caseManage, in: tx)
            try await tx.execute(
                """
                INSERT INTO case_persons (id, case_id, role, name, citizen_id, gender, birth_date, address, phone, created_at)
                VALUES (\(id), \(caseID), \(input.role.rawValue), \(name), \(citizenID), \(gender), \(birthDate), \(address), \(phone?.nilIfEmpty),
                        \(self.clock.now()))
                """)
            if input.role == .suspect, let birthDate, PersonalData.age(birthDate: birthDate, on: self.today) < 18 {
                try await tx.execute("UPDATE cases SET juvenile = 1 WHERE id = \(caseID)")
                try await tx.execute("UPDATE lawyer_bindings SET status = 'revoked' WHERE case_id = \(caseID) AND status = 'approved'")
            }
            try await self.touch(caseID, in: tx)
            try await self.recordEvent(caseID, kind: "personAdded", actorID: actor.userID, note: input.role.chineseName, in: tx)
            try await AuditLog.append(context.event("case.person.create", "casePerson", id, details: ["case": caseID]), in: tx)
            guard let person = try await self.persons(caseID, today: self.today, in: tx).first(where: { $0.id == id }) else { throw Self.notFound }
            return person
        }
    }

    /// The full citizen ID of a person of the case (audited).
    public func revealCitizenID(_ caseID: String, personID: String, by actor: Actor, context: AuditContext) async throws -> String? {
        try await store.withTransaction { tx in
            _ = try await self.authorised(caseID, actor, .caseManage, in: tx)
            guard let row = try await tx.queryFirst("SELECT citizen_id FROM case_persons WHERE id = \(personID) AND case_id = \(caseID)") else {
                throw HTTPError(.notFound, detail: "没有找到该人员。", code: "not-found")
            }
            try await AuditLog.append(context.event("case.person.revealCitizenId", "casePerson", personID, details: ["case": caseID]), in: tx)
            return try row.decode(column: "citizen_id", as: String?.self)
        }
    }

    /// Puts a coercive measure on a suspect. Custodial measures need the detention centre holding them.
    public func addMeasure(_ caseID: String, personID: String, _ input: NewMeasure, by actor: Actor, context: AuditContext) async throws -> CaseDetail {
        let startsOn = try DayText.validate(input.startsOn, field: "startsOn")
        let endsOn = try input.endsOn.map { text throws(HTTPError) in try DayText.validate(text, field: "endsOn") }
        if let endsOn, endsOn < startsOn { throw Self.invalid("结束日期不能早于开始日期。", field: "endsOn") }
        guard startsOn <= today else { throw Self.invalid("开始日期不能晚于今天。", field: "startsOn") }
        let note = (input.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return try await store.withTransaction { tx in
            _ = try await self.authorised(caseID, actor, .caseManage, in: tx)
            guard let person = try await tx.queryFirst("SELECT role FROM case_persons WHERE id = \(personID) AND case_id = \(caseID)") else {
                throw HTTPError(.notFound, detail: "没有找到该人员。", code: "not-found")
            }
            guard try person.decode(column: "role", as: String.self) == PersonRole.suspect.rawValue else {
                throw Self.invalid("强制措施只能对犯罪嫌疑人采取。", field: "personId")
            }
            if input.kind.isCustodial {
                guard let placeID = input.placeId,
                    try await tx.queryFirst("SELECT id FROM organisations WHERE id = \(placeID) AND kind = 'detentionCentre'") != nil
                else { throw Self.invalid("刑事拘留、逮捕须选择羁押的看守所。", field: "placeId") }
            } else if input.placeId != nil {
                throw Self.invalid("非羁押性强制措施不填写羁押场所。", field: "placeId")
            }
            // A new measure ends the one still running (a suspect is under one measure at a time).
            try await tx.execute(
                """
                UPDATE coercive_measures SET ends_on = \(startsOn)
                WHERE person_id = \(personID) AND (ends_on IS NULL OR ends_on > \(startsOn)) AND starts_on <= \(startsOn)
                """)
            let id = Self.newID()
            try await tx.execute(
                """
                INSERT INTO coercive_measures (id, case_id, person_id, kind, starts_on, ends_on, place_id, note, created_at)
                VALUES (\(id), \(caseID), \(personID), \(input.kind.rawValue), \(startsOn), \(endsOn), \(input.placeId), \(note), \(self.clock.now()))
                """)
            try await self.touch(caseID, in: tx)
            try await self.recordEvent(caseID, kind: "measureAdded", actorID: actor.userID, note: "\(input.kind.chineseName) \(startsOn)", in: tx)
            try await self.refreshDeadline(caseID, in: tx)
            try await AuditLog.append(context.event("case.measure.create", "coerciveMeasure", id, details: ["case": caseID, "kind": input.kind.rawValue]), in: tx)
            return try await self.detail(caseID, in: tx)
        }
    }

    /// Ends a measure on a day (解除/变更).
    public func endMeasure(_ caseID: String, measureID: String, on day: String, by actor: Actor, context: AuditContext) async throws -> CaseDetail {
        let endsOn = try DayText.validate(day, field: "endsOn")
        guard endsOn <= today else { throw Self.invalid("解除日期不能晚于今天。", field: "endsOn") }
        return try await store.withTransaction { tx in
            _ = try await self.authorised(caseID, actor, .caseManage, in: tx)
            guard let row = try await tx.queryFirst("SELECT kind, starts_on FROM coercive_measures WHERE id = \(measureID) AND case_id = \(caseID)") else {
                throw HTTPError(.notFound, detail: "没有找到该强制措施。", code: "not-found")
            }
            guard endsOn >= (try row.decode(column: "starts_on", as: String.self)) else {
                throw Self.invalid("结束日期不能早于开始日期。", field: "endsOn")
            }
            try await tx.execute("UPDATE coercive_measures SET ends_on = \(endsOn) WHERE id = \(measureID)")
            let kind = CoerciveMeasureKind(rawValue: try row.decode(column: "kind")) ?? .summons
            try await self.touch(caseID, in: tx)
            try await self.recordEvent(caseID, kind: "measureEnded", actorID: actor.userID, note: "\(kind.chineseName) \(endsOn)", in: tx)
            try await self.refreshDeadline(caseID, in: tx)
            try await AuditLog.append(context.event("case.measure.end", "coerciveMeasure", measureID, details: ["case": caseID]), in: tx)
            return try await self.detail(caseID, in: tx)
        }
    }

    /// Grants a lawyer online access to the case (检律衔接). Juvenile and secret cases are refused.
    public func bindLawyer(_ caseID: String, lawyerID: String, by actor: Actor, context: AuditContext) async throws -> CaseDetail {
        try await store.withTransaction { tx in
            let record = try await self.authorised(caseID, actor, .caseManage, in: tx)
            guard !record.juvenile && !record.secret else {
                throw HTTPError(.conflict, detail: "未成年人案件和涉密案件不向律师在线开放。", code: "not-for-lawyers", field: "lawyerId")
            }
            let isLawyer = try await tx.queryFirst(
                """
                SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id
                WHERE m.user_id = \(lawyerID) AND m.role = 'lawyer' AND u.status = 'active'
                """) != nil
            guard isLawyer else { throw Self.invalid("所选用户不是执业律师。", field: "lawyerId") }
            if try await tx.queryFirst("SELECT id FROM lawyer_bindings WHERE case_id = \(caseID) AND lawyer_id = \(lawyerID)") != nil {
                try await tx.execute("UPDATE lawyer_bindings SET status = 'approved' WHERE case_id = \(caseID) AND lawyer_id = \(lawyerID)")
            } else {
                try await tx.execute(
                    """
                    INSERT INTO lawyer_bindings (id, case_id, lawyer_id, person_id, status, created_by, created_at)
                    VALUES (\(Self.newID()), \(caseID), \(lawyerID), NULL, 'approved', \(actor.userID), \(self.clock.now()))
                    """)
            }
            try await self.touch(caseID, in: tx)
            try await self.recordEvent(caseID, kind: "lawyerBound", actorID: actor.userID, in: tx)
            try await AuditLog.append(context.event("case.lawyer.bind", "case", caseID, details: ["lawyer": lawyerID]), in: tx)
            return try await self.detail(caseID, in: tx)
        }
    }

    public func unbindLawyer(_ caseID: String, lawyerID: String, by actor: Actor, context: AuditContext) async throws -> CaseDetail {
        try await store.withTransaction { tx in
            _ = try await self.authorised(caseID, actor, .caseManage, in: tx)
            let changed = try await tx.execute(
                "UPDATE lawyer_bindings SET status = 'revoked' WHERE case_id = \(caseID) AND lawyer_id = \(lawyerID) AND status = 'approved'")
            guard changed > 0 else { throw HTTPError(.notFound, detail: "该律师未关联本案。", code: "not-found") }
            try await self.touch(caseID, in: tx)
            try await self.recordEvent(caseID, kind: "lawyerUnbound", actorID: actor.userID, in: tx)
            try await AuditLog.append(context.event("case.lawyer.unbind", "case", caseID, details: ["lawyer": lawyerID]), in: tx)
            return try await self.detail(caseID, in: tx)
        }
    }

    /// Adds or changes a team member (same procuratorate's staff only).
    public func setTeamMember(_ caseID: String, _ input: TeamMemberInput, by actor: Actor, context: AuditContext) async throws -> CaseDetail {
        try await store.withTransaction { tx in
            let record = try await self.authorised(caseID, actor, .caseManage, in: tx)
            let staff: Set<Role> = [.chiefProsecutor, .deputyChiefProsecutor, .departmentHead, .prosecutor, .prosecutorAssistant, .clerk]
            let rows = try await tx.query(
                "SELECT m.role, o.path, o.kind FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = \(input.userId)")
            let eligible = try rows.contains { row in
                guard let role = Role(rawValue: try row.decode(column: "role")), staff.contains(role) else { return false }
                let membership = Membership(
                    id: "", userID: input.userId, organisationID: "", organisationName: "", organisationPath: try row.decode(column: "path"), role: role,
                    organisationKind: OrganisationKind(rawValue: try row.decode(column: "kind")) ?? .procuratorate)
                return record.organisationPath.hasPrefix(membership.scopePath)
            }
            guard eligible else { throw Self.invalid("办案组成员须为本院检察人员。", field: "userId") }
            try await tx.execute("DELETE FROM case_team WHERE case_id = \(caseID) AND user_id = \(input.userId)")
            try await tx.execute("INSERT INTO case_team (case_id, user_id, duty) VALUES (\(caseID), \(input.userId), \(input.duty.rawValue))")
            if input.duty == .lead {
                try await tx.execute("UPDATE case_team SET duty = 'member' WHERE case_id = \(caseID) AND duty = 'lead' AND user_id <> \(input.userId)")
                try await tx.execute("UPDATE cases SET lead_prosecutor_id = \(input.userId) WHERE id = \(caseID)")
            }
            try await self.touch(caseID, in: tx)
            try await self.recordEvent(caseID, kind: "teamChanged", actorID: actor.userID, note: input.duty.chineseName, in: tx)
            try await AuditLog.append(context.event("case.team.set", "case", caseID, details: ["user": input.userId, "duty": input.duty.rawValue]), in: tx)
            return try await self.detail(caseID, in: tx)
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
