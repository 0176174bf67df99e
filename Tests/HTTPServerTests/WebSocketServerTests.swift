import Foundation
import HTTPServer
import HTTPTestSupport
import Testing

/// WebSocket over a real socket: handshake, echo of text and binary, fragmentation, ping/pong, close handshake, size limit.
struct WebSocketServerTests {
    static let echo = ClosureResponder { request in
        var configuration = WebSocketConfiguration()
        configuration.maxMessageSize = 64 * 1024
        return HTTPResponse.webSocketUpgrade(request: request, configuration: configuration) { socket in
            for await message in socket.messages {
                if case .text("bye") = message {
                    await socket.close(code: 1000, reason: "再见")
                    return
                }
                try? await socket.send(message)
            }
        }
    }

    static let handshake = "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"

    /// A client frame: FIN as given, masked with a fixed key.
    static func frame(_ opcode: UInt8, _ payload: [UInt8], fin: Bool = true) -> [UInt8] {
        var out: [UInt8] = [(fin ? 0x80 : 0) | opcode]
        if payload.count < 126 {
            out.append(0x80 | UInt8(payload.count))
        } else {
            out.append(0x80 | 126)
            out += [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        }
        let key: [UInt8] = [0x12, 0x34, 0x56, 0x78]
        out += key
        out += payload.enumerated().map { $0.element ^ key[$0.offset % 4] }
        return out
    }

    /// Reads one unmasked server frame (opcode, payload).
    static func readFrame(_ client: RawClient, buffer: inout [UInt8]) -> (UInt8, [UInt8])? {
        while true {
            if buffer.count >= 2 {
                var length = Int(buffer[1] & 0x7F)
                var offset = 2
                if length == 126, buffer.count >= 4 {
                    length = Int(buffer[2]) << 8 | Int(buffer[3])
                    offset = 4
                }
                if length != 126, buffer.count >= offset + length {
                    let result = (buffer[0] & 0x0F, Array(buffer[offset..<(offset + length)]))
                    buffer.removeFirst(offset + length)
                    return result
                }
            }
            guard let chunk = client.readChunk(timeoutMs: 3000), !chunk.isEmpty else { return nil }
            buffer += chunk
        }
    }

    static func upgraded(_ port: Int) throws -> (RawClient, [UInt8]) {
        let client = try RawClient(port: port)
        try client.send(handshake)
        var buffer: [UInt8] = []
        while !String(decoding: buffer, as: UTF8.self).contains("\r\n\r\n") {
            guard let chunk = client.readChunk(timeoutMs: 3000), !chunk.isEmpty else { throw TestError("no handshake response") }
            buffer += chunk
        }
        let text = String(decoding: buffer, as: UTF8.self)
        let headEnd = text.utf8.count - (text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")).utf8.count
        #expect(text.hasPrefix("HTTP/1.1 101 Switching Protocols\r\n"))
        #expect(text.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"))
        return (client, Array(buffer[headEnd...]))
    }

    @Test func textAndBinaryMessagesAreEchoed() async throws {
        try await withTestServer(responder: Self.echo) { server in
            var (client, buffer) = try Self.upgraded(server.port)
            try client.send(Self.frame(1, Array("你好，检务云".utf8)))
            let text = Self.readFrame(client, buffer: &buffer)
            #expect(text?.0 == 1)
            #expect(text.map { String(decoding: $0.1, as: UTF8.self) } == "你好，检务云")
            let blob = (0..<300).map { UInt8($0 % 256) }
            try client.send(Self.frame(2, blob))
            let binary = Self.readFrame(client, buffer: &buffer)
            #expect(binary?.0 == 2)
            #expect(binary?.1 == blob)
        }
    }

    @Test func fragmentedMessageWithInterleavedPingIsReassembled() async throws {
        try await withTestServer(responder: Self.echo) { server in
            var (client, buffer) = try Self.upgraded(server.port)
            try client.send(Self.frame(1, Array("frag".utf8), fin: false))
            try client.send(Self.frame(9, Array("p".utf8)))
            try client.send(Self.frame(0, Array("mented".utf8)))
            let pong = Self.readFrame(client, buffer: &buffer)
            #expect(pong?.0 == 10)
            #expect(pong?.1 == Array("p".utf8))
            let message = Self.readFrame(client, buffer: &buffer)
            #expect(message.map { String(decoding: $0.1, as: UTF8.self) } == "fragmented")
        }
    }

    @Test func serverInitiatedCloseCompletesTheHandshake() async throws {
        try await withTestServer(responder: Self.echo) { server in
            var (client, buffer) = try Self.upgraded(server.port)
            try client.send(Self.frame(1, Array("bye".utf8)))
            let close = Self.readFrame(client, buffer: &buffer)
            #expect(close?.0 == 8)
            #expect(close.map { Int($0.1[0]) << 8 | Int($0.1[1]) } == 1000)
            try client.send(Self.frame(8, [0x03, 0xE8]))
            #expect(client.isClosedByServer(timeout: 3))
        }
    }

    @Test func clientCloseIsEchoedAndConnectionEnds() async throws {
        try await withTestServer(responder: Self.echo) { server in
            var (client, buffer) = try Self.upgraded(server.port)
            try client.send(Self.frame(8, [0x03, 0xE9]))
            let close = Self.readFrame(client, buffer: &buffer)
            #expect(close?.0 == 8)
            #expect(client.isClosedByServer(timeout: 3))
        }
    }

    @Test func oversizedMessageClosesWith1009() async throws {
        try await withTestServer(responder: Self.echo) { server in
            var (client, buffer) = try Self.upgraded(server.port)
            // 3 × 30,000 bytes in one fragmented message: over the 64 KiB message limit once reassembled.
            for i in 0..<3 { try client.send(Self.frame(i == 0 ? 2 : 0, [UInt8](repeating: 7, count: 30_000), fin: false)) }
            let close = Self.readFrame(client, buffer: &buffer)
            #expect(close?.0 == 8)
            #expect(close.map { Int($0.1[0]) << 8 | Int($0.1[1]) } == 1009)
        }
    }

    @Test func unmaskedClientFrameClosesWith1002() async throws {
        try await withTestServer(responder: Self.echo) { server in
            var (client, buffer) = try Self.upgraded(server.port)
            try client.send([0x81, 0x02, 0x68, 0x69])
            let close = Self.readFrame(client, buffer: &buffer)
            #expect(close.map { Int($0.1[0]) << 8 | Int($0.1[1]) } == 1002)
        }
    }

    @Test func badHandshakeIsRefused() async throws {
        try await withTestServer(responder: Self.echo) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n")
            let response = client.readResponse()
            #expect(response?.status == 426)
            #expect(response?.header("Sec-WebSocket-Version") == "13")
            let missingKey = try RawClient(port: server.port)
            try missingKey.send("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n")
            #expect(missingKey.readResponse()?.status == 400)
        }
    }
}
