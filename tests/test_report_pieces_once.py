"""Issue 17 item 5: a period the ledger cuts into pieces is counted once, from its pieces.

A month exported after its weeks were published is suppressed with those weeks: it is
cut into pieces at their edges and each piece is counted (``bot/report/periods.py``).
The month's own counts are the sum of its pieces', so its answers are not read a second
time: the counting queries' rows for the pieces are kept and added
(``ReportQueries.keep_parts``), and must be exactly the rows the query gives.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import timedelta

from bot.config import Disclosure
from bot.report import periods
from bot.report.aggregate import ReportBuilder
from bot.report.export import build_public
from bot.report.fft import fft_steps
from bot.report.period import Period, month, months_to, parse_range, parse_week
from bot.report.queries import ReportQueries, _added
from bot.report.synth import random_responses, write
from bot.report.themes import load_codebook
from bot.store import Store

NOVEMBER = parse_range("2026-11-01", "2026-11-30", "Europe/London")
QUERIES = (
    "responses",
    "sessions",
    "answer_counts",
    "multi_options",
    "shown",
    "translation_counts",
    "fft",
)


async def _fill(store, settings, flows) -> None:
    span = parse_range("2026-10-01", "2026-12-06", "Europe/London")
    await write(store, flows, random_responses(flows, settings, 300, span, seed=17))


async def test_a_period_s_counts_from_its_pieces_are_the_rows_its_query_gives(
    store, settings, flows
):
    """Random cuts of three months (one with the clocks going back), every counting query."""
    await _fill(store, settings, flows)
    steps = await fft_steps(store)
    codebook = load_codebook(settings.flows_dir)
    rng = random.Random(3)
    nov = month(NOVEMBER.start, NOVEMBER.timezone)
    for period in (nov, nov.previous(), nov.previous().previous()):
        days = (period.end - period.start).days + 1
        for _ in range(3):
            starts = sorted(
                {
                    period.start,
                    *(
                        period.start + timedelta(days=rng.randrange(1, days))
                        for _ in range(rng.randrange(1, 6))
                    ),
                }
            )
            ends = [s - timedelta(days=1) for s in starts[1:]] + [period.end]
            pieces = [
                Period(start=s, end=e, label=f"{s}", timezone=period.timezone)
                for s, e in zip(starts, ends, strict=True)
            ]
            kept, direct = ReportQueries(store), ReportQueries(store)
            kept.keep_parts(pieces)
            for name in QUERIES:
                args = (steps,) if name == "fft" else ()
                for piece in pieces:
                    await getattr(kept, name)(piece, *args)
                summed = await getattr(kept, name)(period, *args)
                assert summed == await getattr(direct, name)(period, *args), (period.label, name)
            # Responses by profile and by translation state come from one query: the same
            # rows as each of their own.
            both = (await direct.sessions(period), await direct.translation_counts(period))
            assert await direct.responses(period) == both
            # The comments' summary of each part and of the period (with its quotes, or
            # without as for a 'last period') from one read of them all: the same as each
            # read alone.
            for quotes in (True, False):
                kept.keep_parts(pieces)
                for piece in pieces:
                    alone = await direct.comment_summary(
                        piece, codebook, quotes=False, per_theme=12
                    )
                    got = await kept.comment_summary(piece, codebook, quotes=False, per_theme=12)
                    assert got == alone, (period.label, piece.label)
                got = await kept.comment_summary(period, codebook, quotes=quotes, per_theme=12)
                alone = await direct.comment_summary(period, codebook, quotes=quotes, per_theme=12)
                assert got == alone, (period.label, quotes)


async def test_tagging_one_part_tags_the_period_its_parts_make_up(store, settings, flows):
    """The first export of new comments: a part asks for tagging, and the whole period
    is tagged at once (as building the period itself did), then read again once."""
    await _fill(store, settings, flows)
    codebook = load_codebook(settings.flows_dir)
    direct = ReportQueries(store)
    assert (await direct.comment_summary(NOVEMBER, codebook)).untagged
    zone = NOVEMBER.timezone
    pieces = [
        parse_range("2026-11-01", "2026-11-08", zone),
        parse_range("2026-11-09", "2026-11-15", zone),
        parse_range("2026-11-16", "2026-11-30", zone),
    ]
    kept = ReportQueries(store)
    kept.keep_parts(pieces)
    first = await kept.comment_summary(pieces[0], codebook, quotes=False, per_theme=12)
    assert first.untagged
    await kept.tag_comments(pieces[0], codebook)
    assert not (await direct.comment_summary(NOVEMBER, codebook)).untagged
    for piece in pieces:
        got = await kept.comment_summary(piece, codebook, quotes=False, per_theme=12)
        assert got == await direct.comment_summary(piece, codebook, quotes=False, per_theme=12)


async def test_a_month_after_its_weeks_reads_its_answers_once(
    store, settings, flows, tmp_path, monkeypatch
):
    """November after week 45 (1 November, 2-8, 9-30): the month's counting queries are
    not run over the whole month again (only the comments, for the quotes), and the
    report is the one its own queries give (built on a copy with no pieces' counts kept).
    The shipped disclosure (``mode: base``)."""
    settings = settings.model_copy(update={"disclosure": Disclosure(mode="base")})
    await _fill(store, settings, flows)
    # Comments tagged already (a first export tags them: one read more, to tag).
    await ReportQueries(store).tag_comments(NOVEMBER, load_codebook(settings.flows_dir))
    for week in ("2026-W45",):
        await build_public(store, settings, parse_week(week, NOVEMBER.timezone))
    copy = tmp_path / "copy.db"
    await store.db.execute("VACUUM INTO ?", (str(copy),))
    lo, hi = NOVEMBER.bounds()
    seen: list[str] = []
    comments: list[list] = []
    read = store.staff_read

    async def counting(sql, args=()):
        args = list(args)
        if any(args[i : i + 2] == [lo, hi] for i in range(len(args) - 1)):
            seen.append(sql)
        if "json_each(x.review)" in sql and lo <= args[0] and args[1] <= hi:
            comments.append(args[:2])
        return await read(sql, args)

    store.staff_read = counting
    nov = month(NOVEMBER.start, NOVEMBER.timezone)
    report = await build_public(store, settings, nov, trend=months_to(nov, 3))
    store.staff_read = read
    # The comments' summary (themes and quotes, and each piece's themes) is the one read
    # of the whole month.
    assert len(seen) == 1, seen
    assert "json_each(x.review)" in seen[0]
    # November's pieces' comments are read with the month's, once.  (The 'last period',
    # October, is tied to week 44, which is tied to November: it reads those pieces on
    # its own, as it always did, once each, before or after November.)
    assert [lo, hi] in comments
    assert len({tuple(c) for c in comments}) == len(comments), comments
    monkeypatch.setattr(ReportQueries, "_making", lambda *_args: None)
    other = await Store.open(copy)
    try:
        again = await build_public(other, settings, nov, trend=months_to(nov, 3))
    finally:
        await other.close()
    skip = {"generated_at"}
    assert report.model_dump(exclude=skip) == again.model_dump(exclude=skip)


def test_rows_added_from_parts_come_in_sqlite_s_group_by_order():
    """NULLs, numbers and text (accents, other scripts), one type to a column or mixed."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (part INTEGER, a, b, n INTEGER)")
    rng = random.Random(7)
    values = [None, 0, 1, 2, 10, -3, "", "a", "B", "b", "é", "ż", "ابن", "ਪੰ", "z"]
    for mixed in (False, True):
        conn.execute("DELETE FROM t")
        for _ in range(300):
            a = rng.choice(values) if mixed else rng.choice([None, "a", "é", "ابن", "b"])
            b = rng.choice(values) if mixed else rng.choice([None, 1, 2, 5])
            conn.execute("INSERT INTO t VALUES (?, ?, ?, ?)", (rng.randrange(4), a, b, 1))
        whole = conn.execute("SELECT a, b, count(*), sum(n) FROM t GROUP BY 1, 2").fetchall()
        parts = [
            conn.execute(
                "SELECT a, b, count(*), sum(n) FROM t WHERE part = ? GROUP BY 1, 2", (part,)
            ).fetchall()
            for part in range(4)
        ]
        assert _added(parts, 2) == whole


async def test_answers_arriving_mid_export_are_in_the_month_and_its_pieces_alike(
    store, settings, flows, monkeypatch
):
    """People answer while an export runs (the bot and the report process share the
    database).  The month is suppressed as the sum of its pieces, so it must count what
    they count: built from their rows, it does.  (Read on its own before the pieces, it
    missed what arrived between, and its cells disagreed with its pieces'.)"""
    settings = settings.model_copy(update={"disclosure": Disclosure(mode="base")})
    await _fill(store, settings, flows)
    await build_public(store, settings, parse_week("2026-W45", NOVEMBER.timezone))
    nov = month(NOVEMBER.start, NOVEMBER.timezone)
    seen: dict[str, object] = {}
    real_against = periods.publish_against

    def spy(raw, period, earlier, pieces, *args, **kwargs):
        if period == nov:
            seen.update(raw=raw, pieces=pieces)
        return real_against(raw, period, earlier, pieces, *args, **kwargs)

    real_build = ReportBuilder.build
    built: list[Period] = []

    async def build(self, period, **kwargs):
        report = await real_build(self, period, **kwargs)
        built.append(period)
        if len(built) == 1:  # the export's first count is done: five people answer
            late = parse_range("2026-11-10", "2026-11-20", NOVEMBER.timezone)
            await write(store, flows, random_responses(flows, settings, 5, late, seed=99))
        return report

    monkeypatch.setattr(periods, "publish_against", spy)
    monkeypatch.setattr(ReportBuilder, "build", build)
    await build_public(store, settings, nov)
    raw, pieces = seen["raw"], seen["pieces"]
    inside = [r for (s, e), r in pieces.items() if nov.start <= s and e <= nov.end]
    assert len(inside) >= 2

    def n(report) -> int:
        return report.table("headline").rows[0].base.count

    assert n(raw) == sum(n(r) for r in inside)
