"""What a report holds, as pydantic models: the JSON export's schema.

A ``Report`` is raw: true counts, plus the ``relations`` between cells (a
total and its parts) that suppression needs.  ``suppress.publish`` turns it
into a ``PublicReport``, the only type renderers accept, so no format can
show a number that suppression hid.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.report.period import Period

TableKind = Literal[
    "headline",
    "breakdown",
    "likert",
    "journey",
    "open",
    "themes",
    "multi",
    "languages",
    "risk",
    "trend",
    "fft",
]
Audience = Literal["commissioners", "network"]
NOT_STATED = "_not_stated"
SCHEMA_VERSION = 1


HIDDEN = "[c]"
"""How every format shows a hidden count, whatever the reason it is hidden.

A count under the threshold and one hidden beside it (so that the first cannot be
worked out by subtraction) look the same: "<5" beside a hidden 35 would be untrue,
and marking the two kinds apart would tell a reader which one is small.  "[c]"
(confidential) is the Government Statistical Service's symbol for it."""


class Cell(BaseModel):
    """One statistic: a count of respondents and, where it has a base, its percentage."""

    count: int | None = None
    """Respondents (or comments, in comment tables); None when suppressed."""
    pct: int | None = None
    """Whole percent of the row's base, rounded half up; None when suppressed or no base."""
    suppressed: bool = False
    prev: int | None = None
    """The same statistic last period (the percentage if there is one, else the count)."""
    change: int | None = None
    """This period minus last: percentage points, or a count difference."""


def in_words(cell: Cell | None) -> str:
    """A count inside a sentence: "12", or "a hidden number of" (never "[c] responses")."""
    if cell is None or (cell.count is None and not cell.suppressed):
        return ""
    return "a hidden number of" if cell.suppressed else f"{cell.count:,}"


class Row(BaseModel):
    key: str
    label: str
    split: str = "overall"
    """What the row is a part of: overall, respondent_group, area, a stage, …"""
    base: Cell | None = None
    """The denominator of this row's percentages (n), itself subject to suppression."""
    cells: dict[str, Cell] = {}


class Table(BaseModel):
    id: str
    kind: TableKind
    title: str
    flow_id: str | None = None
    question_id: str | None = None
    scale: str | None = None
    columns: list[str]
    labels: dict[str, str]
    """Column id → heading."""
    pct_columns: list[str] = []
    """Columns shown as percentages (the rest are counts)."""
    base_label: str = "n"
    rows: list[Row]
    texts: dict[str, str] = {}
    """The question in each language the catalogues hold (for readers), when the table's
    title is the question as asked; empty otherwise."""

    def row(self, key: str, split: str = "overall") -> Row | None:
        return next((r for r in self.rows if r.key == key and r.split == split), None)


class Quote(BaseModel):
    theme: str
    text: str
    lang: str | None = None
    reviewed: bool = False


class Update(BaseModel):
    """A 'what changed' note, or a translation of one (``translates``: the note's id)."""

    text: str
    lang: str
    dated: str
    id: int | None = None
    translates: int | None = None
    themes: list[str] = []
    """Codebook themes this update answers ("you said, we did")."""
    status: Literal["planned", "in_progress", "done"] | None = None


class LanguageStatus(BaseModel):
    code: str
    name: str
    native: str
    reviewed: bool
    """Whether a translator has checked every text of its catalogue (English: the source)."""
    texts: int = 0
    """Entries in its catalogue (``locale/<code>.po``); 0 for English."""
    texts_reviewed: int = 0
    """Of those, translated and checked by a person (not ``fuzzy``)."""


class ThemeInfo(BaseModel):
    id: str
    label: dict[str, str]
    concern: bool = True
    """Something people want changed (not praise): see ``bot.report.themes.Theme``."""


CellRef = tuple[str, str, str, str]
"""(table id, row split, row key, column) — column ``base`` is the row's base."""


class Relation(BaseModel):
    """``total`` = sum of ``parts`` (+ a rest no table shows, such as responses in an area
    that named no site): if the total is shown, one hidden part could be worked out.

    Suppression treats the rest as known to the reader, the worst case: a relation
    that holds only up to an unpublished rest is protected as if it were exact.
    """

    total: CellRef
    parts: list[CellRef]


SHARE_KINDS: frozenset[str] = frozenset(
    {"likert", "journey", "open", "multi", "themes", "trend", "fft"}
)
"""Tables whose percentage columns are shares of a row's base (what people said), as
against tables that count who answered (headline, breakdowns, languages, risk)."""


class Disclosure(BaseModel):
    """Which disclosure rules a report applies (``disclosure:`` in config)."""

    mode: Literal["base", "cells"] = "cells"
    """``base``: a row's shares only when its base is at least ``min_base``, without the
    counts behind them; counts of people keep cell suppression.  ``cells``: every count
    from 1 to threshold−1 hidden, with whatever would give it away."""
    min_base: int = 10
    rounding: int | None = None
    """Every count shown rounded to this (5: 0, 5, 10, …), percentages from rounded counts."""

    def describe(self, threshold: int) -> str:
        """The rules, in one sentence, for the report's method note and summary."""
        if self.mode == "base":
            rule = (
                f"Percentages are shown only for rows answered by at least {self.min_base} "
                "people, without the counts behind them; counts of who answered (by group, "
                f"area, site, language and mode) under {threshold} are hidden, with any figure "
                "that would give one away"
            )
        else:
            rule = (
                f"Any count under {threshold} (but not zero), and any percentage of one, is "
                "hidden, with any figure that would give one away"
            )
        if self.rounding:
            rule += (
                f"; every count shown is rounded to the nearest {self.rounding} and "
                "percentages are worked out from the rounded counts"
            )
        return rule + "."


class EqualityRow(BaseModel):
    """One answer to an equality question, or the answers shown together."""

    key: str
    label: str
    count: int
    pct: int
    """Whole percent of those who shared (gave an answer other than "prefer not to say")."""


class EqualityTable(BaseModel):
    """One characteristic on its own (``bot/report/equality.py``): never by site, group,
    area or comment.  Every count shown is at least the equality threshold, and so is
    what is left when the shown ones are taken from the total."""

    id: str
    title: str
    level: Literal["detailed", "broad"] | None = None
    """Ethnicity only: the 2021 Census categories, or only their five groups."""
    shared: int | None = None
    """People who gave an answer other than "prefer not to say"; None when under the
    threshold (then no row is shown)."""
    rows: list[EqualityRow] = []
    combined: EqualityRow | None = None
    """The other answers together, when some are too few to show on their own."""
    prefer_not: int | None = None
    """"Prefer not to say": None when under the threshold."""


class Equality(BaseModel):
    """Who answered: the optional equality questions, published by whole calendar quarter
    and kept as first published, so reports of other periods cannot be subtracted."""

    quarter: str
    start: str
    end: str
    threshold: int
    tables: list[EqualityTable]
    note: str


class ReachRow(BaseModel):
    """Responses against the people a site (or area, or the service) serves."""

    key: str
    label: str
    level: Literal["site", "area", "service", "group"]
    responses: str
    """As the report shows it: "12", or "<5" when hidden."""
    caseload: int | None = None
    rate: str = ""
    """Whole percent ("9%"), "under 2%" when the count is hidden; empty without caseload."""
    share_of_responses: str = ""
    """Without caseload figures: the site's share of responses, and of sites."""
    share_of_sites: str = ""
    flagged: bool = False


class Reach(BaseModel):
    """Who we heard from (``bot/report/reach.py``), from the report's shown counts only."""

    mode: Literal["caseload", "share"]
    service_rate: int | None = None
    rows: list[ReachRow]
    flags: list[str]
    """Each under-heard site, in words."""
    note: str


class _Body(BaseModel):
    schema_version: int = SCHEMA_VERSION
    period: Period
    previous_period: Period
    generated_at: str
    threshold: int
    disclosure: Disclosure = Disclosure()
    tables: list[Table]
    themes: list[ThemeInfo]
    quotes: list[Quote]
    praise: list[Quote] = []
    """What people appreciated (``bot/report/praise.py``): up to five comments of the
    codebook's praise theme, chosen as quotes are (a shown theme, no risk flag, naming
    nobody), for the staff summary and the frontline team chat."""
    updates: list[Update]
    languages: list[LanguageStatus]
    """Interface languages with responses this period, and their translation status."""
    codebook_version: int
    reach: Reach | None = None
    """Responses against caseload per site and area (all-sites reports only)."""
    equality: Equality | None = None
    """Who answered (optional equality questions): all-sites reports only, already
    suppressed, apart from every other table (``bot/report/equality.py``)."""

    def table(self, table_id: str) -> Table | None:
        return next((t for t in self.tables if t.id == table_id), None)

    def tables_of(self, kind: TableKind) -> list[Table]:
        return [t for t in self.tables if t.kind == kind]


class Report(_Body):
    """Raw counts, never rendered."""

    relations: list[Relation] = []


class PublicReport(_Body):
    """Counts under the threshold hidden, with secondary suppression; safe to publish."""

    model_config = ConfigDict(title="FeedbackReport")
    suppressed_cells: int = Field(0, description="cells hidden by primary or secondary suppression")
    kept_from: str | None = Field(
        None,
        description="when the retention purge reached the trend's months: the first day whose"
        " answers are still held (ISO date); earlier months are left out, and the month it"
        " falls in counts its days from then",
    )
