import Foundation
import Store
import StoreTestSupport
import Testing

/// Cancelling the task that runs a long statement stops the statement on the engine.
struct CancellationContractTests {
    /// A statement that runs for many seconds on either engine.
    private static func slowQuery(_ dialect: SQLDialect) -> SQLQuery {
        dialect == .postgres
            ? "SELECT pg_sleep(\(30))"
            : "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(2_000_000_000)) SELECT count(*) FROM n"
    }

    @Test(arguments: TestEngine.available)
    func cancellingTheTaskInterruptsARunningStatement(engine: TestEngine) async throws {
        try await engine.withStore { store in
            // Without cancellation the statement would run to the end and succeed, so the `.cancelled` error is the proof;
            // no wall-clock bound (a loaded machine would make one flaky).
            let task = Task { try await store.query(Self.slowQuery(store.dialect)) }
            try await Task.sleep(for: .milliseconds(300))
            task.cancel()
            let result = await task.result
            #expect(throws: StoreError.self) { try result.get() }
            if case .failure(let error) = result { #expect((error as? StoreError)?.reason == .cancelled) }
            // The connection that ran it still works.
            #expect(try await store.queryValue("SELECT 1", as: Int.self) == 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func cancellingInsideATransactionRollsItBack(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await store.executeScript(unsafeSQL: "CREATE TABLE marks (id BIGINT PRIMARY KEY)")
            let task = Task {
                try await store.withTransaction { transaction in
                    try await transaction.execute("INSERT INTO marks (id) VALUES (1)")
                    _ = try await transaction.query(Self.slowQuery(transaction.dialect))
                }
            }
            try await Task.sleep(for: .milliseconds(300))
            task.cancel()
            _ = await task.result
            #expect(try await store.queryValue("SELECT count(*) FROM marks", as: Int.self) == 0)
            try await store.execute("INSERT INTO marks (id) VALUES (2)")
        }
    }
}
