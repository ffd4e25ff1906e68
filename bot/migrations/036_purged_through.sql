-- The last day, in report-timezone days, whose answers the retention purge has begun to
-- delete (bot/report/purged.py).  No report may include it or any day before it again:
-- its counts are gone, and a report of the days left beside one of the days as they were
-- would give the deleted days' counts away by subtraction.  One row, or none before the
-- first purge.
CREATE TABLE purged_through (
    only INTEGER PRIMARY KEY CHECK (only = 1),
    day TEXT NOT NULL
);
