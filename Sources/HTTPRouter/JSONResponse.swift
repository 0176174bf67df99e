public import Foundation
public import HTTPServer

/// JSON answers from `Encodable` values: ISO 8601 dates in UTC, keys in a stable order.
public enum JSONResponse {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public static func make(_ value: some Encodable, status: HTTPStatus = .ok, headers: HTTPHeaders = [:]) throws -> HTTPResponse {
        var headers = headers
        headers.set(name: "Content-Type", value: "application/json")
        headers.set(name: "Cache-Control", value: "no-store")
        return HTTPResponse(status: status, headers: headers, body: .bytes(Array(try encoder.encode(value))))
    }

    /// 204 No Content, for writes with nothing to return.
    public static func noContent(headers: HTTPHeaders = [:]) -> HTTPResponse {
        HTTPResponse(status: .noContent, headers: headers, body: .bytes([]))
    }
}
