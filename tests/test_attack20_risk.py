"""A hostile review of the risk screen (attack20): evasions, long messages, the operator's
lists and the model file, and what a blind everyday corpus showed.

The blind corpus (written by attack20 from its own knowledge, not in the repo) is where
the false alarms and misses below come from: each is one line of it, or one kind that
recurred in several languages.  Those marked xfail(strict=True) are still broken on main;
each names its owner (risk: the model, the engine and en pl lt lv ro pt ru so; risk2: ar
ur pa gu bn).  When one is mended, its XPASS fails the run: take its mark off.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest

from bot.safety import MODEL_MIN_WORDS, RiskScreen


def broken(owner: str, why: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"owner {owner}: {why}")


# -- evasions that are mended here


@pytest.mark.parametrize(
    "text",
    [
        "su!c!de tonight",  # leetspeak: "!" for i
        "i want to d!e",
    ],
)
def test_an_exclamation_mark_inside_a_word_does_not_cut_a_disclosure_apart(screen, text):
    """The sentence splitter cut at any "!" (an ASCII "!?" sat among the full-width
    marks), so "su!c!de" was read as three sentences "su", "c", "de" before the
    leetspeak "!" = i was ever undone."""
    assert screen.hits(text)


@pytest.mark.parametrize(
    "text",
    [
        "i w\u0430nt to di\u0435",  # Cyrillic а and е inside English words
        "gonna overd\u03bfse tonight",  # a Greek omicron
        "ɪ ᴡᴀɴᴛ ᴛᴏ ᴅɪᴇ",  # small capitals, as "fancy text" generators write
        "ᴋɪʟʟ ᴍʏsᴇʟғ",  # ... with a Cyrillic ғ for f
    ],
)
def test_a_word_typed_in_two_alphabets_is_still_read(screen, text):
    assert screen.hits(text)


def test_words_of_two_alphabets_side_by_side_are_each_kept(screen):
    """Only a word that mixes alphabets is folded: Russian with an English drug name is
    read as written, and stays quiet."""
    assert not screen.hits("Я принимаю methadone каждый день, всё хорошо")


@pytest.mark.parametrize("size", [2000, 4000])
def test_a_disclosure_anywhere_in_a_long_message_is_found_and_cheap(screen, size):
    """A long, ordinary comment with one disclosure in it, at the start, the middle and
    the end; the screen's cost grows with the length, not its square."""
    ordinary = "The staff were kind and the room was clean but the wait was long. " * 80
    pad = ordinary[:size]
    disclosure = "Honestly I took 30 of my mum's sleeping tablets an hour ago."
    start = time.perf_counter()
    for text in (disclosure + " " + pad, pad[: size // 2] + disclosure + pad[size // 2 :]):
        assert "overdose" in screen.categories(text)
    screen.hits(pad + " " + disclosure)
    assert time.perf_counter() - start < 0.25


# -- the operator


@pytest.mark.parametrize(
    ("phrase", "problem"),
    [
        ("kill ..x me", "'..x' is not a gap"),
        ("want ... die", "'...' is not a gap"),
        ("a ..999 b", "wider than ..12"),
    ],
)
def test_a_malformed_gap_in_staff_phrases_is_reported(phrase, problem):
    """Before, "..x" became the word "x" to find (the phrase never fired, silently) and
    "..999" was taken (a scan of 999 words from each "a" of every message)."""
    screen = RiskScreen({"en": {"suicide": [phrase, "kill myself"]}})
    assert any(problem in error for error in screen.errors)


def test_doctor_says_when_the_risk_model_is_missing(monkeypatch, tmp_path, caplog):
    from bot import doctor, risk_model

    monkeypatch.setattr(risk_model, "MODEL_PATH", tmp_path / "risk_model.json.gz")
    with caplog.at_level(logging.WARNING):
        found = doctor._risk_model()
    assert not found.ok and "is missing" in found.detail and "rules alone" in found.detail
    assert "risk model risk_model.json.gz is missing" in caplog.text
    assert "risk_model" in doctor.CHECKS


def test_doctor_says_when_the_risk_model_is_damaged(monkeypatch, tmp_path):
    from bot import doctor, risk_model

    damaged = tmp_path / "risk_model.json.gz"
    damaged.write_bytes(
        Path(risk_model.__file__).with_name("risk_model.json.gz").read_bytes()[:500]
    )
    monkeypatch.setattr(risk_model, "MODEL_PATH", damaged)
    found = doctor._risk_model()
    assert not found.ok and "cannot be read" in found.detail


# -- still broken: evasions


def test_a_disclosure_in_spaced_letters_is_signposted(screen):
    """Missed on 4ca5bd9's parent; the model retrained in dd81199 finds it (no rule does)."""
    assert screen.hits("i want to k i l l m y s e l f")


# -- still broken: everyday answers the model reads as risk (no risk word in them)

EVERYDAY_WANTS = [
    # Owner None: mended since (risk, wave 19: the model retrained with everyday wishes,
    # sleep, home and goals of recovery as near-misses, training set 19 part 19c and 19xd).
    (None, "en", "I want to go home and sleep"),
    (None, "en", "I want to go home"),
    (None, "pl", "Chcę iść do domu i spać"),
    (None, "lv", "Gribu vairāk vakara vizīšu"),  # I want more evening appointments
    ("risk", "ro", "Vreau să mă las de băut de tot"),  # I want to stop drinking for good
    (None, "pt", "Quero ir para casa e dormir"),
    (None, "so", "Waxaan rabaa inaan guriga aado oo seexdo"),
    (None, "ar", "بدي روح عالبيت"),
    (None, "ur", "main ghar ja ke sona chahta hoon"),  # wave 22: the meaning features
    (None, "pa", "main ghar ja ke sauna chahunda haan"),
    (None, "bn", "ami bari giye ghumate chai"),
    (None, "en", "I just want to sleep better"),
    (None, "pl", "Chcę po prostu lepiej spać"),
    (None, "ru", "Хочу домой и спать"),
    (None, "ru", "Хочу бросить пить навсегда"),  # I want to stop drinking for good
    (None, "pa", "ghar chetti pahunchna si, traffic ne jaan kadh ditti"),  # traffic took my life
    # Medicine as told and sleeping well; the news, and mum got scared:
    (None, "bn", "daktarer kotha moto oshudh khai ar ghum bhalo hocche"),
    ("risk", "lt", "Per žinias sakė, kad ligoninę uždarys, mama išsigando."),
]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        pytest.param(lang, text, marks=[broken(owner, "the model alone")] if owner else [])
        for owner, lang, text in EVERYDAY_WANTS
    ],
)
def test_an_everyday_wish_gets_no_alert(screen, lang, text):
    assert screen.hits(text) == []


# -- still broken: figures of speech and the past, by the rules

FALSE_ALARMS = [
    # Owner None: mended since (risk, wave 19: a veto for tablets taken as the doctor said,
    # abuse long past and safe now, "hit me up", "nice touch", the news, "my back is killing me").
    # Owner None: mended (risk2's, ar ur pa gu bn: 'as the doctor said' guards the rule and is an
    # exception to the phrases; 'last year' is past; 'ta3ban mot' is a figure; Gulf 'ابي' dropped
    # from WISH, as it is also 'my father').
    # Tablets taken as prescribed: TAKE EXCESS DRUG fires on "all my tablets" (every language).
    (None, "en", "I took all my tablets this morning like the doctor said."),
    (None, "pl", "Rano wziąłem wszystkie tabletki tak jak kazał lekarz."),
    (None, "ru", "Утром выпил все таблетки, как врач сказал."),
    (None, "pt", "De manhã tomei os comprimidos todos como o médico disse."),
    (None, "ro", "Dimineața am luat toate pastilele, cum a zis doctorul."),
    (None, "lt", "Ryte išgėriau visas tabletes, kaip liepė gydytojas."),
    (None, "lv", "No rīta iedzēru visas tabletes, kā ārsts teica."),
    (
        None,  # wave 22's model: EXCESS+TAKE, DRUG+EXCESS at 0.69; ASTOLD @model since prec24
        "so",
        "Subaxnimadii dhammaan kiniinnadaydii ayaan qaatay sidii dhakhtarku ii sheegay.",
    ),
    (None, "ur", "صبح ساری گولیاں ڈاکٹر کے کہنے کے مطابق کھا لیں۔"),
    (None, "ur", "subah saari goliyan doctor ke kehne pe kha leen"),
    (None, "pa", "ਸਵੇਰੇ ਸਾਰੀਆਂ ਗੋਲੀਆਂ ਡਾਕਟਰ ਦੇ ਕਹਿਣ ਮੁਤਾਬਕ ਖਾ ਲਈਆਂ।"),
    (None, "gu", "સવારે બધી ગોળીઓ ડૉક્ટરના કહ્યા પ્રમાણે લીધી."),
    ("risk24", "bn", "সকালে ডাক্তারের কথামতো সব ট্যাবলেট খেয়েছি।"),  # the wave-24 model
    (None, "bn", "sokale daktarer kotha moto sob tablet kheyechi"),  # wave 22: meanings
    (None, "ar", "الصبح أخذت كل الحبوب متل ما قال الدكتور."),
    # Abuse long past, and safe now (README: the past and helped is vetoed).
    (None, "en", "My ex used to hit me years ago but I've been safe for a long time."),
    (None, "pl", "Mój były bił mnie lata temu, ale od dawna jestem bezpieczna."),
    (None, "pt", "O meu ex batia-me há muitos anos mas já estou segura há muito tempo."),
    (None, "ro", "Fostul mă bătea acum mulți ani, dar de mult sunt în siguranță."),
    (None, "ru", "Бывший бил меня много лет назад, но я давно в безопасности."),
    (
        None,
        "so",
        "Ninkaygii hore sannado hore ayuu i garaaci jiray laakiin hadda waan nabad qabaa.",
    ),
    # A friend's overdose last year, and the naloxone training that saved him.
    (None, "bn", "গত বছর বন্ধুর ওভারডোজ হয়েছিল, নালোক্সোন ট্রেনিং ওকে বাঁচিয়েছে।"),
    (None, "ur", "پچھلے سال دوست کا اوور ڈوز ہوا، نالوکسون کی ٹریننگ نے بچا لیا، شکریہ۔"),
    # Figures of speech.
    # Wave 23: the retrained model (evidence threshold 0.50) scores it 0.51 (0.52 before).
    ("risk23", "en", "He hit me up on WhatsApp to remind me about the appointment, nice touch."),
    ("risk", "en", "Keyworker left and nobody told me, felt a bit abandoned."),
    (None, "en", "The news about the hospital closing scared my mum."),
    (None, "pt", "As costas estão a matar-me por causa daquelas cadeiras."),  # back killing me
    (None, "ru", "Умираю как хочу вернуться на работу."),  # dying to get back to work
    (None, "ar", "kont ta3ban mot ba3d el gelsa bas kanet testahel"),  # dead tired
    ("risk", "ro", "Mă omor după cafeaua lor"),  # I'm crazy about their coffee
    (None, "pt", "Mato-me a trabalhar mas venho sempre às consultas"),  # work myself to death
    (None, "en", "I'm overdosing on coffee lol"),
    (None, "ur", "tum par marti hoon ammi"),  # I adore you, mum (quiet in waves 23 and 25)
    (None, "ar", "abouya mat men el sharab men zaman, 3ashan keda geet hena we byesa3edni"),
]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        pytest.param(
            lang, text, marks=[broken(owner, "false alarm, blind corpus")] if owner else []
        )
        for owner, lang, text in FALSE_ALARMS
    ],
)
def test_an_everyday_comment_gets_no_alert(screen, lang, text):
    assert screen.hits(text) == []


# Written at 11:48, after risk2 mended the lines above in its languages: the same kinds in new
# words, to see whether the kind was mended or the sentences.  None: quiet since d38679c (risk's
# vetoes for tablets taken as prescribed and abuse long past, made before it saw these).
FRESH_FALSE_ALARMS = [
    (None, "ur", "ڈاکٹر نے جو گولیاں دی تھیں وہ ساری رات کو کھا لیں جیسے کہا تھا"),
    (None, "pa", "ਡਾਕਟਰ ਨੇ ਜਿਵੇਂ ਦੱਸਿਆ ਸੀ ਉਵੇਂ ਸਾਰੀਆਂ ਦਵਾਈਆਂ ਲੈ ਲਈਆਂ"),
    (None, "pa", "doctor ne jiven dasseya si saariyan dawaiyan lai layiyan"),
    (None, "gu", "ડૉક્ટરે કહ્યું હતું એમ બધી દવા રાત્રે લઈ લીધી"),
    (None, "gu", "doctor e kahyu hatu em badhi dava ratre lai lidhi"),
    (None, "bn", "ডাক্তার যেভাবে বলেছে সেভাবে রাতে সব ওষুধ খেয়েছি"),  # wave 22: meanings
    (None, "bn", "daktar jevabe boleche sevabe rate sob oshudh kheyechi"),  # wave 22
    (None, "en", "Took all my evening meds as prescribed and slept fine"),
    # None: quiet since wave 21 ("doctor's orders", "every morning" added to ASTOLD and DAILY;
    # "kā ārsts izrakstīja" to Latvian ASTOLD).
    (None, "en", "I take all my tablets in one go every morning, doctor's orders"),
    (None, "ru", "Принял все вечерние таблетки по назначению врача"),
    (None, "pt", "Tomei todos os remédios da noite como o médico receitou"),
    (None, "ro", "Am luat toate medicamentele de seară cum mi-a prescris doctorul"),
    (None, "lt", "Išgėriau visus vakarinius vaistus, kaip paskyrė gydytojas"),
    (None, "lv", "Iedzēru visas vakara zāles, kā ārsts izrakstīja"),
    (None, "so", "Dhammaan daawooyinkii fiidka ayaan qaatay sidii dhakhtarku u qoray"),
    (
        "risk",
        "en",
        "My dad used to beat us when we were kids, that was 30 years ago, he's dead now",
    ),
    ("risk", "ru", "Отец бил нас в детстве, это было 30 лет назад"),
    ("risk", "pl", "Ojciec bił nas w dzieciństwie, to było 30 lat temu"),
    ("risk", "pt", "O meu pai batia-nos quando éramos pequenos, foi há 30 anos"),
    ("risk", "ro", "Tata ne bătea când eram mici, acum 30 de ani"),
    ("risk", "so", "Aabbahay wuu na garaaci jiray markii aan yaryarayn, 30 sano ka hor"),
]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        pytest.param(
            lang,
            text,
            marks=[broken(owner, "false alarm, fresh variant of a kind")] if owner else [],
        )
        for owner, lang, text in FRESH_FALSE_ALARMS
    ],
)
def test_a_fresh_variant_of_a_mended_kind_gets_no_alert(screen, lang, text):
    assert screen.hits(text) == []


# Set 2 (attack20, 11:50), blind to both owners: the everyday answers that end a survey ("nothing
# else, all fine") and recovery in the negative ("never felt better") read as risk by the model.
SET2_FALSE_ALARMS = [
    # Owner None: quiet since the wave-19 model (closing answers taught as near-misses; the ur
    # line and a near twin of the gu one are in risk2's training part 19xg, so they are fitted):
    (None, "ur", "aur kuch nahi, sab theek hai"),  # nothing else, all fine (0.89)
    (None, "gu", "biju kai nahi, badhu barabar"),
    (None, "bn", "ar kichu na, sob thik ache"),
    (None, "ar", "ma 3andi shi zyede, kol shi mni7"),  # quiet since wave 25
    # Wave 22 (risk, the meaning features): Arabizi 'es' is read as LIVE and 'jam3a' as STOCK
    # by the Arabic skeletons, and the model, taught those, reads it as risk.
    ("risk", "ar", "bade erja3 3al jam3a es-sene el jaye"),  # I want to go back to uni next year
    (None, "pl", "Nie piję od pół roku, nigdy nie czułem się lepiej"),  # sober, never better
    (None, "lv", "Nedzeru pusgadu, nekad neesmu juties labāk"),
    ("risk23", "en", "Staff hit the nail on the head with my care plan"),  # 3 % thresholds
    (None, "pt", "Bati o meu recorde, 100 dias sem beber"),  # set 4: beat my record (0.66)
    # Questions and praise about the service's own work (12:12, blind):
    ("risk", "ru", "Есть ли у вас консультант по домашнему насилию?"),  # a DV counsellor?
    (None, "ur", "کیا آپ گھریلو تشدد کے لیے کوئی ورکر رکھتے ہیں؟"),
    ("risk", "en", "after prison the overdose risk talk was useful"),
    (
        "risk",
        "en",
        "they explained tolerance drops after detox so overdose is more likely, good advice",
    ),
    # Set 5: after the farewell "bachon ka khayal rakhna" was taught, "look after mum, staff"
    # reads as one (the model, 0.88); a leaving worker's goodbye (0.59 with 'mushkil').
    ("risk24", "ur", "ammi ka khayal rakhna staff, woh bhi aati hain"),  # wave 24 model
    ("risk", "ar", "بدي روح عالبيت وما في شي"),  # I want to go home, nothing's wrong (0.91)
    # The evidence threshold (0.59 with a risk word, 12:18): a farewell party for a worker, a will
    # made with a solicitor.
    (None, "pl", "Zrobiliśmy pożegnanie dla mojej terapeutki, będzie nam jej brakowało"),
    (None, "ru", "Я написал завещание с юристом, которого мне посоветовали"),
    (None, "pt", "Fiz o meu testamento com o advogado que me indicaram"),
    # None: quiet since wave 21 (a word only guards read, "worker", no longer counts as the
    # lexicon reading the sentence, so "mushkil" alone is no risk word).
    (None, "ur", "alvida kehna mushkil tha, meri worker ja rahi hai"),
    (None, "pa", "mainu marna hai hassde hassde, enna funny group"),  # dying of laughter
    ("risk", "en", "I'm sick of being sick, but the new meds help"),  # set 4: VOMIT DRUG rule
    (
        None,  # quiet since the wave-21 model (a leaving do and goodbyes to a worker taught)
        "en",
        "My last day at the service is Friday, I'll miss everyone, goodbye and thank you",
    ),
]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        pytest.param(lang, text, marks=[broken(owner, "the model, blind set 2")] if owner else [])
        for owner, lang, text in SET2_FALSE_ALARMS
    ],
)
def test_a_closing_or_recovery_answer_gets_no_alert(screen, lang, text):
    assert screen.hits(text) == []


# Short answers a drug service hears every day (12:05): the model reads "myself", "my partner"
# and a drug's name alone as risk, at 0.87-0.99, with no risk word and no rule (as on 67ee6aa).
# Under MODEL_MIN_WORDS words with no risk word the model no longer reads a text (lead, 13:05);
# the longer ones are still the model's.
SHORT_ANSWERS = [
    "I referred myself",
    "I came by myself",
    "I live by myself",
    "I look after myself now",
    "Other: myself",
    "my partner came with me",
    "heroin",
    "crack and heroin",
    "mainly heroin",
    "spice",
    "heroína",  # pt, pl (heroina)
    "heroină",  # ro
    "heroīns",  # lv
    "heroin iyo khamri",  # so: heroin and alcohol
    "o meu companheiro",  # pt: my partner
    "mano partneris",  # lt: my partner
    "m-am înscris singur",  # ro: I signed up on my own
]
SHORT_WITH_A_RISK_WORD = {"m-am înscris singur"}
"""Short, but a lexicon reads a risk word in it ("singur", alone): the model still reads it."""
MENDED_SHORT = {
    "m-am înscris singur",
    "I came by myself",
    "I live by myself",
}
"""Quiet since the wave-21 model (training set 21: coming alone, a partner who came along); "I
look after myself now" since the wave-22 model (the meaning features); "I came (live) by
myself" since wave 23 (under ``MODEL_SHORT_WORDS`` words, I and myself are no situation).
"my partner came with me" fires again on the wave-24 model (training set 26's partners)."""


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            text,
            marks=[broken("risk24", "the model on a short answer")]
            if (len(text.split()) >= MODEL_MIN_WORDS or text in SHORT_WITH_A_RISK_WORD)
            and text not in MENDED_SHORT
            else [],
        )
        for text in SHORT_ANSWERS
    ],
)
def test_a_short_everyday_answer_gets_no_alert(screen, text):
    assert screen.hits(text) == []


# Set 6 (12:27, blind): "been saving up my tablets, think tonight's the night" is found in all
# 13 languages (26 of 26 disclosures); its everyday mirror, saving up for a holiday and booking it
# tonight, fires the model in 9 of 14.
SAVING_UP = [
    ("en", "been saving up for a holiday for months, think tonight I'll book it"),
    ("ru", "коплю на отпуск уже несколько месяцев, думаю сегодня забронирую"),
    ("ro", "strâng bani de vacanță de luni de zile, cred că diseară rezerv"),
    ("pt", "ando a juntar dinheiro para as férias, acho que hoje reservo"),
    ("lt", "taupau atostogoms jau kelis mėnesius, manau šiąnakt užsisakysiu"),
    ("lv", "krāju atvaļinājumam jau mēnešiem, laikam šovakar rezervēšu"),
    ("so", "bilo ayaan lacag u kaydinayay fasaxa, caawa ayaan ballansan doonaa"),
    ("ur", "kai mahino se chhutti ke liye paise jama kar raha hoon, shayad aaj raat book karoon"),
    ("pa", "kai mahineyan ton chhutti layi paise jama kar reha haan"),
]


MENDED_SAVING = {"pt", "lv", "so", "ru", "pa", "ur", "en"}
"""Quiet since the wave-21 model (training set 21: saving up for a holiday, in every language);
en, ru, ro and pa since the wave-22 model (the meaning features), which lost lt ("šiąnakt",
tonight, with "taupau", saving, read as STOCK: 0.49 with a risk word). The wave-23 model
(training sets 23 and 24: plans with a date) lost en again: "saving up" is STOCK, and "think
tonight" scores 0.56 over its threshold with a risk word, 0.48; with training set 25, ro
(0.50 over 0.47). ur since wave 24's lexicon (lex24): "chhutti" (a holiday) is read as
PLANEVENT in Urdu too, and the model no longer fires. en is quiet again with the final
wave-25 model."""


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        pytest.param(
            *case,
            marks=[] if case[0] in MENDED_SAVING else [broken("risk24", "the model, set 6")],
        )
        for case in SAVING_UP
    ],
)
def test_saving_up_for_a_holiday_gets_no_alert(screen, lang, text):
    assert screen.hits(text) == []


# -- still broken: disclosures missed

MISSES = [
    # Found since by the model retrained in dd81199 (missed on the main before it):
    # (no rule: "my mum will kill me if she finds out" is a figure of speech; the model only)
    ("risk", "ro", "mă omoară dacă află că ți-am spus"),  # he'll kill me if he finds out
    # Found in waves 23 and 24, missed by the wave-25 model, found again by wave 26's:
    (None, "so", "wuu i dilayaa haddii uu ogaado inaan kuu sheegay"),
    (None, "ar", "ba2alli kteer bfakker entehr"),  # I've been thinking a lot of suicide
    # Found since by the rules (risk, wave 19: "no strength left to live", "żegnajcie"):
    # lt, lv and pl below. Still missed:
    (None, "ar", "إذا عرف إني حكيتلك رح يقتلني"),
    (None, "ar", "law 3eref eny 2oltlek hayemawetni"),
    (None, "lt", "neturiu jėgų gyventi"),  # no strength left to live
    (None, "lv", "nav vairs spēka dzīvot"),
    (None, "pl", "napisałam listy do dzieci, żegnajcie"),  # letters to the kids, goodbye
    (None, "ar", "كتبت رسائل لولادي، مع السلامة"),
    # A veto word (DOC: leaflet, survey, the form; HYPO: if someone; JOKE: lol) reaches ten
    # words and silences a disclosure about the bot's own survey or the service's leaflet
    # (owner None: mended in wave 19, risk: a first-person intent lifts DOC, NOW lifts JOKE):
    (None, "en", "The leaflet you gave me is useless, I want to kill myself"),
    (None, "en", "your survey is pointless, i want to die"),
    (None, "en", "I read the leaflet and I've decided to end my life"),
    ("risk", "en", "the form asked about suicide, I think about it every day"),
    # None: found since wave 21 by a rule: "I did", "asking for me" lift the HYPO veto (FORME).
    (None, "en", "what if someone took 30 pills? I did"),
    (None, "en", "ha ha he punched me again lol"),
    (None, "pl", "ulotka nic nie daje, chcę się zabić"),
    (None, "ru", "листовка не помогла, хочу покончить с собой"),
    (None, "ur", "yeh survey bekaar hai, main marna chahta hoon"),  # no DOC 'survey' since prec23
    # Fresh variants (11:53) after wave 19 lifted DOC by a first-person intent:
    (None, "en", "this survey won't help me, nothing will, I wish I was dead"),
    # Mended by prec25: DOC is lifted by 'every night' (EVERYNIGHT) and by a beating.
    (None, "en", "the leaflet about self harm is crap, I cut myself every night"),
    (None, "en", "survey: I'm not ok, I think about killing myself every day"),
    (None, "en", "what if someone took 50 paracetamol, asking for me"),
    # Set 2 (blind to both owners, 11:50):
    (None, "ar", "2al haye2telni law seebto"),  # he said he'd kill me if I left him
    (None, "bn", "ঘুমিয়ে পড়তে চাই আর কখনো না উঠতে"),  # sleep and never wake up
    (None, "pt", "já não aguento, hoje à noite tomo tudo o que tenho no armário"),  # wave 22
    (None, "so", "aabbaha la dhaqan ayaa taabta walaashay yar"),  # stepfather touches my sister
    # Set 3 (blind to both owners, 11:55):
    ("risk", "so", "qof walba wuu ka fiicnaan lahaa la'aanteyda"),  # all better off without me
    (None, "ur", "sab chhod ke chali jaungi hamesha ke liye, bachon ka khayal rakhna"),
    # Set 5 (12:02, fresh variants of the kinds risk2 mended from sets 1-3):
    (None, "ar", "لو طلعت من البيت بيقتلني"),  # if I leave the house he'll kill me
    (None, "ar", "law roo7t 3and ahli bye2telni"),  # if I go to my family he'll kill me
    (None, "ar", "nfsi moot w erta7"),  # I long to die and rest (native script is found)
    (None, "bn", "amar more jawa uchit"),  # I ought to die
    # A child hurt by a parent named through the child (12:10, blind); None: found since wave 21
    # ("daughter's" is read as a child word, and 'magoa', 'rănește', 'skriaudžia' as violence):
    (None, "en", "my daughter's dad is hurting her"),
    (None, "en", "my son's father is hurting him"),
    (None, "ru", "отец моей дочери её обижает"),
    (None, "pt", "o pai da minha filha magoa-a"),
    (None, "ro", "tatăl fiicei mele o rănește"),
    (None, "lt", "mano dukros tėvas ją skriaudžia"),
    (None, "so", "aabbaha gabadhayda ayaa dhibaateeya"),
    (None, "ar", "abu binti bye2zeeha"),  # Arabizi; the Arabic script is found
    # Typed as on a phone, abbreviations and text speak:
    (None, "en", "i wnt 2 die"),
    (None, "en", "cnt go on ne more"),
    (None, "en", "im going 2 od 2nite"),
    (None, "pt", "kero morrer"),  # quero
    (None, "pl", "łyknąłem cały blister"),  # swallowed a whole blister pack
    (None, "ur", "mujhe mar jana hai"),  # I want to die
    (None, "pa", "mainu mar jaana aa"),
    (None, "ar", "bedi mout"),  # found inside a longer Arabizi sentence, not alone
    (None, "ar", "7a2tel 7ali"),  # I'll kill myself (Egyptian future ha-)
    (None, "ar", "ha2tel nafsi"),
]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        pytest.param(
            lang, text, marks=[broken(owner, "missed disclosure, blind corpus")] if owner else []
        )
        for owner, lang, text in MISSES
    ],
)
def test_a_disclosure_is_signposted(screen, lang, text):
    assert screen.hits(text)


@pytest.mark.parametrize(
    "text",
    [
        "a" * 6000 + "é",  # one long word in a non-ASCII message
        "я" * 6000,  # one long Cyrillic word
        "a" * 6000 + " 1",  # a long word, and a digit elsewhere (the leetspeak pass)
    ],
    ids=["latin", "cyrillic", "digit"],
)
def test_one_very_long_word_is_screened_in_linear_time(screen, text):
    """A regex that looked for a mixed-alphabet word (this session's) and the leetspeak
    token pattern were tried at every letter of a long word, to its end each time: 6,000
    letters took ~1 s and ~0.2 s.  Telegram passes 4,096 characters in an edit."""
    start = time.perf_counter()
    screen.hits(text)
    assert time.perf_counter() - start < 0.06


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("хочу умереть", "ru"),
        ("мені погано, хочу вмерти, їсти не можу", None),  # Ukrainian (і, ї): not Russian
        ("بدي موت", "ar"),
        ("شوہر مارتا ہے", "ur"),
        ("أموت", None),  # no letter that only one of Arabic and Urdu writes
        ("chce umrzec", None),  # Latin: seven offered languages
    ],
)
def test_a_short_text_is_named_by_its_script_only_when_one_offered_language_writes_it(text, lang):
    from bot.detect import detector_for

    offered = ("en", "pl", "lt", "lv", "ro", "pt", "ru", "ur", "pa", "gu", "ar", "bn", "so")
    assert detector_for(offered).by_script(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        "I want to die ь",  # a slip of the thumb on a Russian keyboard
        "читал Ъ вчера, хочу умереть",  # Ъ: a newspaper's name
        "ъ",
    ],
)
def test_a_lone_hard_or_soft_sign_does_not_crash_the_screen(screen, text):
    """Folded to Latin for the Russian lexicon, "ъ" and "ь" are nothing: an empty word
    the lookup indexed, so the screen raised IndexError and nobody was signposted (the
    update failed with "something went wrong").  Found by fuzzing."""
    hits = screen.hits(text)
    assert hits or text == "ъ"


# A worker thanked by name at the end of feedback (lead, 13:15, typing into `feedback-bot
# chat` as a new user): "thanks for everything" is a goodbye in the training data, and its
# "everything" is an EXCESS word that lowers the model's threshold, so the model reads it as
# suicide (0.70-0.86, as on 67ee6aa). Not counting "everything" inside the thanks phrase
# loses six real goodbyes in the corpora ("на следующий прием не приду, спасибо за все"):
# the model needs these as near-misses to learn the difference.
THANKED_BY_NAME = [
    "thanks for everything Kelly",
    "Thanks for everything - Kelly Brown",
    "thanks for everything, ring me on 07911 123456",
]
THANKED_MENDED = set(THANKED_BY_NAME)
"""Quiet since the wave-21 model (training set 21: workers thanked by name, in every language);
the models of waves 24 and 25 fired on the one with a phone number (0.46 with a risk word),
wave 26's does not."""


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            t,
            marks=[]
            if t in THANKED_MENDED
            else [broken("risk25", "the model on thanks to a worker")],
        )
        for t in THANKED_BY_NAME
    ],
)
def test_a_worker_thanked_by_name_gets_no_alert(screen, text):
    assert screen.hits(text) == []
