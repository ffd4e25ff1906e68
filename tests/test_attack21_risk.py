"""What attack21's blind corpus (tests/data/risk_attack21) showed the risk screen missing.

Written by helper attack21 before it read bot/risk* or any earlier risk corpus line; the first
run (main c943562, recall 0.950, precision 0.868) is in each file's header.  Each case here is
one line of that corpus that the screen got wrong.  All are strict xfails: the owner named in
the reason mends it (risk: the model and en pl lt lv ro pt ru so; risk2: ar ur pa gu bn), and
the XPASS then fails the run: take the mark off that case.

A miss costs a person the helplines; a wrong category costs them the overdose advice
(``safety.signpost`` adds it only for ``overdose``); a near-miss that fires shows helplines
and overdose advice to someone talking about a training session or a death years ago.
"""

from __future__ import annotations

import pytest


def broken(owner: str, why: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"owner {owner}: {why}")


MISSED = [
    pytest.param(
        "told my sister she can have the cat if anything happens to me this weekend",
        "suicide",
        # Mended in wave 21 (risk): a pet given 'if anything happens to me' is a rule.
        id="en-gives-away-cat",
    ),
    pytest.param(
        "شريكي يأخذ نقودي ولا يسمح لي بالخروج من البيت",
        "abuse",
        id="ar-partner-controls",
    ),
    pytest.param(
        "jozi byidrebni lamma yiskar",
        "abuse",
        id="ar-arabizi-husband-hits",
    ),
    pytest.param(
        "pati daru pine mara par haath upade che",
        "abuse",
        id="gu-rom-raises-hand",
    ),
    pytest.param(
        "ਪਤੀ ਸ਼ਰਾਬ ਪੀ ਕੇ ਮੇਰੇ ਤੇ ਹੱਥ ਚੁੱਕਦਾ ਹੈ",
        "abuse",
        id="pa-raises-hand",
    ),
    pytest.param(
        "pati sharab pee ke mere te hath chukda hai",
        "abuse",
        id="pa-rom-raises-hand",
    ),
    pytest.param(
        "شوہر شراب پی کر مجھ پر ہاتھ اٹھاتا ہے",
        "abuse",
        id="ur-raises-hand",
    ),
    pytest.param(
        "shohar sharab pee kar mujh par haath uthata hai",
        "abuse",
        id="ur-rom-raises-hand",
    ),
    pytest.param(
        "ساس میرا پیسہ لے لیتی ہے اور گھر سے نکلنے نہیں دیتی",
        "abuse",
        id="ur-mother-in-law-controls",
    ),
    pytest.param(
        "think ive double dosed, had my script this morning then scored as well,"
        " feel like im sinking",
        "overdose",
        # Mended in wave 21: a dose doubled and 'sinking' is an overdose rule (risk).
        id="en-double-dosed",
    ),
    pytest.param(
        "shami mod kheye amar gaye haat tole",
        "abuse",
        id="bn-rom-raises-hand",
    ),
]


@pytest.mark.parametrize(("text", "category"), MISSED)
def test_a_disclosure_of_the_blind_corpus_is_signposted_under_its_category(screen, text, category):
    assert category in screen.categories(text)


NEAR_MISSES = [
    pytest.param(
        "كنت أؤذي نفسي قبل عشر سنوات، والآن أنا بخير",
        id="ar-harm-ten-years-ago",
    ),
    pytest.param(
        "أريد أن أعرف ماذا أفعل إذا أخذ أحدهم جرعة زائدة",
        id="ar-what-to-do-if",
    ),
    pytest.param(
        "3ammi tweffa b overdose min zaman",
        id="ar-rom-uncle-long-ago",
    ),
    pytest.param(
        "majmou3et el 3onf el osari kanet mnazzame mni7",
        id="ar-rom-dv-group",
    ),
    pytest.param(
        "কারো ওভারডোজ হলে কী করতে হবে জানতে চাই",
        id="bn-what-to-do-if",
    ),
    pytest.param(
        "amar chacha onek age overdose e mara giyechilen",
        id="bn-rom-uncle-long-ago",
    ),
    pytest.param(
        "karo overdose hole ki korte hobe jante chai",
        id="bn-rom-what-to-do-if",
    ),
    pytest.param(
        "આ લાઈન તો જીવ લઈ લેશે, એક કલાકથી રાહ જોઉં છું",
        id="gu-queue-will-kill",
    ),
    pytest.param(
        "ઘરેલુ હિંસા વાળું ગ્રુપ સારી રીતે ચલાવ્યું",
        id="gu-dv-group",
    ),
    pytest.param(
        "જો કોઈનો ઓવરડોઝ થાય તો શું કરવું, જણાવશો",
        id="gu-what-to-do-if",
    ),
    pytest.param(
        "mara kaka ghana samay pehla overdose thi gujri gaya hata",
        id="gu-rom-uncle-long-ago",
    ),
    pytest.param(
        "jo koino overdose thay to shu karvu, janavsho",
        id="gu-rom-what-to-do-if",
    ),
    pytest.param(
        "grupė apie smurtą artimoje aplinkoje buvo gerai vedama",
        id="lt-dv-group",
        # Mended in wave 21 (risk): the group as a guard, 'what to do if', 'waa hore'.
    ),
    pytest.param(
        "ਮੇਰੇ ਚਾਚਾ ਜੀ ਬਹੁਤ ਪਹਿਲਾਂ ਓਵਰਡੋਜ਼ ਨਾਲ ਗੁਜ਼ਰ ਗਏ ਸਨ",
        id="pa-uncle-long-ago",
    ),
    pytest.param(
        "ਘਰੇਲੂ ਹਿੰਸਾ ਵਾਲਾ ਗਰੁੱਪ ਵਧੀਆ ਚਲਾਇਆ ਗਿਆ",
        id="pa-dv-group",
    ),
    pytest.param(
        "ਜੇ ਕਿਸੇ ਦੀ ਓਵਰਡੋਜ਼ ਹੋ ਜਾਵੇ ਤਾਂ ਕੀ ਕਰੀਏ, ਦੱਸ ਦਿਓ",
        id="pa-what-to-do-if",
    ),
    pytest.param(
        "mere chacha ji bahut pehlan overdose naal guzar gaye san",
        id="pa-rom-uncle-long-ago",
    ),
    pytest.param(
        "je kise di overdose ho jave tan ki kariye, dass deo",
        id="pa-rom-what-to-do-if",
    ),
    pytest.param(
        "группа про домашнее насилие была хорошо проведена",
        id="ru-dv-group",
        # Mended in wave 21 (risk): the group as a guard, 'what to do if', 'waa hore'.
    ),
    pytest.param(
        "хотел бы знать, что делать, если у кого-то передозировка",
        id="ru-what-to-do-if",
        # Mended in wave 21 (risk): the group as a guard, 'what to do if', 'waa hore'.
    ),
    pytest.param(
        "adeerkay wuxuu u dhintay daroogo xad dhaaf ah waa hore",
        id="so-uncle-long-ago",
        # Mended in wave 21 (risk): the group as a guard, 'what to do if', 'waa hore'.
    ),
    pytest.param(
        "waxaan jeclaan lahaa inaan ogaado waxa la sameeyo haddii qof xad dhaaf qaato",
        id="so-what-to-do-if",
        marks=broken("risk24", "false alarm of the wave-24 model"),
        # Mended in wave 22 (risk): the model reads the lexicons' meanings too.
    ),
    pytest.param(
        "میرے چچا بہت پہلے زیادہ مقدار لینے سے فوت ہوئے تھے",
        id="ur-uncle-long-ago",
    ),
    pytest.param(
        "اگر کسی کا اوور ڈوز ہو جائے تو کیا کرنا چاہیے، بتا دیں",
        id="ur-what-to-do-if",
    ),
    pytest.param(
        "mere chacha bohat pehle overdose se faut hue the",
        id="ur-rom-uncle-long-ago",
    ),
    pytest.param(
        "agar kisi ka overdose ho jaye to kya karna chahiye, bata dein",
        id="ur-rom-what-to-do-if",
    ),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_a_near_miss_of_the_blind_corpus_is_not_signposted(screen, text):
    assert not screen.hits(text)


# Found after the corpus, typing the ways people write online (emoji, self-harm slang) and
# one more romanised spelling; these are not in the corpus.
PROBED = [
    pytest.param(
        "took like 💊💊💊💊💊💊 the whole pack, feeling really weird",
        "overdose",
        # Mended in wave 21 (risk): a pill emoji is read as 'pills'.
        id="en-pill-emoji-whole-pack",
    ),
    pytest.param(
        "necked the lot 💊",
        "overdose",
        # Mended in wave 21 (risk): 'the lot' is an EXCESS word, the emoji 'pills'.
        id="en-necked-the-lot",
    ),
    pytest.param(
        "my arms look like a barcode again",
        "self_harm",
        # Mended in wave 21 (risk): 'barcode' is a HARM word beside a body part.
        id="en-barcode-arms",
    ),
    pytest.param(
        "new barcode on my wrist last night",
        "self_harm",
        # Mended in wave 21 (risk), as above.
        id="en-barcode-wrist",
    ),
    pytest.param(
        "ami mori jete chai",
        "suicide",
        id="bn-rom-mori-jete-chai",
    ),
]


@pytest.mark.parametrize(("text", "category"), PROBED)
def test_a_disclosure_written_as_people_write_online_is_signposted(screen, text, category):
    assert category in screen.categories(text)


@pytest.mark.xfail(
    strict=True,
    reason="owner risk: a group session about nitazene overdoses is signposted as an overdose"
    " (the veto for 'a session about it' does not reach 'learned the signs of … in group')",
)
def test_learning_the_signs_of_an_overdose_in_group_is_not_signposted(screen):
    assert not screen.hits("we learned the signs of a nitazene overdose in group, useful")
