public import Store

/// Notifications per user. `dedupe_key` makes a reminder idempotent: the same deadline in the same state notifies once.
public enum NotificationsSchema {
    public static let migrations: [Migration] = [
        Migration(
            "2026-12-notifications",
            sql: """
                CREATE TABLE notifications (
                    id TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL REFERENCES users(id),
                    kind TEXT NOT NULL,
                    subject_type TEXT NOT NULL,
                    subject_id TEXT NOT NULL,
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    level TEXT NOT NULL,
                    dedupe_key TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    read_at TEXT,
                    UNIQUE (user_id, dedupe_key)
                );
                CREATE INDEX notifications_user ON notifications(user_id, created_at);
                """)
    ]
}
