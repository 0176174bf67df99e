/// What answering a request needs to know about it.
struct Exchange: Sendable {
    let method: HTTPMethod
    let version: HTTPVersion
    let keepAlive: Bool

    init(method: HTTPMethod, version: HTTPVersion, keepAlive: Bool) {
        self.method = method
        self.version = version
        self.keepAlive = keepAlive
    }

    init(_ head: HTTPRequestHead) { self.init(method: head.method, version: head.version, keepAlive: head.keepAlive) }
}

extension Connection {
    /// Serialises `response` for the request `head` and starts writing it.
    func send(_ response: HTTPResponse, for head: Exchange) {
        guard case .handling = state else { return }
        var keepAlive = head.keepAlive && !shuttingDown
        let omitBody = head.method == .head || response.status.forbidsBody
        switch response.body {
        case .bytes(let body):
            var out = statusAndHeaders(response, version: head.version, keepAlive: keepAlive, skipFraming: true)
            if !response.status.forbidsBody { appendHeader(&out, "Content-Length", String(body.count)) }
            out.append(contentsOf: [0x0D, 0x0A])
            if !omitBody { out.append(contentsOf: body) }
            state = .writing(keepAlive: keepAlive)
            enqueue(out)
            flush()
        case .stream(let produce):
            let knownLength = response.headers["Content-Length"] != nil
            // HTTP/1.0 cannot take chunked: its body is delimited by closing the connection.
            let chunked = !knownLength && !omitBody && head.version == .http1_1
            if !knownLength && !chunked && !omitBody { keepAlive = false }
            var out = statusAndHeaders(response, version: head.version, keepAlive: keepAlive, skipFraming: !knownLength)
            if chunked { appendHeader(&out, "Transfer-Encoding", "chunked") }
            out.append(contentsOf: [0x0D, 0x0A])
            enqueue(out)
            if omitBody {
                state = .writing(keepAlive: keepAlive)
                flush()
                return
            }
            let declared = knownLength ? response.headers["Content-Length"].flatMap(Int.init) : nil
            if knownLength && declared == nil {
                // A Content-Length that is not a number cannot frame the stream; delimit by closing instead.
                keepAlive = false
            }
            state = .streaming(chunked: chunked)
            streamRemaining = declared
            flush()
            let writer = ResponseBodyWriter(connection: self)
            let finalKeepAlive = keepAlive
            streamTask = Task(executorPreference: loop) {
                do {
                    try await produce(writer)
                } catch {
                    // A producer error after the head was sent cannot change the status; the stream just ends.
                }
                self.onLoop { $0.finishStream(keepAlive: finalKeepAlive) }
            }
        case .webSocket(let configuration, let handler):
            guard response.status == .switchingProtocols else {
                state = .handling
                send(HTTPResponse(status: .internalServerError), for: head)
                return
            }
            var out = statusAndHeaders(response, version: head.version, keepAlive: true, skipFraming: true)
            out.append(contentsOf: [0x0D, 0x0A])
            enqueue(out)
            state = .webSocket
            let socket = WebSocket(connection: self, configuration: configuration)
            webSocket = socket
            flush()
            socket.start(handler)
            processInput()
        }
    }

    /// Called on the loop when a streaming producer returns.
    func finishStream(keepAlive: Bool) {
        streamTask = nil
        guard case .streaming(let chunked) = state else { return }
        if chunked { enqueue(Array("0\r\n\r\n".utf8)) }
        // A stream that ended short of its declared length leaves the client waiting for bytes that never come:
        // the only honest end is closing the connection.
        let complete = (streamRemaining ?? 0) == 0
        streamRemaining = nil
        state = .writing(keepAlive: keepAlive && complete)
        flush()
    }

    /// Queues one piece of a streamed body, framing it as a chunk when needed; waits while the output is above the high watermark.
    func writeStreamed(_ bytes: [UInt8]) async throws {
        guard case .streaming(let chunked) = state else { throw HTTPServerError.connectionClosed }
        if Task.isCancelled { throw HTTPServerError.connectionClosed }
        guard !bytes.isEmpty else { return }
        if let remaining = streamRemaining, bytes.count > remaining {
            // Never send more than the declared Content-Length: extra bytes would read as a forged next response.
            // The declared body is completed with what fits, and the producer is told to stop.
            streamRemaining = 0
            if remaining > 0 { try await writeStreamed(Array(bytes.prefix(remaining))) }
            throw HTTPServerError.declaredLengthExceeded
        }
        if let remaining = streamRemaining { streamRemaining = remaining - bytes.count }
        if chunked {
            enqueue(Array((String(bytes.count, radix: 16) + "\r\n").utf8))
            enqueue(bytes)
            enqueue([0x0D, 0x0A])
        } else {
            enqueue(bytes)
        }
        flush()
        try await waitForDrainIfNeeded()
    }

    func waitForDrainIfNeeded() async throws {
        if isClosed { throw HTTPServerError.connectionClosed }
        guard pendingOutput >= configuration.writeHighWatermark else { return }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            drainWaiters.append(continuation)
        }
    }

    private func statusAndHeaders(_ response: HTTPResponse, version: HTTPVersion, keepAlive: Bool, skipFraming: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        if version == .http1_1, response.status.code == 200, response.status.reasonPhrase == "OK" {
            out.append(contentsOf: Self.http11OK)  // the common case, from ready bytes
        } else {
            out.append(contentsOf: version == .http1_0 ? Self.http10Prefix : Self.http11Prefix)
            out.append(contentsOf: String(response.status.code).utf8)
            out.append(0x20)
            Self.appendWithoutLineBreaks(&out, response.status.reasonPhrase)
            out.append(contentsOf: [0x0D, 0x0A])
        }
        out.append(contentsOf: loop.dateCache.current())
        for field in response.headers {
            if skipFraming && (HTTPHeaders.equalsIgnoringCase(field.name, "content-length")
                || HTTPHeaders.equalsIgnoringCase(field.name, "transfer-encoding")) { continue }
            if HTTPHeaders.equalsIgnoringCase(field.name, "connection") && response.status != .switchingProtocols { continue }
            if HTTPHeaders.equalsIgnoringCase(field.name, "date") { continue }
            appendHeader(&out, field.name, field.value)
        }
        if response.status != .switchingProtocols {
            if !keepAlive {
                out.append(contentsOf: Self.connectionClose)
            } else if version == .http1_0 {
                out.append(contentsOf: Self.connectionKeepAlive)
            }
        }
        return out
    }

    /// Appends `name: value` CRLF, dropping CR and LF from both so a handler can never inject a header or split the response.
    private func appendHeader(_ out: inout [UInt8], _ name: String, _ value: String) {
        Self.appendWithoutLineBreaks(&out, name)
        out.append(contentsOf: [0x3A, 0x20])
        Self.appendWithoutLineBreaks(&out, value)
        out.append(contentsOf: [0x0D, 0x0A])
    }

    /// Copies the UTF-8 bytes in one go when they hold no CR or LF (the normal case), byte by byte otherwise.
    private static func appendWithoutLineBreaks(_ out: inout [UInt8], _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            if !bytes.contains(where: { $0 == 0x0D || $0 == 0x0A }) {
                out.append(contentsOf: bytes)
            } else {
                for b in bytes where b != 0x0D && b != 0x0A { out.append(b) }
            }
        }
    }

    private static let http11Prefix: [UInt8] = Array("HTTP/1.1 ".utf8)
    private static let http11OK: [UInt8] = Array("HTTP/1.1 200 OK\r\n".utf8)
    private static let http10Prefix: [UInt8] = Array("HTTP/1.0 ".utf8)
    private static let connectionClose: [UInt8] = Array("Connection: close\r\n".utf8)
    private static let connectionKeepAlive: [UInt8] = Array("Connection: keep-alive\r\n".utf8)
}

/// Writes the body of a streamed response. Each write is flushed at once (Server-Sent Events need that) and waits while the
/// client reads slower than the producer writes. Writes after the client left throw ``HTTPServerError/connectionClosed``.
public final class ResponseBodyWriter: Sendable {
    let connection: Connection

    init(connection: Connection) { self.connection = connection }

    public func write(_ bytes: [UInt8]) async throws {
        let connection = self.connection
        if connection.loop.inLoop {
            try await connection.writeStreamed(bytes)
        } else {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                connection.loop.execute {
                    Task.immediate(executorPreference: connection.loop) {
                        do {
                            try await connection.writeStreamed(bytes)
                            continuation.resume()
                        } catch {
                            continuation.resume(throwing: error)
                        }
                    }
                }
            }
        }
    }

    public func write(_ text: String) async throws { try await write(Array(text.utf8)) }
}
