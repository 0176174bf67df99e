public import Foundation

/// What the web UI learns about its session: who, where, what they may do, and the CSRF token to send back.
public struct SessionView: Sendable, Codable {
    public struct User: Sendable, Codable {
        public var id: String
        public var username: String
        public var displayName: String
        public var totpEnabled: Bool
    }

    public var csrfToken: String
    public var user: User
    public var memberships: [MembershipView]
    public var permissions: [Permission]
    public var expiresAt: Date

    init(actor: Actor, csrfToken: String, totpEnabled: Bool, expiresAt: Date) {
        self.csrfToken = csrfToken
        user = User(id: actor.userID, username: actor.username, displayName: actor.displayName, totpEnabled: totpEnabled)
        memberships = actor.memberships.map(MembershipView.init)
        permissions = actor.permissions.sorted()
        self.expiresAt = expiresAt
    }
}

/// The answer to a sign-in step.
struct SignInAnswer: Codable {
    var state: String
    var session: SessionView?
    var secret: String?
    var uri: String?
}
