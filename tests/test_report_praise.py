"""What people appreciated: praise in the staff summary, chosen with the care quotes get."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.report.export import build_public, export_files, praise_text, weekly_summary_text
from bot.report.period import parse_week
from bot.report.synth import Response, write
from bot.store import AnswerMeta

WEEK = parse_week("2026-W47")
MOMENT = datetime(2026, 11, 17, 9, tzinfo=UTC)
THANKS = [
    "Thank you, the service saved my life.",
    "Brilliant, thank you so much.",
    "I am so grateful, it really helped.",
    "Amazing, I feel better every week.",
    "You were so kind to me when I was low.",
    "Fantastic, I feel better.",
    "Excellent, thank you for everything.",
]


def comment(text: str, *, risk: bool = False, site: str | None = None) -> Response:
    meta = {"anything_else": AnswerMeta(detected_lang="en", lang_prob=0.9, risk_flag=risk)}
    return Response("consultation", MOMENT, {"anything_else": text}, meta=meta, site=site)


async def test_the_summary_passes_on_up_to_five_praise_comments(store, settings, flows, tmp_path):
    """Seven people thanked the service: five comments are passed on, not three (as quotes)."""
    await write(store, flows, [comment(text) for text in THANKS])
    summary = await weekly_summary_text(store, settings, WEEK)
    assert "*What people appreciated*" in summary
    section = summary.split("*What people appreciated*")[1].split("\n\n")[0]
    quoted = [line for line in section.splitlines() if line.startswith("- “")]
    assert len(quoted) == 5
    assert all(any(text in line for text in THANKS) for line in quoted)
    files = await export_files(store, settings, WEEK, formats=["md"], out_dir=tmp_path)
    assert "*What people appreciated*" in files[0].read_text(encoding="utf-8")


async def test_never_a_risk_flagged_comment_nor_one_that_names_someone(store, settings, flows):
    crowd = [comment(text) for text in THANKS[:5]]
    crowd.append(
        comment("Thank you all, but some days I feel there is no point living.", risk=True)
    )
    crowd.append(comment("Thank you to my keyworker Sarah Jones for everything."))
    await write(store, flows, crowd)
    praise = [q.text for q in (await build_public(store, settings, WEEK)).praise]
    assert len(praise) == 5
    assert not any("no point living" in t or "Sarah" in t for t in praise)


async def test_no_praise_from_a_theme_raised_by_fewer_than_the_threshold(store, settings, flows):
    await write(store, flows, [comment(text) for text in THANKS[:4]])  # threshold 5
    report = await build_public(store, settings, WEEK)
    assert report.praise == []
    assert "What people appreciated" not in await weekly_summary_text(store, settings, WEEK)
    assert await praise_text(store, settings, WEEK) is None


async def test_a_sites_praise_is_its_own(store, settings, flows):
    here, there = settings.sites[0], settings.sites[1]
    crowd = [comment(text, site=here.id) for text in THANKS[:7]]
    crowd += [
        comment("Lovely people at the other hub, thank you.", site=there.id) for _ in range(6)
    ]
    await write(store, flows, crowd)
    text = await praise_text(store, settings, WEEK, site=here.id)
    assert text is not None and here.name["en"] in text
    assert "other hub" not in text
    assert text.count("“") == 5


WISBECH = (
    "Thank you so much to everyone at the Wisbech hub, you were so kind and patient with"
    " me every single week, it really helped."
)
AS_A_GP = (
    "As a GP referring patients here I want to say thank you, the team are brilliant and"
    " my patients always come back grateful."
)


ONLY_ONE = (
    "Thank you to the whole team for being so kind and so patient with me, you really helped"
    " me turn things around this year."
)


async def test_no_quote_from_a_group_too_small_to_show(store, settings, flows, tmp_path):
    """One person at Wisbech (its count hidden) and the only professional who answered:
    their comments were quoted, and posted as praise, naming the site and the role a
    hidden count of 1 stands for.  Comments from a group the breakdowns hide are never
    quoted; from a group big enough to show, they are."""
    here = settings.sites[0].id
    crowd = [comment(text, site=here) for text in THANKS]
    crowd.append(comment(WISBECH, site="wisbech_hub"))
    gp = comment(AS_A_GP, site=here)
    gp.respondent_group = "other_professional"
    crowd.append(gp)
    # The one person who answered the other survey (its count hidden in "Survey").
    meta = {"fft_why": AnswerMeta(detected_lang="en", lang_prob=0.9, risk_flag=False)}
    crowd.append(Response("service_feedback", MOMENT, {"fft_why": ONLY_ONE}, meta=meta, site=here))
    await write(store, flows, crowd)
    report = await build_public(store, settings, WEEK)
    said = [q.text for q in report.quotes] + [q.text for q in report.praise]
    assert said and not any(WISBECH in t or AS_A_GP in t or ONLY_ONE in t for t in said)
    files = await export_files(store, settings, WEEK, formats=["json", "md"], out_dir=tmp_path)
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "Wisbech hub, you were" not in text and "As a GP" not in text


async def test_a_comment_from_a_group_big_enough_to_show_is_still_quoted(store, settings, flows):
    here = settings.sites[0].id
    crowd = [comment(text, site=here) for text in THANKS]
    crowd.append(comment(WISBECH, site="wisbech_hub"))
    crowd += [comment(text, site="wisbech_hub") for text in THANKS[:4]]  # five at Wisbech
    await write(store, flows, crowd)
    assert any(WISBECH in q.text for q in (await build_public(store, settings, WEEK)).praise)


PRISON = (
    "Thank you so much for listening to me every single week, you kept me going and I am"
    " so grateful to all of you for it."
)


async def test_no_quote_from_an_open_question_answered_by_too_few(store, settings, flows):
    """The prison question, answered by one person (its count hidden in the open
    questions' table): their praise was quoted, saying someone answered it, in their
    words (which often say which question they answer)."""
    crowd = [comment(text) for text in THANKS]
    meta = {"prison_service_why": AnswerMeta(detected_lang="en", lang_prob=0.9, risk_flag=False)}
    crowd.append(Response("consultation", MOMENT, {"prison_service_why": PRISON}, meta=meta))
    await write(store, flows, crowd)
    report = await build_public(store, settings, WEEK)
    said = [q.text for q in report.quotes] + [q.text for q in report.praise]
    assert said and not any(PRISON in t for t in said)
