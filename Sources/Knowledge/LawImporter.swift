public import Foundation
import Identity
import Search
public import Security
public import Store

/// What an import did.
public struct ImportReport: Sendable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var articles = 0
    /// Lines the parser tolerated (known source typos) or could not place, summed over files.
    public var parserNotices = 0
    /// Files that were not imported, with the reason.
    public var skipped: [(path: String, reason: String)] = []
    /// Files without metadata in `metadata.sqlite3` (imported, with a path-based id and no level or category).
    public var withoutMetadata = 0
    public var seconds = 0.0

    public var files: Int { added + updated + unchanged }
}

/// Progress of an import, for a progress bar.
public struct ImportProgress: Sendable {
    public var done: Int
    public var total: Int
    public var currentPath: String
}

/// Parses a corpus and writes it to the store. Idempotent: a file whose SM3 digest is unchanged is left alone, a
/// changed one is updated in place (matched by its path), nothing is ever duplicated.
public struct LawImporter: Sendable {
    public let store: any Store
    public let metadata: CorpusMetadata
    /// Files written per transaction: large enough to amortise commits, small enough to keep a failure's loss small.
    public var batchSize = 64

    public init(store: any Store, metadata: CorpusMetadata) {
        self.store = store
        self.metadata = metadata
    }

    public func run(_ source: CorpusSource, actorID: String = "system", progress: @Sendable (ImportProgress) -> Void = { _ in }) async throws -> ImportReport {
        let started = Date()
        let paths = source.markdownFiles()
        var report = ImportReport()
        let parser = LawMarkdownParser()
        var batch: [ParsedFile] = []
        for (index, path) in paths.enumerated() {
            progress(ImportProgress(done: index, total: paths.count, currentPath: path))
            guard let data = FileManager.default.contents(atPath: source.directory.appending(path: path).path) else {
                report.skipped.append((path, "unreadable"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                report.skipped.append((path, "not UTF-8"))
                continue
            }
            let document = parser.parse(text)
            guard !document.title.isEmpty else {
                report.skipped.append((path, "no title line"))
                continue
            }
            if document.articles.isEmpty && document.looseParagraphs.isEmpty {
                report.skipped.append((path, "no articles or text"))
                continue
            }
            report.parserNotices += document.issues.count
            let found = metadata.metadata(forRelativePath: path)
            if found == nil { report.withoutMetadata += 1 }
            batch.append(ParsedFile(path: path, text: text, document: document, metadata: found))
            if batch.count == batchSize {
                try await write(batch, into: &report)
                batch.removeAll()
            }
        }
        if !batch.isEmpty { try await write(batch, into: &report) }
        progress(ImportProgress(done: paths.count, total: paths.count, currentPath: ""))
        report.seconds = Date().timeIntervalSince(started)
        let summary = report
        try await store.withTransaction { tx in
            try await AuditLog.append(
                AuditContext(actorID: actorID, sourceAddress: "").event(
                    "knowledge.import", "lawCorpus", "",
                    details: ["added": String(summary.added), "updated": String(summary.updated), "unchanged": String(summary.unchanged)]),
                in: tx)
        }
        return report
    }

    struct ParsedFile: Sendable {
        var path: String
        var text: String
        var document: LawDocument
        var metadata: LawMetadata?
    }

    private func write(_ files: [ParsedFile], into report: inout ImportReport) async throws {
        let now = Date()
        let counts = try await store.withTransaction { tx in
            var counts = (added: 0, updated: 0, unchanged: 0, articles: 0)
            for file in files {
                let digest = SM3.hexDigest(Array(file.text.utf8))
                counts.articles += file.document.articles.count
                let existing = try await tx.queryFirst("SELECT digest FROM law_documents WHERE relative_path = \(file.path)")
                if let existing, try existing.decode(column: "digest", as: String.self) == digest {
                    counts.unchanged += 1
                    continue
                }
                let meta = file.metadata
                let pathID = "path-" + String(SM3.hexDigest(Array(file.path.utf8)).prefix(32))
                var id = meta?.id ?? pathID
                // Two files listed under one metadata row: the second keeps a path-based id rather than colliding.
                if existing == nil, try await tx.queryFirst("SELECT id FROM law_documents WHERE id = \(id)") != nil { id = pathID }
                if existing == nil {
                    try await tx.execute(
                        """
                        INSERT INTO law_documents (id, relative_path, title, level, category, expired, publish_date, source, digest, article_count, imported_at, updated_at)
                        VALUES (\(id), \(file.path), \(file.document.title), \(meta?.level), \(meta?.category), \(meta?.isExpired == true ? 1 : 0),
                                \(meta?.publishDate), \(file.text), \(digest), \(file.document.articles.count), \(now), \(now))
                        """)
                    counts.added += 1
                } else {
                    try await tx.execute(
                        """
                        UPDATE law_documents SET title = \(file.document.title), level = \(meta?.level), category = \(meta?.category),
                        expired = \(meta?.isExpired == true ? 1 : 0), publish_date = \(meta?.publishDate), source = \(file.text), digest = \(digest),
                        article_count = \(file.document.articles.count), updated_at = \(now) WHERE relative_path = \(file.path)
                        """)
                    counts.updated += 1
                }
            }
            return counts
        }
        report.added += counts.added
        report.updated += counts.updated
        report.unchanged += counts.unchanged
        report.articles += counts.articles
    }
}
