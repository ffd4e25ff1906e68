-- Opt-ins that cannot be joined to answers (issue 18 item 2).
--
-- `consented_at` was stamped to the second, a few seconds after the session's
-- `finished_at`, so a join on time linked a chat id to what that person wrote.
-- It is dropped, not shortened to a date: at a small service one or two people
-- finish on a given day, and a date would link them just as well.  The row
-- itself is the record that the person asked.
--
-- The table is keyed by a random token (WITHOUT ROWID), so neither a rowid nor
-- the order rows come back in follows the order people finished in.  Existing
-- rows are copied in a random order under fresh tokens.
CREATE TABLE subscribers_unlinked (
    token   TEXT PRIMARY KEY,           -- random; means nothing, orders nothing
    chat_id INTEGER NOT NULL UNIQUE,
    lang    TEXT NOT NULL,
    updates INTEGER NOT NULL DEFAULT 0,
    remind  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

INSERT INTO subscribers_unlinked (token, chat_id, lang, updates, remind)
    SELECT lower(hex(randomblob(16))), chat_id, lang, updates, remind
    FROM subscribers ORDER BY random();

DROP TABLE subscribers;
ALTER TABLE subscribers_unlinked RENAME TO subscribers;
