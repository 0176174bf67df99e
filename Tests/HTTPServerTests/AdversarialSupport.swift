import Foundation
import Glibc
import HTTPServer
import HTTPTestSupport

/// Measurements of this test process taken from /proc, for attacks whose damage is memory, descriptors or CPU
/// rather than a wrong byte on the wire. The server under test runs in this process.
enum ProcessProbe {
    /// Resident set size in bytes.
    static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let digits = line.filter(\.isNumber)
            return (Int(digits) ?? 0) * 1024
        }
        return 0
    }

    /// The calling thread's kernel id, to find an event loop's thread from a handler that runs on it.
    static func currentThreadID() -> Int {
        // /proc/thread-self links to "<pid>/task/<tid>" for whichever thread reads it.
        let link = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self")) ?? ""
        return link.split(separator: "/").last.flatMap { Int($0) } ?? 0
    }

    /// This process's descriptors for accepted TCP connections on local `port` (listening sockets excluded),
    /// keyed by descriptor with the peer's port. Read from /proc/net/tcp and /proc/self/fd.
    static func acceptedConnections(onPort port: Int) -> [Int32: Int] {
        // Read to EOF: /proc files report size 0, and a single-read helper can stop at the first page.
        guard let data = FileHandle(forReadingAtPath: "/proc/net/tcp")?.readDataToEndOfFile() else { return [:] }
        let table = String(decoding: data, as: UTF8.self)
        var peerPortByInode: [String: Int] = [:]
        for line in table.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ")
            guard fields.count > 9, fields[3] != "0A",
                let local = fields[1].split(separator: ":").last, Int(local, radix: 16) == port,
                let remote = fields[2].split(separator: ":").last, let peer = Int(remote, radix: 16)
            else { continue }
            peerPortByInode[String(fields[9])] = peer
        }
        var result: [Int32: Int] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            guard let fd = Int32(name), let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(name)"),
                target.hasPrefix("socket:["), let peer = peerPortByInode[String(target.dropFirst(8).dropLast())]
            else { continue }
            result[fd] = peer
        }
        return result
    }

    /// CPU time (user + system) one thread has used, in seconds.
    static func cpuSeconds(thread: Int) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/self/task/\(thread)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        // Fields after "(comm)": state is field 3, utime 14, stime 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}

extension RawClient {
    /// Makes the next close send a reset instead of a FIN, like a client that crashed or was killed.
    func resetOnClose() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
    }

    /// Sends `bytes` repeatedly until `total` bytes are out, the server stops taking them for `stallMs`, or `seconds` pass;
    /// returns how many bytes the kernel accepted. Bounded every way, so a flood never runs away. The stall allowance
    /// outlasts a few zero-window probes, so a window that reopens late still counts as the server reading.
    func sendUntilStalled(_ bytes: [UInt8], total: Int, stallMs: Int = 1500, seconds: Double = 10) -> Int {
        var timeout = timeval(tv_sec: stallMs / 1000, tv_usec: Int((stallMs % 1000) * 1000))
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var sent = 0
        var offset = 0
        let end = Date().addingTimeInterval(seconds)
        while sent < total, Date() < end {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break }
            sent += n
            offset = (offset + n) % bytes.count
        }
        return sent
    }

    /// This socket's local port, which is the peer port the server sees.
    var localPort: Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Shrinks the kernel receive buffer so that a client that never reads pushes back on the server quickly.
    func shrinkReceiveBuffer() {
        var size: Int32 = 4096
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
    }
}

/// The WebSocket opening handshake every adversarial WebSocket test starts with.
let adversarialHandshake = "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"

/// Opens a WebSocket on `port` and consumes the 101 response.
func openAdversarialWebSocket(port: Int) throws -> RawClient {
    let client = try RawClient(port: port)
    try client.send(adversarialHandshake)
    var head: [UInt8] = []
    while !head.suffix(4).elementsEqual([13, 10, 13, 10]) {
        guard let chunk = client.readChunk(timeoutMs: 3000), !chunk.isEmpty else { throw TestError("no handshake response") }
        head += chunk
        if head.count > 4096 { throw TestError("handshake response too long") }
    }
    guard String(decoding: head, as: UTF8.self).hasPrefix("HTTP/1.1 101") else { throw TestError("handshake refused") }
    return client
}
