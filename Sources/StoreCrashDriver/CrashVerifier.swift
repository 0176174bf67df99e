import Foundation
import Store

/// Checks a database after a crash: every acknowledged id is present, rows are intact, the ledger agrees,
/// and (SQLite) `PRAGMA integrity_check` is ok.
struct CrashVerifier {
    let store: any Store

    /// Returns the problems found; empty means the database kept every acknowledged write.
    func verify(acknowledged: [Int64]) async throws -> [String] {
        var problems: [String] = []
        if store.dialect == .sqlite {
            let integrity = try await store.query("PRAGMA integrity_check").map { try $0.decode(at: 0, as: String.self) }
            if integrity != ["ok"] { problems.append("integrity_check: \(integrity.joined(separator: "; "))") }
        }
        let rows = try await store.query("SELECT id, payload, digest FROM crash_writes")
        var present = Set<Int64>()
        for row in rows {
            let id = try row.decode(column: "id", as: Int64.self)
            let payload = try row.decode(column: "payload", as: String.self)
            let digest = try row.decode(column: "digest", as: Int64.self)
            present.insert(id)
            if payload != CrashSchema.payload(for: id) || digest != CrashSchema.digest(of: payload) {
                problems.append("row \(id) is damaged")
            }
        }
        let ledger = try await store.queryOne("SELECT total, last_id FROM crash_ledger WHERE id = 1")
        let total = try ledger.decode(column: "total", as: Int.self)
        if total != present.count { problems.append("ledger total \(total) but \(present.count) rows") }
        if try ledger.decode(column: "last_id", as: Int64.self) != (present.max() ?? 0) { problems.append("ledger last_id disagrees with max(id)") }
        let missing = acknowledged.filter { !present.contains($0) }
        if !missing.isEmpty { problems.append("\(missing.count) acknowledged writes missing, e.g. \(missing.prefix(5).map(String.init))") }
        return problems
    }
}
