import Foundation
import Store
import StoreTestSupport
import Testing

/// `withTransaction` commits when the body returns and rolls back when it throws; concurrent writers and
/// readers neither fail nor lose updates.
struct TransactionContractTests {
    private struct Rejected: Error {}

    private static func createAccounts(_ store: any Store) async throws {
        try await store.executeScript(
            unsafeSQL: """
                CREATE TABLE accounts (id BIGINT PRIMARY KEY, balance BIGINT NOT NULL);
                INSERT INTO accounts (id, balance) VALUES (1, 100), (2, 0);
                """)
    }

    private static func balances(_ store: any Store) async throws -> [Int] {
        try await store.query("SELECT balance FROM accounts ORDER BY id").map { try $0.decode(at: 0, as: Int.self) }
    }

    @Test(arguments: TestEngine.available)
    func returningFromTheBodyCommitsEveryStatement(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createAccounts(store)
            let moved = try await store.withTransaction { transaction in
                try await transaction.execute("UPDATE accounts SET balance = balance - \(30) WHERE id = 1")
                try await transaction.execute("UPDATE accounts SET balance = balance + \(30) WHERE id = 2")
                return try await transaction.queryValue("SELECT balance FROM accounts WHERE id = 2", as: Int.self)
            }
            #expect(moved == 30)
            #expect(try await Self.balances(store) == [70, 30])
        }
    }

    @Test(arguments: TestEngine.available)
    func throwingFromTheBodyRollsBackAndRethrows(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createAccounts(store)
            await #expect(throws: Rejected.self) {
                try await store.withTransaction { transaction in
                    try await transaction.execute("UPDATE accounts SET balance = 0 WHERE id = 1")
                    throw Rejected()
                }
            }
            #expect(try await Self.balances(store) == [100, 0])
        }
    }

    @Test(arguments: TestEngine.available)
    func aFailedStatementRollsBackTheWholeTransaction(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createAccounts(store)
            await #expect(throws: StoreError.self) {
                try await store.withTransaction { transaction in
                    try await transaction.execute("UPDATE accounts SET balance = 1 WHERE id = 1")
                    try await transaction.execute("INSERT INTO accounts (id, balance) VALUES (2, 5)")
                }
            }
            #expect(try await Self.balances(store) == [100, 0])
        }
    }

    @Test(arguments: TestEngine.available)
    func uncommittedWritesAreInvisibleOutsideTheTransaction(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createAccounts(store)
            try await store.withTransaction { transaction in
                try await transaction.execute("UPDATE accounts SET balance = 7 WHERE id = 1")
                #expect(try await store.queryValue("SELECT balance FROM accounts WHERE id = 1", as: Int.self) == 100)
                #expect(try await transaction.queryValue("SELECT balance FROM accounts WHERE id = 1", as: Int.self) == 7)
            }
            #expect(try await store.queryValue("SELECT balance FROM accounts WHERE id = 1", as: Int.self) == 7)
        }
    }

    @Test(arguments: TestEngine.available)
    func aHandleUsedAfterItsTransactionEndedIsMisuse(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createAccounts(store)
            let escaped = try await store.withTransaction { transaction in transaction }
            do {
                try await escaped.execute("UPDATE accounts SET balance = 0")
                Issue.record("an ended transaction accepted a write")
            } catch {
                #expect((error as? StoreError)?.reason == .misuse)
            }
            #expect(try await Self.balances(store) == [100, 0])
        }
    }

    @Test(arguments: TestEngine.available)
    func concurrentReadModifyWriteTransactionsLoseNoUpdate(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createAccounts(store)
            let writers = 40
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<writers {
                    group.addTask {
                        try await store.withTransaction { transaction in
                            let balance = try await transaction.queryValue("SELECT balance FROM accounts WHERE id = 2", as: Int.self)
                            try await transaction.execute("UPDATE accounts SET balance = \(balance + 1) WHERE id = 2")
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await Self.balances(store) == [100, writers])
        }
    }

    @Test(arguments: TestEngine.available)
    func concurrentWritesAndReadsNeverReportBusy(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await store.executeScript(unsafeSQL: "CREATE TABLE events (id BIGINT PRIMARY KEY, body TEXT NOT NULL)")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        for index in 0..<25 {
                            try await store.execute("INSERT INTO events (id, body) VALUES (\(worker * 1000 + index), \("e"))")
                            _ = try await store.query("SELECT count(*) FROM events")
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.queryValue("SELECT count(*) FROM events", as: Int.self) == 200)
        }
    }
}
