public import Store

/// The law corpus as imported: one row per document, keeping its Markdown source so the index can be rebuilt from the
/// store alone, and its SM3 digest so a re-import knows what changed.
public enum KnowledgeSchema {
    public static let migrations: [Migration] = [
        Migration(
            "2026-12-knowledge",
            sql: """
                CREATE TABLE law_documents (
                    id TEXT PRIMARY KEY,
                    relative_path TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    level TEXT,
                    category TEXT,
                    expired INTEGER NOT NULL DEFAULT 0,
                    publish_date TEXT,
                    source TEXT NOT NULL,
                    digest TEXT NOT NULL,
                    article_count INTEGER NOT NULL,
                    imported_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                """)
    ]
}
