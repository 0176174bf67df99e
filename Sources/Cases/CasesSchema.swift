public import Store

/// Cases, their people, measures, timeline, team, lawyer bindings, dossier files, and the holiday calendar.
/// Dates are `YYYY-MM-DD` text (calendar days in Asia/Shanghai, as the statute counts them); instants are ISO 8601 UTC.
public enum CasesSchema {
    public static let migrations: [Migration] = [
        Migration(
            "2026-12-cases",
            sql: """
                CREATE TABLE case_number_counters (
                    organisation_id TEXT NOT NULL REFERENCES organisations(id),
                    business_code TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    last_serial INTEGER NOT NULL,
                    PRIMARY KEY (organisation_id, business_code, year)
                );
                CREATE TABLE cases (
                    id TEXT PRIMARY KEY,
                    organisation_id TEXT NOT NULL REFERENCES organisations(id),
                    case_number TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    facts TEXT NOT NULL,
                    stage TEXT NOT NULL,
                    received_on TEXT NOT NULL,
                    stage_started_on TEXT NOT NULL,
                    major_complex INTEGER NOT NULL DEFAULT 0,
                    plea_leniency INTEGER NOT NULL DEFAULT 0,
                    expected_sentence_over_one_year INTEGER NOT NULL DEFAULT 0,
                    juvenile INTEGER NOT NULL DEFAULT 0,
                    secret INTEGER NOT NULL DEFAULT 0,
                    supplementary_returns INTEGER NOT NULL DEFAULT 0,
                    extensions INTEGER NOT NULL DEFAULT 0,
                    lead_prosecutor_id TEXT REFERENCES users(id),
                    next_deadline_on TEXT,
                    next_deadline_kind TEXT,
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX cases_organisation ON cases(organisation_id);
                CREATE INDEX cases_deadline ON cases(next_deadline_on);
                CREATE TABLE case_numbers (
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    business_code TEXT NOT NULL,
                    case_number TEXT NOT NULL UNIQUE,
                    assigned_at TEXT NOT NULL,
                    PRIMARY KEY (case_id, business_code)
                );
                CREATE TABLE case_charges (
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    position INTEGER NOT NULL,
                    charge TEXT NOT NULL,
                    article TEXT,
                    PRIMARY KEY (case_id, charge)
                );
                CREATE INDEX case_charges_charge ON case_charges(charge);
                CREATE TABLE case_team (
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    user_id TEXT NOT NULL REFERENCES users(id),
                    duty TEXT NOT NULL,
                    PRIMARY KEY (case_id, user_id)
                );
                CREATE INDEX case_team_user ON case_team(user_id);
                CREATE TABLE case_persons (
                    id TEXT PRIMARY KEY,
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    role TEXT NOT NULL,
                    name TEXT NOT NULL,
                    citizen_id TEXT,
                    gender TEXT,
                    birth_date TEXT,
                    address TEXT,
                    phone TEXT,
                    created_at TEXT NOT NULL
                );
                CREATE INDEX case_persons_case ON case_persons(case_id);
                CREATE TABLE coercive_measures (
                    id TEXT PRIMARY KEY,
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    person_id TEXT NOT NULL REFERENCES case_persons(id),
                    kind TEXT NOT NULL,
                    starts_on TEXT NOT NULL,
                    ends_on TEXT,
                    place_id TEXT REFERENCES organisations(id),
                    note TEXT NOT NULL DEFAULT '',
                    created_at TEXT NOT NULL
                );
                CREATE INDEX coercive_measures_person ON coercive_measures(person_id);
                CREATE TABLE case_events (
                    id TEXT PRIMARY KEY,
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    position INTEGER NOT NULL,
                    at TEXT NOT NULL,
                    actor_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    from_stage TEXT,
                    to_stage TEXT,
                    note TEXT NOT NULL DEFAULT ''
                );
                CREATE UNIQUE INDEX case_events_case ON case_events(case_id, position);
                CREATE TABLE lawyer_bindings (
                    id TEXT PRIMARY KEY,
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    lawyer_id TEXT NOT NULL REFERENCES users(id),
                    person_id TEXT REFERENCES case_persons(id),
                    status TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    UNIQUE (case_id, lawyer_id)
                );
                CREATE INDEX lawyer_bindings_lawyer ON lawyer_bindings(lawyer_id);
                CREATE TABLE holiday_arrangements (
                    year INTEGER PRIMARY KEY,
                    arrangement TEXT NOT NULL,
                    updated_by TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE TABLE case_files (
                    id TEXT PRIMARY KEY,
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    volume INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    content_type TEXT NOT NULL,
                    byte_count BIGINT NOT NULL,
                    sm3 TEXT NOT NULL,
                    uploaded_by TEXT NOT NULL,
                    uploaded_at TEXT NOT NULL
                );
                CREATE INDEX case_files_case ON case_files(case_id, volume, position);
                """)
    ]
}
