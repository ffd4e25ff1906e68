"""Results in plain words: "About 7 in 10 people agreed (83 of 115)", and its pictogram.

Easy-read practice: natural frequencies ("about 7 in 10", "about half", "fewer
than 1 in 10") rather than percentages, the exact count beside them, and a row
of 10 figures.  Every sentence is made from a ``PublicReport``'s published
cells only: where suppression hid the count or its base (and no percentage is
published), there is no sentence and no pictogram, so a hidden number is never
turned into words.

Plural forms come from CLDR through Babel: a plural message holds one form per
plural category of its language, separated by ``|``, in CLDR's order (zero,
one, two, few, many, other), as gettext's ``msgstr[n]`` does.  English has two
(``one|other``), Polish four, Arabic six.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from babel import Locale, UnknownLocaleError

from bot.i18n import Catalogue
from bot.report.model import Cell, PublicReport, Table

FIGURES = 10
CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")
SCALES = ("agree", "satisfaction", "fft")
"""Scales with sentences in the catalogue (``network.result.<scale>.<bucket>``)."""


@cache
def plural_categories(lang: str) -> tuple[str, ...]:
    """The plural categories ``lang`` uses, in CLDR order, ending with ``other``."""
    try:
        rule = Locale.parse(lang).plural_form
    except (UnknownLocaleError, ValueError):
        rule = Locale.parse("en").plural_form
    return tuple(c for c in CLDR_ORDER if c in rule.tags or c == "other")


def plural_category(lang: str, n: int) -> str:
    try:
        return Locale.parse(lang).plural_form(n)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en").plural_form(n)


def plural(catalogue: Catalogue, key: str, lang: str, count: int, **values: object) -> str:
    """The form of plural message ``key`` for the number ``count``, filled in.

    A translation with the wrong number of forms (a translator's slip) falls back to
    its ``other`` form (the last), never to an error."""
    forms = catalogue.messages[key]
    chosen_lang = lang if (forms.get(lang) or "").strip() else "en"
    variants = forms[chosen_lang].split("|")
    categories = plural_categories(chosen_lang)
    category = plural_category(chosen_lang, count)
    index = categories.index(category) if len(variants) == len(categories) else -1
    single = {**forms, chosen_lang: variants[index].strip()}
    view = catalogue.model_copy(update={"messages": {key: single}})
    return view.text(key, lang, **values)


@dataclass(frozen=True)
class Share:
    """A share of people in natural-frequency form."""

    bucket: str
    """none, under_one, about, half, over_nine or all."""
    tenths: int
    """Figures of 10 to fill in the pictogram."""
    count: int | None = None
    base: int | None = None
    """The exact count and its base, when both are published."""


def share_of(cell: Cell, base: Cell | None) -> Share | None:
    """The natural frequency of a published cell; None when it is hidden.

    From the count and its base when both are shown (exact), else from a published
    percentage (then "everyone" and "no one" are not said: 100% may be rounded)."""
    count = cell.count
    total = base.count if base is not None else None
    if count is not None and total:
        ratio = Decimal(count) / Decimal(total)
        exact = True
    elif cell.pct is not None:
        ratio = Decimal(cell.pct) / 100
        count = total = None
        exact = False
    else:
        return None
    tenths = int((ratio * FIGURES).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if exact and ratio == 0:
        bucket = "none"
    elif exact and ratio == 1:
        bucket = "all"
    elif tenths == 0:
        bucket = "under_one"
    elif tenths >= FIGURES:
        bucket = "over_nine"
    elif tenths * 2 == FIGURES:
        bucket = "half"
    else:
        bucket = "about"
    return Share(bucket, tenths, count, total)


@dataclass(frozen=True)
class Result:
    """One five-point question in plain words."""

    question: str
    sentence: str
    """'About 7 in 10 people agreed (83 of 115).', or why no figure is shown."""
    share: Share | None
    n: int
    """The published base, for ordering (0 when hidden)."""


def question_text(table: Table, lang: str, catalogue: Catalogue) -> str:
    return catalogue.pick(table.texts or {"en": table.title}, lang)


def results(report: PublicReport, catalogue: Catalogue, lang: str) -> list[Result]:
    """Each five-point question's overall result, in question order."""
    if not isinstance(report, PublicReport):
        raise TypeError("only a suppressed PublicReport may be put into words")
    found = []
    for table in report.tables_of("likert"):
        if table.scale not in SCALES:
            continue
        row = table.row("all")
        if row is None or "top_two" not in row.cells:
            continue
        share = share_of(row.cells["top_two"], row.base)
        found.append(
            Result(
                question_text(table, lang, catalogue),
                sentence(catalogue, lang, table.scale, share),
                share,
                (row.base.count or 0) if row.base else 0,
            )
        )
    return found


def sentence(catalogue: Catalogue, lang: str, scale: str, share: Share | None) -> str:
    if share is None:
        return catalogue.text("network.result.hidden", lang)
    key = f"network.result.{scale}.{share.bucket}"
    if share.bucket == "about":
        words = plural(catalogue, key, lang, share.tenths, k=share.tenths)
    else:
        words = catalogue.text(key, lang)
    if share.count is None or share.base is None:
        return words
    return catalogue.text(
        "network.result.count", lang, share=words, count=share.count, base=share.base
    )


def top(found: list[Result], n: int = 3) -> list[Result]:
    """The ``n`` results most people answered (those with a figure), in question order."""
    shown = [r for r in found if r.share is not None]
    chosen = sorted(shown, key=lambda r: -r.n)[:n]
    return [r for r in shown if r in chosen]


def pictogram_svg(filled: int, label: str, rtl: bool = False) -> str:
    """10 figures, ``filled`` of them dark: an inline SVG whose text alternative is ``label``.

    Right-to-left readers start on the right, so the figures fill from there."""
    from html import escape

    width, step = 30, 34
    people = []
    for i in range(FIGURES):
        x = (FIGURES - 1 - i) * step if rtl else i * step
        on = i < filled
        fill = "#1f4e8c" if on else "#ffffff"
        people.append(
            f'<g transform="translate({x} 0)" fill="{fill}" stroke="#1f4e8c" stroke-width="2">'
            f'<circle cx="{width / 2}" cy="9" r="7"/>'
            f'<path d="M3 56 V30 Q3 19 15 19 Q27 19 27 30 V56 Z"/></g>'
        )
    text = escape(label)
    return (
        f'<svg class="picto" role="img" aria-label="{text}" xmlns="http://www.w3.org/2000/svg"'
        f' viewBox="-2 -2 {FIGURES * step + 2} 62" width="{FIGURES * step}" height="62">'
        f"<title>{text}</title>{''.join(people)}</svg>"
    )


def pictogram_text(filled: int) -> str:
    """The pictogram in characters, for Markdown and plain text: ●●●●●●●○○○."""
    return "●" * filled + "○" * (FIGURES - filled)
