/// What a route demands before its handler runs. Every route has exactly one (see ``SecuredRoutes``).
public enum AccessRule: Sendable, Hashable, CustomStringConvertible {
    /// Anyone, signed in or not (health checks, the web UI's files, signing in).
    case `public`
    /// A password step passed and a TOTP step pending.
    case pendingTOTP
    /// Any signed-in user.
    case signedIn
    /// Any signed-in user, for a third-party client that cannot send our CSRF header (janus.js through the `/janus`
    /// proxy): state-changing requests must instead carry an `Origin` header naming this server.
    case signedInSameOrigin
    /// A signed-in user one of whose roles grants the permission (scope is checked by the handler with ``AccessPolicy``).
    case permission(Permission)

    public var description: String {
        switch self {
        case .public: "public"
        case .pendingTOTP: "pendingTOTP"
        case .signedIn: "signedIn"
        case .signedInSameOrigin: "signedInSameOrigin"
        case .permission(let p): p.rawValue
        }
    }

    /// Whether an actor with these roles passes the rule (nil roles: not signed in).
    public func admits(roles: Set<Role>?) -> Bool {
        switch self {
        case .public: true
        case .pendingTOTP: false
        case .signedIn, .signedInSameOrigin: roles != nil
        case .permission(let permission): roles?.contains { $0.permissions.contains(permission) } ?? false
        }
    }
}
