-- What every report published, so that the next one can be suppressed against it
-- (bot/report/ledger.py): a week's hidden count must not come back as a fortnight
-- minus the other week, nor one day's as two ranges a day apart.  One row per
-- publication (its period in report-timezone days, the date it was made, no time
-- and no actor: the audit log says who), one row per cell: the count shown, or
-- NULL where it was hidden.  Counts of groups, never a person or a key; deleted
-- with the answers they were counted from (bot/retention.py).
CREATE TABLE publications (
    id INTEGER PRIMARY KEY,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    published_on TEXT NOT NULL,
    digest TEXT NOT NULL
);
CREATE INDEX publications_by_period ON publications (period_start, period_end);
CREATE TABLE published_cells (
    publication_id INTEGER NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
    table_id TEXT NOT NULL,
    split TEXT NOT NULL,
    row_key TEXT NOT NULL,
    col TEXT NOT NULL,
    value INTEGER,
    PRIMARY KEY (publication_id, table_id, split, row_key, col)
) WITHOUT ROWID;
