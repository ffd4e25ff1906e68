-- 003_reports.sql was edited after release: its covering index for report counts
-- grew two columns (detected_lang, risk_flag), but databases that had already run
-- 003 kept the first, 4-column index, and report counts there read answer rows.
-- Rebuild the index as 003 now has it, whichever version ran.  Safe to run on any
-- database at any point after 003.
DROP INDEX IF EXISTS answers_for_reports;
CREATE INDEX answers_for_reports
    ON answers (session_id, kind, step_id, score, detected_lang, risk_flag);
