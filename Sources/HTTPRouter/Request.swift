public import Foundation
public import HTTPServer
public import Observability

/// A request as route handlers see it: the HTTP request plus its matched route, path parameters, id and logger.
public struct Request: Sendable {
    public let http: HTTPRequest
    /// The route pattern that matched, e.g. `/api/cases/:id`.
    public let route: String
    public let parameters: Parameters
    public let id: String
    /// Values middleware attached for the handlers after it (the signed-in actor, for one).
    public var storage = RequestStorage()
    /// What the application registered with the matched route (nil for unmatched requests).
    public internal(set) var routeMetadata: (any Sendable)?
    let baseLogger: Logger

    public init(http: HTTPRequest, route: String, parameters: Parameters, id: String, logger: Logger) {
        self.http = http
        self.route = route
        self.parameters = parameters
        self.id = id
        baseLogger = logger
    }

    /// The router's logger with this request's id in its metadata (built on use: most requests never log).
    public var logger: Logger { baseLogger.with(["request.id": id]) }

    /// Whether a line at `level` would be written, to skip building it otherwise.
    public func logs(at level: Logger.Level) -> Bool { baseLogger.minimumLevel <= level }

    public var method: HTTPMethod { http.method }
    public var path: String { http.path }
    public var headers: HTTPHeaders { http.headers }
    public var body: [UInt8] { http.body }

    /// The decoded query parameters (`application/x-www-form-urlencoded` rules: `+` is a space).
    public var queryItems: [String: String] {
        guard let query = http.query else { return [:] }
        var items: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = PercentDecoding.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? PercentDecoding.decode(parts[1]) ?? "" : ""
            if items[name] == nil { items[name] = value }
        }
        return items
    }

    public func query(_ name: String) -> String? { queryItems[name] }

    /// Dates are ISO 8601 with or without fractional seconds (`2026-12-03T01:30:00Z`, or a browser's `toISOString()`).
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        let whole = Date.ISO8601FormatStyle()
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            if let date = (try? fractional.parse(text)) ?? (try? whole.parse(text)) { return date }
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 time"))
        }
        return decoder
    }()

    /// Decodes a JSON body, answering 415 for another content type and 400 with the decoder's reason for bad JSON.
    public func decode<T: Decodable>(_ type: T.Type) throws(HTTPError) -> T {
        let contentType = headers["Content-Type"]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw HTTPError(.unsupportedMediaType, detail: "请求体必须是 JSON（Content-Type: application/json）。", code: "unsupported-media-type")
        }
        do {
            return try Self.decoder.decode(T.self, from: Data(body))
        } catch let DecodingError.keyNotFound(key, _) {
            throw HTTPError(.badRequest, detail: "缺少字段 \(key.stringValue)。", code: "missing-field", field: key.stringValue)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw HTTPError(.badRequest, detail: "字段 \(field) 的类型不正确。", code: "invalid-field", field: field)
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw HTTPError(.badRequest, detail: "字段 \(field) 的取值无效。", code: "invalid-field", field: field)
        } catch {
            throw HTTPError(.badRequest, detail: "请求体不是有效的 JSON。", code: "invalid-json")
        }
    }
}

/// Path parameters captured by `:name` segments, with typed access.
public struct Parameters: Sendable {
    var values: [(String, String)] = []

    public init(_ values: [(String, String)] = []) { self.values = values }

    public subscript(name: String) -> String? { values.first { $0.0 == name }?.1 }

    /// The parameter converted to `T`; a missing or malformed value is the client's error (400), naming the parameter.
    public func require<T: LosslessStringConvertible>(_ name: String, as type: T.Type = String.self) throws(HTTPError) -> T {
        guard let raw = self[name], let value = T(raw) else {
            throw HTTPError(.badRequest, detail: "路径参数 \(name) 无效。", code: "invalid-parameter", field: name)
        }
        return value
    }
}

enum PercentDecoding {
    /// Decodes %XX escapes and `+`; nil for malformed escapes or invalid UTF-8.
    static func decode(_ s: Substring, plusIsSpace: Bool = true) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var it = s.utf8.makeIterator()
        while let b = it.next() {
            if b == UInt8(ascii: "%") {
                guard let h = it.next(), let l = it.next(), let hv = hex(h), let lv = hex(l) else { return nil }
                bytes.append(hv << 4 | lv)
            } else if b == UInt8(ascii: "+") && plusIsSpace {
                bytes.append(0x20)
            } else {
                bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x41 + 10
        case 0x61...0x66: b - 0x61 + 10
        default: nil
        }
    }
}
