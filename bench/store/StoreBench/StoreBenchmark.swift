import Store

/// The measured work. It lives in a nonisolated type, not in `main.swift`'s top-level code, because top-level code
/// is on the main actor: every `await store.…` from there would hop to the main thread and back, which measures
/// the main actor instead of the store (Jianwu's handlers run on event-loop executors, never on the main actor).
struct StoreBenchmark {
    let store: any Store
    let rows: Int
    let selects: Int

    func run() async throws {
        try await store.executeScript(
            unsafeSQL: "DROP TABLE IF EXISTS bench_store; CREATE TABLE bench_store (id BIGINT PRIMARY KEY, name TEXT NOT NULL, value BIGINT NOT NULL)")
        let rows = rows
        let store = store

        // Inserts, all in one transaction (the durable commit cost is paid once).
        let insertRate = try await measure(rows) {
            try await store.withTransaction { transaction in
                for id in 1...rows {
                    try await transaction.execute("INSERT INTO bench_store (id, name, value) VALUES (\(id), \("案件\(id)"), \(id * 7))")
                }
            }
        }
        print("insert_batched \(insertRate)")

        // Inserts, one durable transaction each.
        let autocommitRows = min(rows, 500)
        let autocommitRate = try await measure(autocommitRows) {
            for id in (rows + 1)...(rows + autocommitRows) {
                try await store.execute("INSERT INTO bench_store (id, name, value) VALUES (\(id), \("案件\(id)"), \(id * 7))")
            }
        }
        print("insert_autocommit \(autocommitRate)")

        // Point selects by primary key, one after another.
        var generator = SystemRandomNumberGenerator()
        let ids = (0..<selects).map { _ in Int.random(in: 1...rows, using: &generator) }
        let selectRate = try await measure(selects) {
            for id in ids {
                let row = try await store.queryOne("SELECT name, value FROM bench_store WHERE id = \(id)")
                _ = try row.decode(column: "value", as: Int.self)
            }
        }
        print("select_sequential \(selectRate)")

        // The same point selects from 4 concurrent tasks (not compared: the peers run single-threaded).
        let selects = selects
        let concurrentRate = try await measure(selects) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for part in 0..<4 {
                    group.addTask {
                        for id in ids[(part * selects / 4)..<((part + 1) * selects / 4)] {
                            _ = try await store.queryOne("SELECT name, value FROM bench_store WHERE id = \(id)")
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        print("select_concurrent4 \(concurrentRate)")
    }

    private func measure(_ operations: Int, _ body: () async throws -> Void) async throws -> Double {
        let start = ContinuousClock.now
        try await body()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Double(operations) / seconds
    }
}
