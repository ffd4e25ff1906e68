-- Helplines Telegram failed to deliver (a 502, a time-out), owed to a person and sent
-- before anything else the bot next sends them (bot/telegram/alerts.py).  Kept here, not
-- only in memory, so a restart during an outage does not lose them.  Only the helplines'
-- text, under the pseudonymous key: nothing the person wrote.  They go with the person's
-- last session (a /delete, the retention purge).
CREATE TABLE owed_alerts (
    respondent_key TEXT PRIMARY KEY,
    alert TEXT NOT NULL,
    owed_at TEXT NOT NULL
);
CREATE TRIGGER sessions_deleted_forget_owed_alerts AFTER DELETE ON sessions
WHEN NOT EXISTS (SELECT 1 FROM sessions WHERE respondent_key = OLD.respondent_key)
BEGIN
    DELETE FROM owed_alerts WHERE respondent_key = OLD.respondent_key;
END;
