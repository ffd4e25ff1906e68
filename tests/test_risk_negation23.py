"""Negation read the same way in every language (``bot.risk_negation``): "not safe" at home,
with him, for the children, is a danger told now, whatever the word order or script."""

from __future__ import annotations

import pytest

from bot.safety import RiskScreen


@pytest.mark.parametrize(
    "text",
    [
        "I don't feel safe at home anymore",
        "my kids aren't safe with him",
        "nie jestem bezpieczna w domu",
        "я не в безопасности дома",
        "não estou segura em casa",
        "nu mă simt în siguranță acasă",
        "aš nesu saugi namuose",  # "nesu": the negation fused with "to be"
        "es neesmu drošībā mājās",
        "mājās nav droši, vīrs dzer",
        "میں گھر میں محفوظ نہیں ہوں",  # Urdu: the negation after the word
        "ghar mein ghair mehfooz hoon",
        "ਮੈਂ ਘਰ ਵਿੱਚ ਸੁਰੱਖਿਅਤ ਨਹੀਂ ਹਾਂ",
        "હું ઘરમાં સુરક્ષિત નથી",
        "আমি বাড়িতে নিরাপদ না",
        "ami barite nirapod na",
        "ما بحس حالي بامان بالبيت",
        "guriga ammaan kuma ihi",
        # The two regressions: after "used to hit", and a wish to die in Portuguese.
        "ਮੇਰਾ ਪਤੀ ਪਹਿਲਾਂ ਵੀ ਮਾਰਦਾ ਸੀ, ਮੈਂ ਘਰ ਵਿੱਚ ਸੁਰੱਖਿਅਤ ਨਹੀਂ ਹਾਂ",
        "maro pati pahela pan marto hato, hu ghar ma surakshit nathi",
    ],
)
def test_not_safe_at_home_gets_the_abuse_helplines(screen: RiskScreen, text: str) -> None:
    assert "abuse" in screen.categories(text), screen.vetoes_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "tinha parado de me cortar mas nenhum dia passa sem eu querer morrer",
        "não passa um dia sem querer morrer",
    ],
)
def test_a_wish_to_die_in_the_infinitive_is_filed_as_suicide(screen: RiskScreen, text: str) -> None:
    assert "suicide" in screen.categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "the kids are left alone all night, they're not safe",
        "dzieci są same w domu całą noc, nie są bezpieczne",
        "bachche raat bhar akele rehte hain, mehfooz nahi",
    ],
)
def test_not_safe_no_longer_guards_a_child_left_alone(screen: RiskScreen, text: str) -> None:
    assert "abuse" in screen.categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # Negated twice: safe.
        "I never felt unsafe at home",
        "nigdy nie było w domu niebezpiecznie",
        # A "no" of another clause or another thing.
        "he's moved out and we're safe now, no contact",
        "I feel safe at home now, no problems",
        # "I'm not sure" in Romanian is "not safe" word for word: a phrase of its own.
        "nu sunt sigură dacă vin acasă",
        # A two-letter word that is "not" in another language: Gujarati "ma" (in), which is
        # Somali and Arabizi "not"; Portuguese "na" (in the), Urdu "not".
        "chhokrao nani paase che jyaa sudhi hu rehab ma chu, e surakshit che",
        "os miudos estao com a avo enquanto estou na reabilitacao, estao seguros e felizes",
    ],
)
def test_safe_said_safely_stays_quiet(screen: RiskScreen, text: str) -> None:
    assert screen.categories(text) == set(), screen.hits(text)
