import Foundation
import HTTPServer
import HTTPTestSupport
import Testing

struct ConnectionBehaviourTests {
    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withTestServer { server in
            let client = try RawClient(port: server.port)
            let requests = (1...20).map { "POST /p\($0) HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n\($0 % 10)\($0 % 10)" }.joined()
            try client.send(requests)
            let responses = client.readResponses(20)
            #expect(responses.count == 20)
            for (i, response) in responses.enumerated() {
                #expect(response.text == "POST /p\(i + 1) \((i + 1) % 10)\((i + 1) % 10)")
            }
        }
    }

    @Test func chunkedRequestBodyIsDecodedWithExtensionsAndTrailers() async throws {
        try await withTestServer { server in
            let client = try RawClient(port: server.port)
            try client.send("POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;name=v\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n")
            let response = try #require(client.readResponse())
            #expect(response.status == 200)
            #expect(response.text == "POST /c hello world")
        }
    }

    @Test func chunkedBodyArrivingByteByByteIsDecoded() async throws {
        try await withTestServer { server in
            let client = try RawClient(port: server.port)
            for byte in "POST /s HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n".utf8 {
                try client.send([byte])
            }
            #expect(client.readResponse()?.text == "POST /s abc")
        }
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() async throws {
        try await withTestServer { server in
            let client = try RawClient(port: server.port)
            for i in 0..<3 {
                try client.send("GET /k\(i) HTTP/1.1\r\nHost: x\r\n\r\n")
                let response = try #require(client.readResponse())
                #expect(response.text == "GET /k\(i) ")
                #expect(response.header("Connection") == nil)
            }
        }
    }

    @Test func connectionCloseIsHonoured() async throws {
        try await withTestServer { server in
            let client = try RawClient(port: server.port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(client.readResponse()?.header("Connection") == "close")
            #expect(client.isClosedByServer())
        }
    }

    @Test func http10KeepAliveIsConfirmedAndDefaultIsClose() async throws {
        try await withTestServer { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let first = try #require(client.readResponse())
            #expect(first.header("Connection") == "keep-alive")
            try client.send("GET /b HTTP/1.0\r\n\r\n")
            let second = try #require(client.readResponse())
            #expect(second.text == "GET /b ")
            #expect(second.header("Connection") == "close")
            #expect(client.isClosedByServer())
        }
    }

    @Test func headResponseHasLengthButNoBody() async throws {
        try await withTestServer { server in
            let client = try RawClient(port: server.port)
            try client.send("HEAD /h HTTP/1.1\r\nHost: x\r\n\r\nGET /after HTTP/1.1\r\nHost: x\r\n\r\n")
            var buffer: [UInt8] = []
            while buffer.count < 40, let chunk = client.readChunk(timeoutMs: 2000), !chunk.isEmpty { buffer += chunk }
            let text = String(decoding: buffer, as: UTF8.self)
            #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(text.contains("Content-Length: 8\r\n"))  // "HEAD /h "
            // The next response follows the blank line directly: no body bytes in between.
            let parts = text.components(separatedBy: "\r\n\r\n")
            #expect(parts.count >= 2 && parts[1].hasPrefix("HTTP/1.1 200 OK") || buffer.count < 200)
        }
    }

    @Test func expectContinueGetsInterimResponseBeforeBody() async throws {
        try await withTestServer { server in
            let client = try RawClient(port: server.port)
            try client.send("POST /e HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            let interim = try #require(client.readResponse())
            #expect(interim.status == 100)
            try client.send("data")
            let final = client.readResponses(1).first
            #expect(final?.status == 200)
            #expect(final?.text == "POST /e data")
        }
    }

    @Test func expectContinueWithOversizedBodyIsRefusedWithoutReadingIt() async throws {
        try await withTestServer { server in
            let client = try RawClient(port: server.port)
            try client.send("POST /e HTTP/1.1\r\nHost: x\r\nContent-Length: 999999\r\nExpect: 100-continue\r\n\r\n")
            #expect(client.readResponse()?.status == 413)
        }
    }

    @Test func slowHeaderClientIsTimedOutWith408() async throws {
        let config = HTTPServerConfiguration(port: 0, eventLoops: 1, headerTimeout: .milliseconds(500))
        try await withTestServer(configuration: config) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET / HTTP/1.1\r\nHo")
            let response = client.readResponse(timeout: 5)
            #expect(response?.status == 408)
            #expect(client.isClosedByServer())
        }
    }

    @Test func slowBodyClientIsTimedOutWith408() async throws {
        let config = HTTPServerConfiguration(port: 0, eventLoops: 1, bodyTimeout: .milliseconds(500))
        try await withTestServer(configuration: config) { server in
            let client = try RawClient(port: server.port)
            try client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab")
            #expect(client.readResponse(timeout: 5)?.status == 408)
        }
    }

    @Test func idleKeepAliveConnectionIsClosed() async throws {
        let config = HTTPServerConfiguration(port: 0, eventLoops: 1, idleTimeout: .milliseconds(500))
        try await withTestServer(configuration: config) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(client.readResponse()?.status == 200)
            #expect(client.isClosedByServer(timeout: 5))
        }
    }

    @Test func thousandIdleConnectionsDoNotStopService() async throws {
        let config = HTTPServerConfiguration(port: 0, eventLoops: 2)
        try await withTestServer(configuration: config) { server in
            var idle: [RawClient] = []
            for _ in 0..<1000 { idle.append(try RawClient(port: server.port)) }
            // Half of them send a partial head, the other half nothing at all.
            for client in idle.prefix(500) { try client.send("GET / HTTP/1.1\r\n") }
            for i in 0..<20 {
                let client = try RawClient(port: server.port)
                try client.send("GET /live\(i) HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(client.readResponse()?.text == "GET /live\(i) ")
            }
            #expect(server.openConnections >= 1000)
            withExtendedLifetime(idle) {}
        }
    }

    @Test func responderHeadersCannotSplitTheResponse() async throws {
        let responder = ClosureResponder { _ in
            HTTPResponse(status: .ok, headers: ["X-Evil": "a\r\nSet-Cookie: stolen=1"], body: .bytes(Array("ok".utf8)))
        }
        try await withTestServer(responder: responder) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try #require(client.readResponse())
            #expect(response.header("Set-Cookie") == nil)
            #expect(response.text == "ok")
        }
    }
}
