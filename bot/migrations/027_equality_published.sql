-- The equality tables (who answered: age, gender, ethnicity, ...) of each calendar
-- quarter as first published, already suppressed (bot/report/equality.py).  Shown
-- again unchanged by every later report, so a /delete or a late answer is never the
-- difference between two exports.  Counts of groups of at least the equality
-- threshold; no key, no answer, no time, no actor.  Deleted with the answers
-- (bot/retention.py) once the quarter ended before the retention cutoff.
CREATE TABLE equality_published (
    quarter TEXT PRIMARY KEY,
    quarter_end TEXT NOT NULL,
    body TEXT NOT NULL
);
