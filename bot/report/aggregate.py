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
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.config import Settings
from bot.flows import LIKERT_SCALES, Flow, LikertStep, MultiStep
from bot.i18n import Catalogue
from bot.report.model import (
    NOT_STATED,
    Cell,
    CellRef,
    LanguageStatus,
    Quote,
    Relation,
    Report,
    Row,
    Table,
    ThemeInfo,
    Update,
)
from bot.report.period import Period
from bot.report.queries import AnswerCount, ReportQueries, SessionCount
from bot.report.themes import Codebook
from bot.store import Store

STAGES = ("referral", "assessment", "treatment", "step_down")
STAGE_LABELS = {
    "referral": "Referral",
    "assessment": "Assessment",
    "treatment": "Treatment",
    "step_down": "Step-down",
}
Progress = Callable[[str], None]


def pct(count: int, base: int) -> int | None:
    """Whole percent, rounded half up, in integers so 72.5 never becomes 72."""
    if base <= 0:
        return None
    return (200 * count + base) // (2 * base)


@dataclass
class _Question:
    flow_id: str
    step_id: str
    text: str
    position: int
    step: object


class _Builder:
    """Collects tables and the relations between their cells."""

    def __init__(self) -> None:
        self.tables: list[Table] = []
        self.relations: list[Relation] = []

    def add(self, table: Table) -> Table:
        self.tables.append(table)
        return table

    def relate(self, total: CellRef, parts: Iterable[CellRef]) -> None:
        parts = list(parts)
        if parts:
            self.relations.append(Relation(total=total, parts=parts))


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
        self.progress = progress or (lambda _label: None)
        self._flows: dict[tuple[str, int], Flow | None] = {}

    async def build(self, period: Period, *, for_comparison: bool = False) -> Report:
        """The raw report; ``for_comparison`` skips what 'change since last time' never uses."""
        self.progress("tagging comments")
        await self.q.tag_comments(period, self.codebook)
        b = _Builder()
        self.progress("counting responses")
        sessions = await self.q.sessions(period)
        self._headline(b, sessions)
        self.progress("counting answers")
        counts = await self.q.answer_counts(period)
        likert = [c for c in counts if c.kind == "likert"]
        questions = await self._likert_questions(likert)
        self._likert(b, likert, questions)
        self._journey(b, likert, questions)
        await self._open(b, counts, sessions)
        if not for_comparison:
            await self._multi(b, period, counts)
        self.progress("counting themes")
        await self._themes(b, period, sum(s.commented for s in sessions))
        self._languages(b, counts)
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
        quotes = [
            Quote(theme=r.theme, text=_scrub(r.text), lang=r.lang, reviewed=r.reviewed)
            for r in ([] if for_comparison else await self.q.quotes(period))
        ]
        updates = [
            Update(text=text, lang=lang, dated=dated)
            for _, text, lang, dated in ([] if for_comparison else await self.q.updates(period))
        ]
        return Report(
            period=period,
            previous_period=period.previous(),
            generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
            threshold=self.settings.suppression_threshold,
            tables=b.tables,
            relations=b.relations,
            themes=[ThemeInfo(id=t.id, label=t.label) for t in self.codebook.themes],
            quotes=quotes,
            updates=updates,
            languages=self._language_status(),
            codebook_version=self.codebook.version,
        )

    # -- labels

    def _text(self, key: str, fallback: str) -> str:
        forms = self.catalogue.messages.get(key)
        return forms.get("en", fallback) if forms else fallback

    def _label(self, split: str, key: str | None) -> str:
        if key is None or key == NOT_STATED:
            return self._text("report.not_stated", "Not stated")
        if split == "respondent_group":
            return self._text(f"report.group.{key}", key)
        if split == "area":
            area = next((a for a in self.settings.areas if a.id == key), None)
            return area.name.get("en", key) if area else key
        if split == "site":
            site = self.settings.site(key)
            return site.name.get("en", key) if site else key
        if split == "mode":
            return self._text(f"report.mode.{key}", key)
        if split == "lang":
            info = self.catalogue.languages.get(key)
            return info.name if info else key
        if split == "flow":
            return key
        return key

    def _order(self, split: str, keys: Iterable[str]) -> list[str]:
        known: list[str] = {
            "respondent_group": list(self.settings.respondent_groups),
            "area": [a.id for a in self.settings.areas],
            "site": [s.id for s in self.settings.sites],
            "mode": ["own_device", "peer_assisted", "paper"],
            "lang": list(self.settings.languages),
        }.get(split, [])
        keys = set(keys)
        first = [k for k in known if k in keys]
        rest = sorted(k for k in keys if k not in known and k != NOT_STATED)
        return first + rest + ([NOT_STATED] if NOT_STATED in keys else [])

    def _language_status(self) -> list[LanguageStatus]:
        out = []
        for code in self.settings.languages:
            info = self.catalogue.languages.get(code)
            if info:
                out.append(
                    LanguageStatus(
                        code=code, name=info.name, native=info.native, reviewed=info.reviewed
                    )
                )
        return out

    # -- flows

    async def _flow(self, flow_id: str, version: int) -> Flow | None:
        key = (flow_id, version)
        if key not in self._flows:
            self._flows[key] = await self.store.flow_snapshot(flow_id, version)
        return self._flows[key]

    async def _question(self, flow_id: str, version: int, step_id: str) -> _Question | None:
        flow = await self._flow(flow_id, version)
        if flow is None:
            return None
        try:
            step = flow.step(step_id)
        except KeyError:
            return None
        return _Question(
            flow_id, step_id, step.text.get("en", step_id), flow.position(step_id), step
        )

    async def _questions(
        self, keys: Iterable[tuple[str, int, str]]
    ) -> dict[tuple[str, str], _Question]:
        """One question per (flow, step), worded as in the newest version answered."""
        found: dict[tuple[str, str], tuple[int, _Question]] = {}
        for flow_id, version, step_id in keys:
            question = await self._question(flow_id, version, step_id)
            if question is None:
                continue
            held = found.get((flow_id, step_id))
            if held is None or version > held[0]:
                found[(flow_id, step_id)] = (version, question)
        ordered = sorted(found.values(), key=lambda v: (v[1].flow_id, v[1].position))
        return {(q.flow_id, q.step_id): q for _, q in ordered}

    # -- headline

    def _headline(self, b: _Builder, sessions: list[SessionCount]) -> None:
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
                    label=self._label(split, k),
                    split=split,
                    cells={"responses": Cell(count=counts[k], pct=pct(counts[k], total))},
                )
                for k in self._order(split, counts)
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

    # -- Likert

    async def _likert_questions(
        self, likert: list[AnswerCount]
    ) -> dict[tuple[str, str], _Question]:
        return await self._questions({(c.flow_id, c.flow_version, c.step_id) for c in likert})

    def _likert(
        self, b: _Builder, likert: list[AnswerCount], questions: dict[tuple[str, str], _Question]
    ) -> None:
        by_question: dict[tuple[str, str], list[AnswerCount]] = defaultdict(list)
        for c in likert:
            by_question[(c.flow_id, c.step_id)].append(c)
        for key, question in questions.items():
            step = question.step
            if not isinstance(step, LikertStep):
                continue
            options = LIKERT_SCALES[step.scale]
            columns = [*options, "top_two", "bottom_two", "prefer_not"]
            word = "agree" if step.scale == "agree" else "satisfied"
            neg = "disagree" if step.scale == "agree" else "dissatisfied"
            labels = {o: self._text(f"likert.{step.scale}.{o}", o) for o in options}
            labels["neither"] = "Neither"  # the full wording is in the chart legend
            labels |= {
                "top_two": f"% {word} (top two)",
                "bottom_two": f"% {neg} (bottom two)",
                "prefer_not": "Prefer not to say",
            }
            table_id = f"likert:{key[0]}:{key[1]}"
            rows = []
            for split in ("overall", "respondent_group", "area"):
                groups: dict[str, dict[int | None, int]] = defaultdict(lambda: defaultdict(int))
                for c in by_question[key]:
                    g = "all" if split == "overall" else getattr(c, split) or NOT_STATED
                    groups[g][c.score] += c.n
                order = ["all"] if split == "overall" else self._order(split, groups)
                for g in order:
                    label = "All respondents" if g == "all" else self._label(split, g)
                    rows.append(_likert_row(g, label, split, groups[g], options))
            b.add(
                Table(
                    id=table_id,
                    kind="likert",
                    title=question.text,
                    flow_id=key[0],
                    question_id=key[1],
                    scale=step.scale,
                    columns=columns,
                    labels=labels,
                    pct_columns=[*options, "top_two", "bottom_two"],
                    rows=rows,
                )
            )
            _likert_relations(b, table_id, rows, options)

    def _journey(
        self, b: _Builder, likert: list[AnswerCount], questions: dict[tuple[str, str], _Question]
    ) -> None:
        staged: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for key, q in questions.items():
            stage = getattr(q.step, "stage", None)
            if stage in STAGES and isinstance(q.step, LikertStep):
                staged[stage].append(key)
        if not staged:
            return
        table_id = "journey"
        rows: list[Row] = []
        for stage in STAGES:
            keys = staged.get(stage, [])
            if not keys:
                continue
            areas: dict[str, dict[int | None, int]] = defaultdict(lambda: defaultdict(int))
            for c in likert:
                if (c.flow_id, c.step_id) in keys:
                    areas["all"][c.score] += c.n
                    areas[c.area or NOT_STATED][c.score] += c.n
            for area in ["all", *self._order("area", [a for a in areas if a != "all"])]:
                scores = areas[area]
                base = sum(scores.get(s, 0) for s in range(1, 6))
                top, mid, bottom = scores[5] + scores[4], scores[3], scores[2] + scores[1]
                label = "All areas" if area == "all" else self._label("area", area)
                rows.append(
                    Row(
                        key=area,
                        label=label,
                        split=stage,
                        base=Cell(count=base),
                        cells={
                            "top_two": Cell(count=top, pct=pct(top, base)),
                            "neither": Cell(count=mid, pct=pct(mid, base)),
                            "bottom_two": Cell(count=bottom, pct=pct(bottom, base)),
                        },
                    )
                )
                cols = ("base", "top_two", "neither", "bottom_two")
                split_of = "overall" if area == "all" else "area"
                for col in cols:
                    b.relate(
                        (table_id, stage, area, col),
                        [(f"likert:{k[0]}:{k[1]}", split_of, area, col) for k in keys],
                    )
                b.relate(
                    (table_id, stage, area, "base"),
                    [(table_id, stage, area, c) for c in cols[1:]],
                )
            area_keys = [r.key for r in rows if r.split == stage and r.key != "all"]
            for col in ("base", "top_two", "neither", "bottom_two"):
                b.relate(
                    (table_id, stage, "all", col), [(table_id, stage, a, col) for a in area_keys]
                )
        b.add(
            Table(
                id=table_id,
                kind="journey",
                title="Satisfaction through the journey, by area",
                columns=["top_two", "neither", "bottom_two"],
                labels={
                    "top_two": "% satisfied",
                    "neither": "% neither",
                    "bottom_two": "% dissatisfied",
                },
                pct_columns=["top_two", "neither", "bottom_two"],
                rows=rows,
            )
        )

    # -- open and multi-select questions

    async def _open(
        self, b: _Builder, counts: list[AnswerCount], sessions: list[SessionCount]
    ) -> None:
        answered = _answered(counts, "text")
        per_flow: dict[str, int] = defaultdict(int)
        for s in sessions:
            per_flow[s.flow_id] += s.n
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for flow_id, _, step_id, n in answered:
            counts[(flow_id, step_id)] += n
        questions = await self._questions({(f, v, s) for f, v, s, _ in answered})
        # Open questions with no answers this period still belong in the table.
        for flow_id in per_flow:
            version = await self.q.latest_version(flow_id)
            if version is not None:
                flow = await self._flow(flow_id, version)
                for step in flow.steps if flow else []:
                    if step.kind == "text" and (flow_id, step.id) not in questions:
                        q = await self._question(flow_id, version, step.id)
                        if q:
                            questions[(flow_id, step.id)] = q
        rows = []
        for key in sorted(questions, key=lambda k: (k[0], questions[k].position)):
            base = per_flow.get(key[0], 0)
            n = counts.get(key, 0)
            row_key = f"{key[0]}:{key[1]}"
            rows.append(
                Row(
                    key=row_key,
                    label=f"{questions[key].text} ({key[1].replace('_', ' ')})",
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
            # The same number as the survey's row in the headline: keep them hidden together.
            b.relate(
                ("open", "overall", row_key, "base"), [("by_flow", "flow", key[0], "responses")]
            )
            b.relate(
                ("by_flow", "flow", key[0], "responses"), [("open", "overall", row_key, "base")]
            )
        b.add(
            Table(
                id="open",
                kind="open",
                title="Open questions: response rate",
                columns=["answered", "not_answered"],
                labels={"answered": "Answered", "not_answered": "Did not answer"},
                pct_columns=["answered", "not_answered"],
                base_label="Respondents to the survey",
                rows=rows,
            )
        )

    async def _multi(self, b: _Builder, period: Period, counts: list[AnswerCount]) -> None:
        answered = _answered(counts, "multi")
        ticks = await self.q.multi_options(period)
        bases: dict[tuple[str, str], int] = defaultdict(int)
        for flow_id, _, step_id, n in answered:
            bases[(flow_id, step_id)] += n
        counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for flow_id, _, step_id, option, n in ticks:
            counts[(flow_id, step_id)][option] += n
        questions = await self._questions({(f, v, s) for f, v, s, _ in answered})
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

    async def _themes(self, b: _Builder, period: Period, commenters: int) -> None:
        found = {t.theme: t for t in await self.q.themes(period)}
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

    def _languages(self, b: _Builder, answers: list[AnswerCount]) -> None:
        counts: dict[str, int] = defaultdict(int)
        for c in answers:
            if c.kind == "text":
                counts[c.detected_lang or NOT_STATED] += c.n
        total = sum(counts.values())
        rows = [
            Row(
                key=k,
                label=self._label("lang", k),
                split="lang",
                cells={"comments": Cell(count=n, pct=pct(n, total))},
            )
            for k, n in sorted(counts.items(), key=lambda kv: (kv[0] == NOT_STATED, -kv[1], kv[0]))
        ]
        rows.insert(0, Row(key="all", label="All comments", cells={"comments": Cell(count=total)}))
        b.add(
            Table(
                id="comment_languages",
                kind="languages",
                title="Comments by detected language",
                columns=["comments"],
                labels={"comments": "Comments"},
                pct_columns=["comments"],
                rows=rows,
            )
        )
        b.relate(
            ("comment_languages", "overall", "all", "comments"),
            [("comment_languages", "lang", r.key, "comments") for r in rows[1:]],
        )


def _answered(counts: list[AnswerCount], kind: str) -> list[tuple[str, int, str, int]]:
    """(flow, version, step, respondents who answered) for one kind of question."""
    totals: dict[tuple[str, int, str], int] = defaultdict(int)
    for c in counts:
        if c.kind == kind:
            totals[(c.flow_id, c.flow_version, c.step_id)] += c.n
    return [(*key, n) for key, n in totals.items()]


def _likert_row(
    key: str, label: str, split: str, scores: dict[int | None, int], options: tuple[str, ...]
) -> Row:
    base = sum(scores.get(s, 0) for s in range(1, 6))
    cells = {}
    for i, option in enumerate(options):
        n = scores.get(5 - i, 0)
        cells[option] = Cell(count=n, pct=pct(n, base))
    top = scores.get(5, 0) + scores.get(4, 0)
    bottom = scores.get(2, 0) + scores.get(1, 0)
    cells["top_two"] = Cell(count=top, pct=pct(top, base))
    cells["bottom_two"] = Cell(count=bottom, pct=pct(bottom, base))
    cells["prefer_not"] = Cell(count=scores.get(None, 0))
    return Row(key=key, label=label, split=split, base=Cell(count=base), cells=cells)


def _likert_relations(
    b: _Builder, table_id: str, rows: list[Row], options: tuple[str, ...]
) -> None:
    o5, o4, o3, o2, o1 = options
    for row in rows:
        ref = lambda col, r=row: (table_id, r.split, r.key, col)  # noqa: E731
        b.relate(ref("base"), [ref(o) for o in options])
        b.relate(ref("top_two"), [ref(o5), ref(o4)])
        b.relate(ref("bottom_two"), [ref(o2), ref(o1)])
        b.relate(ref("base"), [ref("top_two"), ref(o3), ref("bottom_two")])
    for split in ("respondent_group", "area"):
        keys = [r.key for r in rows if r.split == split]
        for col in [*options, "top_two", "bottom_two", "prefer_not", "base"]:
            b.relate((table_id, "overall", "all", col), [(table_id, split, k, col) for k in keys])


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
