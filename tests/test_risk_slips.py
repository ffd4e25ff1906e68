"""A risk word typed with one slip of the thumb (``bot.risk_slips``), both ways.

Every line is written for this test, none taken from a corpus.  A tired person on a phone
swaps two letters, drops or adds one, hits the key next to it, or types one vowel for
another: the disclosure must still be read, in every language whose common words we know.
And the slip must never make a word of the language into a risk word: "went" is not
"want", "przy..." (Polish for "at") is not "parzy" (burns), "pasikalbėti" (to talk) is no
"pasikarti" (to hang oneself), Arabizi "ba2et" is no "beat".
"""

from __future__ import annotations

import pytest

from bot.risk_rules import builtin
from bot.risk_slips import Slips, slip
from bot.safety import RiskScreen, load_builtin, merge, normalise


@pytest.fixture(scope="module")
def rules() -> RiskScreen:
    return RiskScreen(merge(load_builtin(), {}), builtin(normalise))


def _rule_hits(rules: RiskScreen, text: str) -> list[str]:
    """What the concept rules fired (not the phrase lists, not the model)."""
    return [h.phrase for h in rules.hits(text) if "rule " in h.phrase]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # English: two letters swapped, in the wish and in "myself"; in a borrowed word.
        ("honestly i just wnat to die tonight", "wnat(want)"),
        ("been thinking about killing mysefl again", "mysefl("),
        ("took an ovredose of my pills last night", "ovredose("),
        # English: the key next to the one meant.
        ("i wamt to die", "wamt(want)"),
        # Polish: the key next to "b" (zanić for zabić); two letters swapped (umrezć).
        ("już nie daję rady, chcę się zanić", "zanic(zabic)"),
        ("nie chcę już tak, chcę umrezć", "umrezc(umrzec)"),
        # Russian, Cyrillic: a letter dropped (умерть), two swapped (убтиь).
        ("я хочу умерть", "umert(umeret)"),
        ("хочу убтиь себя", "ubti(ubit)"),
        # Portuguese and Romanian: two vowels swapped in the wish.
        ("eu qeuro morrer", "qeuro(quero)"),
        ("vraeu sa mor", "vraeu(vreau)"),
        # Latvian: two letters swapped in "die".
        ("gribu nomrit", "nomrit(nomirt)"),
    ],
)
def test_a_risk_word_typed_with_one_slip_is_read_and_shown_as_meant(
    rules: RiskScreen, text: str, read: str
) -> None:
    """The hit names the word as typed and as read, for staff (``risk-check``)."""
    hits = _rule_hits(rules, text)
    assert any(read in hit for hit in hits), hits


@pytest.mark.parametrize(
    "text",
    [
        # Common words one slip from a risk word: each is a word, not a slip.
        "i went to the group and it was fine",
        "the hole in the wall was fixed at last",
        "przyjdę jutro na grupę, przybiłem już półkę",
        "передзвоните мне завтра, пожалуйста",
        "noriu pasikalbėti su darbuotoju apie grupę",
        "rapei a barba hoje de manhã",
        # Arabizi with an emoji: its spellings are never read as slips.
        "ma ba2et fi el beit 😂 ra7 ejeeb akl",
        # Short words are never read through a slip ("dei" is Portuguese).
        "dei o livro ao meu irmão",
    ],
)
def test_a_common_word_is_never_read_as_a_slipped_risk_word(rules: RiskScreen, text: str) -> None:
    assert _rule_hits(rules, text) == []


@pytest.mark.parametrize(
    ("typed", "meant", "expected"),
    [
        ("wnat", "want", True),  # swapped
        ("wamt", "want", True),  # m is next to n
        ("wabt", "want", True),  # b is next to n
        ("wxnt", "want", False),  # x is far from a, and "want" is too short for more
        ("nwat", "want", False),  # the first letter is kept
        ("umzec", "umrzec", True),  # dropped
        ("dei", "die", False),  # three letters: too short for any slip
        ("umiret", "umeret", True),  # one vowel for another
        ("umeset", "umeret", False),  # a consonant for another, far on the keyboard
        ("baet", "beat", False),  # two vowels swapped in a short word
    ],
)
def test_what_counts_as_one_slip(typed: str, meant: str, expected: bool) -> None:
    assert slip(typed, meant) is expected


def test_a_listed_common_word_is_no_slip_and_its_beginning_no_stem() -> None:
    slips = Slips(
        [("want", False, "en", "WISH"), ("pasikar", True, "lt", "SUICIDE")],
        ["wabt", "pasikal*"],
    )
    assert slips.read("wnat")[1] == (("en", "WISH"),)
    assert slips.read("wabt") == ("", ())
    assert slips.read("pasikalba") == ("", ())
    assert slips.read("psaikarsi")[1] == (("lt", "SUICIDE"),)


def test_a_stem_is_read_through_a_slip_only_with_a_short_ending() -> None:
    """A slip at the start of a long word begins another word ("peredz|voniv")."""
    slips = Slips([("peredoz", True, "ru", "OD")], [])
    assert slips.read("peredzom")[1] == (("ru", "OD"),)
    assert slips.read("peredzvoniv") == ("", ())


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # The space bar missed: risk words of one language run together.
        ("i want tokillmyself", {"kil", "myself"}),
        ("niechcężyć już", {"chce", "zyc"}),
        ("хочуумереть", {"hoch", "umeret"}),
        ("negribudzivot vairs", {"ne", "gribu", "dzivot"}),
    ],
)
def test_risk_words_run_together_are_read_apart(
    rules: RiskScreen, text: str, words: set[str]
) -> None:
    hits = _rule_hits(rules, text)
    assert any(all(w in hit for w in words) for hit in hits), hits


@pytest.mark.parametrize(
    "text",
    [
        # Words of a language that hold risk words of another: never split.
        "zindagi mushkil hai lekin chal rahi hai",  # "mu|sh|kil": no word of two letters
        "rzuciłem palenie w zeszłym roku",  # "pale|nie": a negation never ends a word
        "darbdavys sako kad aplankys mamą",  # "aplankys" (will visit) is a common word
        "нехочу идти на группу завтра",  # a negation read apart, and nothing at risk
    ],
)
def test_a_word_that_only_looks_run_together_is_not_split(rules: RiskScreen, text: str) -> None:
    assert _rule_hits(rules, text) == []
