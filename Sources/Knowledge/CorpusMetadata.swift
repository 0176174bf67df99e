public import Foundation
public import Search
import Store
import StoreSQLite

/// Level, category, dates and the expired flag of every corpus document, read from the corpus's `metadata.sqlite3`
/// and matched to files by `<category folder>/<name>(<publish date>).md`.
public struct CorpusMetadata: Sendable {
    private var byPath: [String: LawMetadata] = [:]

    public init() {}

    /// Reads a copy of the database, so the shipped file is never written to (SQLite would add journal files).
    public init(sqliteAt url: URL) async throws {
        let copy = FileManager.default.temporaryDirectory.appending(path: "jianwu-law-metadata-\(UUID().uuidString).sqlite3")
        try FileManager.default.copyItem(at: url, to: copy)
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy.path + suffix) }
        }
        let store = try await SQLiteStore.open(path: copy.path)
        let rows: [Row]
        do {
            rows = try await store.query(
                "SELECT l.id, l.name, l.level, l.publish, l.expired, c.name AS category, c.folder FROM law l JOIN category c ON c.id = l.category_id")
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        for row in rows {
            let publish = try row.decode(column: "publish", as: String?.self)
            let metadata = LawMetadata(
                id: try row.decode(column: "id"), category: try row.decode(column: "category"), level: try row.decode(column: "level"),
                isExpired: try row.decode(column: "expired", as: Int.self) != 0, publishDate: publish?.nilIfEmpty)
            let folder: String = try row.decode(column: "folder")
            let name: String = try row.decode(column: "name")
            if let publish, !publish.isEmpty { byPath[folder + "/" + name + "(" + publish + ").md"] = metadata }
            if byPath[folder + "/" + name + ".md"] == nil { byPath[folder + "/" + name + ".md"] = metadata }
        }
    }

    /// The metadata of a file, or nil when the corpus database does not list it.
    public func metadata(forRelativePath path: String) -> LawMetadata? { byPath[path] }

    public var count: Int { byPath.count }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
