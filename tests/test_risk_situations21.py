"""Risk told as a situation with no risk word (issue 12, wave 21): the rules alone.

The lead's blind batch 11 missed people who described where they were or what was
happening rather than naming it: on a bridge looking down at the water, an ex waiting
outside the centre, a dose taken twice and now nodding off, someone snoring behind a
locked toilet door, a passport held by the in-laws. Dev set 21 (tests/data/risk_dev21)
was written for these kinds before the rules; these lines are fresh wordings of the same
kinds, so that a rule and not one sentence is what is tested. What fires must be a named
rule or phrase a staff member can read; the near-misses beside them must stay quiet.
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
        # A place to fall from, told as where the person is.
        ("im up on the car park roof looking down at the road below", "suicide"),
        ("stoję na krawędzi dachu, nogi za barierką", "suicide"),
        ("стою на мосту, смотрю вниз на реку", "suicide"),
        ("estou na beira da ponte a olhar lá em baixo para a água", "suicide"),
        ("stau pe marginea podului și mă uit în jos la apă", "suicide"),
        ("vėl stoviu ant tilto krašto ir žiūriu žemyn", "suicide"),
        ("atkal stāvu uz tilta malas un skatos lejā ūdenī", "suicide"),
        ("buundada cirifkeeda ayaan taaganahay, hoos ayaan u eegayaa", "suicide"),
        # Arrangements and farewells.
        ("i gave the dog to my sister and my tools to my mate, everything's sorted now", "suicide"),
        ("dziękuję wam za wszystko, przepraszam, wyłączyłam telefon", "suicide"),
        ("я выбрал день, никто не будет искать", "suicide"),
        ("lasei a carta e as chaves em cima da cama", "suicide"),
        # A dose twice, nodding off; a locked toilet; grey and not responding.
        ("had my script then took my mates as well and now im nodding off", "overdose"),
        ("wziąłem dwa razy dawkę i oczy mi się zamykają", "overdose"),
        ("он в туалете уже час, слышно хрип, не открывает", "overdose"),
        ("a minha irmã está na casa de banho, ouço-a a ressonar e não abre", "overdose"),
        ("mama e în baie de mult, se aude horcăit și nu răspunde", "overdose"),
        ("draugas gulėjo pilkas ir nereaguoja", "overdose"),
        # Control and stalking with no violence word.
        ("my ex was waiting outside the door again so i turned around and left", "abuse"),
        ("były stał pod drzwiami ośrodka, więc zawróciłam", "abuse"),
        ("бывший ждал у входа, я развернулась и ушла домой", "abuse"),
        ("soțul îmi ia cardul în fiecare lună și trebuie să cer voie", "abuse"),
        ("vīramāte tur manu pasi un neļauj iziet", "abuse"),
        ("mano sūnus liko su tėvu, o tas apsinešęs", "abuse"),
        ("wuxuu yiri haddii aan booliska u tago walaashay wax baa ku dhici doona", "abuse"),
        # Later in the wave: a child at home with a parent using, a goodbye text and everything
        # switched off, all planned for a day with letters written, lips going purple.
        ("my 6 year old is home with my partner and he's been smoking crack all day", "abuse"),
        ("copiii sunt acasă cu tatăl lor care fumează crack de dimineață", "abuse"),
        ("sent my sister a goodbye text and switched everything off", "suicide"),
        ("totul e plănuit pentru vineri, am scris scrisori tuturor", "suicide"),
        ("os lábios dela estão a ficar roxos e não a consigo reanimar", "overdose"),
        ("took like 💊💊💊 the whole pack, feeling weird", "overdose"),
    ],
)
def test_a_situation_with_no_risk_word_fires_a_named_rule(
    rules: RiskScreen, text: str, category: str
) -> None:
    hits = rules.hits(text)
    assert category in {h.category for h in hits}, hits
    assert all(h.lang != "model" for h in hits)


@pytest.mark.parametrize(
    "text",
    [
        "we walked along the cliff path and looked at the view of the sea, lovely day",
        "staliśmy na peronie, pociąg się spóźnił",
        "с моста красивый вид на реку",
        "o meu ex espera à porta da escola pelos miúdos, correu bem",
        "my partner waits outside for me after group and we walk home",
        "the pharmacy gave me my dose twice by mistake so i handed one back",
        "the toilet on the first floor is locked again, out of order",
        "my son locks himself in the bathroom every morning doing his hair",
        "renewing my passport, my worker helped with the form",
        "dad held my passport while i went on the ride",
        "my brother threatened to beat me at chess again",
        "we picked a date for my detox, the 14th",
        "lips go blue when i swim in the sea in winter",
        "my mum keeps my bank card, i asked her to so i dont spend it on drink",
        "i gave my old clothes to the charity shop before moving",
        "my lips went purple after the ice lolly",
        "my son burnt his arm on the oven, we went to a&e and hes fine",
        "dei as minhas coisas velhas à igreja, a casa nova é mais pequena",
        "atidaviau senus daiktus bažnyčiai, naujas butas mažesnis",
        "муж спит как убитый, не могу разбудить на работу",
    ],
)
def test_the_same_places_in_everyday_talk_stay_quiet(rules: RiskScreen, text: str) -> None:
    assert rules.hits(text) == []
