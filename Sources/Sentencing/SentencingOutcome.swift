/// One step of the method (量刑起点 → 基准刑 → 宣告刑) with the provision it applies.
public struct ExplanationStep: Codable, Sendable, Hashable {
    /// The step's name in Chinese, e.g. 量刑起点, 基准刑, 调节基准刑, 宣告刑.
    public var step: String
    /// The provision applied, e.g. 法发〔2021〕21号 三(六); 刑法第六十七条第一款.
    public var provision: String
    /// What the step did, in Chinese.
    public var detail: String
    /// The range after this step, in months, when the step changes it.
    public var lowMonths: Double?
    public var highMonths: Double?

    public init(step: String, provision: String, detail: String, lowMonths: Double? = nil, highMonths: Double? = nil) {
        self.step = step
        self.provision = provision
        self.detail = detail
        self.lowMonths = lowMonths
        self.highMonths = highMonths
    }

    enum CodingKeys: String, CodingKey {
        case step, provision, detail
        case lowMonths = "low_months"
        case highMonths = "high_months"
    }
}

/// The engine's answer for one charge: a custodial range in months, or a reason it does not cover the case.
public struct SentencingOutcome: Codable, Sendable, Hashable {
    /// Custodial term (有期徒刑 or 拘役) in whole months; nil when the engine does not cover the case.
    public var termMonthsLow: Int?
    public var termMonthsHigh: Int?
    /// Why the case is not covered, when it is not.
    public var reason: String?
    /// The recommendation in Chinese, e.g. 有期徒刑八个月至一年，并处罚金.
    public var recommendation: String?
    /// Whether 缓刑 is open under 刑法第七十二条、第七十四条 for the recommended range.
    public var probationEligible: Bool?
    public var explanation: [ExplanationStep]

    static func notCovered(_ reason: String, explanation: [ExplanationStep] = []) -> Self {
        Self(termMonthsLow: nil, termMonthsHigh: nil, reason: reason, recommendation: nil, probationEligible: nil, explanation: explanation)
    }
}
