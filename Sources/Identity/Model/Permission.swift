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
    /// Editing the holiday calendar the statutory deadlines count with.
    case calendarManage = "calendar.manage"
    /// Booking remote sessions (远程提讯) for one's cases.
    case sessionBook = "session.book"
    /// Hosting remote sessions at a detention centre: confirming bookings, admitting the suspect.
    case sessionHost = "session.host"
    /// Setting up a detention centre's interview rooms and their opening hours.
    case roomManage = "room.manage"

    public static func < (a: Permission, b: Permission) -> Bool { a.rawValue < b.rawValue }
}
