import Foundation
import HTTPServer
import HTTPTestSupport
import Synchronization
import Testing

/// Attacks on the server's resources: CPU, memory and descriptors, by clients that reset, never read, dawdle or churn.
struct AdversarialResourceTests {
    /// A client that resets its connection while its request is being handled must not make the event loop spin
    /// (level-triggered EPOLLHUP/EPOLLERR keep firing once the connection no longer asks for input).
    @Test func clientResetDuringSlowHandlerDoesNotSpinTheEventLoop() async throws {
        let loopThread = Atomic<Int>(0)
        let responder = ClosureResponder { _ in
            // Handlers start on their connection's event loop thread.
            loopThread.store(ProcessProbe.currentThreadID(), ordering: .relaxed)
            try? await Task.sleep(for: .seconds(3))
            return HTTPResponse(text: "late")
        }
        try await withTestServer(responder: responder) { server in
            // Three clients reset at different moments of their handlers' sleep; any one of them is enough to show a spin.
            for delay in [30, 60, 90] {
                let client = try RawClient(port: server.port)
                try client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
                try await Task.sleep(for: .milliseconds(delay))
                client.resetOnClose()
            }
            let used = try await Self.cpuSeconds(of: loopThread.load(ordering: .relaxed), over: .milliseconds(1500))
            // An idle loop wakes four times a second and uses a few milliseconds; a spinning one takes a core (or its share of a busy machine).
            #expect(used < 0.15, "the event loop thread used \(used) s of CPU in 1.5 s while the handler slept")
        }
    }

    /// A reset during a streamed response whose producer is waiting (an event stream between events) is noticed:
    /// the producer is cancelled instead of holding the connection until it next writes.
    @Test func streamProducerIsCancelledWhenClientResets() async throws {
        let producerEnded = Mutex(false)
        let loopThread = Atomic<Int>(0)
        let responder = ClosureResponder { _ in
            // The responder runs on the connection's event loop thread, and so does the stream's producer.
            loopThread.store(ProcessProbe.currentThreadID(), ordering: .relaxed)
            return HTTPResponse.eventStream { writer in
                // Ending counts however it happens: a reset seen before the first write makes that write throw.
                defer { producerEnded.withLock { $0 = true } }
                try await writer.write(ServerSentEvent.keepAliveComment)
                try? await Task.sleep(for: .seconds(60))
            }
        }
        try await withTestServer(responder: responder) { server in
            do {
                let client = try RawClient(port: server.port)
                try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
                _ = client.readChunk(timeoutMs: 2000)
                client.resetOnClose()
            }
            let used = try await Self.cpuSeconds(of: loopThread.load(ordering: .relaxed), over: .seconds(2))
            // On a loaded machine the cancellation may take a moment more; the producer's own sleep is far longer.
            for _ in 0..<50 where !producerEnded.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(100)) }
            #expect(producerEnded.withLock { $0 }, "the producer was still waiting 7 s after its client reset")
            #expect(used < 0.15, "the event loop thread used \(used) s of CPU in 2 s while the reset stream waited")
        }
    }

    static func cpuSeconds(of thread: Int, over duration: Duration) async throws -> Double {
        try #require(thread != 0, "the handler never ran")
        let before = ProcessProbe.cpuSeconds(thread: thread)
        try await Task.sleep(for: duration)
        return ProcessProbe.cpuSeconds(thread: thread) - before
    }

    /// A client that requests a large stream and never reads holds the producer at the high watermark.
    @Test func largeStreamToClientThatNeverReadsKeepsMemoryBounded() async throws {
        let written = Atomic<Int>(0)
        let piece = [UInt8](repeating: 0x61, count: 64 * 1024)
        let responder = ClosureResponder { _ in
            HTTPResponse(status: .ok, headers: ["Content-Type": "application/octet-stream"], body: .stream { writer in
                for _ in 0..<4096 {
                    try await writer.write(piece)
                    written.add(piece.count, ordering: .relaxed)
                }
            })
        }
        try await withTestServer(responder: responder) { server in
            let client = try RawClient(port: server.port)
            client.shrinkReceiveBuffer()
            try client.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
            try await Task.sleep(for: .seconds(2))
            // What the producer got past is what the server buffers (beyond the kernel's socket buffers).
            #expect(written.load(ordering: .relaxed) < 8 << 20, "producer got \(written.load(ordering: .relaxed) >> 20) MiB past a client that never reads")
        }
    }

    /// Many connections each dribbling a head never finish it: each gets 408 at the header deadline, and others are served meanwhile.
    @Test func slowLorisAcrossManyConnectionsIsCutOffAtTheHeaderDeadline() async throws {
        let config = HTTPServerConfiguration(port: 0, eventLoops: 2, headerTimeout: .milliseconds(800))
        try await withTestServer(configuration: config) { server in
            var lorises: [RawClient] = []
            for _ in 0..<200 { lorises.append(try RawClient(port: server.port)) }
            let head = Array("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ".utf8)
            for step in 0..<10 {
                for loris in lorises { try? loris.send([head[min(step, head.count - 1)]]) }
                try await Task.sleep(for: .milliseconds(150))
                if step == 5 { #expect(try RawClient.get(port: server.port, "/live")?.status == 200) }
            }
            var timedOut = 0
            for loris in lorises where loris.readResponse(timeout: 2)?.status == 408 { timedOut += 1 }
            #expect(timedOut == lorises.count)
        }
    }

    /// Ten thousand connections opened and closed in every abrupt way leave no descriptor or connection behind.
    @Test func connectionChurnLeaksNoDescriptors() async throws {
        try await withTestServer(configuration: HTTPServerConfiguration(port: 0, eventLoops: 2)) { server in
            for i in 0..<10_000 {
                let client = try RawClient(port: server.port)
                switch i % 4 {
                case 0: break
                case 1: try? client.send("GET / HTTP/1.1\r\nHo")
                case 2: try? client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                default:
                    try? client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc")
                    client.resetOnClose()
                }
            }
            for _ in 0..<100 where server.openConnections > 0 { try await Task.sleep(for: .milliseconds(50)) }
            #expect(server.openConnections == 0)
            // Counted from the kernel's side, so other tests' descriptors in this process do not matter.
            let left = ProcessProbe.acceptedConnections(onPort: server.port)
            #expect(left.isEmpty, "\(left.count) accepted sockets are still open after the churn")
        }
    }
}
