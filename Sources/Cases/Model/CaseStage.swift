/// Where a case stands in criminal prosecution (统一业务应用's stages for one case).
public enum CaseStage: String, CaseIterable, Sendable, Codable {
    /// 审查逮捕: the police asked for approval of arrest.
    case arrestReview
    /// 侦查阶段: the arrest decision is made; the police investigate until they transfer the case.
    case investigation
    /// 审查起诉: the police transferred the case for prosecution.
    case prosecutionReview
    /// 退回补充侦查: back with the police for supplementary investigation (the review period stops).
    case supplementaryInvestigation
    /// 提起公诉: indicted (final for this module).
    case indictment
    /// 不起诉: not prosecuted.
    case nonProsecution
    /// 附条件不起诉: juveniles only, with a probation period.
    case conditionalNonProsecution

    public var chineseName: String {
        switch self {
        case .arrestReview: "审查逮捕"
        case .investigation: "侦查阶段"
        case .prosecutionReview: "审查起诉"
        case .supplementaryInvestigation: "退回补充侦查"
        case .indictment: "提起公诉"
        case .nonProsecution: "不起诉"
        case .conditionalNonProsecution: "附条件不起诉"
        }
    }

    /// The business code in case numbers issued when a case enters this stage (GLOSSARY: 刑捕, 刑诉, 刑不诉).
    var businessCode: String? {
        switch self {
        case .arrestReview: "刑捕"
        case .prosecutionReview: "刑诉"
        case .nonProsecution, .conditionalNonProsecution: "刑不诉"
        case .investigation, .supplementaryInvestigation, .indictment: nil
        }
    }

    public var isClosed: Bool { self == .indictment || self == .nonProsecution || self == .conditionalNonProsecution }
}

/// A move from one stage to another, as the API names it.
public enum CaseTransition: String, CaseIterable, Sendable, Codable {
    /// 批准逮捕.
    case approveArrest
    /// 不批准逮捕.
    case refuseArrest
    /// 移送审查起诉: from arrest review to prosecution review.
    case transferForProsecution
    /// 退回补充侦查 (刑事诉讼法第一百七十五条第二款): at most twice.
    case returnForSupplementaryInvestigation
    /// 补充侦查完毕重新移送: the review period runs again from the day it comes back.
    case resubmitAfterSupplementaryInvestigation
    /// 提起公诉.
    case indict
    /// 不起诉.
    case decideNonProsecution
    /// 附条件不起诉: the suspect must be a minor.
    case decideConditionalNonProsecution

    public var chineseName: String {
        switch self {
        case .approveArrest: "批准逮捕"
        case .refuseArrest: "不批准逮捕"
        case .transferForProsecution: "移送审查起诉"
        case .returnForSupplementaryInvestigation: "退回补充侦查"
        case .resubmitAfterSupplementaryInvestigation: "补充侦查后重新移送"
        case .indict: "提起公诉"
        case .decideNonProsecution: "决定不起诉"
        case .decideConditionalNonProsecution: "决定附条件不起诉"
        }
    }

    /// The stages it may start from and the stage it leads to.
    var rule: (from: Set<CaseStage>, to: CaseStage) {
        switch self {
        case .approveArrest, .refuseArrest: ([.arrestReview], .investigation)
        case .transferForProsecution: ([.arrestReview, .investigation], .prosecutionReview)
        case .returnForSupplementaryInvestigation: ([.prosecutionReview], .supplementaryInvestigation)
        case .resubmitAfterSupplementaryInvestigation: ([.supplementaryInvestigation], .prosecutionReview)
        case .indict: ([.prosecutionReview], .indictment)
        case .decideNonProsecution: ([.prosecutionReview], .nonProsecution)
        case .decideConditionalNonProsecution: ([.prosecutionReview], .conditionalNonProsecution)
        }
    }
}
