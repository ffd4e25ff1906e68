"""Attack22 on this session's redaction (redact22): names after family words and in
apposition, phones and emails said in words, birth dates with ordinals, flats.

Written by helper attack22 and run on main 33735c7.  Strict xfails name what is wrong and
the owner (redact22); when a fix makes one pass, the XPASS fails the run: take its mark off.

- Leaks: a detail stored in clear.  Phones dictated in groups are read in Russian and Polish
  only (pt so ro lv leak); an ordinal said in a word before the month leaks (ru ar).  In-laws
  are in ``_RELATIONS`` but a message is looked at only when ``_has_relation`` finds a family
  word, and "sister-in-law," is one token, "mother in law" puts "in law" between the word and
  the name; the in-law words of the other languages ("szwagier", "zięć", "зять", nominative
  "свёкор", "genro", "nora", "cumnat", "ginere", "uošvis", "znots", "saas", "devar") are not
  there at all.
- Wrongly removed: two or three words between commas after a family or neighbour word in
  Arabic, Urdu, Bengali and Gujarati script are taken for a name in apposition, and "by God's
  mercy", "honestly", "an old man" are stored as [name]: the reader loses what the person
  said, and "my husband, [name], no longer drinks" reads as if a name was given.
"""

from __future__ import annotations

import pytest

from bot.redact import redact


def leak(why: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"owner redact22: stored in clear: {why}")


def removed(why: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"owner redact22: wrongly removed: {why}")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param(
            "my sister-in-law, Karen Hughes, drove me",
            "Hughes",
            id="en-sister-in-law-hyphenated",
        ),
        pytest.param(
            "ask for Margaret Ellis at the desk or my brother-in-law, Dean Carter",
            "Carter",
            id="en-brother-in-law-hyphenated",
        ),
        pytest.param(
            "my mother in law Karen Hughes drove me",
            "Hughes",
            id="en-mother-in-law-spaced",
        ),
        pytest.param(
            "my son-in-law Dean Carter drinks",
            "Carter",
            id="en-son-in-law",
        ),
        pytest.param(
            "mój szwagier Piotr Nowak mi pomaga",
            "Nowak",
            id="pl-szwagier",
        ),
        pytest.param(
            "mój zięć Piotr Nowak pije",
            "Nowak",
            id="pl-ziec",
        ),
        pytest.param(
            "мой свёкор Иван Петров помогает",
            "Петров",
            id="ru-svyokor",
        ),
        pytest.param(
            "мой зять Иван Петров пьёт",
            "Петров",
            id="ru-zyat",
        ),
        pytest.param(
            "o meu genro João Pereira bebe",
            "Pereira",
            id="pt-genro",
        ),
        pytest.param(
            "cumnatul meu Ion Popescu bea",
            "Popescu",
            id="ro-cumnat",
        ),
        pytest.param(
            "mano uošvis Jonas Kazlauskas geria",
            "Kazlauskas",
            id="lt-uosvis",
        ),
        pytest.param(
            "mans znots Jānis Bērziņš dzer",
            "Bērziņš",
            id="lv-znots",
        ),
        pytest.param(
            "meri saas Nasreen Akhtar madad karti hai",
            "Akhtar",
            id="ur-rom-saas",
        ),
        pytest.param(
            "amar shami Rafiq Islam amake mare",
            "Rafiq Islam",
            id="bn-rom-shami",
        ),
        pytest.param(
            "reception par Nilesh Patel ne puchjo",
            "Patel",
            id="gu-rom-ne-puchjo",
        ),
        pytest.param(
            "بريدي جمال دوت احمد ات جيميل دوت كوم",
            "جمال",
            id="ar-email-in-words",
        ),
        pytest.param(
            "urodziłam się 3-go marca 1990",
            "1990",
            id="pl-dob-ordinal-go",
        ),
        pytest.param(
            "born on March the 3rd, 1990",
            "1990",
            id="en-dob-month-the-ordinal",
        ),
        pytest.param(
            "meu número é zero sete nove, onze, doze, trinta e quatro, cinquenta e seis",
            "trinta e quatro",
            id="pt-phone-in-groups",
        ),
        pytest.param(
            "я родилась третьего марта девяностого года",
            "третьего марта",
            id="ru-dob-in-words",
        ),
        pytest.param(
            "the name's Ellis, Margaret Ellis",
            "Margaret",
            id="en-name-repeated-bond-style",
        ),
        pytest.param(
            "lambarkaygu waa toddoba sagaal kow kow, boqol labaatan iyo saddex,"
            " afar boqol konton iyo lix",
            "boqol labaatan iyo saddex",
            id="so-phone-in-groups",
        ),
        pytest.param(
            "telefonul meu: zero șapte sute nouăzeci și unu, o sută douăzeci și trei,"
            " patru sute cincizeci și șase",
            "o sută douăzeci și trei",
            id="ro-phone-in-groups",
        ),
        pytest.param(
            "mans tālrunis: nulle septiņi simti deviņdesmit viens, simts divdesmit trīs,"
            " četri simti piecdesmit seši",
            "simts divdesmit trīs",
            id="lv-phone-in-groups",
        ),
        pytest.param(
            "ولدت في الثالث من مارس ١٩٩٠",
            "١٩٩٠",
            id="ar-dob-ordinal-word",
        ),
        pytest.param(
            "my email is jamal dot ahmed at g mail dot com",
            "jamal",
            id="en-email-g-mail-spaced",
        ),
        pytest.param(
            "mano telefonas: nulis septyni šimtai devyniasdešimt vienas, šimtas dvidešimt trys,"
            " keturi šimtai penkiasdešimt šeši",
            "šimtas dvidešimt trys",
            id="lt-phone-in-groups",
        ),
        pytest.param(
            "رقمي صفر سبعمية وتسعين وواحد، مية وتلاتة وعشرين، اربعمية وستة وخمسين",
            "مية وتلاتة وعشرين",
            id="ar-phone-in-groups",
        ),
        pytest.param(
            "mera number zero saat sau ikyanve, ek sau teis, char sau chhappan hai",
            "ek sau teis",
            id="ur-rom-phone-in-groups",
        ),
        pytest.param(
            "amar number shunno sat sho ekanobboi, ek sho teish, char sho chhappanno",
            "ek sho teish",
            id="bn-rom-phone-in-groups",
        ),
        pytest.param(
            "আমার ইমেইল জামাল এট দা রেট জিমেইল ডট কম",
            "জামাল",
            id="bn-email-at-the-rate",
        ),
        pytest.param(
            "મારો ઈમેલ નીલેશ એટ ધ રેટ જીમેલ ડોટ કોમ",
            "નીલેશ",
            id="gu-email-at-the-rate",
        ),
        pytest.param(
            "ਮੇਰੀ ਈਮੇਲ ਜਸਪ੍ਰੀਤ ਐਟ ਦ ਰੇਟ ਜੀਮੇਲ ਡੌਟ ਕਾਮ",
            "ਜਸਪ੍ਰੀਤ",
            id="pa-email-at-the-rate",
        ),
        pytest.param(
            "میری ای میل جمال ایٹ دی ریٹ جی میل ڈاٹ کام",
            "جمال",
            id="ur-email-at-the-rate",
        ),
        pytest.param(
            "میرا نمبر صفر سات سو اکانوے، ایک سو تئیس، چار سو چھپن ہے",
            "ایک سو تئیس",
            id="ur-phone-in-groups-script",
        ),
        pytest.param(
            "আমার নম্বর শূন্য সাতশো একানব্বই, একশো তেইশ, চারশো ছাপ্পান্ন",
            "একশো তেইশ",
            id="bn-phone-in-groups-script",
        ),
        pytest.param(
            "ਮੇਰਾ ਨੰਬਰ ਜ਼ੀਰੋ ਸੱਤ ਸੌ ਇਕਾਨਵੇਂ, ਇੱਕ ਸੌ ਤੇਈ, ਚਾਰ ਸੌ ਛਪੰਜਾ",
            "ਇੱਕ ਸੌ ਤੇਈ",
            id="pa-phone-in-groups-script",
        ),
        pytest.param(
            "મારો નંબર શૂન્ય સાતસો એકાણું, એકસો ત્રેવીસ, ચારસો છપ્પન",
            "એકસો ત્રેવીસ",
            id="gu-phone-in-groups-script",
        ),
        pytest.param(
            "mera email jamal at d rate gmail dot com",
            "jamal",
            id="ur-rom-email-at-d-rate",
        ),
        # The same kinds that this session's slices do hide: guards.
        pytest.param("my step-mum, Karen Hughes, drove me", "Hughes", id="en-step-mum"),
        pytest.param("moja teściowa, Anna Kowalska, mnie wozi", "Kowalska", id="pl-tesciowa"),
        pytest.param("моя свекровь Анна Петрова помогает", "Петрова", id="ru-svekrov"),
        pytest.param("mera shohar Imran Khan mujhe marta hai", "Imran", id="ur-rom-shohar"),
        pytest.param("আমার স্বামী, রফিক ইসলাম, আমাকে মারে", "রফিক", id="bn-husband-commas"),
        pytest.param("reception par Bilal Ahmed se puchiye", "Bilal", id="ur-rom-se-puchiye"),
        pytest.param(
            "mano numeris: nulis septyni devyni vienas vienas vienas du trys keturi penki šeši",
            "septyni devyni",
            id="lt-phone-in-words",
        ),
        pytest.param(
            "amar number shunno sat noy ek ek ek dui tin char pach choy",
            "sat noy",
            id="bn-rom-phone-in-words",
        ),
        pytest.param("ਮੇਰੀ ਈਮੇਲ ਜਮਾਲ ਡੌਟ ਸਿੰਘ ਐਟ ਜੀਮੇਲ ਡੌਟ ਕਾਮ", "ਸਿੰਘ", id="pa-email-in-words"),
        pytest.param("ਮੇਰੀ ਜਨਮ ਤਰੀਕ ੩ ਮਾਰਚ ੧੯੯੦ ਹੈ", "੧੯੯੦", id="pa-dob-gurmukhi-digits"),
        pytest.param(
            "mans numurs: nulle septiņi deviņi viens viens viens divi trīs četri",
            "septiņi",
            id="lv-phone-words",
        ),
        pytest.param("мой адрес: Station Road 22, кв. 12", "Station", id="ru-flat-kv"),
    ],
)
def test_a_detail_is_not_stored_in_clear(text: str, secret: str) -> None:
    assert secret not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "আমার স্বামী, আল্লাহর রহমতে, এখন মদ খায় না",
            id="bn-husband-by-gods-mercy-no-longer-drinks",
        ),
        pytest.param(
            "আমার মা, আল্লাহর রহমতে, এখন সুস্থ",
            id="bn-mother-by-gods-mercy-well",
        ),
        pytest.param(
            "আমার বোন, সত্যি বলতে, খুব খুশি",
            id="bn-sister-truth-be-told",
        ),
        pytest.param(
            "আমার প্রতিবেশী, বয়স্ক মানুষ, খুব সাহায্য করেছেন",
            id="bn-neighbour-an-old-man",
        ),
        pytest.param(
            "મારો દીકરો, ભગવાનની કૃપા, હવે સારો છે",
            id="gu-son-by-gods-grace",
        ),
        pytest.param(
            "મારા પાડોશી, વૃદ્ધ કાકા, ખૂબ મદદ કરે છે",
            id="gu-neighbour-old-uncle",
        ),
        pytest.param(
            "میرا بیٹا، سچ پوچھیں تو، بہتر ہے",
            id="ur-son-to-tell-the-truth",
        ),
        pytest.param(
            "میرا پڑوسی، بزرگ آدمی، بہت اچھا ہے",
            id="ur-neighbour-elderly-man",
        ),
        pytest.param(
            "جاري، رجل كبير، ساعدني كتير",
            id="ar-neighbour-old-man",
        ),
        # Everyday answers this session's slices keep: guards.
        pytest.param("ابني، ما شاء الله، صار منيح", id="ar-son-mashallah"),
        pytest.param("میری امی، ماشاءاللہ، بہت خوش ہیں", id="ur-mother-mashallah"),
        pytest.param("ਮੇਰੀ ਮਾਂ, ਰੱਬ ਦੀ ਮਿਹਰ ਨਾਲ, ਹੁਣ ਠੀਕ ਹੈ", id="pa-mother-gods-grace"),
        pytest.param("I've been on sixty mil of methadone for two years", id="en-dose-words"),
        pytest.param("восемь лет пил, сорок дней не пью, девяносто миллилитров", id="ru-counts"),
        pytest.param(
            "wydałam osiemset dziewięćdziesiąt złotych, sto dwadzieścia trzy dni", id="pl-counts"
        ),
        pytest.param("ring Samaritans on 116 123, they were great", id="en-helpline"),
        pytest.param("call 0300 123 6600 for FRANK", id="en-frank"),
        pytest.param("labo sano ayaan nadiif ahay, saddex afar bilood ayaan sugay", id="so-counts"),
        pytest.param("choy mash dhore clean, ek dui tin char din kharap chilo", id="bn-rom-counts"),
        pytest.param("sab3a tis3a sneen ana nadif, wa7ed itnein talata", id="ar-rom-counts"),
        pytest.param(
            "I've been clean for one year, two months, three weeks, four days", id="en-clean"
        ),
        pytest.param(
            "I was at HMP Wandsworth for three years, then CGL Lambeth helped", id="en-prison"
        ),
        pytest.param("my keyworker Tom is the best", id="en-first-name-alone"),
        pytest.param("pani doktor Anna była bardzo miła", id="pl-title-first-name"),
    ],
)
def test_everyday_feedback_is_stored_as_typed(text: str) -> None:
    assert redact(text) == text
