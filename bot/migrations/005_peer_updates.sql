-- Peer workers' desks, and people's opt-ins to updates and reminders.
-- Kept apart from sessions and answers: nothing here joins to an answer.

-- A peer worker taking feedback for someone else (mode peer_assisted) or typing
-- in paper forms (mode paper).  Each form runs under a fresh random key; this row
-- is the only thing that finds it, and only while it is in hand: `current_key`
-- is cleared when the form ends, `last_session` (for undo) when the next form
-- starts or the peer finishes.  No history of who took which form is kept.
CREATE TABLE peer_desks (
    peer_key     TEXT PRIMARY KEY,      -- the peer worker's pseudonymous key
    mode         TEXT NOT NULL CHECK (mode IN ('peer_assisted', 'paper')),
    site         TEXT,                  -- the peer's site (NULL: the form asks)
    lang         TEXT NOT NULL,         -- the peer's language, for paper forms
    current_key  TEXT,                  -- random respondent key of the form in hand
    last_session TEXT,                  -- the form just finished, for undo
    updated_at   TEXT NOT NULL
);

-- People who asked, at the end of a flow, for "you said, we did" updates or for
-- one reminder if they leave feedback unfinished.  The chat id is the one plain
-- Telegram id the bot keeps, because it is needed to write to them; it is not
-- linked to a respondent key or an answer.  /unsubscribe and /delete remove it.
CREATE TABLE subscribers (
    chat_id      INTEGER PRIMARY KEY,
    lang         TEXT NOT NULL,
    updates      INTEGER NOT NULL DEFAULT 0,
    remind       INTEGER NOT NULL DEFAULT 0,
    consented_at TEXT NOT NULL
);

-- Sessions already reminded (never twice).  No chat id, no key: just the session,
-- deleted with it.
CREATE TABLE reminders_sent (
    session_id TEXT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    sent_at    TEXT NOT NULL
);
