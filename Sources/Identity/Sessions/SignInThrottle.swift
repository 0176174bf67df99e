import Foundation
import HTTPRouter
import HTTPServer
import Store

/// Counts failed sign-ins per account and per client address in the store (so a restart or a second server does not
/// reset them) and locks a key that fails too often. Unknown usernames are counted like real ones, so the lock
/// reveals nothing about which accounts exist.
struct SignInThrottle: Sendable {
    let settings: IdentitySettings
    let clock: any WallClock

    static func accountKey(_ username: String) -> String { "account:" + username.lowercased() }
    static func addressKey(_ address: String) -> String { "address:" + address }

    /// Throws 429 with the minutes to wait when any key is locked.
    func check(keys: [String], in executor: any SQLExecutor) async throws {
        let now = clock.now()
        for key in keys {
            guard let row = try await executor.queryFirst("SELECT locked_until FROM sign_in_throttle WHERE key = \(key)"),
                let lockedUntil = try row.decode(column: "locked_until", as: Date?.self), lockedUntil > now
            else { continue }
            let seconds = Int(lockedUntil.timeIntervalSince(now).rounded(.up))
            let minutes = max(1, (seconds + 59) / 60)
            throw HTTPError(
                .tooManyRequests, detail: "登录失败次数过多，请 \(minutes) 分钟后再试。", code: "too-many-attempts",
                headers: ["Retry-After": String(seconds)])
        }
    }

    /// Counts one failure against each key; locks a key that reaches its limit within the window.
    func recordFailure(keys: [(key: String, limit: Int)], in tx: any SQLExecutor) async throws {
        let now = clock.now()
        for (key, limit) in keys {
            let row = try await tx.queryFirst("SELECT failures, window_started_at FROM sign_in_throttle WHERE key = \(key)")
            var failures = 1
            var windowStart = now
            if let row {
                let started = try row.decode(column: "window_started_at", as: Date.self)
                if now.timeIntervalSince(started) < settings.throttleWindow {
                    failures = try row.decode(column: "failures", as: Int.self) + 1
                    windowStart = started
                }
            }
            let lockedUntil: Date? = failures >= limit ? now.addingTimeInterval(settings.lockDuration) : nil
            // A lock starts a new window, so the next failures after it count afresh.
            if lockedUntil != nil { failures = 0 }
            if row == nil {
                try await tx.execute(
                    "INSERT INTO sign_in_throttle (key, failures, window_started_at, locked_until) VALUES (\(key), \(failures), \(windowStart), \(lockedUntil))")
            } else {
                try await tx.execute(
                    "UPDATE sign_in_throttle SET failures = \(failures), window_started_at = \(windowStart), locked_until = \(lockedUntil) WHERE key = \(key)")
            }
        }
    }

    /// A successful sign-in clears the account's count (not the address's: one good password must not reset an attack).
    func reset(key: String, in tx: any SQLExecutor) async throws {
        try await tx.execute("DELETE FROM sign_in_throttle WHERE key = \(key)")
    }
}
