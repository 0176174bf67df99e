import Cases
import Foundation
import HTTPRouter
import Identity
import StoreTestSupport
import Testing

/// The deadlines a case page shows, from the engine, for the case's own dates and people (today is 2026-12-03).
struct CaseDeadlineTests {
    func transition(_ fixture: CaseFixture, _ id: String, _ transition: CaseTransition, on day: String) async throws -> CaseDetail {
        let prosecutor = try await fixture.actor("prosecutor")
        return try await fixture.cases.transition(id, TransitionInput(transition: transition, on: day), by: prosecutor, context: fixture.context(prosecutor))
    }

    /// 规则第二百八十二条: fifteen days for a suspect not detained; the last day 12-13 is a Sunday and moves (刑事诉讼法第一百零五条第四款).
    @Test(arguments: TestEngine.available)
    func arrestReviewOfASuspectAtLargeIsFifteenDaysMovedPastTheWeekend(engine: TestEngine) async throws {
        try await CaseFixture.run(engine) { fixture in
            let created = try await fixture.theftCase(receivedOn: "2026-11-28")
            let deadline = try #require(created.deadlines.first)
            #expect(deadline.kind == "arrestReview")
            #expect(deadline.dueOn == "2026-12-14")
            #expect(deadline.article.contains("人民检察院刑事诉讼规则第二百八十二条"))
            #expect(deadline.daysLeft == 11)
            #expect(deadline.status == "normal")
        }
    }

    /// 刑事诉讼法第九十一条第三款: seven days for a detained suspect, not moved past the weekend because he is in custody.
    @Test(arguments: TestEngine.available)
    func arrestReviewOfADetainedSuspectIsSevenDaysNotMoved(engine: TestEngine) async throws {
        try await CaseFixture.run(engine) { fixture in
            let created = try await fixture.theftCase(receivedOn: "2026-11-28")
            let prosecutor = try await fixture.actor("prosecutor")
            let person = try await fixture.cases.addPerson(
                created.summary.id, NewPerson(role: .suspect, name: "张某"), by: prosecutor, context: fixture.context(prosecutor))
            let detail = try await fixture.cases.addMeasure(
                created.summary.id, personID: person.id,
                NewMeasure(kind: .criminalDetention, startsOn: "2026-11-25", placeId: try await fixture.organisationID("南京市看守所")), by: prosecutor,
                context: fixture.context(prosecutor))
            let review = try #require(detail.deadlines.first { $0.kind == "arrestReview" })
            #expect(review.dueOn == "2026-12-05")
            #expect(review.article.hasPrefix("刑事诉讼法第九十一条第三款"))
            #expect(review.status == "dueSoon")
            #expect(detail.summary.inCustody)
        }
    }

    /// 刑事诉讼法第一百七十二条第一款: one month; 12-02 has passed, so the case leads the attention list as overdue.
    @Test(arguments: TestEngine.available)
    func prosecutionReviewIsOneMonthAndAnOverdueCaseLeadsTheList(engine: TestEngine) async throws {
        try await CaseFixture.run(engine) { fixture in
            _ = try await fixture.theftCase(stage: .arrestReview, receivedOn: "2026-12-01", name: "较晚期限案")
            let late = try await fixture.theftCase(stage: .prosecutionReview, receivedOn: "2026-11-02", name: "超期案")
            #expect(late.deadlines.first?.dueOn == "2026-12-02")
            #expect(late.deadlines.first?.status == "overdue")
            let prosecutor = try await fixture.actor("prosecutor")
            let all = try await fixture.cases.list(CaseFilter(), by: prosecutor)
            #expect(all.items.first?.name == "超期案")
            let overdue = try await fixture.cases.list(CaseFilter(deadline: .overdue), by: prosecutor)
            #expect(overdue.items.map(\.name) == ["超期案"])
        }
    }

    /// 刑事诉讼法第一百七十五条第三款: at most two returns, one month each, and the review period counted afresh on resubmission.
    @Test(arguments: TestEngine.available)
    func supplementaryInvestigationRestartsTheReviewAndATwoReturnLimitHolds(engine: TestEngine) async throws {
        try await CaseFixture.run(engine) { fixture in
            let id = try await fixture.theftCase(stage: .prosecutionReview, receivedOn: "2026-11-20").summary.id
            let returned = try await transition(fixture, id, .returnForSupplementaryInvestigation, on: "2026-12-01")
            #expect(returned.summary.stage == .supplementaryInvestigation)
            #expect(returned.deadlines.first?.kind == "supplementaryInvestigation")
            #expect(returned.deadlines.first?.dueOn == "2027-01-01")
            let back = try await transition(fixture, id, .resubmitAfterSupplementaryInvestigation, on: "2026-12-02")
            // 2027-01-02 is a Saturday; the suspect is not held, so the due day moves to Monday.
            #expect(back.deadlines.first?.dueOn == "2027-01-04")
            _ = try await transition(fixture, id, .returnForSupplementaryInvestigation, on: "2026-12-03")
            _ = try await transition(fixture, id, .resubmitAfterSupplementaryInvestigation, on: "2026-12-03")
            let before = try await fixture.counts()
            let refused = await #expect(throws: HTTPError.self) {
                _ = try await transition(fixture, id, .returnForSupplementaryInvestigation, on: "2026-12-03")
            }
            #expect(refused?.code == "return-limit")
            #expect(refused?.detail?.contains("第一百七十五条第三款") == true)
            #expect(try await fixture.counts() == before)
        }
    }

    /// 刑事诉讼法第一百七十二条第一款: a plea-leniency case fit for 速裁 has ten days (12-05 is a Saturday: moved to 12-07).
    @Test(arguments: TestEngine.available)
    func fastTrackPleaCaseHasTenDays(engine: TestEngine) async throws {
        try await CaseFixture.run(engine) { fixture in
            let prosecutor = try await fixture.actor("prosecutor")
            let created = try await fixture.cases.create(
                NewCase(name: "李某危险驾驶案", stage: .prosecutionReview, receivedOn: "2026-11-25", charges: ["危险驾驶罪"], pleaLeniency: true),
                by: prosecutor, context: fixture.context(prosecutor))
            #expect(created.deadlines.first?.dueOn == "2026-12-07")
        }
    }

    /// 刑事诉讼法第七十九条第一款: bail at most twelve months, shown for the suspect under it.
    @Test(arguments: TestEngine.available)
    func bailShowsItsTwelveMonthMaximum(engine: TestEngine) async throws {
        try await CaseFixture.run(engine) { fixture in
            let created = try await fixture.theftCase()
            let prosecutor = try await fixture.actor("prosecutor")
            let person = try await fixture.cases.addPerson(
                created.summary.id, NewPerson(role: .suspect, name: "王某"), by: prosecutor, context: fixture.context(prosecutor))
            let detail = try await fixture.cases.addMeasure(
                created.summary.id, personID: person.id, NewMeasure(kind: .bail, startsOn: "2026-03-10"), by: prosecutor,
                context: fixture.context(prosecutor))
            let bail = try #require(detail.deadlines.first { $0.kind == "bail" })
            #expect(bail.title == "取保候审期限（王某）")
            #expect(bail.dueOn == "2027-03-10")
        }
    }
}
