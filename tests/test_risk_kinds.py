"""Kinds of disclosure batch 5 missed (issue 12): farewells and preparation, methods in plain
words, self-harm in idioms, overdose by signs, counts and lost tolerance, coercive control,
forced marriage of a minor, dealers and children, children made to carry drugs.

The sentences here are new ones, written for these tests in other words than the corpora
(tests/data/risk_dev10 and the held-out sets) use, so that they check the kind, not a line.
"""

from __future__ import annotations

import pytest

from bench import risk_eval
from bot.safety import RiskScreen, normalise


@pytest.fixture(scope="module")
def screen() -> RiskScreen:
    return RiskScreen.from_config({}, model=False)  # the rules alone


@pytest.mark.parametrize(
    ("arabizi", "plain"),
    [
        ("7abel", "habel"),
        ("a5adt", "akhadt"),
        ("2arrart", "arrart"),
        ("la6eef", "lateef"),
        ("3'alat", "ghalat"),
        ("ra77o", "raho"),
    ],
)
def test_arabizi_digits_fold_to_the_letters_typed_without_them(arabizi, plain):
    assert normalise(arabizi) == normalise(plain)


def test_leetspeak_and_counts_with_units_are_kept():
    assert normalise("k1ll mys3lf") == normalise("kill myself")
    assert normalise("up at 3am after 6months, 20mg, 15yo") == "up at 3am after 6months 20mg 15yo"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a farewell, a last message, a relative's goodbye and silence
        ("that will be my last message, thank you all and sorry", "suicide"),
        ("ostatnia wiadomość ode mnie, dzięki za wszystko", "suicide"),
        ("my sister sent a goodbye text and her phone is switched off", "suicide"),
        ("syn się pożegnał smsem i nie odbiera od rana", "suicide"),
        ("ekhon ami thakbo na, usiyot likhe rekhechi", "suicide"),
        # giving things away, a will, a rope, pills saved up
        ("gave my sister my phone and my rings, i wont need them", "suicide"),
        ("sorted my will, after christmas it wont matter any more", "suicide"),
        ("odkładam tabletki nasenne od tygodni", "suicide"),
        ("comprei uma corda ontem, falta coragem", "suicide"),
        # methods in plain words
        ("ma gandesc sa ma arunc de pe podul din oras", "suicide"),
        # self-harm in idioms
        ("kad lauž, ar žileti griežu rokas", "self_harm"),
        ("bjra7 edi bil shafra kel ma bde ashrab", "self_harm"),
        ("бьюсь головой об стену до крови", "self_harm"),
        # overdose by signs, counts and lost tolerance
        ("his lips are blue and he is barely breathing", "overdose"),
        ("po więzieniu wziąłem tyle co dawniej i odleciałem", "overdose"),
        ("ami tirish ta paracetamol kheye felechi, bomi hocche", "overdose"),
        ("sa7bi a5ad heroin w ma 3am yetnaffas", "overdose"),
        # abuse: a knife, a forced marriage of a minor, coercive control, dealers, county lines
        ("he put a knife to my throat and said he would kill me", "abuse"),
        ("they want to marry off my 14 year old daughter back home", "abuse"),
        ("my husband keeps my passport and won't let me go out", "abuse"),
        ("dileris grasina mano vaikams", "abuse"),
        ("older boys force my son to carry packages for them", "abuse"),
        # signs that say more than their words: fear of oneself, dying after using
        ("on the 9th floor balcony again and scared of what i might do", "suicide"),
        ("took two pills at the rave, heart racing, feel like im dying", "overdose"),
        ("na varanda do 7º andar, tenho medo do que posso fazer", "suicide"),
        # farewells without a letter: goodbye with sorry, "you won't hear from me again"
        ("i've said my goodbyes, you won't hear from me again", "suicide"),
        ("sudiev visiems, atleiskit už viską", "suicide"),
        ("ma ba2a badi 3eesh", "suicide"),
        ("abouya byedrobni kil yom", "abuse"),
        ("પતિએ ચપ્પુથી ધમકી આપી", "abuse"),
        # a relative's goodbye and no way to reach them; peace made; pills hidden
        ("папа написал что прощается, дозвониться не можем", "suicide"),
        ("ਪਾਪਾ ਨੇ ਅਲਵਿਦਾ ਦਾ ਸੁਨੇਹਾ ਭੇਜਿਆ, ਫੋਨ ਬੰਦ ਹੈ", "suicide"),
        ("main zyada der nahi rahunga, sab se sulah kar li", "suicide"),
        ("3am khabbi 7boob la kheles", "overdose"),
        ("wiilkayga 13 jir ah waxaa lagu qasbay inuu daroogo qaado", "abuse"),
        ("usne 30 paracetamol kha liye", "overdose"),
        ("এটাই আমার শেষ বার্তা, সবাইকে ধন্যবাদ আর ক্ষমা করে দিও", "suicide"),
        ("મેં દોરડું ખરીદી લીધું છે", "suicide"),
        ("badi ishno2 7ali", "suicide"),
        ("îmi sting țigările pe braț", "self_harm"),
        ("সিগারেট নিজের হাতে নিভাই", "self_harm"),
        ("расчёсываю кожу до крови", "self_harm"),
        # coercive control: documents or money kept and nobody to see
        ("vyras atėmė dokumentus ir neleidžia su niekuo matytis", "abuse"),
        ("shohar ne mere documents le liye aur kisi se milne nahi deta", "abuse"),
        ("jozi a5ad awra2i w ma byetrokni shoof 7ada", "abuse"),
    ],
)
def test_each_kind_signposts_its_category(screen, text, category):
    assert category in screen.categories(text), screen.hits(text)


@pytest.mark.parametrize(
    "text",
    [
        "this is my last message about the parking, please fix the barrier",
        "I gave my old phone to my brother because I got a new one",
        "the razor blades in the shop are locked up now",
        "I was given naloxone",
        "dali nam zestaw z naloksonem na szkoleniu",
        "we did naloxone training, now I carry a kit",
        "há muitos anos pensei em suicídio, esta equipa ajudou-me e hoje estou bem",
        "I married at 30 years old and my husband is lovely",
        "wziąłem metadon rano jak zwykle, wszystko dobrze",
        "watched a documentary about the bridge, fascinating",
        "in group we talked about domestic violence, really useful",
        "na grupie rozmawialiśmy o przemocy domowej",
        "a book about survivors who jumped from bridges, moving",
        "i was a victim of violence but the refuge helped me start a new life",
        "doctor doubled my dose of sertraline last month",
        "era sa mor de ras cand a cazut proiectorul",
        "спасибо за всё, до встречи на следующей неделе",
        "nabadgelyo, is arag toddobaadka dambe",
        # attacking the new rules with the same words in everyday talk
        "my last message was ignored, thanks for nothing",
        "this is my last appointment, thank you all",
        "yeh meri aakhri appointment hai, sab ka shukriya",
        "I won't be here next week because of Eid, sorry",
        "hit my head on the cupboard door and it bled, silly me",
        "the dealer on my street got arrested, kids can play outside now",
        "I'm 16 and my sister got married last year, lovely day",
        "drank 10 cups of coffee with my tablets, jittery",
        "I gave my brother my old phone, I won't need it with the new contract",
        "the nurse explained that after prison your tolerance drops",
        "rehab ke baad pehle jitna kaam karta hun, shukriya",
        "یہ پارکنگ کے بارے میں میرا آخری پیغام ہے",
        "maine rassi khareedi kapde sukhane ke liye",
        "ڈیلر پکڑا گیا، اب بچے محفوظ ہیں",
        "apaguei o cigarro antes da sessão",
        "put out my cigarette before group",
        "my husband took my documents to the council to renew them",
    ],
)
def test_near_misses_of_the_same_words_stay_quiet(screen, text):
    assert screen.hits(text) == []


def test_a_now_word_that_only_says_the_person_is_well_lifts_no_veto(screen):
    """ "hoje estou bem" is today's recovery; "still not ok" is the risk back."""
    assert screen.hits("years ago I cut myself, today I'm fine") == []
    assert "self_harm" in screen.categories(
        "years ago I cut myself and I'm still not ok, cut again"
    )


def test_dev10_is_reported_and_gated_in_every_language(capsys):
    lines = risk_eval.load_corpus(risk_eval.DEV10, batches=True)
    assert {line.batch for line in lines} == {"dev10", "dev11"}
    for lang in risk_eval.load_settings(risk_eval.ROOT / "config.yaml").languages:
        part = [line for line in lines if line.lang == lang]
        assert sum(bool(line.labels) for line in part) >= 19, lang
        assert sum(not line.labels for line in part) >= 6, lang
    assert risk_eval.main(["--gate"]) == 0
    assert "batch dev10 all" in capsys.readouterr().out


def test_hostile_input_screens_fast_and_never_fails(screen):
    """Attacking the screen with what the bot accepts (2,000 characters): Arabizi-like runs of
    digits and letters, a number too long to be a count or an age, every veto and lift at once."""
    import time

    texts = [
        "7a3" * 666,
        "9" * 1999,
        " ".join(["years ago", "today I'm fine", "still", "again", "15", "rope", "tonight"] * 40),
        "3'" * 999,
        ("my 15 year old " * 130)[:2000],
    ]
    for text in texts:
        start = time.process_time()
        screen.hits(text)
        assert time.process_time() - start < 0.5, text[:40]
