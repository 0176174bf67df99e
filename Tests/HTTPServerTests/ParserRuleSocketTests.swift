import HTTPServer
import HTTPTestSupport
import Testing

/// Every parser rule and limit, sent over a real socket, with the exact status expected back.
struct ParserRuleSocketTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let raw: String
        let status: Int
        var testDescription: String { name }
    }

    static let longTarget = "/" + String(repeating: "a", count: 9000)
    static let manyHeaders = (0..<101).map { "X-H\($0): v\r\n" }.joined()
    static let hugeHeader = "X-Big: " + String(repeating: "b", count: 17_000) + "\r\n"

    static let cases: [Case] = [
        Case(name: "valid GET is answered 200", raw: "GET /a HTTP/1.1\r\nHost: x\r\n\r\n", status: 200),
        Case(name: "Content-Length with Transfer-Encoding is refused", raw: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
        Case(name: "two different Content-Length values are refused", raw: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", status: 400),
        Case(name: "two equal Content-Length fields are refused", raw: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc", status: 400),
        Case(name: "Content-Length list is refused", raw: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 3\r\n\r\nabc", status: 400),
        Case(name: "signed Content-Length is refused", raw: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +3\r\n\r\nabc", status: 400),
        Case(name: "non-numeric Content-Length is refused", raw: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3a\r\n\r\nabc", status: 400),
        Case(name: "overflowing Content-Length is refused", raw: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n", status: 400),
        Case(name: "bad chunk size is refused", raw: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", status: 400),
        Case(name: "overlong chunk size is refused", raw: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000000\r\nabc\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk data without CRLF is refused", raw: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n", status: 400),
        Case(name: "chunked not last is refused", raw: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", status: 400),
        Case(name: "unsupported transfer coding is 501", raw: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", status: 501),
        Case(name: "Transfer-Encoding in HTTP/1.0 is refused", raw: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
        Case(name: "obs-fold is refused", raw: "GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  continued\r\n\r\n", status: 400),
        Case(name: "whitespace before colon is refused", raw: "GET / HTTP/1.1\r\nHost: x\r\nX-A : 1\r\n\r\n", status: 400),
        Case(name: "control byte in header value is refused", raw: "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u{01}b\r\n\r\n", status: 400),
        Case(name: "NUL in header value is refused", raw: "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u{00}b\r\n\r\n", status: 400),
        Case(name: "invalid header name is refused", raw: "GET / HTTP/1.1\r\nHost: x\r\nX(A): 1\r\n\r\n", status: 400),
        Case(name: "empty header name is refused", raw: "GET / HTTP/1.1\r\nHost: x\r\n: 1\r\n\r\n", status: 400),
        Case(name: "bare LF is refused", raw: "GET / HTTP/1.1\nHost: x\n\n", status: 400),
        Case(name: "bare LF inside headers is refused", raw: "GET / HTTP/1.1\r\nHost: x\nX-A: 1\r\n\r\n", status: 400),
        Case(name: "bare CR is refused", raw: "GET / HTTP/1.1\r\nHost: x\rX-A: 1\r\n\r\n", status: 400),
        Case(name: "invalid method characters are refused", raw: "G(T / HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "unknown method is 501", raw: "BREW / HTTP/1.1\r\nHost: x\r\n\r\n", status: 501),
        Case(name: "CONNECT is 501", raw: "CONNECT example.com:443 HTTP/1.1\r\nHost: x\r\n\r\n", status: 501),
        Case(name: "target with control byte is refused", raw: "GET /a\u{7F}b HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "target with raw UTF-8 is refused", raw: "GET /案件 HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "target not in origin form is refused", raw: "GET abc HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "asterisk target outside OPTIONS is refused", raw: "GET * HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "asterisk target with OPTIONS is accepted", raw: "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n", status: 200),
        Case(name: "absolute-form target is accepted", raw: "GET http://x/abs?q=1 HTTP/1.1\r\nHost: x\r\n\r\n", status: 200),
        Case(name: "double space in request line is refused", raw: "GET  / HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "trailing space after version is refused", raw: "GET / HTTP/1.1 \r\nHost: x\r\n\r\n", status: 400),
        Case(name: "lower-case version is refused", raw: "GET / http/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "HTTP/2.0 is 505", raw: "GET / HTTP/2.0\r\nHost: x\r\n\r\n", status: 505),
        Case(name: "missing version is refused", raw: "GET /\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "missing Host in HTTP/1.1 is refused", raw: "GET / HTTP/1.1\r\n\r\n", status: 400),
        Case(name: "two Host fields are refused", raw: "GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", status: 400),
        Case(name: "HTTP/1.0 without Host is accepted", raw: "GET / HTTP/1.0\r\n\r\n", status: 200),
        Case(name: "unsupported expectation is 417", raw: "POST / HTTP/1.1\r\nHost: x\r\nExpect: something\r\nContent-Length: 1\r\n\r\na", status: 417),
        Case(name: "too long target is 414", raw: "GET \(longTarget) HTTP/1.1\r\nHost: x\r\n\r\n", status: 414),
        Case(name: "too many header fields is 431", raw: "GET / HTTP/1.1\r\nHost: x\r\n\(manyHeaders)\r\n", status: 431),
        Case(name: "too large header section is 431", raw: "GET / HTTP/1.1\r\nHost: x\r\n\(hugeHeader)\r\n", status: 431),
        Case(name: "body over the route limit is 413", raw: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2048\r\n\r\n", status: 413),
        Case(name: "chunked body over the route limit is 413", raw: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n" + String(repeating: "z", count: 2048) + "\r\n0\r\n\r\n", status: 413),
    ]

    @Test(arguments: cases)
    func requestIsAnsweredWithExpectedStatus(_ c: Case) async throws {
        try await withTestServer { server in
            let client = try RawClient(port: server.port)
            try client.send(c.raw)
            let response = try #require(client.readResponse(), "no response for: \(c.name)")
            #expect(response.status == c.status, "\(c.name)")
            if c.status >= 400 {
                #expect(response.header("Content-Type") == "application/problem+json")
                #expect(response.header("Connection") == "close")
                #expect(client.isClosedByServer(), "connection stays open after \(c.status)")
            }
        }
    }
}
