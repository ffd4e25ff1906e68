"""From grouped counts to a raw ``Report``: percentages, tables and their relations.

Percentage rules (stated in every report's method note):
- a Likert percentage's base is the respondents who answered the question,
  leaving out "prefer not to say", which is counted on its own;
- % agree (top two) and % disagree (bottom two) are computed from the summed
  counts, not by adding rounded percentages;
- every percentage is rounded half up to a whole number, so the five parts
  may add to 99 or 101.
Question wording comes from the stored snapshot of the flow version each
answer was given in, never from the flow files on disk.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TypeVar

from bot.config import Settings
from bot.flows import Flow, MultiStep, TextStep, meaning
from bot.i18n import Catalogue
from bot.redact.staff import names_someone
from bot.report.fft import fft_steps
from bot.report.languages import language_tables, rare_languages
from bot.report.likert import journey_table, likert_tables
from bot.report.model import (
    NOT_STATED,
    Cell,
    Disclosure,
    Quote,
    Report,
    Row,
    Table,
    ThemeInfo,
    Update,
)
from bot.report.period import Period
from bot.report.queries import (
    PROFILE_FIELDS,
    AnswerCount,
    MonthCount,
    MultiCount,
    QuoteRow,
    ReportQueries,
    SessionCount,
    ThemeCount,
)
from bot.report.tables import Labels, Question, TableSet, pct
from bot.report.themes import Codebook
from bot.report.translation import translation_table
from bot.report.trends import fft_site_table, trend_tables
from bot.store import Store

Progress = Callable[[str], None]
Keyed = TypeVar("Keyed", AnswerCount, MonthCount)


class ReportBuilder:
    def __init__(
        self,
        store: Store,
        settings: Settings,
        codebook: Codebook,
        catalogue: Catalogue,
        progress: Progress | None = None,
    ):
        self.store = store
        self.q = ReportQueries(store)
        self.settings = settings
        self.codebook = codebook
        self.catalogue = catalogue
        self.labels = Labels(settings, catalogue)
        self.progress = progress or (lambda _label: None)
        self._flows: dict[tuple[str, int], Flow | None] = {}
        self._wordings: dict[tuple[str, str], dict[tuple[object, ...], int]] = {}
        self._versions: dict[str, list[int]] = {}
        """Every stored version of each flow, oldest first (the newest is its last)."""

    def on(self, store: Store) -> ReportBuilder:
        """The same builder over another store (a snapshot, one site's view)."""
        return ReportBuilder(store, self.settings, self.codebook, self.catalogue)
        self._few_open: set[tuple[str, int, str]] = set()
        """Open questions (flow, version, step) the period's report counts too few to show."""

    async def build(
        self,
        period: Period,
        *,
        for_comparison: bool = False,
        trend: list[Period] | None = None,
        counts_only: bool = False,
    ) -> Report:
        """The raw report; ``for_comparison`` skips what 'change since last time' never uses.

        ``trend``: calendar months to add a trend table for, per Likert question.
        ``counts_only``: the tables alone, without quotes or updates, for the ledger's
        pieces of a period (``bot/report/periods.py``), which are never published: only
        their cells are suppressed against."""
        # Four steps a period, as the CLI's progress bar counts them.
        self.progress("tagging comments")
        wanted = {"quotes": not (for_comparison or counts_only), "per_theme": QUOTE_CANDIDATES}
        comments = await self.q.comment_summary(period, self.codebook, **wanted)
        if comments.untagged:
            await self.q.tag_comments(period, self.codebook)
            comments = await self.q.comment_summary(period, self.codebook, **wanted)
        b = TableSet()
        self.progress("counting responses")
        sessions, translations = await self.q.responses(period)
        self._headline(b, sessions)
        translation_table(b, translations, sum(s.n for s in sessions))
        self.progress("counting answers")
        counts = await self.q.answer_counts(period)
        likert = [c for c in counts if c.kind == "likert"]
        by_month = await self.q.likert_by_month(trend or [])
        # One set of question keys for the period and the months, so a trend and its
        # question's table name the same variant of a question.
        mapping, questions = await self._questions(
            {(c.flow_id, c.flow_version, c.step_id) for c in [*likert, *by_month]}
        )
        likert = _rekey(likert, mapping)
        asked = {(c.flow_id, c.step_id) for c in likert}
        here = {k: q for k, q in questions.items() if k in asked}
        likert_tables(b, self.labels, likert, here)
        journey_table(b, self.labels, likert, here)
        if trend:
            trend_tables(b, _rekey(by_month, mapping), questions, trend, period)
        steps = await fft_steps(self.store)
        fft_site_table(
            b,
            self.labels,
            await self.q.fft(period, steps),
            [
                f"likert:{k[0]}:{k[1]}"
                for k, q in here.items()
                if getattr(q.step, "scale", "") == "fft"
            ],
            self.settings,
        )
        await self._open(b, counts, period)
        if not for_comparison:
            await self._multi(b, counts, await self.q.multi_options(period))
        self.progress("counting themes")
        self._themes(b, comments.themes, sum(s.commented for s in sessions))
        language_tables(
            b, self.labels, counts, self.settings.languages, self.settings.suppression_threshold
        )
        # Every comment answers one open question: their "answered" counts add up to the
        # comments' total (exactly, unless a question's wording is missing from its snapshot).
        if (open_table := b.table("open")) is not None:
            b.relate(
                ("comment_languages", "overall", "all", "comments"),
                [("open", "overall", r.key, "answered") for r in open_table.rows],
            )
        risk = sum(s.risk for s in sessions)
        b.add(
            Table(
                id="risk",
                kind="risk",
                title="Comments flagged for risk",
                columns=["respondents"],
                labels={"respondents": "Respondents whose words raised a risk flag"},
                rows=[Row(key="all", label="All", cells={"respondents": Cell(count=risk)})],
            )
        )
        rare = rare_languages(counts, self.settings.suppression_threshold)
        candidates = [r for r in comments.quotes if r.lang not in rare]
        candidates = await self._not_from_few(candidates, sessions)
        quotes = [
            Quote(theme=r.theme, text=_scrub(r.text), lang=r.lang, reviewed=r.reviewed)
            # Every candidate: publication keeps three a theme, after leaving out comments
            # that a hidden theme shares (suppress.quotes_shown).
            for r in _publishable(candidates, QUOTE_CANDIDATES)
        ]
        updates = [
            Update(
                text=n.text,
                lang=n.lang,
                dated=n.dated,
                id=n.id,
                translates=n.translates,
                themes=list(n.themes),
                status=n.status,  # type: ignore[arg-type]
            )
            for n in ([] if for_comparison or counts_only else await self.q.notes(period))
        ]
        return Report(
            period=period,
            previous_period=period.previous(),
            generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
            threshold=self.settings.suppression_threshold,
            disclosure=_disclosure(self.settings),
            tables=b.tables,
            relations=b.relations,
            themes=[
                ThemeInfo(id=t.id, label=t.label, concern=t.concern) for t in self.codebook.themes
            ],
            quotes=quotes,
            updates=updates,
            languages=self.labels.language_status(),
            codebook_version=self.codebook.version,
        )

    async def _not_from_few(
        self, quotes: list[QuoteRow], sessions: list[SessionCount]
    ) -> list[QuoteRow]:
        """Quotes whose writers are each in no group the report counts too few to show.

        The breakdowns hide a site, area, respondent group, mode, language or survey that 1 to
        threshold−1 people answered from; a comment from one of them, quoted, says that
        group is not empty and gives their words, which often say where they are from
        ("everyone at the Wisbech hub", "as a GP").  As with a rare language, such a
        comment is not quoted, however it is worded."""
        t = self.settings.suppression_threshold
        sizes: dict[tuple[str, str | None], int] = defaultdict(int)
        for s in sessions:
            for name in PROFILE_FIELDS:
                sizes[(name, getattr(s, name))] += s.n
        few = {group for group, n in sizes.items() if 0 < n < t}
        few_questions = self._few_open
        if not (few or few_questions) or not quotes:
            return quotes
        profiles = await self.q.profiles(w for r in quotes for w in r.writers)

        def from_few(answer: int) -> bool:
            found = profiles.get(answer, {})
            if found.get("question") in few_questions:
                return True
            return any((name, found.get(name)) in few for name in PROFILE_FIELDS)

        return [r for r in quotes if not any(from_few(w) for w in r.writers)]

    async def trend_pieces(self, spans: list[Period]) -> TableSet:
        """Trend tables (one per Likert question) with a row per span, for the ledger's
        months and weeks (``bot/report/months.py``): what each run of days counted, never
        published.  One query for all the spans."""
        by_span = await self.q.likert_by_month(spans)
        mapping, questions = await self._questions(
            {(c.flow_id, c.flow_version, c.step_id) for c in by_span}
        )
        b = TableSet()
        trend_tables(b, _rekey(by_span, mapping), questions, spans, None)
        return b

    # -- flows

    async def _flow(self, flow_id: str, version: int) -> Flow | None:
        key = (flow_id, version)
        if key not in self._flows:
            self._flows[key] = await self.store.flow_snapshot(flow_id, version)
        return self._flows[key]

    async def _question(self, flow_id: str, version: int, step_id: str) -> Question | None:
        flow = await self._flow(flow_id, version)
        if flow is None:
            return None
        try:
            step = flow.step(step_id)
        except KeyError:
            return None
        return Question(
            flow_id, step_id, step.text.get("en", step_id), flow.position(step_id), step
        )

    async def _questions(
        self, keys: Iterable[tuple[str, int, str]]
    ) -> tuple[dict[tuple[str, int, str], str], dict[tuple[str, str], Question]]:
        """The report's questions, and which one each (flow, version, step) answer counts in.

        Answers to one step id are pooled only across versions that asked the
        same question: the same meaning (kind, scale, options) and the same
        English wording.  Where a step id was asked differently, each variant is
        its own question, titled with its versions, so each wording shows its own n
        and old answers never take a new question's meaning.

        The wording the step was first asked with keeps the plain id; each later one
        is ``step.vN`` (N: the first stored version asking it), whichever have answers
        in this period.  So an id never changes meaning: week 47 exported again after
        the flow was reworded still has the first wording under the plain id, and the
        ledger (``bot/report/ledger.py``), which ties copies of a cell by id, ties it to
        the first copy (giving the plain id to the newest wording left one late answer
        to the old one standing as the difference of two tables).  Not ``@``: that
        marks a copy of a table in the suppression system (``bot/report/periods.py``),
        whose hidden cells are never the report's own, so an old wording's small
        counts were shown wherever the ledger was used.
        """
        variants: dict[tuple[str, str], dict[tuple[object, ...], list[int]]] = defaultdict(dict)
        steps: dict[tuple[str, int, str], tuple[Question, tuple[object, ...]]] = {}
        for flow_id, version, step_id in sorted(set(keys)):
            question = await self._question(flow_id, version, step_id)
            if question is None:
                continue
            step = question.step
            signature = (meaning(step), question.text)  # type: ignore[arg-type]
            variants[(flow_id, step_id)].setdefault(signature, []).append(version)
            steps[(flow_id, version, step_id)] = (question, signature)
        mapping: dict[tuple[str, int, str], str] = {}
        found: dict[tuple[str, str], Question] = {}
        first = {pair: await self._first_asked(*pair) for pair in variants}
        for (flow_id, version, step_id), (question, signature) in steps.items():
            groups = variants[(flow_id, step_id)]
            versions = groups[signature]
            asked = first[(flow_id, step_id)]
            since = asked.get(signature, min(versions))
            key_step = (
                step_id if since == min(asked.values(), default=since) else f"{step_id}.v{since}"
            )
            mapping[(flow_id, version, step_id)] = key_step
            if version != max(versions):
                continue
            text = question.text
            if len(groups) > 1:
                lo, hi = min(versions), max(versions)
                span = f"version {lo}" if lo == hi else f"versions {lo}–{hi}"
                text = f"{text} (as asked in {span})"
            found[(flow_id, key_step)] = Question(
                flow_id, key_step, text, question.position, question.step
            )
        ordered = sorted(found.values(), key=lambda q: (q.flow_id, q.position, q.step_id))
        return mapping, {(q.flow_id, q.step_id): q for q in ordered}

    async def _first_asked(self, flow_id: str, step_id: str) -> dict[tuple[object, ...], int]:
        """Each wording of the step over every stored version: the first version asking it."""
        key = (flow_id, step_id)
        if key not in self._wordings:
            found: dict[tuple[object, ...], int] = {}
            for version in await self._versions_of(flow_id):
                question = await self._question(flow_id, version, step_id)
                if question is not None:
                    signature = (meaning(question.step), question.text)  # type: ignore[arg-type]
                    found.setdefault(signature, version)
            self._wordings[key] = found
        return self._wordings[key]

    async def _versions_of(self, flow_id: str) -> list[int]:
        if flow_id not in self._versions:
            self._versions[flow_id] = await self.q.versions(flow_id)
        return self._versions[flow_id]

    async def _keyed(
        self, counts: list[AnswerCount]
    ) -> tuple[list[AnswerCount], dict[tuple[str, str], Question]]:
        """Counts re-keyed to their question variant (see ``_questions``)."""
        mapping, questions = await self._questions(
            {(c.flow_id, c.flow_version, c.step_id) for c in counts}
        )
        return _rekey(counts, mapping), questions

    # -- headline

    def _headline(self, b: TableSet, sessions: list[SessionCount]) -> None:
        total = sum(s.n for s in sessions)
        completed = sum(s.n for s in sessions if s.completed)
        b.add(
            Table(
                id="headline",
                kind="headline",
                title="Responses",
                columns=["completed", "not_completed"],
                labels={"completed": "Completed", "not_completed": "Stopped or unfinished"},
                pct_columns=["completed", "not_completed"],
                base_label="Responses",
                rows=[
                    Row(
                        key="all",
                        label="All responses",
                        base=Cell(count=total),
                        cells={
                            "completed": Cell(count=completed, pct=pct(completed, total)),
                            "not_completed": Cell(
                                count=total - completed, pct=pct(total - completed, total)
                            ),
                        },
                    )
                ],
            )
        )
        b.relate(
            ("headline", "overall", "all", "base"),
            [("headline", "overall", "all", c) for c in ("completed", "not_completed")],
        )
        splits = [
            ("mode", "How people answered", lambda s: s.mode),
            ("respondent_group", "Who answered", lambda s: s.respondent_group),
            ("area", "Area", lambda s: s.area),
            ("site", "Service or hub", lambda s: s.site),
            ("lang", "Interface language", lambda s: s.lang),
            ("flow", "Survey", lambda s: s.flow_id),
        ]
        for split, title, get in splits:
            counts: dict[str, int] = defaultdict(int)
            for s in sessions:
                counts[get(s) or NOT_STATED] += s.n
            table_id = f"by_{split}"
            rows = [
                Row(
                    key=k,
                    label=self.labels.label(split, k),
                    split=split,
                    cells={"responses": Cell(count=counts[k], pct=pct(counts[k], total))},
                )
                for k in self.labels.order(split, counts)
            ]
            b.add(
                Table(
                    id=table_id,
                    kind="breakdown",
                    title=title,
                    columns=["responses"],
                    labels={"responses": "Responses"},
                    pct_columns=["responses"],
                    rows=rows,
                )
            )
            b.relate(
                ("headline", "overall", "all", "base"),
                [(table_id, split, r.key, "responses") for r in rows],
            )
        self._sites_in_areas(b)

    def _sites_in_areas(self, b: TableSet) -> None:
        """A site is inside its area: the area's responses are its sites' plus any without one.

        Those without a site are not published per area, so the relation is declared
        as if readers knew them (``Relation``'s rest): suppression then protects a
        hidden site even from a reader who does.
        """
        sites = b.table("by_site")
        areas = b.table("by_area")
        if sites is None or areas is None:
            return
        for area in areas.rows:
            inside = [
                r.key
                for r in sites.rows
                if (site := self.settings.site(r.key)) is not None and site.area == area.key
            ]
            b.relate(
                ("by_area", "area", area.key, "responses"),
                [("by_site", "site", key, "responses") for key in inside],
            )

    # -- Likert

    # -- open and multi-select questions

    async def _open(self, b: TableSet, counts: list[AnswerCount], period: Period) -> None:
        """Response rate of each open question, of the people shown it.

        The base is the respondents who reached the question (answered it or
        moved past it), not everyone who answered the survey: a question that
        only some people are asked would otherwise look ignored.
        """
        shown = await self.q.shown(period)
        answered = _answered(counts, "text")
        mapping, questions = await self._questions(
            {(f, v, s) for f, v, s, _ in answered} | {(f, v, s) for f, v, s, _ in shown}
        )
        questions = {k: q for k, q in questions.items() if isinstance(q.step, TextStep)}
        n_answered: dict[tuple[str, str], int] = defaultdict(int)
        n_shown: dict[tuple[str, str], int] = defaultdict(int)
        for totals, rows in ((n_answered, answered), (n_shown, shown)):
            for flow_id, version, step_id, n in rows:
                key_step = mapping.get((flow_id, version, step_id))
                if key_step is not None:
                    totals[(flow_id, key_step)] += n
        # Open questions no one reached this period still belong in the table.
        for flow_id in {f for f, _, _, _ in shown}:
            version = next(reversed(await self._versions_of(flow_id)), None)
            flow = await self._flow(flow_id, version) if version is not None else None
            for step in flow.steps if flow else []:
                if step.kind == "text" and (flow_id, step.id) not in questions:
                    q = await self._question(flow_id, version or 0, step.id)
                    if q:
                        questions[(flow_id, step.id)] = q
        # An open question answered by 1 to threshold-1 people: its answers are not quoted
        # (under a theme, a quote's words often say which question it answers).
        t = self.settings.suppression_threshold
        self._few_open = {
            (flow_id, version, step_id)
            for flow_id, version, step_id, _n in answered
            if 0 < n_answered.get((flow_id, mapping.get((flow_id, version, step_id), "")), 0) < t
        }
        rows = []
        for key in sorted(questions, key=lambda k: (k[0], questions[k].position, k[1])):
            n = n_answered.get(key, 0)
            base = max(n_shown.get(key, 0), n)
            row_key = f"{key[0]}:{key[1]}"
            step_name = key[1].split(".")[0].replace("_", " ")
            rows.append(
                Row(
                    key=row_key,
                    label=f"{questions[key].text} ({step_name})",
                    base=Cell(count=base),
                    cells={
                        "answered": Cell(count=n, pct=pct(n, base)),
                        "not_answered": Cell(count=base - n, pct=pct(base - n, base)),
                    },
                )
            )
            b.relate(
                ("open", "overall", row_key, "base"),
                [
                    ("open", "overall", row_key, "answered"),
                    ("open", "overall", row_key, "not_answered"),
                ],
            )
        b.add(
            Table(
                id="open",
                kind="open",
                title="Open questions: response rate",
                columns=["answered", "not_answered"],
                labels={"answered": "Answered", "not_answered": "Did not answer"},
                pct_columns=["answered", "not_answered"],
                base_label="Respondents shown the question",
                rows=rows,
            )
        )

    async def _multi(self, b: TableSet, counts: list[AnswerCount], ticks: list[MultiCount]) -> None:
        answered = _answered(counts, "multi")
        mapping, questions = await self._questions({(f, v, s) for f, v, s, _ in answered})
        bases: dict[tuple[str, str], int] = defaultdict(int)
        for flow_id, version, step_id, n in answered:
            if (flow_id, version, step_id) in mapping:
                bases[(flow_id, mapping[(flow_id, version, step_id)])] += n
        counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for t in ticks:
            if (t.flow_id, t.flow_version, t.step_id) in mapping:
                key_step = mapping[(t.flow_id, t.flow_version, t.step_id)]
                counts[(t.flow_id, key_step)][t.option] += t.n
        for key, question in questions.items():
            step = question.step
            if not isinstance(step, MultiStep):
                continue
            base = bases[key]
            rows = [
                Row(
                    key=o.id,
                    label=o.label.get("en", o.id),
                    base=Cell(count=base),
                    cells={
                        "count": Cell(count=counts[key][o.id], pct=pct(counts[key][o.id], base))
                    },
                )
                for o in step.options
            ]
            title = question.text
            if step.topic == "additional_needs":
                title = f"Additional needs: {title}"
            b.add(
                Table(
                    id=f"multi:{key[0]}:{key[1]}",
                    kind="multi",
                    title=title,
                    flow_id=key[0],
                    question_id=key[1],
                    columns=["count"],
                    labels={"count": "Respondents"},
                    pct_columns=["count"],
                    base_label="Answered the question",
                    rows=rows,
                )
            )

    # -- comments

    def _themes(self, b: TableSet, themes: list[ThemeCount], commenters: int) -> None:
        found = {t.theme: t for t in themes}
        rows = []
        for theme in self.codebook.themes:
            t = found.get(theme.id)
            people, comments, reviewed = (t.respondents, t.comments, t.reviewed) if t else (0, 0, 0)
            rows.append(
                Row(
                    key=theme.id,
                    label=theme.label["en"],
                    base=Cell(count=commenters),
                    cells={
                        "respondents": Cell(count=people, pct=pct(people, commenters)),
                        "comments": Cell(count=comments),
                        "auto": Cell(count=comments - reviewed),
                        "reviewed": Cell(count=reviewed),
                    },
                )
            )
            b.relate(
                ("themes", "overall", theme.id, "comments"),
                [("themes", "overall", theme.id, c) for c in ("auto", "reviewed")],
            )
        b.add(
            Table(
                id="themes",
                kind="themes",
                title="Themes in comments",
                columns=["respondents", "comments", "auto", "reviewed"],
                labels={
                    "respondents": "% of commenters mentioning",
                    "comments": "Comments",
                    "auto": "Tagged automatically",
                    "reviewed": "Tagged by staff review",
                },
                pct_columns=["respondents"],
                base_label="Respondents who wrote a comment",
                rows=rows,
            )
        )


def _disclosure(settings: Settings) -> Disclosure:
    rules = settings.disclosure
    rounding = None if rules.rounding == "none" else int(rules.rounding)
    return Disclosure(mode=rules.mode, min_base=rules.min_base, rounding=rounding)


def _rekey(counts: list[Keyed], mapping: dict[tuple[str, int, str], str]) -> list[Keyed]:
    """Counts with their step id replaced by their question variant's key (see
    ``ReportBuilder._questions``); counts of no known question are left out."""
    return [
        _with_step(c, mapping[(c.flow_id, c.flow_version, c.step_id)])
        for c in counts
        if (c.flow_id, c.flow_version, c.step_id) in mapping
    ]


def _with_step(count: Keyed, step_id: str) -> Keyed:
    """``dataclasses.replace(count, step_id=step_id)`` at a fifth of the cost: an export
    re-keys thousands of counts, and ``replace`` looks up every field each time."""
    new = object.__new__(type(count))
    new.__dict__.update(count.__dict__, step_id=step_id)
    return new


def _answered(counts: list[AnswerCount], kind: str) -> list[tuple[str, int, str, int]]:
    """(flow, version, step, respondents who answered) for one kind of question."""
    totals: dict[tuple[str, int, str], int] = defaultdict(int)
    for c in counts:
        if c.kind == kind:
            totals[(c.flow_id, c.flow_version, c.step_id)] += c.n
    return [(*key, n) for key, n in totals.items()]


QUOTE_CANDIDATES = 12
"""Comments read per theme, best first, so that three remain after refusing those naming someone."""


def _publishable(rows: Iterable[QuoteRow], per_theme: int = 3) -> list[QuoteRow]:
    """The first ``per_theme`` quotes of each theme that name nobody (:func:`names_someone`).

    Quotes are published to people who use the service; a worker named in
    one, even by first name with their role, is identifiable, and through
    them the writer.  Redaction at storage removes full names; this refuses
    the rest, and comments stored before it, rather than rewriting them.
    (The risk flag is the one set when the answer was stored: reading quotes again with
    today's screen cost every report seconds, since each runs in a new process that
    would compile it; see ``tests/test_attack26_reader.py``.)
    """
    kept: dict[str, int] = defaultdict(int)
    out = []
    for row in rows:
        if kept[row.theme] >= per_theme or names_someone(row.text):
            continue
        kept[row.theme] += 1
        out.append(row)
    return out


_SCRUB = [
    (r"[\w.+-]+@[\w-]+\.[\w.-]+", "[email]"),
    (r"(?:\+?\d[\d\s().-]{7,}\d)", "[number]"),
    (r"@\w{4,}", "[username]"),
    (r"https?://\S+", "[link]"),
]


def _scrub(text: str, limit: int = 400) -> str:
    """A last check on a quote: free text is redacted when stored, this catches what slips."""
    for pattern, replacement in _SCRUB:
        text = re.sub(pattern, replacement, text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
