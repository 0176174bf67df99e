import Cases
import Foundation
import Identity
import Store
import StoreTestSupport
import Testing

/// The demo world's cases: real facts and charges, every stage and every deadline status, seeded once.
struct DemoCasesTests {
    @Test func sixtyRealCasesCoverEveryOpenStageAndDeadlineStatusAndSeedOnce() async throws {
        try await CaseFixture.run(.sqlite) { fixture in
            let jsonl = CaseFixture.repository.appending(path: "Data/cases/criminal-cases-dev.jsonl")
            #expect(try await DemoCases.seed(cases: fixture.cases, identity: fixture.identity, jsonl: jsonl) == 60)
            #expect(try await DemoCases.seed(cases: fixture.cases, identity: fixture.identity, jsonl: jsonl) == 0)
            let chief = try await fixture.actor("chief")
            let all = try await fixture.cases.list(CaseFilter(pageSize: 100), by: chief)
            let gulou = try await fixture.identity.store.queryValue(
                "SELECT count(*) FROM cases c JOIN organisations o ON o.id = c.organisation_id WHERE o.name = '南京市鼓楼区人民检察院'", as: Int.self)
            #expect(gulou > 0 && gulou < 60, "both district procuratorates have cases")
            #expect(all.total == gulou, "鼓楼's leaders see 鼓楼's cases, not 玄武's")
            #expect(Set(all.items.map(\.organisationName)) == ["南京市鼓楼区人民检察院"])
            #expect(Set(all.items.map(\.stage)).isSuperset(of: [.arrestReview, .investigation, .prosecutionReview, .supplementaryInvestigation, .indictment]))
            let statuses = Set(all.items.compactMap { $0.nextDeadline?.status })
            #expect(statuses.isSuperset(of: ["overdue", "normal"]))
            #expect(all.items.contains { $0.inCustody })
            #expect(all.items.first?.nextDeadline?.status == "overdue", "overdue cases lead the list")
            let lawyer = try await fixture.actor("lawyer")
            #expect(try await fixture.cases.list(CaseFilter(), by: lawyer).total > 0)
        }
    }
}
