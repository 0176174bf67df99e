import Foundation
import Store
import StoreTestSupport
import Testing

/// Failures arrive as ``StoreError`` with the same reason on both engines, and never print bound values.
struct ErrorContractTests {
    private static func createPeople(_ store: any Store) async throws {
        try await store.executeScript(
            unsafeSQL: """
                CREATE TABLE units (id BIGINT PRIMARY KEY, name TEXT NOT NULL);
                CREATE TABLE people (
                    id BIGINT PRIMARY KEY,
                    citizen_id TEXT NOT NULL UNIQUE,
                    unit_id BIGINT REFERENCES units (id),
                    age INTEGER CHECK (age >= 0)
                );
                INSERT INTO units (id, name) VALUES (1, '鼓楼区院');
                """)
    }

    private static func storeError(_ operation: () async throws -> Void) async -> StoreError? {
        do {
            try await operation()
            return nil
        } catch {
            return error as? StoreError
        }
    }

    @Test(arguments: TestEngine.available)
    func duplicateKeyIsAUniqueViolationThatHidesTheValue(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createPeople(store)
            let secret = "32010219900101123X"
            try await store.execute("INSERT INTO people (id, citizen_id) VALUES (1, \(secret))")
            let error = await Self.storeError { try await store.execute("INSERT INTO people (id, citizen_id) VALUES (2, \(secret))") }
            #expect(error?.reason == .uniqueViolation)
            #expect(error?.isConstraintViolation == true)
            #expect(error.map { String(describing: $0).contains(secret) } == false)
            #expect(error.map { String(reflecting: $0).contains(secret) } == false)
        }
    }

    @Test(arguments: TestEngine.available)
    func missingParentIsAForeignKeyViolation(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createPeople(store)
            let error = await Self.storeError { try await store.execute("INSERT INTO people (id, citizen_id, unit_id) VALUES (1, 'a', 42)") }
            #expect(error?.reason == .foreignKeyViolation)
        }
    }

    @Test(arguments: TestEngine.available)
    func nullInANotNullColumnIsANotNullViolation(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createPeople(store)
            let error = await Self.storeError { try await store.execute("INSERT INTO people (id, citizen_id) VALUES (1, \(String?.none))") }
            #expect(error?.reason == .notNullViolation)
        }
    }

    @Test(arguments: TestEngine.available)
    func failedCheckIsAConstraintViolation(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createPeople(store)
            let error = await Self.storeError { try await store.execute("INSERT INTO people (id, citizen_id, age) VALUES (1, 'a', \(-3))") }
            #expect(error?.reason == .constraintViolation)
            #expect(error?.isConstraintViolation == true)
        }
    }

    @Test(arguments: TestEngine.available)
    func queryOneWithoutRowsIsNotFound(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createPeople(store)
            let error = await Self.storeError { _ = try await store.queryOne("SELECT id FROM people WHERE id = \(404)") }
            #expect(error?.reason == .notFound)
            #expect(try await store.queryFirst("SELECT id FROM people WHERE id = \(404)") == nil)
        }
    }

    @Test(arguments: TestEngine.available)
    func unknownTableIsAnInvalidQuery(engine: TestEngine) async throws {
        try await engine.withStore { store in
            let error = await Self.storeError { _ = try await store.query("SELECT * FROM no_such_table WHERE id = \(1)") }
            #expect(error?.reason == .invalidQuery)
            #expect(error?.sql?.contains("no_such_table") == true)
        }
    }

    @Test(arguments: TestEngine.available)
    func reasonsMatchInCatchPatterns(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createPeople(store)
            try await store.execute("INSERT INTO people (id, citizen_id) VALUES (1, 'a')")
            var matched = false
            do {
                try await store.execute("INSERT INTO people (id, citizen_id) VALUES (1, 'b')")
            } catch StoreError.Reason.uniqueViolation {
                matched = true
            }
            #expect(matched)
        }
    }
}
