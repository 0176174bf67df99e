import Foundation
import HTTPServer
import HTTPTestSupport
import Synchronization
import Testing

/// WebSocket attacks over a real socket: floods, oversized frames, broken text, abrupt closes, and sends after the client left.
struct AdversarialWebSocketTests {
    /// A handler that sends after its client vanished must not write into whatever connection reuses the descriptor.
    @Test func sendAfterClientVanishedNeverReachesAnotherConnection() async throws {
        let clientGone = Mutex(false)
        let released = Mutex(false)
        let responder = ClosureResponder { request in
            HTTPResponse.webSocketUpgrade(request: request) { socket in
                for await _ in socket.messages {}
                clientGone.withLock { $0 = true }
                while !released.withLock({ $0 }) { try? await Task.sleep(for: .milliseconds(10)) }
                for _ in 0..<3 { try? await socket.send(text: "LEAKED-WEBSOCKET-FRAME") }
            }
        }
        try await withTestServer(responder: responder) { server in
            do {
                let socket = try openAdversarialWebSocket(port: server.port)
                withExtendedLifetime(socket) {}
            }
            for _ in 0..<300 where !clientGone.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
            try #require(clientGone.withLock { $0 })
            // Fresh HTTP clients take the lowest free descriptor numbers, the vanished WebSocket's among them.
            var victims: [RawClient] = []
            for _ in 0..<8 {
                let victim = try RawClient(port: server.port)
                try victim.send("GET /victim HTTP/1.1\r\n")  // an unfinished head: the server owes this client nothing yet
                victims.append(victim)
            }
            try await Task.sleep(for: .milliseconds(200))
            released.withLock { $0 = true }
            try await Task.sleep(for: .milliseconds(300))
            for victim in victims {
                let received = victim.readChunk(timeoutMs: 100) ?? []
                #expect(received.isEmpty, "a plain HTTP client received \(String(decoding: received, as: UTF8.self).debugDescription)")
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
    @Test func unreadMessagesDoNotGrowMemoryWithoutBound() async throws {
        let released = Mutex(false)
        let responder = ClosureResponder { request in
            HTTPResponse.webSocketUpgrade(request: request) { socket in
                while !released.withLock({ $0 }) { try? await Task.sleep(for: .milliseconds(10)) }
                for await _ in socket.messages {}
            }
        }
        try await withTestServer(responder: responder) { server in
            let client = try openAdversarialWebSocket(port: server.port)
            // Near the 1 MiB message limit: the inbound queue holds up to 1,024 of them.
            let message = ClientFrame(.binary, [UInt8](repeating: 0x42, count: 1_000_000)).bytes
            let before = ProcessProbe.residentBytes()
            let accepted = client.sendUntilStalled(message, total: 192 << 20)
            try await Task.sleep(for: .milliseconds(300))
            let growth = ProcessProbe.residentBytes() - before
            released.withLock { $0 = true }
            #expect(growth < 64 << 20, "server took \(accepted >> 20) MiB of unread messages; RSS grew \(growth >> 20) MiB")
        }
    }

    /// Pongs owed to a client that never reads must not pile up in memory: the server stops reading or drops the client.
    @Test func pingFloodFromClientThatNeverReadsKeepsMemoryBounded() async throws {
        let responder = ClosureResponder { request in
            HTTPResponse.webSocketUpgrade(request: request) { socket in
                for await _ in socket.messages {}
            }
        }
        try await withTestServer(responder: responder) { server in
            let client = try openAdversarialWebSocket(port: server.port)
            let pings = (0..<500).flatMap { _ in WebSocketServerTests.frame(0x9, [UInt8](repeating: 0x50, count: 125)) }
            let before = ProcessProbe.residentBytes()
            let accepted = client.sendUntilStalled(pings, total: 256 << 20)
            try await Task.sleep(for: .milliseconds(300))
            let growth = ProcessProbe.residentBytes() - before
            #expect(growth < 64 << 20, "server took \(accepted >> 20) MiB of pings; RSS grew \(growth >> 20) MiB")
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
