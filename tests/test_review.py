"""Theme review one comment at a time: waiting comments, progress, reviews replacing tags."""

from __future__ import annotations

import pytest

from bot.conversation import Choose, Reply
from bot.report.queries import ReportQueries
from bot.report.themes import load_codebook
from bot.review import ThemeReview
from bot.roles import audit_log
from bot.service import CONSENT_AGREE, Conversations
from bot.store import Store


async def comment(tiny: Conversations, key: str, story: str) -> None:
    await tiny.start(key, "telegram")
    await tiny.handle(key, "telegram", Choose(CONSENT_AGREE))
    await tiny.handle(key, "telegram", Choose("service_user"))
    await tiny.handle(key, "telegram", Reply(story))


async def test_review_walks_waiting_comments_with_progress_and_saves(
    tiny: Conversations, store: Store
) -> None:
    codebook = load_codebook(tiny.settings.flows_dir)
    await comment(tiny, "te_a", "I could not find housing, call me on 07700 900123")
    await comment(tiny, "te_b", "Lovely people")
    await comment(tiny, "te_c", "The wait was far too long")
    review = ThemeReview(store, codebook)

    first = await review.next()
    assert first is not None
    assert (first.number, first.total, first.waiting) == (1, 3, 3)
    assert "[phone]" in first.text and "07700" not in first.text
    assert "housing" in first.auto

    second = await review.next(after=first.answer_id)
    assert second is not None and second.number == 2
    assert await review.confirm(second.answer_id, ["staff_caseloads"], "te_staff") is True

    third = await review.next(after=second.answer_id)
    assert third is not None and (third.number, third.waiting) == (3, 2)
    # Past the last one, skipped comments come round again.
    again = await review.next(after=third.answer_id)
    assert again is not None and again.answer_id == first.answer_id

    assert await review.confirm(first.answer_id, [], "te_staff") is True
    assert await review.confirm(third.answer_id, ["waiting_times"], "te_staff") is True
    assert await review.next() is None
    listed = {row[0]: row[3] for row in await ReportQueries(store).comments(review.period)}
    assert listed[first.answer_id] == [] and listed[second.answer_id] == ["staff_caseloads"]
    assert [e.action for e in await audit_log(store)].count("review") == 3


async def test_unknown_theme_and_unknown_comment_are_refused(
    tiny: Conversations, store: Store
) -> None:
    review = ThemeReview(store, load_codebook(tiny.settings.flows_dir))
    with pytest.raises(ValueError, match="unknown theme"):
        await review.confirm(1, ["not_a_theme"], "te_staff")
    assert await review.confirm(999, ["staff_caseloads"], "te_staff") is False


async def test_a_review_tap_tags_nothing_and_holds_no_writer_while_respondents_answer(
    tiny: Conversations, store: Store
) -> None:
    """Issue 18 item 14: each tap re-tagged every comment, on the connection all answers use.

    A tap now reads one comment (suggesting its themes in memory) on the store's read
    connection: it writes nothing, and a respondent's write goes ahead while a staff
    read is open.
    """
    codebook = load_codebook(tiny.settings.flows_dir)
    for i in range(30):
        await comment(tiny, f"te_{i}", f"I could not find housing, story {i}")
    item = await ThemeReview(store, codebook).next()
    assert item is not None and "housing" in item.auto and item.total == 30
    async with store.db.execute("SELECT count(*) FROM answer_tagging") as cur:
        assert (await cur.fetchone())[0] == 0  # nothing re-tagged for one tap
    # The staff read runs on its own connection: not the writer's.
    await store.staff_read("SELECT 1")
    assert store._staff is not None and store._staff is not store.db
