public import Foundation
public import HTTPServer

/// Serves files below a directory: MIME types by extension, strong ETags with `If-None-Match`, single byte ranges.
///
/// Paths are decoded and checked segment by segment: `..`, hidden files and anything outside the root are not served.
public struct StaticFiles: Sendable {
    public let root: URL
    let index: String

    public init(root: URL, index: String = "index.html") {
        self.root = root.standardizedFileURL
        self.index = index
    }

    /// A handler for a route ending in `*`.
    public var handler: RouteHandler {
        { request in try self.serve(relativePath: request.parameters["*"] ?? "", request: request) }
    }

    public func serve(relativePath: String, request: Request) throws(HTTPError) -> HTTPResponse {
        var segments: [String] = []
        for raw in relativePath.split(separator: "/") {
            guard let segment = PercentDecoding.decode(raw, plusIsSpace: false), !segment.hasPrefix("."), !segment.contains("/"),
                !segment.contains("\0")
            else { throw HTTPError.notFound }
            segments.append(segment)
        }
        var url = segments.reduce(root) { $0.appending(path: $1, directoryHint: .notDirectory) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { throw HTTPError.notFound }
        if isDirectory.boolValue { url = url.appending(path: index) }
        guard url.standardizedFileURL.path.hasPrefix(root.path),
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            (attributes[.type] as? FileAttributeType) == .typeRegular,
            let size = (attributes[.size] as? NSNumber)?.intValue
        else { throw HTTPError.notFound }
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let etag = "\"\(String(size, radix: 16))-\(String(Int(modified * 1000), radix: 16))\""
        var headers: HTTPHeaders = [
            "Content-Type": MIMEType.forExtension(url.pathExtension), "ETag": etag, "Accept-Ranges": "bytes",
            "Cache-Control": "no-cache",
        ]
        if let match = request.headers["If-None-Match"], match == "*" || match.split(separator: ",").contains(where: {
            $0.trimmingCharacters(in: .whitespaces).replacing("W/", with: "") == etag
        }) {
            return HTTPResponse(status: .notModified, headers: headers)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { throw HTTPError.notFound }
        let bytes = [UInt8](data)
        if let range = request.headers["Range"], request.headers["If-Range"].map({ $0 == etag }) ?? true {
            guard let (start, end) = ByteRange.parse(range, size: bytes.count) else {
                throw HTTPError(.rangeNotSatisfiable, detail: "请求的范围无效。", headers: ["Content-Range": "bytes */\(bytes.count)"])
            }
            headers.set(name: "Content-Range", value: "bytes \(start)-\(end)/\(bytes.count)")
            return HTTPResponse(status: .partialContent, headers: headers, body: .bytes(Array(bytes[start...end])))
        }
        return HTTPResponse(status: .ok, headers: headers, body: .bytes(bytes))
    }
}

/// One `bytes=` range (RFC 9110 §14.1.2). Multiple ranges are answered with the first only when they start there;
/// otherwise unsupported forms are treated as unsatisfiable.
enum ByteRange {
    static func parse(_ header: String, size: Int) -> (Int, Int)? {
        guard header.hasPrefix("bytes="), size > 0 else { return nil }
        let spec = header.dropFirst(6)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return nil }
        let first = spec[..<dash], last = spec[spec.index(after: dash)...]
        if first.isEmpty {
            guard let suffix = Int(last), suffix > 0 else { return nil }
            return (max(0, size - suffix), size - 1)
        }
        guard let start = Int(first), start < size else { return nil }
        if last.isEmpty { return (start, size - 1) }
        guard let end = Int(last), end >= start else { return nil }
        return (start, min(end, size - 1))
    }
}

enum MIMEType {
    static func forExtension(_ ext: String) -> String {
        switch ext.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "pdf": "application/pdf"
        case "webm": "video/webm"
        case "woff2": "font/woff2"
        case "txt": "text/plain; charset=utf-8"
        case "wasm": "application/wasm"
        default: "application/octet-stream"
        }
    }
}
