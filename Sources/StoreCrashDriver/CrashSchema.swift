import Store

/// The crash test's own tables: every write inserts a row and bumps a ledger in one transaction, so a torn
/// or half-applied transaction shows up as a ledger that disagrees with the rows.
enum CrashSchema {
    static let migrator = Migrator([
        Migration(
            "crash-001-writes",
            sql: """
                CREATE TABLE crash_writes (id BIGINT PRIMARY KEY, payload TEXT NOT NULL, digest BIGINT NOT NULL);
                CREATE TABLE crash_ledger (id BIGINT PRIMARY KEY, total BIGINT NOT NULL, last_id BIGINT NOT NULL);
                INSERT INTO crash_ledger (id, total, last_id) VALUES (1, 0, 0);
                """)
    ])

    /// The payload written for `id`: long enough to span pages now and then, derived from the id so it can be checked.
    static func payload(for id: Int64) -> String {
        String(repeating: "检务云\(id)-", count: Int(id % 97) + 1)
    }

    /// A checksum of the payload that is stored next to it.
    static func digest(of payload: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in payload.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return Int64(bitPattern: hash >> 1)
    }
}
