"""Benchmark 5: the commissioner export on 100k and 1M stored answers, against raw SQL.

Two ways to hold the answers:

- worst case: every stored answer falls in the two weeks the report reads (the
  week reported and the week before, for the change columns);
- years: the answers spread evenly over two years (104 weeks), as a service's
  database would be after long use; the report reads the last two weeks.

Responses come from the reports module's synthetic generator and are inserted
in bulk with ``executemany`` (writing them one by one through ``Store`` takes
minutes at 1M).  Then, per size and spread:

- raw aggregate: one ``GROUP BY step, score`` over those answers, nothing else,
  best of three after a warm-up read;
- export: ``export_files`` for commissioners, every format (html, csv, xlsx,
  json, md), timed once with comments still to tag (the first export of new
  comments), then best of three as every later export runs.
- 12-month trend (issue 17, on the "years" spread): the report for the month
  of 2026-W47 with trend tables over the 12 months ending there (what
  ``feedback-bot export --months 12`` writes), best of three after a warm-up,
  against one raw ``GROUP BY step, score`` over those 12 months' answers.
- a week later (issue 17, "years" spread, on a copy of the database): the 12-month
  export once, so its counts are kept, then what a week of a service does to them
  (``--week-answers`` new answers in 2026-W48, each response its own transaction;
  60 Likert answers of the last fortnight edited; a /delete of someone who answered in
  October and again this week; the purge of the oldest week), then the same export
  timed: the first after the week, and again; then on a second copy the same after
  the bot's hourly job has kept the last three months warm (``bot/report/warm.py``),
  as the commissioner meets it.

    python bench/export_speed.py [--answers 100000,1000000] [--spread worst,years]
        [--db-dir DIR] [--week-answers 3000]

``--db-dir`` keeps each database (``DIR/<spread>-<answers>.db``) and reuses it
on the next run, so the slow bulk insert happens once.  On a reused database
the comments are already tagged, so its "first export" is an ordinary one.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import Settings, load_settings  # noqa: E402
from bot.flows import Flow, LikertStep, likert_score, load_flows  # noqa: E402
from bot.report.export import FORMATS, export_files  # noqa: E402
from bot.report.period import Period, month, months_to, parse_week  # noqa: E402
from bot.report.synth import Response, random_responses  # noqa: E402
from bot.service import option_ids  # noqa: E402
from bot.store import AnswerMeta, Store  # noqa: E402

WEEK = parse_week("2026-W47")
BATCH = 5000
_INSERT_SESSION = (
    "INSERT INTO sessions (id, respondent_key, channel, mode, flow_id, flow_version, lang, site,"
    " area, respondent_group, status, started_at, updated_at, finished_at, state)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_INSERT_ANSWER = (
    "INSERT INTO answers (session_id, flow_id, flow_version, step_id, kind, value, score,"
    " stage, topic, detected_lang, lang_prob, risk_flag, answered_at)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
RAW_AGGREGATE = (
    "SELECT a.step_id, a.score, count(*) FROM sessions s JOIN answers a ON a.session_id = s.id"
    " WHERE s.started_at >= ? AND s.started_at < ? GROUP BY 1, 2"
)


def rows(flows: dict[str, Flow], responses: list[Response]) -> tuple[list[tuple], list[tuple]]:
    """Session and answer rows as ``Store.create_session`` and ``Store.save`` would write them."""
    sessions, answers = [], []
    for r in responses:
        flow = flows[r.flow_id]
        sid = uuid.uuid4().hex
        at = r.started_at.isoformat(timespec="seconds")
        status = "completed" if r.completed else "stopped"
        state = json.dumps({"flow_id": flow.id, "flow_version": flow.version, "lang": r.lang})
        sessions.append(
            (sid, f"synthetic_{sid[:12]}", r.channel, r.mode, flow.id, flow.version, r.lang,
             r.site, r.area, r.respondent_group, status, at, at, at, state)
        )  # fmt: skip
        for step_id, value in r.answers.items():
            step = flow.step(step_id)
            score = None
            if isinstance(step, LikertStep) and isinstance(value, str):
                score = likert_score(step.scale, value)
            meta = r.meta.get(step_id, AnswerMeta())
            stored = value if isinstance(value, str) else json.dumps(value)
            answers.append(
                (sid, flow.id, flow.version, step_id, step.kind, stored, score, step.stage,
                 step.topic, meta.detected_lang, meta.lang_prob, int(meta.risk_flag), at)
            )  # fmt: skip
    return sessions, answers


def weeks(spread: str) -> list[Period]:
    """The weeks answers go in: the two the report reads, or two years' worth."""
    found = [WEEK]
    while len(found) < (2 if spread == "worst" else 104):
        found.append(found[-1].previous())
    return found


def fill(
    db: Path, settings: Settings, flows: dict[str, Flow], target: int, periods: list[Period]
) -> int:
    """Add synthetic responses over ``periods`` until ``target`` answers are stored."""
    conn = sqlite3.connect(db)
    have = conn.execute("SELECT count(*) FROM answers").fetchone()[0]
    seed = have + 1
    while have < target:
        # About 8 answers a response: smaller batches as the target comes near.
        batch = max(10, min(BATCH, (target - have) // (8 * len(periods)) + 1))
        for period in periods:
            sessions, answers = rows(flows, random_responses(flows, settings, batch, period, seed))
            seed += 1
            with conn:
                conn.executemany(_INSERT_SESSION, sessions)
                conn.executemany(_INSERT_ANSWER, answers)
            have += len(answers)
    conn.execute("ANALYZE")
    conn.close()
    return have


async def timed(
    store: Store,
    settings: Settings,
    out: Path,
    period: Period = WEEK,
    trend: list[Period] | None = None,
    formats: tuple[str, ...] = FORMATS,
) -> float:
    began = time.perf_counter()
    await export_files(
        store,
        settings,
        period,
        audience="commissioners",
        out_dir=out,
        trend=trend,
        formats=formats,
    )
    return time.perf_counter() - began


async def cpu_timed(*args: Any, **kwargs: Any) -> tuple[float, float]:
    """(wall, CPU) seconds of one export: CPU is this process's, every thread (SQLite's
    and the renderer's included), the figure to compare on a shared machine."""
    cpu = time.process_time()
    wall = await timed(*args, **kwargs)
    return wall, time.process_time() - cpu


async def measure_trend(db: Path, settings: Settings, out: Path) -> dict[str, Any]:
    """The 12-month case: the report for the month of WEEK with a trend over the 12
    months ending there, against one raw GROUP BY over those 12 months' answers."""
    store = await Store.open(db)
    try:
        period = month(WEEK.end, WEEK.timezone)
        trend = months_to(period, 12)
        span = Period(start=trend[0].start, end=trend[-1].end, label="12 months")

        async def raw_once() -> tuple[float, float]:
            began, cpu = time.perf_counter(), time.process_time()
            async with store.db.execute(RAW_AGGREGATE, span.bounds()) as cur:
                await cur.fetchall()
            return time.perf_counter() - began, time.process_time() - cpu

        await raw_once()
        raws = [await raw_once() for _ in range(3)]
        raw, raw_cpu = min(w for w, _ in raws), min(c for _, c in raws)
        await timed(store, settings, out / "warm", period, trend)
        every = [await cpu_timed(store, settings, out / f"t{i}", period, trend) for i in range(3)]
        later, later_cpu = min(w for w, _ in every), min(c for _, c in every)
        each: dict[str, tuple[float, float]] = {}
        for fmt in FORMATS:
            runs = [
                await cpu_timed(store, settings, out / f"{fmt}{i}", period, trend, (fmt,))
                for i in range(2)
            ]
            each[fmt] = (min(w for w, _ in runs), min(c for _, c in runs))
        async with store.db.execute(
            "SELECT count(*) FROM answers a JOIN sessions s ON s.id = a.session_id"
            " WHERE s.started_at >= ? AND s.started_at < ?",
            span.bounds(),
        ) as cur:
            in_report = (await cur.fetchone())[0]
    finally:
        await store.close()
    return {
        "raw": raw,
        "raw_cpu": raw_cpu,
        "later": later,
        "later_cpu": later_cpu,
        "each": each,
        "in_report": in_report,
    }


def a_week_later(db: Path, settings: Settings, flows: dict[str, Flow], answers: int) -> dict:
    """What a week of a service does to the database, through SQLite as the store writes:
    new responses in the week after WEEK (each its own transaction), edits, a /delete
    of someone who answered in October too, and the purge of the oldest week."""
    rng = random.Random(17)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = ON")  # the /delete and the purge cascade
    kept_before = conn.execute("SELECT count(*) FROM report_counts").fetchone()[0]
    later = parse_week("2026-W48")  # the week after WEEK
    sessions, rows_ = rows(flows, random_responses(flows, settings, answers // 9 + 1, later, 4817))
    by_session: dict[str, list[tuple]] = {}
    for answer in rows_:
        by_session.setdefault(answer[0], []).append(answer)
    for session in sessions:
        with conn:
            conn.execute(_INSERT_SESSION, session)
            conn.executemany(_INSERT_ANSWER, by_session.get(session[0], []))
    fortnight = conn.execute(
        "SELECT a.id, a.step_id FROM answers a JOIN sessions s ON s.id = a.session_id"
        " WHERE s.started_at >= ? AND a.kind = 'likert' ORDER BY a.id",
        (WEEK.previous().bounds()[0],),
    ).fetchall()
    for answer_id, step_id in rng.sample(fortnight, min(60, len(fortnight))):
        other = rng.choice(
            conn.execute(
                "SELECT DISTINCT value, score FROM answers WHERE step_id = ? AND kind = 'likert'"
                " AND id <> ? ORDER BY 1, 2",
                (step_id, answer_id),
            ).fetchall()
        )
        with conn:
            conn.execute(
                "UPDATE answers SET value = ?, score = ? WHERE id = ?", (*other, answer_id)
            )
    october = month(WEEK.start.replace(day=1) - timedelta(days=1), WEEK.timezone).bounds()
    (person,) = conn.execute(
        "SELECT respondent_key FROM sessions WHERE started_at >= ? AND started_at < ?"
        " ORDER BY started_at LIMIT 1 OFFSET 500",
        october,
    ).fetchone()
    with conn:
        # Their answer this week: the last new response is theirs.
        conn.execute(
            "UPDATE sessions SET respondent_key = ? WHERE id = ?", (person, sessions[-1][0])
        )
    with conn:
        deleted = conn.execute("DELETE FROM sessions WHERE respondent_key = ?", (person,)).rowcount
    (oldest,) = conn.execute("SELECT min(started_at) FROM sessions").fetchone()
    cutoff = (datetime.fromisoformat(oldest) + timedelta(days=7)).isoformat(timespec="seconds")
    purged = 0
    while True:  # in batches, as Store.purge deletes
        with conn:
            batch = conn.execute(
                "DELETE FROM sessions WHERE id IN"
                " (SELECT id FROM sessions WHERE started_at < ? LIMIT 200)",
                (cutoff,),
            ).rowcount
        if not batch:
            break
        purged += batch
    kept_after = conn.execute("SELECT count(*) FROM report_counts").fetchone()[0]
    conn.close()
    return {
        "new": len(rows_),
        "edits": min(60, len(fortnight)),
        "deleted": deleted,
        "purged": purged,
        "kept_before": kept_before,
        "kept_after": kept_after,
    }


async def measure_week(
    db: Path, settings: Settings, flows: dict[str, Flow], out: Path, answers: int, warm: bool
) -> dict[str, Any]:
    """The 12-month export the first time after a week of a service, on a copy of ``db``;
    ``warm``: after the bot's hourly job has kept the last three months' counts warm
    (``bot/report/warm.py``), as a commissioner meets it."""
    copy = out / "week.db"
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(db, copy)
    if (ROOT / "bot" / "report" / "memo.py").exists():
        from bot.privacy import load_secret

        load_secret(copy)  # the key file a deployment has beside its database
    job = (0.0, 0.0)
    try:
        period = month(WEEK.end, WEEK.timezone)
        trend = months_to(period, 12)
        store = await Store.open(copy)
        try:
            for flow in flows.values():  # as the bot does on start
                await store.register_flow(flow)
            await timed(store, settings, out / "kept", period, trend)
        finally:
            await store.close()
        week = a_week_later(copy, settings, flows, answers)
        store = await Store.open(copy)
        try:
            if warm:
                from bot.report.warm import warm_counts

                fresh()  # the job runs in a report process of its own
                began, cpu = time.perf_counter(), time.process_time()
                await warm_counts(store, settings, months_to(period, 3))
                job = (time.perf_counter() - began, time.process_time() - cpu)
            fresh()
            first = await cpu_timed(store, settings, out / "first", period, trend)
            again = []
            for i in range(2):
                fresh()
                again.append(await cpu_timed(store, settings, out / f"a{i}", period, trend))
        finally:
            await store.close()
    finally:
        for path in out.glob("week.db*"):
            path.unlink()
    return {
        **week,
        "warm": warm,
        "job": job,
        "first": first,
        "again": (min(w for w, _ in again), min(c for _, c in again)),
    }


def fresh() -> None:
    """Forget the suppression answers this process holds, as a new report process (the
    bot's, or a command line's) starts with none: it reads those kept in the database
    (``bot/report/memo.py``; code before it kept none)."""
    if (ROOT / "bot" / "report" / "memo.py").exists():
        from bot.report import memo

        memo.forget()


def has_warm() -> bool:
    """Whether this code keeps report counts warm (a bench of older code runs without)."""
    return (ROOT / "bot" / "report" / "warm.py").exists()


async def measure(db: Path, settings: Settings, out: Path) -> dict[str, Any]:
    store = await Store.open(db)
    try:
        both = Period(start=WEEK.previous().start, end=WEEK.end, label="two weeks")

        async def raw_once() -> float:
            began = time.perf_counter()
            async with store.db.execute(RAW_AGGREGATE, both.bounds()) as cur:
                await cur.fetchall()
            return time.perf_counter() - began

        # Both sides warm: the first read of a reused database comes from disk, and
        # whichever ran first would otherwise pay for it.  Best of three each.
        await raw_once()
        raw = min([await raw_once() for _ in range(3)])
        first = await timed(store, settings, out / "first")
        later = min([await timed(store, settings, out / f"later{i}") for i in range(3)])
        async with store.db.execute(
            "SELECT count(*) FROM answers a JOIN sessions s ON s.id = a.session_id"
            " WHERE s.started_at >= ? AND s.started_at < ?",
            both.bounds(),
        ) as cur:
            in_report = (await cur.fetchone())[0]
    finally:
        await store.close()
    return {"raw": raw, "first": first, "later": later, "in_report": in_report}


async def prepare(
    db: Path,
    settings: Settings,
    flows: dict[str, Flow],
    size: int,
    spread: str,
    smaller: Path | None,
) -> tuple[int, float, bool]:
    """Make ``db`` hold ``size`` answers: reuse it if there, else grow a copy of ``smaller``."""
    if db.exists():
        conn = sqlite3.connect(db)
        have = conn.execute("SELECT count(*) FROM answers").fetchone()[0]
        conn.close()
        if have >= size:
            return have, 0.0, True
    elif smaller is not None and smaller.exists():
        shutil.copyfile(smaller, db)
    if not db.exists():
        store = await Store.open(db)
        for flow in flows.values():
            await store.register_flow(flow)
        await store.close()
    began = time.perf_counter()
    stored = fill(db, settings, flows, size, weeks(spread))
    return stored, time.perf_counter() - began, False


async def main(
    sizes: list[int], spreads: list[str], db_dir: Path | None, week_answers: int = 3000
) -> None:
    settings_base = load_settings(ROOT / "config.yaml")
    results = []
    for spread in spreads:
        with tempfile.TemporaryDirectory() as tmp:
            where = db_dir or Path(tmp)
            where.mkdir(parents=True, exist_ok=True)
            smaller: Path | None = None
            for size in sorted(sizes):
                db = where / f"{spread}-{size}.db"
                settings = settings_base.model_copy(
                    update={"database": db, "flows_dir": ROOT / "flows"}
                )
                flows = load_flows(settings.flows_dir, settings.languages, option_ids(settings))
                stored, filled, reused = await prepare(db, settings, flows, size, spread, smaller)
                result = await measure(db, settings, Path(tmp) / f"out{size}")
                results.append((spread, stored, filled, reused, result))
                if spread == "years":
                    trend = await measure_trend(db, settings, Path(tmp) / f"trend{size}")
                    results.append(("trend", stored, filled, True, trend))
                    # Without the hourly job, then with it (if this code has it).
                    for warm in (False, True)[: 1 + has_warm()]:
                        week = await measure_week(
                            db, settings, flows, Path(tmp) / f"week{size}", week_answers, warm
                        )
                        results.append(("week", stored, filled, True, week))
                smaller = db
    for spread, stored, filled, reused, r in results:
        if spread == "trend":
            print(
                f"12-month trend: {stored:>9,} answers over two years, {r['in_report']:,} in the"
                f" 12 months the trend reads: raw aggregate over them {r['raw'] * 1000:.0f} ms;"
                f" month report + 12-month trend, all formats {r['later'] * 1000:.0f} ms"
                f" ({r['later'] / r['raw']:.1f}x raw)"
            )
            print(
                f"  CPU (this process, every thread): raw aggregate {r['raw_cpu'] * 1000:.0f} ms;"
                f" all formats {r['later_cpu'] * 1000:.0f} ms"
                f" ({r['later_cpu'] / max(r['raw_cpu'], 1e-9):.1f}x raw)"
            )
            print(
                "  one format at a time (wall / CPU ms): "
                + ", ".join(
                    f"{fmt} {w * 1000:.0f} / {c * 1000:.0f}" for fmt, (w, c) in r["each"].items()
                )
            )
            continue
        if spread == "week":
            (fw, fc), (aw, ac), (jw, jc) = r["first"], r["again"], r["job"]
            job = (
                f" after the hourly job ({jw * 1000:.0f} ms wall / {jc * 1000:.0f} ms CPU, in"
                " the report process),"
                if r["warm"]
                else " (no hourly job run),"
            )
            print(
                f"a week later: {r['new']:,} new answers, {r['edits']} edits, a /delete"
                f" ({r['deleted']} sessions), the oldest week purged ({r['purged']:,} sessions);"
                f" kept counts {r['kept_before']} -> {r['kept_after']} rows.{job} month +"
                f" 12-month trend, all formats: the first export after the week"
                f" {fw * 1000:.0f} ms wall / {fc * 1000:.0f} ms CPU; again {aw * 1000:.0f} /"
                f" {ac * 1000:.0f}"
            )
            continue
        made = "database reused, comments already tagged" if reused else f"filled in {filled:.0f} s"
        print(
            f"{spread:5} {stored:>9,} answers, {r['in_report']:,} of them in the two weeks the "
            f"report reads ({made}): raw aggregate {r['raw'] * 1000:.0f} ms; "
            f"commissioner export, all formats {r['later'] * 1000:.0f} ms "
            f"({r['later'] / r['raw']:.1f}x raw); first export, tagging new comments, "
            f"{r['first'] * 1000:.0f} ms"
        )
    keep = f" --db-dir {db_dir}" if db_dir else ""
    print(
        f"rerun: python bench/export_speed.py --answers {','.join(str(s) for s in sizes)}"
        f" --spread {','.join(spreads)}{keep} --week-answers {week_answers}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", default="100000,1000000")
    parser.add_argument("--spread", default="worst,years")
    parser.add_argument(
        "--db-dir", type=Path, help="keep the databases here and reuse them on the next run"
    )
    parser.add_argument(
        "--week-answers", type=int, default=3000, help="new answers in the week-later case"
    )
    args = parser.parse_args()
    chosen = [int(n) for n in args.answers.split(",")]
    spreads = args.spread.split(",")
    if max(chosen) > 5_000_000:
        parser.error("keep runs bounded: at most 5,000,000 answers")
    if not set(spreads) <= {"worst", "years"}:
        parser.error("--spread takes worst, years or both")
    if not 0 < args.week_answers <= 50_000:
        parser.error("--week-answers takes 1 to 50,000")
    asyncio.run(main(chosen, spreads, args.db_dir, args.week_answers))
