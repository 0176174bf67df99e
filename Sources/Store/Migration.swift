/// One named schema change in plain SQL. Once shipped, a migration is never edited: the ``Migrator`` records a
/// checksum of what ran and refuses to continue when the text changes.
public struct Migration: Sendable, Hashable {
    /// The unique name, recorded in the migrations table (`"2026-01-case-files"`).
    public let name: String
    private let sqliteScript: String
    private let postgresScript: String

    /// A migration whose SQL runs unchanged on both engines.
    public init(_ name: String, sql: String) {
        self.init(name, sqlite: sql, postgres: sql)
    }

    /// A migration with one script per engine, for the rare statements that differ
    /// (`INTEGER PRIMARY KEY AUTOINCREMENT` against `BIGINT GENERATED ALWAYS AS IDENTITY`, for instance).
    public init(_ name: String, sqlite: String, postgres: String) {
        self.name = name
        sqliteScript = sqlite
        postgresScript = postgres
    }

    /// The script this migration runs on `dialect`.
    public func script(for dialect: SQLDialect) -> String {
        dialect == .postgres ? postgresScript : sqliteScript
    }

    /// A fingerprint of the script for `dialect` (FNV-1a, 64 bits, hex): enough to notice an edit, not a
    /// security measure.
    public func checksum(for dialect: SQLDialect) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in script(for: dialect).utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
