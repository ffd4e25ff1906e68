"""One gentle reminder for someone who left feedback unfinished, if they asked for it.

Only people who opted in (``subscribers.remind``) are reminded, once (the
opt-in is used up by the reminder), a day after they last answered, and never
for a session more than a week old.  Nothing new links a person to their
answers: the opt-in holds the chat id, and at send time the respondent key is
worked out from it with the bot's secret, as it is for every message they send
(in a private chat the chat id is the user id).  ``reminders_sent`` holds only
the ids of sessions already reminded, so no session is reminded twice.
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


@dataclass(frozen=True)
class Due:
    chat_id: int
    lang: str
    session_id: str


async def due(
    store: Store, subscriptions: Subscriptions, key_of: Callable[[int], str], channel: str
) -> list[Due]:
    """Opted-in people whose newest session stopped part-way, a day or more ago."""
    now = store.clock()
    quiet_since, oldest = (
        (now - ago).astimezone(UTC).isoformat(timespec="seconds") for ago in (REMIND_AFTER, TOO_OLD)
    )
    found = []
    for subscriber in await subscriptions.wanting("remind"):
        async with store.db.execute(
            "SELECT s.id, s.lang FROM sessions s WHERE s.id = ("
            " SELECT id FROM sessions WHERE respondent_key = ? AND channel = ?"
            " ORDER BY started_at DESC, rowid DESC LIMIT 1)"
            " AND s.status IN ('active', 'stopped') AND s.updated_at <= ? AND s.updated_at > ?"
            " AND EXISTS (SELECT 1 FROM answers a WHERE a.session_id = s.id)"
            " AND NOT EXISTS (SELECT 1 FROM reminders_sent r WHERE r.session_id = s.id)",
            (key_of(subscriber.chat_id), channel, quiet_since, oldest),
        ) as cur:
            row = await cur.fetchone()
        if row is not None:
            found.append(Due(subscriber.chat_id, row[1], row[0]))
    return found


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
        await store.write(
            "INSERT OR IGNORE INTO reminders_sent (session_id, sent_at) VALUES (?, ?)",
            (item.session_id, store.now()),
        )
        outcome = await deliver(send, item.chat_id, catalogue.text("reminder.text", item.lang))
        if outcome is Outcome.GONE:
            await subscriptions.remove(item.chat_id)
        elif outcome in (Outcome.SENT, Outcome.UNKNOWN):
            await subscriptions.reminded(item.chat_id)
        elif outcome is Outcome.NOT_SENT:
            await store.write("DELETE FROM reminders_sent WHERE session_id = ?", (item.session_id,))
        sent += outcome is Outcome.SENT
    return sent
