"""Who answered: the optional "About you" questions (``flows/sections/equality.yaml``).

Reported with more care than anything else, because a person's ethnicity, sexual
orientation or religion is what a hostile reader would most like to learn:

- **One characteristic at a time.**  Each table counts one question's answers over
  everyone; none is ever split by another characteristic, site, area, respondent
  group or comment, and these answers take no part in any other table (choice
  questions have none) nor in which comments are quoted.
- **Their own threshold** (``equality_threshold``, 10).  Every count shown is at least
  the threshold, and so is what the shown counts leave of the total: answers too few
  to show are shown together ("All other answers, combined") when that is at least
  the threshold, and when it is not, the smallest shown answer joins them, until it
  is.  Answers nobody gave are not listed, so the combined row never says which
  answers it holds.  Fewer than the threshold in all: no row at all.
- **Ethnicity in two levels.**  The detailed 2021 Census categories only when every
  category anyone chose passes on its own; otherwise only the five broad groups,
  protected as above.
- **Fixed quarters, kept as first published.**  Reports of any period (a week, a
  fortnight, a month) show the last calendar quarter that has ended, so two reports
  never hold two overlapping periods' counts that could be subtracted; and the first
  publication of a quarter is stored (``equality_published``) and shown again
  unchanged, so a /delete or a late answer cannot be found as the difference between
  two exports.  Stored counts are of groups, already suppressed, and go with the
  answers at retention.
- **All-sites reports only.**  A site's own report has no equality tables.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from bot.config import Settings
from bot.flows import PREFER_NOT, SECTIONS_DIR, load_section
from bot.report.model import Equality, EqualityRow, EqualityTable
from bot.report.period import Period, local_today
from bot.report.purged import purged_through
from bot.report.tables import pct
from bot.sources import SourceErrors
from bot.store import Store

SECTION = "equality"
GROUP_STEP = "eq_ethnic_group"
DETAIL_PREFIX = "eq_ethnicity_"
CHARACTERISTICS: tuple[tuple[str, str, str], ...] = (
    ("age", "Age", "eq_age"),
    ("gender", "Gender", "eq_gender"),
    ("gender_same", "Gender the same as the sex registered at birth", "eq_gender_same"),
    ("ethnicity", "Ethnic group", GROUP_STEP),
    ("sexual_orientation", "Sexual orientation", "eq_sexual_orientation"),
    ("disability", "Long-term physical or mental health condition or illness", "eq_disability"),
    ("religion", "Religion", "eq_religion"),
)
"""(table id, title, the step it counts), in the order the section asks them."""
COMBINED = "_combined"
NOTE = (
    "These questions were optional. Each characteristic is shown on its own, never by"
    " site, group or comment; counts under {t} are not shown on their own but together"
    " with other answers, and detailed ethnic categories only when each has at least {t}"
    " people. Figures are for the last whole calendar quarter, {quarter}, as first"
    " published."
)


def quarter_before(period: Period, today: date) -> Period:
    """The last calendar quarter that ended by the end of ``period`` and before ``today``
    (a quarter still open could gain answers after it was first published)."""
    last = min(period.end, today - timedelta(days=1))
    # The quarter that holds ``last``; the one before it unless ``last`` is its last day.
    q_start = date(last.year, 3 * ((last.month - 1) // 3) + 1, 1)
    q_end = _quarter_end(q_start)
    if q_end != last:
        q_end = q_start - timedelta(days=1)
        q_start = date(q_end.year, 3 * ((q_end.month - 1) // 3) + 1, 1)
    label = f"{q_start.year}-Q{(q_start.month - 1) // 3 + 1}"
    return Period(start=q_start, end=q_end, label=label, timezone=period.timezone)


def _quarter_end(start: date) -> date:
    month = start.month + 3
    year = start.year + (month > 12)
    return date(year, (month - 1) % 12 + 1, 1) - timedelta(days=1)


async def equality_for(store: Store, settings: Settings, period: Period) -> Equality | None:
    """The equality tables a report of ``period`` shows: its quarter as first published,
    or counted, suppressed and stored now.  None when no flow includes the section."""
    steps = section_steps(settings.flows_dir)
    if steps is None:
        return None
    quarter = quarter_before(period, local_today(settings.reports.timezone, store.clock()))
    stored = await store.staff_read(
        "SELECT body FROM equality_published WHERE quarter = ?", (quarter.label,)
    )
    if stored:
        return _shown(Equality.model_validate_json(stored[0][0]))
    through = await purged_through(store, settings.reports.timezone)
    if through is not None and quarter.start <= through:
        # First asked for after the purge reached into it: its days left, under the
        # whole quarter's name, would be wrong (bot/report/purged.py).  Not shown.
        return None
    counts = await _counts(store, quarter, steps)
    rounding = settings.disclosure.rounding
    built = build_equality(
        counts,
        steps,
        settings.equality_threshold,
        quarter,
        rounding=rounding if isinstance(rounding, int) else None,
    )
    body = built.model_dump_json()

    def run(conn) -> str | None:
        # The purge may have come while it was counted: the mark is committed before any
        # answer goes, so no mark here means nothing was deleted before the count.
        if not conn.in_transaction:
            conn.execute("BEGIN IMMEDIATE")
        mark = conn.execute("SELECT day FROM purged_through").fetchone()
        if mark and quarter.start.isoformat() <= mark[0]:
            return None
        # First publication wins: two reports made at once store one, and show it.
        conn.execute(
            "INSERT OR IGNORE INTO equality_published (quarter, quarter_end, body)"
            " VALUES (?, ?, ?)",
            (quarter.label, quarter.end.isoformat(), body),
        )
        row = conn.execute(
            "SELECT body FROM equality_published WHERE quarter = ?", (quarter.label,)
        ).fetchone()
        return row[0]

    kept = await store.atomic(run)
    return None if kept is None else _shown(Equality.model_validate_json(kept))


def _shown(equality: Equality) -> Equality | None:
    """None when nobody in the quarter answered any of the questions: no section."""
    empty = all(t.shared is None and t.prefer_not is None for t in equality.tables)
    return None if empty else equality


def section_steps(flows_dir: Path) -> dict[str, dict] | None:
    """The section's steps by id (plain data, English), or None if no flow includes it."""
    if not any(_includes(p) for p in Path(flows_dir).glob("*.yaml")):
        return None
    try:
        return {s["id"]: s for s in load_section(Path(flows_dir) / SECTIONS_DIR, SECTION)}
    except SourceErrors:
        return None


def _includes(path: Path) -> bool:
    """Whether a flow file includes the section (a look at its lines: loading every
    flow with its translations to find out would cost a report far more)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return False
    return _INCLUDE.search(text) is not None


_INCLUDE = re.compile(rf"^\s*-\s*include:\s*[\"']?{SECTION}[\"']?\s*(#.*)?$", re.M)


async def forget_quarters_before(store: Store, day: date) -> int:
    """Drop stored quarters that ended before ``day``: their answers are purged."""
    return await store.write(
        "DELETE FROM equality_published WHERE quarter_end < ?", (day.isoformat(),)
    )


Counts = dict[str, dict[str, int]]
"""Table id → answer key → people."""


async def _counts(store: Store, quarter: Period, steps: dict[str, dict]) -> Counts:
    lo, hi = quarter.bounds()
    plain = [step for _tid, _title, step in CHARACTERISTICS if step != GROUP_STEP]
    marks = ",".join("?" for _ in plain)
    rows = await store.staff_read(
        "SELECT a.step_id, a.value, COUNT(*) FROM answers a JOIN sessions s"
        " ON s.id = a.session_id WHERE s.started_at >= ? AND s.started_at < ?"
        f" AND a.step_id IN ({marks}) GROUP BY a.step_id, a.value",
        (lo, hi, *plain),
    )
    by_step = {step: tid for tid, _title, step in CHARACTERISTICS}
    counts: Counts = defaultdict(dict)
    for step_id, value, n in rows:
        counts[by_step[step_id]][value] = n
    # Ethnicity: each person's group with their detailed category (if they gave one).
    rows = await store.staff_read(
        "SELECT g.value, d.value, COUNT(*) FROM answers g JOIN sessions s ON s.id = g.session_id"
        " LEFT JOIN answers d ON d.session_id = g.session_id AND d.step_id LIKE ?"
        " WHERE s.started_at >= ? AND s.started_at < ? AND g.step_id = ?"
        " GROUP BY g.value, d.value",
        (DETAIL_PREFIX + "%", lo, hi, GROUP_STEP),
    )
    for group, detail, n in rows:
        if group == PREFER_NOT:
            key = PREFER_NOT
        elif detail is None or detail == PREFER_NOT or not detail.startswith(group + "_"):
            key = f"{group}:{group}_not_given"
        else:
            key = f"{group}:{detail}"
        counts["ethnicity"][key] = counts["ethnicity"].get(key, 0) + n
    return counts


def build_equality(
    counts: Counts,
    steps: dict[str, dict],
    t: int,
    quarter: Period,
    rounding: int | None = None,
) -> Equality:
    """Every characteristic's table, suppressed (the module's docstring says how), and
    with ``rounding`` (``disclosure.rounding``) every count shown rounded, as in every
    other table of the report."""
    tables = []
    for tid, title, step_id in CHARACTERISTICS:
        found = counts.get(tid, {})
        if tid == "ethnicity":
            tables.append(_ethnicity(found, steps, t, title))
            continue
        labels = _labels(steps.get(step_id, {}))
        given = {k: n for k, n in found.items() if k != PREFER_NOT and k in labels}
        table = _protected(tid, title, given, labels, t)
        table.prefer_not = _at_least(found.get(PREFER_NOT, 0), t)
        tables.append(table)
    when = f"{quarter.start:%-d %B %Y} to {quarter.end:%-d %B %Y}"
    note = NOTE.format(t=t, quarter=f"{quarter.label} ({when})")
    if rounding:
        tables = [_rounded(table, rounding) for table in tables]
        note += (
            f" Counts are rounded to the nearest {rounding}, and percentages worked out from them."
        )
    return Equality(
        quarter=quarter.label,
        start=quarter.start.isoformat(),
        end=quarter.end.isoformat(),
        threshold=t,
        tables=tables,
        note=note,
    )


def _ethnicity(found: dict[str, int], steps: dict[str, dict], t: int, title: str) -> EqualityTable:
    groups = _labels(steps.get(GROUP_STEP, {}))
    detail_labels: dict[str, str] = {}
    for group, group_label in groups.items():
        detail = _labels(steps.get(DETAIL_PREFIX + group, {}))
        for key, label in detail.items():
            detail_labels[f"{group}:{key}"] = f"{group_label}: {label}"
        detail_labels[f"{group}:{group}_not_given"] = f"{group_label}: background not given"
    detailed = {k: n for k, n in found.items() if k in detail_labels and n > 0}
    if detailed and all(n >= t for n in detailed.values()):
        table = _protected("ethnicity", title, detailed, detail_labels, t)
        table.level = "detailed"
    else:
        broad: dict[str, int] = defaultdict(int)
        for key, n in detailed.items():
            broad[key.partition(":")[0]] += n
        table = _protected("ethnicity", title, dict(broad), groups, t)
        table.level = "broad"
    table.prefer_not = _at_least(found.get(PREFER_NOT, 0), t)
    return table


def _labels(step: dict) -> dict[str, str]:
    """Answer id → English label, leaving out "prefer not to say"."""
    out = {}
    for option in step.get("options", []):
        if option["id"] != PREFER_NOT:
            label = option["label"]
            out[option["id"]] = label if isinstance(label, str) else label.get("en", option["id"])
    return out


def _protected(
    tid: str, title: str, given: dict[str, int], labels: dict[str, str], t: int
) -> EqualityTable:
    """Answers of at least ``t`` shown; the rest together when that is at least ``t``,
    joined by the smallest shown answers until it is; nothing under ``t`` in all; and
    never one answer alone that everyone who shared gave."""
    given = {k: n for k, n in given.items() if n > 0}
    total = sum(given.values())
    if total < t:
        return EqualityTable(id=tid, title=title)
    shown = {k: n for k, n in given.items() if n >= t}
    rest = total - sum(shown.values())
    while 0 < rest < t and shown:
        smallest = min(shown, key=lambda k: (shown[k], k))
        rest += shown.pop(smallest)
    if len(shown) == 1 and rest == 0:
        # Everyone who shared gave this answer: shown, it would tell the religion (or
        # ethnicity, or orientation) of anyone known to have taken part.  Decided: such
        # a table says only how many shared, and loses "100% White" with it.
        rest = shown.pop(next(iter(shown)))
    order = list(labels)
    rows = [
        EqualityRow(key=k, label=labels[k], count=shown[k], pct=pct(shown[k], total) or 0)
        for k in sorted(shown, key=lambda k: order.index(k) if k in order else len(order))
    ]
    combined = None
    if rest:
        combined = EqualityRow(
            key=COMBINED,
            label="All other answers, combined" if rows else "All answers, combined",
            count=rest,
            pct=pct(rest, total) or 0,
        )
    return EqualityTable(id=tid, title=title, shared=total, rows=rows, combined=combined)


def _rounded(table: EqualityTable, to: int) -> EqualityTable:
    """Every count to the nearest ``to`` (half up, as ``suppress._round``), percentages
    of the rounded number who shared.  Which answers are shown was decided on the true
    counts; only what is printed changes."""

    def r(n: int | None) -> int | None:
        return None if n is None else (n + to // 2) // to * to

    shared = r(table.shared)
    rows = [
        row.model_copy(update={"count": r(row.count), "pct": pct(r(row.count), shared) or 0})
        for row in table.rows
    ]
    combined = table.combined
    if combined is not None:
        n = r(combined.count)
        combined = combined.model_copy(update={"count": n, "pct": pct(n, shared) or 0})
    return table.model_copy(
        update={
            "shared": shared,
            "rows": rows,
            "combined": combined,
            "prefer_not": r(table.prefer_not),
        }
    )


def _at_least(n: int, t: int) -> int | None:
    return n if n >= t else None
