public import Foundation

/// Time limits and thresholds of sign-in and sessions, stated in one place.
public struct IdentitySettings: Sendable {
    /// A session unused this long ends (等保 guidance for internal systems: 30 minutes or less).
    public var sessionIdleTimeout: TimeInterval = 30 * 60
    /// A session ends this long after sign-in, however active.
    public var sessionAbsoluteLifetime: TimeInterval = 12 * 3600
    /// Time allowed between the password step and the TOTP step.
    public var totpStepTimeout: TimeInterval = 5 * 60
    /// How often `last_seen_at` is written back; finer would be a write per request.
    public var sessionTouchInterval: TimeInterval = 60
    /// Failed sign-ins per account within ``throttleWindow`` before the account is locked for ``lockDuration``.
    public var maxFailuresPerAccount = 5
    /// Failed sign-ins per client address within ``throttleWindow`` before the address is locked.
    public var maxFailuresPerAddress = 30
    public var throttleWindow: TimeInterval = 15 * 60
    public var lockDuration: TimeInterval = 15 * 60
    /// Send cookies with `Secure` (set when served over TLS, e.g. behind nginx).
    public var secureCookies = false

    public init() {}
}

/// The current time, replaceable in unit tests.
public protocol WallClock: Sendable {
    func now() -> Date
}

public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}
