import CaseFacts
import Sentencing
import Testing

/// Worked examples, one per rule of 法发〔2021〕21号, on the shipped tables (江苏 2017 figures for 盗窃).
struct SentencingEngineTests {
    private let engine: SentencingEngine
    private let extractor = FactExtractor()

    init() throws {
        engine = try SentencingEngine.bundled()
    }

    private func recommend(_ charge: String, _ text: String) -> SentencingOutcome {
        engine.recommend(charge: charge, facts: extractor.extract(text), text: text)
    }

    private func range(_ outcome: SentencingOutcome) -> [Int?] { [outcome.termMonthsLow, outcome.termMonthsHigh] }

    /// 二(一)1–2: 量刑起点 3–9 months (四(十一)1(1), 江苏 ≥2,000元), +1 month per 1,500元 above 2,000 → 基准刑 5–11.
    @Test func startingPointPlusIncrementGivesBaseline() {
        let outcome = recommend("盗窃", "被告人窃得价值人民币5000元的手机一部。")
        #expect(range(outcome) == [5, 11])
        #expect(outcome.recommendation == "拘役五个月至有期徒刑十一个月，并处罚金")
        #expect(outcome.explanation.map(\.step).prefix(3) == ["量刑起点", "增加刑罚量", "基准刑"])
    }

    /// 三(六): 自首 reduces by up to 40%; the product proposes −20%. 3–9 × 0.8 = 2.4–7.2 → 2–7.
    @Test func surrenderReducesBaseline() {
        #expect(range(recommend("盗窃", "窃得价值2000元的财物，案发后主动投案。")) == [2, 7])
    }

    /// 二(二)2: 未遂 (−25%) is applied first and multiplies; 自首 (−20%) then applies to the result: 3–9 → 2.25–6.75 → 1.8–5.4.
    @Test func firstAppliedCircumstancesMultiplyBeforeTheOthers() {
        #expect(range(recommend("盗窃", "窃取价值2000元的财物未遂，后主动投案。")) == [2, 5])
    }

    /// 三(十四): 认罪认罚 with 自首 may reduce up to 60% (−30% proposed) and 自首 is not evaluated again: 3–9 → 2.1–6.3.
    @Test func pleaLeniencyAbsorbsSurrenderAndWidensToSixtyPercent() {
        let outcome = recommend("盗窃", "窃得价值2000元的财物，主动投案，自愿认罪认罚。")
        #expect(range(outcome) == [2, 6])
        #expect(outcome.explanation.contains { $0.step == "不重复评价" && $0.detail.contains("surrender") })
    }

    /// 三(十四): 认罪认罚 alone (≤30%, −15% proposed) absorbs 坦白: 3–9 → 2.55–7.65.
    @Test func pleaLeniencyAloneAbsorbsConfession() {
        #expect(range(recommend("盗窃", "窃得价值2000元的财物，到案后如实供述，签署认罪认罚具结书。")) == [3, 8])
    }

    /// 三(八): 当庭自愿认罪 is not applied once 坦白 is found; 坦白 (三(七)1, −10%) alone: 3–9 → 2.7–8.1.
    @Test func courtPleaIsNotAddedToConfession() {
        let outcome = recommend("盗窃", "窃得价值2000元的财物，到案后如实供述，当庭自愿认罪。")
        #expect(range(outcome) == [3, 8])
    }

    /// 三(十五): 累犯 adds 10–40% (25% proposed) and at least three months; 刑法第七十四条 closes 缓刑: 3–9 → 6–12.
    @Test func recidivismAddsAtLeastThreeMonthsAndClosesProbation() {
        let outcome = recommend("盗窃", "窃得价值2000元的财物。被告人系累犯。")
        #expect(range(outcome) == [6, 12])
        #expect(outcome.probationEligible == false)
    }

    /// 三(十六) with 三(十五): a 前科 is not counted again for a 累犯.
    @Test func priorRecordIsNotCountedAgainForRecidivist() {
        let outcome = recommend("盗窃", "窃得价值2000元的财物。被告人有前科，系累犯。")
        #expect(range(outcome) == [6, 12])
    }

    /// 三(十一): 赔偿 and 谅解 together reduce up to 40% (−20% proposed): 3–9 → 2.4–7.2.
    @Test func compensationWithForgivenessUsesTheCombinedRange() {
        #expect(range(recommend("盗窃", "窃得价值2000元的财物。被告人已赔偿被害人损失，并取得谅解。")) == [2, 7])
    }

    /// 三(一)2: a minor aged 16–18 is reduced 10–50% (−30% proposed), applied first: 3–9 → 2.1–6.3.
    @Test func minorSixteenToEighteenIsReducedFirst() {
        #expect(range(recommend("盗窃", "被告人作案时已满十六周岁不满十八周岁，窃得价值2000元的财物。")) == [2, 6])
    }

    /// 三(一)1: a minor aged 12–16 is reduced 30–60% (−45% proposed): 3–9 → 1.65–4.95.
    @Test func minorUnderSixteenIsReducedMore() {
        #expect(range(recommend("盗窃", "被告人作案时已满十四周岁不满十六周岁，窃得价值2000元的财物。")) == [2, 5])
    }

    /// 二(三)2: with only 从轻 grounds the result stays at the statutory minimum (3 years for 数额巨大):
    /// 四(十一)1(2) 36–48 × (1 − 30%) = 25.2–33.6 → 36.
    @Test func onlyLenientGroundsStopAtTheStatutoryMinimum() {
        let outcome = recommend("盗窃", "窃得价值人民币50000元的财物，已全部退赃，自愿认罪认罚。")
        #expect(range(outcome) == [36, 36])
        #expect(outcome.explanation.contains { $0.step == "法定刑限制" })
    }

    /// 二(三)2 with 刑法第六十七条: 自首 is a statutory ground for 减轻, so the result may go below three years.
    @Test func surrenderAllowsGoingBelowTheStatutoryMinimum() {
        let outcome = recommend("盗窃", "窃得价值人民币50000元的财物，后主动投案，自愿认罪认罚。")
        #expect(range(outcome) == [25, 34])
        #expect(outcome.probationEligible == true)
    }

    /// 二(三)3: a result above the statutory maximum is capped (三年 for 数额较大): 28–34 + 累犯 25% → 35–42.5 → 36.
    @Test func resultAboveTheStatutoryMaximumIsCapped() {
        let outcome = recommend("盗窃", "窃得价值人民币40000元的财物。被告人系累犯。")
        #expect(outcome.termMonthsHigh == 36)
    }

    /// 四(二): 危险驾驶 is sentenced directly within one to six months 拘役, without the step method.
    @Test func dangerousDrivingIsSentencedDirectlyInDetention() {
        let outcome = recommend("危险驾驶", "血液中乙醇含量为186mg/100ml，自首。")
        #expect(range(outcome) == [1, 6])
        #expect(outcome.recommendation == "拘役一个月至六个月，并处罚金")
    }

    /// 四(一)1(1) with 江苏 2017: one death, full responsibility → 18–24 months; 二(五) with 刑法第七十二条 leaves 缓刑 open.
    @Test func trafficDeathWithFullResponsibilityStartsAtEighteenMonths() {
        let outcome = recommend("交通肇事", "致一人死亡，被告人负事故全部责任。")
        #expect(range(outcome) == [18, 24])
        #expect(outcome.probationEligible == true)
    }

    /// 四(十二) with 江苏 2017: telecom fraud of 3,000元 or more starts at 3–9 months.
    @Test func telecomFraudHasItsOwnThreshold() {
        let outcome = recommend("诈骗", "被告人实施电信网络诈骗，骗取人民币4000元。")
        #expect(range(outcome) == [3, 9])
    }

    @Test func uncoveredChargeReturnsAReason() {
        let outcome = recommend("重婚", "被告人与他人以夫妻名义同居。")
        #expect(outcome.termMonthsLow == nil)
        #expect(outcome.reason?.contains("重婚") == true)
    }

    @Test func missingConstituentFactsReturnAReason() {
        let outcome = recommend("盗窃", "被告人在商场内闲逛。")
        #expect(outcome.termMonthsLow == nil)
        #expect(outcome.reason != nil)
    }
}
