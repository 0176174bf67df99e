import Foundation

/// A response parsed leniently from raw bytes, for assertions.
public struct RawResponse {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public var text: String { String(decoding: body, as: UTF8.self) }

    public func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }

    /// Parses as many complete responses as `bytes` holds (Content-Length, chunked, or no body for 1xx/204/304).
    public static func parseAll(_ bytes: [UInt8], headRequests: Bool = false) -> [RawResponse] {
        var responses: [RawResponse] = []
        var i = 0
        while let headEnd = find([13, 10, 13, 10], in: bytes, from: i) {
            let headText = String(decoding: bytes[i..<headEnd], as: UTF8.self)
            var lines = headText.components(separatedBy: "\r\n")
            let statusLine = lines.removeFirst().split(separator: " ")
            guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return responses }
            let headers = lines.compactMap { line -> (String, String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
            var response = RawResponse(status: status, headers: headers, body: [])
            var j = headEnd + 4
            if (100..<200).contains(status) || status == 204 || status == 304 || headRequests {
                // no body
            } else if let length = response.header("Content-Length").flatMap(Int.init) {
                guard bytes.count >= j + length else { return responses }
                response.body = Array(bytes[j..<(j + length)])
                j += length
            } else if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
                var body: [UInt8] = []
                while true {
                    guard let lineEnd = find([13, 10], in: bytes, from: j) else { return responses }
                    let size = Int(String(decoding: bytes[j..<lineEnd], as: UTF8.self), radix: 16) ?? 0
                    j = lineEnd + 2
                    if size == 0 {
                        guard bytes.count >= j + 2 else { return responses }
                        j += 2
                        break
                    }
                    guard bytes.count >= j + size + 2 else { return responses }
                    body += bytes[j..<(j + size)]
                    j += size + 2
                }
                response.body = body
            } else {
                response.body = Array(bytes[j...])
                j = bytes.count
            }
            responses.append(response)
            i = j
        }
        return responses
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = from
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}
