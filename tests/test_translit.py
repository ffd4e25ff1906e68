"""Indic scripts folded to Latin for matching (bot/translit.py), and what it changes for risk."""

from __future__ import annotations

import pytest

from bot.safety import RiskScreen, normalise, other_scripts
from bot.translit import fold


@pytest.mark.parametrize(
    ("native", "latin"),
    [
        ("મરવું", "marvu"),  # schwa deleted between syllables, final nasal dropped
        ("જીવવું", "jivvu"),
        ("આત્મહત્યા", "atmahatya"),  # virama: no vowel after t
        ("જાનથી મારી નાખીશ", "janthi mari nakhish"),
        ("ক্যারেয", "kyarej"),
        ("নিজেকে শেষ করে", "nijeke shesh kore"),  # Bengali inherent "o"
        ("ঘুমিয়ে", "ghumiye"),  # nukta: য় = y
        ("ਮਰਨਾ ਚਾਹੁੰਦਾ", "marna chahunda"),  # tippi inside a word = n
        ("ਖ਼ੁਦਕੁਸ਼ੀ", "khudkushi"),  # nukta letters: ਖ਼ ਸ਼
        ("ज़िंदगी नहीं", "zindagi nahi"),
        ("hello ٧ 123", "hello ٧ 123"),  # other scripts and digits untouched
    ],
)
def test_fold_spells_words_as_people_romanise_them(native: str, latin: str) -> None:
    assert fold(native) == latin


@pytest.mark.parametrize(
    ("native", "romanised"),
    [
        ("મરી જવું છે", "mari javu che"),
        ("ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦਾ", "main marna chahunda"),
        ("আমি মরে যেতে চাই", "ami more jete chai"),
    ],
)
def test_native_and_romanised_normalise_alike(native: str, romanised: str) -> None:
    """One word list serves both spellings: the concept rules see the same words."""
    assert normalise(fold(native)).replace("main", "mai") == normalise(romanised).replace(
        "main", "mai"
    )


@pytest.mark.parametrize(
    "text",
    [
        # Gujarati script, written with words the lexicon had only romanised.
        "બસ મન થાય છે કે એક રાત સૂઈ જાઉં અને સવારે ક્યારેય ન જાગું",
        "એક કલાક પહેલા મમ્મીની ટ્રામાડોલની આખી પટ્ટી ખાઈ ગયો, બહુ ઊંઘ આવે છે",
    ],
)
def test_gujarati_script_is_read_with_romanised_words(screen: RiskScreen, text: str) -> None:
    assert screen.at_risk(text), text


def test_other_indic_lexicons_do_not_read_a_script_not_theirs(screen: RiskScreen) -> None:
    """Folded Gujarati "આત્મહત્યા" is spelt like Bengali's romanised word, but only
    Gujarati knows "નિવારણ" (prevention) makes it a talk about a play."""
    assert other_scripts("આત્મહત્યા નિવારણ") == frozenset({"bn", "pa"})
    assert other_scripts("plain latin") == frozenset()
    assert not screen.at_risk("આત્મહત્યા નિવારણ વિશે નાટક જોયું, સારું લાગ્યું")


def test_latin_words_beside_another_script_are_read_by_every_lexicon(screen: RiskScreen) -> None:
    """Romanised Bengali after a Gujarati word keeps its Bengali reading: only a message
    wholly in one Indic script is kept from the other Indic lexicons."""
    assert other_scripts("નમસ્તે ami ar bachte chai na") == frozenset()
    assert screen.at_risk("નમસ્તે ami ar bachte chai na")
