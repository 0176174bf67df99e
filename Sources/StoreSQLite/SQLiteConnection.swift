import CSQLite
import Foundation
import Store
import Synchronization

/// One SQLite connection. Its state (the `sqlite3*` and the prepared-statement cache) lives in a `Mutex`, and every
/// call into SQLite happens under that lock, on whichever thread asks.
///
/// Why the caller's thread and not a queue of its own: a statement hop onto a dispatch queue and back costs two
/// thread wake-ups (~10–20 µs), more than a primary-key lookup (~3–5 µs). The pools (``ConnectionPool``) already give
/// each connection to one task at a time, so the lock is uncontended; it is there so the type is honestly
/// `Sendable`. The store decides which calls are short enough to run inline and sends the rest to a
/// ``BlockingQueue`` (see ``SQLiteStore``).
final class SQLiteConnection: Sendable {
    /// What a statement run on the caller's thread came to.
    enum Outcome: Sendable {
        case finished(rows: [Row], changes: Int)
        /// A read ran past its inline budget and was stopped before returning anything; run it again off-thread.
        case overBudget
        /// The statement writes and the caller asked only for reads; nothing ran.
        case writes
    }

    /// A prepared statement kept for reuse, with what we learnt about it when it was prepared.
    private struct Prepared {
        let statement: OpaquePointer
        let columns: Row.Columns
        let isReadOnly: Bool
    }

    private struct State {
        /// `nil` once closed.
        var db: OpaquePointer?
        var statements: [String: Prepared] = [:]
        /// Read by the progress handler, which runs on the thread stepping the statement, under this lock.
        let budget: UnsafeMutablePointer<ReadBudget>
    }

    nonisolated let handle: SQLiteHandle
    private let state: Mutex<State>
    private let statementCacheCapacity: Int

    /// Opens the database file; `readOnly` connections serve reads next to the single writer.
    init(path: String, readOnly: Bool, busyTimeout: Duration, statementCacheCapacity: Int) throws(StoreError) {
        var pointer: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_FULLMUTEX
        let code = sqlite3_open_v2(path, &pointer, flags, nil)
        guard code == SQLITE_OK, let pointer else {
            let error = SQLiteErrors.error(code: code, db: pointer, sql: nil)
            sqlite3_close_v2(pointer)
            throw StoreError(error.reason, message: "cannot open \(path): \(error.message)", engineCode: error.engineCode)
        }
        sqlite3_extended_result_codes(pointer, 1)
        let milliseconds = busyTimeout.components.seconds * 1000 + busyTimeout.components.attoseconds / 1_000_000_000_000_000
        sqlite3_busy_timeout(pointer, Int32(clamping: milliseconds))
        let budget = UnsafeMutablePointer<ReadBudget>.allocate(capacity: 1)
        budget.initialize(to: ReadBudget())
        ReadBudget.install(budget, on: pointer)
        handle = SQLiteHandle(pointer)
        state = Mutex(State(db: pointer, budget: budget))
        self.statementCacheCapacity = statementCacheCapacity
    }

    /// A store dropped without `close()` still closes its file handles and frees its statements here,
    /// instead of trapping and taking the whole process down.
    deinit {
        close()
    }

    /// Whether the connection has no open transaction.
    var isAutocommit: Bool {
        state.withLock { state in state.db.map { sqlite3_get_autocommit($0) != 0 } ?? true }
    }

    /// Runs one statement to the end and returns its rows and the number of rows it changed.
    /// - Parameter evenIfCancelled: for ROLLBACK, which must run even when the task was cancelled.
    func run(_ sql: String, _ bindings: [SQLValue], evenIfCancelled: Bool = false) throws(StoreError) -> (rows: [Row], changes: Int) {
        guard case .finished(let rows, let changes) = try run(sql, bindings, readBudget: nil, onlyIfReadOnly: false, evenIfCancelled: evenIfCancelled)
        else { preconditionFailure("a statement without budget or read-only filter always finishes") }
        return (rows, changes)
    }

    /// Runs one statement.
    /// - Parameters:
    ///   - readBudget: how long a *read* may run before it is stopped with ``Outcome/overBudget``. Writes always run to
    ///     the end: stopping one inside a transaction would roll the whole transaction back.
    ///   - onlyIfReadOnly: returns ``Outcome/writes`` without running a statement that writes (`sqlite3_stmt_readonly`).
    func run(
        _ sql: String, _ bindings: [SQLValue], readBudget: Duration?, onlyIfReadOnly: Bool, evenIfCancelled: Bool = false
    ) throws(StoreError) -> Outcome {
        if !evenIfCancelled, Task.isCancelled {
            throw StoreError(.cancelled, message: "the task was cancelled before the statement ran", sql: sql)
        }
        return try state.withLock { state throws(StoreError) -> Outcome in
            let prepared = try prepare(sql, in: &state)
            if onlyIfReadOnly, !prepared.isReadOnly { return .writes }
            guard let db = state.db else { throw Self.closedError(sql) }
            let statement = prepared.statement
            let budget = state.budget
            budget.pointee.start(prepared.isReadOnly ? readBudget : nil)
            defer {
                budget.pointee.stop()
                sqlite3_reset(statement)
                sqlite3_clear_bindings(statement)
            }
            try SQLiteValues.bind(bindings, to: statement, db: db, sql: sql)
            var rows: [Row] = []
            let columnCount = Int32(prepared.columns.names.count)
            while true {
                let code = sqlite3_step(statement)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    if budget.pointee.wasExceeded { return .overBudget }
                    throw SQLiteErrors.error(code: code, db: db, sql: sql)
                }
                var values: [SQLValue] = []
                values.reserveCapacity(Int(columnCount))
                for column in 0..<columnCount {
                    values.append(SQLiteValues.value(of: statement, at: column))
                }
                rows.append(Row(columns: prepared.columns, values: values))
            }
            let changes = prepared.isReadOnly ? 0 : Int(sqlite3_changes(db))
            return .finished(rows: rows, changes: changes)
        }
    }

    /// Runs `;`-separated statements without parameters.
    func runScript(_ script: String) throws(StoreError) {
        if Task.isCancelled { throw StoreError(.cancelled, message: "the task was cancelled before the script ran") }
        try state.withLock { state throws(StoreError) in
            guard let db = state.db else { throw Self.closedError("(script)") }
            let code = sqlite3_exec(db, script, nil, nil, nil)
            guard code == SQLITE_OK else { throw SQLiteErrors.error(code: code, db: db, sql: "(script)") }
        }
    }

    /// Copies the whole database into a new file at `destination` with SQLite's online backup API, from one
    /// read snapshot, so writers carry on meanwhile.
    func backup(to destination: String) throws(StoreError) {
        try state.withLock { state throws(StoreError) in
            guard let db = state.db else { throw Self.closedError(nil) }
            var target: OpaquePointer?
            let openCode = sqlite3_open_v2(destination, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
            defer { sqlite3_close_v2(target) }
            guard openCode == SQLITE_OK, let target else { throw SQLiteErrors.error(code: openCode, db: target, sql: nil) }
            guard let backup = sqlite3_backup_init(target, "main", db, "main") else {
                throw SQLiteErrors.error(code: sqlite3_errcode(target), db: target, sql: nil)
            }
            // -1 copies every page in one step: one consistent snapshot, no restart when another connection writes.
            let stepCode = sqlite3_backup_step(backup, -1)
            let finishCode = sqlite3_backup_finish(backup)
            guard stepCode == SQLITE_DONE else { throw SQLiteErrors.error(code: stepCode, db: target, sql: nil) }
            guard finishCode == SQLITE_OK else { throw SQLiteErrors.error(code: finishCode, db: target, sql: nil) }
        }
    }

    /// Finalises cached statements and closes the connection.
    func close() {
        state.withLock { state in
            guard let db = state.db else { return }
            for prepared in state.statements.values { sqlite3_finalize(prepared.statement) }
            state.statements = [:]
            sqlite3_close_v2(db)
            state.db = nil
            state.budget.deinitialize(count: 1)
            state.budget.deallocate()
        }
    }

    private func prepare(_ sql: String, in state: inout State) throws(StoreError) -> Prepared {
        if let cached = state.statements[sql] { return cached }
        guard let db = state.db else { throw Self.closedError(sql) }
        var statement: OpaquePointer?
        // The tail points into the C string, so it is read while that string is alive: a String passed straight to
        // sqlite3_prepare_v3 is bridged to a temporary buffer that is gone when the call returns.
        let (code, hasMoreStatements) = sql.withCString { text -> (Int32, Bool) in
            var tail: UnsafePointer<CChar>?
            // PERSISTENT: the statement is kept for many runs, so SQLite allocates it outside its short-lived lookaside.
            let code = sqlite3_prepare_v3(db, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
            guard code == SQLITE_OK, let tail, tail.pointee != 0 else { return (code, false) }
            return (code, !String(cString: tail).allSatisfy { $0.isWhitespace || $0 == ";" })
        }
        guard code == SQLITE_OK, let statement else {
            throw SQLiteErrors.error(code: code, db: db, sql: sql)
        }
        if hasMoreStatements {
            sqlite3_finalize(statement)
            throw StoreError(.invalidQuery, message: "a query holds one statement; use executeScript for several", sql: sql)
        }
        let count = sqlite3_column_count(statement)
        // Column names are read once here and shared by every row of every run.
        let names = (0..<count).map { String(cString: sqlite3_column_name(statement, $0)) }
        let prepared = Prepared(statement: statement, columns: Row.Columns(names: names), isReadOnly: sqlite3_stmt_readonly(statement) != 0)
        if state.statements.count >= statementCacheCapacity {
            for old in state.statements.values { sqlite3_finalize(old.statement) }
            state.statements.removeAll(keepingCapacity: true)
        }
        state.statements[sql] = prepared
        return prepared
    }

    private static func closedError(_ sql: String?) -> StoreError {
        StoreError(.misuse, message: "the connection is closed", sql: sql)
    }
}
