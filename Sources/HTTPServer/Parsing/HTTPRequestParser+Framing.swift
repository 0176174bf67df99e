extension HTTPRequestParser {
    /// Applies the message-framing and connection rules of RFC 9112 §6 and §9 to a parsed head.
    static func interpret(method: HTTPMethod, target: String, version: HTTPVersion, headers: HTTPHeaders) -> Result<HTTPRequestHead, HTTPParseError> {
        var hostCount = 0
        var contentLengths: [String] = []
        var transferCodings: [Substring] = []
        var sawTransferEncoding = false
        var connectionClose = false
        var connectionKeepAlive = false
        var connectionUpgrade = false
        var expectation: String?
        var upgradeHeader = false
        for field in headers {
            let name = field.name
            if HTTPHeaders.equalsIgnoringCase(name, "host") {
                hostCount += 1
            } else if HTTPHeaders.equalsIgnoringCase(name, "content-length") {
                contentLengths.append(field.value)
            } else if HTTPHeaders.equalsIgnoringCase(name, "transfer-encoding") {
                sawTransferEncoding = true
                transferCodings += field.value.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpacesAndTabs() }
            } else if HTTPHeaders.equalsIgnoringCase(name, "connection") {
                for token in field.value.split(separator: ",") {
                    let t = token.trimmingSpacesAndTabs()
                    if HTTPHeaders.equalsIgnoringCase(t, "close") { connectionClose = true }
                    if HTTPHeaders.equalsIgnoringCase(t, "keep-alive") { connectionKeepAlive = true }
                    if HTTPHeaders.equalsIgnoringCase(t, "upgrade") { connectionUpgrade = true }
                }
            } else if HTTPHeaders.equalsIgnoringCase(name, "expect") {
                expectation = field.value
            } else if HTTPHeaders.equalsIgnoringCase(name, "upgrade") {
                upgradeHeader = true
            }
        }
        if hostCount > 1 { return .failure(.multipleHosts) }
        if hostCount == 0 && version == .http1_1 { return .failure(.missingHost) }

        var framing = BodyFraming.none
        if sawTransferEncoding {
            if !contentLengths.isEmpty { return .failure(.contentLengthAndTransferEncoding) }
            if version == .http1_0 { return .failure(.transferEncodingInHTTP10) }
            if transferCodings.contains(where: \.isEmpty) { return .failure(.invalidTransferEncoding) }
            guard let last = transferCodings.last, HTTPHeaders.equalsIgnoringCase(last, "chunked") else {
                return .failure(.invalidTransferEncoding)
            }
            if transferCodings.count > 1 {
                let others = transferCodings.dropLast()
                return .failure(others.contains { HTTPHeaders.equalsIgnoringCase($0, "chunked") } ? .invalidTransferEncoding : .unsupportedTransferEncoding)
            }
            framing = .chunked
        } else if !contentLengths.isEmpty {
            if contentLengths.count > 1 { return .failure(.multipleContentLengths) }
            guard let length = parseContentLength(contentLengths[0]) else { return .failure(.invalidContentLength) }
            framing = length == 0 ? .none : .contentLength(length)
        }

        var expectsContinue = false
        if let expectation {
            guard HTTPHeaders.equalsIgnoringCase(expectation, "100-continue") else { return .failure(.unsupportedExpectation) }
            expectsContinue = version == .http1_1
        }
        let keepAlive = version == .http1_1 ? !connectionClose : (connectionKeepAlive && !connectionClose)
        var head = HTTPRequestHead(
            method: method, target: target, version: version, headers: headers, framing: framing, keepAlive: keepAlive,
            expectsContinue: expectsContinue, wantsUpgrade: connectionUpgrade && upgradeHeader)
        if target == "*" { head.path = "*" }
        return .success(head)
    }

    /// 1*DIGIT with no sign, no spaces and no list; at most 15 digits so the value always fits.
    static func parseContentLength(_ value: String) -> Int? {
        let utf8 = value.utf8
        guard !utf8.isEmpty, utf8.count <= 15 else { return nil }
        var n = 0
        for b in utf8 {
            guard let d = digit(b) else { return nil }
            n = n * 10 + d
        }
        return n
    }
}
