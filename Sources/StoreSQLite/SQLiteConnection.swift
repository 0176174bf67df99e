import CSQLite
import Foundation
import Store

/// One SQLite connection, isolated to its own serial dispatch queue (STYLE §7): every call into SQLite happens
/// there, off Swift's cooperative pool.
actor SQLiteConnection {
    /// A prepared statement kept for reuse, with what we learnt about it when it was prepared.
    private struct Prepared {
        let statement: OpaquePointer
        let columns: Row.Columns
        let isReadOnly: Bool
    }

    private nonisolated let executor: SerialQueueExecutor
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    nonisolated let handle: SQLiteHandle
    private var statements: [String: Prepared] = [:]
    private var isClosed = false
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
        handle = SQLiteHandle(pointer)
        executor = SerialQueueExecutor(label: "jianwu.sqlite.\(readOnly ? "reader" : "writer")")
        self.statementCacheCapacity = statementCacheCapacity
    }

    deinit {
        if !isClosed { assertionFailure("an SQLiteConnection was released without close()") }
    }

    /// Whether the connection has no open transaction.
    var isAutocommit: Bool { sqlite3_get_autocommit(handle.pointer) != 0 }

    /// Runs one statement and returns its rows and the number of rows it changed.
    /// - Parameter evenIfCancelled: for ROLLBACK, which must run even when the task was cancelled.
    func run(_ sql: String, _ bindings: [SQLValue], evenIfCancelled: Bool = false) throws(StoreError) -> (rows: [Row], changes: Int) {
        if !evenIfCancelled, Task.isCancelled {
            throw StoreError(.cancelled, message: "the task was cancelled before the statement ran", sql: sql)
        }
        let prepared = try prepare(sql)
        let statement = prepared.statement
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        try bind(bindings, to: statement, sql: sql)
        var rows: [Row] = []
        let columnCount = Int32(prepared.columns.names.count)
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw SQLiteErrors.error(code: code, db: handle.pointer, sql: sql) }
            var values: [SQLValue] = []
            values.reserveCapacity(Int(columnCount))
            for column in 0..<columnCount {
                values.append(Self.value(of: statement, at: column))
            }
            rows.append(Row(columns: prepared.columns, values: values))
        }
        let changes = prepared.isReadOnly ? 0 : Int(sqlite3_changes(handle.pointer))
        return (rows, changes)
    }

    /// Runs `sql` if it only reads (`sqlite3_stmt_readonly`); returns `nil` for a write, which belongs on the writer.
    func runIfReadOnly(_ sql: String, _ bindings: [SQLValue]) throws(StoreError) -> [Row]? {
        guard try prepare(sql).isReadOnly else { return nil }
        return try run(sql, bindings).rows
    }

    /// Runs `;`-separated statements without parameters.
    func runScript(_ script: String) throws(StoreError) {
        if Task.isCancelled { throw StoreError(.cancelled, message: "the task was cancelled before the script ran") }
        let code = sqlite3_exec(handle.pointer, script, nil, nil, nil)
        guard code == SQLITE_OK else { throw SQLiteErrors.error(code: code, db: handle.pointer, sql: "(script)") }
    }

    /// Copies the whole database into a new file at `destination` with SQLite's online backup API, from one
    /// read snapshot, so writers carry on meanwhile.
    func backup(to destination: String) throws(StoreError) {
        var target: OpaquePointer?
        let openCode = sqlite3_open_v2(destination, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        defer { sqlite3_close_v2(target) }
        guard openCode == SQLITE_OK, let target else { throw SQLiteErrors.error(code: openCode, db: target, sql: nil) }
        guard let backup = sqlite3_backup_init(target, "main", handle.pointer, "main") else {
            throw SQLiteErrors.error(code: sqlite3_errcode(target), db: target, sql: nil)
        }
        // -1 copies every page in one step: one consistent snapshot, no restart when another connection writes.
        let stepCode = sqlite3_backup_step(backup, -1)
        let finishCode = sqlite3_backup_finish(backup)
        guard stepCode == SQLITE_DONE else { throw SQLiteErrors.error(code: stepCode, db: target, sql: nil) }
        guard finishCode == SQLITE_OK else { throw SQLiteErrors.error(code: finishCode, db: target, sql: nil) }
    }

    /// Finalises cached statements and closes the connection.
    func close() {
        guard !isClosed else { return }
        for prepared in statements.values { sqlite3_finalize(prepared.statement) }
        statements = [:]
        sqlite3_close_v2(handle.pointer)
        isClosed = true
    }

    private func prepare(_ sql: String) throws(StoreError) -> Prepared {
        if let cached = statements[sql] { return cached }
        guard !isClosed else { throw StoreError(.misuse, message: "the connection is closed", sql: sql) }
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let code = sqlite3_prepare_v3(handle.pointer, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
        guard code == SQLITE_OK, let statement else {
            throw SQLiteErrors.error(code: code, db: handle.pointer, sql: sql)
        }
        if let tail, tail.pointee != 0, !String(cString: tail).allSatisfy({ $0.isWhitespace || $0 == ";" }) {
            sqlite3_finalize(statement)
            throw StoreError(.invalidQuery, message: "a query holds one statement; use executeScript for several", sql: sql)
        }
        let count = sqlite3_column_count(statement)
        let names = (0..<count).map { String(cString: sqlite3_column_name(statement, $0)) }
        let prepared = Prepared(statement: statement, columns: Row.Columns(names: names), isReadOnly: sqlite3_stmt_readonly(statement) != 0)
        if statements.count >= statementCacheCapacity {
            for old in statements.values { sqlite3_finalize(old.statement) }
            statements.removeAll(keepingCapacity: true)
        }
        statements[sql] = prepared
        return prepared
    }

    private func bind(_ bindings: [SQLValue], to statement: OpaquePointer, sql: String) throws(StoreError) {
        let expected = Int(sqlite3_bind_parameter_count(statement))
        guard expected == bindings.count else {
            throw StoreError(.invalidQuery, message: "the statement has \(expected) parameters but \(bindings.count) values", sql: sql)
        }
        for (offset, value) in bindings.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null:
                code = sqlite3_bind_null(statement, index)
            case .integer(let integer):
                code = sqlite3_bind_int64(statement, index, integer)
            case .real(let real):
                code = sqlite3_bind_double(statement, index, real)
            case .text(let text):
                code = text.withCString { sqlite3_bind_text(statement, index, $0, Int32(text.utf8.count), jianwu_sqlite_transient()) }
            case .blob(let bytes):
                // An empty buffer may have no base address, which SQLite would bind as NULL.
                code =
                    bytes.isEmpty
                    ? sqlite3_bind_zeroblob(statement, index, 0)
                    : bytes.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), jianwu_sqlite_transient()) }
            }
            guard code == SQLITE_OK else { throw SQLiteErrors.error(code: code, db: handle.pointer, sql: sql) }
        }
    }

    private static func value(of statement: OpaquePointer, at column: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(statement, column) else { return .text("") }
            let count = Int(sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, column))
            guard count > 0, let bytes = sqlite3_column_blob(statement, column) else { return .blob([]) }
            return .blob([UInt8](UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }
}
