import Cases
import Foundation
import HTTPRouter
import HTTPServer
import Identity
import StoreTestSupport
import Testing

/// Bad input and wrong stages are refused with the field at fault and leave the case as it was.
struct CaseRulesTests {
    @Test(arguments: TestEngine.available)
    func badInputNamesTheFieldAndChangesNothing(engine: TestEngine) async throws {
        try await CaseFixture.run(engine) { fixture in
            let id = try await fixture.theftCase().summary.id
            let prosecutor = try await fixture.actor("prosecutor")
            let context = fixture.context(prosecutor)
            let person = try await fixture.cases.addPerson(id, NewPerson(role: .suspect, name: "张某"), by: prosecutor, context: context)
            let victim = try await fixture.cases.addPerson(id, NewPerson(role: .victim, name: "赵某"), by: prosecutor, context: context)
            let detention = try await fixture.organisationID("南京市看守所")
            let before = try await fixture.counts()
            let attempts: [(String, String, () async throws -> Void)] = [
                ("endsOn", "结束日期不能早于开始日期。", {
                    _ = try await fixture.cases.addMeasure(id, personID: person.id, NewMeasure(kind: .bail, startsOn: "2026-11-20", endsOn: "2026-11-01"), by: prosecutor, context: context)
                }),
                ("placeId", "刑事拘留、逮捕须选择羁押的看守所。", {
                    _ = try await fixture.cases.addMeasure(id, personID: person.id, NewMeasure(kind: .arrest, startsOn: "2026-11-20"), by: prosecutor, context: context)
                }),
                ("personId", "强制措施只能对犯罪嫌疑人采取。", {
                    _ = try await fixture.cases.addMeasure(id, personID: victim.id, NewMeasure(kind: .arrest, startsOn: "2026-11-20", placeId: detention), by: prosecutor, context: context)
                }),
                ("startsOn", "日期无效，请按 2026-12-03 的格式填写真实存在的日期。", {
                    _ = try await fixture.cases.addMeasure(id, personID: person.id, NewMeasure(kind: .bail, startsOn: "2026-02-30"), by: prosecutor, context: context)
                }),
                ("citizenId", "身份证号校验位不正确。", {
                    _ = try await fixture.cases.addPerson(id, NewPerson(role: .suspect, name: "钱某", citizenId: "32010619900315123X"), by: prosecutor, context: context)
                }),
                ("charges", "“抢钱罪”不是刑法规定的罪名。", {
                    _ = try await fixture.cases.update(id, CaseChanges(charges: ["抢钱罪"]), by: prosecutor, context: context)
                }),
                ("transition", "案件当前处于“审查逮捕”阶段，不能“提起公诉”。", {
                    _ = try await fixture.cases.transition(id, TransitionInput(transition: .indict, on: "2026-12-01"), by: prosecutor, context: context)
                }),
                ("on", "日期不能早于本阶段开始之日（2026-11-28）。", {
                    _ = try await fixture.cases.transition(id, TransitionInput(transition: .approveArrest, on: "2026-11-27"), by: prosecutor, context: context)
                }),
                ("on", "日期不能晚于今天。", {
                    _ = try await fixture.cases.transition(id, TransitionInput(transition: .approveArrest, on: "2026-12-04"), by: prosecutor, context: context)
                }),
                ("transition", "附条件不起诉只适用于未成年人案件（刑事诉讼法第二百八十二条）。", {
                    _ = try await fixture.cases.transition(id, TransitionInput(transition: .transferForProsecution, on: "2026-12-01"), by: prosecutor, context: context)
                    _ = try await fixture.cases.transition(id, TransitionInput(transition: .decideConditionalNonProsecution, on: "2026-12-02"), by: prosecutor, context: context)
                }),
            ]
            for (field, detail, attempt) in attempts.dropLast() {
                do {
                    try await attempt()
                    Issue.record("accepted bad \(field)")
                } catch let error as HTTPError {
                    #expect(error.field == field)
                    #expect(error.detail == detail)
                }
            }
            #expect(try await fixture.counts() == before)
            // The last one moves the case first (a valid step), then is refused without undoing that step.
            let (field, detail, attempt) = attempts.last!
            do {
                try await attempt()
                Issue.record("accepted conditional non-prosecution of an adult")
            } catch let error as HTTPError {
                #expect(error.field == field)
                #expect(error.detail == detail)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func aSuspectUnderEighteenMakesTheCaseJuvenileAndClosedToLawyers(engine: TestEngine) async throws {
        try await CaseFixture.run(engine) { fixture in
            let id = try await fixture.theftCase().summary.id
            let prosecutor = try await fixture.actor("prosecutor")
            let lawyer = try await fixture.actor("lawyer")
            _ = try await fixture.cases.bindLawyer(id, lawyerID: lawyer.userID, by: prosecutor, context: fixture.context(prosecutor))
            #expect(try await fixture.cases.list(CaseFilter(), by: lawyer).total == 1)
            let minor = try await fixture.cases.addPerson(
                id, NewPerson(role: .suspect, name: "小明", birthDate: "2010-05-01"), by: prosecutor, context: fixture.context(prosecutor))
            #expect(minor.isMinor)
            #expect(try await fixture.cases.list(CaseFilter(), by: lawyer).total == 0)
            let refused = await #expect(throws: HTTPError.self) {
                _ = try await fixture.cases.bindLawyer(id, lawyerID: lawyer.userID, by: prosecutor, context: fixture.context(prosecutor))
            }
            #expect(refused?.code == "not-for-lawyers")
            await #expect(throws: HTTPError.self) { _ = try await fixture.cases.detail(id, by: lawyer, context: fixture.context(lawyer)) }
        }
    }

    @Test(arguments: TestEngine.available)
    func whoSeesACase(engine: TestEngine) async throws {
        try await CaseFixture.run(engine) { fixture in
            let id = try await fixture.theftCase().summary.id
            for (username, sees) in [("prosecutor", true), ("chief", true), ("head", true), ("assistant", false), ("lawyer", false), ("judge", false)] {
                let actor = try await fixture.actor(username)
                let visible = (try? await fixture.cases.detail(id, by: actor, context: fixture.context(actor))) != nil
                #expect(visible == sees, "\(username)")
            }
            // Added to the team, the assistant sees it.
            let prosecutor = try await fixture.actor("prosecutor")
            let assistant = try await fixture.actor("assistant")
            _ = try await fixture.cases.setTeamMember(
                id, TeamMemberInput(userId: assistant.userID, duty: .member), by: prosecutor, context: fixture.context(prosecutor))
            #expect((try? await fixture.cases.detail(id, by: assistant, context: fixture.context(assistant))) != nil)
        }
    }
}

/// The pickers on a case page: the procuratorate's staff for the team, lawyers for bindings (none for juvenile cases).
struct CaseCandidatesTests {
    @Test func staffComeFromTheCasesProcuratorateAndLawyersOnlyForOrdinaryCases() async throws {
        try await CaseFixture.run(.sqlite) { fixture in
            let id = try await fixture.theftCase().summary.id
            let prosecutor = try await fixture.actor("prosecutor")
            let candidates = try await fixture.cases.candidates(id, by: prosecutor)
            let staffNames = Set(candidates.staff.map(\.displayName))
            #expect(staffNames.isSuperset(of: ["张伟", "李娜", "赵敏", "王建国"]))
            #expect(!staffNames.contains("孙丽"), "玄武's prosecutor is not 鼓楼's staff")
            #expect(Set(candidates.lawyers.map(\.displayName)) == ["黄磊", "冯涛"])
            _ = try await fixture.cases.update(id, CaseChanges(juvenile: true), by: prosecutor, context: fixture.context(prosecutor))
            #expect(try await fixture.cases.candidates(id, by: prosecutor).lawyers.isEmpty)
        }
    }
}
