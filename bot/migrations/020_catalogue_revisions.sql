-- Which translation a session was shown: the revision of its language's catalogue
-- (locale/<lang>.po), so a report can say how many answers were given in a
-- translation no person had checked.  NULL: a session from before this was kept.
ALTER TABLE sessions ADD COLUMN catalogue_revision TEXT;

CREATE TABLE catalogue_revisions (
    revision    TEXT PRIMARY KEY,          -- lang:hash of every entry and its review state
    lang        TEXT NOT NULL,
    entries     INTEGER NOT NULL,          -- translated entries in that revision
    reviewed    INTEGER NOT NULL,          -- of those, checked by a person (not fuzzy)
    first_seen  TEXT NOT NULL
);
