/// The roles of GLOSSARY.md, plus the two duties of system security (三员分立: the administrator manages accounts,
/// the security auditor reads the audit log; neither does the other's work).
public enum Role: String, CaseIterable, Sendable, Codable {
    case administrator
    case securityAuditor
    case chiefProsecutor
    case deputyChiefProsecutor
    case departmentHead
    case prosecutor
    case prosecutorAssistant
    case clerk
    case detentionOfficer
    case judge
    case lawyer

    public var chineseName: String {
        switch self {
        case .administrator: "系统管理员"
        case .securityAuditor: "安全审计员"
        case .chiefProsecutor: "检察长"
        case .deputyChiefProsecutor: "副检察长"
        case .departmentHead: "部门负责人"
        case .prosecutor: "检察官"
        case .prosecutorAssistant: "检察官助理"
        case .clerk: "书记员"
        case .detentionOfficer: "看守所民警"
        case .judge: "法官"
        case .lawyer: "律师"
        }
    }

    /// What the role may do, before organisation scope, case team and grants narrow it (see ``AccessPolicy``).
    public var permissions: Set<Permission> {
        switch self {
        case .administrator: [.organisationRead, .organisationManage, .userRead, .userManage, .userRevealPersonalData, .calendarManage, .roomManage]
        case .securityAuditor: [.auditRead, .organisationRead, .userRead]
        case .chiefProsecutor, .deputyChiefProsecutor, .departmentHead: [.organisationRead, .userRead, .caseRead, .caseManage, .sessionBook]
        case .prosecutor, .prosecutorAssistant, .clerk: [.organisationRead, .caseRead, .caseManage, .sessionBook]
        case .lawyer: [.caseRead]
        case .detentionOfficer: [.organisationRead, .sessionHost, .roomManage]
        case .judge: [.organisationRead]
        }
    }

    /// The kind of organisation a membership in this role must belong to.
    public var allowedOrganisationKinds: Set<OrganisationKind> {
        switch self {
        case .administrator, .securityAuditor: [.procuratorate]
        case .chiefProsecutor, .deputyChiefProsecutor: [.procuratorate]
        case .departmentHead, .prosecutor, .prosecutorAssistant, .clerk: [.procuratorate, .department]
        case .detentionOfficer: [.detentionCentre]
        case .judge: [.court]
        case .lawyer: [.lawFirm]
        }
    }

    /// Leaders see every case of their organisation's subtree; other staff only the cases whose team they are on.
    var seesWholeScope: Bool { self == .chiefProsecutor || self == .deputyChiefProsecutor || self == .departmentHead }
}
