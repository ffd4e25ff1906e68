-- Reports: theme tags on comments, staff reviews of those tags, and "what changed" updates.
-- Tags follow their answer: deleting a session (or a person's data) deletes them by cascade.

-- Tags the codebook gave a comment.  `answer_tagging` records which codebook
-- and which version of the answer were tagged, so an edited codebook or answer
-- is tagged again, and a comment with no theme is not tagged on every export.
CREATE TABLE answer_tagging (
    answer_id   INTEGER PRIMARY KEY REFERENCES answers (id) ON DELETE CASCADE,
    codebook    TEXT NOT NULL,          -- fingerprint of flows/themes.yaml
    answered_at TEXT NOT NULL           -- the answer's answered_at when it was tagged
);
CREATE TABLE answer_themes (
    answer_id INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    theme     TEXT NOT NULL,
    PRIMARY KEY (answer_id, theme)
);
CREATE INDEX answer_themes_by_theme ON answer_themes (theme, answer_id);

-- A staff member's reading of a comment: the full list of its themes (may be
-- empty).  Where a review exists it replaces the automatic tags.
CREATE TABLE theme_reviews (
    answer_id   INTEGER PRIMARY KEY REFERENCES answers (id) ON DELETE CASCADE,
    themes      TEXT NOT NULL,          -- JSON list of theme ids
    reviewed_at TEXT NOT NULL
);

-- What the service changed, in staff's words, for the network report.
CREATE TABLE updates (
    id         INTEGER PRIMARY KEY,
    text       TEXT NOT NULL,
    lang       TEXT NOT NULL DEFAULT 'en',
    dated      TEXT NOT NULL,           -- YYYY-MM-DD the change belongs to
    created_at TEXT NOT NULL
);
CREATE INDEX updates_by_date ON updates (dated);

-- Report queries pick the period's sessions by start time, then their answers
-- by session; this index lets the Likert and theme counts read answers
-- without visiting the table rows.
CREATE INDEX answers_for_reports ON answers (session_id, kind, step_id, score);
