-- The week's network report sent to everyone who asked for news (/publish): a
-- broadcast of a report rather than of one update, with its message written
-- in each reader's language when it is published (`broadcast_texts`), so a
-- restart sends the same words.  `period` ('2026-W47') is UNIQUE: a report is
-- sent at most once.  A broadcast is of an update or of a report, never both.
-- SQLite cannot relax `update_id NOT NULL` in place, so `broadcasts` is rebuilt
-- with `deliveries` (which refers to it); every row is copied as it is.
CREATE TABLE broadcasts_new (
    id          INTEGER PRIMARY KEY,
    update_id   INTEGER UNIQUE REFERENCES updates (id) ON DELETE CASCADE,
    period      TEXT UNIQUE,
    staff_chat  INTEGER,
    staff_lang  TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('sending', 'done')),
    sent        INTEGER NOT NULL DEFAULT 0,
    removed     INTEGER NOT NULL DEFAULT 0,
    failed      INTEGER NOT NULL DEFAULT 0,
    unknown     INTEGER NOT NULL DEFAULT 0,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    CHECK ((update_id IS NULL) <> (period IS NULL))
);
INSERT INTO broadcasts_new (id, update_id, staff_chat, staff_lang, status, sent, removed,
                            failed, unknown, started_at, finished_at)
    SELECT id, update_id, staff_chat, staff_lang, status, sent, removed, failed, unknown,
           started_at, finished_at FROM broadcasts;

CREATE TABLE deliveries_new (
    broadcast_id INTEGER NOT NULL REFERENCES broadcasts_new (id) ON DELETE CASCADE,
    chat_id      INTEGER NOT NULL REFERENCES subscribers (chat_id) ON DELETE CASCADE,
    state        TEXT NOT NULL DEFAULT 'pending'
                 CHECK (state IN ('pending', 'attempting', 'done')),
    part         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (broadcast_id, chat_id)
) WITHOUT ROWID;
INSERT INTO deliveries_new (broadcast_id, chat_id, state, part)
    SELECT broadcast_id, chat_id, state, part FROM deliveries;

DROP TABLE deliveries;
DROP TABLE broadcasts;
ALTER TABLE broadcasts_new RENAME TO broadcasts;
ALTER TABLE deliveries_new RENAME TO deliveries;
CREATE INDEX deliveries_by_chat ON deliveries (chat_id);

-- A report broadcast's message, per language it is sent in.
CREATE TABLE broadcast_texts (
    broadcast_id INTEGER NOT NULL REFERENCES broadcasts (id) ON DELETE CASCADE,
    lang         TEXT NOT NULL,
    text         TEXT NOT NULL,
    PRIMARY KEY (broadcast_id, lang)
) WITHOUT ROWID;
