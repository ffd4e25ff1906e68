"""Every percentage against a value worked out by hand."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.i18n import load_catalogue
from bot.report.aggregate import ReportBuilder, pct
from bot.report.export import build_public
from bot.report.period import parse_week
from bot.report.suppress import publish
from bot.report.synth import Response, write
from bot.report.themes import load_codebook
from bot.store import AnswerMeta

WEEK = parse_week("2026-W47")
MONDAY = datetime(2026, 11, 16, 10, tzinfo=UTC)


def consultation(answers, group="service_user", area="cambridgeshire", **kw) -> Response:
    return Response("consultation", MONDAY, dict(answers), respondent_group=group, area=area, **kw)


async def build(store, settings, threshold=1):
    settings = settings.model_copy(update={"suppression_threshold": threshold})
    builder = ReportBuilder(store, settings, load_codebook(settings.flows_dir), load_catalogue())
    return publish(await builder.build(WEEK))


@pytest.mark.parametrize(
    ("count", "base", "expected"),
    [(1, 8, 13), (3, 8, 38), (83, 115, 72), (52, 115, 45), (16, 115, 14), (1, 3, 33), (2, 3, 67)],
)
def test_percentages_round_half_up(count, base, expected):
    assert pct(count, base) == expected


async def test_likert_percentages_match_hand_counts(store, settings, flows):
    # one_service: 3 strongly agree, 4 agree, 1 neither, 1 disagree, 1 strongly disagree,
    # 2 prefer not to say.  n = 10 (prefer-not-to-say left out of the base).
    values = ["strongly_agree"] * 3 + ["agree"] * 4 + ["neither", "disagree"]
    values += ["strongly_disagree", "prefer_not_to_say", "prefer_not_to_say"]
    groups = ["service_user"] * 6 + ["family_carer"] * 6
    areas = ["cambridgeshire"] * 4 + ["peterborough"] * 8
    await write(
        store,
        flows,
        [
            consultation({"one_service": v}, group=g, area=a)
            for v, g, a in zip(values, groups, areas, strict=True)
        ],
    )
    report = await build(store, settings)
    table = report.table("likert:consultation:one_service")
    overall = table.row("all")
    assert overall.base.count == 10
    got = {k: c.pct for k, c in overall.cells.items() if c.pct is not None}
    assert got == {
        "strongly_agree": 30,
        "agree": 40,
        "neither": 10,
        "disagree": 10,
        "strongly_disagree": 10,
        "top_two": 70,
        "bottom_two": 20,
    }
    assert overall.cells["prefer_not"].count == 2
    # service users: SA SA SA A A A -> 50% / 50%, top two 100%.
    su = table.row("service_user", "respondent_group")
    assert (su.base.count, su.cells["strongly_agree"].pct, su.cells["agree"].pct) == (6, 50, 50)
    assert su.cells["top_two"].pct == 100
    # family carers: A N D SD + 2 prefer not -> n=4, 25% each, top 25, bottom 50.
    fc = table.row("family_carer", "respondent_group")
    assert fc.base.count == 4
    assert [fc.cells[k].pct for k in ("agree", "neither", "top_two", "bottom_two")] == [
        25,
        25,
        25,
        50,
    ]
    assert fc.cells["prefer_not"].count == 2
    # Peterborough: A A A N D SD + 2 prefer not -> n=6: agree 3/6 = 50%, bottom 2/6 = 33%.
    pb = table.row("peterborough", "area")
    assert (pb.base.count, pb.cells["agree"].pct, pb.cells["bottom_two"].pct) == (6, 50, 33)
    assert pb.cells["neither"].pct == 17  # 1/6 = 16.67


async def test_headline_breakdowns_and_completion(store, settings, flows):
    responses = [
        consultation({"one_service": "agree"}, mode="paper", lang="pl"),
        consultation({"one_service": "agree"}, mode="peer_assisted", completed=False),
        consultation({"one_service": "agree"}, group=None, area="peterborough"),
        consultation({"one_service": "agree"}),
    ]
    await write(store, flows, responses)
    report = await build(store, settings)
    head = report.table("headline").row("all")
    assert head.base.count == 4
    assert (head.cells["completed"].count, head.cells["completed"].pct) == (3, 75)
    modes = {
        r.key: (r.cells["responses"].count, r.cells["responses"].pct)
        for r in report.table("by_mode").rows
    }
    assert modes == {"own_device": (2, 50), "peer_assisted": (1, 25), "paper": (1, 25)}
    groups = {r.label: r.cells["responses"].count for r in report.table("by_respondent_group").rows}
    assert groups == {"People who use services": 3, "Not stated": 1}
    langs = {r.key: r.cells["responses"].pct for r in report.table("by_lang").rows}
    assert langs == {"en": 75, "pl": 25}


async def test_journey_open_questions_needs_and_themes(store, settings, flows):
    def feedback(answers, area, meta=None):
        return Response(
            "service_feedback",
            MONDAY,
            answers,
            area=area,
            respondent_group="service_user",
            meta=meta or {},
        )

    responses = [
        feedback(
            {"referral_satisfaction": "very_satisfied", "gaps": "I waited weeks for a script"},
            "cambridgeshire",
        ),
        feedback(
            {"referral_satisfaction": "satisfied", "gaps": "Nobody called me back"},
            "cambridgeshire",
        ),
        feedback({"referral_satisfaction": "dissatisfied"}, "peterborough"),
        feedback(
            {
                "referral_satisfaction": "prefer_not_to_say",
                "additional_needs": ["housing", "mental_health"],
            },
            "peterborough",
        ),
        feedback({"additional_needs": ["none"], "gaps": "It was fine"}, "peterborough"),
    ]
    await write(store, flows, responses)
    report = await build(store, settings)
    journey = report.table("journey")
    # Referral: n=3 (prefer-not-to-say left out): 2 satisfied = 67%, 1 dissatisfied = 33%.
    allr = journey.row("all", "referral")
    assert (allr.base.count, allr.cells["top_two"].pct, allr.cells["bottom_two"].pct) == (3, 67, 33)
    assert journey.row("cambridgeshire", "referral").cells["top_two"].pct == 100
    assert journey.row("peterborough", "referral").cells["bottom_two"].pct == 100
    # "gaps" answered by 3 of the 5 respondents to the survey.
    gaps = report.table("open").row("service_feedback:gaps")
    assert (gaps.base.count, gaps.cells["answered"].count, gaps.cells["answered"].pct) == (5, 3, 60)
    needs = report.table("multi:service_feedback:additional_needs")
    assert needs.row("housing").cells["count"].pct == 50  # 1 of the 2 who answered
    assert needs.row("none").cells["count"].pct == 50
    themes = report.table("themes")
    # 3 people commented; waiting times 1 (33%), communication 1 (33%), praise 0.
    assert themes.row("waiting_times").base.count == 3
    assert themes.row("waiting_times").cells["respondents"].pct == 33
    assert themes.row("communication").cells["respondents"].pct == 33
    assert themes.row("praise").cells["respondents"].pct == 0


async def test_answers_from_the_previous_week_only_count_as_last_period(store, settings, flows):
    last_week = datetime(2026, 11, 12, 9, tzinfo=UTC)
    await write(
        store,
        flows,
        [consultation({"one_service": "agree"})]
        + [Response("consultation", last_week, {"one_service": "disagree"}) for _ in range(3)],
    )
    report = await build_public(
        store, settings.model_copy(update={"suppression_threshold": 1}), WEEK
    )
    head = report.table("headline").row("all").base
    assert (head.count, head.prev, head.change) == (1, 3, -2)
    top = report.table("likert:consultation:one_service").row("all").cells["top_two"]
    assert (top.pct, top.prev, top.change) == (100, 0, 100)


async def test_risk_flagged_comments_are_counted_and_never_quoted(store, settings, flows):
    risky = "I waited so long I feel there is no point living"
    safe = "I waited two months for an appointment"
    responses = [
        consultation({"anything_else": risky}, meta={"anything_else": AnswerMeta("en", 0.9, True)})
    ] + [consultation({"anything_else": safe}) for _ in range(5)]
    await write(store, flows, responses)
    report = await build(store, settings, threshold=1)
    assert report.table("risk").rows[0].cells["respondents"].count == 1
    quotes = [q.text for q in report.quotes]
    assert safe in quotes
    assert risky not in quotes
