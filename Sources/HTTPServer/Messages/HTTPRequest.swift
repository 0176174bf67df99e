/// A whole request as handed to a responder: the head, the body (already de-chunked and within its limit) and where it came from.
public struct HTTPRequest: Sendable {
    public var head: HTTPRequestHead
    public var body: [UInt8]
    /// The peer's IP address as text. Behind nginx this is nginx; the router decides whether to trust forwarding headers.
    public var remoteAddress: String

    public init(head: HTTPRequestHead, body: [UInt8] = [], remoteAddress: String = "") {
        self.head = head
        self.body = body
        self.remoteAddress = remoteAddress
    }

    public var method: HTTPMethod { head.method }
    public var path: String { head.path }
    public var query: String? { head.query }
    public var headers: HTTPHeaders { head.headers }
}
