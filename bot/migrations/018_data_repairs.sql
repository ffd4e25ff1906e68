-- One-off repairs of stored data that a fix cannot do in SQL alone (they need the
-- flows' snapshots or the config), each run once and recorded here by name.
CREATE TABLE data_repairs (
    name    TEXT PRIMARY KEY,
    done_at TEXT NOT NULL,
    changed INTEGER NOT NULL        -- rows the repair changed
);
