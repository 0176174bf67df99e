import Foundation
import Store
import Synchronization

/// Writes numbered rows until killed, printing each id on stdout only after its commit returned.
struct CrashWriter {
    let store: any Store
    let concurrency: Int

    func run() async throws -> Never {
        let start = try await store.queryValue("SELECT coalesce(max(id), 0) FROM crash_writes", as: Int64.self) + 1
        let next = IDSequence(start: start)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    while true {
                        let id = next.take()
                        await writeUntilAcknowledged(id)
                    }
                }
            }
        }
        fatalError("writers never finish")
    }

    /// Retries while the database is unreachable (the PostgreSQL server may be down for a while).
    private func writeUntilAcknowledged(_ id: Int64) async {
        let payload = CrashSchema.payload(for: id)
        while true {
            do {
                try await store.withTransaction { transaction in
                    try await transaction.execute(
                        "INSERT INTO crash_writes (id, payload, digest) VALUES (\(id), \(payload), \(CrashSchema.digest(of: payload)))")
                    try await transaction.execute(
                        "UPDATE crash_ledger SET total = total + 1, last_id = CASE WHEN last_id > \(id) THEN last_id ELSE \(id) END WHERE id = 1")
                }
                acknowledge(id)
                return
            } catch let error as StoreError where [.connectionLost, .connectionFailed, .busy, .serializationFailure].contains(error.reason) {
                // Lost before or during COMMIT: the write may or may not be there, but it was never acknowledged.
                try? await Task.sleep(for: .milliseconds(50))
                if error.reason == .connectionLost { return }
            } catch {
                FileHandle.standardError.write(Data("write \(id) failed: \(error)\n".utf8))
                exit(3)
            }
        }
    }

    /// One `write(2)` per line, so lines from concurrent writers never interleave.
    private func acknowledge(_ id: Int64) {
        let line = Array("\(id)\n".utf8)
        _ = line.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
    }
}

/// Hands out increasing ids to the concurrent writers.
private final class IDSequence: Sendable {
    private let next: Mutex<Int64>

    init(start: Int64) {
        next = Mutex(start)
    }

    func take() -> Int64 {
        next.withLock { value in
            defer { value += 1 }
            return value
        }
    }
}
