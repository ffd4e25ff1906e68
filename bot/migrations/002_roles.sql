-- Staff, peer workers and admins; the one-time invites that admit them; /join tries
-- (for lockout); and the audit log of privileged actions. People appear only by
-- their pseudonymous key, as in sessions.
CREATE TABLE invites (
    id         INTEGER PRIMARY KEY,
    code_hash  TEXT NOT NULL UNIQUE,   -- HMAC-SHA256 of the code: the code itself is never kept
    role       TEXT NOT NULL CHECK (role IN ('staff', 'peer', 'admin')),
    site       TEXT,                   -- NULL: every site
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
);

CREATE TABLE roles (
    id             INTEGER PRIMARY KEY,
    respondent_key TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('staff', 'peer', 'admin')),
    site           TEXT,               -- NULL: every site
    granted_at     TEXT NOT NULL,
    revoked_at     TEXT,
    invite_id      INTEGER REFERENCES invites (id)
);
-- One live role per person; revoked rows stay as history.
CREATE UNIQUE INDEX roles_one_live ON roles (respondent_key) WHERE revoked_at IS NULL;

CREATE TABLE join_attempts (
    id             INTEGER PRIMARY KEY,
    respondent_key TEXT NOT NULL,
    at             TEXT NOT NULL,
    ok             INTEGER NOT NULL
);
CREATE INDEX join_attempts_by_key ON join_attempts (respondent_key, at);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    actor_key TEXT NOT NULL,           -- pseudonymous key, or 'cli' / 'system'
    action    TEXT NOT NULL,           -- export | invite | join | revoke | purge | …
    params    TEXT NOT NULL,           -- JSON: date range, format, role, counts…
    at        TEXT NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (at);
