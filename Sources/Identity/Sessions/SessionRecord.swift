import Foundation

/// A session row: `active` after a complete sign-in, `totp` between the password and the TOTP step.
struct SessionRecord: Sendable {
    enum State: String, Sendable { case active, totp }

    var id: String
    var userID: String
    var state: State
    var csrfToken: String
    var createdAt: Date
    var lastSeenAt: Date
    var expiresAt: Date
}
