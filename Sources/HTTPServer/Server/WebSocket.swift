import CEpoll

/// A server-side WebSocket connection handed to an upgrade handler.
///
/// Read messages with `for await message in socket.messages`; send with ``send(_:)``; the socket closes when the handler
/// returns, when the client closes, or when the server shuts down (close code 1001).
///
/// `@unchecked Sendable`: the protocol state machine and timers are touched only on the owning event loop's thread;
/// public methods hop there first.
public final class WebSocket: @unchecked Sendable {
    let connection: Connection
    var machine: WebSocketStateMachine
    let configuration: WebSocketConfiguration
    private let inbox: WebSocketInbox
    private var handlerTask: Task<Void, Never>?
    private var lastPing: UInt64
    private var closeDeadline: UInt64?
    private var closeWhenDrained = false

    init(connection: Connection, configuration: WebSocketConfiguration) {
        self.connection = connection
        self.configuration = configuration
        machine = WebSocketStateMachine(configuration: configuration)
        lastPing = jw_monotonic_ns()
        inbox = WebSocketInbox(limit: max(64 * 1024, configuration.maxMessageSize)) { [connection] in
            // The handler caught up: read from the socket again.
            connection.onLoop { $0.updateInterest() }
        }
    }

    /// Messages from the client, in order; the sequence ends when the connection closes.
    public var messages: WebSocketMessages { WebSocketMessages(inbox: inbox) }

    /// Whether the connection should read more frames now (the handler is keeping up).
    var wantsMoreInput: Bool { !inbox.isFull }

    /// The close code received or sent, once the closing handshake has begun.
    public var closeCode: UInt16? { machine.closeCode }

    public func send(_ message: WebSocketMessage) async throws {
        try await onLoop { socket in
            guard !socket.connection.isClosed, let frame = socket.machine.encode(message) else { throw HTTPServerError.connectionClosed }
            socket.connection.enqueue(frame)
            socket.connection.flush()
        }
        try await onLoopAsync { socket in try await socket.connection.waitForDrainIfNeeded() }
    }

    public func send(text: String) async throws { try await send(.text(text)) }

    /// Starts the closing handshake; the TCP connection closes when the client answers or after two seconds.
    public func close(code: UInt16 = 1000, reason: String = "") async {
        try? await onLoop { socket in socket.startClose(code: code, reason: reason) }
    }

    // MARK: Loop side

    func start(_ handler: @escaping @Sendable (WebSocket) async -> Void) {
        handlerTask = Task(executorPreference: connection.loop) {
            await handler(self)
            self.connection.onLoop { _ in self.startClose(code: 1000, reason: "") }
        }
    }

    func receiveBuffered() {
        let c = connection
        guard c.inputStart < c.input.count else { return }
        let actions = c.input.withUnsafeBufferPointer { all in machine.receive(UnsafeBufferPointer(rebasing: all[c.inputStart...])) }
        c.inputStart = c.input.count
        perform(actions)
    }

    private func perform(_ actions: [WebSocketStateMachine.Action]) {
        for action in actions {
            switch action {
            case .deliver(let message): inbox.push(message)
            case .send(let bytes):
                guard !connection.isClosed else { return }
                connection.enqueue(bytes)
                connection.flush()
            case .close:
                inbox.finish()
                closeWhenDrained = true
                if connection.pendingOutput == 0 { connection.close() }
            }
        }
    }

    func startClose(code: UInt16, reason: String) {
        guard !connection.isClosed, let frame = machine.startClose(code: code, reason: reason) else { return }
        connection.enqueue(frame)
        closeDeadline = jw_monotonic_ns() + 2_000_000_000
        connection.flush()
    }

    func outputDrained() {
        if closeWhenDrained || machine.isClosed { connection.close() }
    }

    func tick(now: UInt64) {
        if let closeDeadline, now >= closeDeadline {
            connection.close()
            return
        }
        if let interval = configuration.pingInterval, now &- lastPing >= interval.nanoseconds {
            lastPing = now
            if let frame = machine.ping(Array("jw".utf8)) {
                connection.enqueue(frame)
                connection.flush()
            }
        }
    }

    func peerClosed() {
        inbox.finish()
        connection.close()
    }

    func serverIsShuttingDown() { startClose(code: 1001, reason: "server shutting down") }

    func connectionDidClose() {
        inbox.finish()
    }

    private func onLoop(_ body: @escaping @Sendable (WebSocket) throws -> Void) async throws {
        if connection.loop.inLoop {
            try body(self)
            return
        }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            connection.loop.execute {
                do {
                    try body(self)
                    continuation.resume()
                } catch { continuation.resume(throwing: error) }
            }
        }
    }

    private func onLoopAsync(_ body: @escaping @Sendable (WebSocket) async throws -> Void) async throws {
        if connection.loop.inLoop {
            try await body(self)
            return
        }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            connection.loop.execute {
                Task.immediate(executorPreference: self.connection.loop) {
                    do {
                        try await body(self)
                        continuation.resume()
                    } catch { continuation.resume(throwing: error) }
                }
            }
        }
    }
}

extension HTTPResponse {
    /// Answers a WebSocket opening handshake: 101 with the accept value when the request is valid, else 400
    /// (or 426 with `Sec-WebSocket-Version: 13` for an unsupported version).
    public static func webSocketUpgrade(
        request: HTTPRequest, configuration: WebSocketConfiguration = WebSocketConfiguration(),
        handler: @escaping @Sendable (WebSocket) async -> Void
    ) -> HTTPResponse {
        let head = request.head
        switch WebSocketHandshake.validate(method: head.method.rawValue, httpVersionMinor: head.version.minor, header: { head.headers[$0] }) {
        case .success(let accept):
            return HTTPResponse(
                status: .switchingProtocols,
                headers: ["Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Accept": accept],
                body: .webSocket(configuration, handler))
        case .failure(let error):
            var headers: HTTPHeaders = ["Content-Type": "application/problem+json"]
            if error.needsVersionHeader { headers.add(name: "Sec-WebSocket-Version", value: "13") }
            let status: HTTPStatus = error.needsVersionHeader ? HTTPStatus(code: 426, reasonPhrase: "Upgrade Required") : .badRequest
            let body = #"{"type":"about:blank","title":"\#(status.reasonPhrase)","status":\#(status.code),"detail":"\#(error.reason)"}"#
            return HTTPResponse(status: status, headers: headers, body: .bytes(Array(body.utf8)))
        }
    }
}
