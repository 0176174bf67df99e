import Foundation
import Store
import StoreTestSupport
import Testing

/// Migrations run once, in order, are recorded, and refuse to continue when history was rewritten.
struct MigrationContractTests {
    private static let first = Migration("001-cases", sql: "CREATE TABLE cases (id BIGINT PRIMARY KEY, number TEXT NOT NULL UNIQUE)")
    private static let second = Migration(
        "002-case-notes",
        sqlite: "CREATE TABLE case_notes (id INTEGER PRIMARY KEY AUTOINCREMENT, case_id BIGINT NOT NULL REFERENCES cases (id), body TEXT NOT NULL)",
        postgres:
            "CREATE TABLE case_notes (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, case_id BIGINT NOT NULL REFERENCES cases (id), body TEXT NOT NULL)"
    )

    @Test(arguments: TestEngine.available)
    func pendingListsUnappliedMigrationsWithoutChangingTheDatabase(engine: TestEngine) async throws {
        try await engine.withStore { store in
            let migrator = Migrator([Self.first, Self.second])
            let before = try await migrator.pending(in: store)
            let again = try await migrator.pending(in: store)
            let applied = try await Migrator([Self.first]).migrate(store)
            let after = try await migrator.pending(in: store)
            #expect(before == ["001-cases", "002-case-notes"])
            #expect(again == before)
            #expect(applied == ["001-cases"])
            #expect(after == ["002-case-notes"])
        }
    }

    @Test(arguments: TestEngine.available)
    func migrateAppliesInOrderOnceAndRecordsEach(engine: TestEngine) async throws {
        try await engine.withStore { store in
            let migrator = Migrator([Self.first, Self.second])
            let first = try await migrator.migrate(store)
            let second = try await migrator.migrate(store)
            let pending = try await migrator.pending(in: store)
            #expect(first == ["001-cases", "002-case-notes"])
            #expect(second.isEmpty)
            #expect(pending.isEmpty)
            try await store.execute("INSERT INTO cases (id, number) VALUES (1, \("苏检刑诉〔2020〕12号"))")
            try await store.execute("INSERT INTO case_notes (case_id, body) VALUES (1, \("note"))")
            let names = try await store.query("SELECT name FROM jianwu_migrations ORDER BY name").map { try $0.decode(at: 0, as: String.self) }
            #expect(names == ["001-cases", "002-case-notes"])
        }
    }

    @Test(arguments: TestEngine.available)
    func aFailingMigrationLeavesNoTraceAndIsNotRecorded(engine: TestEngine) async throws {
        try await engine.withStore { store in
            let broken = Migration("002-broken", sql: "CREATE TABLE half (id BIGINT PRIMARY KEY); CREATE TABLE oops (id NOSUCHTYPE BROKEN SYNTAX (")
            await #expect(throws: StoreError.self) { try await Migrator([Self.first, broken]).migrate(store) }
            let pending = try await Migrator([Self.first, broken]).pending(in: store)
            #expect(pending == ["002-broken"])
            await #expect(throws: StoreError.self) { _ = try await store.query("SELECT id FROM half") }
        }
    }

    @Test(arguments: TestEngine.available)
    func anEditedShippedMigrationIsAConflict(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Migrator([Self.first]).migrate(store)
            let edited = Migration("001-cases", sql: "CREATE TABLE cases (id BIGINT PRIMARY KEY)")
            do {
                _ = try await Migrator([edited]).pending(in: store)
                Issue.record("an edited migration was accepted")
            } catch {
                #expect((error as? StoreError)?.reason == .migrationConflict)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func aDatabaseFromANewerVersionIsAConflict(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Migrator([Self.first, Self.second]).migrate(store)
            await #expect(throws: StoreError.self) { try await Migrator([Self.first]).migrate(store) }
        }
    }
}
