-- Which form a peer's desk buttons belong to.  `form` is a random token made
-- when a form starts and kept until the next one starts; the desk's buttons
-- (next, delete these answers, finish) carry it, so a button left on an old
-- message can never act on the form that came after it.  It names no one.
ALTER TABLE peer_desks ADD COLUMN form TEXT;
