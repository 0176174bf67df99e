import Foundation
public import Store

/// The embedded store: one SQLite file (by default `<data-dir>/jianwu.db`).
///
/// Settings, and why:
/// - `journal_mode=WAL`: readers never block the writer nor the writer the readers.
/// - `synchronous=FULL`: in WAL mode, `NORMAL` syncs the WAL only at checkpoints, so a power loss can roll back
///   the last transactions that were already acknowledged. `FULL` syncs the WAL at every commit: once
///   ``execute(_:)`` or ``withTransaction(isolation:body:)`` returns, the change survives a power cut.
/// - `foreign_keys=ON`: SQLite leaves them off by default; the schema relies on them.
/// - `busy_timeout`: another *process* holding the write lock (a `jianwu backup` or the `sqlite3` shell) makes
///   us wait instead of failing at once.
///
/// Concurrency: one writer connection and a pool of read-only connections. Writers queue in process for the single
/// writer connection (transactions start with `BEGIN IMMEDIATE`), so concurrent writes never meet "database is
/// locked"; reads run in parallel on the readers, each seeing the last committed state. Cancelling a task interrupts
/// its running statement (`sqlite3_interrupt`).
///
/// Threads: a statement runs on the caller's thread when it is short by nature, and on a Dispatch thread
/// (``BlockingQueue``) when it may block for milliseconds:
/// - reads (outside or inside a transaction) run inline: a WAL read never waits for a lock, so it is CPU work like
///   any other. A read still running after ``Configuration/inlineReadBudget`` is stopped and run again off-thread,
///   so one long scan cannot hold an event loop;
/// - writes inside ``withTransaction(isolation:body:)`` run inline too: they only change pages in memory (the WAL is
///   written and synced at COMMIT). The trade-off: a single huge `UPDATE` inside a transaction holds the calling
///   thread (for Jianwu's HTTP handlers, an event loop) for as long as it runs, because a write cannot be stopped
///   and restarted without rolling back the transaction;
/// - `BEGIN IMMEDIATE` (may wait up to ``Configuration/busyTimeout`` for another process), `COMMIT` and writes
///   outside a transaction (an `fsync` each, milliseconds on a real disk), scripts and backups go off-thread.
public final class SQLiteStore: Store {
    /// Tuning; the defaults suit the 2-core server.
    public struct Configuration: Sendable {
        /// Read-only connections for reads outside transactions.
        public var readerCount: Int
        /// How long to wait for a lock held by another process before failing with ``StoreError/Reason/busy``.
        public var busyTimeout: Duration
        /// Prepared statements kept per connection.
        public var statementCacheCapacity: Int
        /// How long a read may run on the caller's thread before it is stopped and run again on a Dispatch thread.
        public var inlineReadBudget: Duration

        public init(
            readerCount: Int = 4, busyTimeout: Duration = .seconds(5), statementCacheCapacity: Int = 128,
            inlineReadBudget: Duration = .milliseconds(2)
        ) {
            self.readerCount = readerCount
            self.busyTimeout = busyTimeout
            self.statementCacheCapacity = statementCacheCapacity
            self.inlineReadBudget = inlineReadBudget
        }
    }

    public var dialect: SQLDialect { .sqlite }
    /// The database file.
    public let path: String
    private let writer: ConnectionPool<SQLiteConnection>
    private let readers: ConnectionPool<SQLiteConnection>
    /// Where statements that may block for milliseconds run (see the type's documentation).
    private let blocking = BlockingQueue(label: "jianwu.sqlite.blocking", serial: false)
    private let inlineReadBudget: Duration

    /// The store whose write transaction the current task is running, to catch a body that writes through the
    /// store instead of its transaction (which would wait for itself forever).
    @TaskLocal private static var transactionOwner: ObjectIdentifier?

    /// Opens (creating when needed) the database at `path`, with its parent directories.
    public static func open(path: String, configuration: Configuration = Configuration()) async throws -> SQLiteStore {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let writerConnection = try SQLiteConnection(
            path: path, readOnly: false, busyTimeout: configuration.busyTimeout,
            statementCacheCapacity: configuration.statementCacheCapacity)
        do {
            let mode = try writerConnection.run("PRAGMA journal_mode=WAL", []).rows.first?.decode(at: 0, as: String.self)
            guard mode?.lowercased() == "wal" else {
                throw StoreError(.io, message: "\(path) cannot use write-ahead logging (journal mode is \(mode ?? "unknown"))")
            }
            try writerConnection.runScript("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")
        } catch {
            writerConnection.close()
            throw error
        }
        return SQLiteStore(path: path, writer: writerConnection, configuration: configuration)
    }

    private init(path: String, writer writerConnection: SQLiteConnection, configuration: Configuration) {
        self.path = path
        inlineReadBudget = configuration.inlineReadBudget
        let close: @Sendable (SQLiteConnection) async -> Void = { $0.close() }
        writer = ConnectionPool(maximum: 1, initial: [writerConnection], open: { try Self.reopenWriter(path, configuration) }, close: close)
        readers = ConnectionPool(
            maximum: max(1, configuration.readerCount),
            open: {
                try SQLiteConnection(
                    path: path, readOnly: true, busyTimeout: configuration.busyTimeout,
                    statementCacheCapacity: configuration.statementCacheCapacity)
            }, close: close)
    }

    /// The writer is never discarded, so the pool reopens it only after a failed open; keep it honest anyway.
    private static func reopenWriter(_ path: String, _ configuration: Configuration) throws -> SQLiteConnection {
        throw StoreError(.misuse, message: "the SQLite writer connection of \(path) is gone")
    }

    @discardableResult
    public func execute(_ query: SQLQuery) async throws -> Int {
        let sql = query.sql(for: .sqlite)
        let bindings = query.bindings
        return try await withWriter(sql: sql) { connection in
            try await Self.interruptible(connection) { try await blocking.run { try connection.run(sql, bindings).changes } }
        }
    }

    public func query(_ query: SQLQuery) async throws -> [Row] {
        let sql = query.sql(for: .sqlite)
        let bindings = query.bindings
        let reader = try await readers.acquire()
        let outcome: SQLiteConnection.Outcome
        do {
            // A write with RETURNING arrives here too; it comes back as `.writes` and goes to the writer.
            outcome = try await runBounded(on: reader, sql, bindings, onlyIfReadOnly: true)
        } catch {
            readers.release(reader)
            throw error
        }
        readers.release(reader)
        if case .finished(let rows, _) = outcome { return rows }
        return try await withWriter(sql: sql) { connection in
            try await Self.interruptible(connection) { try await blocking.run { try connection.run(sql, bindings).rows } }
        }
    }

    public func executeScript(unsafeSQL script: String) async throws {
        try await withWriter(sql: "(script)") { connection in
            try await Self.interruptible(connection) { try await blocking.run { try connection.runScript(script) } }
        }
    }

    public func withTransaction<T: Sendable>(
        isolation: isolated (any Actor)?, body: (any SQLExecutor) async throws -> T
    ) async throws -> T {
        try checkNotInsideOwnTransaction(sql: "BEGIN IMMEDIATE")
        let connection = try await writer.acquire()
        defer { writer.release(connection) }
        let transaction = SQLiteTransaction(connection: connection, store: self)
        do {
            try await Self.interruptible(connection) { try await blocking.run { _ = try connection.run("BEGIN IMMEDIATE", []) } }
            let result = try await Self.$transactionOwner.withValue(ObjectIdentifier(self)) {
                try await body(transaction)
            }
            try await Self.interruptible(connection) { try await blocking.run { _ = try connection.run("COMMIT", []) } }
            transaction.finish()
            return result
        } catch {
            transaction.finish()
            // Rolling back a WAL transaction only drops pages in memory: no need to leave the thread.
            if !connection.isAutocommit {
                _ = try? connection.run("ROLLBACK", [], evenIfCancelled: true)
            }
            throw error
        }
    }

    /// Runs a statement that needs no lock and no fsync on the caller's thread; a read that outruns
    /// ``Configuration/inlineReadBudget`` is run again to the end on a Dispatch thread.
    func runBounded(
        on connection: SQLiteConnection, _ sql: String, _ bindings: [SQLValue], onlyIfReadOnly: Bool
    ) async throws -> SQLiteConnection.Outcome {
        try await Self.interruptible(connection) {
            let outcome = try connection.run(sql, bindings, readBudget: inlineReadBudget, onlyIfReadOnly: onlyIfReadOnly)
            guard case .overBudget = outcome else { return outcome }
            return try await blocking.run { try connection.run(sql, bindings, readBudget: nil, onlyIfReadOnly: onlyIfReadOnly) }
        }
    }

    /// Runs `;`-separated statements off-thread on `connection` (a script may write and sync, or scan for long).
    func runScript(on connection: SQLiteConnection, _ script: String) async throws {
        try await Self.interruptible(connection) { try await blocking.run { try connection.runScript(script) } }
    }

    /// Copies the database to `destination` with SQLite's online backup API while the store stays in use.
    ///
    /// The copy is written next to `destination` and renamed over it once complete and synced, so
    /// `destination` is never a half-written file.
    public func backup(to destination: String) async throws {
        let partial = destination + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        let reader = try await readers.acquire()
        do {
            try await blocking.run { try reader.backup(to: partial) }
            readers.release(reader)
        } catch {
            readers.release(reader)
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
        guard rename(partial, destination) == 0 else {
            try? FileManager.default.removeItem(atPath: partial)
            throw StoreError(.io, message: "cannot move the backup into place at \(destination) (errno \(errno))")
        }
        Self.syncDirectory(of: destination)
    }

    public func close() async {
        await readers.close()
        await writer.close()
    }

    private func withWriter<T: Sendable>(sql: String, _ operation: (SQLiteConnection) async throws -> T) async throws -> T {
        try checkNotInsideOwnTransaction(sql: sql)
        let connection = try await writer.acquire()
        defer { writer.release(connection) }
        let result = try await operation(connection)
        // A bare BEGIN outside withTransaction would hold the writer for everyone else.
        if !connection.isAutocommit {
            _ = try? connection.run("ROLLBACK", [], evenIfCancelled: true)
            throw StoreError(.misuse, message: "open transactions only with withTransaction", sql: sql)
        }
        return result
    }

    private func checkNotInsideOwnTransaction(sql: String) throws(StoreError) {
        if Self.transactionOwner == ObjectIdentifier(self) {
            throw StoreError(.misuse, message: "write through the transaction handle inside withTransaction, not the store", sql: sql)
        }
    }

    /// Runs `operation` so that cancelling the task interrupts the statement running on `connection`.
    @discardableResult
    static func interruptible<T: Sendable>(_ connection: SQLiteConnection, _ operation: () async throws -> T) async throws -> T {
        let handle = connection.handle
        return try await withTaskCancellationHandler {
            try await operation()
        } onCancel: {
            handle.interrupt()
        }
    }

    private static func syncDirectory(of path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let descriptor = Glibc.open(directory.isEmpty ? "." : directory, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        Glibc.close(descriptor)
    }
}
