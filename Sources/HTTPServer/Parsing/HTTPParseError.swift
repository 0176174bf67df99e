/// Why a request could not be accepted, with the status the server answers and a short public reason.
/// The reason is safe to show to the client: it names the rule broken, never request content.
public struct HTTPParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let status: HTTPStatus
    public let reason: String

    init(_ status: HTTPStatus, _ reason: String) {
        self.status = status
        self.reason = reason
    }

    public var description: String { "\(status.code): \(reason)" }

    static let bareLineFeed = HTTPParseError(.badRequest, "line terminator must be CRLF")
    static let bareCarriageReturn = HTTPParseError(.badRequest, "carriage return without line feed")
    static let malformedRequestLine = HTTPParseError(.badRequest, "malformed request line")
    static let invalidMethod = HTTPParseError(.badRequest, "invalid method")
    static let unknownMethod = HTTPParseError(.notImplemented, "method not implemented")
    static let invalidTarget = HTTPParseError(.badRequest, "invalid request target")
    static let targetTooLong = HTTPParseError(.uriTooLong, "request target too long")
    static let invalidVersion = HTTPParseError(.badRequest, "invalid HTTP version")
    static let unsupportedVersion = HTTPParseError(.httpVersionNotSupported, "only HTTP/1.x is supported")
    static let obsoleteLineFolding = HTTPParseError(.badRequest, "obsolete line folding is not allowed")
    static let invalidHeaderName = HTTPParseError(.badRequest, "invalid header field name")
    static let whitespaceBeforeColon = HTTPParseError(.badRequest, "whitespace between header name and colon")
    static let invalidHeaderValue = HTTPParseError(.badRequest, "invalid character in header field value")
    static let headersTooLarge = HTTPParseError(.requestHeaderFieldsTooLarge, "header section too large")
    static let tooManyHeaders = HTTPParseError(.requestHeaderFieldsTooLarge, "too many header fields")
    static let missingHost = HTTPParseError(.badRequest, "missing Host header")
    static let multipleHosts = HTTPParseError(.badRequest, "more than one Host header")
    static let contentLengthAndTransferEncoding = HTTPParseError(.badRequest, "both Content-Length and Transfer-Encoding")
    static let invalidContentLength = HTTPParseError(.badRequest, "invalid Content-Length")
    static let multipleContentLengths = HTTPParseError(.badRequest, "more than one Content-Length")
    static let unsupportedTransferEncoding = HTTPParseError(.notImplemented, "only chunked transfer coding is supported")
    static let invalidTransferEncoding = HTTPParseError(.badRequest, "invalid Transfer-Encoding")
    static let transferEncodingInHTTP10 = HTTPParseError(.badRequest, "Transfer-Encoding is not allowed in HTTP/1.0")
    static let invalidChunkSize = HTTPParseError(.badRequest, "invalid chunk size")
    static let invalidChunkExtension = HTTPParseError(.badRequest, "invalid chunk extension")
    static let tooManyChunkExtensions = HTTPParseError(.badRequest, "too many chunk extension bytes")
    static let missingChunkTerminator = HTTPParseError(.badRequest, "chunk data not followed by CRLF")
    static let bodyTooLarge = HTTPParseError(.contentTooLarge, "request body too large")
    static let unsupportedExpectation = HTTPParseError(.expectationFailed, "only 100-continue is supported")
}
