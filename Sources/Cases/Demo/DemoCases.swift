public import Foundation
public import Identity
import HTTPRouter
import HTTPServer
import Security
import Store

/// Demo cases built from real, already pseudonymised judgments (Data/cases/criminal-cases-dev.jsonl): their facts and
/// charges, with suspects, victims, measures, stages and dates spread so that the lists show every deadline status.
/// Everything goes through ``CaseService`` as a prosecutor would enter it, so it is validated and audited.
public enum DemoCases {
    struct Record: Decodable {
        var fact: String
        var charges: [String]
    }

    /// Seeds up to `count` cases unless any case exists. Returns how many were created.
    @discardableResult
    public static func seed(cases: CaseService, identity: IdentityService, jsonl: URL, count: Int = 60) async throws -> Int {
        guard try await cases.store.queryValue("SELECT count(*) FROM cases", as: Int.self) == 0 else { return 0 }
        let decoder = JSONDecoder()
        let records = try String(contentsOf: jsonl, encoding: .utf8).split(separator: "\n").compactMap {
            try? decoder.decode(Record.self, from: Data($0.utf8))
        }
        let gulou = try await actor("prosecutor", identity)
        let xuanwu = try await actor("prosecutor2", identity)
        let lawyer = try await actor("lawyer", identity)
        let detention = try await identity.store.queryValue("SELECT id FROM organisations WHERE kind = 'detentionCentre' ORDER BY path LIMIT 1", as: String.self)
        let today = DayText.today(cases.clock.now())
        var created = 0
        for (index, record) in records.enumerated() where created < count {
            let charges = record.charges.compactMap { cases.charges.entry(named: $0)?.charge }
            guard !charges.isEmpty, charges.count == record.charges.count else { continue }
            let prosecutor = index % 3 == 2 ? xuanwu : gulou
            let context = AuditContext(actorID: prosecutor.userID, sourceAddress: "", clock: cases.clock)
            let plan = Plan(index: created, today: today)
            let suspect = suspectName(in: record.fact, fallbackIndex: index)
            let detail = try await cases.create(
                NewCase(
                    name: "\(suspect)\(charges[0].dropLast())案", facts: String(record.fact.prefix(3000)), stage: plan.entryStage,
                    receivedOn: plan.receivedOn, charges: charges, majorComplex: index % 11 == 0, pleaLeniency: index % 4 == 1,
                    expectedSentenceOverOneYear: index % 8 == 1),
                by: prosecutor, context: context)
            let id = detail.summary.id
            let person = try await cases.addPerson(
                id, NewPerson(role: .suspect, name: suspect, citizenId: citizenID(index), address: "江苏省南京市"), by: prosecutor, context: context)
            if plan.custody {
                _ = try await cases.addMeasure(
                    id, personID: person.id, NewMeasure(kind: .criminalDetention, startsOn: plan.detainedOn, placeId: detention), by: prosecutor,
                    context: context)
            } else {
                _ = try await cases.addMeasure(id, personID: person.id, NewMeasure(kind: .bail, startsOn: plan.detainedOn), by: prosecutor, context: context)
            }
            if let victim = victimName(in: record.fact) {
                _ = try await cases.addPerson(id, NewPerson(role: .victim, name: victim), by: prosecutor, context: context)
            }
            for step in plan.steps {
                if step.transition == .approveArrest && plan.custody {
                    _ = try await cases.addMeasure(
                        id, personID: person.id, NewMeasure(kind: .arrest, startsOn: step.on, placeId: detention), by: prosecutor, context: context)
                }
                _ = try await cases.transition(id, TransitionInput(transition: step.transition, on: step.on), by: prosecutor, context: context)
            }
            if prosecutor.userID == gulou.userID, index % 5 == 0 {
                _ = try await cases.bindLawyer(id, lawyerID: lawyer.userID, by: prosecutor, context: context)
            }
            created += 1
        }
        return created
    }

    /// Where a demo case stands, by its position in the list: a mix of stages, and dates that give normal, due-soon and
    /// overdue deadlines relative to today.
    struct Plan {
        var entryStage: CaseStage
        var receivedOn: String
        var detainedOn: String
        var custody: Bool
        var steps: [(transition: CaseTransition, on: String)] = []

        init(index: Int, today: String) {
            func day(_ offset: Int) -> String { DeadlineStatusText.day(today, plus: -offset) }
            custody = index % 2 == 0
            switch index % 6 {
            case 0:
                entryStage = .arrestReview
                receivedOn = day(index % 5)
                detainedOn = day(index % 5 + 2)
            case 1:
                entryStage = .arrestReview
                receivedOn = day(25)
                detainedOn = day(28)
                steps = [(.approveArrest, day(20))]
            case 2, 3:
                entryStage = .prosecutionReview
                receivedOn = day(8 + (index * 7) % 30)
                detainedOn = day(60)
            case 4:
                entryStage = .prosecutionReview
                receivedOn = day(40)
                detainedOn = day(70)
                steps = [(.returnForSupplementaryInvestigation, day(12 + index % 20))]
            default:
                entryStage = .prosecutionReview
                receivedOn = day(35)
                detainedOn = day(80)
                steps = [(.indict, day(3))]
            }
        }
    }

    /// The defendant's pseudonymised name in the judgment (被告人吴某), else an invented one.
    static func suspectName(in fact: String, fallbackIndex: Int) -> String {
        if let range = fact.range(of: #"被告人[\p{Han}]{1,2}某[甲乙丙丁]?"#, options: .regularExpression) {
            return String(fact[range].dropFirst(3))
        }
        let surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"]
        return surnames[fallbackIndex % surnames.count] + "某"
    }

    static func victimName(in fact: String) -> String? {
        fact.range(of: #"被害人[\p{Han}]{1,2}某[甲乙丙丁]?"#, options: .regularExpression).map { String(fact[$0].dropFirst(3)) }
    }

    /// Invented but well-formed (GB 11643) numbers from 鼓楼区, born 1970–1999.
    static func citizenID(_ index: Int) -> String {
        let body = String(format: "320106%04d%02d%02d%03d", 1970 + index % 30, 1 + index % 12, 1 + index % 28, 100 + index)
        return body + String(CitizenID.checkCharacter(forBody: body) ?? "0")
    }

    private static func actor(_ username: String, _ identity: IdentityService) async throws -> Actor {
        let id = try await identity.store.queryValue("SELECT id FROM users WHERE username = \(username)", as: String.self)
        guard let actor = try await identity.loadActor(userID: id) else {
            throw HTTPError(.internalServerError, detail: "演示账号 \(username) 已停用，无法生成演示案件。")
        }
        return actor
    }
}
