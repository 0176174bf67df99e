import Foundation
import HTTPServer
import HTTPTestSupport
import Testing

/// What the server writes back: header injection through any handler-controlled text, HEAD and HTTP/1.0 with streams,
/// and streamed bodies that disagree with their declared length.
struct AdversarialResponseTests {
    static let pieces = ["alpha", "beta", "gamma"]

    static let stream = ClosureResponder { _ in
        HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: .stream { writer in
            for piece in pieces { try await writer.write(piece) }
        })
    }

    /// The reason phrase is handler-controlled text like a header value, so CR and LF in it must not start a header.
    @Test func reasonPhraseCannotInjectAHeader() async throws {
        let responder = ClosureResponder { _ in
            HTTPResponse(status: HTTPStatus(code: 200, reasonPhrase: "OK\r\nSet-Cookie: stolen=1"), text: "ok")
        }
        try await withTestServer(responder: responder) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try #require(client.readResponse())
            #expect(response.header("Set-Cookie") == nil)
            #expect(response.text == "ok")
        }
    }

    /// A streamed body with a declared Content-Length may not run past it: surplus bytes would be read as the next response.
    @Test func streamedBodyNeverExceedsItsDeclaredContentLength() async throws {
        let responder = ClosureResponder { request in
            guard request.path == "/declared" else { return HTTPResponse(text: "second") }
            return HTTPResponse(status: .ok, headers: ["Content-Length": "5"], body: .stream { writer in
                try await writer.write("hello")
                try await writer.write("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nforged")
            })
        }
        try await withTestServer(responder: responder) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /declared HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n")
            let bodies = client.readResponses(2, timeout: 3).map(\.text)
            #expect(bodies == ["hello", "second"])
        }
    }

    @Test func headOfAStreamedResponseSendsNoBodyAndKeepsTheConnectionUsable() async throws {
        try await withTestServer(responder: Self.stream) { server in
            let client = try RawClient(port: server.port)
            try client.send("HEAD /s HTTP/1.1\r\nHost: x\r\n\r\nGET /s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let text = String(decoding: client.readUntilClose(timeout: 3), as: UTF8.self)
            let firstHeadEnd = try #require(text.range(of: "\r\n\r\n"))
            #expect(text[firstHeadEnd.upperBound...].hasPrefix("HTTP/1.1 200"), "bytes followed the HEAD response's head")
            let second = RawResponse.parseAll(Array(text[firstHeadEnd.upperBound...].utf8))
            #expect(second.first?.text == Self.pieces.joined())
        }
    }

    @Test func http10StreamIsDelimitedByCloseWithoutChunking() async throws {
        try await withTestServer(responder: Self.stream) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /s HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let bytes = client.readUntilClose(timeout: 3)
            let response = try #require(RawResponse.parseAll(bytes).first)
            #expect(response.header("Transfer-Encoding") == nil)
            #expect(response.header("Connection") == "close")
            #expect(response.text == Self.pieces.joined())
        }
    }

    @Test func responseHeadersCannotSmuggleFramingIntoAStream() async throws {
        let responder = ClosureResponder { _ in
            HTTPResponse(status: .ok, headers: ["Transfer-Encoding": "identity", "X-A": "1\r\n\r\nforged"], body: .stream { writer in
                try await writer.write("body")
            })
        }
        try await withTestServer(responder: responder) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let text = String(decoding: client.readUntilClose(timeout: 3), as: UTF8.self)
            #expect(text.components(separatedBy: "Transfer-Encoding").count == 2, "exactly one Transfer-Encoding field: \(text.debugDescription)")
            #expect(RawResponse.parseAll(Array(text.utf8)).first?.text == "body")
        }
    }
}
