import HTTPServer
import HTTPTestSupport
import Testing

/// Request-smuggling variants: each request carries a second, smuggled request after an ambiguous body.
/// The server must either refuse the first (and close) or frame it exactly, so the smuggled one is answered as its own request
/// only where the framing makes it one.
struct AdversarialSmugglingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let head: String
        let body: String
        /// The status of the first response; for refusals the connection must close with no second response.
        /// A coding list whose final member is not exactly `chunked` is 400 (RFC 9112 §6.1), not 501.
        let status: Int
        /// The first response's body when accepted (the echo responder answers "METHOD path body").
        var echoed: String? = nil
        var testDescription: String { name }
    }

    static let smuggled = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n"
    static let chunkedHead = "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"

    static let cases: [Case] = [
        Case(name: "space before TE colon", head: "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding : chunked\r\n\r\n", body: "0\r\n\r\n", status: 400),
        Case(name: "TE value xchunked", head: "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n", body: "0\r\n\r\n", status: 400),
        Case(name: "TE chunked twice in two fields", head: "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", body: "0\r\n\r\n", status: 400),
        Case(name: "TE identity then chunked", head: "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity\r\nTransfer-Encoding: chunked\r\n\r\n", body: "0\r\n\r\n", status: 501),
        Case(name: "TE with vertical tab", head: "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: \u{0B}chunked\r\n\r\n", body: "0\r\n\r\n", status: 400),
        Case(name: "TE with parameter", head: "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked;q=1\r\n\r\n", body: "0\r\n\r\n", status: 400),
        Case(name: "TE empty list member", head: "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: ,chunked\r\n\r\n", body: "0\r\n\r\n", status: 400),
        Case(name: "TE chunked with trailing tab is plain chunked", head: "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\t\r\n\r\n", body: "3\r\nabc\r\n0\r\n\r\n", status: 200, echoed: "POST /c abc"),
        Case(name: "TE in upper case is chunked", head: "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: CHUNKED\r\n\r\n", body: "3\r\nabc\r\n0\r\n\r\n", status: 200, echoed: "POST /c abc"),
        Case(name: "TE and CL with TE first", head: "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n", body: "0\r\n\r\n", status: 400),
        Case(name: "CL with leading space inside value list", head: "POST /c HTTP/1.1\r\nHost: x\r\nContent-Length: 5 5\r\n\r\n", body: "abcde", status: 400),
        Case(name: "CL in hex", head: "POST /c HTTP/1.1\r\nHost: x\r\nContent-Length: 0x5\r\n\r\n", body: "abcde", status: 400),
        Case(name: "CL negative", head: "POST /c HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", body: "", status: 400),
        Case(name: "CL with leading zeros is decimal", head: "POST /c HTTP/1.1\r\nHost: x\r\nContent-Length: 003\r\n\r\n", body: "abc", status: 200, echoed: "POST /c abc"),
        Case(name: "chunk size 0x prefix", head: chunkedHead, body: "0x3\r\nabc\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk size negative", head: chunkedHead, body: "-3\r\nabc\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk size leading space", head: chunkedHead, body: " 3\r\nabc\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk size trailing space", head: chunkedHead, body: "3 \r\nabc\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk size plus sign", head: chunkedHead, body: "+3\r\nabc\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk size underscore", head: chunkedHead, body: "0_3\r\nabc\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk size leading zeros", head: chunkedHead, body: "0003\r\nabc\r\n0\r\n\r\n", status: 200, echoed: "POST /c abc"),
        Case(name: "chunk size that wraps 64 bits", head: chunkedHead, body: "10000000000000003\r\nabc\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk extension with bare LF", head: chunkedHead, body: "3;a=b\nc\r\nabc\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk extension with bare CR", head: chunkedHead, body: "3;a=\rb\r\nabc\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk size line ended by bare LF", head: chunkedHead, body: "3\nabc\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk data ended by bare LF", head: chunkedHead, body: "3\r\nabc\n0\r\n\r\n", status: 400),
        Case(name: "last chunk ended by bare LF", head: chunkedHead, body: "3\r\nabc\r\n0\n\r\n", status: 400),
        Case(name: "trailer Content-Length is ignored", head: chunkedHead, body: "3\r\nabc\r\n0\r\nContent-Length: 40\r\n\r\n", status: 200, echoed: "POST /c abc"),
        Case(name: "trailer with obs-fold", head: chunkedHead, body: "3\r\nabc\r\n0\r\nX-T: a\r\n b\r\n\r\n", status: 400),
        Case(name: "chunked in HTTP/1.0", head: "POST /c HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", body: "0\r\n\r\n", status: 400),
        Case(name: "NUL in header name", head: "POST /c HTTP/1.1\r\nHost: x\r\nContent\u{0}-Length: 3\r\n\r\n", body: "abc", status: 400),
        Case(name: "header name with non-ASCII", head: "POST /c HTTP/1.1\r\nHost: x\r\nContent-Léngth: 3\r\n\r\n", body: "abc", status: 400),
    ]

    @Test(arguments: cases)
    func ambiguousFramingIsRefusedOrFramedExactly(_ c: Case) async throws {
        try await withTestServer { server in
            let client = try RawClient(port: server.port)
            try client.send(c.head + c.body + Self.smuggled)
            // An accepted request keeps the connection open, so wait for two responses; a refused one closes it.
            let responses = c.echoed == nil ? RawResponse.parseAll(client.readUntilClose(timeout: 3)) : client.readResponses(2, timeout: 3)
            try #require(!responses.isEmpty, "no response")
            #expect(responses[0].status == c.status)
            if let echoed = c.echoed {
                #expect(responses[0].text == echoed)
                #expect(responses.count == 2 && responses[1].text == "GET /smuggled ", "the next request must be its own")
            } else {
                #expect(responses.count == 1, "a refused request's connection must not answer what follows it")
            }
        }
    }

    /// Chunk extensions are discarded, but reading them is work: a body of one-byte chunks with 4 KB extensions must hit a
    /// limit long before the client has made the server read 32 MiB for 8 KiB of body (cf. Go's CVE-2023-39326 fix).
    @Test func chunkExtensionsCannotMakeABodyUnboundedlyExpensive() async throws {
        try await withTestServer { server in
            let client = try RawClient(port: server.port)
            try client.send(Self.chunkedHead)
            let chunk = Array(("1;" + String(repeating: "x", count: 4000) + "\r\na\r\n").utf8)
            let burst = (0..<64).flatMap { _ in chunk }
            var sent = 0
            while sent < 32 << 20, client.readChunk(timeoutMs: 0) == nil {
                let accepted = client.sendUntilStalled(burst, total: burst.count, stallMs: 500)
                sent += accepted
                if accepted < burst.count { break }
            }
            let response = RawResponse.parseAll(client.readUntilClose(timeout: 2)).first
            #expect(sent < 32 << 20, "the server read \(sent >> 20) MiB of chunk extensions for \(sent / chunk.count) bytes of body")
            #expect(response.map { (400..<500).contains($0.status) } ?? true)
        }
    }
}
