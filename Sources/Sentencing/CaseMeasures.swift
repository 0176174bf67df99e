public import CaseFacts

/// The quantities a starting point depends on, derived from the extracted facts of one case.
public struct CaseMeasures: Sendable {
    /// The crime amount in 元: the largest stated total, else the sum of amounts named as taken or lost, else the largest amount.
    public var amount: Double?
    /// Grams of heroin or methamphetamine (the drugs the national thresholds name).
    public var drugGrams: Double?
    /// The number of offences stated (三次, 作案5起); 多次 counts as three.
    public var offences: Double?
    public var deaths: Double?
    /// The worst injury: 重伤 over 轻伤 over 轻微伤.
    public var injury: String?
    public var responsibility: String?
    public var kinds: Set<CircumstanceKind>

    /// Words right before an amount that make it the money taken or lost rather than a repayment.
    static let lossCues = ["价值", "窃得", "盗得", "骗得", "骗取", "窃取", "盗走", "骗走", "侵占", "勒索", "抢得", "抢走", "劫得", "损失", "吸收", "收受", "非法获利", "共计", "合计"]
    /// Words right before an amount that make it a repayment, fine or compensation.
    static let repaymentCues = ["退赔", "赔偿", "退赃", "退还", "退缴", "罚金", "赔付", "归还", "返还", "谅解", "补偿", "垫付"]

    public init(facts: [Circumstance], text: String) {
        let scalars = Array(text.unicodeScalars)
        func before(_ fact: Circumstance, _ length: Int) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[max(0, fact.start - length)..<min(fact.start, scalars.count)])
            return String(view)
        }
        let amounts = facts.filter { $0.kind == .amount && $0.value != nil }
            .filter { fact in !Self.repaymentCues.contains { before(fact, 10).contains($0) } }
        let totals = amounts.filter { $0.detail == "total" }.compactMap(\.value)
        let losses = amounts.filter { fact in Self.lossCues.contains { before(fact, 6).contains($0) } }.compactMap(\.value)
        if let largestTotal = totals.max() {
            amount = largestTotal
        } else if !losses.isEmpty {
            amount = losses.reduce(0, +)
        } else {
            amount = amounts.compactMap(\.value).max()
        }
        let grams = facts.filter { $0.kind == .drug && ["甲基苯丙胺", "海洛因"].contains($0.detail ?? "") }.compactMap(\.value)
        drugGrams = grams.isEmpty ? nil : grams.reduce(0, +)
        let counts = facts.filter { $0.kind == .count }.map { $0.value ?? 3 }
        offences = counts.max()
        deaths = facts.filter { $0.kind == .death }.compactMap(\.value).max()
        let severities = facts.filter { $0.kind == .injury }.compactMap(\.detail)
        injury = ["重伤", "轻伤", "轻微伤"].first { severities.contains($0) }
        responsibility = facts.first { $0.kind == .responsibility }?.detail
        kinds = Set(facts.map(\.kind))
    }

    /// Whether `condition` holds for this case; `text` is the fact text for `textContainsAny`.
    func satisfies(_ condition: CrimeTable.Condition, text: String) -> Bool {
        if let minimum = condition.amountAtLeast, (amount ?? 0) < minimum { return false }
        if let minimum = condition.drugGramsAtLeast, (drugGrams ?? 0) < minimum { return false }
        if let minimum = condition.offencesAtLeast, (offences ?? 0) < minimum { return false }
        if let minimum = condition.deathsAtLeast, (deaths ?? 0) < minimum { return false }
        if let wanted = condition.injury, injury != wanted { return false }
        if let shares = condition.responsibility, !shares.contains(responsibility ?? "") { return false }
        if let any = condition.kindsAny, !any.contains(where: { kindNamed($0) }) { return false }
        if let all = condition.kindsAll, !all.allSatisfy({ kindNamed($0) }) { return false }
        if let phrases = condition.textContainsAny, !phrases.contains(where: { text.contains($0) }) { return false }
        return true
    }

    private func kindNamed(_ name: String) -> Bool {
        CircumstanceKind(rawValue: name).map { kinds.contains($0) } ?? false
    }
}
