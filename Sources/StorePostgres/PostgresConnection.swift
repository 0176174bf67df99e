import CLibPQ
import Foundation
import Store

/// One libpq connection, isolated to its own serial dispatch queue: every blocking libpq call runs there,
/// never on Swift's cooperative pool.
actor PostgresConnection {
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

    private nonisolated let executor: SerialQueueExecutor
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    nonisolated let canceller = PostgresCanceller()
    private var connection: OpaquePointer? {
        didSet { isOpen = connection != nil }
    }
    private var isOpen = false
    private var statements: [String: Prepared] = [:]
    private var statementCounter = 0
    private let configuration: PostgresStore.Configuration

    init(configuration: PostgresStore.Configuration) {
        self.configuration = configuration
        executor = SerialQueueExecutor(label: "jianwu.postgres.connection")
    }

    deinit {
        if isOpen { assertionFailure("a PostgresConnection was released without close()") }
    }

    /// Connects (blocking, on this connection's queue) and applies the session settings.
    func connect(url: String) throws {
        let keywords = ["fallback_application_name", "connect_timeout", "dbname"]
        let values = ["jianwu", String(configuration.connectTimeoutSeconds), url]
        let pointer = withCStringArray(keywords) { keywordPointers in
            withCStringArray(values) { valuePointers in PQconnectdbParams(keywordPointers, valuePointers, 1) }
        }
        guard let pointer, PQstatus(pointer) == CONNECTION_OK else {
            let message = pointer.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(pointer)
            throw StoreError(.connectionFailed, message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        connection = pointer
        // libpq prints NOTICEs ("relation already exists, skipping") to stderr by default; a library stays quiet.
        PQsetNoticeProcessor(pointer, { _, _ in }, nil)
        canceller.attach(to: pointer)
        var settings = "SET TIME ZONE 'UTC'"
        if let timeout = configuration.statementTimeout {
            settings += "; SET statement_timeout = \(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)"
        }
        do {
            try runScript(settings)
        } catch {
            close()
            throw error
        }
    }

    /// Whether the connection still works, checked without sending anything: a server that restarted or
    /// ended our backend has closed the socket, which shows up as readable with no query running.
    func isAlive() -> Bool {
        guard let connection, PQstatus(connection) == CONNECTION_OK else { return false }
        var descriptor = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return true }
        return PQconsumeInput(connection) == 1 && PQstatus(connection) == CONNECTION_OK
    }

    /// Whether a transaction is open (or failed and awaiting ROLLBACK).
    var isInTransaction: Bool {
        guard let connection else { return false }
        let status = PQtransactionStatus(connection)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    var isBroken: Bool { connection.map { PQstatus($0) != CONNECTION_OK } ?? true }

    /// Rolls back an open transaction; returns whether the connection is clean and usable again.
    func rollbackIfNeeded() -> Bool {
        guard !isBroken else { return false }
        guard isInTransaction else { return true }
        _ = try? run("ROLLBACK", [], evenIfCancelled: true)
        return !isBroken && !isInTransaction
    }

    /// Runs one statement as a cached prepared statement; returns its rows, the rows it changed and its command tag.
    /// - Parameter evenIfCancelled: for ROLLBACK, which must run even when the task was cancelled.
    /// - Parameter checkingLiveness: checks the socket first (see ``isAlive()``), in the same hop onto this
    ///   connection's queue, and throws ``LostBeforeExecution`` when the server has gone.
    func run(
        _ sql: String, _ bindings: [SQLValue], evenIfCancelled: Bool = false, checkingLiveness: Bool = false
    ) throws -> (rows: [Row], changes: Int, tag: String) {
        guard let connection else { throw StoreError(.misuse, message: "the connection is closed", sql: sql) }
        if checkingLiveness, !isAlive() {
            throw LostBeforeExecution(
                error: StoreError(.connectionLost, message: "the server closed the connection", sql: sql), foundDeadBeforeUse: true)
        }
        if !evenIfCancelled, Task.isCancelled { throw StoreError(.cancelled, message: "the task was cancelled before the statement ran", sql: sql) }
        let parameters = PostgresParameters(bindings)
        var prepared = try prepare(sql, types: parameters.types, on: connection)
        let result = parameters.withArrays { values, lengths, formats in
            PQexecPrepared(connection, prepared.name, Int32(bindings.count), values, lengths, formats, 0)
        }
        defer { PQclear(result) }
        let status = result.map { PQresultStatus($0) } ?? PGRES_FATAL_ERROR
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            throw PostgresErrors.error(result: result, connection: connection, sql: sql, cancelRequested: canceller.takeRequest())
        }
        _ = canceller.takeRequest()
        guard let result else { throw StoreError(.other, message: "libpq returned no result", sql: sql) }
        if prepared.columns == nil {
            prepared.columns = Row.Columns(names: (0..<PQnfields(result)).map { String(cString: PQfname(result, $0)) })
            statements[statementKey(sql, parameters.types)] = prepared
        }
        let rows = PostgresRowReader.rows(of: result, columns: prepared.columns!)
        let changes = Int(String(cString: PQcmdTuples(result))) ?? 0
        return (rows, changes, String(cString: PQcmdStatus(result)))
    }

    /// Runs `;`-separated statements without parameters through the simple query protocol.
    func runScript(_ script: String, checkingLiveness: Bool = false) throws {
        guard let connection else { throw StoreError(.misuse, message: "the connection is closed") }
        if checkingLiveness, !isAlive() {
            throw LostBeforeExecution(error: StoreError(.connectionLost, message: "the server closed the connection"), foundDeadBeforeUse: true)
        }
        if Task.isCancelled { throw StoreError(.cancelled, message: "the task was cancelled before the script ran") }
        let result = PQexec(connection, script)
        defer { PQclear(result) }
        let status = result.map { PQresultStatus($0) } ?? PGRES_FATAL_ERROR
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY else {
            throw PostgresErrors.error(result: result, connection: connection, sql: "(script)", cancelRequested: canceller.takeRequest())
        }
        _ = canceller.takeRequest()
    }

    func close() {
        canceller.detach()
        PQfinish(connection)
        connection = nil
        statements = [:]
    }

    private func statementKey(_ sql: String, _ types: [UInt32]) -> String {
        types.contains(where: { $0 != 0 }) ? sql + "\u{0}" + types.map(String.init).joined(separator: ",") : sql
    }

    private func prepare(_ sql: String, types: [UInt32], on connection: OpaquePointer) throws -> Prepared {
        let key = statementKey(sql, types)
        if let cached = statements[key] { return cached }
        if statements.count >= configuration.statementCacheCapacity {
            try runScript("DEALLOCATE ALL")
            statements.removeAll(keepingCapacity: true)
        }
        statementCounter += 1
        let name = "jianwu_\(statementCounter)"
        let result = types.withUnsafeBufferPointer { PQprepare(connection, name, sql, Int32(types.count), $0.baseAddress) }
        defer { PQclear(result) }
        guard let result, PQresultStatus(result) == PGRES_COMMAND_OK else {
            let error = PostgresErrors.error(result: result, connection: connection, sql: sql, cancelRequested: canceller.takeRequest())
            // Preparing executes nothing, so a connection lost here is safe to retry on another connection.
            if error.reason == .connectionLost { throw LostBeforeExecution(error: error) }
            throw error
        }
        let prepared = Prepared(name: name, columns: nil)
        statements[key] = prepared
        return prepared
    }
}

/// Calls `body` with a NULL-terminated array of C strings that live for the duration of the call.
private func withCStringArray<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
    let duplicates = strings.map { strdup($0) }
    defer { duplicates.forEach { free($0) } }
    let pointers: [UnsafePointer<CChar>?] = duplicates.map { $0.map { UnsafePointer($0) } } + [nil]
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
