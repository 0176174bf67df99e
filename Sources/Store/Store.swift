/// Runs statements: a ``Store`` outside transactions, or the handle a transaction body receives.
public protocol SQLExecutor: Sendable {
    /// The dialect of the engine behind this executor, for the rare per-engine SQL.
    var dialect: SQLDialect { get }

    /// Runs a statement and returns the number of rows it inserted, updated or deleted.
    @discardableResult
    func execute(_ query: SQLQuery) async throws -> Int

    /// Runs a statement and returns every row it produced (`SELECT`, or a write with `RETURNING`).
    func query(_ query: SQLQuery) async throws -> [Row]

    /// Runs several `;`-separated statements without parameters (migrations, schema scripts).
    func executeScript(unsafeSQL script: String) async throws
}

/// A SQL database: SQLite embedded (`StoreSQLite`) or a PostgreSQL server (`StorePostgres`).
///
/// Statements outside ``withTransaction(isolation:body:)`` run in their own implicit transaction.
/// Every error thrown by the store itself is a ``StoreError``.
///
/// ## Transactions
/// Both engines give *serialisable* transactions:
/// - SQLite runs one write transaction at a time (`BEGIN IMMEDIATE` on the single writer connection), which is
///   serialisable by construction; reads outside transactions see the last committed state (WAL snapshot).
/// - PostgreSQL runs `BEGIN ISOLATION LEVEL SERIALIZABLE`. When the server aborts a transaction with a
///   serialization failure or deadlock, the store rolls back and **runs the body again** (at most
///   `maxTransactionAttempts` times in all), so a body must have no effects outside the database.
///   The last failure is thrown as ``StoreError/Reason/serializationFailure``.
public protocol Store: SQLExecutor {
    /// Runs `body` in one transaction: commits when it returns, rolls back when it throws (and rethrows).
    ///
    /// Use only the executor passed to `body` inside it; calling the store itself from the body throws
    /// ``StoreError/Reason/misuse`` on SQLite (it would wait for its own transaction) and runs outside the
    /// transaction on PostgreSQL.
    func withTransaction<T: Sendable>(
        isolation: isolated (any Actor)?, body: (any SQLExecutor) async throws -> T
    ) async throws -> T

    /// Closes every connection. Later calls throw ``StoreError/Reason/misuse``.
    func close() async
}

extension Store {
    /// Runs `body` in one transaction on the caller's actor; see ``Store/withTransaction(isolation:body:)``.
    ///
    /// ```swift
    /// try await store.withTransaction { tx in
    ///     try await tx.execute("UPDATE accounts SET balance = balance - \(amount) WHERE id = \(from)")
    ///     try await tx.execute("UPDATE accounts SET balance = balance + \(amount) WHERE id = \(to)")
    /// }
    /// ```
    public func withTransaction<T: Sendable>(
        isolation: isolated (any Actor)? = #isolation, _ body: (any SQLExecutor) async throws -> T
    ) async throws -> T {
        try await withTransaction(isolation: isolation, body: body)
    }
}
