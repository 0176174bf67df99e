public import CaseFacts
import Foundation

/// Encodes 法发〔2021〕21号: 量刑起点 → 基准刑 → 宣告刑, with every figure read from the shipped tables.
///
/// ```swift
/// let engine = try SentencingEngine.bundled()
/// let facts = FactExtractor().extract(text)
/// let outcome = engine.recommend(charge: "盗窃", facts: facts, text: text)
/// ```
public struct SentencingEngine: Sendable {
    public let guideline: GuidelineTable
    public let crimes: CrimeTable
    static let document = "法发〔2021〕21号"

    public init(guideline: GuidelineTable, crimes: CrimeTable) {
        self.guideline = guideline
        self.crimes = crimes
    }

    /// The engine over the tables that ship with the product.
    public static func bundled() throws -> SentencingEngine {
        try SentencingEngine(guideline: .bundled(), crimes: .bundled())
    }

    /// Recommends a custodial range for one charge, or says why the case is not covered.
    public func recommend(charge: String, facts: [Circumstance], text: String) -> SentencingOutcome {
        guard let crime = crimes.crime(named: charge) else {
            return .notCovered("罪名「\(charge)」不在本引擎的量刑表内（\(Self.document)所列常见犯罪之外，或尚无实施细则数据）")
        }
        let measures = CaseMeasures(facts: facts, text: text)
        if let exclusion = crime.outOfScope?.first(where: { measures.satisfies($0.when, text: text) }) {
            return .notCovered(exclusion.reason)
        }
        guard let start = crime.startingPoints.first(where: { measures.satisfies($0.when, text: text) }),
            let tier = crime.tiers.first(where: { $0.tier == start.tier })
        else {
            return .notCovered("未能从案情中确定「\(charge)」的量刑起点（缺少数额、数量或后果等构成事实）")
        }
        var steps = [startingPointStep(crime: crime, start: start)]
        if crime.directSentence == true {
            // 四(二): 危险驾驶 is sentenced directly within 1–6 months 拘役; the step method does not apply to 拘役.
            return finish(low: start.lowMonths, high: start.highMonths, crime: crime, tier: tier, measures: measures, steps: steps)
        }
        let added = incrementMonths(crime: crime, tier: start.tier, measures: measures, steps: &steps)
        let baseline = (low: start.lowMonths + added, high: start.highMonths + added)
        steps.append(
            ExplanationStep(
                step: "基准刑", provision: "\(Self.document) 二(一)2",
                detail: String(format: "在量刑起点上增加刑罚量%.1f个月，基准刑为%.1f至%.1f个月", added, baseline.low, baseline.high),
                lowMonths: baseline.low, highMonths: baseline.high))
        let selection = applicableRules(facts: facts, text: text, steps: &steps)
        let adjusted = adjust(baseline: baseline, rules: selection.rules, steps: &steps)
        let limited = applyStatutoryLimits(adjusted, tier: tier, mayGoBelow: selection.allowsMitigationBelowMinimum, steps: &steps)
        return finish(low: limited.low, high: limited.high, crime: crime, tier: tier, measures: measures, steps: steps)
    }

    private func startingPointStep(crime: CrimeTable.Crime, start: CrimeTable.StartingPoint) -> ExplanationStep {
        let unverified = start.verified.hasPrefix("not verified") ? "（该数字尚未对照公开文本核验）" : ""
        return ExplanationStep(
            step: "量刑起点", provision: "\(Self.document) \(start.provision)；刑法\(crime.article)",
            detail: String(format: "在%.0f至%.0f个月幅度内确定量刑起点（来源：%@）%@", start.lowMonths, start.highMonths, start.source, unverified),
            lowMonths: start.lowMonths, highMonths: start.highMonths)
    }

    /// 刑罚量 from the province's increments for the chosen tier (二(一)2).
    private func incrementMonths(crime: CrimeTable.Crime, tier: Int, measures: CaseMeasures, steps: inout [ExplanationStep]) -> Double {
        var total = 0.0
        for increment in crime.increments where increment.tier == tier {
            let quantity: Double?
            switch increment.basis {
            case "amount": quantity = measures.amount
            case "extraOffences":
                let belowAmount = increment.onlyBelowAmount.map { (measures.amount ?? 0) < $0 } ?? true
                quantity = belowAmount ? measures.offences : nil
            case "extraDeaths": quantity = measures.deaths
            default: quantity = nil
            }
            guard let quantity, quantity > increment.above else { continue }
            let months = ((quantity - increment.above) / increment.step).rounded(.down) * increment.months
            guard months > 0 else { continue }
            total += months
            steps.append(
                ExplanationStep(
                    step: "增加刑罚量", provision: increment.provision,
                    detail: String(format: "%@%.0f超过%.0f，每%.0f增加%.0f个月，共增加%.0f个月", increment.basis == "amount" ? "数额" : "次数/人数",
                        quantity, increment.above, increment.step, increment.months, months)))
        }
        return total
    }

    private func finish(
        low: Double, high: Double, crime: CrimeTable.Crime, tier: CrimeTable.Tier, measures: CaseMeasures, steps: [ExplanationStep]
    ) -> SentencingOutcome {
        // No national rounding rule exists; whole months, half up, as the Hubei 2013 rules count 刑罚量.
        let lowMonths = max(1, Int(low.rounded(.toNearestOrAwayFromZero)))
        let highMonths = max(lowMonths, Int(high.rounded(.toNearestOrAwayFromZero)))
        var steps = steps
        let recommendation = RecommendationText.range(low: lowMonths, high: highMonths, fine: crime.fine)
        steps.append(
            ExplanationStep(
                step: "宣告刑", provision: "\(Self.document) 二(一)3；刑法\(crime.article)（\(tier.penalty)）",
                detail: "按月取整（四舍五入，国家文本未规定取整方法）：\(recommendation)", lowMonths: Double(lowMonths), highMonths: Double(highMonths)))
        // 刑法第七十二条: 缓刑 is open for 拘役 or 有期徒刑 up to three years; 刑法第七十四条 closes it to 累犯.
        let probation = highMonths <= 36 && !measures.kinds.contains(.recidivism)
        steps.append(
            ExplanationStep(
                step: "缓刑", provision: "刑法第七十二条、第七十四条；\(Self.document) 二(五)",
                detail: probation ? "拟判刑期不超过三年且非累犯，可以考虑适用缓刑" : "拟判刑期超过三年或系累犯，不适用缓刑"))
        return SentencingOutcome(
            termMonthsLow: lowMonths, termMonthsHigh: highMonths, reason: nil, recommendation: recommendation, probationEligible: probation,
            explanation: steps)
    }
}
