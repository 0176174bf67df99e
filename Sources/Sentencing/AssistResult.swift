public import CaseFacts

/// The assistant's answer for one fact text: the JSON line `jianwu assist --json` writes.
public struct AssistResult: Codable, Sendable {
    public struct Charge: Codable, Sendable, Hashable {
        public var name: String
        public var score: Double
        public var evidence: [String]
    }

    public struct Article: Codable, Sendable, Hashable {
        /// A Criminal Law article label, e.g. 第二百六十四条.
        public var label: String
        public var score: Double
        public var evidence: [String]
    }

    public var charges: [Charge]
    public var articles: [Article]
    public var circumstances: [Circumstance]
    /// Custodial term in months (有期徒刑 or 拘役); 0/0 means no custodial penalty; nil when not covered.
    public var termMonthsLow: Int?
    public var termMonthsHigh: Int?
    public var reason: String?
    public var recommendation: String?
    public var probationEligible: Bool?
    public var explanation: [ExplanationStep]

    enum CodingKeys: String, CodingKey {
        case charges, articles, circumstances, reason, recommendation, explanation
        case termMonthsLow = "term_months_low"
        case termMonthsHigh = "term_months_high"
        case probationEligible = "probation_eligible"
    }

    /// Writes every key, with `null` for missing values, so each line has the same shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(charges, forKey: .charges)
        try container.encode(articles, forKey: .articles)
        try container.encode(circumstances, forKey: .circumstances)
        try container.encode(termMonthsLow, forKey: .termMonthsLow)
        try container.encode(termMonthsHigh, forKey: .termMonthsHigh)
        try container.encode(reason, forKey: .reason)
        try container.encode(recommendation, forKey: .recommendation)
        try container.encode(probationEligible, forKey: .probationEligible)
        try container.encode(explanation, forKey: .explanation)
    }
}
