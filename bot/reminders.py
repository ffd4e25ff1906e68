"""One gentle reminder for someone who left feedback unfinished, if they asked for it.

Only people who opted in (``subscribers.remind``) are reminded, once (the
opt-in is used up by the reminder), a day after they last answered, and never
for a session more than a week old.  Nothing new links a person to their
answers: the opt-in holds the chat id, and at send time the respondent key is
worked out from it with the bot's secret, as it is for every message they send
(in a private chat the chat id is the user id).  ``reminders_sent`` holds only
the ids of sessions already reminded, so no session is reminded twice.

"If you'd like to carry on, send /start" must be true when it arrives: only a
session /start would resume is reminded (active, not stopped, and not expired:
``Store.open_since``), and not one that expires within ``LEAVE_TIME``, when the
reminder could only lead to a fresh start.  The check is made again in the same
statement that claims the session, just before the send, so a summary falling due
while reminders go out (or an answer given meanwhile) stops the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, timedelta

from bot.deliveries import Outcome, Send, deliver
from bot.i18n import Catalogue
from bot.store import Store
from bot.updates import Subscriptions

REMIND_AFTER = timedelta(hours=24)
TOO_OLD = timedelta(days=7)
LEAVE_TIME = timedelta(hours=12)
"""A reminder is sent only if the session stays open at least this long after it."""

_DUE = (
    " s.id = (SELECT id FROM sessions WHERE respondent_key = ? AND channel = ?"
    " ORDER BY started_at DESC, rowid DESC LIMIT 1)"
    " AND s.status = 'active' AND s.started_at >= ?"
    " AND s.updated_at <= ? AND s.updated_at > ?"
    " AND EXISTS (SELECT 1 FROM answers a WHERE a.session_id = s.id)"
    " AND NOT EXISTS (SELECT 1 FROM reminders_sent r WHERE r.session_id = s.id)"
)
"""A session that is due a reminder: the person's newest, one /start would resume."""


@dataclass(frozen=True)
class Due:
    chat_id: int
    lang: str
    session_id: str


def _due_args(store: Store, key: str, channel: str) -> tuple[str, ...]:
    now = store.clock()
    open_since = store.open_since(now + LEAVE_TIME) if store.open_since else ""
    quiet_since, oldest = (
        (now - ago).astimezone(UTC).isoformat(timespec="seconds") for ago in (REMIND_AFTER, TOO_OLD)
    )
    return (key, channel, open_since, quiet_since, oldest)


async def due(
    store: Store, subscriptions: Subscriptions, key_of: Callable[[int], str], channel: str
) -> list[Due]:
    """Opted-in people whose newest session stopped part-way, a day or more ago."""
    found = []
    for subscriber in await subscriptions.wanting("remind"):
        args = _due_args(store, key_of(subscriber.chat_id), channel)
        async with store.db.execute(
            f"SELECT s.id, s.lang FROM sessions s WHERE{_DUE}", args
        ) as cur:
            row = await cur.fetchone()
        if row is not None:
            found.append(Due(subscriber.chat_id, row[1], row[0]))
    return found


async def _claim(store: Store, item: Due, key: str, channel: str) -> bool:
    """Mark the session reminded if it is still due now; False if it no longer is."""
    claimed = await store.write(
        "INSERT OR IGNORE INTO reminders_sent (session_id, sent_at)"
        f" SELECT s.id, ? FROM sessions s WHERE s.id = ? AND{_DUE}",
        (store.now(), item.session_id, *_due_args(store, key, channel)),
    )
    return claimed == 1


async def send_reminders(
    send: Send,
    store: Store,
    catalogue: Catalogue,
    key_of: Callable[[int], str],
    channel: str,
) -> int:
    """Send every reminder that is due; returns how many were sent.

    A session is marked before its reminder goes, so a crash never leads to a
    second message; the mark is taken back only when the reminder certainly did
    not go (so it is tried again next time).  A reminder that went, or may have,
    uses up the person's opt-in: the offer promised one reminder, not one per
    session, and someone who asked for nothing else is then forgotten.
    """
    subscriptions = Subscriptions(store)
    sent = 0
    for item in await due(store, subscriptions, key_of, channel):
        if not await _claim(store, item, key_of(item.chat_id), channel):
            continue
        outcome = await deliver(send, item.chat_id, catalogue.text("reminder.text", item.lang))
        if outcome is Outcome.GONE:
            await subscriptions.remove(item.chat_id)
        elif outcome in (Outcome.SENT, Outcome.UNKNOWN):
            await subscriptions.reminded(item.chat_id)
        elif outcome is Outcome.NOT_SENT:
            await store.write("DELETE FROM reminders_sent WHERE session_id = ?", (item.session_id,))
        sent += outcome is Outcome.SENT
    return sent
