"""The Likert counts kept by day (migration 032) stay equal to a full recount.

Trends read ``likert_by_day`` instead of a year of answers, so it must never drift:
every way an answer is written, changed or removed (a new answer, an edit after
Back, a skipped step's answer deleted, /delete of one session or of a person, the
purge, a session's start moved) goes through triggers in the same transaction.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.conversation import State, Write
from bot.flows import Flow, LikertStep
from bot.report.period import month, months_to
from bot.report.queries import ReportQueries, _whole_days
from bot.store import Session, Store
from tests.conftest import Clock

RECOUNT = (
    "SELECT substr(s.started_at, 1, 10), s.flow_id, s.flow_version, a.step_id,"
    " coalesce(a.score, 0), count(*) FROM sessions s JOIN answers a ON a.session_id = s.id"
    " WHERE a.kind = 'likert' GROUP BY 1, 2, 3, 4, 5"
)


def kept(db: Path) -> dict[tuple, int]:
    """Every row of the day counts: none may be left at 0 (it would say someone gave that
    answer that day, after their answers were deleted or purged)."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT day, flow_id, flow_version, step_id, score, n FROM likert_by_day"
        ).fetchall()
    return {tuple(r[:5]): r[5] for r in rows}


def recount(db: Path) -> dict[tuple, int]:
    with sqlite3.connect(db) as conn:
        return {tuple(r[:5]): r[5] for r in conn.execute(RECOUNT)}


def likert_steps(flow: Flow) -> list[LikertStep]:
    return [s for s in flow.steps if isinstance(s, LikertStep)]


async def test_day_counts_equal_a_recount_after_random_changes(
    store: Store, flows: dict[str, Flow], clock: Clock, settings
) -> None:
    for flow in flows.values():
        await store.register_flow(flow)
    rng = random.Random(17)
    db = settings.database
    start = datetime(2025, 3, 20, 12, 0, tzinfo=UTC)
    live: list[tuple[Session, Flow, str]] = []
    for round_ in range(400):
        op = rng.random()
        if op < 0.3 or not live:
            # A new session, at some time of day over about a year (both clock changes).
            clock.now = start + timedelta(minutes=rng.randrange(0, 60 * 24 * 380))
            flow = rng.choice(list(flows.values()))
            key = f"te_person_{rng.randrange(40)}"
            state = State(flow_id=flow.id, flow_version=flow.version, lang="en")
            session = await store.create_session(key, "terminal", state)
            live.append((session, flow, key))
        session, flow, key = rng.choice(live)
        steps = likert_steps(flow)
        if op < 0.6:
            # Answers, new or changed (an edit after Back is the same step again).
            writes = []
            for step in rng.sample(steps, k=min(len(steps), rng.randrange(1, 4))):
                score = rng.choice([1, 2, 3, 4, 5, None])
                writes.append(Write(step.id, "likert", f"v{score}", score=score))
            if rng.random() < 0.2:
                writes.append(Write("free_text_somewhere", "text", "some words"))
            await store.save(session, writes)
        elif op < 0.75:
            # Back past a question and skip it: its answer is deleted.
            step = rng.choice(steps)
            await store.save(session, [Write(step.id, "likert", None)])
        elif op < 0.83:
            await store.delete_session(session.id)
            live = [x for x in live if x[0].id != session.id]
        elif op < 0.88:
            await store.delete_respondent(key)
            live = [x for x in live if x[2] != key]
        elif op < 0.96:
            # A repair moves a session's start by a day.
            await store.write(
                "UPDATE sessions SET started_at = ? WHERE id = ?",
                ((clock.now - timedelta(days=1)).isoformat(timespec="seconds"), session.id),
            )
        else:
            clock.now = start + timedelta(days=rng.randrange(30, 200))
            await store.purge(timedelta(days=rng.randrange(20, 120)))
            ids = {r[0] for r in await store.staff_read("SELECT id FROM sessions")}
            live = [x for x in live if x[0].id in ids]
        if round_ % 50 == 49:
            assert kept(db) == recount(db)
    assert kept(db) == recount(db)
    assert sum(recount(db).values()) > 20  # the loop left answers to count


async def test_trend_months_from_day_counts_equal_the_answers(
    store: Store, flows: dict[str, Flow], clock: Clock
) -> None:
    """Months in London begin at 23:00 UTC in summer: those hours come from the answers."""
    flow = flows["service_feedback"]
    await store.register_flow(flow)
    step = likert_steps(flow)[0]
    # Either side of each month's edge in summer and in winter, and mid-month.
    moments = [
        "2026-03-31T22:59:59",
        "2026-03-31T23:00:00",
        "2026-03-31T23:30:00",
        "2026-04-01T00:00:00",
        "2026-04-15T12:00:00",
        "2026-10-31T23:30:00",
        "2026-11-01T00:00:00",
        "2026-09-30T23:00:00",
        "2026-09-30T22:00:00",
    ]
    for i, moment in enumerate(moments):
        clock.now = datetime.fromisoformat(moment).replace(tzinfo=UTC)
        state = State(flow_id=flow.id, flow_version=flow.version, lang="en")
        session = await store.create_session(f"te_edge_{i}", "terminal", state)
        await store.save(session, [Write(step.id, "likert", "x", score=1 + i % 5)])
    q = ReportQueries(store)
    months = months_to(month(date(2026, 11, 15), "Europe/London"), 12)
    fast = await q.likert_by_month(months)
    slow = await q.likert_by_month_from_answers(months)
    assert sorted(map(repr, fast)) == sorted(map(repr, slow))
    by_month: dict[str, int] = {}
    for c in fast:
        by_month[c.month] = by_month.get(c.month, 0) + c.n
    assert by_month["2026-04"] == 4  # 23:00 and 23:30 UTC on 31 March are April in London
    assert by_month["2026-03"] == 1
    assert by_month["2026-10"] == 2


def test_whole_days_of_a_summer_month() -> None:
    first, last, ends = _whole_days("2026-03-31T23:00:00+00:00", "2026-04-30T23:00:00+00:00")
    assert (first, last) == ("2026-04-01", "2026-04-30")
    assert ends == [
        ("2026-03-31T23:00:00+00:00", "2026-04-01T00:00:00+00:00"),
        ("2026-04-30T00:00:00+00:00", "2026-04-30T23:00:00+00:00"),
    ]
    assert _whole_days("2026-11-01T00:00:00+00:00", "2026-12-01T00:00:00+00:00") == (
        "2026-11-01",
        "2026-12-01",
        [],
    )


async def test_a_database_from_before_the_day_counts_gets_them_counted(
    store: Store, flows: dict[str, Flow], clock: Clock, settings
) -> None:
    """A backup from before migration 032, restored, or any older database: the migration
    counts what is there, then the triggers keep it."""
    flow = flows["service_feedback"]
    await store.register_flow(flow)
    steps = likert_steps(flow)
    for i in range(12):
        clock.now = datetime(2026, 6, 1, tzinfo=UTC) + timedelta(hours=7 * i)
        state = State(flow_id=flow.id, flow_version=flow.version, lang="en")
        session = await store.create_session(f"te_old_{i}", "terminal", state)
        writes = [Write(s.id, "likert", "x", score=[1, 2, 3, 4, 5, None][(i + j) % 6])
                  for j, s in enumerate(steps)]  # fmt: skip
        await store.save(session, writes)
    await store.close()
    with sqlite3.connect(settings.database) as conn:
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'likert_by_day%'"
        ).fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE likert_by_day")
        conn.execute("DELETE FROM schema_migrations WHERE version = 32")
    reopened = await Store.open(settings.database, clock=clock)
    try:
        assert kept(settings.database) == recount(settings.database)
        assert sum(kept(settings.database).values()) == 12 * len(steps)
    finally:
        await reopened.close()


async def test_an_answer_whose_transaction_fails_leaves_the_day_counts_as_they_were(
    store: Store, flows: dict[str, Flow], clock: Clock, settings
) -> None:
    """The counts move in the answer's own transaction: a write that fails part-way (a full
    disk, an error after the answer) takes its count back with it."""
    flow = flows["service_feedback"]
    await store.register_flow(flow)
    step = likert_steps(flow)[0]
    state = State(flow_id=flow.id, flow_version=flow.version, lang="en")
    session = await store.create_session("te_fails", "terminal", state)
    await store.save(session, [Write(step.id, "likert", "x", score=4)])
    before = kept(settings.database)

    def half(conn: sqlite3.Connection) -> None:
        conn.execute(
            "UPDATE answers SET score = 1 WHERE session_id = ? AND step_id = ?",
            (session.id, step.id),
        )
        raise OSError("disk full")

    with pytest.raises(OSError):
        await store.atomic(half)
    assert kept(settings.database) == before == recount(settings.database)


async def test_delete_leaves_no_trace_of_a_persons_answers_in_the_day_counts(
    store: Store, flows: dict[str, Flow], clock: Clock, settings
) -> None:
    """/delete: the only person to answer that day leaves no row saying someone answered
    'strongly disagree' on that day (a row at 0 would)."""
    flow = flows["service_feedback"]
    await store.register_flow(flow)
    step = likert_steps(flow)[0]
    clock.now = datetime(2026, 7, 9, 15, tzinfo=UTC)
    state = State(flow_id=flow.id, flow_version=flow.version, lang="en")
    session = await store.create_session("te_alone", "terminal", state)
    await store.save(session, [Write(step.id, "likert", "x", score=1)])
    assert kept(settings.database) == {("2026-07-09", flow.id, flow.version, step.id, 1): 1}
    await store.delete_respondent("te_alone")
    with sqlite3.connect(settings.database) as conn:
        assert conn.execute("SELECT count(*) FROM likert_by_day").fetchone() == (0,)
