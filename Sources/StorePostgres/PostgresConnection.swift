import CLibPQ
import Foundation
import Store
import Synchronization

/// One libpq connection. Its state (the `PGconn*` and the prepared-statement cache) lives in a `Mutex`; every libpq
/// call happens under that lock.
///
/// Each exchange with the server sends on the caller's thread and waits there for the answer for at most
/// ``PostgresStore/Configuration/inlineWaitBudget``: a point select on a nearby server answers in tens of
/// microseconds, less than the two thread wake-ups a hop onto a dispatch queue and back would cost. When the answer
/// is late (a slow query, a lock wait, a far or hung server), the rest of the wait moves to a ``BlockingQueue``
/// thread, so an event loop or a cooperative thread is never held for longer than the budget.
/// The pool gives the connection to one task at a time, so the lock is uncontended; it makes the type honestly
/// `Sendable`.
final class PostgresConnection: Sendable {
    /// Thrown when the connection broke before the statement reached the server's executor (during the
    /// liveness check or while preparing), so running it again elsewhere cannot apply it twice.
    struct LostBeforeExecution: Error {
        let error: StoreError
        /// The connection was found dead before anything was sent (an idle connection whose server went away).
        var foundDeadBeforeUse = false
    }

    /// A server-side prepared statement and the shape of its results.
    private struct Prepared {
        let name: String
        var columns: Row.Columns?
    }

    private struct State {
        /// `nil` until connected and after close.
        var connection: OpaquePointer?
        var statements: [String: Prepared] = [:]
        var statementCounter = 0
    }

    let canceller = PostgresCanceller()
    private let state = Mutex(State())
    private let configuration: PostgresStore.Configuration
    private let blocking: BlockingQueue

    init(configuration: PostgresStore.Configuration, blocking: BlockingQueue) {
        self.configuration = configuration
        self.blocking = blocking
    }

    /// A store dropped without `close()` (a test that threw early, a task torn down) still returns its connections:
    /// closing here frees the server session instead of trapping and taking the whole process down.
    deinit {
        if state.withLock({ $0.connection != nil }) { close() }
    }

    /// Connects and applies the session settings. Blocks for a network handshake: call it off the caller's thread.
    func connect(url: String) throws {
        let keywords = ["fallback_application_name", "connect_timeout", "dbname"]
        let values = ["jianwu", String(configuration.connectTimeoutSeconds), url]
        var settings = "SET TIME ZONE 'UTC'"
        if let timeout = configuration.statementTimeout {
            settings += "; SET statement_timeout = \(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)"
        }
        // Opened inside the lock so the new PGconn* never leaves the state that owns it.
        try state.withLock { state throws in
            let pointer = withCStringArray(keywords) { keywordPointers in
                withCStringArray(values) { valuePointers in PQconnectdbParams(keywordPointers, valuePointers, 1) }
            }
            guard let pointer, PQstatus(pointer) == CONNECTION_OK else {
                let message = pointer.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
                PQfinish(pointer)
                throw StoreError(.connectionFailed, message: message.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            // libpq prints NOTICEs ("relation already exists, skipping") to stderr by default; a library stays quiet.
            PQsetNoticeProcessor(pointer, { _, _ in }, nil)
            let result = PQexec(pointer, settings)
            defer { PQclear(result) }
            guard let result, PQresultStatus(result) == PGRES_COMMAND_OK else {
                let error = PostgresErrors.error(result: result, connection: pointer, sql: "(session settings)", cancelRequested: false)
                PQfinish(pointer)
                throw error
            }
            canceller.attach(to: pointer)
            state.connection = pointer
        }
    }

    /// Whether the connection still works, checked without sending anything: a server that restarted or
    /// ended our backend has closed the socket, which shows up as readable with no query running.
    func isAlive() -> Bool {
        state.withLock { state in state.connection.map(Self.isAlive) ?? false }
    }

    /// Whether a transaction is open (or failed and awaiting ROLLBACK).
    var isInTransaction: Bool {
        state.withLock { state in
            guard let connection = state.connection else { return false }
            let status = PQtransactionStatus(connection)
            return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
        }
    }

    var isBroken: Bool {
        state.withLock { state in state.connection.map { PQstatus($0) != CONNECTION_OK } ?? true }
    }

    /// Rolls back an open transaction; returns whether the connection is clean and usable again.
    func rollbackIfNeeded() async -> Bool {
        guard !isBroken else { return false }
        guard isInTransaction else { return true }
        _ = try? await run("ROLLBACK", [], evenIfCancelled: true)
        return !isBroken && !isInTransaction
    }

    /// Runs one statement as a cached prepared statement; returns its rows, the rows it changed and its command tag.
    /// - Parameter evenIfCancelled: for ROLLBACK, which must run even when the task was cancelled.
    /// - Parameter checkingLiveness: checks the socket first (see ``isAlive()``) and throws ``LostBeforeExecution``
    ///   when the server has gone.
    func run(
        _ sql: String, _ bindings: [SQLValue], evenIfCancelled: Bool = false, checkingLiveness: Bool = false
    ) async throws -> (rows: [Row], changes: Int, tag: String) {
        let parameters = PostgresParameters(bindings)
        let key = Self.statementKey(sql, parameters.types)
        let cached = try state.withLock { state throws -> Prepared? in
            guard let connection = state.connection else { throw StoreError(.misuse, message: "the connection is closed", sql: sql) }
            if checkingLiveness, !Self.isAlive(connection) {
                throw LostBeforeExecution(
                    error: StoreError(.connectionLost, message: "the server closed the connection", sql: sql), foundDeadBeforeUse: true)
            }
            return state.statements[key]
        }
        if !evenIfCancelled, Task.isCancelled { throw StoreError(.cancelled, message: "the task was cancelled before the statement ran", sql: sql) }
        let prepared: Prepared
        if let cached {
            prepared = cached
        } else {
            prepared = try await prepare(sql, key: key, types: parameters.types)
        }
        return try await exchange(sql: sql) { connection in
            parameters.withArrays { values, lengths, formats in
                PQsendQueryPrepared(connection, prepared.name, Int32(bindings.count), values, lengths, formats, 0)
            }
        } finish: { state, result in
            guard let result else { throw StoreError(.other, message: "libpq returned no result", sql: sql) }
            let columns: Row.Columns
            if let known = prepared.columns {
                columns = known
            } else {
                // Column names are read once per statement and shared by every row of every run.
                columns = Row.Columns(names: (0..<PQnfields(result)).map { String(cString: PQfname(result, $0)) })
                state.statements[key]?.columns = columns
            }
            let rows = PostgresRowReader.rows(of: result, columns: columns)
            let changes = Int(String(cString: PQcmdTuples(result))) ?? 0
            return (rows, changes, String(cString: PQcmdStatus(result)))
        }
    }

    /// Runs `;`-separated statements without parameters through the simple query protocol.
    func runScript(_ script: String, checkingLiveness: Bool = false) async throws {
        try state.withLock { state throws in
            guard let connection = state.connection else { throw StoreError(.misuse, message: "the connection is closed") }
            if checkingLiveness, !Self.isAlive(connection) {
                throw LostBeforeExecution(error: StoreError(.connectionLost, message: "the server closed the connection"), foundDeadBeforeUse: true)
            }
        }
        if Task.isCancelled { throw StoreError(.cancelled, message: "the task was cancelled before the script ran") }
        try await exchange(sql: "(script)") { PQsendQuery($0, script) } finish: { _, _ in }
    }

    func close() {
        canceller.detach()
        state.withLock { state in
            PQfinish(state.connection)
            state.connection = nil
            state.statements = [:]
        }
    }

    private func prepare(_ sql: String, key: String, types: [UInt32]) async throws -> Prepared {
        if state.withLock({ $0.statements.count >= configuration.statementCacheCapacity }) {
            try await runScript("DEALLOCATE ALL")
            state.withLock { $0.statements.removeAll(keepingCapacity: true) }
        }
        let name = state.withLock { state in
            state.statementCounter += 1
            return "jianwu_\(state.statementCounter)"
        }
        do {
            try await exchange(sql: sql) { connection in
                types.withUnsafeBufferPointer { PQsendPrepare(connection, name, sql, Int32(types.count), $0.baseAddress) }
            } finish: { state, _ in
                state.statements[key] = Prepared(name: name, columns: nil)
            }
        } catch let error as StoreError where error.reason == .connectionLost {
            // Preparing executes nothing, so a connection lost here is safe to retry on another connection.
            throw LostBeforeExecution(error: error)
        }
        return Prepared(name: name, columns: nil)
    }

    /// Sends one request and turns its result into `T`: on the caller's thread when the answer comes within the
    /// inline budget, otherwise on a ``BlockingQueue`` thread that waits for it.
    /// - Parameters:
    ///   - send: queues the request (`PQsend…`); returns libpq's 1 for success.
    ///   - finish: reads a successful result (`nil` when the server sent none); failures never reach it.
    private func exchange<T: Sendable>(
        sql: String, send: (OpaquePointer) -> Int32, finish: @escaping @Sendable (inout State, OpaquePointer?) throws -> T
    ) async throws -> T {
        let budget = configuration.inlineWaitBudget
        let answeredInline = try state.withLock { state throws -> T? in
            guard let connection = state.connection else { throw StoreError(.misuse, message: "the connection is closed", sql: sql) }
            guard send(connection) == 1 else {
                throw PostgresErrors.error(result: nil, connection: connection, sql: sql, cancelRequested: canceller.takeRequest())
            }
            guard PostgresWait.resultArrives(on: connection, within: budget) else { return nil }
            return try collect(&state, connection, sql: sql, finish)
        }
        if let answeredInline { return answeredInline }
        return try await blocking.run { [self] in
            try state.withLock { state throws -> T in
                guard let connection = state.connection else { throw StoreError(.misuse, message: "the connection is closed", sql: sql) }
                return try collect(&state, connection, sql: sql, finish)
            }
        }
    }

    /// Reads every result of the request (blocking until the last), throws the first failure, else finishes the last.
    private func collect<T>(
        _ state: inout State, _ connection: OpaquePointer, sql: String, _ finish: (inout State, OpaquePointer?) throws -> T
    ) throws -> T {
        var kept: OpaquePointer?
        var failed = false
        while let result = PQgetResult(connection) {
            let status = PQresultStatus(result)
            if failed || (kept != nil && status == PGRES_EMPTY_QUERY) {
                PQclear(result)
                continue
            }
            PQclear(kept)
            kept = result
            failed = !(status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY)
        }
        defer { PQclear(kept) }
        guard !failed, kept != nil || PQstatus(connection) == CONNECTION_OK else {
            throw PostgresErrors.error(result: kept, connection: connection, sql: sql, cancelRequested: canceller.takeRequest())
        }
        _ = canceller.takeRequest()
        return try finish(&state, kept)
    }

    private static func isAlive(_ connection: OpaquePointer) -> Bool {
        guard PQstatus(connection) == CONNECTION_OK else { return false }
        var descriptor = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
        // Every exchange reads up to ReadyForQuery and we never LISTEN, so an idle connection has nothing to read
        // unless the server is ending it: a FATAL error (57P01 when a backend is terminated) and then EOF. libpq
        // may read the error without noticing the EOF yet, so readable alone counts as dead.
        return poll(&descriptor, 1, 0) == 0
    }

    private static func statementKey(_ sql: String, _ types: [UInt32]) -> String {
        types.contains(where: { $0 != 0 }) ? sql + "\u{0}" + types.map(String.init).joined(separator: ",") : sql
    }
}

/// Calls `body` with a NULL-terminated array of C strings that live for the duration of the call.
private func withCStringArray<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
    let duplicates = strings.map { strdup($0) }
    defer { duplicates.forEach { free($0) } }
    let pointers: [UnsafePointer<CChar>?] = duplicates.map { $0.map { UnsafePointer($0) } } + [nil]
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
