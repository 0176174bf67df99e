import Foundation
import Store
import StoreSQLite
import Testing

/// What only the SQLite driver promises: its durability settings, online backup, and safe concurrency.
struct SQLiteStoreTests {
    private static func withDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jianwu-sqlite-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(directory)
    }

    @Test func writerUsesWALFullSyncAndForeignKeys() async throws {
        try await Self.withDirectory { directory in
            let store = try await SQLiteStore.open(path: directory.appendingPathComponent("nested/jianwu.db").path)
            let settings = try await store.withTransaction { transaction in
                (
                    try await transaction.queryValue("PRAGMA journal_mode", as: String.self),
                    try await transaction.queryValue("PRAGMA synchronous", as: Int.self),
                    try await transaction.queryValue("PRAGMA foreign_keys", as: Int.self)
                )
            }
            await store.close()
            #expect(settings.0 == "wal")
            #expect(settings.1 == 2, "synchronous=FULL is 2")
            #expect(settings.2 == 1)
        }
    }

    @Test func writingThroughTheStoreInsideItsOwnTransactionIsMisuseNotADeadlock() async throws {
        try await Self.withDirectory { directory in
            let store = try await SQLiteStore.open(path: directory.appendingPathComponent("jianwu.db").path)
            try await store.executeScript(unsafeSQL: "CREATE TABLE t (id INTEGER PRIMARY KEY)")
            do {
                _ = try await store.withTransaction { _ in try await store.execute("INSERT INTO t (id) VALUES (1)") }
                Issue.record("the nested write was accepted")
            } catch {
                #expect((error as? StoreError)?.reason == .misuse)
            }
            await store.close()
        }
    }

    @Test func twoStoresOnOneFileWaitForEachOtherInsteadOfFailing() async throws {
        try await Self.withDirectory { directory in
            let path = directory.appendingPathComponent("jianwu.db").path
            let first = try await SQLiteStore.open(path: path)
            let second = try await SQLiteStore.open(path: path)
            try await first.executeScript(
                unsafeSQL: "CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL); INSERT INTO counter VALUES (1, 0);")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for store in [first, second] {
                    group.addTask {
                        for _ in 0..<50 {
                            try await store.withTransaction { transaction in
                                let value = try await transaction.queryValue("SELECT value FROM counter WHERE id = 1", as: Int.self)
                                try await transaction.execute("UPDATE counter SET value = \(value + 1) WHERE id = 1")
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await first.queryValue("SELECT value FROM counter", as: Int.self) == 100)
            await first.close()
            await second.close()
        }
    }

    /// Reads start on the caller's thread; one that outruns its inline budget is stopped and run again on a Dispatch
    /// thread. Either way the caller gets the whole, correct result, inside a transaction or not.
    @Test func readsThatOutrunTheirInlineBudgetStillReturnTheWholeResult() async throws {
        try await Self.withDirectory { directory in
            let configuration = SQLiteStore.Configuration(inlineReadBudget: .nanoseconds(1))
            let store = try await SQLiteStore.open(path: directory.appendingPathComponent("jianwu.db").path, configuration: configuration)
            let count: SQLQuery = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(200_000)) SELECT count(*), sum(i) FROM n"
            let outside = try await store.queryOne(count)
            #expect(try outside.decode(at: 0, as: Int.self) == 200_000)
            #expect(try outside.decode(at: 1, as: Int.self) == 200_000 * 200_001 / 2)
            try await store.executeScript(unsafeSQL: "CREATE TABLE t (id INTEGER PRIMARY KEY)")
            let inside = try await store.withTransaction { transaction in
                try await transaction.execute("INSERT INTO t (id) VALUES (1)")
                // Stopping this read must not roll back the insert before it.
                let total = try await transaction.queryValue(count, as: Int.self)
                try await transaction.execute("INSERT INTO t (id) VALUES (2)")
                return total
            }
            #expect(inside == 200_000)
            #expect(try await store.queryValue("SELECT count(*) FROM t", as: Int.self) == 2)
            await store.close()
        }
    }

    @Test func backupRestoresToAnIdenticalDatabase() async throws {
        try await Self.withDirectory { directory in
            let store = try await SQLiteStore.open(path: directory.appendingPathComponent("jianwu.db").path)
            try await store.executeScript(
                unsafeSQL: """
                    CREATE TABLE cases (id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE, opened_at TEXT);
                    CREATE TABLE notes (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE, body BLOB);
                    CREATE INDEX notes_by_case ON notes (case_id);
                    CREATE VIEW case_note_counts AS SELECT case_id, count(*) AS n FROM notes GROUP BY case_id;
                    CREATE TRIGGER cases_touch AFTER UPDATE ON cases BEGIN UPDATE cases SET opened_at = opened_at WHERE id = NEW.id; END;
                    """)
            for id in 1...200 {
                try await store.execute("INSERT INTO cases (id, number, opened_at) VALUES (\(id), \("宁鼓检刑诉〔2026〕\(id)号"), \(Date.now))")
                try await store.execute("INSERT INTO notes (case_id, body) VALUES (\(id), \([UInt8](repeating: UInt8(id % 256), count: id * 10)))")
            }
            let backupPath = directory.appendingPathComponent("backup/jianwu-backup.db").path
            try FileManager.default.createDirectory(atPath: (backupPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            // Writes keep going while the backup runs: the copy is one consistent snapshot.
            async let writes: Void = {
                for id in 201...300 { try await store.execute("INSERT INTO cases (id, number) VALUES (\(id), \("n\(id)"))") }
            }()
            try await store.backup(to: backupPath)
            try await writes
            let restored = try await SQLiteStore.open(path: backupPath)
            #expect(try await restored.queryValue("PRAGMA integrity_check", as: String.self) == "ok")
            let restoredCases = try await restored.queryValue("SELECT count(*) FROM cases", as: Int.self)
            #expect(restoredCases >= 200 && restoredCases <= 300)
            // Compare against the source as it was at the same count.
            try await store.execute("DELETE FROM cases WHERE id > \(restoredCases)")
            #expect(try await Self.snapshot(of: restored) == (try await Self.snapshot(of: store)))
            #expect(!FileManager.default.fileExists(atPath: backupPath + ".partial"))
            await restored.close()
            await store.close()
        }
    }

    /// Schema and every row of every table, in a stable order.
    private static func snapshot(of store: any Store) async throws -> [String] {
        let schema = try await store.query("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
        var lines = schema.map { "\($0.values)" }
        let tables = try await store.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        for table in tables {
            let name = try table.decode(column: "name", as: String.self)
            let rows = try await store.query("SELECT * FROM \(unsafeRaw: name) ORDER BY 1")
            lines += rows.map { "\(name): \($0.values)" }
        }
        return lines
    }
}
