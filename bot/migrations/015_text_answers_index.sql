-- /review walks the comments in id order and counts them on every tap (issue 18
-- item 14).  A partial index of the text answers alone makes the next waiting
-- comment one seek and each count a scan of comments only, not of every answer.
CREATE INDEX answers_text ON answers (id) WHERE kind = 'text';
