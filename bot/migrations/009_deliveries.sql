-- Broadcasts that finish: each delivery is recorded as it happens, so a broadcast
-- survives a restart and nobody gets an update twice.  And the language a person
-- chose, kept after their flow ends.

-- One row per staff update sent out ("Send it now").  The counts are the outcome
-- staff are told.  `staff_chat` is where to tell them: the chat id of the staff
-- member who pressed the button, kept only until the outcome is sent, then cleared.
CREATE TABLE broadcasts (
    id          INTEGER PRIMARY KEY,
    update_id   INTEGER NOT NULL UNIQUE REFERENCES updates (id) ON DELETE CASCADE,
    staff_chat  INTEGER,
    staff_lang  TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('sending', 'done')),
    sent        INTEGER NOT NULL DEFAULT 0,
    removed     INTEGER NOT NULL DEFAULT 0,  -- had blocked the bot or left Telegram
    failed      INTEGER NOT NULL DEFAULT 0,  -- not sent: Telegram refused, or kept failing
    unknown     INTEGER NOT NULL DEFAULT 0,  -- the bot stopped mid-send: perhaps got it
    started_at  TEXT NOT NULL,
    finished_at TEXT
);

-- Who a broadcast is still going to.  The recipients are fixed when it starts.
-- 'attempting' is written before a message goes and the outcome after it; a row
-- still 'attempting' at start-up was cut off by a crash mid-send, and is counted
-- 'unknown', never sent again.  Rows go with the subscription (/unsubscribe,
-- /delete, blocking) and all of them once the broadcast is done, so chat ids are
-- held here no longer than in `subscribers`.
CREATE TABLE deliveries (
    broadcast_id INTEGER NOT NULL REFERENCES broadcasts (id) ON DELETE CASCADE,
    chat_id      INTEGER NOT NULL REFERENCES subscribers (chat_id) ON DELETE CASCADE,
    state        TEXT NOT NULL DEFAULT 'pending'
                 CHECK (state IN ('pending', 'attempting', 'done')),
    part         INTEGER NOT NULL DEFAULT 0,  -- parts of a long update already sent
    PRIMARY KEY (broadcast_id, chat_id)
) WITHOUT ROWID;
CREATE INDEX deliveries_by_chat ON deliveries (chat_id);

-- The language a person chose, by pseudonymous key (never a chat id), so replies
-- outside a flow (/help, /news, the opt-in, /delete) stay in it.  /delete removes
-- it; the daily purge removes it once the person has no session left and chose it
-- longer than retention_days ago.
CREATE TABLE languages (
    respondent_key TEXT PRIMARY KEY,
    lang           TEXT NOT NULL,
    chosen_at      TEXT NOT NULL
) WITHOUT ROWID;
