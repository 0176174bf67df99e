import Foundation
import Glibc
import HTTPServer
import HTTPTestSupport
import Synchronization
import Testing

/// WebSocket attacks over a real socket: floods, oversized frames, broken text, abrupt closes, and sends after the client left.
struct AdversarialWebSocketTests {
    /// A handler that sends after its client vanished must not write into whatever connection reuses the descriptor.
    /// Runs in a child process: descriptor numbers are process-wide, and tests running beside it would reuse them too.
    @Test func sendAfterClientVanishedNeverReachesAnotherConnection() async {
        await #expect(processExitsWith: .success) {
            let clientGone = Mutex(false)
            let released = Mutex(false)
            let responder = ClosureResponder { request in
                guard request.path == "/ws" else { return HTTPResponse(text: "plain") }
                return HTTPResponse.webSocketUpgrade(request: request) { socket in
                    for await _ in socket.messages {}
                    clientGone.withLock { $0 = true }
                    while !released.withLock({ $0 }) { try? await Task.sleep(for: .milliseconds(10)) }
                    for _ in 0..<3 { try? await socket.send(text: "LEAKED-WEBSOCKET-FRAME") }
                }
            }
            try await withTestServer(responder: responder) { server in
                let victim = try RawClient(port: server.port)
                try victim.send("GET /victim HTTP/1.1\r\nHost: x\r\nX-Pad: ")  // an unfinished head: nothing is owed yet
                let socketDescriptor: Int32
                do {
                    let socket = try openAdversarialWebSocket(port: server.port)
                    let peerPort = socket.localPort
                    guard let found = ProcessProbe.acceptedConnections(onPort: server.port).first(where: { $0.value == peerPort })?.key else {
                        throw TestError("the server's side of the WebSocket was not found")
                    }
                    socketDescriptor = found
                }
                for _ in 0..<300 where !clientGone.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
                guard clientGone.withLock({ $0 }) else { throw TestError("the handler never saw its client leave") }
                // The server has closed the WebSocket's descriptor. Put the victim's own client socket on that number, as
                // the server's next accept would elsewhere, so a late send would land in the victim's exchange.
                guard fcntl(socketDescriptor, F_GETFD) == -1 else { throw TestError("descriptor \(socketDescriptor) is still open") }
                guard dup2(victim.fd, socketDescriptor) == socketDescriptor else { throw TestError("dup2 failed") }
                defer { close(socketDescriptor) }
                released.withLock { $0 = true }
                try await Task.sleep(for: .milliseconds(300))
                try victim.send("p\r\nConnection: close\r\n\r\n")
                let text = String(decoding: victim.readUntilClose(timeout: 3), as: UTF8.self)
                guard text.hasPrefix("HTTP/1.1 200 OK\r\n") && !text.contains("LEAKED") else {
                    throw TestError("the victim's exchange became \(text.debugDescription)")
                }
            }
        }
    }

    /// Messages a busy handler has not read yet must be kept (or the client slowed down), never dropped silently.
    @Test func messagesWaitingForABusyHandlerAreNotDropped() async throws {
        let released = Mutex(false)
        let received = Mutex<[String]>([])
        let responder = ClosureResponder { request in
            HTTPResponse.webSocketUpgrade(request: request) { socket in
                while !released.withLock({ $0 }) { try? await Task.sleep(for: .milliseconds(10)) }
                for await message in socket.messages {
                    if case .text(let text) = message { received.withLock { $0.append(text) } }
                    if case .text("end") = message { return }
                }
            }
        }
        try await withTestServer(responder: responder) { server in
            let client = try openAdversarialWebSocket(port: server.port)
            let frames = (0..<1500).flatMap { WebSocketServerTests.frame(0x1, Array("m\($0)".utf8)) }
            try client.send(frames + WebSocketServerTests.frame(0x1, Array("end".utf8)))
            try await Task.sleep(for: .milliseconds(300))
            released.withLock { $0 = true }
            for _ in 0..<300 where received.withLock({ $0.last != "end" }) { try await Task.sleep(for: .milliseconds(10)) }
            let texts = received.withLock { $0 }
            #expect(texts.count == 1501, "the handler saw \(texts.count) of 1501 messages")
            #expect(texts.first == "m0")
        }
    }

    /// A client that floods large messages while the handler is busy must be slowed down, not buffered without bound.
    /// Runs in a child process, whose memory is this attack's alone; exit code 3 means the server read more than 32 MiB
    /// of messages its handler had not taken (kernel socket buffers on both sides hold well under that).
    @Test func unreadMessagesDoNotGrowMemoryWithoutBound() async {
        await #expect(processExitsWith: .success) {
            let released = Mutex(false)
            let responder = ClosureResponder { request in
                HTTPResponse.webSocketUpgrade(request: request) { socket in
                    while !released.withLock({ $0 }) { try? await Task.sleep(for: .milliseconds(10)) }
                    for await _ in socket.messages {}
                }
            }
            let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, eventLoops: 1), responder: responder)
            try server.start()
            let client = try openAdversarialWebSocket(port: server.port)
            // Near the 1 MiB message limit: the inbound queue holds up to 1,024 of them.
            let message = ClientFrame(.binary, [UInt8](repeating: 0x42, count: 1_000_000)).bytes
            let before = ProcessProbe.residentBytes()
            let accepted = client.sendUntilStalled(message, total: 192 << 20)
            exitReportingFlood(accepted: accepted, residentGrowth: ProcessProbe.residentBytes() - before)
        }
    }

    /// Pongs owed to a client that never reads must not pile up in memory: the server stops reading or drops the client.
    /// Runs in a child process like the test above; exit code 3 means more than 32 MiB of pings were read.
    @Test func pingFloodFromClientThatNeverReadsKeepsMemoryBounded() async {
        await #expect(processExitsWith: .success) {
            let responder = ClosureResponder { request in
                HTTPResponse.webSocketUpgrade(request: request) { socket in
                    for await _ in socket.messages {}
                }
            }
            let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, eventLoops: 1), responder: responder)
            try server.start()
            let client = try openAdversarialWebSocket(port: server.port)
            let pings = (0..<500).flatMap { _ in WebSocketServerTests.frame(0x9, [UInt8](repeating: 0x50, count: 125)) }
            let before = ProcessProbe.residentBytes()
            let accepted = client.sendUntilStalled(pings, total: 192 << 20)
            exitReportingFlood(accepted: accepted, residentGrowth: ProcessProbe.residentBytes() - before)
        }
    }

    @Test func frameAnnouncingHugeLengthIsRefusedWith1009BeforeAnyPayload() async throws {
        try await withTestServer(responder: WebSocketServerTests.echo) { server in
            let client = try openAdversarialWebSocket(port: server.port)
            // 64-bit length 2^62, masked, no payload follows.
            try client.send([0x82, 0xFF, 0x40, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4])
            var buffer: [UInt8] = []
            let frame = WebSocketServerTests.readFrame(client, buffer: &buffer)
            #expect(frame?.0 == 0x8)
            #expect(frame.map { Array($0.1.prefix(2)) } == [0x03, 0xF1])
            #expect(client.isClosedByServer(timeout: 3))
        }
    }

    @Test func invalidUTF8SplitAcrossFragmentsFailsWith1007() async throws {
        try await withTestServer(responder: WebSocketServerTests.echo) { server in
            let client = try openAdversarialWebSocket(port: server.port)
            // E2 82 starts a three-byte sequence; the continuation frame then breaks it.
            try client.send(WebSocketServerTests.frame(0x1, [0x61, 0xE2, 0x82], fin: false) + WebSocketServerTests.frame(0x0, [0x41]))
            var buffer: [UInt8] = []
            let frame = WebSocketServerTests.readFrame(client, buffer: &buffer)
            #expect(frame?.0 == 0x8)
            #expect(frame.map { Array($0.1.prefix(2)) } == [0x03, 0xEF])
        }
    }

    @Test func clientVanishingMidFrameEndsTheHandlersMessages() async throws {
        let ended = Mutex(false)
        let responder = ClosureResponder { request in
            HTTPResponse.webSocketUpgrade(request: request) { socket in
                for await _ in socket.messages {}
                ended.withLock { $0 = true }
            }
        }
        try await withTestServer(responder: responder) { server in
            let openBefore = server.openConnections
            do {
                let client = try openAdversarialWebSocket(port: server.port)
                let frame = WebSocketServerTests.frame(0x2, [UInt8](repeating: 1, count: 1000))
                try client.send(Array(frame.prefix(300)))
            }
            for _ in 0..<300 where !ended.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
            #expect(ended.withLock { $0 })
            #expect(server.openConnections <= openBefore)
        }
    }
}

/// Ends a flood test's child process at once (before the flooding client closes): 0 when the server held the flood off,
/// 3 when it read more than 32 MiB, with the figures on standard error.
func exitReportingFlood(accepted: Int, residentGrowth: Int) -> Never {
    let bounded = accepted < 32 << 20
    if !bounded {
        FileHandle.standardError.write(Data("server read \(accepted >> 20) MiB of the flood; RSS grew \(residentGrowth >> 20) MiB\n".utf8))
    }
    exit(bounded ? 0 : 3)
}
