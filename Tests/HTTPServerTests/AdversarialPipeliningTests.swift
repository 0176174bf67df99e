import Foundation
import Glibc
import HTTPServer
import HTTPTestSupport
import Testing

/// Pipelining and half-close edge cases: requests split at every byte, long pipelines, errors mid-pipeline, early FIN.
struct AdversarialPipeliningTests {
    static let pair = "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3;e=1\r\nabc\r\n0\r\nX-T: 1\r\n\r\n"
        + "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nxy"

    /// An echo that suspends first, so the response is produced after the loop has gone back to reading.
    static let slowEcho = echo(after: .milliseconds(50))

    static func echo(after delay: Duration) -> ClosureResponder {
        ClosureResponder(bodyLimit: 1024) { request in
            try? await Task.sleep(for: delay)
            return HTTPResponse(text: "\(request.method) \(request.path) \(String(decoding: request.body, as: UTF8.self))")
        }
    }

    @Test func pipelineSplitAtEveryByteBoundaryIsParsedTheSame() async throws {
        // Not a timeout test: on a loaded machine the pause between the two sends can stretch, so the head deadline is generous.
        let configuration = HTTPServerConfiguration(port: 0, eventLoops: 1, headerTimeout: .seconds(120))
        try await withTestServer(configuration: configuration) { server in
            let bytes = Array(Self.pair.utf8)
            var wrong: [String] = []
            for split in 1..<bytes.count {
                let client = try RawClient(port: server.port)
                client.disableNagle()
                try client.send(Array(bytes[..<split]))
                try await Task.sleep(for: .milliseconds(2))
                try client.send(Array(bytes[split...]))
                let texts = client.readResponses(2, timeout: 3).map(\.text)
                if texts != ["POST /a abc", "POST /b xy"] { wrong.append("\(split): \(texts)") }
            }
            #expect(wrong.isEmpty, "splits that changed the result: \(wrong)")
        }
    }

    @Test(arguments: [false, true])
    func thousandPipelinedRequestsAreAnsweredInOrder(withBodies: Bool) async throws {
        // With bodies the pipeline exceeds the 64 KiB the server buffers ahead, and each answer suspends first.
        try await withTestServer(responder: withBodies ? Self.echo(after: .milliseconds(1)) : echoResponder) { server in
            let client = try RawClient(port: server.port)
            let body = String(repeating: "b", count: 150)
            let requests = (0..<1000).map { i in
                withBodies ? "POST /r\(i) HTTP/1.1\r\nHost: x\r\nContent-Length: 150\r\n\r\n\(body)" : "GET /r\(i) HTTP/1.1\r\nHost: x\r\n\r\n"
            }
            try client.send(requests.joined())
            let responses = client.readResponses(1000, timeout: 30)
            #expect(responses.count == 1000)
            let outOfOrder = responses.enumerated().filter { !$0.element.text.hasPrefix(withBodies ? "POST /r\($0.offset) " : "GET /r\($0.offset) ") }
            #expect(outOfOrder.isEmpty)
        }
    }

    @Test(arguments: [
        "POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n" + String(repeating: "z", count: 2000),
        "POST /big HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n7D0\r\n" + String(repeating: "z", count: 2000) + "\r\n0\r\n\r\n",
        "POST /bad HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nz",
    ])
    func pipelinedRequestAfterRefusalIsNotAnswered(_ refused: String) async throws {
        try await withTestServer { server in
            let client = try RawClient(port: server.port)
            try client.send(refused + "GET /after HTTP/1.1\r\nHost: x\r\n\r\n")
            let responses = RawResponse.parseAll(client.readUntilClose(timeout: 5))
            #expect(responses.count == 1)
            #expect(responses.first.map { [400, 413].contains($0.status) } == true)
        }
    }

    @Test func responseArrivesAfterClientHalfClosesDuringSlowHandler() async throws {
        try await withTestServer(responder: Self.slowEcho) { server in
            let client = try RawClient(port: server.port)
            try client.send("POST /h HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi")
            client.shutdownWrite()
            let responses = RawResponse.parseAll(client.readUntilClose(timeout: 5))
            #expect(responses.map(\.text) == ["POST /h hi"])
        }
    }

    /// Requests that arrived complete before the client's FIN are still owed their responses.
    @Test func everyPipelinedRequestSentBeforeHalfCloseIsAnswered() async throws {
        try await withTestServer(responder: Self.slowEcho) { server in
            let client = try RawClient(port: server.port)
            try client.send((1...3).map { "GET /p\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
            client.shutdownWrite()
            let responses = RawResponse.parseAll(client.readUntilClose(timeout: 5))
            #expect(responses.map(\.text) == ["GET /p1 ", "GET /p2 ", "GET /p3 "])
        }
    }

    @Test func expectContinueWithBodyAlreadySentGetsNoInterimResponse() async throws {
        try await withTestServer { server in
            let client = try RawClient(port: server.port)
            try client.send("POST /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\ndata")
            try client.send("POST /f HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n")
            let interim = client.readResponses(2, timeout: 3)
            #expect(interim.map(\.status) == [200, 100])
            try client.send("abc")
            let final = client.readResponses(1, timeout: 3)
            #expect(final.map(\.text) == ["POST /f abc"])
        }
    }

    @Test func expectContinueRacingAClientThatSendsTheBodyAnywayIsAnsweredOnce() async throws {
        try await withTestServer(responder: Self.slowEcho) { server in
            for split in [0, 1, 3] {
                let client = try RawClient(port: server.port)
                client.disableNagle()
                try client.send("PUT /r HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
                if split > 0 { try client.send(Array("data".utf8.prefix(split))) }
                try await Task.sleep(for: .milliseconds(5))
                try client.send(Array("data".utf8.dropFirst(split)) + Array("GET /next HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
                let finals = RawResponse.parseAll(client.readUntilClose(timeout: 5)).filter { $0.status != 100 }
                #expect(finals.map(\.text) == ["PUT /r data", "GET /next "], "split \(split)")
            }
        }
    }
}

extension RawClient {
    /// Sends every write at once, so a test controls where the server's reads split.
    func disableNagle() {
        var on: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
    }
}
