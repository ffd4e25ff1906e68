-- What kind of publication each ledger entry is (bot/report/ledger.py):
--   'report': a report for every site (its period's tables, as before);
--   'trend':  one calendar month of a trend table, kept as the question tables' overall
--             cells (n, top two, bottom two), since a month is the sum of its weeks;
--   'site':   a report for one site (staff invited for it), its cells kept under that
--             site's name, so the next report for that site is suppressed against it.
-- ``site`` is the site's id from config.yaml for 'site', NULL otherwise.  Counts of
-- groups only, as before: no person, no key, no time of day.
ALTER TABLE publications ADD COLUMN kind TEXT NOT NULL DEFAULT 'report';
ALTER TABLE publications ADD COLUMN site TEXT;
