"""Two misses of wave 24 mended by prec25, in words written for this file (none from a corpus).

Never safe with him: a "not" reaches "safe" over English inversion ("never have I felt safe"),
over a reflexive with its auxiliary ("nu m-am simțit", I have not felt) and over "себя с ним"
(myself with him) put before the safety; a subject alone is a new clause ("nobody bothers me,
I feel safe at home" is safe).

A beating after a training, typed in Urdu, Punjabi or Bengali script: "hit" and "beat" are read
in those scripts, and the Urdu word for a training vetoes abuse only until a beating is told
(the lead's rule, 22:58); talk of suicide at a training stays quiet.
"""

from __future__ import annotations

import pytest

from bot.safety import RiskScreen

NEVER_SAFE = [
    "never have I felt safe in that house with him",
    "ни разу за эти годы я не чувствовала себя с ним в безопасности",
    "nu m-am simțit niciodată în siguranță cu el acasă",
    "Niciodată nu m-am simțit în siguranță lângă soțul meu",
]

AFTER_TRAINING = [
    "ٹریننگ سے واپس آئی تو شوہر نے مجھے مارا",
    "ਟ੍ਰੇਨਿੰਗ ਮਗਰੋਂ ਘਰ ਆਈ ਤਾਂ ਉਹਨੇ ਮੈਨੂੰ ਕੁੱਟਿਆ",
    "ট্রেনিং থেকে ফিরতেই স্বামী আমাকে মারল",
]


@pytest.fixture(scope="module")
def rules() -> RiskScreen:
    return RiskScreen.from_config({}, model=False)


@pytest.mark.parametrize("text", NEVER_SAFE + AFTER_TRAINING)
def test_never_safe_with_him_and_a_beating_after_training_get_the_abuse_helplines(
    rules: RiskScreen, screen: RiskScreen, text: str
) -> None:
    assert "abuse" in rules.categories(text), rules.vetoes_in(text)
    assert "abuse" in screen.categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "nobody bothers me, I feel safe at home",
        "he's never been anything but kind, I feel safe with him",
        "нет жалоб, я чувствую себя в безопасности дома",
        "я с ним дружу много лет, с ним мне спокойно",
        "nu am probleme, mă simt în siguranță acasă",
        "ٹریننگ میں خودکشی کے بارے میں بتایا گیا",
        "ٹریننگ میں گھریلو تشدد کے بارے میں بتایا گیا",
    ],
)
def test_safe_at_home_and_a_training_about_it_get_no_helplines(
    screen: RiskScreen, text: str
) -> None:
    assert screen.hits(text) == [], screen.hits(text)
