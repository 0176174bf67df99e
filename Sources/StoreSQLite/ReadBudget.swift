import CSQLite
import Glibc

/// How long the running read may still take on the caller's thread, checked by SQLite's progress handler.
///
/// A read that runs past its budget is stopped (the handler returns non-zero, the step fails with
/// `SQLITE_INTERRUPT`) and the store runs it again on a Dispatch thread. Stopping a read is harmless: it has
/// returned nothing yet and changes nothing, and outside a transaction the second run simply reads a newer
/// snapshot. This bounds how long one query can hold an event-loop or cooperative thread, while a point select
/// (a few dozen virtual-machine steps) never even reaches the handler.
struct ReadBudget {
    /// Monotonic nanoseconds after which the handler stops the statement; 0 for no limit.
    private var deadline: UInt64 = 0
    private(set) var wasExceeded = false

    /// Virtual-machine steps between two clock readings (a few microseconds of work).
    private static let stepsBetweenChecks: Int32 = 1000

    mutating func start(_ budget: Duration?) {
        wasExceeded = false
        guard let budget else {
            deadline = 0
            return
        }
        let nanoseconds = UInt64(budget.components.seconds) * 1_000_000_000 + UInt64(budget.components.attoseconds / 1_000_000_000)
        deadline = Self.now() + max(nanoseconds, 1)
    }

    mutating func stop() {
        deadline = 0
    }

    /// Installs the progress handler on `db`; `budget` must outlive the connection.
    static func install(_ budget: UnsafeMutablePointer<ReadBudget>, on db: OpaquePointer) {
        sqlite3_progress_handler(
            db, stepsBetweenChecks,
            { context in
                guard let budget = context?.assumingMemoryBound(to: ReadBudget.self) else { return 0 }
                let deadline = budget.pointee.deadline
                guard deadline != 0, ReadBudget.now() > deadline else { return 0 }
                budget.pointee.wasExceeded = true
                return 1
            }, budget)
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
