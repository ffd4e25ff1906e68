"""The codebook: validation with file:line, tagging in several languages, staff overrides."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.i18n import load_catalogue
from bot.report.aggregate import ReportBuilder
from bot.report.period import parse_week
from bot.report.queries import ReportQueries
from bot.report.suppress import publish
from bot.report.synth import Response, write
from bot.report.themes import load_codebook
from bot.sources import SourceErrors

ROOT = Path(__file__).resolve().parent.parent
WEEK = parse_week("2026-W47")


@pytest.mark.parametrize(
    ("text", "themes"),
    [
        ("I waited 6 weeks for my script", {"waiting_times", "prescribing_pharmacy"}),
        ("Czekałem bardzo długo na metadon", {"waiting_times", "prescribing_pharmacy"}),
        ("Am așteptat mult, nimeni nu mi-a spus nimic", {"waiting_times", "communication"}),
        ("A farmácia fica muito longe", {"prescribing_pharmacy", "access_travel"}),
        ("Никто не сказал мне о группе", {"group_work", "communication"}),
        (
            "They gave me naloxone when I was released from prison",
            {"harm_reduction", "prison_release"},
        ),
        ("business as usual", set()),
    ],
)
def test_comments_are_tagged_in_several_languages(text, themes):
    assert set(load_codebook(ROOT / "flows").tag(text)) == themes


@pytest.mark.parametrize(
    "text",
    [
        "The staff were brilliant, thank you all.",
        "Thanks to all the staff, you have been amazing",
        "Staff at the front desk were kind and made me a cup of tea.",
        "Personel był wspaniały, dziękuję wszystkim.",
        "Personalul a fost minunat, mulțumesc tuturor.",
        "Os funcionários foram fantásticos, obrigado a todos.",
        "Персонал был замечательный, спасибо всем.",
        "Darbuotojai buvo nuostabūs, ačiū visiems.",
        "Personāls bija lielisks, paldies visiem.",
        "عملہ بہت شاندار تھا، سب کا شکریہ۔",
        "ਸਟਾਫ਼ ਬਹੁਤ ਸ਼ਾਨਦਾਰ ਸੀ, ਸਭ ਦਾ ਧੰਨਵਾਦ।",
        "સ્ટાફ ખૂબ સરસ હતો, બધાનો આભાર.",
        "كان الطاقم رائعا، شكرا لكم جميعا.",
        "কর্মীরা অসাধারণ ছিলেন, সবাইকে ধন্যবাদ।",
        "Shaqaaluhu waa naxariis badan yihiin, mahadsanidiin.",
    ],
)
def test_thanking_the_staff_is_praise_not_a_staffing_concern(text):
    """'The staff were brilliant' named the staff to thank them: counted as 'Staff and
    caseloads' it made thanks a concern 'we are still working on'."""
    assert load_codebook(ROOT / "flows").tag(text) == ["praise"]


@pytest.mark.parametrize(
    "text",
    [
        "The staff weren't friendly at all.",
        "The staff were not helpful, I felt judged.",
        "My keyworker was lovely but she left and I had to start again.",
        "Lovely staff. Shame they are so short staffed.",
        "Personel nie był pomocny.",
        "Personalul e foarte amabil, dar de fiecare dată e altă persoană.",
        "Os funcionários não foram simpáticos.",
        "Сотрудники очень доброжелательные, но каждый раз новый человек.",
        "Personalas nebuvo malonus.",
        "Darbinieki nav laipni.",
        "اسٹاف بہت خوش اخلاق ہے، لیکن ہر بار نیا شخص ہوتا ہے۔",
        "الموظفون لم يكونوا لطفاء.",
        "স্টাফরা খুব আন্তরিক, কিন্তু প্রতিবার নতুন কেউ আসে।",
    ],
)
def test_staff_named_with_a_negation_or_a_second_clause_stay_a_concern(text):
    assert "staff_caseloads" in load_codebook(ROOT / "flows").tag(text)


def test_yields_to_must_name_a_theme(tmp_path):
    shutil.copy(ROOT / "flows" / "themes.yaml", tmp_path / "themes.yaml")
    path = tmp_path / "themes.yaml"
    path.write_text(path.read_text().replace("yields_to: [praise]", "yields_to: [prase]", 1))
    with pytest.raises(SourceErrors) as caught:
        load_codebook(tmp_path)
    assert "yields_to names themes that do not exist: prase" in str(caught.value)


def test_a_broken_codebook_names_file_line_and_field(tmp_path):
    shutil.copy(ROOT / "flows" / "themes.yaml", tmp_path / "themes.yaml")
    path = tmp_path / "themes.yaml"
    text = path.read_text().replace("en: ['\\bbus(es)?\\b']", "en: ['bus(es']", 1)
    path.write_text(text)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "bus(es'" in row)
    with pytest.raises(SourceErrors) as caught:
        load_codebook(tmp_path)
    message = str(caught.value)
    assert f"themes.yaml:{line}:" in message or f"themes.yaml:{line - 1}:" in message
    assert "not valid" in message


async def test_staff_review_replaces_automatic_tags_and_is_counted_as_reviewed(
    store, settings, flows
):
    moment = datetime(2026, 11, 17, 9, tzinfo=UTC)
    await write(
        store,
        flows,
        [Response("consultation", moment, {"anything_else": "I waited weeks"}) for _ in range(6)],
    )
    codebook = load_codebook(settings.flows_dir)
    s = settings.model_copy(update={"suppression_threshold": 1})
    builder = ReportBuilder(store, s, codebook, load_catalogue())
    themes = publish(await builder.build(WEEK)).table("themes")
    waiting = themes.row("waiting_times").cells
    assert (waiting["respondents"].count, waiting["auto"].count, waiting["reviewed"].count) == (
        6,
        6,
        0,
    )

    q = ReportQueries(store)
    comments = await q.comments(WEEK)
    assert all(auto == ["waiting_times"] and reviewed is None for _, _, auto, reviewed in comments)
    first, second = comments[0][0], comments[1][0]
    assert await q.set_review(first, ["housing"])  # staff read it differently
    assert await q.set_review(second, [])  # and found no theme in this one
    assert not await q.set_review(999_999, ["housing"])

    themes = publish(await builder.build(WEEK)).table("themes")
    waiting = themes.row("waiting_times").cells
    housing = themes.row("housing").cells
    assert (waiting["respondents"].count, waiting["auto"].count, waiting["reviewed"].count) == (
        4,
        4,
        0,
    )
    assert (housing["respondents"].count, housing["reviewed"].count) == (1, 1)

    assert await q.clear_review(first)
    themes = publish(await builder.build(WEEK)).table("themes")
    assert themes.row("waiting_times").cells["respondents"].count == 5


async def test_tags_and_reviews_go_when_the_answers_are_deleted(store, settings, flows):
    moment = datetime(2026, 11, 17, 9, tzinfo=UTC)
    await write(store, flows, [Response("consultation", moment, {"anything_else": "I waited"})])
    q = ReportQueries(store)
    await q.tag_comments(WEEK, load_codebook(settings.flows_dir))
    answer_id = (await q.comments(WEEK))[0][0]
    await q.set_review(answer_id, ["housing"])
    assert await store.delete_respondent("synthetic_0") == 1
    for table in ("answer_themes", "answer_tagging", "theme_reviews"):
        async with store.db.execute(f"SELECT count(*) FROM {table}") as cur:
            assert (await cur.fetchone())[0] == 0, table
