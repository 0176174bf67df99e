import Foundation
public import Store

/// Interview rooms of detention centres and the remote sessions booked in them. Instants are ISO 8601 UTC text.
public enum RemoteSessionsSchema {
    public static let migrations: [Migration] = [
        // Signature images are BLOB in SQLite and BYTEA in PostgreSQL; the rest is the same SQL.
        Migration("2026-12-remote-sessions", sqlite: script, postgres: script.replacingOccurrences(of: " BLOB ", with: " BYTEA "))
    ]

    static let script = """
                CREATE TABLE interview_rooms (
                    id TEXT PRIMARY KEY,
                    detention_centre_id TEXT NOT NULL REFERENCES organisations(id),
                    name TEXT NOT NULL,
                    opens_at TEXT NOT NULL,
                    closes_at TEXT NOT NULL,
                    active INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL,
                    UNIQUE (detention_centre_id, name)
                );
                CREATE TABLE remote_sessions (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    person_id TEXT NOT NULL REFERENCES case_persons(id),
                    room_id TEXT NOT NULL REFERENCES interview_rooms(id),
                    prosecutor_id TEXT NOT NULL REFERENCES users(id),
                    starts_at TEXT NOT NULL,
                    ends_at TEXT NOT NULL,
                    state TEXT NOT NULL,
                    reason TEXT NOT NULL DEFAULT '',
                    media_room BIGINT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX remote_sessions_room ON remote_sessions(room_id, starts_at);
                CREATE INDEX remote_sessions_person ON remote_sessions(person_id, starts_at);
                CREATE INDEX remote_sessions_prosecutor ON remote_sessions(prosecutor_id, starts_at);
                CREATE TABLE remote_session_participants (
                    session_id TEXT NOT NULL REFERENCES remote_sessions(id),
                    user_id TEXT NOT NULL REFERENCES users(id),
                    part TEXT NOT NULL,
                    PRIMARY KEY (session_id, user_id)
                );
                CREATE TABLE remote_session_events (
                    id TEXT PRIMARY KEY,
                    session_id TEXT NOT NULL REFERENCES remote_sessions(id),
                    position INTEGER NOT NULL,
                    at TEXT NOT NULL,
                    actor_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    note TEXT NOT NULL DEFAULT ''
                );
                CREATE TABLE session_recordings (
                    session_id TEXT PRIMARY KEY REFERENCES remote_sessions(id),
                    file TEXT NOT NULL,
                    byte_count BIGINT NOT NULL,
                    sm3 TEXT NOT NULL,
                    seal TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE transcript_signatures (
                    session_id TEXT NOT NULL REFERENCES remote_sessions(id),
                    transcript_version INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    page INTEGER NOT NULL,
                    png BLOB NOT NULL,
                    signed_by TEXT NOT NULL REFERENCES users(id),
                    signed_at TEXT NOT NULL,
                    PRIMARY KEY (session_id, transcript_version, kind, page)
                );
                CREATE TABLE session_documents (
                    session_id TEXT PRIMARY KEY REFERENCES remote_sessions(id),
                    file TEXT NOT NULL,
                    transcript_version INTEGER NOT NULL,
                    sm3 TEXT NOT NULL,
                    seal TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE transcript_versions (
                    session_id TEXT NOT NULL REFERENCES remote_sessions(id),
                    version INTEGER NOT NULL,
                    turns TEXT NOT NULL,
                    saved_by TEXT NOT NULL REFERENCES users(id),
                    saved_at TEXT NOT NULL,
                    PRIMARY KEY (session_id, version)
                );
                CREATE UNIQUE INDEX remote_session_events_session ON remote_session_events(session_id, position);
                """
}
