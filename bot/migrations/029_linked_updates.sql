-- "You said, we did", linked: an update names the codebook themes it answers and
-- says how far the change has got.  A translation (`translates`) shares its
-- original's themes and status; only originals have rows here.
ALTER TABLE updates ADD COLUMN status TEXT
    CHECK (status IS NULL OR status IN ('planned', 'in_progress', 'done'));

CREATE TABLE update_themes (
    update_id INTEGER NOT NULL REFERENCES updates (id) ON DELETE CASCADE,
    theme     TEXT NOT NULL,   -- a codebook theme id (flows/themes.yaml)
    PRIMARY KEY (update_id, theme)
) WITHOUT ROWID;

-- An update a staff member is still linking on Telegram (/update): the themes
-- ticked so far, before it is saved.  `token` is random and is what the buttons
-- carry; only the staff member who wrote it (`staff_key`, pseudonymous) may
-- tick or save it.  Saving or cancelling deletes the row; drafts left for a day
-- are deleted the next time anyone starts one.
CREATE TABLE update_drafts (
    token      TEXT PRIMARY KEY,
    staff_key  TEXT NOT NULL,
    text       TEXT NOT NULL,
    lang       TEXT NOT NULL,
    offered    TEXT NOT NULL,              -- JSON list: the theme ids on the buttons
    themes     TEXT NOT NULL DEFAULT '[]', -- JSON list: those ticked
    status     TEXT NOT NULL DEFAULT 'done'
               CHECK (status IN ('planned', 'in_progress', 'done')),
    created_at TEXT NOT NULL
) WITHOUT ROWID;
