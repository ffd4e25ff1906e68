"""Issue 12, wave 7: concepts batch 6 missed in every language, matched as classes of words.

Each case is a new wording of a kind of message (not a sentence of batch 6 or dev12): a
farewell before a named day, a decision not to be at the next appointment, a child given
drugs or drink to make them sleep, being kept from one's family, an overdose told by
"too much" and what the body does.  The near misses share their words.
"""

from __future__ import annotations

import pytest

from bench import risk_eval
from bot.safety import RiskScreen


@pytest.fixture(scope="module")
def screen() -> RiskScreen:
    return RiskScreen.from_config({}, model=False)  # the rules alone


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "not planning to still be here at christmas"),
        ("suicide", "ive decided, i wont be here for my next appointment"),
        ("suicide", "nie sądzę że doczekam świąt, podjęłam decyzję"),
        ("suicide", "я решила, до праздников не доживу"),
        ("suicide", "nu cred ca mai prind craciunul, am hotarat"),
        ("suicide", "eid tak yahan rahoon ga nahi, faisla kar liya hai"),
        ("abuse", "she gives my 4 year old brother her methadone so he sleeps"),
        ("abuse", "ona daje córce wódkę żeby spała"),
        ("abuse", "мать даёт сыну снотворное чтобы он спал"),
        ("abuse", "o pai dá cachaça ao filho pequeno para ele dormir"),
        ("abuse", "ਉਹ ਆਪਣੇ ਮੁੰਡੇ ਨੂੰ ਅਫੀਮ ਦਿੰਦਾ ਹੈ ਤਾਂ ਜੋ ਉਹ ਸੌਂ ਜਾਵੇ"),
        ("abuse", "he doesnt let me see my family"),
        ("overdose", "used way too much, chest is tight and heart pounding"),
        ("overdose", "wziąłem za dużo, serce mi wali"),
        ("overdose", "kal bohat zyada le liya, dil zor se dhadak raha hai"),
    ],
)
def test_a_new_wording_of_a_missed_kind_signposts_its_category(
    screen: RiskScreen, category: str, text: str
) -> None:
    assert category in screen.categories(text), text


@pytest.mark.parametrize(
    "text",
    [
        "I wont be here at christmas because im visiting family",
        "i decided not to come to the next group, it clashes with work",
        "the GP gave my son medicine to help him sleep",
        "the doctor gives my daughter melatonin so she sleeps",
        "nie będzie mnie na święta, bo jadę do rodziny",
    ],
)
def test_the_same_words_in_a_near_miss_do_not(screen: RiskScreen, text: str) -> None:
    assert screen.hits(text) == [], text


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "im up on the motorway bridge right now, lorries coming soon"),
        ("suicide", "stoję na dachu bloku, zaraz skończę"),
        ("suicide", "всем будет лучше, если меня не станет"),
        ("abuse", "he said he will set fire to the flat with me in it if i leave"),
        ("abuse", "an older man keeps messaging my 12 year old son on snapchat"),
        ("abuse", "my 15 year old is being made to take parcels to other towns"),
    ],
)
def test_a_method_now_a_fire_threat_grooming_and_county_lines(
    screen: RiskScreen, category: str, text: str
) -> None:
    assert category in screen.categories(text), text


@pytest.mark.parametrize(
    "text",
    [
        "standing on the bridge watching the boats with my kids",
        "my son delivers parcels for a courier to other towns for work",
        "my 13 year old daughter messages her grandad every day",
    ],
)
def test_the_same_words_without_the_risk_do_not(screen: RiskScreen, text: str) -> None:
    assert screen.hits(text) == [], text


def test_dev12_is_reported_and_gated_in_every_language(capsys: pytest.CaptureFixture[str]) -> None:
    lines = risk_eval.load_corpus(risk_eval.DEV12, batches=True)
    assert {line.batch for line in lines} == {"dev12"}
    for lang in risk_eval.load_settings(risk_eval.ROOT / "config.yaml").languages:
        part = [line for line in lines if line.lang == lang]
        assert sum(bool(line.labels) for line in part) >= 20, lang
        assert sum(not line.labels for line in part) >= 12, lang
    assert risk_eval.main(["--gate"]) == 0
    assert "batch dev12 all" in capsys.readouterr().out


_EXPLOITATION_AND_TIME = [
    line.split("\t")
    for line in """\
abuse	the boss at the car wash doesnt pay us and took our passports
abuse	szef nie płaci i zabrał nam paszporty
abuse	they force me to sell weed because i owe them money
abuse	me obrigam a vender porque tenho uma divida
overdose	my sister drank everything in the medicine cabinet
overdose	брат выпил всю аптечку
suicide	i wont be here in a few weeks anyway
suicide	за месяц меня не будет
suicide	if i die nobody would care
suicide	bas jaan lene ka dil karta hai
none	i wont be here in a few weeks because im moving to leeds
none	my boss doesnt pay overtime which is annoying
none	i sell stuff on ebay because i owe money
none	the medicine cabinet at the hostel is always locked""".splitlines()
]


@pytest.mark.parametrize(("label", "text"), _EXPLOITATION_AND_TIME)
def test_exploitation_a_cabinet_emptied_and_not_here_in_weeks(
    screen: RiskScreen, label: str, text: str
) -> None:
    """Kinds batch 6 missed in many languages, in new wordings, with their near misses."""
    categories = screen.categories(text)
    assert (label in categories) if label != "none" else not categories, (text, categories)


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "būtų geriau, jei ryte nebepabusčiau"),  # a wish not to wake, fused negation
        ("suicide", "labāk būtu, ja es nepamostos"),
        ("abuse", "મારા મામાએ મને ખોટી રીતે સ્પર્શ કર્યો"),  # touched the wrong way
        ("overdose", "ভাই পুরো পাতা ঘুমের ওষুধ খেয়েছে, হুঁশ নেই"),  # no consciousness
    ],
)
def test_a_fused_negation_a_wrong_touch_and_no_consciousness(
    screen: RiskScreen, category: str, text: str
) -> None:
    assert category in screen.categories(text), text


def test_a_mouse_is_not_a_touch(screen: RiskScreen) -> None:
    """Normalised, "chh" is "ch": a stem "chhuh*" (to touch) would take in "ਚੂਹਾ" (a mouse)."""
    assert screen.hits("ਬਿੱਲੀ ਨੇ ਚੂਹਾ ਮਾਰ ਦਿੱਤਾ, ਬੱਚੇ ਡਰ ਗਏ") == []


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("abuse", "شوہر روز مارتا ہے"),  # the husband beats (me) every day: no object word
        ("abuse", "ਮੇਰਾ ਪਤੀ ਰੋਜ਼ ਕੁੱਟਦਾ ਹੈ"),
        ("suicide", "mam już dość, chcę to wszystko zakończyć dzisiaj"),
        # "kbire" (big) has the consonants of "اخبار" (news): a skeleton never vetoes.
        ("overdose", "akhi 2akhad jor3a kbire mn el heroin w ma 3am yetnaffas"),
    ],
)
def test_an_object_left_out_ending_it_all_and_a_skeleton_that_does_not_veto(
    screen: RiskScreen, category: str, text: str
) -> None:
    assert category in screen.categories(text), text


def test_a_husband_at_the_gym_is_not_abuse(screen: RiskScreen) -> None:
    assert screen.hits("my husband hits the gym every day") == []


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("overdose", "double dosed my bupe and had a few cans on top, feel wrong"),
        ("abuse", "he says if i see my sister again hell break my arm"),
        ("abuse", "his mates made me sleep with them for what he owes"),
        ("suicide", "ابني قال رح يرمي حاله من الشباك"),  # throw himself from the window
        ("self_harm", "اختي الصغيرة وبتجرح ايديها كل يوم"),
        ("abuse", "اخذ جوازي وما يخليني اطلع"),
    ],
)
def test_bupe_a_threat_to_break_bones_and_arabic_joined_words(
    screen: RiskScreen, category: str, text: str
) -> None:
    assert category in screen.categories(text), text


def test_a_cut_while_cooking_is_an_accident(screen: RiskScreen) -> None:
    assert screen.hits("جرحت ايدي وانا عم اطبخ") == []


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("self_harm", "vėl pjausčiau rankas peiliuku"),
        # Bengali "parche" (can) is Punjabi "parche" (leaflets), a veto word: not any more.
        ("overdose", "bondhu onek heroin niyeche, shash nite parche na"),
    ],
)
def test_a_past_cut_and_a_veto_word_spelt_like_another_language(
    screen: RiskScreen, category: str, text: str
) -> None:
    assert category in screen.categories(text), text


@pytest.mark.parametrize(
    "text",
    [
        "i decided i wont come to the group anymore, its not for me",
        "zdecydowałam, że nie przyjdę na grupę, wolę terapię indywidualną",
        "standing on the platform now, train is late again",
        "not going to be around at christmas, off to see my nan",
        "não vou estar cá no natal, vou a portugal ver a família",
        "ciidda ma joogi doono, waxaan u safrayaa qoyskayga",
        "ma ra7 koun hon bel 3eed, msafer 3a ahli",  # travelling to family for Eid
        "решил больше не ходить в группу, нашёл работу",
    ],
)
def test_holiday_plans_a_changed_group_and_a_late_train_stay_quiet(
    screen: RiskScreen, text: str
) -> None:
    assert screen.hits(text) == [], text


def test_no_appointment_ever_again_after_a_decision_signposts(screen: RiskScreen) -> None:
    text = "my mind is made up, i wont be at the next session or any other"
    assert "suicide" in screen.categories(text)
