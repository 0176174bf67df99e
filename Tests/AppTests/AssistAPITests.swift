import App
import Foundation
import HTTPServer
import Testing

/// The assistant panel's API: the extracted result, then the same with the prosecutor's corrections.
struct AssistAPITests {
    static let fact = """
        公诉机关指控，2026年3月5日，被告人张某在南京市鼓楼区某超市内窃取他人手机一部，经鉴定价值人民币3723元。案发后张某主动投案，如实供述犯罪事实，\
        退赔被害人损失并取得谅解。公诉机关认为，被告人张某以非法占有为目的，秘密窃取他人财物，数额较大，其行为已构成盗窃罪。
        """

    @Test func recommendsForTheSuggestedChargeAndRecomputesForACorrectedOne() async throws {
        let test = try await TestApplication.make()
        defer { Task { await test.close() } }
        let client = test.app.client()
        await client.signIn("prosecutor")
        let body = try String(decoding: JSONSerialization.data(withJSONObject: ["fact": Self.fact]), as: UTF8.self)
        let first = await client.send(.post, "/api/assist", json: body)
        #expect(first.status == 200)
        let charges = (first.json["charges"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(charges.first == "盗窃")
        let kinds = Set((first.json["circumstances"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? [])
        #expect(kinds.contains("surrender"))
        let low = try #require(first.json["term_months_low"] as? Int)
        let high = try #require(first.json["term_months_high"] as? Int)
        #expect(low <= high && high <= 36)

        // Corrected: the prosecutor does not accept the surrender → the recommendation is recomputed without it.
        let kept = (first.json["circumstances"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String != "surrender" }
        let corrected = try String(
            decoding: JSONSerialization.data(withJSONObject: ["fact": Self.fact, "charge": "盗窃罪", "circumstances": kept]), as: UTF8.self)
        let second = await client.send(.post, "/api/assist", json: corrected)
        #expect(second.status == 200)
        let secondLow = try #require(second.json["term_months_low"] as? Int)
        let secondHigh = try #require(second.json["term_months_high"] as? Int)
        #expect(secondLow >= low && secondHigh >= high && (secondLow, secondHigh) != (low, high), "without the surrender the range is higher")
        #expect((second.json["circumstances"] as? [[String: Any]])?.contains { $0["kind"] as? String == "surrender" } == false)

        let empty = await client.send(.post, "/api/assist", json: #"{"fact":"  "}"#)
        #expect(empty.status == 400)
        #expect(empty.json["field"] as? String == "fact")
    }
}
