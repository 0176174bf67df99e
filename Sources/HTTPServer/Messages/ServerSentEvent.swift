/// One Server-Sent Event (WHATWG HTML §9.2), serialised in the `text/event-stream` format.
public struct ServerSentEvent: Sendable, Equatable {
    public var event: String?
    public var data: String
    public var id: String?
    /// Reconnection time the client should use, in milliseconds.
    public var retry: Int?

    public init(event: String? = nil, data: String, id: String? = nil, retry: Int? = nil) {
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry
    }

    /// The wire form. Line breaks inside `data` become several `data:` lines; CR/LF are stripped from `event` and `id`
    /// so a value can never start a field of its own.
    public var serialized: [UInt8] {
        var out = ""
        if let event { out += "event: \(Self.singleLine(event))\n" }
        if let id { out += "id: \(Self.singleLine(id))\n" }
        if let retry { out += "retry: \(retry)\n" }
        for line in data.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            out += "data: \(line)\n"
        }
        out += "\n"
        return Array(out.utf8)
    }

    /// A comment line: ignored by clients, used as a keep-alive so proxies do not close an idle stream.
    public static let keepAliveComment: [UInt8] = Array(": keep-alive\n\n".utf8)

    static func singleLine(_ s: String) -> String { s.filter { $0 != "\n" && $0 != "\r" && $0 != "\r\n" } }
}

extension HTTPResponse {
    /// A `text/event-stream` response; `produce` writes events until it returns or the client goes away
    /// (then writes throw ``HTTPServerError`` and the producer should stop).
    public static func eventStream(
        headers extra: HTTPHeaders = [:], _ produce: @escaping @Sendable (ResponseBodyWriter) async throws -> Void
    ) -> HTTPResponse {
        var headers = extra
        headers.set(name: "Content-Type", value: "text/event-stream; charset=utf-8")
        headers.set(name: "Cache-Control", value: "no-cache")
        headers.set(name: "X-Accel-Buffering", value: "no")
        return HTTPResponse(status: .ok, headers: headers, body: .stream(produce))
    }
}

extension ResponseBodyWriter {
    public func send(_ event: ServerSentEvent) async throws { try await write(event.serialized) }
}
