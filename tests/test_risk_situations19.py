"""Risk told in other forms of the same words (issue 12, wave 19): the rules alone.

Blind batch 10 showed the rules missing whole situations where the lexicons held one form
of a word and people wrote another: a Latvian infinitive ("gribēt", to want), a colour
("violets", purple, beside foam at the mouth), hair pulled out until it bleeds in Romanian,
"if I leave he takes the kids" in any language with those classes. These fresh wordings use
the rules alone, so that what fires is the rule a staff member would see named; the
near-misses beside them must stay quiet.
"""

from __future__ import annotations

import pytest

from bot.risk_rules import builtin
from bot.safety import RiskScreen, load_builtin, merge, normalise


@pytest.fixture(scope="module")
def rules() -> RiskScreen:
    return RiskScreen(merge(load_builtin(), {}), builtin(normalise))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("vina kluva violeta un no mutes nak putas, ko darit", "overdose"),
        ("dimineata imi smulg parul pana sangereaza", "self_harm"),
        ("if i leave him he says he'll take the kids and i'll never see them", "abuse"),
        ("agar main chhod ke gayi to woh bache chheen lega", "abuse"),
        ("chithi likh ke sirhane heth rakh ditti", "suicide"),
        ("want to d.i.e tonight", "suicide"),  # typed a letter at a time
        ("o-v-e-r-d-o-s-e tonight", "overdose"),
        ("the leaflet is no use to me, i want to kill myself", "suicide"),  # DOC lifted
        ("as vrea sa fiu mort, m-am saturat de tot", "suicide"),  # ro: another form of 'dead'
        ("gribu nomirt, esmu piegriezies dzivot", "suicide"),  # lv: fed up with living
    ],
)
def test_another_form_of_the_words_fires_a_named_rule(
    rules: RiskScreen, text: str, category: str
) -> None:
    hits = rules.hits(text)
    assert category in {h.category for h in hits}, hits
    assert all(h.phrase.startswith("rule ") or h.lang != "model" for h in hits)


@pytest.mark.parametrize(
    "text",
    [
        "mi-am vopsit parul mov si arata super",
        "vakar nopirku violetu kleitu meitai",
        "if i leave early can someone take the kids to the creche",
        "am smuls buruienile din gradina azi, m-am relaxat",
        "the leaflet about a man who wants to kill himself was well written",
        "я и в магазин сходил, все хорошо",  # one-letter Russian words stay words
        "sunt mort de oboseala azi, dar grupul a meritat",  # ro: dead tired
        "mais nada, ta tudo bem, obrigado",  # pt: nothing more, all fine
        "больше ничего, все нормально",  # ru: nothing more, all fine
    ],
)
def test_the_same_words_in_everyday_feedback_stay_quiet(rules: RiskScreen, text: str) -> None:
    assert rules.hits(text) == []


def test_a_message_of_single_letters_is_read_in_time(rules: RiskScreen) -> None:
    """Someone pasting a wall of spaced letters (or a bot flooding the chat) must not stall
    the screen: joining the letters is one pass, and the text only gets shorter."""
    import time

    text = "k i l l " * 5000 + "a b " * 5000
    start = time.perf_counter()
    normalise.cache_clear()
    assert len(normalise(text)) < len(text)
    rules.hits(text)
    assert time.perf_counter() - start < 1.0
