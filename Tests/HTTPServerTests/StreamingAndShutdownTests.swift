import Foundation
import HTTPServer
import HTTPTestSupport
import Synchronization
import Testing

struct StreamingAndShutdownTests {
    @Test func serverSentEventsArriveAsTheyAreWritten() async throws {
        let responder = ClosureResponder { _ in
            HTTPResponse.eventStream { writer in
                for i in 1...3 {
                    try await writer.send(ServerSentEvent(event: "tick", data: "n=\(i)\nsecond line", id: "\(i)"))
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
        }
        try await withTestServer(responder: responder) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try #require(client.readResponse())
            #expect(response.header("Content-Type") == "text/event-stream; charset=utf-8")
            #expect(response.header("Transfer-Encoding") == "chunked")
            let expected = (1...3).map { "event: tick\nid: \($0)\ndata: n=\($0)\ndata: second line\n\n" }.joined()
            #expect(response.text == expected)
        }
    }

    @Test func eventFieldsCannotInjectLines() {
        let event = ServerSentEvent(event: "a\nb", data: "x", id: "1\r\n2")
        #expect(String(decoding: event.serialized, as: UTF8.self) == "event: ab\nid: 12\ndata: x\n\n")
    }

    @Test func largeStreamedBodyArrivesWhole() async throws {
        let piece = [UInt8](repeating: 0x61, count: 100_000)
        let responder = ClosureResponder { _ in
            HTTPResponse(status: .ok, headers: ["Content-Type": "application/octet-stream"], body: .stream { writer in
                for _ in 0..<40 { try await writer.write(piece) }
            })
        }
        try await withTestServer(responder: responder) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = client.readResponses(1, timeout: 20).first
            #expect(response?.body.count == 4_000_000)
        }
    }

    @Test func streamProducerStopsWhenClientLeaves() async throws {
        let stopped = Mutex(false)
        let responder = ClosureResponder { _ in
            HTTPResponse.eventStream { writer in
                do {
                    while true {
                        try await writer.send(ServerSentEvent(data: String(repeating: "x", count: 1000)))
                        try await Task.sleep(for: .milliseconds(5))
                    }
                } catch {
                    stopped.withLock { $0 = true }
                    throw error
                }
            }
        }
        try await withTestServer(responder: responder) { server in
            do {
                let client = try RawClient(port: server.port)
                try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
                _ = client.readChunk(timeoutMs: 2000)
            }
            for _ in 0..<100 where !stopped.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(50)) }
            #expect(stopped.withLock { $0 })
        }
    }

    @Test func gracefulShutdownFinishesInFlightRequestsAndRefusesNewOnes() async throws {
        // Handlers hold their requests until the test has begun the shutdown, so they are in flight whatever the machine's load.
        let released = Mutex(false)
        let started = Atomic<Int>(0)
        let responder = ClosureResponder { request in
            started.add(1, ordering: .relaxed)
            while !released.withLock({ $0 }) { try? await Task.sleep(for: .milliseconds(10)) }
            return HTTPResponse(text: "done \(request.path)")
        }
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, eventLoops: 2), responder: responder)
        try server.start()
        let port = server.port
        var clients: [RawClient] = []
        for i in 0..<10 {
            let client = try RawClient(port: port)
            try client.send("GET /slow\(i) HTTP/1.1\r\nHost: x\r\n\r\n")
            clients.append(client)
        }
        let idle = try RawClient(port: port)
        while started.load(ordering: .relaxed) < 10 { try await Task.sleep(for: .milliseconds(10)) }
        server.shutdown(gracePeriod: .seconds(5))
        #expect(idle.isClosedByServer(timeout: 2), "idle connection is closed at once")
        // Each event loop closes its own listener when it gets the shutdown; give the other loop a moment.
        var refused = false
        for _ in 0..<100 where !refused {
            refused = (try? RawClient(port: port)) == nil
            if !refused { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(refused, "new connections are refused")
        released.withLock { $0 = true }
        for (i, client) in clients.enumerated() {
            let response = client.readResponse(timeout: 5)
            #expect(response?.status == 200)
            #expect(response?.text == "done /slow\(i)")
            #expect(response?.header("Connection") == "close", "\(response?.headers ?? [])")
        }
        await server.waitUntilStopped()
    }

    @Test func shutdownEndsStreamsThatNeverEndOnTheirOwn() async throws {
        let responder = ClosureResponder { _ in
            HTTPResponse.eventStream { writer in
                while true {
                    try await writer.write(ServerSentEvent.keepAliveComment)
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
        }
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, eventLoops: 1), responder: responder)
        try server.start()
        let client = try RawClient(port: server.port)
        try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = client.readChunk(timeoutMs: 2000)
        server.shutdown(gracePeriod: .seconds(1))
        // Returning at all is the point: a stream that never ends on its own must not hold the server open.
        await server.waitUntilStopped()
        #expect(client.isClosedByServer(timeout: 2))
    }
}
