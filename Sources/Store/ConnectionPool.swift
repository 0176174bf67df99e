import Synchronization

/// A bounded pool of connections, shared by the drivers: hands out idle connections, opens new ones up to
/// `maximum`, and queues callers first-in first-out when all are busy.
///
/// The pool never touches a connection; the driver decides when one is broken (``discard(_:)``).
package final class ConnectionPool<Connection: Sendable & AnyObject>: Sendable {
    private enum Grant: Sendable {
        case connection(Connection)
        /// A slot was reserved for the waiter: it opens a connection itself.
        case open
    }

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Grant, any Error>
    }

    private struct State {
        var idle: [Connection] = []
        /// Connections open or being opened, idle or in use.
        var open = 0
        var waiters: [Waiter] = []
        var nextWaiterID: UInt64 = 0
        var closed = false
    }

    private let state = Mutex(State())
    private let maximum: Int
    private let openConnection: @Sendable () async throws -> Connection
    private let closeConnection: @Sendable (Connection) async -> Void

    /// - Parameters:
    ///   - maximum: the most connections open at once (≥ 1).
    ///   - open: opens a new connection; its error reaches the caller of ``acquire()``.
    ///   - close: closes a connection that leaves the pool.
    ///   - initial: connections already open (at most `maximum`), handed out first.
    package init(
        maximum: Int, initial: [Connection] = [], open: @escaping @Sendable () async throws -> Connection,
        close: @escaping @Sendable (Connection) async -> Void
    ) {
        precondition(maximum >= 1 && initial.count <= maximum, "a pool needs at least one connection and at most maximum initial ones")
        self.maximum = maximum
        state.withLock { state in
            state.idle = initial
            state.open = initial.count
        }
        openConnection = open
        closeConnection = close
    }

    /// Takes a connection, waiting for one when all are busy. Give it back with ``release(_:)`` or ``discard(_:)``.
    ///
    /// - Throws: ``StoreError/Reason/cancelled`` when the task is cancelled while waiting,
    ///   ``StoreError/Reason/misuse`` after ``close()``, or the error of opening a connection.
    package func acquire() async throws -> Connection {
        // Fast path without suspending: an idle connection is there (the common case under light load).
        let (idle, id) = state.withLock { state -> (Connection?, UInt64) in
            if !state.closed, let connection = state.idle.popLast() { return (connection, 0) }
            state.nextWaiterID += 1
            return (nil, state.nextWaiterID)
        }
        if let idle { return idle }
        let grant: Grant = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let immediate: Result<Grant, any Error>? = state.withLock { state in
                    if state.closed { return .failure(Self.closedError) }
                    if let connection = state.idle.popLast() { return .success(.connection(connection)) }
                    if state.open < maximum {
                        state.open += 1
                        return .success(.open)
                    }
                    // Checked under the lock: the cancellation handler takes the same lock, so a waiter is
                    // either seen by it or never queued.
                    if Task.isCancelled { return .failure(Self.cancelledError) }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: Self.cancelledError)
        }
        switch grant {
        case .connection(let connection):
            return connection
        case .open:
            do {
                return try await openConnection()
            } catch {
                freeSlot()
                throw error
            }
        }
    }

    /// Gives a healthy connection back.
    package func release(_ connection: Connection) {
        // (waiter to hand over to, whether to close because the pool is closed)
        let (waiter, mustClose) = state.withLock { state -> (Waiter?, Bool) in
            if state.closed {
                state.open -= 1
                return (nil, true)
            }
            if !state.waiters.isEmpty { return (state.waiters.removeFirst(), false) }
            state.idle.append(connection)
            return (nil, false)
        }
        if let waiter { waiter.continuation.resume(returning: Grant.connection(connection)) }
        if mustClose { Task { await closeConnection(connection) } }
    }

    /// Closes a broken connection and frees its slot (a waiter, if any, opens a new one).
    package func discard(_ connection: Connection) async {
        await closeConnection(connection)
        freeSlot()
    }

    /// Closes idle connections, fails waiters, and closes busy connections as they come back.
    package func close() async {
        let (idle, waiters) = state.withLock { state in
            state.closed = true
            let taken = (state.idle, state.waiters)
            state.open -= state.idle.count
            state.idle = []
            state.waiters = []
            return taken
        }
        for waiter in waiters { waiter.continuation.resume(throwing: Self.closedError) }
        for connection in idle { await closeConnection(connection) }
    }

    private func freeSlot() {
        let waiter = state.withLock { state -> Waiter? in
            guard !state.closed, !state.waiters.isEmpty else {
                state.open -= 1
                return nil
            }
            // The slot passes straight to the first waiter, which opens its own connection.
            return state.waiters.removeFirst()
        }
        waiter?.continuation.resume(returning: .open)
    }

    private static var closedError: StoreError { StoreError(.misuse, message: "the store is closed") }
    private static var cancelledError: StoreError { StoreError(.cancelled, message: "cancelled while waiting for a connection") }
}
