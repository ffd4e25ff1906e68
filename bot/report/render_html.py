"""The commissioner report: one self-contained HTML file, print-friendly on A4.

Everything is escaped on the way out (comments are written by the public),
charts are inline SVG, and there are no external files, scripts or fonts.
"""

from __future__ import annotations

from datetime import date
from html import escape

from bot.i18n import load_catalogue
from bot.report.charts import FOOTNOTE, likert_chart
from bot.report.loop import pairs, still_working, theme_label
from bot.report.model import HIDDEN, Cell, PublicReport, Row, Table, in_words
from bot.report.notes import marked
from bot.report.reach import reach_html
from bot.report.render_equality import equality_html
from bot.report.trend_chart import trend_chart

CSS = """
:root { --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --band: #f3f5f8; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 Arial, "Liberation Sans", sans-serif; color: var(--ink);
       max-width: 190mm; margin: 0 auto; padding: 12mm 10mm; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 15pt; margin: 9mm 0 3mm; border-bottom: 2px solid var(--ink); }
h3 { font-size: 12pt; margin: 6mm 0 2mm; }
p.lede { color: var(--muted); margin: 0 0 4mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9.5pt; }
table.wide { font-size: 8.5pt; } table.wide th, table.wide td { padding: 1mm 1.2mm; }
table.wide td:first-child { width: 26%; }
th, td { padding: 1.2mm 2mm; border-bottom: 1px solid var(--rule); text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { background: var(--band); font-weight: bold; vertical-align: bottom; }
tr.split td { background: var(--band); font-weight: bold; font-size: 9pt; }
td.key { font-weight: bold; }
.figures { display: flex; gap: 4mm; flex-wrap: wrap; margin: 3mm 0; }
.figure { border: 1px solid var(--rule); padding: 3mm 4mm; min-width: 40mm; }
.figure b { display: block; font-size: 20pt; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 6mm; }
.question { break-inside: avoid; }
.chart svg { display: block; max-width: 100%; height: auto; }
blockquote { margin: 1mm 0 2mm; padding: 1mm 4mm; border-left: 3px solid var(--rule);
             font-style: italic; }
.lang { font-style: normal; color: var(--muted); font-size: 8.5pt; }
.note { font-size: 9.5pt; color: var(--muted); }
.up { color: #1b6e20; } .down { color: #a11; }
tr.flag td { background: #fdecea; font-weight: bold; }
tr.area td, tr.service td { background: var(--band); }
ul.flags { margin: 2mm 0 3mm; padding-left: 5mm; color: #a11; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; } table, .question, .figure { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def count(cell: Cell | None, threshold: int) -> str:
    if cell is None:
        return ""
    if cell.suppressed:
        return HIDDEN
    if cell.count is None:
        return ""  # withheld behind a share (disclosure mode base)
    return f"{cell.count:,}"


def percent(cell: Cell | None) -> str:
    if cell is None:
        return ""
    return "*" if cell.pct is None else f"{cell.pct}%"


def change(cell: Cell | None, unit: str = " pts") -> str:
    if cell is None or cell.change is None:
        return ""
    if cell.change == 0:
        return "no change"
    arrow, css = ("▲", "up") if cell.change > 0 else ("▼", "down")
    return f'<span class="{css}">{arrow} {abs(cell.change)}{unit}</span>'


def _since_last(cell: Cell | None) -> str:
    """The change as a clause of its own: in mid-sentence a bare "no change" or arrow read as
    part of the words around it ("raised a risk flag no change")."""
    said = change(cell, "")
    return f" ({said} on the period before)" if said else ""


def _head(columns: list[str]) -> str:
    return "<thead><tr>" + "".join(f"<th>{c}</th>" for c in columns) + "</tr></thead>"


def _stat_table(report: PublicReport, table: Table, splits: dict[str, str] | None = None) -> str:
    """A table with n, then each column as a percentage or a count."""
    t = report.threshold
    heads = ["", escape(table.base_label)] if any(r.base for r in table.rows) else [""]
    heads += [escape(table.labels[c]) for c in table.columns]
    wide = ' class="wide"' if len(heads) > 6 else ""
    out = [f"<table{wide}>", _head(heads), "<tbody>"]
    current = None
    for row in table.rows:
        if splits and row.split != current and row.split in splits:
            out.append(
                f'<tr class="split"><td colspan="{len(heads)}">{splits[row.split]}</td></tr>'
            )
        current = row.split
        cells = [f"<td>{escape(row.label)}</td>"]
        if len(heads) > len(table.columns) + 1:
            cells.append(f"<td>{count(row.base, t)}</td>")
        for c in table.columns:
            cell = row.cells.get(c)
            text = percent(cell) if c in table.pct_columns else count(cell, t)
            cells.append(f"<td>{text}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _breakdown(report: PublicReport, table: Table) -> str:
    t = report.threshold
    rows = "".join(
        f"<tr><td>{escape(r.label)}</td><td>{count(r.cells['responses'], t)}</td>"
        f"<td>{percent(r.cells['responses'])}</td></tr>"
        for r in table.rows
    )
    return (
        f"<div><h3>{escape(table.title)}</h3><table>{_head(['', 'Responses', '%'])}"
        f"<tbody>{rows}</tbody></table></div>"
    )


def _headline(report: PublicReport) -> str:
    t = report.threshold
    head = report.table("headline")
    row = head.rows[0] if head else Row(key="all", label="")
    completed = row.cells.get("completed")
    risk = report.table("risk")
    risk_cell = risk.rows[0].cells["respondents"] if risk else None
    prev = row.base.prev if row.base else None
    figures = [
        ("Responses this period", count(row.base, t), change(row.base, "")),
        ("Last period", f"{prev:,}" if prev is not None else "–", ""),
        ("Completed", percent(completed), count(completed, t) + " responses"),
        ("Risk flags", count(risk_cell, t), "respondents; never quoted"),
    ]
    boxes = "".join(
        f'<div class="figure">{escape(label)}<b>{value}</b><span class="note">{extra}</span></div>'
        for label, value, extra in figures
    )
    splits = [
        _breakdown(report, tb)
        for tid in ("by_mode", "by_respondent_group", "by_area", "by_site", "by_lang")
        if (tb := report.table(tid))
    ]
    grid = "".join(splits)
    translated = ""
    if table := report.table("by_translation"):
        translated = (
            f"<h3>{escape(table.title)}</h3><p class='lede'>Whether the questions were shown in"
            " a translation a translator had checked (see `feedback-bot translations status`)."
            "</p>" + _stat_table(report, table)
        )
    return (
        f'<h2>Headline</h2><div class="figures">{boxes}</div><div class="grid">{grid}</div>'
        + translated
    )


LIKERT_SPLITS = {"respondent_group": "By respondent group", "area": "By area"}


def _likert(report: PublicReport) -> str:
    parts = ["<h2>Questions on a five-point scale</h2>"]
    for table in report.tables_of("likert"):
        overall = table.row("all")
        delta = change(overall.cells.get("top_two")) if overall else ""
        trend = (
            f" <span class='note'>{escape(table.labels['top_two'])} vs last period: {delta}</span>"
            if delta
            else ""
        )
        svg = likert_chart(report, table)
        note = f"<p class='note'>{escape(FOOTNOTE)}</p>" if "†" in svg else ""
        parts.append(
            f'<section class="question"><h3>{escape(table.title)}</h3>'
            f'<p class="note">Survey: {escape(table.flow_id or "")}{trend}</p>'
            f"{_stat_table(report, table, LIKERT_SPLITS)}"
            f'<div class="chart">{svg}</div>{note}</section>'
        )
    return "".join(parts)


def _fft(report: PublicReport) -> str:
    """This period's FFT per site, and its months when the report has a trend."""
    table = report.table("fft_sites")
    if table is None:
        return ""
    out = [
        "<h2>NHS Friends and Family Test</h2>",
        "<p class='lede'>\u201cOverall, how was your experience of our service?\u201d "
        f"{escape(report.period.describe())}. % positive is very good or good, % negative "
        "poor or very poor, both of all answers including \u201cDon't know\u201d. The "
        "monthly return for NHS England comes from <code>feedback-bot fft</code>.</p>",
        _stat_table(report, table, {"site": "By service or hub"}),
    ]
    trend = next((t for t in report.tables_of("trend") if t.scale == "fft"), None)
    if trend is not None:
        out.append(
            f"<h3>The last {len(trend.rows)} months</h3>"
            f'<div class="chart">{trend_chart(report, trend, ("top_two", "bottom_two"))}</div>'
        )
    return "".join(out)


def _trends(report: PublicReport) -> str:
    """Each Likert question by month: a line of % agree (or satisfied) with n under it."""
    tables = [t for t in report.tables_of("trend") if t.scale != "fft"]
    if not tables:
        return ""
    first, last = tables[0].rows[0].label, tables[0].rows[-1].label
    parts = [
        "<h2>Trends by month</h2>",
        f"<p class='lede'>{escape(first)} to {escape(last)}: each question's top two "
        "answers (% agree or % satisfied) of the people who answered it that month, with n "
        "under each month. A gap is a month whose numbers are too small to show."
        f"{_purged_months(report)}</p>",
    ]
    for table in tables:
        parts.append(
            f'<section class="question"><h3>{escape(table.title)}</h3>'
            f'<div class="chart">{trend_chart(report, table)}</div>'
            f"{_stat_table(report, table)}</section>"
        )
    return "".join(parts)


def _purged_months(report: PublicReport) -> str:
    """Why a trend asked for over more months shows fewer (``bot/report/purged.py``)."""
    if report.kept_from is None:
        return ""
    first = date.fromisoformat(report.kept_from)
    return (
        f" Answers from before {first.day} {first:%B %Y} were deleted under the retention"
        " policy, so earlier months are left out and a month that began before then counts"
        " its days from then."
    )


def _journey(report: PublicReport) -> str:
    table = report.table("journey")
    if table is None:
        return ""
    t = report.threshold
    stages = list(dict.fromkeys(r.split for r in table.rows))
    areas = list(dict.fromkeys((r.key, r.label) for r in table.rows))
    heads = ["Stage", *(escape(label) for _, label in areas)]
    body = []
    for stage in stages:
        cells = [f"<td class='key'>{escape(stage.replace('_', '-').capitalize())}</td>"]
        for key, _ in areas:
            row = table.row(key, stage)
            if row is None:
                cells.append("<td>–</td>")
                continue
            cells.append(
                f"<td>{percent(row.cells['top_two'])} "
                f"<span class='note'>(n={count(row.base, t)})</span></td>"
            )
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        "<h2>Satisfaction through the journey</h2>"
        "<p class='lede'>% satisfied or very satisfied at each stage, by area (n = people who "
        "answered, leaving out 'prefer not to say').</p>"
        f"<table>{_head(heads)}<tbody>{''.join(body)}</tbody></table>"
    )


def _comments(report: PublicReport) -> str:
    t = report.threshold
    out = ["<h2>What people wrote</h2>"]
    if table := report.table("open"):
        out.append("<h3>Open questions: response rate</h3>" + _stat_table(report, table))
    themes = report.table("themes")
    if themes:
        base = themes.rows[0].base if themes.rows else None
        out.append(
            f"<h3>Themes</h3><p class='lede'>{count(base, t)} respondents wrote at least one "
            "comment. One comment can touch several themes, so the percentages need not add "
            "to 100.</p>"
        )
        heads = ["Theme", "% of commenters", "Change", "Comments", "Auto-tagged", "Staff-reviewed"]
        rows = []
        for r in themes.rows:
            c = r.cells
            rows.append(
                f"<tr><td>{escape(r.label)}</td><td>{percent(c['respondents'])}</td>"
                f"<td>{change(c['respondents'])}</td><td>{count(c['comments'], t)}</td>"
                f"<td>{count(c['auto'], t)}</td><td>{count(c['reviewed'], t)}</td></tr>"
            )
        out.append(f"<table>{_head(heads)}<tbody>{''.join(rows)}</tbody></table>")
        labels = {r.key: r.label for r in themes.rows}
        quoted = [k for k in labels if any(q.theme == k for q in report.quotes)]
        if quoted:
            out.append("<h3>In their own words</h3>")
            out.append(
                f"<p class='note'>Examples only from themes raised by at least {t} "
                "respondents; comments flagged for risk are never quoted.</p>"
            )
        for key in quoted:
            out.append(f"<h4>{escape(labels[key])}</h4>")
            for q in (q for q in report.quotes if q.theme == key):
                lang = f" <span class='lang'>[{escape(q.lang)}]</span>" if q.lang else ""
                out.append(f"<blockquote>{escape(q.text)}{lang}</blockquote>")
    if table := report.table("comment_languages"):
        out.append("<h3>Comments by detected language</h3>" + _stat_table(report, table))
    if table := report.table("unoffered_languages"):
        out.append(
            "<h3>Comments written in languages we do not offer</h3>"
            "<p class='lede'>What to translate into next. A language is named once at least "
            f"{report.threshold} comments were written in it.</p>"
        )
        out.append(_stat_table(report, table) if table.rows else "<p>None this period.</p>")
    return "".join(out)


def _multi(report: PublicReport) -> str:
    tables = report.tables_of("multi")
    if not tables:
        return ""
    parts = ["<h2>Additional needs and other multiple-choice questions</h2>"]
    for table in tables:
        parts.append(f"<h3>{escape(table.title)}</h3>" + _stat_table(report, table))
    return "".join(parts)


def _translation_line(report: PublicReport) -> str:
    """One sentence on answers given in a translation no translator had checked."""
    table = report.table("by_translation")
    row = table.row("unreviewed", "translation") if table else None
    if row is None:
        return ""
    people, answers = row.cells["responses"], row.cells["answers"]
    return (
        f"Given in a translation not yet checked by a translator: {in_words(people)} responses"
        f" ({percent(people)}), {in_words(answers)} answers. Machine translation may have"
        " changed what a question meant to them."
    )


def method_note(report: PublicReport) -> list[str]:
    """The method note as sentences; also used by the Markdown version."""
    t = report.threshold
    head = report.table("headline")
    n = count(head.rows[0].base, t) if head else "0"
    langs = ", ".join(
        f"{lang.name} ("
        + (
            "the source"
            if lang.code == "en"
            else f"{lang.texts_reviewed} of {lang.texts} texts checked by a translator"
        )
        + ")"
        for lang in report.languages
    )
    unchecked = _translation_line(report)
    return [
        f"Period: {report.period.describe()}; compared with {report.previous_period.describe()}.",
        f"Responses: {n}. A response is one survey session begun in the period with at least "
        "one answer; completion means the person reached the end.",
        "Percentages on five-point scales are of the people who answered the question, leaving "
        "out 'prefer not to say', which is counted separately. '% agree' is strongly agree plus "
        "agree (top two); '% disagree' is disagree plus strongly disagree (bottom two); both "
        "come from the summed counts. Every percentage is rounded half up to a whole number, "
        "so rows may add to 99 or 101.",
        f"Disclosure: {escape(report.disclosure.describe(t))} Hidden counts show as "
        f"'{HIDDEN}' (confidential: under {t}, or hidden so that one under {t} cannot be "
        "worked out), hidden percentages as '*'; the same rules apply to every format (HTML, "
        "CSV, XLSX, JSON, text) and to every period published: a report is checked against "
        "the periods published before it, so no two can be subtracted. Quotes are shown only "
        f"for themes mentioned by at least {t} respondents, and never from comments flagged "
        "for risk.",
        "Friends and Family Test: % positive (very good or good) and % negative (poor or very "
        "poor) are of all answers, 'Don't know' included, as NHS England counts them. Trends "
        "give each month's share of the people who answered that month, under the same "
        "suppression as every other table.",
        f"Themes: automatic tagging with codebook version {report.codebook_version} "
        "(flows/themes.yaml); where staff have reviewed a comment, their themes replace the "
        "automatic ones. Theme percentages are of respondents who wrote at least one comment.",
        f"Translation status of the bot's own text: {langs or 'English only'}.",
        *([unchecked] if unchecked else []),
        f"Cells hidden in this report: {report.suppressed_cells}.",
    ]


def _you_said(report: PublicReport) -> str:
    """The network page's 'you said, we did' as a table: what was answered, what was not."""
    catalogue = load_catalogue()
    linked = pairs(report, "en")
    waiting = still_working(report)
    if not linked and not waiting:
        return ""
    t = report.threshold
    rows = []
    for pair in linked:
        status = (pair.status or "").replace("_", " ") or "—"
        for said in pair.said:
            rows.append(
                f"<tr><td>{escape(theme_label(catalogue, report, said.theme, 'en'))}</td>"
                f"<td>{count(Cell(count=said.people), t) if said.people is not None else '*'}"
                f"</td><td>{escape(marked(pair.did, catalogue, 'en'))}</td>"
                f"<td>{escape(status)}</td>"
                f"<td>{escape(pair.did.dated)}</td></tr>"
            )
    for said in waiting:
        rows.append(
            f"<tr><td>{escape(theme_label(catalogue, report, said.theme, 'en'))}</td>"
            f"<td>{count(Cell(count=said.people), t)}</td><td><em>No update yet</em></td>"
            "<td>—</td><td></td></tr>"
        )
    heads = ["Theme", "Respondents raising it", "Update", "Status", "Dated"]
    return (
        "<h2>You said, we did</h2><p class='lede'>Updates this period and the themes they "
        f"answer; themes raised by at least {t} respondents with no update yet are listed "
        "as such. The network report shows the same pairs.</p>"
        f"<table>{_head(heads)}<tbody>{''.join(rows)}</tbody></table>"
    )


def commissioner_html(report: PublicReport) -> str:
    if not isinstance(report, PublicReport):
        raise TypeError("only a suppressed PublicReport may be rendered")
    method = "".join(f"<p class='note'>{s}</p>" for s in method_note(report))
    risk = report.table("risk")
    risk_cell = risk.rows[0].cells["respondents"] if risk else None
    body = [
        "<h1>Service feedback: summary for commissioners</h1>",
        f"<p class='lede'>{escape(report.period.describe())} · generated "
        f"{escape(report.generated_at[:16].replace('T', ' '))} UTC</p>",
        _headline(report),
        reach_html(report.reach),
        _fft(report),
        _likert(report),
        _trends(report),
        _journey(report),
        _comments(report),
        _you_said(report),
        _multi(report),
        equality_html(report.equality),
        "<h2>Risk</h2>",
        f"<p>{count(risk_cell, report.threshold)} respondents wrote words that raised a risk "
        f"flag and were shown helplines at the time{_since_last(risk_cell)}. Their comments "
        "are never quoted.</p>",
        "<h2>Method</h2>",
        method,
    ]
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Feedback summary {escape(report.period.label)}</title>"
        f"<style>{CSS}</style></head><body>{''.join(body)}</body></html>"
    )
