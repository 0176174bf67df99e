public import CaseFacts
import Foundation

/// 三 and 二(二)–(三): which circumstances count, in what order they adjust the 基准刑, and the statutory limits.
extension SentencingEngine {
    /// Words shortly before 未成年 that make it describe someone other than the defendant.
    static let otherPersonCues = ["被害人", "幼女", "儿童", "容留", "介绍", "雇佣", "引诱", "组织", "教唆", "利用"]

    /// The rules that adjust the 基准刑, and whether a statutory ground for 减轻 was found (even one not evaluated again).
    public struct RuleSelection: Sendable {
        public var rules: [GuidelineTable.CircumstanceRule]
        public var allowsMitigationBelowMinimum: Bool
    }

    /// Chooses the rules that apply, applying the non-duplication provisions, and explains each choice.
    public func applicableRules(facts: [Circumstance], text: String, steps: inout [ExplanationStep]) -> RuleSelection {
        let scalars = Array(text.unicodeScalars)
        var present: [String: Circumstance] = [:]
        for fact in facts where present[fact.kind.rawValue] == nil {
            if fact.kind == .minor {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[max(0, fact.start - 12)..<min(fact.start, scalars.count)])
                if Self.otherPersonCues.contains(where: { String(view).contains($0) }) { continue }
            }
            present[fact.kind.rawValue] = fact
        }
        let groundKinds = Set(guideline.circumstances.filter(\.mitigationBelowMinimum).map(\.kind))
        let allowsMitigation = present.keys.contains { groundKinds.contains($0) }
        func drop(_ kinds: [String], because provision: String, when excluders: [String]) {
            guard excluders.contains(where: { present[$0] != nil }) else { return }
            for kind in kinds where present.removeValue(forKey: kind) != nil {
                steps.append(ExplanationStep(step: "不重复评价", provision: provision, detail: "「\(kind)」不再单独评价"))
            }
        }
        if present["compensation"] != nil, present["forgiveness"] != nil, present["compensationAndForgiveness"] == nil {
            present["compensationAndForgiveness"] = present["compensation"]
        }
        drop(["compensation", "forgiveness"], because: "\(Self.document) 三(十一)", when: ["compensationAndForgiveness"])
        drop(["meritoriousService"], because: "\(Self.document) 三(九)", when: ["majorMeritoriousService"])
        drop(["confession"], because: "\(Self.document) 三(七)", when: ["majorConfession"])
        drop(["confession"], because: guideline.confessionExcludedByProvision, when: guideline.confessionExcludedBy)
        drop(["courtPlea"], because: guideline.courtPleaExcludedByProvision, when: guideline.courtPleaExcludedBy)
        drop(["priorRecord"], because: guideline.priorRecordExcludedByProvision, when: guideline.priorRecordExcludedBy)
        var pleaRuleID = "pleaLeniency"
        if present["pleaLeniency"] != nil {
            if guideline.pleaLeniencyCombinedWith.contains(where: { present[$0] != nil }) { pleaRuleID = "pleaLeniencyCombined" }
            drop(guideline.pleaLeniencyAbsorbs, because: guideline.pleaLeniencyAbsorbsProvision, when: ["pleaLeniency"])
        }
        var rules: [GuidelineTable.CircumstanceRule] = []
        for rule in guideline.circumstances {
            guard let fact = present[rule.kind] else { continue }
            switch rule.kind {
            case "minor":
                let age = Int(fact.value ?? 16)
                guard age >= (rule.minAge ?? 0), age < (rule.maxAge ?? 200) else { continue }
            case "pleaLeniency":
                guard rule.id == pleaRuleID else { continue }
            default: break
            }
            rules.append(rule)
        }
        return RuleSelection(rules: rules, allowsMitigationBelowMinimum: allowsMitigation)
    }

    /// 二(二)2: the first-applied circumstances multiply the 基准刑 one after another; the others are then added and subtracted.
    public func adjust(
        baseline: (low: Double, high: Double), rules: [GuidelineTable.CircumstanceRule], steps: inout [ExplanationStep]
    ) -> (low: Double, high: Double) {
        var low = baseline.low
        var high = baseline.high
        for rule in rules where rule.stage == "first" {
            let factor = 1 + rule.typicalPercent / 100
            low *= factor
            high *= factor
            steps.append(
                ExplanationStep(
                    step: "调节基准刑（先行适用）", provision: "\(Self.document) \(rule.provision)；\(Self.document) 二(二)2",
                    detail: String(format: "%@：幅度%@，取%+.0f%%", rule.id, rangeText(rule), rule.typicalPercent), lowMonths: low, highMonths: high))
        }
        let others = rules.filter { $0.stage != "first" }
        guard !others.isEmpty else { return (low, high) }
        var deltaLow = 0.0
        var deltaHigh = 0.0
        for rule in others {
            var changeLow = low * rule.typicalPercent / 100
            var changeHigh = high * rule.typicalPercent / 100
            if rule.kind == "recidivism" {
                changeLow = max(changeLow, guideline.recidivismMinimumMonths)
                changeHigh = max(changeHigh, guideline.recidivismMinimumMonths)
            }
            deltaLow += changeLow
            deltaHigh += changeHigh
            steps.append(
                ExplanationStep(
                    step: "调节基准刑（同向相加、逆向相减）", provision: "\(Self.document) \(rule.provision)；\(Self.document) 二(二)2",
                    detail: String(format: "%@：幅度%@，取%+.0f%%（%+.1f至%+.1f个月）", rule.id, rangeText(rule), rule.typicalPercent, changeLow, changeHigh)))
        }
        low += deltaLow
        high += deltaHigh
        steps.append(
            ExplanationStep(
                step: "拟宣告刑", provision: "\(Self.document) 二(二)2",
                detail: String(format: "调节后为%.1f至%.1f个月", low, high), lowMonths: low, highMonths: high))
        return (low, high)
    }

    /// 二(三)1–3 with 刑法第六十三条: below the statutory minimum only with a statutory ground for 减轻; never above the maximum.
    public func applyStatutoryLimits(
        _ range: (low: Double, high: Double), tier: CrimeTable.Tier, mayGoBelow: Bool, steps: inout [ExplanationStep]
    ) -> (low: Double, high: Double) {
        var low = range.low
        var high = range.high
        if low < tier.minMonths || high < tier.minMonths, !mayGoBelow {
            low = max(low, tier.minMonths)
            high = max(high, tier.minMonths)
            steps.append(
                ExplanationStep(
                    step: "法定刑限制", provision: "\(Self.document) 二(三)2；刑法第六十三条",
                    detail: String(format: "只有从轻情节，不得低于法定最低刑%.0f个月", tier.minMonths), lowMonths: low, highMonths: high))
        }
        if high > tier.maxMonths {
            high = tier.maxMonths
            low = min(low, high)
            steps.append(
                ExplanationStep(
                    step: "法定刑限制", provision: "\(Self.document) 二(三)3",
                    detail: String(format: "超过法定最高刑，以%.0f个月为限", tier.maxMonths), lowMonths: low, highMonths: high))
        }
        return (low, high)
    }

    private func rangeText(_ rule: GuidelineTable.CircumstanceRule) -> String {
        String(format: "%+.0f%%至%+.0f%%", rule.lowPercent, rule.highPercent)
    }
}
