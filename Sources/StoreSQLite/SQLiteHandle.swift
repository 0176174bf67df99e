import CSQLite

/// The raw `sqlite3*` of a connection, for cancellation handlers, which run on another thread while the
/// connection's lock is held by the statement they stop.
///
/// `@unchecked Sendable` is safe: the only call made through it is `sqlite3_interrupt`, which SQLite documents as
/// callable from any thread at any time; everything else goes through the connection's lock. `interrupt()` is
/// never called after `close` because a cancellation handler is installed only while a task holds the connection,
/// and the connection closes only when no task holds it.
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
