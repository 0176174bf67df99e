/// A response: status, header fields and a body that is either ready bytes, a stream, or a protocol switch.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: ResponseBody

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: ResponseBody = .bytes([])) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: HTTPStatus = .ok, contentType: String, body: [UInt8]) {
        self.init(status: status, headers: ["Content-Type": contentType], body: .bytes(body))
    }

    public init(status: HTTPStatus = .ok, contentType: String = "text/plain; charset=utf-8", text: String) {
        self.init(status: status, contentType: contentType, body: Array(text.utf8))
    }
}

/// The body of a response.
public enum ResponseBody: Sendable {
    /// A body whose bytes are all known; sent with Content-Length.
    case bytes([UInt8])
    /// A body produced over time. Without a Content-Length header it is sent chunked; the closure returning ends it.
    case stream(@Sendable (ResponseBodyWriter) async throws -> Void)
    /// Switch the connection to WebSocket after a 101 response (see ``HTTPResponse/webSocketUpgrade(request:configuration:handler:)``).
    case webSocket(WebSocketConfiguration, @Sendable (WebSocket) async -> Void)
}

/// Decides how requests are answered. The router is the real implementation; tests use small closures.
public protocol HTTPResponder: Sendable {
    /// Largest body accepted for this request, decided from its head before any body byte is read
    /// (so `Expect: 100-continue` and oversized `Content-Length` are answered without reading the body).
    func bodyLimit(for head: HTTPRequestHead) -> Int

    /// Produces the response. Errors are the responder's to map to a status; the server only sees responses.
    func respond(to request: HTTPRequest) async -> HTTPResponse
}

extension HTTPResponder {
    public func bodyLimit(for head: HTTPRequestHead) -> Int { 1 << 20 }
}

/// A responder made from a closure, for tests and small tools.
public struct ClosureResponder: HTTPResponder {
    let handler: @Sendable (HTTPRequest) async -> HTTPResponse
    let limit: Int

    public init(bodyLimit: Int = 1 << 20, _ handler: @escaping @Sendable (HTTPRequest) async -> HTTPResponse) {
        self.handler = handler
        self.limit = bodyLimit
    }

    public func bodyLimit(for head: HTTPRequestHead) -> Int { limit }
    public func respond(to request: HTTPRequest) async -> HTTPResponse { await handler(request) }
}
