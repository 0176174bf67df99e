public import HTTPServer
import Observability

/// An error that renders itself as `application/problem+json` (RFC 9457). Its `detail` is shown to the client, so it must
/// say what is wrong with the request in terms the client can act on, and never include internal state or personal data.
public struct HTTPError: Error, Sendable, Equatable {
    public let status: HTTPStatus
    public let detail: String?
    /// A stable machine-readable code, e.g. `invalid-parameter`; becomes the problem `type` as `urn:jianwu:problem:<code>`.
    public let code: String?
    /// The request field the problem concerns, so the UI can show the message next to it.
    public let field: String?
    public var headers: HTTPHeaders

    public init(_ status: HTTPStatus, detail: String? = nil, code: String? = nil, field: String? = nil, headers: HTTPHeaders = [:]) {
        self.status = status
        self.detail = detail
        self.code = code
        self.field = field
        self.headers = headers
    }

    public static func == (a: HTTPError, b: HTTPError) -> Bool {
        a.status == b.status && a.detail == b.detail && a.code == b.code && a.field == b.field
    }

    public func response(instance: String? = nil) -> HTTPResponse {
        var members: [(String, String)] = [
            ("type", code.map { "urn:jianwu:problem:\($0)" } ?? "about:blank"),
            ("title", status.reasonPhrase),
        ]
        if let detail { members.append(("detail", detail)) }
        if let field { members.append(("field", field)) }
        if let instance { members.append(("instance", instance)) }
        var json = "{" + members.map { "\(JSONString.quote($0.0)):\(JSONString.quote($0.1))" }.joined(separator: ",")
        json += ",\"status\":\(status.code)}"
        var headers = self.headers
        headers.set(name: "Content-Type", value: "application/problem+json")
        return HTTPResponse(status: status, headers: headers, body: .bytes(Array(json.utf8)))
    }

    public static let notFound = HTTPError(.notFound, detail: "没有找到请求的资源。")
    public static func badRequest(_ detail: String, field: String? = nil) -> HTTPError {
        HTTPError(.badRequest, detail: detail, code: "invalid-request", field: field)
    }
}
