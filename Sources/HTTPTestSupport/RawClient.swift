public import Foundation
import Glibc

/// A blocking TCP client for tests that must control every byte on the wire.
public final class RawClient {
    public let fd: Int32

    public init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 {
            Glibc.close(fd)
            throw TestError("connect failed: errno \(errno)")
        }
    }

    deinit { Glibc.close(fd) }

    /// Sends one GET and returns the response (for end-to-end tests that need no special bytes).
    public static func get(port: Int, _ path: String, headers: [String: String] = [:]) throws -> RawResponse? {
        let client = try RawClient(port: port)
        let extra = headers.map { "\($0.key): \($0.value)\r\n" }.joined()
        try client.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(extra)Connection: close\r\n\r\n")
        return client.readResponse()
    }

    public func send(_ text: String) throws { try send(Array(text.utf8)) }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { throw TestError("send failed: errno \(errno)") }
            offset += n
        }
    }

    public func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    /// Reads until the server closes the connection or `timeout` passes; returns everything read.
    public func readUntilClose(timeout: Double = 5) -> [UInt8] {
        var all: [UInt8] = []
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            guard let chunk = readChunk(timeoutMs: Int32(max(1, end.timeIntervalSinceNow * 1000))) else { break }
            if chunk.isEmpty { break }
            all += chunk
        }
        return all
    }

    /// Reads until `all` contains `count` complete responses (by parsing) or the timeout passes.
    public func readResponses(_ count: Int, timeout: Double = 5) -> [RawResponse] {
        var buffer: [UInt8] = []
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            let parsed = RawResponse.parseAll(buffer)
            if parsed.count >= count { return parsed }
            guard let chunk = readChunk(timeoutMs: Int32(max(1, end.timeIntervalSinceNow * 1000))), !chunk.isEmpty else { break }
            buffer += chunk
        }
        return RawResponse.parseAll(buffer)
    }

    public func readResponse(timeout: Double = 5) -> RawResponse? { readResponses(1, timeout: timeout).first }

    /// nil on timeout, empty on EOF.
    public func readChunk(timeoutMs: Int32) -> [UInt8]? {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, timeoutMs) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = recv(fd, &buffer, buffer.count, 0)
        if n <= 0 { return [] }
        return Array(buffer[0..<n])
    }

    /// True when the server has closed the connection (EOF or reset) within `timeout`.
    public func isClosedByServer(timeout: Double = 5) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            guard let chunk = readChunk(timeoutMs: 100) else { continue }
            if chunk.isEmpty { return true }
        }
        return false
    }
}

public struct TestError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
