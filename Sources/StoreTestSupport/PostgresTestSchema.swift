import Foundation
import Store
public import StorePostgres

/// Gives each PostgreSQL test its own schema on the shared test server, so tests run in parallel without
/// seeing each other's tables; the schema is dropped afterwards.
public enum PostgresTestSchema {
    public static func withStore<T: Sendable>(
        serverURL: String, configuration: PostgresStore.Configuration = PostgresStore.Configuration(),
        _ body: (PostgresStore) async throws -> T
    ) async throws -> T {
        let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = try await PostgresStore.open(url: serverURL, configuration: PostgresStore.Configuration(maximumConnections: 1))
        try await admin.executeScript(unsafeSQL: "CREATE SCHEMA \(schema)")
        let separator = serverURL.contains("?") ? "&" : "?"
        let url = serverURL + separator + "options=-c%20search_path%3D\(schema)"
        do {
            let store = try await PostgresStore.open(url: url, configuration: configuration)
            let result: T
            do {
                result = try await body(store)
            } catch {
                await store.close()
                throw error
            }
            await store.close()
            try await admin.executeScript(unsafeSQL: "DROP SCHEMA \(schema) CASCADE")
            await admin.close()
            return result
        } catch {
            try? await admin.executeScript(unsafeSQL: "DROP SCHEMA \(schema) CASCADE")
            await admin.close()
            throw error
        }
    }

    /// Runs `script` once on the server's database through a short-lived connection.
    public static func adminScript(_ script: String, serverURL: String) async throws {
        let admin = try await PostgresStore.open(url: serverURL, configuration: PostgresStore.Configuration(maximumConnections: 1))
        do {
            try await admin.executeScript(unsafeSQL: script)
        } catch {
            await admin.close()
            throw error
        }
        await admin.close()
    }
}
