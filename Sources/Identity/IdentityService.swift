public import Foundation
import HTTPRouter
public import Security
public import Store

/// Accounts, organisations, sign-in and sessions over the store. Every write runs in one transaction with its audit event.
public final class IdentityService: Sendable {
    public let store: any Store
    public let settings: IdentitySettings
    public let clock: any WallClock
    let passwords: PasswordHashingPool
    let sessions: SessionStore
    let throttle: SignInThrottle
    /// Verified when the username is unknown, so that answer takes as long as a wrong password.
    let decoyHash: String

    public init(store: any Store, settings: IdentitySettings = IdentitySettings(), clock: any WallClock = SystemClock(), passwords: PasswordHashingPool = PasswordHashingPool()) throws {
        self.store = store
        self.settings = settings
        self.clock = clock
        self.passwords = passwords
        sessions = SessionStore(settings: settings, clock: clock)
        throttle = SignInThrottle(settings: settings, clock: clock)
        decoyHash = try passwords.hasher.hash(try SecureRandom.token())
    }

    public func auditContext(actorID: String, sourceAddress: String) -> AuditContext {
        AuditContext(actorID: actorID, sourceAddress: sourceAddress, clock: clock)
    }

    /// The signed-in user with their memberships, or nil when the account is gone or disabled.
    public func loadActor(userID: String, in executor: (any SQLExecutor)? = nil) async throws -> Actor? {
        let executor = executor ?? store
        guard let user = try await executor.queryFirst("SELECT id, username, display_name, status FROM users WHERE id = \(userID)"),
            try user.decode(column: "status", as: String.self) == UserStatus.active.rawValue
        else { return nil }
        return Actor(
            userID: userID, username: try user.decode(column: "username"), displayName: try user.decode(column: "display_name"),
            memberships: try await memberships(of: [userID], in: executor)[userID] ?? [])
    }

    /// Memberships of several users at once, keyed by user id.
    func memberships(of userIDs: [String], in executor: any SQLExecutor) async throws -> [String: [Membership]] {
        guard !userIDs.isEmpty else { return [:] }
        let rows = try await executor.query(
            """
            SELECT m.id, m.user_id, m.organisation_id, o.name, o.path, m.role
            FROM memberships m JOIN organisations o ON o.id = m.organisation_id
            WHERE m.user_id IN (\(list: userIDs)) ORDER BY o.path, m.role
            """)
        var result: [String: [Membership]] = [:]
        for row in rows {
            guard let role = Role(rawValue: try row.decode(column: "role")) else { continue }
            let membership = Membership(
                id: try row.decode(column: "id"), userID: try row.decode(column: "user_id"), organisationID: try row.decode(column: "organisation_id"),
                organisationName: try row.decode(column: "name"), organisationPath: try row.decode(column: "path"), role: role)
            result[membership.userID, default: []].append(membership)
        }
        return result
    }

    static func newID() -> String { UUID().uuidString.lowercased() }
}

public enum UserStatus: String, Sendable, Codable, CaseIterable {
    case active, disabled
}
