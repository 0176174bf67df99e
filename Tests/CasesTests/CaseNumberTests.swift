import Cases
import Foundation
import Identity
import StoreTestSupport
import Testing

/// 案号: official shape, per procuratorate, business code and year, no gap and no duplicate under concurrency.
struct CaseNumberTests {
    @Test(arguments: TestEngine.available)
    func parallelRegistrationsTakeEveryNumberOnceWithoutGaps(engine: TestEngine) async throws {
        try await CaseFixture.run(engine) { fixture in
            let count = 16
            let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<count {
                    group.addTask { try await fixture.theftCase(name: "并发受理测试案\(index)").summary.caseNumber }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            let expected = Set((1...count).map { "宁鼓检刑捕〔2026〕\($0)号" })
            #expect(Set(numbers) == expected)
            #expect(numbers.count == count)
        }
    }

    @Test(arguments: TestEngine.available)
    func eachStageOfACaseGetsItsOwnBusinessNumber(engine: TestEngine) async throws {
        try await CaseFixture.run(engine) { fixture in
            let created = try await fixture.theftCase()
            #expect(created.summary.caseNumber == "宁鼓检刑捕〔2026〕1号")
            let prosecutor = try await fixture.actor("prosecutor")
            let moved = try await fixture.cases.transition(
                created.summary.id, TransitionInput(transition: .transferForProsecution, on: "2026-12-01"), by: prosecutor,
                context: fixture.context(prosecutor))
            #expect(moved.summary.caseNumber == "宁鼓检刑诉〔2026〕1号")
            #expect(moved.caseNumbers.map(\.caseNumber) == ["宁鼓检刑捕〔2026〕1号", "宁鼓检刑诉〔2026〕1号"])
        }
    }

    @Test(arguments: TestEngine.available)
    func aRefusedRegistrationUsesNoNumber(engine: TestEngine) async throws {
        try await CaseFixture.run(engine) { fixture in
            let prosecutor = try await fixture.actor("prosecutor")
            await #expect(throws: (any Error).self) {
                _ = try await fixture.cases.create(
                    NewCase(name: "无效罪名案", stage: .arrestReview, receivedOn: "2026-11-28", charges: ["不存在罪"]), by: prosecutor,
                    context: fixture.context(prosecutor))
            }
            #expect(try await fixture.theftCase().summary.caseNumber == "宁鼓检刑捕〔2026〕1号")
        }
    }
}
