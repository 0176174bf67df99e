/// The outcome of trying to parse a request head from the bytes received so far.
public enum HeadParseResult: Sendable {
    /// More bytes are needed.
    case incomplete
    /// A whole head was parsed; `consumed` bytes (including the blank line) belong to it.
    case complete(HTTPRequestHead, consumed: Int)
    case failed(HTTPParseError)
}

/// A strict HTTP/1.1 request-head parser (RFC 9112 §2–§7) that closes the usual request-smuggling holes.
///
/// Decisions beyond the RFC's MUSTs, each chosen for safety over leniency:
/// - Bare LF is refused (400) wherever CRLF is required, and so is a CR that is not followed by LF.
///   RFC 9112 §2.2 allows accepting bare LF, but front ends that disagree on it are a smuggling vector.
/// - Obsolete line folding is refused (400), as is whitespace between a field name and its colon (§5.1).
/// - More than one Content-Length field, or a list value, is refused even when the values agree.
/// - Content-Length together with Transfer-Encoding is refused (§6.1), as is any transfer coding but a single `chunked`.
/// - Up to two empty lines before a request line are skipped (§2.2 robustness for clients that send CRLF after a body).
public enum HTTPRequestParser {
    public static func parseHead(_ bytes: UnsafeBufferPointer<UInt8>, limits: HTTPParserLimits = HTTPParserLimits()) -> HeadParseResult {
        var start = 0
        // Skip leading empty lines.
        for _ in 0..<2 {
            if bytes.count >= start + 2, bytes[start] == 0x0D, bytes[start + 1] == 0x0A { start += 2 }
        }
        guard let requestLineEnd = lineEnd(bytes, from: start, limit: limits.maxRequestLineLength) else {
            return bytes.count - start > limits.maxRequestLineLength ? .failed(.targetTooLong) : .incomplete
        }
        if case .failed(let e) = requestLineEnd { return .failed(e) }
        guard case .found(let rlEnd) = requestLineEnd else { return .incomplete }

        var method = HTTPMethod.get
        var target = ""
        var version = HTTPVersion.http1_1
        if let error = parseRequestLine(bytes, start: start, end: rlEnd, method: &method, target: &target, version: &version) {
            return .failed(error)
        }

        var headers = HTTPHeaders()
        var position = rlEnd + 2
        let headerStart = position
        while true {
            let remainingBudget = limits.maxHeaderBytes - (position - headerStart)
            guard let end = lineEnd(bytes, from: position, limit: max(remainingBudget, 0)) else {
                return bytes.count - headerStart > limits.maxHeaderBytes ? .failed(.headersTooLarge) : .incomplete
            }
            guard case .found(let lineEndIndex) = end else {
                if case .failed(let e) = end { return .failed(e) }
                return .incomplete
            }
            if lineEndIndex == position {
                position += 2
                break
            }
            if lineEndIndex + 2 - headerStart > limits.maxHeaderBytes { return .failed(.headersTooLarge) }
            if headers.count >= limits.maxHeaderCount { return .failed(.tooManyHeaders) }
            switch parseField(bytes, start: position, end: lineEndIndex) {
            case .success(let field): headers.add(name: field.name, value: field.value)
            case .failure(let error): return .failed(error)
            }
            position = lineEndIndex + 2
        }

        switch interpret(method: method, target: target, version: version, headers: headers) {
        case .success(let head): return .complete(head, consumed: position)
        case .failure(let error): return .failed(error)
        }
    }

    enum LineEnd { case found(Int), failed(HTTPParseError) }

    /// Finds the CR of the next CRLF at or after `from`, checking within `limit` bytes; nil means not yet received.
    static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> LineEnd? {
        var i = from
        let end = min(bytes.count, from + limit + 2)
        while i < end {
            let b = bytes[i]
            if b == 0x0A { return .failed(.bareLineFeed) }
            if b == 0x0D {
                if i + 1 >= bytes.count { return nil }
                return bytes[i + 1] == 0x0A ? .found(i) : .failed(.bareCarriageReturn)
            }
            i += 1
        }
        return nil
    }

    static func parseRequestLine(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int,
        method: inout HTTPMethod, target: inout String, version: inout HTTPVersion
    ) -> HTTPParseError? {
        var i = start
        while i < end, bytes[i] != 0x20 {
            if !ByteClass.token[Int(bytes[i])] { return .invalidMethod }
            i += 1
        }
        guard i > start, i < end else { return .malformedRequestLine }
        method = HTTPMethod.from(bytes: UnsafeBufferPointer(rebasing: bytes[start..<i]))
        i += 1
        let targetStart = i
        while i < end, bytes[i] != 0x20 {
            if !ByteClass.target[Int(bytes[i])] { return .invalidTarget }
            i += 1
        }
        guard i > targetStart, i < end else { return i == targetStart ? .invalidTarget : .malformedRequestLine }
        let targetBytes = UnsafeBufferPointer(rebasing: bytes[targetStart..<i])
        i += 1
        // Exactly "HTTP/" DIGIT "." DIGIT, nothing after it.
        guard end - i == 8, bytes[i] == 0x48, bytes[i + 1] == 0x54, bytes[i + 2] == 0x54, bytes[i + 3] == 0x50, bytes[i + 4] == 0x2F,
            bytes[i + 6] == 0x2E, let major = digit(bytes[i + 5]), let minor = digit(bytes[i + 7])
        else { return .invalidVersion }
        guard major == 1 else { return .unsupportedVersion }
        version = minor == 0 ? .http1_0 : .http1_1

        guard HTTPMethod.known.contains(method) else { return .unknownMethod }
        // Origin-form, absolute-form, or "*" for OPTIONS only.
        let first = targetBytes[0]
        if first == 0x2A {
            guard targetBytes.count == 1, method == .options else { return .invalidTarget }
        } else if first != 0x2F {
            guard startsWithHTTPScheme(targetBytes) else { return .invalidTarget }
        }
        target = String(decoding: targetBytes, as: UTF8.self)
        return nil
    }

    static func digit(_ b: UInt8) -> Int? { b >= 0x30 && b <= 0x39 ? Int(b - 0x30) : nil }

    static func startsWithHTTPScheme(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        let lower = t.prefix(8).map { $0 | 0x20 }
        return lower.starts(with: Array("http://".utf8)) || lower.starts(with: Array("https://".utf8))
    }

    static func parseField(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Result<HTTPHeaders.Field, HTTPParseError> {
        let first = bytes[start]
        if first == 0x20 || first == 0x09 { return .failure(.obsoleteLineFolding) }
        var i = start
        while i < end, bytes[i] != 0x3A {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 { return .failure(.whitespaceBeforeColon) }
            if !ByteClass.token[Int(b)] { return .failure(.invalidHeaderName) }
            i += 1
        }
        guard i < end, i > start else { return .failure(.invalidHeaderName) }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        var valueStart = i + 1
        var valueEnd = end
        while valueStart < valueEnd, bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09 { valueStart += 1 }
        while valueEnd > valueStart, bytes[valueEnd - 1] == 0x20 || bytes[valueEnd - 1] == 0x09 { valueEnd -= 1 }
        for j in valueStart..<valueEnd where !ByteClass.fieldValue[Int(bytes[j])] { return .failure(.invalidHeaderValue) }
        let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
        return .success((name: name, value: value))
    }
}
