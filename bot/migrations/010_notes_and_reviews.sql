-- "What changed" notes: a note may be the translation of another, so every reader
-- sees every note once, in their language where there is one.  Language codes
-- written as 'PL' or ' pl' by older code are brought to the form readers have.
ALTER TABLE updates ADD COLUMN translates INTEGER REFERENCES updates (id) ON DELETE CASCADE;
UPDATE updates SET lang = lower(trim(lang));

-- A staff review holds for the text it read: `answered_at` is the answer's
-- answered_at when reviewed, so an edit of the comment (which changes it)
-- sends the comment back for review.  Reviews made before this column count
-- as reading the current text if they are not older than it.
ALTER TABLE theme_reviews ADD COLUMN answered_at TEXT;
UPDATE theme_reviews SET answered_at = (
    SELECT a.answered_at FROM answers a WHERE a.id = theme_reviews.answer_id
) WHERE reviewed_at >= (
    SELECT a.answered_at FROM answers a WHERE a.id = theme_reviews.answer_id
);
