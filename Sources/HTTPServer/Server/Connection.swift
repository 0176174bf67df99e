import CEpoll
import Glibc

/// One accepted TCP connection and its HTTP/1.1 state.
///
/// `@unchecked Sendable`: a connection is created, read, written and closed only on its event loop's thread. Handler tasks
/// capture it, but they run on that loop too (the loop is their preferred task executor), and every entry point from a task
/// checks `loop.inLoop` and hops to the loop when it is not.
final class Connection: @unchecked Sendable {
    enum State {
        /// Waiting for the first byte of a request.
        case idle
        /// Some bytes of a head have arrived; the header timeout runs from `since`.
        case readingHead(since: UInt64)
        case readingBody(HTTPRequestHead, BodyProgress)
        /// A handler is producing the response.
        case handling
        /// A streamed response is being written.
        case streaming(chunked: Bool)
        /// The response is queued; when the output drains the exchange ends.
        case writing(keepAlive: Bool)
        case webSocket
        /// After an error response: the write side is shut, input is drained until EOF or the deadline, then the socket closes.
        /// This keeps the kernel from answering unread input with a reset that would destroy the response.
        case lingering(until: UInt64)
        case closed
    }

    enum BodyProgress {
        case length(remaining: Int, body: [UInt8])
        case chunked(ChunkedBodyDecoder, body: [UInt8])
    }

    let fd: Int32
    // Strong: handler tasks may outlive the connection's place in the loop's table; the loop drops closed connections.
    let loop: EventLoop
    let remoteAddress: String
    var state = State.idle
    var input: [UInt8] = []
    var inputStart = 0
    var output: [UInt8] = []
    var outputStart = 0
    var lastRead: UInt64
    var lastWriteProgress: UInt64
    var interest: UInt32 = 0
    var peerClosed = false
    var shuttingDown = false
    var processing = false
    var drainWaiters: [CheckedContinuation<Void, any Error>] = []
    var streamTask: Task<Void, Never>?
    /// Bytes still owed by a streamed response that declared its Content-Length.
    var streamRemaining: Int?
    var webSocket: WebSocket?

    init(fd: Int32, loop: EventLoop) {
        self.fd = fd
        self.loop = loop
        var address = [CChar](repeating: 0, count: 64)
        jw_peer_address(fd, &address, 64)
        remoteAddress = String(decoding: address.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        lastRead = jw_monotonic_ns()
        lastWriteProgress = lastRead
        interest = EPOLLIN.rawValue | EPOLLRDHUP.rawValue
    }

    var isClosed: Bool {
        if case .closed = state { return true }
        return false
    }

    var pendingOutput: Int { output.count - outputStart }

    var configuration: HTTPServerConfiguration { loop.server.configuration }

    // MARK: Events

    func handleEvents(_ mask: UInt32) {
        if mask & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 {
            readAvailable()
        }
        // EPOLLERR/EPOLLHUP: the socket is dead both ways (a reset). Nothing can be written any more, and epoll reports
        // these whatever the interest mask, so keeping the socket would make the loop spin.
        if !isClosed, mask & (EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 {
            close()
            return
        }
        if !isClosed, mask & EPOLLOUT.rawValue != 0 {
            flush()
        }
    }

    private func readAvailable() {
        let scratchSize = loop.readScratch.count
        var gotData = false
        // At most 1 MiB per wake-up, so one fast sender cannot starve the loop's other connections (epoll is level-triggered:
        // what is left is reported again on the next pass).
        for _ in 0..<16 {
            let received = loop.readScratch.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress, scratchSize) }
            if received > 0 {
                gotData = true
                if case .lingering = state { continue }
                loop.readScratch.withUnsafeBytes { raw in
                    input.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[0..<received]))
                }
                if received < scratchSize { break }
                if input.count - inputStart > 4 * configuration.limits.maxHeaderBytes, !wantsRead { break }
                continue
            }
            if received == 0 {
                peerClosed = true
                break
            }
            let e = jw_errno()
            if e == EAGAIN || e == EWOULDBLOCK { break }
            if e == EINTR { continue }
            // A read error (ECONNRESET…) means the client is gone: no response can reach it.
            close()
            return
        }
        if gotData { lastRead = jw_monotonic_ns() }
        if case .lingering = state {
            if peerClosed { close() }
            return
        }
        processInput()
        if isClosed { return }
        if peerClosed { handlePeerClosed() }
        updateInterest()
    }

    /// The client closed its side. A response in progress is still written (it may only have half-closed);
    /// otherwise there is nothing left to do.
    func handlePeerClosed() {
        switch state {
        case .idle, .readingHead, .readingBody, .lingering: close()
        case .webSocket: webSocket?.peerClosed()
        case .handling, .streaming, .writing, .closed: break
        }
    }

    /// Whether the loop should watch for input now. While a request is in flight, pipelined input is only buffered up to a bound.
    var wantsRead: Bool {
        if peerClosed { return false }
        switch state {
        case .handling, .streaming, .writing: return input.count - inputStart < 64 * 1024
        // A WebSocket reads only while its handler keeps up and the client reads our frames (pongs included).
        case .webSocket: return pendingOutput < configuration.writeHighWatermark && (webSocket?.wantsMoreInput ?? false)
        case .closed: return false
        default: return true
        }
    }

    func updateInterest() {
        guard !isClosed else { return }
        var wanted: UInt32 = 0
        if wantsRead { wanted |= EPOLLIN.rawValue | EPOLLRDHUP.rawValue }
        if pendingOutput > 0 { wanted |= EPOLLOUT.rawValue }
        if wanted != interest {
            interest = wanted
            _ = jw_epoll_ctl(loop.epollFD, EPOLL_CTL_MOD, fd, wanted)
        }
    }

    // MARK: Writing

    func enqueue(_ bytes: [UInt8]) {
        // After close the descriptor number may already belong to another socket: never queue for it.
        guard !isClosed else { return }
        if output.isEmpty { output = bytes } else { output.append(contentsOf: bytes) }
    }

    /// Writes as much buffered output as the socket takes; then finishes the exchange or wakes writers when drained.
    func flush() {
        guard !isClosed else { return }
        while outputStart < output.count {
            let sent = output.withUnsafeBytes { raw in
                jw_send(fd, raw.baseAddress! + outputStart, raw.count - outputStart)
            }
            if sent > 0 {
                outputStart += sent
                lastWriteProgress = jw_monotonic_ns()
                continue
            }
            let e = jw_errno()
            if e == EINTR { continue }
            if e == EAGAIN || e == EWOULDBLOCK { break }
            close()
            return
        }
        if outputStart == output.count {
            output.removeAll(keepingCapacity: output.capacity <= 256 * 1024)
            outputStart = 0
            outputDrained()
        } else if outputStart > 64 * 1024 {
            output.removeFirst(outputStart)
            outputStart = 0
        }
        if !isClosed && pendingOutput < configuration.writeHighWatermark / 2 { resumeDrainWaiters(nil) }
        updateInterest()
    }

    private func outputDrained() {
        switch state {
        case .writing(let keepAlive):
            // After a half-close, requests already received are still answered; then the connection ends.
            let moreBuffered = inputStart < input.count
            if keepAlive && !shuttingDown && (!peerClosed || moreBuffered) {
                state = .idle
                lastRead = jw_monotonic_ns()
                if !processing {
                    processInput()
                    if peerClosed, !isClosed { handlePeerClosed() }
                }
            } else {
                closeGracefully()
            }
        case .webSocket:
            webSocket?.outputDrained()
        default:
            break
        }
    }

    func resumeDrainWaiters(_ error: (any Error)?) {
        guard !drainWaiters.isEmpty else { return }
        let waiters = drainWaiters
        drainWaiters.removeAll()
        for waiter in waiters {
            if let error { waiter.resume(throwing: error) } else { waiter.resume() }
        }
    }

    // MARK: Closing

    /// Half-closes and drains input briefly so that the client reads the whole response before the socket goes.
    func closeGracefully() {
        guard !isClosed else { return }
        if peerClosed {
            close()
            return
        }
        shutdown(fd, Int32(SHUT_WR))
        state = .lingering(until: jw_monotonic_ns() + 2_000_000_000)
        input.removeAll()
        inputStart = 0
        updateInterest()
    }

    func close() {
        guard !isClosed else { return }
        state = .closed
        _ = jw_epoll_ctl(loop.epollFD, EPOLL_CTL_DEL, fd, 0)
        Glibc.close(fd)
        input = []
        inputStart = 0
        output = []
        outputStart = 0
        resumeDrainWaiters(HTTPServerError.connectionClosed)
        streamTask?.cancel()
        webSocket?.connectionDidClose()
        loop.connectionClosed(self)
    }

    func checkTimeouts(now: UInt64) {
        let config = configuration
        switch state {
        case .idle:
            if now &- lastRead > config.idleTimeout.nanoseconds { close() }
        case .readingHead(let since):
            if now &- since > config.headerTimeout.nanoseconds { fail(HTTPParseError(.requestTimeout, "request head not received in time")) }
        case .readingBody:
            if now &- lastRead > config.bodyTimeout.nanoseconds { fail(HTTPParseError(.requestTimeout, "request body not received in time")) }
        case .lingering(let until):
            if now >= until { close() }
        case .webSocket:
            webSocket?.tick(now: now)
        case .handling, .streaming, .writing, .closed:
            break
        }
        if !isClosed, pendingOutput > 0, now &- lastWriteProgress > config.writeTimeout.nanoseconds { close() }
    }

    func beginShutdown() {
        shuttingDown = true
        switch state {
        case .idle: close()
        case .lingering: close()
        case .streaming: streamTask?.cancel()
        case .webSocket: webSocket?.serverIsShuttingDown()
        default: break
        }
    }
}
