"""An opt-in cannot be joined to the answers of the person who made it (issue 18 item 2).

A hostile reader with the database tries every column of ``subscribers``, and the
order its rows come back in, against every column of ``sessions`` (and the
answers' times), matching by equal value, nearest time and rank.  Each person
finishes a flow and opts in a few seconds later, as on Telegram.  A join that
finds the right session for more people than chance would fails the test.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiosqlite

from bot.conversation import Choose, Reply
from bot.service import CONSENT_AGREE, Conversations
from bot.store import Store, migrations
from bot.updates import Subscriptions
from tests.conftest import Clock

PEOPLE = 60
CHANCE_LIMIT = 0.15
"""Share of people a join may get right: chance is 1/60 (~0.017); 0.15 is 9 people."""


async def _finish_and_opt_in(
    conversations: Conversations, clock: Clock, seed: int, opt_in
) -> dict[int, str]:
    """PEOPLE people finish one after another and opt in seconds later: chat id → session."""
    rng = random.Random(seed)
    truth: dict[int, str] = {}
    clock.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    for i in range(PEOPLE):
        chat_id = rng.randrange(10**9, 8 * 10**9)
        key = f"te_person_{seed}_{i}"
        clock.now += timedelta(minutes=rng.randrange(1, 90))
        await conversations.start(key, "telegram")
        await conversations.handle(key, "telegram", Choose(CONSENT_AGREE))
        await conversations.handle(key, "telegram", Choose("service_user"))
        await conversations.handle(key, "telegram", Reply(f"Comment number {i} about waiting."))
        clock.now += timedelta(seconds=rng.randrange(20, 200))
        await conversations.handle(key, "telegram", Choose("satisfied"))
        turn = await conversations.handle(key, "telegram", Reply("Nothing else."))
        assert turn.finished
        async with conversations.store.db.execute(
            "SELECT id FROM sessions WHERE respondent_key = ?", (key,)
        ) as cur:
            truth[chat_id] = (await cur.fetchone())[0]
        clock.now += timedelta(seconds=rng.randrange(2, 9))
        await opt_in(chat_id, updates=True, remind=rng.random() < 0.5)
    return truth


def _as_number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        for parse in (datetime.fromisoformat,):
            try:
                moment = parse(value)
            except ValueError:
                continue
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            return moment.timestamp()
    return None


def _ranks(values: list[Any]) -> list[float]:
    """Each value's rank (ties share the mean rank); unorderable values rank by position."""
    keyed = [(_as_number(v), str(v)) for v in values]
    order = sorted(range(len(values)), key=lambda i: (keyed[i][0] is None, keyed[i]))
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and keyed[order[j + 1]] == keyed[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2
        i = j + 1
    return ranks


def _hit_rate(guesses: list[set[int]], truth: list[int]) -> float:
    """Expected share right when each person's guess is picked at random from the candidates."""
    return sum(1 / len(g) for g, t in zip(guesses, truth, strict=True) if t in g) / len(truth)


def _joins(
    subs: list[dict[str, Any]], sessions: list[dict[str, Any]], truth: list[int]
) -> dict[str, float]:
    """Every way of pairing a subscriber column with a session column, and its hit rate."""
    out: dict[str, float] = {}
    n = len(sessions)
    for sc in subs[0]:
        svals = [s[sc] for s in subs]
        sranks = _ranks(svals)
        for dc in sessions[0]:
            dvals = [d[dc] for d in sessions]
            dranks = _ranks(dvals)
            # Equal values.
            equal = [{j for j in range(n) if dvals[j] == v} or set(range(n)) for v in svals]
            out[f"{sc} = {dc}"] = _hit_rate(equal, truth)
            # Same rank (row order, or any order the values give).
            by_rank = []
            for r in sranks:
                best = min(abs(r - d) for d in dranks)
                by_rank.append({j for j in range(n) if abs(dranks[j] - r) == best})
            out[f"rank {sc} ~ rank {dc}"] = _hit_rate(by_rank, truth)
            # Nearest earlier time (the join the issue found: opt-in seconds after finishing).
            snum = [_as_number(v) for v in svals]
            dnum = [_as_number(v) for v in dvals]
            if all(x is not None for x in snum) and all(x is not None for x in dnum):
                nearest = []
                for x in snum:
                    gaps = [x - y for y in dnum if x - y >= 0]
                    if not gaps:
                        nearest.append(set(range(n)))
                        continue
                    best = min(gaps)
                    nearest.append({j for j in range(n) if x - dnum[j] == best})
                out[f"{sc} just after {dc}"] = _hit_rate(nearest, truth)
    return out


def _read(path: Path, truth: dict[int, str]) -> tuple[dict[str, float], dict[str, Any]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        subs = [dict(r) for r in conn.execute("SELECT * FROM subscribers")]
        for i, row in enumerate(subs):
            row["_row_order"] = i
        sessions = [
            dict(r)
            for r in conn.execute(
                "SELECT s.rowid AS _rowid, s.*, max(a.answered_at) AS _last_answer,"
                " max(a.id) AS _last_answer_id"
                " FROM sessions s LEFT JOIN answers a ON a.session_id = s.id GROUP BY s.id"
            )
        ]
    finally:
        conn.close()
    index = {d["id"]: j for j, d in enumerate(sessions)}
    chat_column = next(c for c in subs[0] if c == "chat_id")
    order = [index[truth[s[chat_column]]] for s in subs]
    return _joins(subs, sessions, order), subs[0]


def _assert_no_join_beats_chance(rates: dict[str, float]) -> None:
    linked = {how: rate for how, rate in rates.items() if rate > CHANCE_LIMIT}
    assert not linked, f"these joins link opt-ins to answers: {linked}"


async def test_no_column_or_row_order_of_an_opt_in_links_it_to_the_answers(
    tiny: Conversations, store: Store, clock: Clock, settings
) -> None:
    subscriptions = Subscriptions(store)

    async def opt_in(chat_id: int, **choices: bool) -> None:
        await subscriptions.set(chat_id, "en", **choices)

    truth = await _finish_and_opt_in(tiny, clock, seed=7, opt_in=opt_in)
    rates, columns = _read(settings.database, truth)
    # The attack is real: the test's own joins find a link when one exists.
    assert "chat_id" in columns and len(rates) > 40
    _assert_no_join_beats_chance(rates)
    # No time of any kind is kept.
    assert not [c for c, v in columns.items() if isinstance(v, str) and _as_number(v) is not None]


async def test_migration_008_unlinks_opt_ins_stored_before_it(
    tiny: Conversations, store: Store, clock: Clock, settings, tmp_path: Path
) -> None:
    """Opt-ins stored the old way (time to the second, in finishing order) are rewritten."""
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    for number, _, sql in migrations():
        if number < 8:
            conn.executescript(sql)
    # Today's service code below remembers chosen languages (migration 009); the table
    # is dropped again before the real migration runs.
    conn.execute("CREATE TABLE languages (respondent_key TEXT PRIMARY KEY, lang, chosen_at)")
    # ... and records the catalogue revision each session was shown (migration 020).
    conn.execute("ALTER TABLE sessions ADD COLUMN catalogue_revision TEXT")
    conn.execute(
        "CREATE TABLE catalogue_revisions"
        " (revision PRIMARY KEY, lang, entries, reviewed, first_seen)"
    )
    conn.close()
    db = await aiosqlite.connect(str(old))
    db.row_factory = aiosqlite.Row
    await db.execute("PRAGMA foreign_keys=ON")
    pre = Store(db, clock=clock)
    pre_conversations = Conversations(tiny.settings, pre, tiny.flows)
    await pre_conversations.register_flows()

    async def old_opt_in(chat_id: int, **choices: bool) -> None:
        await pre.write(
            "INSERT INTO subscribers (chat_id, lang, updates, remind, consented_at)"
            " VALUES (?, 'en', ?, ?, ?)",
            (chat_id, int(choices["updates"]), int(choices["remind"]), pre.now()),
        )

    truth = await _finish_and_opt_in(pre_conversations, clock, seed=11, opt_in=old_opt_in)
    await db.execute(
        "CREATE TABLE schema_migrations"
        " (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    await db.executemany(
        "INSERT INTO schema_migrations VALUES (?, ?, '2026-01-01')",
        [(n, name) for n, name, _ in migrations() if n < 8],
    )
    await db.commit()
    before, _ = _read(old, truth)
    assert max(before.values()) > 0.9  # the old table gave everyone away
    await db.execute("DROP TABLE languages")
    await db.execute("DROP TABLE catalogue_revisions")
    await db.execute("ALTER TABLE sessions DROP COLUMN catalogue_revision")
    await db.commit()
    await db.close()

    migrated = await Store.open(old, clock=clock)
    try:
        subs = await Subscriptions(migrated).wanting("updates")
        assert sorted(s.chat_id for s in subs) == sorted(truth)  # nobody's opt-in is lost
    finally:
        await migrated.close()
    after, columns = _read(old, truth)
    _assert_no_join_beats_chance(after)
    assert "consented_at" not in columns
