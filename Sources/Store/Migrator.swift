import Foundation

/// Applies ordered, named ``Migration``s and records each one in the `jianwu_migrations` table.
///
/// ```swift
/// let migrator = Migrator([
///     Migration("001-cases", sql: "CREATE TABLE cases (id BIGINT PRIMARY KEY, number TEXT NOT NULL UNIQUE)"),
/// ])
/// if try await !migrator.pending(in: store).isEmpty { … }   // `serve --no-migrate` refuses to start
/// try await migrator.migrate(store)                           // `jianwu migrate`, or `serve` at start-up
/// ```
/// Each migration runs in its own transaction together with its record, so a failed migration leaves nothing
/// behind and a crash never records a half-applied one.
public struct Migrator: Sendable {
    /// The table that records applied migrations: `name`, `checksum`, `applied_at` (ISO 8601 UTC).
    public static let tableName = "jianwu_migrations"

    public let migrations: [Migration]

    /// - Parameter migrations: in the order they must run; names must be unique.
    public init(_ migrations: [Migration]) {
        precondition(Set(migrations.map(\.name)).count == migrations.count, "migration names must be unique")
        self.migrations = migrations
    }

    /// The names of the migrations not yet applied, in order. Reads only: it never creates the table.
    ///
    /// - Throws: ``StoreError/Reason/migrationConflict`` when an applied migration was edited since, or the
    ///   database has a migration this code does not know (it was migrated by a newer version).
    public func pending(in store: any SQLExecutor) async throws -> [String] {
        let applied = try await appliedChecksums(in: store)
        try check(applied, dialect: store.dialect)
        return migrations.map(\.name).filter { applied[$0] == nil }
    }

    /// Applies every pending migration in order and returns the names applied.
    @discardableResult
    public func migrate(_ store: any Store) async throws -> [String] {
        try await store.executeScript(
            unsafeSQL: """
                CREATE TABLE IF NOT EXISTS \(Self.tableName) (
                    name TEXT PRIMARY KEY NOT NULL,
                    checksum TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                )
                """)
        let applied = try await appliedChecksums(in: store)
        try check(applied, dialect: store.dialect)
        var appliedNow: [String] = []
        for migration in migrations where applied[migration.name] == nil {
            let ran = try await store.withTransaction { transaction in
                // Another process may have applied it since we looked.
                let recorded = try await transaction.queryFirst(
                    "SELECT name FROM \(unsafeRaw: Self.tableName) WHERE name = \(migration.name)")
                guard recorded == nil else { return false }
                try await transaction.executeScript(unsafeSQL: migration.script(for: transaction.dialect))
                let now = Date.now
                try await transaction.execute(
                    """
                    INSERT INTO \(unsafeRaw: Self.tableName) (name, checksum, applied_at)
                    VALUES (\(migration.name), \(migration.checksum(for: transaction.dialect)), \(now))
                    """)
                return true
            }
            if ran { appliedNow.append(migration.name) }
        }
        return appliedNow
    }

    private func check(_ applied: [String: String], dialect: SQLDialect) throws {
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.name, $0) })
        for (name, checksum) in applied.sorted(by: { $0.key < $1.key }) {
            guard let migration = known[name] else {
                throw StoreError(
                    .migrationConflict,
                    message: "the database has migration \"\(name)\", which this version does not know: it was migrated by a newer version")
            }
            guard migration.checksum(for: dialect) == checksum else {
                throw StoreError(
                    .migrationConflict, message: "migration \"\(name)\" was edited after it was applied; shipped migrations must never change")
            }
        }
    }

    private func appliedChecksums(in store: any SQLExecutor) async throws -> [String: String] {
        let tableExists: SQLQuery =
            store.dialect == .postgres
            ? "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = \(Self.tableName)"
            : "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = \(Self.tableName)"
        guard try await store.queryFirst(tableExists) != nil else { return [:] }
        let rows = try await store.query("SELECT name, checksum FROM \(unsafeRaw: Self.tableName)")
        var applied: [String: String] = [:]
        for row in rows {
            applied[try row.decode(column: "name", as: String.self)] = try row.decode(column: "checksum", as: String.self)
        }
        return applied
    }
}
