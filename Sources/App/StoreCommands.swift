import Foundation
import Store
import StoreSQLite

/// `jianwu migrate` and `jianwu backup <file>`.
enum StoreCommands {
    static func migrate(arguments: [String], environment: [String: String]) async throws -> Int32 {
        let configuration = try ServeConfiguration.parse(arguments: arguments, environment: environment)
        try DataDirectory.prepare(configuration.dataDirectory)
        let location = try StoreBootstrap.location(for: configuration)
        let store = try await StoreBootstrap.open(location)
        defer { Task { await store.close() } }
        let applied = try await StoreBootstrap.prepareSchema(store, allowMigration: true)
        print(applied.isEmpty ? "\(location): schema is up to date" : "\(location): applied \(applied.joined(separator: ", "))")
        return 0
    }

    /// Copies the SQLite database with SQLite's online backup API while the server may keep running.
    static func backup(arguments: [String], environment: [String: String]) async throws -> Int32 {
        guard let destination = arguments.first, !destination.hasPrefix("-") else {
            CommandLineTool.fail("usage: jianwu backup <file> [--data-dir DIR] [--db sqlite:<path>]")
            return 2
        }
        let configuration = try ServeConfiguration.parse(arguments: Array(arguments.dropFirst()), environment: environment)
        let location = try StoreBootstrap.location(for: configuration)
        guard case .sqlite(let path) = location.engine else {
            throw ConfigurationError("jianwu backup copies the embedded SQLite database only", fix: "back up PostgreSQL with pg_dump or pg_basebackup")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigurationError("no database at \(path)", fix: "check --data-dir (the database is <data-dir>/jianwu.db)")
        }
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw ConfigurationError("\(destination) already exists", fix: "choose a new file name; a backup never overwrites")
        }
        let store = try await SQLiteStore.open(path: path)
        try await store.backup(to: destination)
        await store.close()
        print("backed up \(path) to \(destination)")
        return 0
    }
}
