import CLibPQ
import Synchronization

/// Sends a cancel request for the statement running on one connection, from any thread.
///
/// `PQcancel` is documented as thread-safe; the `PGcancel*` itself is created and freed under the mutex, so a
/// cancellation racing with the connection closing never touches freed memory.
final class PostgresCanceller: Sendable {
    /// A `PGcancel*`. `@unchecked Sendable` is safe: it is only created, used and freed inside the mutex.
    private struct CancelHandle: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    private struct State {
        var cancel: CancelHandle?
        var requested = false
    }

    private let state = Mutex(State())

    /// Installs the cancel handle of a freshly opened connection.
    func attach(to connection: OpaquePointer) {
        state.withLock { state in
            if let old = state.cancel { PQfreeCancel(old.pointer) }
            state.cancel = PQgetCancel(connection).map(CancelHandle.init)
        }
    }

    func detach() {
        state.withLock { state in
            if let old = state.cancel { PQfreeCancel(old.pointer) }
            state.cancel = nil
        }
    }

    /// Asks the server to cancel the running statement; remembers the request so the resulting error reads
    /// as a cancellation, not a timeout.
    func cancel() {
        state.withLock { state in
            guard let cancel = state.cancel else { return }
            state.requested = true
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(cancel.pointer, &buffer, Int32(buffer.count))
        }
    }

    /// Whether a cancel was requested since the last call; resets the flag.
    func takeRequest() -> Bool {
        state.withLock { state in
            defer { state.requested = false }
            return state.requested
        }
    }
}
