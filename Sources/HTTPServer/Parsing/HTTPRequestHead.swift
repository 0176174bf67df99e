/// How a request's body is delimited (RFC 9112 §6).
public enum BodyFraming: Sendable, Equatable {
    case none
    case contentLength(Int)
    case chunked
}

/// The parsed request line and header section of one request.
public struct HTTPRequestHead: Sendable {
    public var method: HTTPMethod
    /// The request-target exactly as received.
    public var target: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    /// The path component of the target, still percent-encoded.
    public var path: String
    /// The query component without the `?`, if any.
    public var query: String?
    public var framing: BodyFraming
    /// Whether the connection stays open after this exchange (RFC 9112 §9.3).
    public var keepAlive: Bool
    public var expectsContinue: Bool
    /// True when the client asked to switch protocols (`Connection: upgrade` with an `Upgrade` header).
    public var wantsUpgrade: Bool

    public init(
        method: HTTPMethod, target: String, version: HTTPVersion = .http1_1, headers: HTTPHeaders = [:],
        framing: BodyFraming = .none, keepAlive: Bool = true, expectsContinue: Bool = false, wantsUpgrade: Bool = false
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        let (path, query) = HTTPRequestHead.split(target: target)
        self.path = path
        self.query = query
        self.framing = framing
        self.keepAlive = keepAlive
        self.expectsContinue = expectsContinue
        self.wantsUpgrade = wantsUpgrade
    }

    /// Splits an origin-form or absolute-form target into path and query.
    static func split(target: String) -> (String, String?) {
        var rest = Substring(target)
        if !rest.hasPrefix("/"), let colon = rest.firstIndex(of: ":") {
            // absolute-form: skip "scheme://authority".
            let afterScheme = rest[colon...].dropFirst(3)
            rest = afterScheme.firstIndex(of: "/").map { afterScheme[$0...] } ?? "/"
        }
        if let q = rest.firstIndex(of: "?") {
            return (String(rest[..<q]), String(rest[rest.index(after: q)...]))
        }
        return (String(rest), nil)
    }
}

/// Limits that protect the server from oversized request heads.
public struct HTTPParserLimits: Sendable {
    /// Longest request line accepted; longer targets get 414.
    public var maxRequestLineLength: Int
    /// Largest header section (request line excluded); larger gets 431.
    public var maxHeaderBytes: Int
    /// Most header fields accepted; more gets 431.
    public var maxHeaderCount: Int

    public init(maxRequestLineLength: Int = 8 * 1024, maxHeaderBytes: Int = 16 * 1024, maxHeaderCount: Int = 100) {
        self.maxRequestLineLength = maxRequestLineLength
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
    }
}
