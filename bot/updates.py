"""'You said, we did': updates from staff, /news, and sending them to people who asked.

Updates are the reports' ``updates`` rows (so the network report shows them
too).  People opt in at the end of a flow; their opt-in is a ``subscribers``
row holding only the chat id (needed to write to them), their language and
what they asked for, never linked to a respondent key or an answer: no time is
kept, and rows are keyed by a random token, so neither a timestamp nor the
order rows were added lines an opt-in up with the session that just finished.
/unsubscribe and /delete remove it, and so does Telegram telling us the person
blocked the bot.
"""

from __future__ import annotations

import json
import logging
import secrets
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, timedelta
from typing import Any

from bot.i18n import Catalogue
from bot.report.notes import for_reader, marked
from bot.report.period import parse_range
from bot.report.queries import ReportQueries
from bot.report.themes import Codebook
from bot.roles import audit
from bot.store import Store

NEWS_ITEMS = 5
MESSAGE_LIMIT = 4096
"""Telegram's longest message (bot/telegram/split.py counts it)."""

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Subscriber:
    chat_id: int
    lang: str
    updates: bool
    remind: bool


class Subscriptions:
    """Every statement that carries a chat id goes through ``_quietly``: aiosqlite logs
    the parameters of ordinary calls at DEBUG, and a chat id must never reach a log."""

    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    async def _quietly(self, sql: str, args: tuple[Any, ...]) -> tuple[list[tuple[Any, ...]], int]:
        """(rows, rows changed), committed, in one hop that logs no parameters."""

        def run(conn: sqlite3.Connection) -> tuple[list[tuple[Any, ...]], int]:
            cur = conn.execute(sql, args)
            return [tuple(r) for r in cur.fetchall()], cur.rowcount

        return await self.store.atomic(run)

    async def get(self, chat_id: int) -> Subscriber | None:
        # On the loop's read connection (``Store.read`` logs no parameters either): asked
        # at the end of every feedback, where a trip to the database thread would queue
        # behind other people's commits.
        rows = await self.store.read(
            "SELECT chat_id, lang, updates, remind FROM subscribers WHERE chat_id = ?", (chat_id,)
        )
        return (
            Subscriber(rows[0][0], rows[0][1], bool(rows[0][2]), bool(rows[0][3])) if rows else None
        )

    async def set(
        self, chat_id: int, lang: str, *, updates: bool | None = None, remind: bool | None = None
    ) -> Subscriber | None:
        """Turn one opt-in on or off, keeping the other; with neither left, the row goes."""
        now = await self.get(chat_id)
        wants_updates = updates if updates is not None else bool(now and now.updates)
        wants_remind = remind if remind is not None else bool(now and now.remind)
        if not (wants_updates or wants_remind):
            await self.remove(chat_id)
            return None
        # No time is stored and the key is random (migration 008): a timestamp or an
        # insertion order would line the opt-in up with the session just finished.
        await self._quietly(
            "INSERT INTO subscribers (token, chat_id, lang, updates, remind)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET lang = excluded.lang,"
            " updates = excluded.updates, remind = excluded.remind",
            (secrets.token_hex(16), chat_id, lang, int(wants_updates), int(wants_remind)),
        )
        return Subscriber(chat_id, lang, wants_updates, wants_remind)

    async def relabel(self, chat_id: int, lang: str) -> None:
        """The person chose another language: what we send them follows it."""
        await self._quietly("UPDATE subscribers SET lang = ? WHERE chat_id = ?", (lang, chat_id))

    async def reminded(self, chat_id: int) -> None:
        """The one reminder went: that opt-in is used up; with nothing else asked for,
        the row (and the chat id) goes."""

        def run(conn: sqlite3.Connection) -> None:
            conn.execute("UPDATE subscribers SET remind = 0 WHERE chat_id = ?", (chat_id,))
            conn.execute("DELETE FROM subscribers WHERE chat_id = ? AND updates = 0", (chat_id,))

        await self.store.atomic(run)

    async def remove(self, chat_id: int) -> bool:
        _, changed = await self._quietly("DELETE FROM subscribers WHERE chat_id = ?", (chat_id,))
        return changed > 0

    async def wanting(self, what: str) -> list[Subscriber]:
        """Everyone who asked for ``updates`` or ``remind``."""
        if what not in ("updates", "remind"):
            raise ValueError(what)
        async with self.db.execute(
            f"SELECT chat_id, lang, updates, remind FROM subscribers WHERE {what} = 1"
            " ORDER BY chat_id"
        ) as cur:
            rows = await cur.fetchall()
        return [Subscriber(r[0], r[1], bool(r[2]), bool(r[3])) for r in rows]


def longest_update(catalogue: Catalogue, languages: Iterable[str]) -> int:
    """The longest update that goes out as one message in every language, with the
    broadcast's header above it.  Longer ones are refused before anything is stored,
    so nobody gets an update in pieces."""
    header = max(len(catalogue.text("news.broadcast", lang)) for lang in languages)
    return MESSAGE_LIMIT - header - 2


async def publish(
    store: Store,
    text: str,
    lang: str,
    actor_key: str,
    day: date,
    *,
    themes: Iterable[str] = (),
    status: str | None = None,
) -> int:
    """Store a staff update (it also appears in the network report); audited.
    ``themes`` and ``status`` link it to what people said ('you said, we did')."""
    themes = sorted(set(themes))
    update_id = await ReportQueries(store).add_update(
        text, day.isoformat(), lang, themes=themes, status=status
    )
    params: dict[str, object] = {"id": update_id, "lang": lang}
    if themes or status:
        params |= {"themes": themes, "status": status}
    await audit(store, actor_key, "update", params)
    return update_id


TOP_THEMES = 6
"""Theme buttons /update offers."""


async def top_themes(
    store: Store, codebook: Codebook, timezone: str, today: date, n: int = TOP_THEMES
) -> list[str]:
    """The themes most people raised in the last 7 days (to ``today``), most first: what
    /update offers to link an update to.  Staff see only the names, no counts."""
    period = parse_range((today - timedelta(days=6)).isoformat(), today.isoformat(), timezone)
    q = ReportQueries(store)
    summary = await q.comment_summary(period, codebook, quotes=False)
    if summary.untagged:
        await q.tag_comments(period, codebook)
        summary = await q.comment_summary(period, codebook, quotes=False)
    ranked = sorted((t for t in summary.themes if t.respondents), key=lambda t: -t.respondents)
    known = set(codebook.ids())
    return [t.theme for t in ranked if t.theme in known][:n]


@dataclass(frozen=True)
class Draft:
    """An update on Telegram before it is saved: its text and the links ticked so far."""

    token: str
    staff_key: str
    text: str
    lang: str
    offered: list[str]
    themes: list[str]
    status: str


DRAFT_HOURS = 24
"""A draft's life: after a day unsaved it is closed (its buttons say so) and the daily
purge deletes it, with the staff member's key it holds."""


class Drafts:
    """``update_drafts`` rows (migration 029): one open draft per staff member."""

    def __init__(self, store: Store):
        self.store = store

    def _cutoff(self) -> str:
        """Drafts started before this are closed."""
        moment = self.store.clock() - timedelta(hours=DRAFT_HOURS)
        return moment.astimezone(UTC).isoformat(timespec="seconds")

    async def purge(self) -> int:
        """Delete drafts left unsaved for a day (``retention.purge_expired``): without it
        they stayed until someone next started an /update, perhaps never."""
        return await self.store.write(
            "DELETE FROM update_drafts WHERE created_at < ?", (self._cutoff(),)
        )

    async def start(self, staff_key: str, text: str, lang: str, offered: list[str]) -> Draft:
        """A new draft; the same person's older one (and anyone's left a day) is dropped,
        so buttons left on an older draft say it is closed."""
        token = secrets.token_hex(4)
        cutoff = self._cutoff()

        def run(conn: sqlite3.Connection) -> None:
            conn.execute(
                "DELETE FROM update_drafts WHERE staff_key = ? OR created_at < ?",
                (staff_key, cutoff),
            )
            conn.execute(
                "INSERT INTO update_drafts (token, staff_key, text, lang, offered, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (token, staff_key, text, lang, json.dumps(offered), self.store.now()),
            )

        await self.store.atomic(run)
        return Draft(token, staff_key, text, lang, offered, [], "done")

    async def get(self, token: str) -> Draft | None:
        """The open draft with this token; None once saved, dropped or a day old."""
        cutoff = self._cutoff()

        def run(conn: sqlite3.Connection) -> tuple[Any, ...] | None:
            return conn.execute(
                "SELECT token, staff_key, text, lang, offered, themes, status FROM update_drafts"
                " WHERE token = ? AND created_at >= ?",
                (token, cutoff),
            ).fetchone()

        row = await self.store.atomic(run)
        if row is None:
            return None
        return Draft(row[0], row[1], row[2], row[3], json.loads(row[4]), json.loads(row[5]), row[6])

    async def change(self, draft: Draft, *, themes: list[str], status: str) -> Draft | None:
        """Store new ticks; None if the draft was saved or dropped meanwhile."""
        ticked = [t for t in draft.offered if t in themes]
        changed = await self.store.write(
            "UPDATE update_drafts SET themes = ?, status = ? WHERE token = ? AND created_at >= ?",
            (json.dumps(ticked), status, draft.token, self._cutoff()),
        )
        if not changed:
            return None
        return Draft(
            draft.token, draft.staff_key, draft.text, draft.lang, draft.offered, ticked, status
        )

    async def save(self, token: str, staff_key: str, day: date) -> tuple[Draft, int] | None:
        """Store the draft as an update and drop the draft, in one transaction: a full disk
        loses neither (the draft stays, Save can be tapped again) and a second tap finds
        nothing.  Returns the draft and the new update's id; audited."""
        cutoff = self._cutoff()

        def run(conn: sqlite3.Connection) -> tuple[Draft, int] | None:
            row = conn.execute(
                "SELECT token, staff_key, text, lang, offered, themes, status FROM update_drafts"
                " WHERE token = ? AND staff_key = ? AND created_at >= ?",
                (token, staff_key, cutoff),
            ).fetchone()
            if row is None:
                return None
            draft = Draft(
                row[0], row[1], row[2], row[3], json.loads(row[4]), json.loads(row[5]), row[6]
            )
            conn.execute("DELETE FROM update_drafts WHERE token = ?", (token,))
            update_id = int(
                conn.execute(
                    "INSERT INTO updates (text, lang, dated, created_at, status)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (draft.text, draft.lang, day.isoformat(), self.store.now(), draft.status),
                ).lastrowid
                or 0
            )
            conn.executemany(
                "INSERT INTO update_themes (update_id, theme) VALUES (?, ?)",
                [(update_id, theme) for theme in sorted(set(draft.themes))],
            )
            return draft, update_id

        saved = await self.store.atomic(run)
        if saved is not None:
            draft, update_id = saved
            await audit(
                self.store,
                staff_key,
                "update",
                {
                    "id": update_id,
                    "lang": draft.lang,
                    "themes": draft.themes,
                    "status": draft.status,
                },
            )
        return saved

    async def take(self, token: str, staff_key: str) -> Draft | None:
        """Remove and return the draft, once: a second tap on Save finds nothing."""
        draft = await self.get(token)
        if draft is None or draft.staff_key != staff_key:
            return None
        removed = await self.store.write(
            "DELETE FROM update_drafts WHERE token = ? AND staff_key = ?", (token, staff_key)
        )
        return draft if removed else None


async def relabel(store: Store, update_id: int, lang: str, actor_key: str) -> None:
    """Staff correct the language an update is shown in; audited."""
    await store.write("UPDATE updates SET lang = ? WHERE id = ?", (lang, update_id))
    await audit(store, actor_key, "update_language", {"id": update_id, "lang": lang})


async def news(store: Store, catalogue: Catalogue, lang: str) -> str:
    """The latest updates, newest first: each in ``lang`` where staff translated it, else
    as written and marked with its language (``bot.report.notes``)."""
    shown = for_reader(await ReportQueries(store).notes(), lang)
    if not shown:
        return catalogue.text("news.none", lang)
    lines = [catalogue.text("news.title", lang)]
    for note in reversed(shown[-NEWS_ITEMS:]):
        lines.append(f"\n{note.dated}\n{marked(note, catalogue, lang)}")
    return "\n".join(lines)
