"""The network report: what people told us, and what changed, in plain words.

For people who use services and their families: big type, short sentences,
no tables.  Fixed sentences come from ``bot/messages.yaml`` (``network.*``),
so each language's version is a translation of the catalogue, not of code.
"""

from __future__ import annotations

from html import escape

from bot.i18n import Catalogue
from bot.l10n import long_date
from bot.report.loop import pair_lines, pairs, said_text, still_working, unlinked
from bot.report.model import Cell, PublicReport
from bot.report.notes import marked
from bot.report.plain import pictogram_svg, results

CSS = """
body { font: 20px/1.6 Arial, "Liberation Sans", sans-serif; color: #111; max-width: 40em;
       margin: 0 auto; padding: 1.5em 1em; }
h1 { font-size: 2em; margin: 0 0 .3em; } h2 { font-size: 1.5em; margin: 1.6em 0 .4em; }
h3 { font-size: 1.2em; margin: 1.2em 0 .2em; }
svg.picto { max-width: 100%; height: auto; }
blockquote { margin: .4em 0 .8em; padding: .2em .8em; border-left: 6px solid #2166ac;
             background: #f3f5f8; }
.small { font-size: .85em; color: #444; }
.said { font-weight: bold; margin-bottom: .1em; } .did { margin-top: 0; }
.item { margin: .2em 0; } .item::before { content: "• "; }
@media print { body { font-size: 14pt; max-width: none; } h2, h3 { break-after: avoid; }
               blockquote { break-inside: avoid; } }
"""


def network_parts(
    report: PublicReport, catalogue: Catalogue, lang: str = "en"
) -> list[tuple[str, str]]:
    """The report as (kind, text) pieces: h1/h2/h3/p/quote/small. Shared by HTML and Markdown."""
    if not isinstance(report, PublicReport):
        raise TypeError("only a suppressed PublicReport may be rendered")

    def t(key: str, **values: object) -> str:
        return catalogue.text(key, lang, **values)

    out: list[tuple[str, str]] = [("h1", t("network.title"))]
    out.append(("p", t("network.period", period=_period(report, lang))))
    head = report.table("headline")
    base = head.rows[0].base if head and head.rows else None
    if base is not None and base.count is not None:
        out.append(("p", t("network.responses", n=base.count)))
    else:
        out.append(("p", t("network.responses_few", threshold=report.threshold)))
    out.extend(result_parts(report, catalogue, lang))
    themes = report.table("themes")
    shown = []
    if themes:
        # By share: in disclosure mode base the counts behind it are withheld.
        ranked = sorted(
            (r for r in themes.rows if _mentions(r.cells["respondents"])),
            key=lambda r: -_mentions(r.cells["respondents"]),
        )
        shown = [r for r in ranked if any(q.theme == r.key for q in report.quotes)]
    if shown:
        out.append(("p", t("network.themes_intro")))
        labels = {th.id: th.label for th in report.themes}
        for row in shown:
            label = theme_label(catalogue, row.key, labels.get(row.key, {"en": row.label}), lang)
            out.append(("h3", label))
            share = row.cells["respondents"].pct
            if share is not None:
                out.append(("p", t("network.theme_count", pct=share)))
            else:
                out.append(("p", t("network.theme_few")))
            out.append(("p", t("network.quotes_intro")))
            out.extend(("quote", q.text) for q in report.quotes if q.theme == row.key)
    else:
        out.append(("p", t("network.no_themes")))
    out.extend(loop_parts(report, catalogue, lang))
    shown = unlinked(report, lang)
    if shown or not pairs(report, lang):
        out.append(("h2", t("network.changed_title")))
    if shown:
        out.extend(("p", marked(note, catalogue, lang)) for note in shown)
    elif not pairs(report, lang):
        out.append(("p", t("network.changed_none")))
    out.append(("small", t("network.privacy")))
    out.append(("p", t("network.thanks")))
    return out


def loop_parts(report: PublicReport, catalogue: Catalogue, lang: str) -> list[tuple[str, str]]:
    """'You said, we did' pairs (kinds ``said`` and ``did``), then the themes still waiting
    for an answer (kind ``item``)."""
    out: list[tuple[str, str]] = []
    linked = pairs(report, lang)
    if linked:
        out.append(("h2", catalogue.text("network.pairs_title", lang)))
        for pair in linked:
            said, did = pair_lines(catalogue, report, pair, lang)
            out.extend([("said", said), ("did", did)])
    waiting = still_working(report)
    if waiting:
        out.append(("h2", catalogue.text("network.still_title", lang)))
        out.append(("p", catalogue.text("network.still_intro", lang)))
        out.extend(("item", said_text(catalogue, report, s, lang)) for s in waiting)
    return out


def result_parts(report: PublicReport, catalogue: Catalogue, lang: str) -> list[tuple[str, str]]:
    """Each five-point question: its wording, one plain sentence and, when a figure is
    shown, a pictogram part (``picto:<filled>``, its text the sentence as alternative)."""
    found = results(report, catalogue, lang)
    if not found:
        return []
    out = [("h2", catalogue.text("network.results_title", lang))]
    for result in found:
        out.append(("h3", result.question))
        out.append(("p", result.sentence))
        if result.share is not None:
            out.append((f"picto:{result.share.tenths}", result.sentence))
    return out


def theme_label(catalogue: Catalogue, theme: str, codebook: dict[str, str], lang: str) -> str:
    """A theme's name for readers: the catalogue's ``theme.<id>`` (so it is translated and
    counted like every other string), else the codebook's label."""
    if f"theme.{theme}" in catalogue.messages:
        return catalogue.text(f"theme.{theme}", lang)
    return catalogue.pick(codebook, lang)


READER_KEYS = ("network.", "note.", "theme.")
"""Catalogue keys of text a network reader sees."""


def untranslated(
    catalogue: Catalogue, theme_ids: list[str], languages: list[str]
) -> dict[str, int]:
    """Per language, the network report's reader-visible strings with no translation:
    catalogue entries (``network.*``, ``note.*``, ``theme.*``) missing the language,
    and themes whose label is not in the catalogue at all (shown in English)."""
    counts = {}
    for lang in languages:
        missing = sum(
            1
            for key, forms in catalogue.messages.items()
            if key.startswith(READER_KEYS) and not (forms.get(lang) or "").strip()
        )
        missing += sum(1 for t in theme_ids if f"theme.{t}" not in catalogue.messages)
        counts[lang] = missing
    return counts


def _period(report: PublicReport, lang: str) -> str:
    """'16 listopada 2026 – 22 listopada 2026 (Europe/London)': CLDR dates in the reader's
    language; the zone's name is an identifier, the same in every language."""
    period = report.period
    span = f"{long_date(period.start, lang)} – {long_date(period.end, lang)}"
    return f"{span} ({period.timezone})"


def network_html(report: PublicReport, catalogue: Catalogue, lang: str = "en") -> str:
    tags = {"h1": "h1", "h2": "h2", "h3": "h3", "p": "p", "quote": "blockquote"}
    body = []
    for kind, text in network_parts(report, catalogue, lang):
        if kind.startswith("picto:"):
            filled = int(kind.partition(":")[2])
            body.append(f"<p>{pictogram_svg(filled, text, catalogue.is_rtl(lang))}</p>")
        elif kind in ("small", "said", "did", "item"):
            body.append(f'<p class="{kind}">{escape(text)}</p>')
        elif kind == "quote":
            # People's own words, in whatever script: their own direction, not the page's.
            body.append(f'<blockquote dir="auto">{escape(text)}</blockquote>')
        else:
            body.append(f"<{tags[kind]}>{escape(text)}</{tags[kind]}>")
    direction = "rtl" if catalogue.is_rtl(lang) else "ltr"
    title = escape(catalogue.text("network.title", lang))
    return (
        f'<!doctype html><html lang="{escape(lang)}" dir="{direction}"><head>'
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width, '
        f'initial-scale=1"><title>{title}</title><style>{CSS}</style></head>'
        f"<body>{''.join(body)}</body></html>"
    )


def _mentions(cell: Cell) -> int:
    """How much a theme was raised, as published: its share, or its count without one."""
    return cell.pct if cell.pct is not None else cell.count or 0
