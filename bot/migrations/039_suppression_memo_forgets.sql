-- Suppression's kept answers go with any deleted session (a /delete, the retention
-- purge, a blocked bot's forgetting): a digest of a question holds the hidden cells'
-- true counts, so a row kept after a person's answers went would let whoever holds the
-- key and the database try what they said (attack19).  The epoch tells a report
-- process that answers it worked out before the delete must not be written back.
CREATE TABLE suppression_memo_epoch (
    only INTEGER PRIMARY KEY CHECK (only = 1),
    n INTEGER NOT NULL
);
INSERT INTO suppression_memo_epoch (only, n) VALUES (1, 0);
CREATE TRIGGER sessions_deleted_forget_suppression_memo AFTER DELETE ON sessions
BEGIN
    DELETE FROM suppression_memo;
    UPDATE suppression_memo_epoch SET n = n + 1 WHERE only = 1;
END;
