-- A period's grouped report counts, kept between exports so that a month exported again
-- (another format, the bot's /export after the command line's, next week's export that
-- shows this month as "last period") does not read its tens of thousands of answers again
-- (bot/report/counts.py).  A row holds the rows one counting query returned for the
-- sessions begun in [lo, hi); ``code`` is the fingerprint of the code that counted them.
--
-- Exact by the triggers below, in the same transaction as every change: any write to a
-- session, its answers, their themes, tags or staff reviews deletes every row whose range
-- holds the session's start (before and after the change), and a change to the catalogue
-- revisions (what the translation-state counts join) deletes them all.  So a /delete, the
-- purge, an edit or a late answer leaves no count that still includes what it changed.
-- ``rows`` is NULL while an export counts: a change meanwhile deletes the row, and the
-- export's counts (read before the change) are then not kept (``token``: whose row it is).
-- Counts only, never text: comment summaries with quotes are not kept.
CREATE TABLE report_counts (
    query TEXT NOT NULL,   -- which count, and its variant (codebook, FFT steps)
    lo    TEXT NOT NULL,   -- sessions.started_at >= lo
    hi    TEXT NOT NULL,   -- sessions.started_at < hi
    code  TEXT NOT NULL,
    token TEXT NOT NULL,
    rows  TEXT,            -- JSON list of rows; NULL while being counted
    PRIMARY KEY (query, lo, hi)
) WITHOUT ROWID;

-- Writes are to sessions begun lately: ``hi > started_at`` finds the few rows to check.
CREATE INDEX report_counts_by_hi ON report_counts (hi);

CREATE TRIGGER report_counts_session_insert AFTER INSERT ON sessions
BEGIN
    DELETE FROM report_counts WHERE hi > NEW.started_at AND lo <= NEW.started_at;
END;

CREATE TRIGGER report_counts_session_update AFTER UPDATE ON sessions
BEGIN
    DELETE FROM report_counts
    WHERE (hi > OLD.started_at AND lo <= OLD.started_at)
        OR (hi > NEW.started_at AND lo <= NEW.started_at);
END;

CREATE TRIGGER report_counts_session_delete AFTER DELETE ON sessions
BEGIN
    DELETE FROM report_counts WHERE hi > OLD.started_at AND lo <= OLD.started_at;
END;

CREATE TRIGGER report_counts_answer_insert AFTER INSERT ON answers
BEGIN
    DELETE FROM report_counts
    WHERE (hi > (SELECT started_at FROM sessions WHERE id = NEW.session_id)
            AND lo <= (SELECT started_at FROM sessions WHERE id = NEW.session_id));
END;

CREATE TRIGGER report_counts_answer_update AFTER UPDATE ON answers
BEGIN
    DELETE FROM report_counts
    WHERE (hi > (SELECT started_at FROM sessions WHERE id = OLD.session_id)
            AND lo <= (SELECT started_at FROM sessions WHERE id = OLD.session_id))
        OR (hi > (SELECT started_at FROM sessions WHERE id = NEW.session_id)
            AND lo <= (SELECT started_at FROM sessions WHERE id = NEW.session_id));
END;

CREATE TRIGGER report_counts_answer_delete AFTER DELETE ON answers
BEGIN
    DELETE FROM report_counts
    WHERE (hi > (SELECT started_at FROM sessions WHERE id = OLD.session_id)
            AND lo <= (SELECT started_at FROM sessions WHERE id = OLD.session_id));
END;

-- A comment's themes, its tagging and staff's review of it: the answer's session.
CREATE TRIGGER report_counts_answer_themes_insert AFTER INSERT ON answer_themes
BEGIN
    DELETE FROM report_counts
    WHERE (hi > (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = NEW.answer_id)
            AND lo <= (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = NEW.answer_id));
END;

CREATE TRIGGER report_counts_answer_themes_update AFTER UPDATE ON answer_themes
BEGIN
    DELETE FROM report_counts
    WHERE (hi > (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = OLD.answer_id)
            AND lo <= (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = OLD.answer_id))
        OR (hi > (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = NEW.answer_id)
            AND lo <= (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = NEW.answer_id));
END;

CREATE TRIGGER report_counts_answer_themes_delete AFTER DELETE ON answer_themes
BEGIN
    DELETE FROM report_counts
    WHERE (hi > (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = OLD.answer_id)
            AND lo <= (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = OLD.answer_id));
END;

CREATE TRIGGER report_counts_answer_tagging_insert AFTER INSERT ON answer_tagging
BEGIN
    DELETE FROM report_counts
    WHERE (hi > (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = NEW.answer_id)
            AND lo <= (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = NEW.answer_id));
END;

CREATE TRIGGER report_counts_answer_tagging_update AFTER UPDATE ON answer_tagging
BEGIN
    DELETE FROM report_counts
    WHERE (hi > (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = OLD.answer_id)
            AND lo <= (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = OLD.answer_id))
        OR (hi > (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = NEW.answer_id)
            AND lo <= (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = NEW.answer_id));
END;

CREATE TRIGGER report_counts_answer_tagging_delete AFTER DELETE ON answer_tagging
BEGIN
    DELETE FROM report_counts
    WHERE (hi > (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = OLD.answer_id)
            AND lo <= (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = OLD.answer_id));
END;

CREATE TRIGGER report_counts_theme_reviews_insert AFTER INSERT ON theme_reviews
BEGIN
    DELETE FROM report_counts
    WHERE (hi > (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = NEW.answer_id)
            AND lo <= (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = NEW.answer_id));
END;

CREATE TRIGGER report_counts_theme_reviews_update AFTER UPDATE ON theme_reviews
BEGIN
    DELETE FROM report_counts
    WHERE (hi > (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = OLD.answer_id)
            AND lo <= (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = OLD.answer_id))
        OR (hi > (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = NEW.answer_id)
            AND lo <= (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = NEW.answer_id));
END;

CREATE TRIGGER report_counts_theme_reviews_delete AFTER DELETE ON theme_reviews
BEGIN
    DELETE FROM report_counts
    WHERE (hi > (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = OLD.answer_id)
            AND lo <= (SELECT s.started_at FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE a.id = OLD.answer_id));
END;

-- Which translation a session was shown, and how far it was reviewed: every count.
CREATE TRIGGER report_counts_catalogue_insert AFTER INSERT ON catalogue_revisions
BEGIN
    DELETE FROM report_counts;
END;

CREATE TRIGGER report_counts_catalogue_update AFTER UPDATE ON catalogue_revisions
BEGIN
    DELETE FROM report_counts;
END;

CREATE TRIGGER report_counts_catalogue_delete AFTER DELETE ON catalogue_revisions
BEGIN
    DELETE FROM report_counts;
END;
