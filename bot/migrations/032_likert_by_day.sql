-- Likert answers counted by the UTC day their session began, kept exact as answers are
-- written, changed and deleted (by the triggers below, in the same transaction as the
-- change), so a 12-month trend sums a few thousand rows instead of reading every answer
-- of a year.  A period's edges that are not whole UTC days (local midnights in summer)
-- are counted from the answers themselves (bot/report/queries.py: likert_by_month).
-- score 0 stands for NULL ("prefer not to say", "Don't know"): a NULL in a key would
-- never match an existing row.  A row whose count falls to 0 is deleted: left, it would
-- say that someone gave that answer that day after their answers were deleted or purged.
CREATE TABLE likert_by_day (
    day          TEXT NOT NULL,          -- substr(sessions.started_at, 1, 10): UTC
    flow_id      TEXT NOT NULL,
    flow_version INTEGER NOT NULL,
    step_id      TEXT NOT NULL,
    score        INTEGER NOT NULL,
    n            INTEGER NOT NULL,
    PRIMARY KEY (day, flow_id, flow_version, step_id, score)
) WITHOUT ROWID;

INSERT INTO likert_by_day (day, flow_id, flow_version, step_id, score, n)
SELECT substr(s.started_at, 1, 10), s.flow_id, s.flow_version, a.step_id,
       coalesce(a.score, 0), count(*)
FROM sessions s JOIN answers a ON a.session_id = s.id
WHERE a.kind = 'likert'
GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER likert_by_day_insert AFTER INSERT ON answers WHEN NEW.kind = 'likert'
BEGIN
    INSERT INTO likert_by_day (day, flow_id, flow_version, step_id, score, n)
    SELECT substr(s.started_at, 1, 10), s.flow_id, s.flow_version, NEW.step_id,
           coalesce(NEW.score, 0), 1
    FROM sessions s WHERE s.id = NEW.session_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- An answer deleted on its own (Back to a skipped step).  When its session is deleted,
-- the cascade runs after the session row is gone, so this finds no session and does
-- nothing: likert_by_day_session_delete has already taken the session's answers off.
CREATE TRIGGER likert_by_day_delete AFTER DELETE ON answers WHEN OLD.kind = 'likert'
BEGIN
    UPDATE likert_by_day SET n = n - 1
    WHERE (day, flow_id, flow_version) = (
            SELECT substr(s.started_at, 1, 10), s.flow_id, s.flow_version
            FROM sessions s WHERE s.id = OLD.session_id)
        AND step_id = OLD.step_id AND score = coalesce(OLD.score, 0);
    DELETE FROM likert_by_day
    WHERE n <= 0 AND (day, flow_id, flow_version) = (
            SELECT substr(s.started_at, 1, 10), s.flow_id, s.flow_version
            FROM sessions s WHERE s.id = OLD.session_id)
        AND step_id = OLD.step_id AND score = coalesce(OLD.score, 0);
END;

-- An answer changed (an edit after Back is an UPSERT: it updates the row).
CREATE TRIGGER likert_by_day_update AFTER UPDATE OF session_id, step_id, kind, score ON answers
WHEN (OLD.kind = 'likert' OR NEW.kind = 'likert')
    AND (OLD.session_id IS NOT NEW.session_id OR OLD.step_id IS NOT NEW.step_id
         OR OLD.kind IS NOT NEW.kind OR OLD.score IS NOT NEW.score)
BEGIN
    UPDATE likert_by_day SET n = n - 1
    WHERE OLD.kind = 'likert'
        AND (day, flow_id, flow_version) = (
            SELECT substr(s.started_at, 1, 10), s.flow_id, s.flow_version
            FROM sessions s WHERE s.id = OLD.session_id)
        AND step_id = OLD.step_id AND score = coalesce(OLD.score, 0);
    DELETE FROM likert_by_day
    WHERE n <= 0 AND (day, flow_id, flow_version) = (
            SELECT substr(s.started_at, 1, 10), s.flow_id, s.flow_version
            FROM sessions s WHERE s.id = OLD.session_id)
        AND step_id = OLD.step_id AND score = coalesce(OLD.score, 0);
    INSERT INTO likert_by_day (day, flow_id, flow_version, step_id, score, n)
    SELECT substr(s.started_at, 1, 10), s.flow_id, s.flow_version, NEW.step_id,
           coalesce(NEW.score, 0), 1
    FROM sessions s WHERE s.id = NEW.session_id AND NEW.kind = 'likert'
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- A session deleted (/delete, the purge, a site's copy): its answers, before they go.
CREATE TRIGGER likert_by_day_session_delete BEFORE DELETE ON sessions
BEGIN
    UPDATE likert_by_day SET n = n - x.k
    FROM (SELECT a.step_id, coalesce(a.score, 0) AS score, count(*) AS k
          FROM answers a WHERE a.session_id = OLD.id AND a.kind = 'likert'
          GROUP BY 1, 2) AS x
    WHERE likert_by_day.day = substr(OLD.started_at, 1, 10)
        AND likert_by_day.flow_id = OLD.flow_id
        AND likert_by_day.flow_version = OLD.flow_version
        AND likert_by_day.step_id = x.step_id AND likert_by_day.score = x.score;
    DELETE FROM likert_by_day
    WHERE n <= 0 AND day = substr(OLD.started_at, 1, 10) AND flow_id = OLD.flow_id
        AND flow_version = OLD.flow_version;
END;

-- A session's start or flow changed (no code does today; a repair might): move its answers.
CREATE TRIGGER likert_by_day_session_moved
AFTER UPDATE OF started_at, flow_id, flow_version ON sessions
WHEN substr(OLD.started_at, 1, 10) IS NOT substr(NEW.started_at, 1, 10)
    OR OLD.flow_id IS NOT NEW.flow_id OR OLD.flow_version IS NOT NEW.flow_version
BEGIN
    UPDATE likert_by_day SET n = n - x.k
    FROM (SELECT a.step_id, coalesce(a.score, 0) AS score, count(*) AS k
          FROM answers a WHERE a.session_id = OLD.id AND a.kind = 'likert'
          GROUP BY 1, 2) AS x
    WHERE likert_by_day.day = substr(OLD.started_at, 1, 10)
        AND likert_by_day.flow_id = OLD.flow_id
        AND likert_by_day.flow_version = OLD.flow_version
        AND likert_by_day.step_id = x.step_id AND likert_by_day.score = x.score;
    DELETE FROM likert_by_day
    WHERE n <= 0 AND day = substr(OLD.started_at, 1, 10) AND flow_id = OLD.flow_id
        AND flow_version = OLD.flow_version;
    INSERT INTO likert_by_day (day, flow_id, flow_version, step_id, score, n)
    SELECT substr(NEW.started_at, 1, 10), NEW.flow_id, NEW.flow_version, a.step_id,
           coalesce(a.score, 0), count(*)
    FROM answers a WHERE a.session_id = NEW.id AND a.kind = 'likert'
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
