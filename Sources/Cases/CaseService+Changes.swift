import Foundation
import HTTPRouter
import HTTPServer
public import Identity
import Store

extension CaseService {
    public func update(_ caseID: String, _ changes: CaseChanges, by actor: Actor, context: AuditContext) async throws -> CaseDetail {
        let chargeEntries = try changes.charges.map { names throws(HTTPError) in try validatedCharges(names) }
        return try await store.withTransaction { tx in
            let record = try await self.authorised(caseID, actor, .caseManage, in: tx)
            var fields: [String] = []
            if let name = changes.name?.trimmingCharacters(in: .whitespacesAndNewlines) {
                guard (2...100).contains(name.count) else { throw Self.invalid("案件名称须为 2–100 个字。", field: "name") }
                try await tx.execute("UPDATE cases SET name = \(name) WHERE id = \(caseID)")
                fields.append("name")
            }
            if let facts = changes.facts?.trimmingCharacters(in: .whitespacesAndNewlines) {
                guard facts.count <= 20_000 else { throw Self.invalid("案情摘要不能超过 20000 字。", field: "facts") }
                try await tx.execute("UPDATE cases SET facts = \(facts) WHERE id = \(caseID)")
                fields.append("facts")
            }
            if let chargeEntries {
                try await self.replaceCharges(caseID, chargeEntries, in: tx)
                fields.append("charges")
            }
            let flags: [(String, Bool?, String)] = [
                ("major_complex", changes.majorComplex, "majorComplex"), ("plea_leniency", changes.pleaLeniency, "pleaLeniency"),
                ("expected_sentence_over_one_year", changes.expectedSentenceOverOneYear, "expectedSentenceOverOneYear"),
                ("juvenile", changes.juvenile, "juvenile"), ("secret", changes.secret, "secret"),
            ]
            for (column, value, field) in flags {
                guard let value else { continue }
                try await tx.execute("UPDATE cases SET \(unsafeRaw: column) = \(value ? 1 : 0) WHERE id = \(caseID)")
                fields.append(field)
            }
            if changes.juvenile == true || changes.secret == true {
                // Juvenile and secret cases never reach lawyers online: end their online access.
                try await tx.execute("UPDATE lawyer_bindings SET status = 'revoked' WHERE case_id = \(caseID) AND status = 'approved'")
            }
            guard !fields.isEmpty else { return try await self.detail(caseID, in: tx) }
            try await self.touch(caseID, in: tx)
            try await self.recordEvent(caseID, kind: "updated", actorID: actor.userID, note: fields.joined(separator: ","), in: tx)
            try await self.refreshDeadline(caseID, in: tx)
            try await AuditLog.append(context.event("case.update", "case", record.id, details: ["fields": fields.joined(separator: ",")]), in: tx)
            return try await self.detail(caseID, in: tx)
        }
    }

    /// Moves a case to another stage; the day must not be before the current stage began nor after today.
    public func transition(_ caseID: String, _ input: TransitionInput, by actor: Actor, context: AuditContext) async throws -> CaseDetail {
        let day = try DayText.validate(input.on, field: "on")
        guard day <= today else { throw Self.invalid("日期不能晚于今天。", field: "on") }
        let note = (input.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= 2000 else { throw Self.invalid("说明不能超过 2000 字。", field: "note") }
        return try await store.withTransaction { tx in
            let record = try await self.authorised(caseID, actor, .caseManage, in: tx)
            let rule = input.transition.rule
            guard rule.from.contains(record.stage) else {
                throw HTTPError(
                    .conflict, detail: "案件当前处于“\(record.stage.chineseName)”阶段，不能“\(input.transition.chineseName)”。", code: "wrong-stage",
                    field: "transition")
            }
            guard day >= record.stageStartedOn else {
                throw Self.invalid("日期不能早于本阶段开始之日（\(record.stageStartedOn)）。", field: "on")
            }
            var returns = record.supplementaryReturns
            switch input.transition {
            case .returnForSupplementaryInvestigation:
                guard returns < 2 else {
                    throw HTTPError(
                        .conflict, detail: "退回补充侦查以二次为限（刑事诉讼法第一百七十五条第三款），本案已退回二次。", code: "return-limit",
                        field: "transition")
                }
                returns += 1
            case .decideConditionalNonProsecution:
                guard record.juvenile else {
                    throw HTTPError(.conflict, detail: "附条件不起诉只适用于未成年人案件（刑事诉讼法第二百八十二条）。", code: "wrong-stage", field: "transition")
                }
            default: break
            }
            try await tx.execute(
                """
                UPDATE cases SET stage = \(rule.to.rawValue), stage_started_on = \(day), supplementary_returns = \(returns),
                    extensions = \(rule.to == .prosecutionReview ? 0 : record.extensions) WHERE id = \(caseID)
                """)
            if let code = rule.to.businessCode,
                try await tx.queryFirst("SELECT case_number FROM case_numbers WHERE case_id = \(caseID) AND business_code = \(code)") == nil
            {
                let abbreviation = try await tx.queryValue("SELECT abbreviation FROM organisations WHERE id = \(record.organisationID)", as: String.self)
                let number = try await CaseNumberAllocator.next(
                    organisationID: record.organisationID, abbreviation: abbreviation, businessCode: code, year: Int(day.prefix(4)) ?? 2026, in: tx)
                try await tx.execute(
                    "INSERT INTO case_numbers (case_id, business_code, case_number, assigned_at) VALUES (\(caseID), \(code), \(number), \(self.clock.now()))")
                try await tx.execute("UPDATE cases SET case_number = \(number) WHERE id = \(caseID)")
            }
            try await self.touch(caseID, in: tx)
            try await self.recordEvent(
                caseID, kind: input.transition.rawValue, actorID: actor.userID, from: record.stage, to: rule.to,
                note: note.isEmpty ? day : "\(day)：\(note)", in: tx)
            try await self.refreshDeadline(caseID, in: tx)
            try await AuditLog.append(
                context.event("case.transition", "case", caseID, details: ["transition": input.transition.rawValue, "on": day]), in: tx)
            return try await self.detail(caseID, in: tx)
        }
    }

    /// 延长审查起诉期限十五日 for a major or complex case (刑事诉讼法第一百七十二条第一款), approved by the chief or a deputy.
    public func extendProsecutionReview(_ caseID: String, note: String?, by actor: Actor, context: AuditContext) async throws -> CaseDetail {
        try await store.withTransaction { tx in
            let record = try await self.authorised(caseID, actor, .caseManage, in: tx)
            let approvers: Set<Role> = [.chiefProsecutor, .deputyChiefProsecutor]
            guard actor.memberships.contains(where: { approvers.contains($0.role) && record.organisationPath.hasPrefix($0.scopePath) }) else {
                throw HTTPError(.forbidden, detail: "延长审查起诉期限须经检察长或副检察长批准。", code: "forbidden")
            }
            guard record.stage == .prosecutionReview else {
                throw HTTPError(.conflict, detail: "只有审查起诉阶段的案件可以延长审查起诉期限。", code: "wrong-stage")
            }
            guard record.majorComplex else {
                throw HTTPError(.conflict, detail: "只有重大、复杂的案件可以延长审查起诉期限（刑事诉讼法第一百七十二条）。", code: "not-major-complex")
            }
            guard record.extensions == 0 else {
                throw HTTPError(.conflict, detail: "本次审查起诉期限已延长过十五日。", code: "already-extended")
            }
            try await tx.execute("UPDATE cases SET extensions = 1 WHERE id = \(caseID)")
            try await self.touch(caseID, in: tx)
            try await self.recordEvent(caseID, kind: "extended", actorID: actor.userID, note: note ?? "", in: tx)
            try await self.refreshDeadline(caseID, in: tx)
            try await AuditLog.append(context.event("case.extend", "case", caseID), in: tx)
            return try await self.detail(caseID, in: tx)
        }
    }
}
