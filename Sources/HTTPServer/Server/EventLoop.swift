import CEpoll
import Glibc
import Synchronization

/// One thread running an epoll loop. It owns its listening socket and its connections, and it is the `TaskExecutor`
/// that request handlers run on, so an `async` handler needs no thread hop unless it awaits something elsewhere.
///
/// `@unchecked Sendable`: the mutable state (`connections`, `localJobs`, timers) is touched only on the loop's own thread,
/// which `assertInLoop()` checks in debug builds; work from other threads arrives through the locked `inbox` and the eventfd.
final class EventLoop: TaskExecutor, @unchecked Sendable {
    let epollFD: Int32
    let wakeFD: Int32
    private(set) var threadID: pthread_t?

    var connections: [Int32: Connection] = [:]
    var listenFD: Int32 = -1
    var listenerPaused = false
    var localJobs: [UnownedJob] = []
    let inbox = Mutex<Inbox>(Inbox())
    var stopping = false
    var stopped = false
    let dateCache = HTTPDateCache()
    /// Reads land here first, then only the received bytes are appended to the connection's buffer.
    var readScratch = [UInt8](repeating: 0, count: 64 * 1024)
    // Strong: a running loop keeps its server alive; the server drops its loops when they have all stopped.
    let server: HTTPServer

    struct Inbox: ~Copyable {
        var jobs: [UnownedJob] = []
        var closures: [@Sendable () -> Void] = []
        var wakePending = false
    }

    init(server: HTTPServer) throws(HTTPServerError) {
        self.server = server
        epollFD = jw_epoll_create()
        wakeFD = jw_eventfd()
        guard epollFD >= 0, wakeFD >= 0 else { throw .system("epoll/eventfd", jw_errno()) }
        _ = jw_epoll_ctl(epollFD, EPOLL_CTL_ADD, wakeFD, EPOLLIN.rawValue)
    }

    deinit {
        close(epollFD)
        close(wakeFD)
    }

    var inLoop: Bool {
        guard let threadID else { return false }
        return pthread_equal(threadID, pthread_self()) != 0
    }

    func assertInLoop() { assert(inLoop, "touched an event loop's state from another thread") }

    // MARK: TaskExecutor

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        if inLoop {
            localJobs.append(unowned)
        } else {
            let wake = inbox.withLock { box in
                box.jobs.append(unowned)
                defer { box.wakePending = true }
                return !box.wakePending
            }
            if wake { wakeUp() }
        }
    }

    /// Runs `body` on the loop thread soon (never inline, even when called from the loop).
    func execute(_ body: @escaping @Sendable () -> Void) {
        let wake = inbox.withLock { box in
            box.closures.append(body)
            defer { box.wakePending = true }
            return !box.wakePending
        }
        if wake { wakeUp() }
    }

    private func wakeUp() {
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    // MARK: Loop

    func start() {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        let box = Unmanaged.passRetained(self)
        var thread = pthread_t()
        pthread_create(&thread, &attributes, { raw in
            let loop = Unmanaged<EventLoop>.fromOpaque(raw!).takeRetainedValue()
            loop.run()
            return nil
        }, box.toOpaque())
        pthread_attr_destroy(&attributes)
    }

    private func run() {
        threadID = pthread_self()
        var fds = [Int32](repeating: 0, count: 256)
        var masks = [UInt32](repeating: 0, count: 256)
        var lastSweep = jw_monotonic_ns()
        while !stopped {
            let timeout: Int32 = localJobs.isEmpty ? 250 : 0
            let n = jw_epoll_wait(epollFD, &fds, &masks, 256, timeout)
            if n > 0 {
                for i in 0..<Int(n) { handle(fd: fds[i], mask: masks[i]) }
            }
            runJobs()
            let now = jw_monotonic_ns()
            if now &- lastSweep >= 250_000_000 {
                lastSweep = now
                sweep(now: now)
            }
        }
        for connection in Array(connections.values) { connection.close() }
        runJobs()
        server.loopDidStop(self)
    }

    private func handle(fd: Int32, mask: UInt32) {
        if fd == wakeFD {
            var value: UInt64 = 0
            _ = read(wakeFD, &value, 8)
            return
        }
        if fd == listenFD {
            acceptConnections()
            return
        }
        guard let connection = connections[fd] else { return }
        connection.handleEvents(mask)
    }

    func runJobs() {
        // Jobs may enqueue more jobs; bound the passes so I/O is never starved.
        for _ in 0..<64 {
            let (remoteJobs, closures) = inbox.withLock { box in
                defer {
                    box.jobs.removeAll(keepingCapacity: true)
                    box.closures.removeAll(keepingCapacity: true)
                    box.wakePending = false
                }
                return (box.jobs, box.closures)
            }
            for closure in closures { closure() }
            var jobs = remoteJobs
            if !localJobs.isEmpty {
                jobs.append(contentsOf: localJobs)
                localJobs.removeAll(keepingCapacity: true)
            }
            if jobs.isEmpty { return }
            let executor = asUnownedTaskExecutor()
            for job in jobs { job.runSynchronously(on: executor) }
        }
    }

    private func acceptConnections() {
        while true {
            let fd = jw_accept(listenFD)
            if fd < 0 {
                let e = jw_errno()
                if e == EMFILE || e == ENFILE {
                    // Out of descriptors: stop watching the listener until a connection closes or the next sweep,
                    // instead of spinning on a level-triggered event we cannot act on.
                    pauseListener()
                    server.report("accept: out of file descriptors; raise the open-files limit")
                }
                return
            }
            if stopping {
                close(fd)
                continue
            }
            _ = jw_set_int_option(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
            let connection = Connection(fd: fd, loop: self)
            connections[fd] = connection
            _ = jw_epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, EPOLLIN.rawValue | EPOLLRDHUP.rawValue)
            server.connectionOpened()
        }
    }

    func pauseListener() {
        guard !listenerPaused, listenFD >= 0 else { return }
        listenerPaused = true
        _ = jw_epoll_ctl(epollFD, EPOLL_CTL_DEL, listenFD, 0)
    }

    func resumeListener() {
        guard listenerPaused, listenFD >= 0, !stopping else { return }
        listenerPaused = false
        _ = jw_epoll_ctl(epollFD, EPOLL_CTL_ADD, listenFD, EPOLLIN.rawValue)
    }

    func connectionClosed(_ connection: Connection) {
        connections[connection.fd] = nil
        server.connectionClosed()
        if listenerPaused { resumeListener() }
        if stopping && connections.isEmpty { stopped = true }
    }

    /// Enforces timeouts and, while shutting down, the grace deadline.
    private func sweep(now: UInt64) {
        if listenerPaused { resumeListener() }
        for connection in Array(connections.values) { connection.checkTimeouts(now: now) }
        if stopping {
            if connections.isEmpty || now >= server.shutdownDeadline {
                stopped = true
            }
        }
    }

    /// Begins graceful shutdown on this loop: stop accepting, close idle connections, let in-flight requests finish.
    func beginShutdown() {
        assertInLoop()
        stopping = true
        if listenFD >= 0 {
            if !listenerPaused { _ = jw_epoll_ctl(epollFD, EPOLL_CTL_DEL, listenFD, 0) }
            close(listenFD)
            listenFD = -1
        }
        for connection in Array(connections.values) { connection.beginShutdown() }
        if connections.isEmpty { stopped = true }
    }
}
