import CaseFacts
import Foundation
import Sentencing
import Testing

/// The assist output on hand-written facts (not dev cases).
struct CaseAssistantTests {
    private let assistant: CaseAssistant

    init() throws {
        assistant = try CaseAssistant.bundled()
    }

    private let theft = "公诉机关指控：2020年3月5日，被告人张某趁被害人不备，在某超市内盗走被害人李某的手机一部，经鉴定价值人民币3800元。案发后，被告人张某主动投案，如实供述了自己的罪行，并退赔了被害人全部损失。"

    @Test func theftFactGetsTheftChargeArticleAndRange() throws {
        let result = assistant.assist(fact: theft)
        #expect(result.charges.first?.name == "盗窃")
        #expect(result.charges.first?.evidence.contains("盗走") == true)
        #expect(result.articles.first?.label == "第二百六十四条")
        #expect(result.articles.contains { $0.label == "第六十七条" })
        let low = try #require(result.termMonthsLow)
        let high = try #require(result.termMonthsHigh)
        #expect(low >= 1 && low <= high && high <= 36)
        #expect(result.recommendation?.hasSuffix("并处罚金") == true)
        #expect(result.probationEligible == true)
        #expect(result.explanation.first?.step == "量刑起点")
        #expect(result.circumstances.contains { $0.kind == .amount && $0.value == 3800 })
        #expect(result.circumstances.contains { $0.kind == .surrender })
    }

    @Test func drugHostingFactIsCoveredByTheGuideline() {
        let fact = "被告人王某在其租住的房屋内，先后两次容留李某、赵某吸食甲基苯丙胺（冰毒）。被告人王某到案后如实供述。"
        let result = assistant.assist(fact: fact)
        #expect(result.charges.first?.name == "容留他人吸毒")
        #expect(result.termMonthsLow != nil)
        #expect(result.explanation.contains { $0.provision.contains("四(二十二)") })
    }

    @Test func chargeOutsideTheGuidelineReturnsNullTermWithReason() {
        let fact = "被告人刘某在与妻子婚姻关系存续期间，又与他人以夫妻名义共同生活，并生育一子，构成重婚。"
        let result = assistant.assist(fact: fact)
        #expect(result.charges.first?.name == "重婚")
        #expect(result.termMonthsLow == nil && result.termMonthsHigh == nil)
        #expect(result.reason?.isEmpty == false)
    }

    @Test func jsonLineHasEveryOutputFieldIncludingNulls() throws {
        let line = try assistant.assistJSONLine(#"{"fact": "被告人刘某在婚姻关系存续期间又与他人以夫妻名义同居，构成重婚。"}"#)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let expected: Set<String> = [
            "charges", "articles", "circumstances", "term_months_low", "term_months_high", "reason", "recommendation", "probation_eligible",
            "explanation",
        ]
        #expect(Set(object.keys) == expected)
        #expect(object["term_months_low"] is NSNull)
        #expect(!line.contains("\n"))
    }

    @Test func jsonLineRejectsInputWithoutFact() {
        #expect(throws: (any Error).self) { try assistant.assistJSONLine(#"{"text": "x"}"#) }
    }
}
