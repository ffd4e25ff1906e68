"""A hostile reader of the published report (attack-reader): figures that, set side by
side, give back a count the report means to hide."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from bot.redact.staff import names_someone
from bot.report.export import build_public
from bot.report.period import parse_range, whole_months
from bot.report.synth import Response, write
from bot.store import Store

NOVEMBER = parse_range("2026-11-01", "2026-11-30", "Europe/London")


def _fill(settings, flows, responses: list[Response]) -> None:
    async def go() -> None:
        store = await Store.open(settings.database)
        try:
            await write(store, flows, responses)
        finally:
            await store.close()

    asyncio.run(go())


def _report(settings, period=NOVEMBER, trend=None):
    async def go():
        store = await Store.open(settings.database)
        try:
            return await build_public(store, settings, period, trend=trend)
        finally:
            await store.close()

    return asyncio.run(go())


def _rest(row) -> int | None:
    """What a reader works out from n, % top two and % bottom two given as counts:
    the people who answered neither (or Don't know)."""
    cells = [row.base, row.cells["top_two"], row.cells["bottom_two"]]
    if any(c is None or c.count is None for c in cells):
        return None
    return cells[0].count - cells[1].count - cells[2].count


def test_fft_by_site_never_leaves_one_dont_know_to_subtraction(settings, flows):
    """A site's n, positive and negative are all shown: n - positive - negative is the
    people who said neither or Don't know there, and one person must not be shown."""
    moment = datetime(2026, 11, 10, 12, tzinfo=UTC)
    site, area = "wisbech_hub", "cambridgeshire"
    answers = ["very_good"] * 6 + ["good"] * 5 + ["dont_know"]
    # Another site in the same area, so the area's row does not give Wisbech away.
    others = ["very_good"] * 8 + ["poor"] * 6 + ["neither"] * 6
    people = [
        Response("service_feedback", moment, {"fft": a}, site=site, area=area) for a in answers
    ]
    people += [
        Response("service_feedback", moment, {"fft": a}, site="cambridge_hub", area=area)
        for a in others
    ]
    _fill(settings, flows, people)
    report = _report(settings)
    for row in report.table("fft_sites").rows:
        rest = _rest(row)
        assert rest is None or rest == 0 or rest >= report.threshold, (row.key, rest)


def test_a_trend_month_never_leaves_one_neither_to_subtraction(settings, flows):
    """September in November's trend: n 10, 9 agree, none disagree is one person who said
    neither, a count September's own report would have hidden."""
    september = datetime(2026, 9, 10, 12, tzinfo=UTC)
    november = datetime(2026, 11, 10, 12, tzinfo=UTC)
    people = [Response("service_feedback", september, {"fft": "very_good"}) for _ in range(9)]
    people.append(Response("service_feedback", september, {"fft": "neither"}))
    people += [
        Response("service_feedback", november, {"fft": a})
        for a in ["very_good"] * 8 + ["poor"] * 6 + ["neither"] * 6
    ]
    _fill(settings, flows, people)
    months = whole_months(parse_range("2026-09-01", "2026-11-30", "Europe/London"))
    report = _report(settings, trend=months)
    table = report.table("trend:service_feedback:fft")
    row = table.row("2026-09", "month")
    rest = _rest(row)
    assert rest is None or rest == 0 or rest >= report.threshold, rest


@pytest.mark.parametrize(
    "quote",
    [
        "Priya, the nurse, was kind to me",
        "Pete the receptionist is rude every time",
        "Kasia, my keyworker, never rings back",
        "Marta moja terapeutka jest super",
    ],
)
def test_a_first_name_just_before_its_role_is_not_quoted(quote):
    """'The nurse, Priya, was kind' was refused as a quote; 'Priya, the nurse, was kind'
    named the same worker and was published."""
    assert names_someone(quote)


@pytest.mark.parametrize(
    "quote",
    [
        "Lovely nurse, always listens",
        "My keyworker never rings",
        "The Keyworker was great",
        "Prison officer was rude to my son",
        "Mental Health Nurse was good",
    ],
)
def test_feedback_about_a_role_without_a_name_is_still_quoted(quote):
    assert not names_someone(quote)


def test_a_comment_of_a_hidden_theme_is_not_quoted_under_a_shown_one(settings, flows):
    """'Judged at the chemist' is tagged staff, stigma and pharmacy. Seven people wrote about
    staff; only this one person about stigma or pharmacy, so those themes are hidden.  Quoted
    under staff, it still gave the words of the one person the hidden themes protect."""
    moment = datetime(2026, 11, 10, 12, tzinfo=UTC)
    lone = "Staff at the chemist made me feel judged when I picked up my script."
    staff = [
        "My keyworker changed three times and I had to repeat my story each time.",
        "My keyworker has too many clients and never has time for me.",
        "The staff are so busy, my worker keeps changing.",
    ]
    texts = [lone] + [staff[i % len(staff)] + f" ({i})" for i in range(6)]
    people = [
        Response("consultation", moment, {"one_service": "agree", "one_service_why": text})
        for text in texts
    ]
    _fill(settings, flows, people)
    report = _report(settings)
    themes = {row.key: row.cells["respondents"].count for row in report.table("themes").rows}
    assert themes["staff_caseloads"] == 7 and themes["stigma"] is None
    staff_quotes = [q.text for q in report.quotes if q.theme == "staff_caseloads"]
    assert staff_quotes, "the staff theme was expected to be quoted"
    assert lone not in staff_quotes
    assert len(staff_quotes) <= 3
