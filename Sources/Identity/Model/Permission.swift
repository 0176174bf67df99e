/// What an actor may do. Routes require one; roles grant a set (see ``Role/permissions``).
public enum Permission: String, CaseIterable, Sendable, Codable, Comparable {
    case organisationRead = "organisation.read"
    case organisationManage = "organisation.manage"
    case userRead = "user.read"
    case userManage = "user.manage"
    case userRevealPersonalData = "user.revealPersonalData"
    case auditRead = "audit.read"
    case caseRead = "case.read"
    case caseManage = "case.manage"

    public static func < (a: Permission, b: Permission) -> Bool { a.rawValue < b.rawValue }
}
