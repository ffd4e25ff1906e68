-- Sessions and answers. Respondents appear only as an opaque pseudonymous key.
CREATE TABLE flow_versions (
    flow_id     TEXT NOT NULL,
    version     INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    definition  TEXT NOT NULL,          -- JSON snapshot, so reports can read old versions
    first_seen  TEXT NOT NULL,
    PRIMARY KEY (flow_id, version)
);

CREATE TABLE sessions (
    id               TEXT PRIMARY KEY,  -- random, not derived from the person
    respondent_key   TEXT NOT NULL,     -- HMAC of the channel's user id, never the id itself
    channel          TEXT NOT NULL,     -- telegram | terminal
    mode             TEXT NOT NULL,     -- own_device | peer_assisted | paper
    flow_id          TEXT NOT NULL,
    flow_version     INTEGER NOT NULL,
    lang             TEXT NOT NULL,
    site             TEXT,
    area             TEXT,
    respondent_group TEXT,
    status           TEXT NOT NULL,     -- new | active | completed | stopped
    started_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    finished_at      TEXT,
    state            TEXT NOT NULL,     -- engine.State as JSON
    FOREIGN KEY (flow_id, flow_version) REFERENCES flow_versions (flow_id, version)
);
CREATE INDEX sessions_by_key ON sessions (respondent_key, status);
CREATE INDEX sessions_by_start ON sessions (started_at);

CREATE TABLE answers (
    id            INTEGER PRIMARY KEY,
    session_id    TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    flow_id       TEXT NOT NULL,
    flow_version  INTEGER NOT NULL,
    step_id       TEXT NOT NULL,
    kind          TEXT NOT NULL,
    value         TEXT NOT NULL,        -- option id, free text, or JSON list for multi
    score         INTEGER,              -- 5..1 for Likert, NULL for 'prefer not to say'
    stage         TEXT,
    topic         TEXT,
    detected_lang TEXT,
    lang_prob     REAL,
    risk_flag     INTEGER NOT NULL DEFAULT 0,
    answered_at   TEXT NOT NULL,
    UNIQUE (session_id, step_id)
);
CREATE INDEX answers_by_step ON answers (flow_id, step_id);
