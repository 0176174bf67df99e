import CaseFacts
import Testing

struct QuantityExtractionTests {
    private let extractor = FactExtractor()

    private func first(_ kind: CircumstanceKind, in text: String) -> Circumstance? {
        extractor.extract(text).first { $0.kind == kind }
    }

    @Test(arguments: [
        ("窃得人民币3723元。", 3723.0, "人民币3723元"), ("价值一万二千元的手机", 12_000, "一万二千元"), ("共计2.5万元", 25_000, "共计2.5万元"),
        ("骗取3万余元", 30_000, "3万余元"), ("损失1,200元", 1200, "1,200元"), ("价值人民币５００元", 500, "人民币５００元"),
    ])
    func readsAmountsWithUnits(text: String, value: Double, matched: String) throws {
        let amount = try #require(first(.amount, in: text))
        #expect(amount.value == value)
        #expect(amount.text == matched)
    }

    @Test func spansCountUnicodeScalars() throws {
        let amount = try #require(first(.amount, in: "被告人窃得人民币3723元"))
        #expect(amount.start == 5)
        #expect(amount.end == 5 + "人民币3723元".unicodeScalars.count)
    }

    @Test func marksTotals() throws {
        let amounts = extractor.extract("分别窃得100元、200元，共计300元。").filter { $0.kind == .amount }
        #expect(amounts.count == 3)
        #expect(amounts.last?.detail == "total")
        #expect(amounts.first?.detail == nil)
    }

    @Test func ignoresAnonymisedAmounts() {
        #expect(first(.amount, in: "出资2473万某元") == nil)
    }

    @Test func readsCounts() throws {
        #expect(first(.count, in: "先后三次入户盗窃")?.value == 3)
        #expect(first(.count, in: "作案5起")?.value == 5)
        #expect(first(.count, in: "多次盗窃")?.detail == "多次")
        #expect(first(.count, in: "次日被抓获") == nil)
        #expect(first(.count, in: "一次性支付") == nil)
    }

    @Test(arguments: [("轻伤二级", "轻伤", 2.0), ("重伤一级", "重伤", 1.0), ("轻微伤", "轻微伤", nil)])
    func readsInjuryGrades(text: String, severity: String, grade: Double?) throws {
        let injury = try #require(first(.injury, in: "经鉴定，被害人的损伤程度为\(text)。"))
        #expect(injury.detail == severity)
        #expect(injury.value == grade)
    }

    @Test func readsDisabilityGrades() {
        #expect(first(.disability, in: "构成六级伤残")?.value == 6)
        #expect(first(.disability, in: "伤残等级为十级")?.value == 10)
    }

    @Test func readsDeaths() {
        #expect(first(.death, in: "造成二人死亡")?.value == 2)
        #expect(first(.death, in: "经抢救无效死亡")?.value == 1)
    }

    @Test(arguments: [
        ("查获甲基苯丙胺12.5克", "甲基苯丙胺", 12.5), ("贩卖冰毒约0.3克", "甲基苯丙胺", 0.3), ("海洛因净重1.2千克", "海洛因", 1200),
        ("氯胺酮共计五克", "氯胺酮", 5),
    ])
    func readsDrugKindsAndWeights(text: String, drug: String, grams: Double) throws {
        let found = try #require(first(.drug, in: text))
        #expect(found.detail == drug)
        #expect(found.value == grams)
    }

    @Test func readsAges() {
        #expect(first(.age, in: "被害人王某（8岁）")?.value == 8)
        #expect(first(.age, in: "时年十七周岁")?.value == 17)
    }

    @Test func readsBloodAlcohol() {
        #expect(first(.bloodAlcohol, in: "血液中乙醇含量为186.5mg/100ml")?.value == 186.5)
    }
}
