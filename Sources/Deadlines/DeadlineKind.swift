/// What a ``Deadline`` limits. Raw values are stable: the case module stores them.
public enum DeadlineKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 提请批准逮捕时限: the police must ask for arrest approval within this time after detention.
    case arrestRequest
    /// 审查批准逮捕 / 审查决定逮捕.
    case arrestReview
    /// 审查起诉.
    case prosecutionReview
    /// 退回补充侦查（补充调查）: the investigators must finish within this time.
    case supplementaryInvestigation
    /// 取保候审 maximum.
    case bail
    /// 监视居住 maximum.
    case residentialSurveillance
    /// 逮捕后的侦查羁押期限.
    case investigationCustody
    /// 监察机关移送的留置案件: the decision on coercive measures after detention.
    case coerciveMeasureDecision

    /// The name shown in the reminder list.
    public var chineseName: String {
        switch self {
        case .arrestRequest: "提请批准逮捕期限"
        case .arrestReview: "审查逮捕期限"
        case .prosecutionReview: "审查起诉期限"
        case .supplementaryInvestigation: "补充侦查期限"
        case .bail: "取保候审期限"
        case .residentialSurveillance: "监视居住期限"
        case .investigationCustody: "侦查羁押期限"
        case .coerciveMeasureDecision: "强制措施决定期限"
        }
    }
}
