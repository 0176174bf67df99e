import Store
import Synchronization

/// The executor a transaction body receives: runs on the writer connection that holds `BEGIN IMMEDIATE`.
/// It stops working when the transaction ends, so a handle that escapes the body cannot write outside it.
final class SQLiteTransaction: SQLExecutor {
    private let connection: SQLiteConnection
    private let isActive = Mutex(true)

    init(connection: SQLiteConnection) {
        self.connection = connection
    }

    var dialect: SQLDialect { .sqlite }

    func finish() {
        isActive.withLock { $0 = false }
    }

    func execute(_ query: SQLQuery) async throws -> Int {
        let sql = try checkedSQL(query)
        return try await SQLiteStore.interruptible(connection) { try await connection.run(sql, query.bindings).changes }
    }

    func query(_ query: SQLQuery) async throws -> [Row] {
        let sql = try checkedSQL(query)
        return try await SQLiteStore.interruptible(connection) { try await connection.run(sql, query.bindings).rows }
    }

    func executeScript(unsafeSQL script: String) async throws {
        _ = try checkedSQL("")
        try await SQLiteStore.interruptible(connection) { try await connection.runScript(script) }
    }

    private func checkedSQL(_ query: SQLQuery) throws(StoreError) -> String {
        let sql = query.sql(for: .sqlite)
        guard isActive.withLock({ $0 }) else {
            throw StoreError(.misuse, message: "the transaction has ended; its handle must not be used after withTransaction returns", sql: sql)
        }
        return sql
    }
}
