"""The terminal channel: the language offer has its own keys, apart from option numbers."""

from __future__ import annotations

from collections.abc import Iterator

from bot.console import chat, parse
from bot.conversation import Choice, Choose, Prompt, Reply
from bot.service import Conversations


def scripted(lines: list[str]):
    feed: Iterator[str] = iter(lines)

    async def read(prompt: str) -> str | None:
        return next(feed, None)

    return read


async def test_offer_is_shown_and_taken_with_l_keys(conversations: Conversations):
    screens: list[str] = []
    lines = [
        "1",  # agree to the privacy notice
        "1",  # I use drug or alcohol services
        "2",  # Peterborough
        "2",  # Agree
        "Czekałem sześć tygodni na pierwszą wizytę i nikt nie oddzwonił.",
        "2",
        "Pani w recepcji była bardzo miła i wszystko mi wyjaśniła.",
        "l1",  # yes, carry on in Polish
        "1",
    ]
    await chat(
        conversations, flow_id="consultation", lang="en", read=scripted(lines), write=screens.append
    )
    offered = next(s for s in screens if "l1." in s)
    assert "  l1. Tak, język: Polski" in offered and "  l2. Nie, dziękuję" in offered
    assert "  1. Strongly agree" in offered, "the question keeps its own numbers"
    after = screens[screens.index(offered) + 1]
    assert "Powinna być osobna pomoc dla młodych dorosłych" in after
    assert "  1. Zdecydowanie się zgadzam" in after


def test_parse_keeps_numbers_for_the_question_and_l_keys_for_the_offer():
    def prompt(ids: list[str], step_id: str = "q") -> Prompt:
        return Prompt(
            step_id,
            "choice",
            "?",
            tuple(Choice(i, i) for i in ids),
            "",
            False,
            False,
            1,
            2,
            "1 of 2",
            "Skip",
            "Back",
        )

    question, offer = prompt(["a", "b"]), prompt(["lang:pl", "lang:en"], "_switch_language")
    assert parse("1", question, offer) == Choose("a")
    assert parse("L1", question, offer) == Choose("lang:pl")
    assert parse("l2", question, offer) == Choose("lang:en")
    assert parse("l3", question, offer) == Reply("l3")
    assert parse("l1", question, None) == Reply("l1")


async def test_every_key_at_the_privacy_notice_is_in_the_persons_language(
    conversations: Conversations,
):
    """Someone who chose Polish met "q = Stop for now" in English at the notice."""
    screens: list[str] = []
    await chat(
        conversations, flow_id="consultation", lang="pl", read=scripted(["1"]), write=screens.append
    )
    notice = next(s for s in screens if "Tak, zgadzam się" in s)
    assert "q = Zrób przerwę" in notice
    assert "Stop for now" not in "".join(screens)
