/// Why a request could not be upgraded to a WebSocket.
///
/// Answer with 400 Bad Request, or with 426 Upgrade Required and `Sec-WebSocket-Version: 13` when
/// ``needsVersionHeader`` is set (RFC 6455 §4.2.2 point 4, §4.4).
public struct WebSocketHandshakeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A short English explanation, safe to put in a response body or a log.
    public let reason: String
    /// The client asked for a protocol version we do not speak: tell it which one we do.
    public let needsVersionHeader: Bool

    init(reason: String, needsVersionHeader: Bool = false) {
        self.reason = reason
        self.needsVersionHeader = needsVersionHeader
    }

    public var description: String { "WebSocket handshake refused: \(reason)" }

    static let methodNotGet = Self(reason: "the method must be GET")
    static let versionTooOld = Self(reason: "HTTP/1.1 or later is required")
    static let missingHost = Self(reason: "the Host header is missing")
    static let missingUpgrade = Self(reason: "the Upgrade header must include websocket")
    static let missingConnectionUpgrade = Self(reason: "the Connection header must include Upgrade")
    static let unsupportedVersion = Self(reason: "Sec-WebSocket-Version must be 13", needsVersionHeader: true)
    static let invalidKey = Self(reason: "Sec-WebSocket-Key must be base64 of 16 bytes")
    static let repeatedField = Self(reason: "Sec-WebSocket-Key and Sec-WebSocket-Version may appear only once")
}
