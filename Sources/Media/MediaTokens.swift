public import Foundation
import Security

/// What a browser needs to join a session's video room: Janus's URL on our origin, a core token and a room token,
/// both expiring at the end of the session's window.
public struct MediaGrant: Sendable, Codable {
    public var server: String
    public var token: String
    public var roomToken: String
    public var room: Int64
    public var display: String
    public var expiresAt: Date
}

/// Mints Janus signed tokens (see ../shared/recipes/janus.md and ``HMACToken``).
public struct MediaTokens: Sendable {
    let settings: JanusSettings

    public init(settings: JanusSettings) { self.settings = settings }

    public func grant(room: Int64, display: String, expiresAt: Date) throws -> MediaGrant {
        let expiry = UInt64(expiresAt.timeIntervalSince1970)
        return MediaGrant(
            server: "/janus",
            token: try HMACToken.mint(secret: settings.tokenSecret, expiry: expiry, realm: "janus", items: ["janus.plugin.videoroom"]),
            roomToken: try HMACToken.mint(secret: settings.tokenSecret, expiry: expiry, realm: "janus.plugin.videoroom", items: ["room=\(room)"]),
            room: room, display: display, expiresAt: expiresAt)
    }

    /// The room's administration secret, derived so it need not be stored.
    public func roomSecret(_ room: Int64) -> String {
        Hex.encode(HMAC.authenticationCode(.sha256, key: Array(settings.adminSecret.utf8), message: Array("room:\(room)".utf8)))
    }
}
