/// What an action is done to, with the facts authorisation needs about it (never fetched by the policy itself).
public enum Resource: Sendable, Hashable {
    /// The organisation tree as a whole (listing it).
    case organisationTree
    /// One organisation, by its tree path.
    case organisation(path: String)
    /// A user account, with the paths of the organisations they belong to.
    case user(id: String, organisationPaths: [String])
    case auditLog
    /// A detention centre (its interview rooms and the remote sessions held there), by its tree path.
    case detentionCentre(path: String)
    case `case`(CaseAccessFacts)
}

/// What decides who may see a case.
public struct CaseAccessFacts: Sendable, Hashable {
    /// The tree path of the procuratorate handling the case.
    public var organisationPath: String
    public var teamUserIDs: Set<String>
    /// 未成年人案件: never shown to lawyers online.
    public var isJuvenile: Bool
    /// 涉密案件: never shown to lawyers online.
    public var isSecret: Bool
    /// Lawyers whose binding to the case the procuratorate approved.
    public var approvedLawyerIDs: Set<String>

    public init(organisationPath: String, teamUserIDs: Set<String>, isJuvenile: Bool, isSecret: Bool, approvedLawyerIDs: Set<String>) {
        self.organisationPath = organisationPath
        self.teamUserIDs = teamUserIDs
        self.isJuvenile = isJuvenile
        self.isSecret = isSecret
        self.approvedLawyerIDs = approvedLawyerIDs
    }
}
