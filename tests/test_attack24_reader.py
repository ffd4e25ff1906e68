"""Attack24, a hostile reader of the published network report: does a quote name a worker?

README (Reports, Suppression): quotes are never shown "when they could name someone
(``names_someone``: a name given with a role, even a first name alone ...)".  This session
made "her name is Priya" (someone else's first name alone) stay in stored text (659c097),
as it did before; so the quote chooser is what keeps a worker's name off the noticeboard.
The comment below names a nurse by first name after "her name is", which ``names_someone``
does not read as a role and a name ("the nurse, Priya, was kind" it does).  ("Sam on
reception always remembers my name" is quoted by decision: test_report_quote_names.)
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.i18n import load_catalogue
from bot.redact import redact
from bot.report.aggregate import ReportBuilder
from bot.report.period import parse_week
from bot.report.render_network import network_parts
from bot.report.suppress import publish
from bot.report.synth import Response, write
from bot.report.themes import load_codebook
from bot.store import AnswerMeta, Store

WEEK = parse_week("2026-W47")
START = datetime(2026, 11, 17, 9, tzinfo=UTC)


async def _shown(settings, flows, store: Store, comments: list[str]) -> tuple[int, str]:
    people = [
        Response(
            "consultation",
            START + timedelta(minutes=i),
            {"one_service": "agree", "one_service_why": redact(text)},
            lang="en",
            meta={"one_service_why": AnswerMeta(detected_lang="en", lang_prob=0.99)},
        )
        for i, text in enumerate(comments)
    ]
    await write(store, flows, people)
    builder = ReportBuilder(store, settings, load_codebook(settings.flows_dir), load_catalogue())
    public = publish(await builder.build(WEEK))
    shown = " ".join(q.text for q in public.quotes) + " ".join(
        text for _, text in network_parts(public, load_catalogue(), "en")
    )
    return len(public.quotes), shown


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "the nurse was lovely, her name is Priya, I waited weeks though",
            "Priya",
            id="her-name-is",
        ),
        pytest.param(
            "the keyworker was lovely, his name is Tomasz, I waited weeks though",
            "Tomasz",
            id="his-name-is",
        ),
        # Guard: a role then a capitalised first name is refused.
        pytest.param("my keyworker Dave never rings me back, I waited weeks", "Dave", id="guard"),
    ],
)
async def test_a_workers_first_name_is_not_quoted(settings, flows, store: Store, text, name):
    plain = [
        "I waited weeks and weeks for my first appointment",
        "The wait was far too long, about six weeks",
    ]
    count, shown = await _shown(settings, flows, store, [text] * 6 + plain * 2)
    assert count, "the comments were expected to be themed and quotable"
    assert name not in shown
