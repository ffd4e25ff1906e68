-- Telegram update ids already handled, so an update delivered again (after a
-- crash, before the bot's next getUpdates confirmed it) is not handled twice.
-- Each id is written in the same transaction as the answer and state its
-- handling produced.  A rolling window: the hourly job deletes ids older than
-- Telegram keeps updates (24 h), with a margin.  An update id names no one;
-- the time is kept to the hour, only to purge by.
CREATE TABLE handled_updates (
    update_id INTEGER PRIMARY KEY,
    handled_hour TEXT NOT NULL
);
CREATE INDEX handled_updates_by_hour ON handled_updates (handled_hour);
