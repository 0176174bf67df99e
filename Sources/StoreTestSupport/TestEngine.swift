public import Foundation
public import Store
import StorePostgres
import StoreSQLite
public import Testing

/// The engines the contract suite runs on. PostgreSQL needs `JIANWU_TEST_POSTGRES_URL` (see
/// `scripts/postgres-test.sh`); without it the PostgreSQL cases fail when `CI` is set, and otherwise are left
/// out of the arguments while ``PostgresAvailabilityTests`` reports the half as skipped — never silently passed.
public enum TestEngine: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    public var testDescription: String { rawValue }

    /// The engines to run: both, unless PostgreSQL is unconfigured outside CI.
    public static var available: [TestEngine] {
        postgresURL != nil || isCI ? [.sqlite, .postgres] : [.sqlite]
    }

    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

    public static var postgresURL: String? {
        let url = ProcessInfo.processInfo.environment["JIANWU_TEST_POSTGRES_URL"]
        return url?.isEmpty == false ? url : nil
    }

    /// Runs `body` against a fresh, empty database of this engine, then removes it.
    public func withStore<T: Sendable>(_ body: (any Store) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jianwu-store-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = try await SQLiteStore.open(path: directory.appendingPathComponent("jianwu.db").path)
            return try await Self.closing(store, body)
        case .postgres:
            guard let url = Self.postgresURL else {
                throw StoreError(
                    .connectionFailed,
                    message: "JIANWU_TEST_POSTGRES_URL is not set: CI must run the PostgreSQL half (scripts/postgres-test.sh start)")
            }
            return try await PostgresTestSchema.withStore(serverURL: url) { store in
                try await body(store)
            }
        }
    }

    private static func closing<T: Sendable>(_ store: some Store, _ body: (any Store) async throws -> T) async throws -> T {
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}
