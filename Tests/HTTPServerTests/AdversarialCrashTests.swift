import HTTPServer
import HTTPTestSupport
import Testing

/// Attacks that used to bring the whole process down. Each runs in a child process (an exit test), so a crash fails
/// this test instead of killing every other test in the run.
struct AdversarialCrashTests {
    /// A client that sends a large body and resets at once makes the response write fail inside input processing;
    /// the connection closes there, and the server must survive it.
    @Test func clientResetAfterLargeBodyDoesNotCrashTheServer() async {
        await #expect(processExitsWith: .success) {
            let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, eventLoops: 1), responder: ClosureResponder(bodyLimit: 1 << 20) { _ in
                HTTPResponse(text: "ok")
            })
            try server.start()
            let body = [UInt8](repeating: 0x61, count: 40_000)
            for _ in 0..<100 {
                let client = try RawClient(port: server.port)
                try client.send(Array("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 40000\r\n\r\n".utf8) + body)
                client.resetOnClose()
            }
            guard try RawClient.get(port: server.port, "/still-there")?.status == 200 else { throw TestError("server stopped answering") }
        }
    }

    /// A WebSocket client that sends more than 32 KiB and a close frame in one burst makes the connection close while its
    /// input is being processed; the server must survive it.
    @Test func webSocketCloseAfterLargeBurstDoesNotCrashTheServer() async {
        await #expect(processExitsWith: .success) {
            let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, eventLoops: 1), responder: WebSocketServerTests.echo)
            try server.start()
            let client = try openAdversarialWebSocket(port: server.port)
            let burst = WebSocketServerTests.frame(0x2, [UInt8](repeating: 1, count: 40_000)) + WebSocketServerTests.frame(0x8, [0x03, 0xE8])
            try client.send(burst)
            _ = client.readUntilClose(timeout: 3)
            guard try RawClient.get(port: server.port, "/still-there") != nil else { throw TestError("server stopped answering") }
        }
    }
}
