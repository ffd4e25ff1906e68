"""The short /news message sent when staff publish the week's network report.

One message per language: the report's title and period, its headline result
(the five-point question most people answered, in plain words), and the newest
"we did" (paired with what people said, when it names a theme).  Made from the
``PublicReport`` through the same sentences as the network page, so a hidden
number never reaches a phone either.
"""

from __future__ import annotations

from bot.i18n import Catalogue
from bot.report.loop import pair_lines, pairs, unlinked
from bot.report.model import PublicReport
from bot.report.notes import marked
from bot.report.plain import results, top
from bot.report.render_network import _period


def bulletin(report: PublicReport, catalogue: Catalogue, lang: str) -> str | None:
    """The message in ``lang``; None when there is nothing to tell (no result can be shown
    and no update was made in the period)."""
    if not isinstance(report, PublicReport):
        raise TypeError("only a suppressed PublicReport may be sent")
    blocks = []
    headline = top(results(report, catalogue, lang), 1)
    if headline:
        blocks.append(f"{headline[0].question}\n{headline[0].sentence}")
    newest = _newest_we_did(report, catalogue, lang)
    if newest:
        blocks.append(newest)
    if not blocks:
        return None
    title = catalogue.text("news.report_title", lang, period=_period(report, lang))
    more = catalogue.text("news.report_more", lang)
    return "\n\n".join([title, *blocks, more])


def _newest_we_did(report: PublicReport, catalogue: Catalogue, lang: str) -> str | None:
    linked = pairs(report, lang)
    alone = unlinked(report, lang)
    candidates = [
        (p.did.dated, 1, "\n".join(pair_lines(catalogue, report, p, lang))) for p in linked
    ]
    candidates += [
        (n.dated, 0, catalogue.text("network.we_did", lang, text=marked(n, catalogue, lang)))
        for n in alone
    ]
    # The latest date wins; on one day, a paired update before one that stands alone.
    return max(candidates)[2] if candidates else None


def bulletins(report: PublicReport, catalogue: Catalogue, langs: list[str]) -> dict[str, str]:
    """The message in every language (English always); empty when there is nothing to send."""
    found = {lang: bulletin(report, catalogue, lang) for lang in dict.fromkeys(["en", *langs])}
    if found.get("en") is None:
        return {}
    return {lang: text for lang, text in found.items() if text is not None}
