import Foundation
import Security
import Store

/// Server-side sessions: created on sign-in (always a fresh id), looked up per request, ended by expiry or sign-out.
struct SessionStore: Sendable {
    let settings: IdentitySettings
    let clock: any WallClock

    /// Creates a session and returns the token for the cookie and the CSRF token for the page.
    func create(userID: String, state: SessionRecord.State, sourceAddress: String, in tx: any SQLExecutor) async throws
        -> (token: SessionToken, csrfToken: String)
    {
        let token = try SessionToken.generate()
        let csrf = try SecureRandom.token(byteCount: 24)
        let now = clock.now()
        let lifetime = state == .totp ? settings.totpStepTimeout : settings.sessionAbsoluteLifetime
        try await tx.execute(
            """
            INSERT INTO sessions (id, user_id, state, csrf_token, created_at, last_seen_at, expires_at, source_address)
            VALUES (\(token.storageID), \(userID), \(state.rawValue), \(csrf), \(now), \(now), \(now.addingTimeInterval(lifetime)), \(sourceAddress))
            """)
        return (token, csrf)
    }

    /// The live session for `token`, or nil when there is none or it has expired (expired rows are removed).
    func find(token: String, in store: any Store) async throws -> SessionRecord? {
        let id = SessionToken(value: token).storageID
        guard
            let row = try await store.queryFirst(
                "SELECT id, user_id, state, csrf_token, created_at, last_seen_at, expires_at FROM sessions WHERE id = \(id)")
        else { return nil }
        let record = SessionRecord(
            id: try row.decode(column: "id"), userID: try row.decode(column: "user_id"),
            state: SessionRecord.State(rawValue: try row.decode(column: "state")) ?? .totp, csrfToken: try row.decode(column: "csrf_token"),
            createdAt: try row.decode(column: "created_at"), lastSeenAt: try row.decode(column: "last_seen_at"),
            expiresAt: try row.decode(column: "expires_at"))
        let now = clock.now()
        let idle = record.state == .active ? settings.sessionIdleTimeout : settings.totpStepTimeout
        if now >= record.expiresAt || now.timeIntervalSince(record.lastSeenAt) >= idle {
            try await store.execute("DELETE FROM sessions WHERE id = \(id)")
            return nil
        }
        if now.timeIntervalSince(record.lastSeenAt) >= settings.sessionTouchInterval {
            try await store.execute("UPDATE sessions SET last_seen_at = \(now) WHERE id = \(id)")
        }
        return record
    }

    func delete(id: String, in tx: any SQLExecutor) async throws {
        try await tx.execute("DELETE FROM sessions WHERE id = \(id)")
    }

    /// Ends every session of a user; returns how many there were.
    @discardableResult
    func deleteAll(userID: String, in tx: any SQLExecutor) async throws -> Int {
        try await tx.execute("DELETE FROM sessions WHERE user_id = \(userID)")
    }
}
