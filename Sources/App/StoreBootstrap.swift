import Cases
import Foundation
import Identity
import Knowledge
import Notifications
import RemoteSessions
public import Store
import StorePostgres
import StoreSQLite

/// Opens the configured store and brings its schema up to date.
public enum StoreBootstrap {
    /// Every migration the product ships, in order. Feature modules append theirs here; a shipped entry is never edited.
    public static let migrations: [Migration] = IdentitySchema.migrations + KnowledgeSchema.migrations + NotificationsSchema.migrations + CasesSchema.migrations + RemoteSessionsSchema.migrations

    public static func location(for configuration: ServeConfiguration) throws(ConfigurationError) -> StoreLocation {
        do {
            let text = configuration.database == "sqlite" ? nil : configuration.database
            return try StoreLocation(parsing: text, dataDirectory: configuration.dataDirectory.path)
        } catch {
            throw ConfigurationError("--db: \(error)", fix: "use 'sqlite', sqlite:<path> or a postgres:// URL")
        }
    }

    public static func open(_ location: StoreLocation) async throws -> any Store {
        do {
            switch location.engine {
            case .sqlite(let path): return try await SQLiteStore.open(path: path)
            case .postgres(let url): return try await PostgresStore.open(url: url)
            }
        } catch let error as StoreError {
            throw ConfigurationError("cannot open the database \(location) (\(error))", fix: "check --db and that the database server is running")
        }
    }

    /// Applies pending migrations, or with `allowMigration == false` refuses to go on when any are pending.
    public static func prepareSchema(_ store: any Store, allowMigration: Bool) async throws -> [String] {
        let migrator = Migrator(migrations)
        let pending = try await migrator.pending(in: store)
        if pending.isEmpty { return [] }
        guard allowMigration else {
            throw ConfigurationError(
                "\(pending.count) database migration(s) pending (\(pending.joined(separator: ", "))) and --no-migrate was given",
                fix: "run 'jianwu migrate' first, or start without --no-migrate")
        }
        return try await migrator.migrate(store)
    }
}
