import CEpoll
import Glibc
import Synchronization

/// An HTTP/1.1 server: one epoll event loop per core, each accepting on its own `SO_REUSEPORT` socket.
///
/// ```swift
/// let server = HTTPServer(configuration: .init(port: 8080), responder: router)
/// try server.start()
/// // … on SIGTERM:
/// server.shutdown(gracePeriod: .seconds(10))
/// await server.waitUntilStopped()
/// ```
public final class HTTPServer: Sendable {
    public let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let diagnostics: @Sendable (String) -> Void
    private let state = Mutex<State>(State())
    private let openConnectionCount = Atomic<Int>(0)
    private let inFlightCount = Atomic<Int>(0)
    private let deadline = Atomic<UInt64>(UInt64.max)

    private struct State: ~Copyable {
        var loops: [EventLoop] = []
        var port = 0
        var running = 0
        var started = false
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
    }

    /// - Parameters:
    ///   - diagnostics: receives one-line messages about server trouble (never request content).
    public init(
        configuration: HTTPServerConfiguration, responder: any HTTPResponder, diagnostics: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.responder = responder
        self.diagnostics = diagnostics
    }

    /// Binds the listening sockets and starts the event loops. Throws when the address cannot be bound.
    public func start() throws(HTTPServerError) {
        jw_ignore_sigpipe()
        Self.raiseOpenFilesLimit()
        var loops: [EventLoop] = []
        var port = configuration.port
        for _ in 0..<configuration.eventLoops {
            let loop = try EventLoop(server: self)
            let fd = configuration.host.withCString { jw_listen($0, UInt16(port), Int32(configuration.backlog), 1) }
            if fd < 0 {
                for started in loops where started.listenFD >= 0 { Glibc.close(started.listenFD) }
                if -fd == EINVAL { throw .invalidAddress(configuration.host) }
                throw .system("bind \(configuration.host):\(port)", -fd)
            }
            if port == 0 { port = Int(jw_local_port(fd)) }
            loop.listenFD = fd
            _ = jw_epoll_ctl(loop.epollFD, EPOLL_CTL_ADD, fd, EPOLLIN.rawValue)
            loops.append(loop)
        }
        state.withLock { s in
            s.loops = loops
            s.port = port
            s.running = loops.count
            s.started = true
        }
        for loop in loops { loop.start() }
    }

    /// Raises the soft open-files limit to the hard limit: every connection is a descriptor, and the common default of 1,024
    /// would let a thousand idle clients lock everyone else out. Returns the new limit, or nil when it could not be read.
    @discardableResult
    public static func raiseOpenFilesLimit() -> Int? {
        let limit = jw_raise_nofile()
        return limit > 0 ? limit : nil
    }

    /// The port the server listens on (the chosen one when configured with port 0).
    public var port: Int { state.withLock { $0.port } }

    public var openConnections: Int { openConnectionCount.load(ordering: .relaxed) }
    public var requestsInFlight: Int { inFlightCount.load(ordering: .relaxed) }

    /// Stops accepting, closes idle connections, lets in-flight requests finish until the grace period ends, then closes the rest.
    public func shutdown(gracePeriod: Duration = .seconds(10)) {
        let loops = state.withLock { $0.loops }
        deadline.store(jw_monotonic_ns() + gracePeriod.nanoseconds, ordering: .relaxed)
        for loop in loops { loop.execute { loop.beginShutdown() } }
    }

    /// Returns once every event loop has stopped (after ``shutdown(gracePeriod:)``).
    public func waitUntilStopped() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { s in
                if s.started && s.running == 0 { return true }
                s.stopWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    // MARK: Called by event loops

    var shutdownDeadline: UInt64 { deadline.load(ordering: .relaxed) }

    func loopDidStop(_ loop: EventLoop) {
        let waiters = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            s.running -= 1
            guard s.running == 0 else { return [] }
            s.loops = []  // break the server ↔ loop cycle
            defer { s.stopWaiters = [] }
            return s.stopWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    func connectionOpened() { openConnectionCount.add(1, ordering: .relaxed) }
    func connectionClosed() { openConnectionCount.subtract(1, ordering: .relaxed) }
    func requestStarted() { inFlightCount.add(1, ordering: .relaxed) }
    func requestFinished() { inFlightCount.subtract(1, ordering: .relaxed) }
    func report(_ message: String) { diagnostics(message) }
}
