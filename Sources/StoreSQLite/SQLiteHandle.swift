import CSQLite

/// The raw `sqlite3*` of a connection, shared with cancellation handlers.
///
/// `@unchecked Sendable` is safe: the pointer is only used on the connection's own queue, except for
/// `sqlite3_interrupt`, which SQLite documents as callable from any thread, and the connection is opened with
/// `SQLITE_OPEN_FULLMUTEX` as a second guard. `interrupt()` is never called after `close` because the
/// connection closes only when no task uses it.
final class SQLiteHandle: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// Makes the running statement fail with `SQLITE_INTERRUPT` as soon as possible.
    func interrupt() {
        sqlite3_interrupt(pointer)
    }
}
