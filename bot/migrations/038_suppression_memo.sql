-- Answers of suppression's exact checks, kept between exports (bot/report/memo.py): which
-- hidden cells a set of equations pins down, and which a linear program narrows below
-- the threshold.  Keyed by a digest of everything the answer depends on (the equations,
-- the counts, the threshold and the code that solved them), so a row is only ever read
-- for the very same question.  No counts and no names: the answer is the positions of
-- the cells among the question's own.  Rows go after two days.
CREATE TABLE suppression_memo (
    digest BLOB PRIMARY KEY,
    answer TEXT NOT NULL,
    made_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX suppression_memo_made_at ON suppression_memo (made_at);
