"""Issue 17 item 5: a period's counts kept between exports (migration 033) stay exact.

An export of November with its trend reads October (the change columns) and November's
pieces: the counting queries' rows are kept in ``report_counts`` so that the next export
reads them instead of the answers (``bot/report/counts.py``).  Every write that could
change them (an answer written, edited or deleted, a session's groups or trail, /delete,
the purge, tagging, staff's reviews, a catalogue revision) deletes the rows of the ranges
it falls in, in its own transaction; rows counted while something changed are not kept.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from bot.conversation import State, Write
from bot.flows import Flow, LikertStep, TextStep
from bot.report import counts
from bot.report.export import build_public
from bot.report.fft import fft_steps
from bot.report.period import Period, month, parse_range, parse_week
from bot.report.queries import ReportQueries
from bot.report.synth import random_responses, write
from bot.report.themes import load_codebook
from bot.report.warm import warm_counts
from bot.store import Session, Store
from tests.conftest import Clock

ZONE = "Europe/London"


def _periods() -> list[Period]:
    """Months either side of both clock changes, weeks, and a piece of a month."""
    found: list[Period] = []
    for first in ("2026-03-01", "2026-04-01", "2026-10-01", "2026-11-01"):
        found.append(month(date.fromisoformat(first), ZONE))
    found += [parse_week(w, ZONE) for w in ("2026-W13", "2026-W44", "2026-W45")]
    found.append(parse_range("2026-11-01", "2026-11-08", ZONE))
    return found


async def _everything(q: ReportQueries, periods: list[Period], codebook, steps) -> list:
    out: list = []
    for p in periods:
        out.append(await q.responses(p))
        out.append(await q.answer_counts(p))
        out.append(await q.multi_options(p))
        out.append(await q.shown(p))
        out.append(await q.fft(p, steps))
        out.append(await q.comment_summary(p, codebook, quotes=False, per_theme=12))
    return out


async def _kept_rows(store: Store) -> int:
    rows = await store.staff_read("SELECT count(*) FROM report_counts WHERE rows IS NOT NULL")
    return rows[0][0]


async def _covering(store: Store, started_at: str) -> int:
    rows = await store.staff_read(
        "SELECT count(*) FROM report_counts WHERE lo <= ? AND hi > ?", (started_at, started_at)
    )
    return rows[0][0]


async def test_kept_counts_equal_a_full_recount_after_random_changes(
    store: Store, flows: dict[str, Flow], clock: Clock, settings
) -> None:
    """400 seeded random operations; every 20, each count of eight periods read (kept
    rows where nothing changed; half the time after the hourly job's warming of two
    months) against a full recount with nothing kept."""
    for flow in flows.values():
        await store.register_flow(flow)
    codebook = load_codebook(settings.flows_dir)
    steps = await fft_steps(store)
    periods = _periods()
    q = ReportQueries(store)
    rng = random.Random(33)
    start = datetime(2026, 2, 20, 12, 0, tzinfo=UTC)
    live: list[tuple[Session, Flow, str]] = []
    hits = compared = 0
    for round_ in range(400):
        op = rng.random()
        if op < 0.25 or not live:
            clock.now = start + timedelta(minutes=rng.randrange(0, 60 * 24 * 300))
            flow = rng.choice(list(flows.values()))
            key = f"te_person_{rng.randrange(40)}"
            state = State(flow_id=flow.id, flow_version=flow.version, lang=rng.choice(["en", "pl"]))
            session = await store.create_session(key, "terminal", state)
            live.append((session, flow, key))
        session, flow, key = rng.choice(live)
        likert = [s for s in flow.steps if isinstance(s, LikertStep)]
        texts = [s for s in flow.steps if isinstance(s, TextStep)]
        if op < 0.5 and likert:
            writes = [
                Write(s.id, "likert", "x", score=rng.choice([1, 2, 3, 4, 5, None]))
                for s in rng.sample(likert, k=min(len(likert), rng.randrange(1, 4)))
            ]
            if texts and rng.random() < 0.5:
                words = rng.choice(["staff were kind", "waited too long", "the room was cold"])
                writes.append(Write(rng.choice(texts).id, "text", words))
            session.state.trail.extend(w.step_id for w in writes)
            await store.save(session, writes)
        elif op < 0.58 and likert:
            await store.save(session, [Write(rng.choice(likert).id, "likert", None)])
        elif op < 0.66:
            column = rng.choice(["respondent_group", "area", "site", "status", "mode", "lang"])
            value = {
                "status": rng.choice(["active", "completed", "stopped"]),
                "mode": rng.choice(["own_device", "peer_assisted", "paper"]),
                "lang": rng.choice(["en", "pl", "ar"]),
            }.get(column, rng.choice([None, "a", "b"]))
            await store.write(f"UPDATE sessions SET {column} = ? WHERE id = ?", (value, session.id))
        elif op < 0.72:
            p = rng.choice(periods)
            await q.tag_comments(p, codebook)
        elif op < 0.77:
            found = await store.staff_read(
                "SELECT a.id, a.answered_at FROM answers a WHERE a.kind = 'text'"
            )
            if found:
                answer_id, answered_at = rng.choice(found)
                if rng.random() < 0.7:
                    themes = rng.sample([t.id for t in codebook.themes], k=2)
                    await q.set_review(answer_id, themes, answered_at)
                else:
                    await q.clear_review(answer_id)
        elif op < 0.8:
            await store.write(
                "INSERT INTO catalogue_revisions VALUES (?, 'pl', 10, ?, '2026-01-01')"
                " ON CONFLICT DO UPDATE SET reviewed = excluded.reviewed",
                ("pl:x", rng.randrange(11)),
            )
            await store.write(
                "UPDATE sessions SET catalogue_revision = 'pl:x' WHERE id = ?", (session.id,)
            )
        elif op < 0.87:
            started = (await store.staff_read(
                "SELECT started_at FROM sessions WHERE id = ?", (session.id,)
            ))[0][0]  # fmt: skip
            await store.delete_session(session.id)
            live = [x for x in live if x[0].id != session.id]
            assert await _covering(store, started) == 0  # no count still holds them
        elif op < 0.9:
            await store.delete_respondent(key)
            live = [x for x in live if x[2] != key]
        elif op < 0.96:
            await store.write(
                "UPDATE sessions SET started_at = ? WHERE id = ?",
                ((clock.now - timedelta(days=3)).isoformat(timespec="seconds"), session.id),
            )
        else:
            clock.now = start + timedelta(days=rng.randrange(30, 300))
            await store.purge(timedelta(days=rng.randrange(20, 120)))
            ids = {r[0] for r in await store.staff_read("SELECT id FROM sessions")}
            live = [x for x in live if x[0].id in ids]
        if round_ % 20 == 19:
            if rng.random() < 0.5:  # the hourly job, sometimes, before the export
                await warm_counts(store, settings, rng.sample(periods[:4], k=2))
            hits += await _kept_rows(store)
            got = await _everything(q, periods, codebook, steps)
            await store.write("DELETE FROM report_counts")
            assert got == await _everything(q, periods, codebook, steps), round_
            compared += sum(len(c) for c in got if isinstance(c, list))
    assert hits > 100  # rows were kept and read, not counted again every time
    assert compared > 300  # there were answers to count all along


async def _fill(store: Store, settings, flows) -> None:
    span = parse_range("2026-10-01", "2026-12-06", ZONE)
    await write(store, flows, random_responses(flows, settings, 120, span, seed=17))


async def test_a_month_exported_again_reads_no_answers_of_its_pieces_or_last_month(
    store: Store, settings, flows
) -> None:
    """November after week 45, again and again: October's and
    the pieces' counts are the kept ones (only comments are read again, for their quotes,
    with the few quoted answers' groups, and the trend's hours outside whole days).  That
    kept counts equal a recount is the test above's."""
    await _fill(store, settings, flows)
    await build_public(store, settings, parse_week("2026-W45", ZONE))
    nov = month(date(2026, 11, 1), ZONE)
    # The first export is recorded in the ledger, so the second cuts the month (and
    # October, tied to it) at one more publication: from then on the pieces are the same.
    for _ in range(2):
        await build_public(store, settings, nov)
    seen: list[str] = []
    read = store.staff_read

    async def counting(sql, args=()):
        if "answers a" in sql and "report_counts" not in sql:
            seen.append(" ".join(sql.split()))
        return await read(sql, args)

    store.staff_read = counting  # type: ignore[method-assign]
    await build_public(store, settings, nov)
    store.staff_read = read  # type: ignore[method-assign]
    # Comments (quotes are text: never kept), and the trend's edges if any.
    allowed = ("json_each(x.review)", "SELECT m.label, s.flow_id", "SELECT a.id, s.site")
    assert seen
    assert all(any(a in s for a in allowed) for s in seen), [s[:80] for s in seen]


async def test_counts_read_while_an_answer_arrives_are_not_kept(
    store: Store, settings, flows, clock: Clock
) -> None:
    """An answer written between the count's read and its keeping: the rows read
    before it are returned to this export but not kept, so the next one counts it."""
    await _fill(store, settings, flows)
    nov = month(date(2026, 11, 1), ZONE)
    q = ReportQueries(store)
    flow = flows["service_feedback"]
    step = next(s for s in flow.steps if isinstance(s, LikertStep))
    run = q.answer_counts

    async def late_answer() -> None:
        clock.now = datetime(2026, 11, 20, 9, tzinfo=UTC)
        state = State(flow_id=flow.id, flow_version=flow.version, lang="en")
        session = await store.create_session("te_late", "terminal", state)
        await store.save(session, [Write(step.id, "likert", "x", score=5)])

    before = await q.answer_counts(nov)
    await store.write("DELETE FROM report_counts")
    rows: list[tuple] = []

    async def counting_then_answer() -> list[tuple]:
        found = await store.staff_read(
            "SELECT count(*) FROM answers a JOIN sessions s ON s.id = a.session_id"
            " WHERE s.started_at >= ? AND s.started_at < ?",
            nov.bounds(),
        )
        rows.append(found[0])
        await late_answer()
        return found

    got = await counts.kept(store, "test", nov.bounds(), counting_then_answer)
    assert got == rows
    assert await _kept_rows(store) == 0  # not kept: the answer came while it was counted
    after = await run(nov)
    assert sum(c.n for c in after) == sum(c.n for c in before) + 1


async def test_a_full_disk_keeps_no_counts_and_the_export_goes_on(
    store: Store, settings, flows
) -> None:
    """The kept rows are a saving, not a need: with no room to write them the report is
    counted from the answers as before and is the same."""
    await _fill(store, settings, flows)
    week = parse_week("2026-W46", ZONE)
    expected = await build_public(store, settings, week)
    await store.write("DELETE FROM report_counts")
    pages = (await store.staff_read("PRAGMA page_count"))[0][0]
    await store.db.execute(f"PRAGMA max_page_count = {pages}")
    try:
        q = ReportQueries(store)
        big = [("x" * 5000, i) for i in range(200)]

        async def run() -> list[tuple]:
            return big

        assert await counts.kept(store, "big", week.bounds(), run) == big
        got = await q.answer_counts(week)
    finally:
        await store.db.execute("PRAGMA max_page_count = 1073741823")
    assert await _kept_rows(store) <= 6  # the big rows did not fit
    assert got == await ReportQueries(store).answer_counts(week)
    again = await build_public(store, settings, week)
    skip = {"generated_at"}
    assert again.model_dump(exclude=skip)["tables"] == expected.model_dump(exclude=skip)["tables"]


async def test_counts_by_other_code_are_not_read(store: Store, settings, flows, clock) -> None:
    """An upgrade that changes a query: rows the old code counted are counted again, and
    deleted the next time counts are tidied: when the next process (an export) first
    keeps counts, not on every count an export misses (they were, at each of an
    export's ~25 counts, a scan of the table for nothing)."""
    await _fill(store, settings, flows)
    week = parse_week("2026-W46", ZONE)
    q = ReportQueries(store)
    right = await q.answer_counts(week)
    await q.shown(week)
    await store.write("UPDATE report_counts SET rows = '[]', code = 'older'")
    assert await q.answer_counts(week) == right
    codes = await store.staff_read("SELECT DISTINCT code FROM report_counts ORDER BY code")
    assert sorted(c for (c,) in codes) == sorted([counts.CODE, "older"])
    await store.write(
        "DELETE FROM report_counts WHERE code = ? AND query = 'answers'", (counts.CODE,)
    )
    next_export = await Store.open(settings.database, clock=clock)
    try:
        assert await ReportQueries(next_export).answer_counts(week) == right
        codes = await next_export.staff_read("SELECT DISTINCT code FROM report_counts")
    finally:
        await next_export.close()
    assert codes == [(counts.CODE,)]


async def test_every_table_a_kept_count_reads_has_triggers(store: Store) -> None:
    """A future migration that rebuilds one of these tables must bring its triggers back."""
    rows = await store.staff_read(
        "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger'"
        " AND name LIKE 'report_counts_%'"
    )
    assert {r[0] for r in rows} == {
        "sessions",
        "answers",
        "answer_themes",
        "answer_tagging",
        "theme_reviews",
        "catalogue_revisions",
    }


async def test_an_export_killed_while_counting_leaves_nothing_that_is_read(
    store: Store, settings, flows
) -> None:
    """Killed (or restarted) between starting a count and keeping it: the empty row it
    left is never read as counts, and the next export counts and keeps them."""
    await _fill(store, settings, flows)
    week = parse_week("2026-W46", ZONE)
    q = ReportQueries(store)
    right = await q.answer_counts(week)
    await store.write("UPDATE report_counts SET rows = NULL, token = 'killed'")
    assert await q.answer_counts(week) == right
    assert await _kept_rows(store) == 1
    assert await q.answer_counts(week) == right
