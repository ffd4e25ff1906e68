"""What people appreciated: praise passed to the staff who earned it.

A needs study's first recommendation to commissioners was to share positive
feedback with frontline staff.  Each report carries up to five comments of the
codebook's praise theme (``PublicReport.praise``), chosen by the rules quotes
follow (``bot/report/suppress.py``): the theme raised by at least the threshold,
no risk-flagged comment, none that names someone or shares a hidden theme; the
text is stored redacted.  They go in the staff summary (``summary.md``, /summary,
the Monday send) and, by ``/praise`` or ``reports.praise_weekly``, to the
frontline team chats in ``reports.praise_chat_ids``.
"""

from __future__ import annotations

from bot.report.model import PublicReport

HEADING = "What people appreciated"


def praise_lines(report: PublicReport) -> list[str]:
    """The summary's section: a heading and one quoted comment a line (none: nothing)."""
    if not report.praise:
        return []
    return ["", f"*{HEADING}*", *(f"- “{_one_line(q.text)}”" for q in report.praise)]


def praise_post(report: PublicReport, site_name: str | None = None) -> str | None:
    """The message for the frontline team chat, or None when there is nothing to pass on."""
    if not report.praise:
        return None
    where = f", {site_name}" if site_name else ""
    head = f"{HEADING} ({report.period.label}{where}): what people said about your work."
    return "\n\n".join([head, *(f"“{_one_line(q.text)}”" for q in report.praise)])


def _one_line(text: str) -> str:
    return " ".join(text.split())
