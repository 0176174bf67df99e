import Store
import Synchronization

/// The executor a transaction body receives: runs on the writer connection that holds `BEGIN IMMEDIATE`.
/// It stops working when the transaction ends, so a handle that escapes the body cannot write outside it.
///
/// Its statements run on the caller's thread (see ``SQLiteStore`` for why and for the trade-off).
final class SQLiteTransaction: SQLExecutor {
    private let connection: SQLiteConnection
    private let store: SQLiteStore
    private let isActive = Mutex(true)

    init(connection: SQLiteConnection, store: SQLiteStore) {
        self.connection = connection
        self.store = store
    }

    var dialect: SQLDialect { .sqlite }

    func finish() {
        isActive.withLock { $0 = false }
    }

    func execute(_ query: SQLQuery) async throws -> Int {
        try await run(query).changes
    }

    func query(_ query: SQLQuery) async throws -> [Row] {
        try await run(query).rows
    }

    func executeScript(unsafeSQL script: String) async throws {
        _ = try checkedSQL("")
        try await store.runScript(on: connection, script)
    }

    private func run(_ query: SQLQuery) async throws -> (rows: [Row], changes: Int) {
        let sql = try checkedSQL(query)
        guard case .finished(let rows, let changes) = try await store.runBounded(on: connection, sql, query.bindings, onlyIfReadOnly: false)
        else { preconditionFailure("runBounded finishes every statement when not filtering for reads") }
        return (rows, changes)
    }

    private func checkedSQL(_ query: SQLQuery) throws(StoreError) -> String {
        let sql = query.sql(for: .sqlite)
        guard isActive.withLock({ $0 }) else {
            throw StoreError(.misuse, message: "the transaction has ended; its handle must not be used after withTransaction returns", sql: sql)
        }
        return sql
    }
}
