import Foundation
public import Store

/// The production store: a PostgreSQL server reached through libpq.
///
/// - The URL goes to libpq unchanged (`postgres://user:pass@host:5432/jianwu?sslmode=verify-full&sslrootcert=…`),
///   so every TLS and connection option libpq knows applies.
/// - A pool of up to ``Configuration/maximumConnections`` connections, each with its own cache of server-side
///   prepared statements. A statement is sent and its answer awaited on the caller's thread for up to
///   ``Configuration/inlineWaitBudget``; a later answer is awaited on a Dispatch thread instead (see
///   ``PostgresConnection``), so a slow query never holds an event loop.
/// - Every session runs with `statement_timeout` (``Configuration/statementTimeout``) and `TimeZone=UTC`.
/// - Reconnecting: an idle connection whose socket was closed (server restart, backend terminated) is
///   discarded before anything is sent on it and the operation continues on a new connection. When a
///   connection breaks *during* an operation outside a transaction, the operation is retried once on a new
///   connection only if that is safe: the failure happened while preparing (nothing executed), or the statement
///   is a plain read (`SELECT`, `VALUES`, `SHOW`, `WITH` without a data-changing verb). Otherwise — a write whose
///   fate is unknown, or anything inside a transaction — ``StoreError/Reason/connectionLost`` reaches the caller.
/// - Transactions are `SERIALIZABLE`; see ``Store`` for the retry of serialization failures.
public final class PostgresStore: Store {
    public struct Configuration: Sendable {
        /// Connections open at most.
        public var maximumConnections: Int
        /// The server cancels statements running longer (`statement_timeout`); `nil` leaves the server default.
        public var statementTimeout: Duration?
        /// Seconds to wait for a connection, unless the URL sets `connect_timeout`.
        public var connectTimeoutSeconds: Int
        /// Attempts of a transaction body in all when the server reports serialization failures or deadlocks.
        public var maxTransactionAttempts: Int
        /// Prepared statements kept per connection.
        public var statementCacheCapacity: Int
        /// How long the caller's thread waits for the server's answer before the wait moves to a Dispatch thread.
        public var inlineWaitBudget: Duration

        public init(
            maximumConnections: Int = 4, statementTimeout: Duration? = .seconds(30), connectTimeoutSeconds: Int = 10,
            maxTransactionAttempts: Int = 10, statementCacheCapacity: Int = 256, inlineWaitBudget: Duration = .milliseconds(2)
        ) {
            self.inlineWaitBudget = inlineWaitBudget
            self.maximumConnections = maximumConnections
            self.statementTimeout = statementTimeout
            self.connectTimeoutSeconds = connectTimeoutSeconds
            self.maxTransactionAttempts = maxTransactionAttempts
            self.statementCacheCapacity = statementCacheCapacity
        }
    }

    public var dialect: SQLDialect { .postgres }
    private let pool: ConnectionPool<PostgresConnection>
    private let configuration: Configuration

    /// Connects once to check the URL and the server, then keeps that connection in the pool.
    ///
    /// - Throws: ``StoreError/Reason/connectionFailed`` when the server cannot be reached or refuses us.
    public static func open(url: String, configuration: Configuration = Configuration()) async throws -> PostgresStore {
        let blocking = BlockingQueue(label: "jianwu.postgres.blocking", serial: false)
        let first = try await openConnection(url: url, configuration: configuration, blocking: blocking)
        return PostgresStore(url: url, first: first, configuration: configuration, blocking: blocking)
    }

    private init(url: String, first: PostgresConnection, configuration: Configuration, blocking: BlockingQueue) {
        self.configuration = configuration
        pool = ConnectionPool(
            maximum: max(1, configuration.maximumConnections), initial: [first],
            open: { try await Self.openConnection(url: url, configuration: configuration, blocking: blocking) },
            close: { $0.close() })
    }

    /// Connects on a Dispatch thread: the handshake (and TLS, and authentication) takes round trips.
    private static func openConnection(url: String, configuration: Configuration, blocking: BlockingQueue) async throws -> PostgresConnection {
        let connection = PostgresConnection(configuration: configuration, blocking: blocking)
        try await blocking.run { try connection.connect(url: url) }
        return connection
    }

    @discardableResult
    public func execute(_ query: SQLQuery) async throws -> Int {
        let sql = query.sql(for: .postgres)
        return try await withConnection(retryingReads: Self.isPlainRead(sql)) { connection in
            try await Self.cancellable(connection) { try await connection.run(sql, query.bindings, checkingLiveness: true).changes }
        }
    }

    public func query(_ query: SQLQuery) async throws -> [Row] {
        let sql = query.sql(for: .postgres)
        return try await withConnection(retryingReads: Self.isPlainRead(sql)) { connection in
            try await Self.cancellable(connection) { try await connection.run(sql, query.bindings, checkingLiveness: true).rows }
        }
    }

    public func executeScript(unsafeSQL script: String) async throws {
        try await withConnection(retryingReads: false) { connection in
            try await Self.cancellable(connection) { try await connection.runScript(script, checkingLiveness: true) }
        }
    }

    public func withTransaction<T: Sendable>(
        isolation: isolated (any Actor)?, body: (any SQLExecutor) async throws -> T
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await transactionAttempt(isolation: isolation, body)
            } catch let error as StoreError where error.reason == .serializationFailure && attempt < configuration.maxTransactionAttempts {
                // Exponential back-off with full jitter, so conflicting transactions stop colliding in lockstep.
                let ceiling = min(1 << attempt, 200)
                attempt += 1
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...ceiling)))
            }
        }
    }

    public func close() async {
        await pool.close()
    }

    private func transactionAttempt<T: Sendable>(
        isolation: isolated (any Actor)?, _ body: (any SQLExecutor) async throws -> T
    ) async throws -> T {
        let connection = try await acquireLiveConnection()
        let transaction = PostgresTransaction(connection: connection)
        do {
            try await Self.cancellable(connection) { _ = try await connection.run("BEGIN ISOLATION LEVEL SERIALIZABLE", []) }
            let result = try await body(transaction)
            let tag = try await Self.cancellable(connection) { try await connection.run("COMMIT", []).tag }
            transaction.finish()
            pool.release(connection)
            // After an error the server turns COMMIT into ROLLBACK; the body swallowed that error.
            guard tag == "COMMIT" else {
                throw StoreError(.misuse, message: "a statement failed inside the transaction, so PostgreSQL rolled it back")
            }
            return result
        } catch {
            transaction.finish()
            await giveBack(connection)
            if let lost = error as? PostgresConnection.LostBeforeExecution { throw lost.error }
            throw error
        }
    }

    /// Runs `operation` on a live connection, replacing broken ones as described in the type's documentation.
    private func withConnection<T: Sendable>(retryingReads: Bool, _ operation: (PostgresConnection) async throws -> T) async throws -> T {
        var retried = false
        var deadConnections = 0
        while true {
            let connection = try await pool.acquire()
            let result: T
            do {
                result = try await operation(connection)
            } catch let lost as PostgresConnection.LostBeforeExecution {
                await pool.discard(connection)
                if lost.foundDeadBeforeUse, deadConnections <= configuration.maximumConnections {
                    // Every idle connection may have died with the server; none of them counts as a retry.
                    deadConnections += 1
                    continue
                }
                if retried { throw lost.error }
                retried = true
                continue
            } catch let error as StoreError where error.reason == .connectionLost {
                await pool.discard(connection)
                if retried || !retryingReads { throw error }
                retried = true
                continue
            } catch {
                await giveBack(connection)
                throw error
            }
            // A bare BEGIN outside withTransaction would leave the pooled connection inside a transaction.
            guard !connection.isInTransaction else {
                await giveBack(connection)
                throw StoreError(.misuse, message: "open transactions only with withTransaction")
            }
            pool.release(connection)
            return result
        }
    }

    /// Returns a connection to the pool after a failure: clean ones go back, broken ones (or ones stuck in a
    /// transaction) are closed.
    private func giveBack(_ connection: PostgresConnection) async {
        if await connection.rollbackIfNeeded() {
            pool.release(connection)
        } else {
            await pool.discard(connection)
        }
    }

    /// Takes a pooled connection, discarding any whose server side has gone (nothing was sent on them yet).
    private func acquireLiveConnection() async throws -> PostgresConnection {
        for _ in 0...configuration.maximumConnections {
            let connection = try await pool.acquire()
            if connection.isAlive() { return connection }
            await pool.discard(connection)
        }
        return try await pool.acquire()
    }

    /// Whether `sql` only reads, so running it twice is harmless.
    ///
    /// Runs on every statement, so it scans the UTF-8 bytes once instead of splitting and uppercasing the text: a
    /// word is a run of letters, `_` and non-ASCII bytes, and only words as short as the keywords are compared.
    static func isPlainRead(_ sql: String) -> Bool {
        var isFirstWord = true
        var word: [UInt8] = []
        word.reserveCapacity(8)
        var verdict = true
        func endWord() -> Bool {
            defer {
                word.removeAll(keepingCapacity: true)
            }
            guard !word.isEmpty else { return true }
            let keyword = word.count <= 7 ? String(decoding: word, as: UTF8.self) : ""
            if isFirstWord {
                isFirstWord = false
                return readingVerbs.contains(keyword)
            }
            return !changingWords.contains(keyword)
        }
        for byte in sql.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): word.append(byte - 32)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), 0x80...: word.append(byte)
            default:
                verdict = endWord()
                if !verdict { return false }
            }
        }
        verdict = endWord()
        return verdict && !isFirstWord
    }

    private static let readingVerbs: Set<String> = ["SELECT", "VALUES", "SHOW", "WITH"]
    private static let changingWords: Set<String> = ["INSERT", "UPDATE", "DELETE", "MERGE", "INTO", "NEXTVAL", "SETVAL", "FOR"]

    /// Runs `operation` so that cancelling the task sends a cancel request for the running statement.
    @discardableResult
    static func cancellable<T: Sendable>(_ connection: PostgresConnection, _ operation: () async throws -> T) async throws -> T {
        let canceller = connection.canceller
        return try await withTaskCancellationHandler {
            try await operation()
        } onCancel: {
            canceller.cancel()
        }
    }
}
