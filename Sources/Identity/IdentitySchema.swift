public import Store

/// The identity tables. Times are ISO 8601 UTC text with milliseconds (they sort as text on both engines).
public enum IdentitySchema {
    public static let migrations: [Migration] = [
        Migration(
            "2026-12-identity",
            sql: """
                CREATE TABLE organisations (
                    id TEXT PRIMARY KEY,
                    parent_id TEXT REFERENCES organisations(id),
                    kind TEXT NOT NULL,
                    level TEXT,
                    name TEXT NOT NULL,
                    abbreviation TEXT,
                    credit_code TEXT UNIQUE,
                    path TEXT NOT NULL UNIQUE,
                    totp_roles TEXT NOT NULL DEFAULT '',
                    created_at TEXT NOT NULL
                );
                CREATE INDEX organisations_parent ON organisations(parent_id);
                CREATE TABLE users (
                    id TEXT PRIMARY KEY,
                    username TEXT NOT NULL UNIQUE,
                    display_name TEXT NOT NULL,
                    password_hash TEXT NOT NULL,
                    citizen_id TEXT,
                    phone TEXT,
                    status TEXT NOT NULL DEFAULT 'active',
                    totp_secret TEXT,
                    totp_pending_secret TEXT,
                    totp_last_step BIGINT,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE memberships (
                    id TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL REFERENCES users(id),
                    organisation_id TEXT NOT NULL REFERENCES organisations(id),
                    role TEXT NOT NULL,
                    UNIQUE (user_id, organisation_id, role)
                );
                CREATE INDEX memberships_organisation ON memberships(organisation_id);
                CREATE TABLE sessions (
                    id TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL REFERENCES users(id),
                    state TEXT NOT NULL,
                    csrf_token TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    last_seen_at TEXT NOT NULL,
                    expires_at TEXT NOT NULL,
                    source_address TEXT NOT NULL
                );
                CREATE INDEX sessions_user ON sessions(user_id);
                CREATE TABLE sign_in_throttle (
                    key TEXT PRIMARY KEY,
                    failures INTEGER NOT NULL,
                    window_started_at TEXT NOT NULL,
                    locked_until TEXT
                );
                CREATE TABLE audit_events (
                    sequence BIGINT PRIMARY KEY,
                    time TEXT NOT NULL,
                    actor_id TEXT NOT NULL,
                    action TEXT NOT NULL,
                    resource_type TEXT NOT NULL,
                    resource_id TEXT NOT NULL,
                    source_address TEXT NOT NULL,
                    details TEXT NOT NULL,
                    previous_digest TEXT NOT NULL,
                    digest TEXT NOT NULL
                );
                CREATE INDEX audit_events_actor ON audit_events(actor_id);
                CREATE INDEX audit_events_action ON audit_events(action);
                CREATE INDEX audit_events_time ON audit_events(time);
                """)
    ]
}
