"""All report SQL: counts by GROUP BY, theme tags, staff reviews and updates.

A sibling of ``bot.store`` for one concern, on the same connection.  Reads
count in SQLite and return small grouped results; rendering never sees rows.
Periods select sessions by ``started_at`` (one session is one response).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import sqlite3
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from bot.report import counts
from bot.report.fft import FftCount, fft_counts
from bot.report.notes import Note
from bot.report.period import Period
from bot.report.themes import Codebook
from bot.store import Store

TAG_CHUNK = 200
"""Comments whose themes are written per transaction when comments are tagged.

A report tags the week's new comments before counting them, in the report process,
which shares the database with the bot.  Tagging 16,000 at once was one transaction
that held the write lock for 170-370 ms: every person's answer meanwhile waited for it
(``bench/busy_e2e.py --jobs export``: one update's database work 180 ms, blocked,
and five more queued behind it).  200 comments are 2-5 ms of writing."""
TAG_PAUSE = 0.01
"""Seconds between two of those transactions.  Another process's writer that found the
lock taken tries again after 1, 3, 8 ms (SQLite's busy handler): a pause longer than
that lets it in, rather than the next chunk taking the lock first."""
TAG_STRETCH = 0.002
"""Seconds of tagging (~10 comments) between two returns to the event loop.  Tagging is
regular expressions in Python, 0.2-0.7 ms a comment: /update tagged a week's untagged
comments on the bot's loop, and 1,500 of them held every person's answer for 0.3-1 s."""
TAG_ROUNDS = 3
"""Times the comments rewritten while a period was tagged are tagged again, as they now
read (someone rewriting the same comment without pause is left to the next report)."""
UPDATE_STATUSES = ("planned", "in_progress", "done")
"""How far a 'we did' has got (migration 029)."""
_IN_PERIOD = "s.started_at >= ? AND s.started_at < ?"
_IN_PERIOD_NUMBERED = "s.started_at >= ?1 AND s.started_at < ?2"
_TRANSLATION_STATE = (
    "CASE WHEN s.lang = 'en' THEN 'reviewed' WHEN r.revision IS NULL THEN 'unknown'"
    " WHEN r.reviewed < r.entries OR r.entries = 0 THEN 'unreviewed' ELSE 'reviewed' END"
)
"""The review state of the translation a session was shown (``translation_counts``)."""
"""For queries with more numbered parameters: a bare ? would be numbered after them."""


@dataclass(frozen=True)
class SessionCount:
    flow_id: str
    mode: str
    respondent_group: str | None
    area: str | None
    site: str | None
    lang: str
    completed: bool
    n: int
    commented: int
    """Of these, respondents who wrote at least one comment."""
    risk: int
    """Of these, respondents with at least one risk-flagged answer."""


@dataclass(frozen=True)
class AnswerCount:
    """Answers to one step, by the groups reports split on.

    Group and area are kept only for Likert answers, and detected language only
    for comments, so the result stays small.
    """

    flow_id: str
    flow_version: int
    step_id: str
    kind: str
    respondent_group: str | None
    area: str | None
    score: int | None
    detected_lang: str | None
    n: int


@dataclass(frozen=True)
class TranslationCount:
    """Responses, and their answers, by the review state of the translation shown."""

    state: str
    responses: int
    answers: int


@dataclass(frozen=True)
class MonthCount:
    """Likert answers to one step with one score, in one month (for trends)."""

    month: str
    flow_id: str
    flow_version: int
    step_id: str
    score: int | None
    n: int


@dataclass(frozen=True)
class MultiCount:
    """Respondents who ticked one option of a multi-select question."""

    flow_id: str
    flow_version: int
    step_id: str
    option: str
    n: int


@dataclass(frozen=True)
class ThemeCount:
    theme: str
    respondents: int
    comments: int
    reviewed: int


@dataclass(frozen=True)
class QuoteRow:
    theme: str
    text: str
    lang: str | None
    reviewed: bool
    writers: tuple[int, ...] = ()
    """The answers (ids) that said this text: never published, only used to keep quotes
    from people in a group too small to show (``ReportBuilder``)."""


@dataclass
class CommentSummary:
    """What the report needs from the period's comments, read in one pass."""

    themes: list[ThemeCount]
    quotes: list[QuoteRow]
    untagged: bool
    """Some comment is not tagged with this codebook (or changed since): tag, then read again."""


_COMMENT_SUMMARY = f"""
WITH text AS MATERIALIZED (
    SELECT a.id, s.rowid AS session, r.themes AS review,
        ifnull(t.codebook = ?3 AND t.answered_at = a.answered_at, 0) AS tagged,
        CASE WHEN ?4 AND a.risk_flag = 0 THEN a.value END AS value, a.detected_lang AS lang
    FROM sessions s CROSS JOIN answers a ON a.session_id = s.id
    LEFT JOIN answer_tagging t ON t.answer_id = a.id
    LEFT JOIN theme_reviews r ON r.answer_id = a.id AND r.answered_at = a.answered_at
    WHERE {_IN_PERIOD_NUMBERED} AND a.kind = 'text'
), effective AS MATERIALIZED (
    SELECT x.id, x.session, x.value, x.lang, th.theme, 0 AS reviewed
    FROM text x JOIN answer_themes th ON th.answer_id = x.id WHERE x.review IS NULL
    UNION ALL
    SELECT x.id, x.session, x.value, x.lang, j.value, 1
    FROM text x, json_each(x.review) j WHERE x.review IS NOT NULL
)
SELECT 'theme', theme, count(DISTINCT session), count(*), sum(reviewed), NULL, NULL
FROM effective GROUP BY theme
UNION ALL
SELECT 'quote', theme, value, lang, reviewed, rank, writers FROM (
    SELECT theme, value, min(lang) AS lang, max(reviewed) AS reviewed,
        group_concat(id) AS writers,
        row_number() OVER (PARTITION BY theme
            ORDER BY max(reviewed) DESC, abs(length(value) - 120), min(id)) AS rank
    FROM effective WHERE value IS NOT NULL GROUP BY theme, value
) WHERE rank <= ?5
UNION ALL
SELECT 'untagged', count(*), NULL, NULL, NULL, NULL, NULL FROM text WHERE NOT tagged
"""
"""A period's comments, read once: per theme (respondents, comments, reviewed), the
quotes (theme, text, language, reviewed, rank, the answers that said it) when ?4, and
how many need tagging."""


_COMMENT_PIECES = """
WITH text AS MATERIALIZED (
    SELECT a.id, s.rowid AS session, r.themes AS review, {piece} AS piece,
        ifnull(t.codebook = ?3 AND t.answered_at = a.answered_at, 0) AS tagged,
        CASE WHEN ?4 AND a.risk_flag = 0 THEN a.value END AS value, a.detected_lang AS lang
    FROM sessions s CROSS JOIN answers a ON a.session_id = s.id
    LEFT JOIN answer_tagging t ON t.answer_id = a.id
    LEFT JOIN theme_reviews r ON r.answer_id = a.id AND r.answered_at = a.answered_at
    WHERE s.started_at >= ?1 AND s.started_at < ?2 AND a.kind = 'text'
), effective AS MATERIALIZED (
    SELECT x.id, x.session, x.piece, x.value, x.lang, th.theme, 0 AS reviewed
    FROM text x JOIN answer_themes th ON th.answer_id = x.id WHERE x.review IS NULL
    UNION ALL
    SELECT x.id, x.session, x.piece, x.value, x.lang, j.value, 1
    FROM text x, json_each(x.review) j WHERE x.review IS NOT NULL
)
SELECT 'theme', piece, theme, count(DISTINCT session), count(*), sum(reviewed), NULL, NULL
FROM effective GROUP BY piece, theme
UNION ALL
SELECT 'quote', NULL, theme, value, lang, reviewed, rank, writers FROM (
    SELECT theme, value, min(lang) AS lang, max(reviewed) AS reviewed,
        group_concat(id) AS writers,
        row_number() OVER (PARTITION BY theme
            ORDER BY max(reviewed) DESC, abs(length(value) - 120), min(id)) AS rank
    FROM effective WHERE value IS NOT NULL GROUP BY theme, value
) WHERE rank <= ?5
UNION ALL
SELECT 'untagged', piece, count(*), NULL, NULL, NULL, NULL, NULL FROM text WHERE NOT tagged
GROUP BY piece
"""
"""``_COMMENT_SUMMARY`` over kept parts at once (``{piece}``: which part a session is
in): per part and theme (respondents, comments, reviewed), the quotes of them all, and
per part how many need tagging."""


PROFILE_FIELDS = ("site", "area", "respondent_group", "mode", "lang", "flow_id")
"""The groups the report's breakdown tables count respondents by."""


def _rowids(text: str | int | None) -> tuple[int, ...]:
    if text is None:
        return ()
    return tuple(int(x) for x in str(text).split(","))


Bounds = tuple[str, str]


class ReportQueries:
    def __init__(self, store: Store):
        self.store = store
        self.db = store.db
        self._kept: set[Bounds] = set()
        self._parts: dict[tuple[str, Bounds], list[tuple]] = {}
        self._comments: tuple[tuple, list[Bounds], list[tuple]] | None = None

    async def _all(self, sql: str, params: Iterable[object] = ()) -> list[tuple]:
        # Off the writer's connection: a report never makes a respondent wait.
        return await self.store.staff_read(sql, params)

    def keep_parts(self, parts: Iterable[Period]) -> None:
        """Keep the grouped rows the counting queries return for ``parts``, so that a
        period they make up is counted by adding theirs instead of reading its answers
        again (``_grouped``).

        The ledger cuts a period into pieces at every publication it overlaps, and
        counts each piece (``bot/report/periods.py``): the period itself is their sum,
        and reading its month of answers a second time was a third of an export."""
        self._kept = {part.bounds() for part in parts}
        self._parts.clear()
        self._comments = None

    async def _grouped(
        self,
        name: str,
        period: Period,
        keys: int,
        run: Callable[[Period], Awaitable[list[tuple]]],
        depends: tuple[object, ...] = (),
    ) -> list[tuple]:
        """The rows of a counting query over ``period``: its first ``keys`` columns the
        group, the rest counts that add up over any split of its sessions; ``run``
        counts them over the sessions begun within the period (a cell) it is given.

        If kept parts (``keep_parts``) make up the period exactly, their rows are
        added, group by group, and come back in the order SQLite's GROUP BY gives them
        (sorted by the group, NULL first, then numbers, then text): the same rows as
        the query would return.  A session belongs to one part, by ``started_at``.
        Else they are the sum of the period's cells (``cells``: its weeks), each read
        from ``report_counts`` if an export counted it before and nothing in it changed
        since (``bot/report/counts.py``; ``depends``: what else the rows depend on), or
        counted and kept there."""
        bounds = period.bounds()
        parts = self._making(name, bounds)
        if parts is not None:
            return _added(parts, keys)
        pieces = {cell.bounds(): cell for cell in cells(period)}
        found = await counts.kept_cells(
            self.store,
            counts.variant(name, *depends),
            list(pieces),
            lambda bounds: run(pieces[bounds]),
        )
        rows = found[0] if len(found) == 1 else _added(found, keys)
        if bounds in self._kept:
            self._parts[(name, bounds)] = rows
        return rows

    def _making(self, name: str, bounds: Bounds) -> list[list[tuple]] | None:
        """The kept rows of ``name`` for parts that exactly tile ``bounds`` (two or more)."""
        lo, hi = bounds
        inside = sorted(b for n, b in self._parts if n == name and lo <= b[0] and b[1] <= hi)
        if len(inside) < 2 or inside[0][0] != lo or inside[-1][1] != hi:
            return None
        if any(a[1] != b[0] for a, b in itertools.pairwise(inside)):
            return None
        return [self._parts[(name, b)] for b in inside]

    # -- counts

    async def sessions(self, period: Period) -> list[SessionCount]:
        """Responses (sessions with an answer) by profile, in one pass over their answers."""
        rows = await self._grouped(
            "sessions",
            period,
            7,
            lambda cell: self._all(
                "SELECT flow_id, mode, respondent_group, area, site, lang, completed, count(*),"
                " sum(has_text), sum(has_risk) FROM ("
                " SELECT s.flow_id, s.mode, s.respondent_group, s.area, s.site, s.lang,"
                "  s.status = 'completed' AS completed, max(a.kind = 'text') AS has_text,"
                "  max(a.risk_flag) AS has_risk"
                " FROM sessions s CROSS JOIN answers a ON a.session_id = s.id"
                # One group per session, in the order sessions_by_start yields them
                # (started_at, then rowid), so SQLite groups as it walks: no sort.
                # Grouping by s.id led SQLite to walk every session in primary-key
                # order, so a week's report read years of sessions.
                f" WHERE {_IN_PERIOD} GROUP BY s.started_at, s.rowid"
                ") GROUP BY 1, 2, 3, 4, 5, 6, 7",
                cell.bounds(),
            ),
        )
        return [SessionCount(*r[:6], bool(r[6]), *r[7:]) for r in rows]

    async def responses(self, period: Period) -> tuple[list[SessionCount], list[TranslationCount]]:
        """``sessions`` and ``translation_counts`` from one pass over the period's answers
        (both group them by session first: reading them twice was a tenth of an export).

        Grouped by profile and translation state together; each is then that grouping
        added up over the other, in the order its own query would give."""
        rows = await self._grouped(
            "responses",
            period,
            8,
            lambda cell: self._all(
                "SELECT flow_id, mode, respondent_group, area, site, lang, completed, state,"
                " count(*), sum(has_text), sum(has_risk), sum(answers) FROM ("
                " SELECT s.flow_id, s.mode, s.respondent_group, s.area, s.site, s.lang,"
                "  s.status = 'completed' AS completed,"
                f"  {_TRANSLATION_STATE} AS state,"
                "  max(a.kind = 'text') AS has_text, max(a.risk_flag) AS has_risk,"
                "  count(*) AS answers"
                " FROM sessions s CROSS JOIN answers a ON a.session_id = s.id"
                " LEFT JOIN catalogue_revisions r ON r.revision = s.catalogue_revision"
                f" WHERE {_IN_PERIOD} GROUP BY s.started_at, s.rowid"
                ") GROUP BY 1, 2, 3, 4, 5, 6, 7, 8",
                cell.bounds(),
            ),
        )
        profiles = _added([[(*r[:7], *r[8:11]) for r in rows]], 7)
        states = _added([[(r[7], r[8], r[11]) for r in rows]], 1)
        return (
            [SessionCount(*r[:6], bool(r[6]), *r[7:]) for r in profiles],
            [TranslationCount(state, int(n), int(answers)) for state, n, answers in states],
        )

    async def answer_counts(self, period: Period) -> list[AnswerCount]:
        """The likert, multi-select and comment answers of the period, in one GROUP BY.

        Every column comes from sessions_by_start and the covering
        answers_for_reports index: no answer row is read.
        """
        rows = await self._grouped(
            "answers",
            period,
            8,
            lambda cell: self._all(
                "SELECT s.flow_id, s.flow_version, a.step_id, a.kind,"
                " CASE WHEN a.kind = 'likert' THEN s.respondent_group END,"
                " CASE WHEN a.kind = 'likert' THEN s.area END, a.score,"
                " CASE WHEN a.kind = 'text' THEN a.detected_lang END, count(*)"
                " FROM sessions s CROSS JOIN answers a ON a.session_id = s.id"
                f" WHERE {_IN_PERIOD} AND a.kind IN ('likert', 'multi', 'text')"
                " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8",
                cell.bounds(),
            ),
        )
        return [AnswerCount(*r) for r in rows]

    async def likert_by_month(self, months: list[Period]) -> list[MonthCount]:
        """Likert answers by month, question and score, for the trend tables.

        Whole UTC days come from ``likert_by_day`` (migration 032: counts kept exact
        in the same transaction as every answer written, changed or deleted), so a
        year's trend sums a few thousand rows instead of reading half a million
        answers.  A month's edges that are not whole UTC days (local midnight in
        summer is 23:00 UTC) are counted from the answers, as before: one GROUP BY
        over small ranges of ``sessions_by_start`` and the covering index.
        """
        if not months:
            return []
        days: list[tuple[str, str, str]] = []
        edges: list[tuple[str, str, str]] = []
        for m in months:
            lo, hi = m.bounds()
            first, last, ends = _whole_days(lo, hi)
            if first < last:
                days.append((m.label, first, last))
            edges += [(m.label, a, b) for a, b in ends]
        rows: list[tuple] = []
        if days:
            values = " UNION ALL ".join("SELECT ?, ?, ?" for _ in days)
            rows += await self._all(
                f"WITH m(label, lo, hi) AS ({values})"
                " SELECT m.label, d.flow_id, d.flow_version, d.step_id,"
                " nullif(d.score, 0), sum(d.n)"
                " FROM m JOIN likert_by_day d ON d.day >= m.lo AND d.day < m.hi"
                " GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.n) > 0",
                [v for row in days for v in row],
            )
        if edges:
            values = " UNION ALL ".join("SELECT ?, ?, ?" for _ in edges)
            rows += await self._all(
                f"WITH m(label, lo, hi) AS ({values})"
                " SELECT m.label, s.flow_id, s.flow_version, a.step_id, a.score, count(*)"
                " FROM m JOIN sessions s ON s.started_at >= m.lo AND s.started_at < m.hi"
                " CROSS JOIN answers a ON a.session_id = s.id"
                " WHERE a.kind = 'likert' GROUP BY 1, 2, 3, 4, 5",
                [v for row in edges for v in row],
            )
        totals: dict[tuple[str, str, int, str, int | None], int] = defaultdict(int)
        for label, flow_id, version, step_id, score, n in rows:
            totals[(label, flow_id, version, step_id, score)] += n
        return [MonthCount(*key, n) for key, n in totals.items()]

    async def likert_by_month_from_answers(self, months: list[Period]) -> list[MonthCount]:
        """``likert_by_month`` counted from the answers alone: what the day counts must
        always equal (tests compare them), and the bench's raw baseline."""
        if not months:
            return []
        values = " UNION ALL ".join("SELECT ?, ?, ?" for _ in months)
        rows = await self._all(
            f"WITH m(label, lo, hi) AS ({values})"
            " SELECT m.label, s.flow_id, s.flow_version, a.step_id, a.score, count(*)"
            " FROM m JOIN sessions s ON s.started_at >= m.lo AND s.started_at < m.hi"
            " CROSS JOIN answers a ON a.session_id = s.id"
            " WHERE a.kind = 'likert' GROUP BY 1, 2, 3, 4, 5",
            [v for m in months for v in (m.label, *m.bounds())],
        )
        return [MonthCount(*r) for r in rows]

    async def multi_options(self, period: Period) -> list[MultiCount]:
        """Respondents who ticked each option, grouped by the stored list first.

        People tick few combinations, so SQLite groups the lists and Python
        splits the few distinct ones, instead of SQLite expanding every list.
        """
        rows = await self._grouped(
            "multi",
            period,
            4,
            lambda cell: self._all(
                "SELECT a.flow_id, a.flow_version, a.step_id, a.value, count(*)"
                " FROM sessions s CROSS JOIN answers a ON a.session_id = s.id"
                f" WHERE {_IN_PERIOD} AND a.kind = 'multi' GROUP BY 1, 2, 3, 4",
                cell.bounds(),
            ),
        )
        ticks: dict[tuple[str, int, str, str], int] = defaultdict(int)
        for flow_id, version, step_id, value, n in rows:
            for option in json.loads(value):
                ticks[(flow_id, version, step_id, option)] += n
        return [MultiCount(*key, n) for key, n in ticks.items()]

    async def shown(self, period: Period) -> list[tuple[str, int, str, int]]:
        """(flow, version, step, respondents who reached it) for the period's responses.

        Reached: the step is on the session's trail (answered or skipped, then
        moved past) or has an answer.  Only sessions with an answer count, as
        everywhere in reports.
        """
        return await self._grouped(
            "shown",
            period,
            3,
            lambda cell: self._all(
                "SELECT flow_id, flow_version, step, count(*) FROM ("
                " SELECT s.rowid AS session, s.flow_id, s.flow_version, j.value AS step"
                " FROM sessions s, json_each(s.state, '$.trail') j"
                f" WHERE {_IN_PERIOD_NUMBERED}"
                "  AND EXISTS (SELECT 1 FROM answers x WHERE x.session_id = s.id)"
                " UNION"
                " SELECT s.rowid, s.flow_id, s.flow_version, a.step_id"
                " FROM sessions s CROSS JOIN answers a ON a.session_id = s.id"
                f" WHERE {_IN_PERIOD_NUMBERED} AND a.kind = 'text'"
                ") GROUP BY 1, 2, 3",
                cell.bounds(),
            ),
        )

    async def fft(self, period: Period, steps: list[tuple[str, int, str]]) -> list[FftCount]:
        """``fft.fft_counts`` for one period (its rows by site, mode and score)."""

        async def run(cell: Period) -> list[tuple]:
            found = await fft_counts(self.store, [cell], steps)
            return [(c.site, c.mode, c.score, c.n) for c in found]

        rows = await self._grouped("fft", period, 3, run, (steps,))
        return [FftCount(site, mode, period.label, score, n) for site, mode, score, n in rows]

    async def versions(self, flow_id: str) -> list[int]:
        """Every stored version of a flow, oldest first."""
        rows = await self._all(
            "SELECT version FROM flow_versions WHERE flow_id = ? ORDER BY version", (flow_id,)
        )
        return [row[0] for row in rows]

    # -- themes

    async def tag_comments(
        self,
        period: Period,
        codebook: Codebook,
        tick: Callable[[int], None] | None = None,
        limit: int = -1,
    ) -> int:
        """Tag the period's comments not yet tagged with this codebook; returns how many.

        ``limit``: at most that many (the oldest first; -1: all), for work done a
        slice at a time (``bot/report/warm.py``)."""
        fingerprint = codebook.fingerprint()
        # A kept part's comments are read with the other parts' (``_joint_comments``):
        # tag them all at once, as the period they make up would be.
        kept = self._tiling()
        bounds = period.bounds()
        if kept is not None and bounds in kept:
            bounds = (kept[0][0], kept[-1][1])
        self._comments = None
        rows = await self._all(
            "SELECT a.id, a.value, a.answered_at FROM sessions s"
            " JOIN answers a ON a.session_id = s.id"
            " LEFT JOIN answer_tagging t ON t.answer_id = a.id"
            f" WHERE {_IN_PERIOD} AND a.kind = 'text' AND (t.answer_id IS NULL"
            " OR t.codebook != ? OR t.answered_at != a.answered_at) LIMIT ?",
            (*bounds, fingerprint, limit),
        )
        if not rows:
            return 0
        tagged = len(rows)
        for _ in range(TAG_ROUNDS):
            edited = await self._tag_rows(rows, codebook, fingerprint, tick)
            if not edited:
                break
            # Rewritten (Back, then a new answer) while the others were tagged: tagged
            # again as they now read, or this report counted the words they replaced.
            marks = ",".join("?" * len(edited))
            rows = await self._all(
                f"SELECT id, value, answered_at FROM answers WHERE id IN ({marks})"
                " AND kind = 'text'",
                edited,
            )
        return tagged

    async def _tag_rows(
        self,
        rows: list[tuple],
        codebook: Codebook,
        fingerprint: str,
        tick: Callable[[int], None] | None,
    ) -> list[int]:
        """Write the themes of ``rows`` (id, text, answered_at); returns the ids of those
        changed since they were read, whose themes were not written."""
        themes = []
        since = time.perf_counter()
        for i, (_, text, _) in enumerate(rows):
            themes.append(codebook.tag(text))
            if tick and i % 1000 == 999:
                tick(1000)
            if time.perf_counter() - since > TAG_STRETCH:
                # In the bot's own process (/update's theme buttons tag the week first),
                # people's answers go on between stretches; in a report process, nothing
                # else is waiting and this costs nothing.
                await asyncio.sleep(0)
                since = time.perf_counter()
        edited: list[int] = []

        def replace(conn: sqlite3.Connection, chunk: list, tags: list) -> None:
            # An answer deleted since the comments were read (/delete, the purge: they go
            # on between chunks) gets no themes: its row is gone, and the foreign key
            # failed the whole report.  One rewritten meanwhile is tagged again after.
            ids = [r[0] for r in chunk]
            marks = ",".join("?" * len(ids))
            now = dict(
                conn.execute(f"SELECT id, answered_at FROM answers WHERE id IN ({marks})", ids)
            )
            edited.extend(r[0] for r in chunk if r[0] in now and now[r[0]] != r[2])
            chunk = [r for r in chunk if now.get(r[0]) == r[2]]
            keep = {r[0] for r in chunk}
            tags = [t for t in tags if t[0] in keep]
            conn.executemany(
                "DELETE FROM answer_themes WHERE answer_id = ?", [(r[0],) for r in chunk]
            )
            conn.executemany("INSERT INTO answer_themes VALUES (?, ?)", tags)
            conn.executemany(
                "INSERT OR REPLACE INTO answer_tagging VALUES (?, ?, ?)",
                [(r[0], fingerprint, r[2]) for r in chunk],
            )

        # A few hundred comments per transaction, with a pause between: see TAG_CHUNK.
        for start in range(0, len(rows), TAG_CHUNK):
            if start:
                await asyncio.sleep(TAG_PAUSE)
            chunk = rows[start : start + TAG_CHUNK]
            tags = [
                (r[0], theme)
                for r, found in zip(chunk, themes[start : start + TAG_CHUNK], strict=True)
                for theme in found
            ]
            await self.store.atomic(lambda conn, chunk=chunk, tags=tags: replace(conn, chunk, tags))
        return edited

    async def comment_summary(
        self, period: Period, codebook: Codebook, *, quotes: bool = True, per_theme: int = 3
    ) -> CommentSummary:
        """Themes, example quotes and whether tagging is due, from one pass over the comments.

        A comment's themes are staff's where staff reviewed it, else the
        codebook's.  Per theme: respondents, comments, and how many were
        reviewed.  Quotes are distinct texts per theme, never risk-flagged:
        reviewed first, then nearest 120 characters, then the oldest.  The
        comments are read once into ``text``; SQLite aggregates them, so a
        period with many comments sends back a few rows, not every comment.
        """
        joint = await self._joint_comments(period.bounds(), codebook, quotes, per_theme)
        if joint is not None:
            return joint
        args = (codebook.fingerprint(), int(quotes), per_theme)
        if quotes:  # text: never kept
            found = [await self._all(_COMMENT_SUMMARY, (*period.bounds(), *args))]
        else:  # by cell, as ``_grouped``: respondents are counted per theme in each
            found = await counts.kept_cells(
                self.store,
                counts.variant("comments", *args),
                [cell.bounds() for cell in cells(period)],
                lambda bounds: self._all(_COMMENT_SUMMARY, (*bounds, *args)),
            )
        rows = found[0]
        themes = [(r[1], r[2], r[3], r[4]) for r in rows if r[0] == "theme"]
        if len(found) > 1:
            themes = _added([[tuple(r[1:5]) for r in c if r[0] == "theme"] for c in found], 1)
        quoted = sorted((r for r in rows if r[0] == "quote"), key=lambda r: (r[1], r[5]))
        return CommentSummary(
            themes=[ThemeCount(*t) for t in themes],
            quotes=[QuoteRow(r[1], r[2], r[3], bool(r[4]), _rowids(r[6])) for r in quoted],
            untagged=any(r[0] == "untagged" and r[1] for c in found for r in c),
        )

    def _tiling(self) -> list[Bounds] | None:
        """The kept parts in order, if there are two or more and they leave no gap."""
        kept = sorted(self._kept)
        if len(kept) < 2 or any(a[1] != b[0] for a, b in itertools.pairwise(kept)):
            return None
        return kept

    async def _joint_comments(
        self, bounds: Bounds, codebook: Codebook, quotes: bool, per_theme: int
    ) -> CommentSummary | None:
        """``comment_summary`` of a kept part, or of the period the kept parts make up,
        from one read of all their comments (``_COMMENT_PIECES``); None for any other.

        The period's own summary needs its quotes (ranked over the whole period), so its
        comments are read anyway: its parts' themes come from the same read, grouped by
        part, instead of one read more per part."""
        kept = self._tiling()
        if kept is None:
            return None
        whole = (kept[0][0], kept[-1][1])
        if bounds != whole and (bounds not in kept or quotes):
            return None  # a part's quotes would be ranked within it: read them so
        key = (whole, codebook.fingerprint(), per_theme)
        if self._comments is None or self._comments[0] != key:
            piece = "CASE " + " ".join(
                f"WHEN s.started_at < ?{6 + i} THEN {i}" for i in range(len(kept) - 1)
            )
            rows = await self._all(
                _COMMENT_PIECES.format(piece=f"{piece} ELSE {len(kept) - 1} END"),
                (*whole, key[1], 1, per_theme, *(hi for _, hi in kept[:-1])),
            )
            self._comments = (key, kept, rows)
        _, parts, rows = self._comments
        if bounds == whole:
            themes = _added([[tuple(r[2:6]) for r in rows if r[0] == "theme"]], 1)
            untagged = any(r[0] == "untagged" and r[2] for r in rows)
        else:
            part = parts.index(bounds)
            themes = [tuple(r[2:6]) for r in rows if r[0] == "theme" and r[1] == part]
            untagged = any(r[0] == "untagged" and r[1] == part and r[2] for r in rows)
        quoted = sorted((r for r in rows if r[0] == "quote"), key=lambda r: (r[2], r[6]))
        return CommentSummary(
            themes=[ThemeCount(*t) for t in themes],
            quotes=[
                QuoteRow(r[2], r[3], r[4], bool(r[5]), _rowids(r[7]))
                for r in (quoted if quotes and bounds == whole else [])
            ],
            untagged=untagged,
        )

    async def profiles(self, answer_ids: Iterable[int]) -> dict[int, dict[str, object]]:
        """For each answer, its writer's groups as the report's breakdowns count them
        (site, area, respondent group, mode, interface language, survey) and the question
        it answers (flow, version, step), for the few answers quoted."""
        wanted = sorted(set(answer_ids))
        found: dict[int, dict[str, object]] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" for _ in chunk)
            rows = await self._all(
                "SELECT a.id, s.site, s.area, s.respondent_group, s.mode, s.lang, s.flow_id,"
                " s.flow_version, a.step_id FROM answers a JOIN sessions s ON s.id = a.session_id"
                f" WHERE a.id IN ({marks})",
                chunk,
            )
            for answer_id, *values, version, step in rows:
                found[answer_id] = dict(zip(PROFILE_FIELDS, values, strict=True))
                found[answer_id]["question"] = (values[-1], version, step)
        return found

    async def comments(self, period: Period) -> list[tuple[int, str, list[str], list[str] | None]]:
        """(answer id, text, automatic themes, reviewed themes or None) for staff review."""
        rows = await self._all(
            "SELECT a.id, a.value,"
            " (SELECT json_group_array(theme) FROM answer_themes t WHERE t.answer_id = a.id),"
            " (SELECT themes FROM theme_reviews r WHERE r.answer_id = a.id"
            "  AND r.answered_at = a.answered_at)"
            " FROM sessions s JOIN answers a ON a.session_id = s.id"
            f" WHERE {_IN_PERIOD} AND a.kind = 'text' ORDER BY a.id",
            period.bounds(),
        )
        return [(r[0], r[1], json.loads(r[2]), json.loads(r[3]) if r[3] else None) for r in rows]

    async def set_review(
        self, answer_id: int, themes: list[str], answered_at: str | None = None
    ) -> bool:
        """Record staff's themes for one comment (they replace the automatic ones).

        The review holds for this text only: it keeps the answer's answered_at,
        and a review whose answered_at is not the answer's (the person edited
        the comment since) counts nowhere, so the comment waits for review again.
        ``answered_at``: save only if the comment is still the one read then.
        Returns False when there is no such free-text answer.
        """
        same = "" if answered_at is None else " AND answered_at = ?"
        changed = await self.store.write(
            "INSERT OR REPLACE INTO theme_reviews (answer_id, themes, reviewed_at, answered_at)"
            f" SELECT id, ?, ?, answered_at FROM answers WHERE id = ? AND kind = 'text'{same}",
            (
                json.dumps(sorted(set(themes))),
                self.store.now(),
                answer_id,
                *(() if answered_at is None else (answered_at,)),
            ),
        )
        return changed > 0

    async def clear_review(self, answer_id: int) -> bool:
        sql = "DELETE FROM theme_reviews WHERE answer_id = ?"
        return await self.store.write(sql, (answer_id,)) > 0

    # -- updates

    async def add_update(
        self,
        text: str,
        dated: str,
        lang: str = "en",
        translates: int | None = None,
        *,
        themes: Iterable[str] = (),
        status: str | None = None,
    ) -> int:
        """Store a note; ``translates``: the id of the note this translates.

        A translation takes its original's date (it is the same change), points
        at the first-written note even when given a translation's id, and must
        be in another language than the original.  Raises ValueError otherwise.
        ``themes`` (codebook ids) and ``status`` link an original to what people
        said; a translation shares its original's, so it may not set its own.
        """
        themes = sorted(set(themes))
        if status is not None and status not in UPDATE_STATUSES:
            raise ValueError(f"status {status!r}: choose from {', '.join(UPDATE_STATUSES)}")
        if translates is not None and (themes or status):
            raise ValueError("a translation shares its note's themes and status; set them there")

        def insert(conn: sqlite3.Connection) -> int:
            original, day = translates, dated
            if translates is not None:
                row = conn.execute(
                    "SELECT coalesce(o.id, u.id), coalesce(o.lang, u.lang), coalesce(o.dated,"
                    " u.dated) FROM updates u LEFT JOIN updates o ON o.id = u.translates"
                    " WHERE u.id = ?",
                    (translates,),
                ).fetchone()
                if row is None:
                    raise ValueError(f"no note {translates} to translate")
                original, original_lang, day = row
                if original_lang == lang:
                    raise ValueError(f"note {original} is already in {lang!r}")
                if conn.execute(
                    "SELECT 1 FROM updates WHERE translates = ? AND lang = ?", (original, lang)
                ).fetchone():
                    raise ValueError(
                        f"note {original} already has a {lang!r} translation; delete it first"
                    )
            new_id = int(
                conn.execute(
                    "INSERT INTO updates (text, lang, dated, created_at, translates, status)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (text, lang, day, self.store.now(), original, status),
                ).lastrowid
                or 0
            )
            conn.executemany(
                "INSERT INTO update_themes (update_id, theme) VALUES (?, ?)",
                [(new_id, theme) for theme in themes],
            )
            return new_id

        return await self.store.atomic(insert)

    async def notes(self, period: Period | None = None) -> list[Note]:
        """Every note with its translations, oldest first; within ``period`` if given."""
        sql = (
            "SELECT u.id, u.text, u.lang, u.dated, u.translates,"
            " (SELECT json_group_array(theme) FROM (SELECT theme FROM update_themes t"
            "  WHERE t.update_id = coalesce(u.translates, u.id) ORDER BY theme)),"
            " coalesce(o.status, u.status)"
            " FROM updates u LEFT JOIN updates o ON o.id = u.translates"
        )
        args: tuple[str, ...] = ()
        if period is not None:
            sql += " WHERE u.dated >= ? AND u.dated <= ?"
            args = (period.start.isoformat(), period.end.isoformat())
        rows = await self._all(sql + " ORDER BY u.dated, u.id", args)
        return [Note(*row[:5], tuple(json.loads(row[5] or "[]")), row[6]) for row in rows]

    async def updates(self, period: Period | None = None) -> list[tuple[int, str, str, str]]:
        """(id, text, lang, date), oldest first; within ``period`` if given."""
        if period is None:
            return await self._all("SELECT id, text, lang, dated FROM updates ORDER BY dated, id")
        return await self._all(
            "SELECT id, text, lang, dated FROM updates WHERE dated >= ? AND dated <= ?"
            " ORDER BY dated, id",
            (period.start.isoformat(), period.end.isoformat()),
        )

    async def delete_update(self, update_id: int) -> bool:
        return await self.store.write("DELETE FROM updates WHERE id = ?", (update_id,)) > 0

    async def translation_counts(self, period: Period) -> list[TranslationCount]:
        """Responses and answers by the review state of the translation each session was
        shown (migration 020): ``reviewed`` (English, or a catalogue revision with every
        entry checked), ``unreviewed``, or ``unknown`` (sessions from before it was kept)."""
        rows = await self._grouped(
            "translation",
            period,
            1,
            lambda cell: self._all(
                "SELECT state, count(*), sum(answers) FROM ("
                f" SELECT {_TRANSLATION_STATE} AS state, count(*) AS answers"
                " FROM sessions s CROSS JOIN answers a ON a.session_id = s.id"
                " LEFT JOIN catalogue_revisions r ON r.revision = s.catalogue_revision"
                f" WHERE {_IN_PERIOD} GROUP BY s.started_at, s.rowid"
                ") GROUP BY state",
                cell.bounds(),
            ),
        )
        return [TranslationCount(state, int(n), int(answers)) for state, n, answers in rows]


def cells(period: Period) -> list[Period]:
    """The period cut at every Monday and every first of a month (its local midnights):
    the ranges its counts are kept for (``ReportQueries._grouped``).

    A change (a late answer, an edit, a /delete, the purge) deletes the kept counts of
    the ranges it falls in; kept by the week, it costs the next export a recount of that
    week alone, not of the month (October, when someone who answered then used /delete:
    a fifth of it).  Weeks, months and the ledger's pieces of them (cut at publications,
    which are weeks and months) are whole cells, so they share them."""
    found: list[Period] = []
    start = period.start
    for i in range(1, period.days):
        day = period.start + timedelta(days=i)
        if day.weekday() == 0 or day.day == 1:
            found.append(_cell(start, day - timedelta(days=1), period.timezone))
            start = day
    found.append(_cell(start, period.end, period.timezone))
    return found


def _cell(start: date, end: date, timezone: str) -> Period:
    return Period(start=start, end=end, label=f"{start} to {end}", timezone=timezone)


def _added(parts: list[list[tuple]], keys: int) -> list[tuple]:
    """Rows of the same grouped query over several parts, added group by group and
    sorted as SQLite's GROUP BY sorts its groups."""
    totals: dict[tuple, list] = {}
    for rows in parts:
        for row in rows:
            key = row[:keys]
            have = totals.get(key)
            if have is None:
                totals[key] = list(row[keys:])
            else:
                for i, value in enumerate(row[keys:]):
                    have[i] += value
    try:
        # NULL first, then the column's values: one type to a column, as a query gives.
        ordered = sorted(totals, key=lambda key: [(v is not None, v) for v in key])
    except TypeError:  # text and numbers in one column
        ordered = sorted(totals, key=lambda key: [_sqlite_order(v) for v in key])
    return [(*key, *totals[key]) for key in ordered]


def _sqlite_order(value: object) -> tuple:
    """SQLite's order of values of mixed types: NULL, then numbers, then text (by its
    UTF-8 bytes, which is the order of its code points), then blobs."""
    if value is None:
        return (0,)
    if isinstance(value, int | float):
        return (1, value)
    if isinstance(value, str):
        return (2, value)
    return (3, value)


def _whole_days(lo: str, hi: str) -> tuple[str, str, list[tuple[str, str]]]:
    """For the UTC instants [lo, hi): the whole UTC days inside as [first, last) dates,
    and the instant ranges at either end that are not whole days.

    ``lo`` and ``hi`` are the store's ISO form ("2026-03-29T23:00:00+00:00"), as are
    ``started_at`` values, so the ends compare with them as text."""
    midnight = "T00:00:00+00:00"
    first = lo[:10] if lo[10:] == midnight else _next_day(lo[:10])
    last = hi[:10]
    if first >= last:
        return first, first, [(lo, hi)]
    ends = []
    if lo < first + midnight:
        ends.append((lo, first + midnight))
    if last + midnight < hi:
        ends.append((last + midnight, hi))
    return first, last, ends


def _next_day(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()
