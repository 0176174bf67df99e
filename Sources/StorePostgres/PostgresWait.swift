import CLibPQ
import Glibc

/// Waits on the caller's thread, for a bounded time, for the answer to a request sent with a `PQsend…` call.
enum PostgresWait {
    /// Whether the next `PQgetResult` can return without waiting for the network, checked until `budget` runs out.
    /// A broken connection counts as arrived: `PQgetResult` then reports the failure at once.
    static func resultArrives(on connection: OpaquePointer, within budget: Duration) -> Bool {
        let deadline = ContinuousClock.now + budget
        // Just after sending nothing has arrived yet: poll before reading, which saves a recv that would find nothing.
        while PQisBusy(connection) != 0 {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return false }
            // poll counts whole milliseconds; round up so a sub-millisecond budget still waits.
            let milliseconds = Int32(clamping: remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1)
            var descriptor = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, milliseconds)
            if ready == 0 { return false }
            if ready < 0, errno != EINTR { return true }
            guard PQconsumeInput(connection) == 1 else { return true }
        }
        return true
    }
}
