"""Risk in Arabic, Urdu, Punjabi, Gujarati and Bengali as people type it in their own script
(issue 12, wave 19, helper risk2).

Blind batches showed the screen weaker in native script than romanised: words listed only in
Latin letters, no feminine or conjunction forms ("بتحبسني", "وبيقتلني"), situations with no
risk word (a prayer to be taken, hanging from a ceiling fan, kept in and the passport held).
And some everyday sentences fired: "jab main choti thi" (when I was little) read as a
touching verb, "bachon ko chhutti hai" (the kids are on holiday) likewise, and Arabizi words
whose consonants matched a risk word ("7elo", nice, as "myself"; "abouy", my father, as
"burden"). Rules alone (no model), fresh wordings, so that what fires is the rule staff see.
"""

from __future__ import annotations

import pytest

from bot.risk_rules import builtin
from bot.safety import RiskScreen, load_builtin, merge, normalise


@pytest.fixture(scope="module")
def rules() -> RiskScreen:
    return RiskScreen(merge(load_builtin(), {}), builtin(normalise))


DISCLOSURES = [
    ("suicide", "اللہ سے دعا کرتی ہوں کہ مجھے اٹھا لے"),
    ("suicide", "میں نے سوچ لیا ہے، پنکھے سے لٹک جاؤں گی"),
    ("suicide", "ਰੱਬ ਅੱਗੇ ਅਰਦਾਸ ਕਰਦੀ ਹਾਂ ਕਿ ਮੈਨੂੰ ਚੁੱਕ ਲਵੇ"),
    ("suicide", "રોજ ભગવાનને કહું છું કે મને ઉઠાવી લે"),
    ("suicide", "আল্লাহর কাছে বলি আমাকে তুলে নাও"),
    ("suicide", "ফ্যানে ঝুলে পড়ব ভাবছি"),
    ("abuse", "قافل علي الباب من امبارح وآخد تلفوني"),
    ("abuse", "ساس مجھے گھر سے باہر نہیں جانے دیتی اور میرا پاسپورٹ رکھا ہوا ہے"),
    # A river is a place to jump from in Bengali too (romanised, three words: the model no
    # longer reads a text this short without a risk word, so the rule must).
    ("suicide", "nodite jhap debo"),
    ("suicide", "নদীতে ঝাঁপ দেবো ভাবছি"),
]


@pytest.mark.parametrize(("category", "text"), DISCLOSURES)
def test_a_disclosure_in_native_script_is_signposted(
    rules: RiskScreen, category: str, text: str
) -> None:
    """A prayer to be taken, a fan to hang from, locked in, kept in with the passport held:
    each signposted in its own script, with the category that picks the advice."""
    assert category in rules.categories(text), [str(h) for h in rules.hits(text)]


EVERYDAY = [
    "jab main choti thi to mujhe kahaniyan sunna pasand tha",
    "جب میں چھوٹی تھی امی مجھے روز اسکول چھوڑنے جاتی تھیں",
    "bachon ko chhutti hai is liye group nahi aa saki",
    "wallah el staff ktir 7elo w mnee7in",
    "abouy sa3adni ktir bel mawa3id",
    "بدي شوف ستي قبل ما تموت، هي بالمستشفى",
    "یہ پریزنٹیشن دوبارہ دیکھنے سے بہتر ہے مر جاؤں ہاہا",
    "આ મીટિંગ ફરી કરવા કરતાં મરી જવું સારું હાહા",
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_talk_in_these_languages_stays_quiet(rules: RiskScreen, text: str) -> None:
    """Childhood, the kids' holiday, a kind team, seeing grandma before she dies, a joke
    with a laugh typed in the script: no alert."""
    assert rules.hits(text) == [], [str(h) for h in rules.hits(text)]
