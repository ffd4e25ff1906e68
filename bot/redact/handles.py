"""Social handles: what people write so that they can be found online.

A handle is as identifying as a phone number: one search finds the person, and
often their face and real name.  People write them in many ways:

- "@name" (:func:`at_handles`);
- a handle after a platform's name, in any enabled language and script, with
  the endings the language puts on it ("na snapie", "tiktoke", "instagramā",
  "ফেসবুকে", "instagram-kayga", "الانستغرام"): a word shaped like a handle
  (a letter, then a digit, "_" or ".") a few words after it, whatever the words
  between say ("pe insta sunt ana.maria_uk", "my snap's kazb.99"); a word after
  a cue (":", "is", "é", "это", "as", "jako"...), also without a digit when the
  person says it is theirs or how to find them ("my tiktok is soberkaz", "find
  me on X as recoveringrob", "add me on snap leannewalsh"); and a full name
  after the platform, which is what a Facebook or VK profile is ("fb: Leanne
  McDonald", "feisbuke mane rasi kaip Tomas Petraitis", "فیس بک پر Bilal Ahmed").

A profile link ("t.me/dazza", "wa.me/4477...", "fb.com/kelly.brown.5") is tagged as a web
address by ``online.urls``, as the corpus has always labelled it; a handle-shaped word after
a platform is looked for first, so "в тг я vanya.tr" is a handle, not a site in Turkey.

Kept: a platform named with nothing to find ("my insta is private", "I saw it
on tiktok"), "@ the hub", campaign hashtags ("#RecoveryMonth"), service names
after a platform ("on Facebook Change Grow Live posted..."), and X as a letter
(only "on X", "X:" and the like name the platform).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.redact.names import _NOT_NAMES
from bot.redact.spans import MARKS, Span, words
from bot.textnorm import fold

# Platform names as people write them, per script.  Long names may take the endings of the
# language ("instagramul", "tiktoku", "feisbukā", "ফেসবুকে", "انستغرامي"); short ones are
# whole words only, as they are also parts of everyday words ("big", "school").
_LONG_NAMES = (
    # Latin: English names and the Polish, Romanian, Lithuanian, Latvian, Portuguese and
    # Somali spellings people use ("fejs", "feis", "feysbuug", "waatsab", "teleegaram").
    "instagram instagramm instagraam instagraamka insta(?!n|ll|l\\b) snapchat snap(?!p|sh) "
    "tik\\s?tok tiktook tik\\s?toc twitter telegram telegraam teleegaram telegaraam facebook "
    "fesbuk fejsbuk fejs feisbuk feis(?!t) feysbuug feysbuuk fesbuuk faysbuug facebuug "
    "whats\\s?app whats(?!oever) wats\\s?app watsap waatsab watsab wasap wassap watsapp zapzap "
    "discord youtube reddit linkedin skype viber vkontakte bluesky "
    # The account itself: "my username is kaz_b", "ник: olga_t".
    "user\\s?name nickname никнейм юзернейм"
)
_CYRILLIC_NAMES = (
    "инстаграм инстаграмм инста инсту инсте инстой телеграм телега телеге телегу телеги "
    "тикток тик\\s?ток снапчат снэпчат снепчат снап фейсбук фэйсбук фейс вконтакте ватсап "
    "вотсап вацап вотсапп ватсапп твиттер твитер ютуб дискорд вайбер"
)
_ARABIC_NAMES = (
    # Arabic, then Urdu spellings.
    "انستغرام انستقرام إنستغرام إنستقرام انستجرام انستا إنستا فيسبوك فيس\\s?بوك تيك\\s?توك "
    "سناب\\s?شات سناب تلغرام تيليجرام تليجرام تيليغرام تلجرام واتساب واتس\\s?اب واتس "
    "تويتر يوتيوب "
    "انسٹاگرام انسٹا فیس\\s?بک فیس\\s?بُک فیس\\s?بوک ٹک\\s?ٹاک اسنیپ\\s?چیٹ سنیپ\\s?چیٹ "
    "اسنیپ سنیپ ٹیلی\\s?گرام ٹیلیگرام واٹس\\s?ایپ واٹس\\s?اپ وٹس\\s?ایپ ٹویٹر ٹوئٹر یوٹیوب"
)
_INDIC_NAMES = (
    # Bengali, Gurmukhi, Gujarati.
    "ইনস্টাগ্রাম ইন্সটাগ্রাম ইনস্টা ইন্সটা ফেসবুক ফেইসবুক টিকটক টিক\\s?টক স্ন্যাপচ্যাট "
    "স্ন্যাপ টেলিগ্রাম হোয়াটসঅ্যাপ হোয়াটস\\s?অ্যাপ হোয়াটসআপ টুইটার ইউটিউব "
    "ਇੰਸਟਾਗ੍ਰਾਮ ਇੰਸਟਾਗਰਾਮ ਇੰਸਟਾ ਫੇਸਬੁੱਕ ਫੇਸਬੁਕ ਟਿਕਟੌਕ ਟਿਕਟਾਕ ਟਿੱਕਟੌਕ ਟਿਕ\\s?ਟੌਕ "
    "ਸਨੈਪਚੈਟ ਸਨੈਪ ਟੈਲੀਗ੍ਰਾਮ ਟੈਲੀਗਰਾਮ ਟੈਲੀਗ੍ਰਾਮ ਵਟਸਐਪ ਵਟਸਅੱਪ ਵ੍ਹਟਸਐਪ ਵਾਟਸਐਪ ਟਵਿੱਟਰ "
    "ਯੂਟਿਊਬ "
    "ઇન્સ્ટાગ્રામ ઈન્સ્ટાગ્રામ ઇન્સ્ટા ઈન્સ્ટા ફેસબુક ફેસબૂક ટિકટોક ટીકટોક ટિક\\s?ટોક "
    "સ્નેપચેટ સ્નેપ ટેલિગ્રામ ટેલીગ્રામ વોટ્સએપ વૉટ્સઍપ વોટસએપ ટ્વિટર યુટ્યુબ"
)
_WHOLE_NAMES = (
    "ig sc tt tg fb yt kik zap wpp threads signal twitch bsky handle nick ник вк тг فيس الفيس فیس"
)
"""Whole words only: short, or everyday words when an ending is added ("signalled")."""


def _alternation(names: str) -> str:
    # Folded like the text they are looked for in (Gurmukhi nukta forms, odd spaces).
    parts = {fold(n).text if "\\" not in n and "(" not in n else n for n in names.split()}
    return "|".join(sorted(parts, key=len, reverse=True))


_LETTER = rf"[^\W\d_]|[{MARKS}]"
_INFLECTABLE = _alternation(" ".join((_LONG_NAMES, _CYRILLIC_NAMES, _ARABIC_NAMES, _INDIC_NAMES)))
_PLATFORM = re.compile(
    rf"(?<![\w{MARKS}@./])"
    rf"(?:(?:(?:ال|وال|بال)?(?:{_INFLECTABLE})(?:['’-]?(?:{_LETTER}){{1,9}})?)"
    rf"|(?:{_alternation(_WHOLE_NAMES)})"
    rf"|(?<=no\s)face|(?<=na\s)face|(?<=pe\s)face|(?<=do\s)face"
    r"|(?-i:(?<=on\s)X|(?<=na\s)X|(?<=pe\s)X|(?<=no\s)X|(?<=em\s)X|(?<=в\s)X|(?<=на\s)X"
    r"|(?<=uz\s)X|(?<=ant\s)X|(?<=ku\s)X|X(?=\s*:)|(?<=/)X)|iksie|iksa)"
    rf"(?![\w{MARKS}])",
    re.IGNORECASE,
)


def _stem(name: str) -> str:
    """The longest plain part of a name's pattern: "tik\\s?tok" → "tik", for a substring test."""
    parts = re.sub(r"\(\?[^)]*\)", "", name).split("\\s?")
    return fold(max(parts, key=len)).text.casefold()


_ALL_INFLECTABLE = " ".join((_LONG_NAMES, _CYRILLIC_NAMES, _ARABIC_NAMES, _INDIC_NAMES))
_PLATFORM_STEMS = (*{_stem(n) for n in _ALL_INFLECTABLE.split()}, "face", "iksie", "iksa")
_SHORT = words(_WHOLE_NAMES)


_BY_PREFIX: dict[str, tuple[str, ...]] = {}
for _s in sorted(_PLATFORM_STEMS):
    _BY_PREFIX[_s[:3]] = (*_BY_PREFIX.get(_s[:3], ()), _s)
_SPLIT = re.compile(r"[\s,.;:!?()\[\]{}\"'’‘`/#@*_+=&|<>~-]+")
"""Between words (not \\W: vowel signs of the Indic scripts are inside words)."""


def _names_a_platform(text: str) -> bool:
    """A cheap first look: most answers name no platform, and skip the patterns.

    Each word is looked up by its first three letters among the platforms' stems (and
    without the Arabic article), which is cheaper than scanning for 160 names.
    """
    if "X" in text:
        return True
    for word in _SPLIT.split(text.casefold()):
        if word in _SHORT:
            return True
        for w in (word, word[2:]) if word.startswith(("ال", "وال", "بال")) else (word,):
            stems = _BY_PREFIX.get(w[:3])
            if stems and w.startswith(stems):
                return True
    return False


_AT_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z][A-Za-z0-9_.]{1,30}[A-Za-z0-9_]")


_AT_A_PLACE = words(
    """
    the home work school night gym church group hub clinic uni college weekend lunch dinner
    breakfast mums dads nans mine yours his hers theirs ours last least first once all
    """
)
"""Words that "@" stands for "at" before, glued on ("see you @the group", "@home"): a plain
word of these is no one's handle; "@the_real_jo" is."""


_REDDIT_USER = re.compile(r"(?<![\w/])u/[A-Za-z0-9_-]{3,20}(?![\w/])")


_AT_DIGIT_HANDLE = re.compile(r"(?<![\w@.])@ ?\d[A-Za-z0-9_.]{0,30}[A-Za-z_][A-Za-z0-9_.]{0,30}")
"""A handle that starts with a digit ("@4ever_jo", "@2cool4u"): it needs a letter."""
_AT_SPACE_HANDLE = re.compile(r"(?<![\w@.])@ [A-Za-z][A-Za-z0-9_.]{1,30}[A-Za-z0-9_]")
"""A handle with a space after its "@" ("add me @ kasia_92"): taken only shaped like one
(:data:`_SHAPED_AFTER_AT`), as "see you @ home" is a word."""
_SHAPED_AFTER_AT = re.compile(r"[A-Za-z].*[._0-9]")
_AT_AMOUNT = re.compile(
    r"\d+(?:[.,:]\d+)?(?:mg|ml|mcg|g|kg|l|pm|am|h|hrs?|hours?|mins?|x|st|nd|rd|th|k|p|"
    r"days?|weeks?|wks?|months?|years?|yrs?|pcs|quid|gbp)?(?:[_ -]?ish)?",
    re.IGNORECASE,
)
"""What follows "@" as an amount, a price or a time ("@10am", "@5mg", "@3rd", "@2days")."""


def at_handles(text: str) -> Iterator[Span]:
    """ "@name", "@4ever_jo", and Reddit's "u/name"."""
    if "@" in text:
        for m in _AT_HANDLE.finditer(text):
            value = m.group().rstrip(".")
            if value[1:].casefold() in _AT_A_PLACE:
                continue  # "see you @the group", "I was @home": "at" typed as "@"
            yield Span(m.start(), m.start() + len(value), "handle")
        for m in _AT_DIGIT_HANDLE.finditer(text):
            value = m.group().rstrip(".")
            if not _AT_AMOUNT.fullmatch(value[1:].lstrip()):
                yield Span(m.start(), m.start() + len(value), "handle")
        for m in _AT_SPACE_HANDLE.finditer(text):
            value = m.group().rstrip(".")
            name = value[2:]
            if _SHAPED_AFTER_AT.search(name) and not _NOT_SHAPED.fullmatch(name):
                yield Span(m.start(), m.start() + len(value), "handle")
    if "u/" in text:
        for m in _REDDIT_USER.finditer(text):
            yield Span(m.start(), m.end(), "handle")


_TOKEN = re.compile(r"(?:[^\s,;:!?()\[\]\"«»“”‘’'`]|(?<=\w)['’](?=\w))+|[,;:!?()\[\]\"«»“”‘’'`]")
"""Words and punctuation; quotes around a handle are not part of it ('is ‘kaz_b’')."""
_HANDLE = re.compile(r"@?[A-Za-z][A-Za-z0-9_.-]{1,29}[A-Za-z0-9_](?:#\d{4})?|@[A-Za-z0-9_.]{2,30}")
"""A handle's shape, with a Discord tag ("kaz#1234")."""
_PLAIN = re.compile(r"[a-z][a-z'’-]{1,20}")
_SHAPED = re.compile(r"[A-Za-z].*[._0-9]|[._0-9].*[A-Za-z]")
"""A handle's look: a letter and a digit, "_" or "." ("kaz-b99" has its digit)."""
_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?")
_NOT_SHAPED = re.compile(
    r"(?:\d+(?:[.,]\d+)?(?:mg|ml|mcg|g|kg|l|pm|am|h|hrs?|mins?|x|st|nd|rd|th|k|p)"
    r"|[A-Z]{1,2}\d{1,2}[A-Z]?|e\.g|i\.e|etc|vs|no\.\d+)",
    re.IGNORECASE,
)
"""Doses, times, ordinals, motorways and postcodes' halves: shaped, but no handle."""

# What says "the next word is my handle": ":" and "is" / "it's" / "as" in the languages.
_CUES = words(
    """
    : = - – is it's its it’s are e é este es to jest jako yra esu kaip ir esmu kā как это
    я sunt sou como hai he hae haa che chhe chu waa ah ahay ni als as under called named
    اسمي باسم اسم هو هي ہے ھے نام আছে হলো হল ইউজারনেম છે ਹੈ
    """
)
_SAYS_CUES = words(": = - –")
"""After these any word but an everyday one is the handle ("snap: kellyb")."""
_IS_CUES = words(
    """
    is it's its it’s e é este es to это هو هي as ca como jako kaip kā как called named als
    """
)
"""Cues that are also everyday words: a plain word after them is a handle only when the
person says the account is theirs ("my tiktok is soberkaz") or asks to be found ("find me
on X as recoveringrob").  After the other cues ("hai", "waa", "sunt", "я": also "is" and "I
am" in sentences about the account) only a word shaped like a handle, or a full name, is."""
_FILLERS = words(
    """
    my our me us mine user username handle name account acc id page profile nick nickname
    meu minha mea meu mój moj moje mano mans mana мой моя mera meri mero maru mari amar
    ul -ul -ului kayga keyga ga ka on at jestem sunt esu esmu sou am i'm im ahay
    mane mani mnie mă ma меня мне iga aniga igu
    میرا میری আমার મારું ਮੇਰਾ حسابي اسمي
    taba3i tab3i ta3i taba3y tab3y bta3i 7a2i 7aqi 7agi tab3ee تبعي تاعي حقي بتاعي
    """
)
_MINE = re.compile(
    r"(?<![\w])(?:my|our|mój|moj|moje|mojego|meu|minha|мой|моя|моё|мою|mano|mans|mana|mera|meri|"
    r"maru|mari|amar|میرا|میری|ਮੇਰਾ|મારું|મારો|আমার|حسابي|اسمي|-kayga|-keyga|kayga|keyga|"
    r"sunt|jestem|esu|esmu|sou|я|meu|mea|আমি|ami|main|میں|ਮੈਂ|હું|hu|ana|أنا|انا)(?![\w])",
    re.IGNORECASE,
)
_FIND_ME = re.compile(
    # At a word's start: "rasi" (lt "you'll find") is inside "Brasileiros".
    rf"(?<![\w{MARKS}])(?:"
    r"(?:add|follow|find|search|look|message|dm|hit|ring|text|msg|contact|reach)\s+(?:me|us)\b"
    r"|dodaj|znajdź|znajdz|napisz|pisz|szukaj|adaugă|adauga|găsești|gasesti|caută|cauta|scrie"
    r"|me\s+(?:segue|adiciona|chama|procura)|rasi|ieškok|raksti|atradīsi|atrodi|найди|пиши|"
    r"добавь|ищи|напиши|raadi|ila\s+soo|iga\s+raadi|تابعني|ضيفني|لاقيني|ابحث|ڈھونڈ|ਲੱਭ|શોધ|খুঁজ"
    # Romanised Urdu, Punjabi, Gujarati: "snapchat te add karo: …", "insta pe dhoondo".
    r"|(?:add|follow|search|message|msg)\s+(?:karo|kar\s+lo|kr\s+lo|karna|kariye|karjo|kari\s+lo)"
    r"|dhoondo|dhundo|dhoondh\w*|shodho|lab\s+lo)",
    re.IGNORECASE,
)
_EVERYDAY = (
    words(
        """
    is my the a an and or but not no yes on at in to of for me you it its this that so too
    private public down broken blocked deleted gone hacked banned closed open new old
    fine good bad great ok okay there here now later same different full empty dead off
    better worse best worst only just still also really very much more less all any
    where what who how why when if because then than well anymore though either
    today tomorrow tonight later please pls plz anytime sometime thanks thank cheers soon
    again too sometimes instead first before usual ever always nope nah none never dunno
    lekin magar band bhi tha thi abhi ab par shaqeynayaa xiran furan jiro brak nav nera
    nie nu não nao нет няма ne nē maya nahi nahin
    they them their people someone everyone everybody nobody anyone loads lots
    """
    )
    | _NOT_NAMES
)
_NOT_NAME_TITLE = words(
    """
    change grow live turning point recovery group groups nhs narcotics anonymous alcoholics
    smart mind samaritans frank team service services centre center trust foundation project
    council police hospital clinic hub street road lane new year happy christmas eid day
    week month live story stories reels post posts page group chat messenger marketplace
    forward humankind via cafe café support meeting meetings nurse doctor dr mr mrs ms
    """
)
"""Title-case words after a platform that are not a person's name (services, features)."""


_NAME_WORDS = (
    *("name", "nume", "imi", "имя", "имени", "vard", "vārd", "nome", "magac"),
    *("নাম", "نام", "اسم", "ਨਾਮ", "ਨਾਂ", "નામ"),
)
"""A word after a full name that says it is the profile's name ("Rahim Uddin নামে আছি")."""
_GROUP_WORDS = words(
    """
    group groups page pages channel called named grupa grupy grupie grupo grupul pagina página
    strona kanał kanal группа группы группе канал страница grupė grupa kanāls lapa
    مجموعة مجموعه صفحة قناة گروپ পেজ গ্রুপ ਗਰੁੱਪ ગ્રુપ kooxda bogga
    """
)
"""Words before a title-case name that make it a group's or a page's, not a person's."""


def _title(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return (
        len(letters) >= 2
        and len(letters) == len(word.rstrip(".'’"))
        and letters[0].isupper()
        and any(c.islower() for c in letters[1:])
    )


def _name_run(tokens: list[re.Match[str]], i: int) -> int:
    """How many title-case words (two or three) make a full name from token ``i``; else 0."""
    n = 0
    while i + n < len(tokens) and n < 3:
        word = tokens[i + n].group()
        if not _title(word) or word.casefold() in _NOT_NAME_TITLE or word.casefold() in _NOT_NAMES:
            break
        n += 1
    return n if n >= 2 else 0


_CASELESS = re.compile(rf"[\u0600-\u06FF\u0980-\u0AFF][\u0600-\u06FF\u0980-\u0AFF{MARKS}]+")
_NOT_A_NAME = words(
    """
    ما لا مش ليس مو مافي ماعندي عندي حساب حسابي خاص مغلق محذوف نہیں ہے بند ڈیلیٹ
    না নেই নাই বন্ধ ਨਹੀਂ ਬੰਦ નથી ના બંધ
    """
)
"""Words after "فيسبوك:" that say there is no account, or what it is like, not whose it is."""


def _caseless_name(tokens: list[re.Match[str]], i: int) -> int:
    """Two or three words of a caseless script from token ``i`` that can be a name; else 0."""
    n = 0
    while i + n < len(tokens) and n < 3:
        word = tokens[i + n].group()
        if not _CASELESS.fullmatch(word) or word in _NOT_NAMES | _NOT_A_NAME | _GROUP_WORDS:
            break
        n += 1
    return n if n >= 2 else 0


def _handle_at(token: str) -> str | None:
    """The handle a token holds ("jodie.m_92," → "jodie.m_92"), or None."""
    word = token.rstrip(".")
    m = _HANDLE.fullmatch(word)
    if m is None:
        return _digit_first_handle(token)
    if _ABBREVIATION.fullmatch(word) or _NOT_SHAPED.fullmatch(word):
        return None
    if word.casefold().startswith(("www.", "http")):
        return None
    if "-" in word and not any(c.isdigit() or c in "_." for c in word):
        return None  # "self-help", "well-known": words; "kaz-b99" is a handle
    if word.casefold() in _ARABIZI_WORDS:
        return None  # "insta taba3i @layla_b_92": "my" in Arabizi, before the handle
    return word


_DIGIT_FIRST = re.compile(r"[0-9][A-Za-z0-9_.]*[A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9_]")
"""A handle that starts with a digit and has a letter ("4ever_jo", "2cool4u", "007jo",
"1_and_only_kev")."""
_ARABIZI_SHAPE = re.compile(r"[2356789][a-z]+")
"""One Arabizi digit-letter (2 ء, 3 ع, 5 خ, 6 ط, 7 ح, 8 غ, 9 ق) and lower-case letters: "3ndi",
"7abibi", "6ayeb" are words; "4everjo" and "007jo" are not."""
_CHAT_WORDS = words("4real 4ever 4eva 4u 2u 2day 2nite 2night 2moro 2morrow 4got b4 gr8 l8r")
"""Words of chat written with digits ("saw it on tiktok 4real")."""


def _digit_first_handle(token: str) -> str | None:
    word = token.rstrip(".")
    if len(word) > 30 or not _DIGIT_FIRST.fullmatch(word) or _NOT_SHAPED.fullmatch(word):
        return None
    if _AT_AMOUNT.fullmatch(word) or word.casefold() in _ARABIZI_WORDS:
        return None
    if _ARABIZI_SHAPE.fullmatch(word) or word.casefold() in _CHAT_WORDS:
        return None
    return word


_ARABIZI_WORDS = words(
    """
    taba3i tab3i ta3i taba3y tab3y bta3i bta3y 7a2i 7aqi 7agi 3ala 3al ma3 ma3i ma3y 3ndi
    3andi 3indi ba3d ba3den 3am 3a 2illi 2elli ya3ni y3ni la2ini la2eeni l2ini la2eni
    ebe3tli b3atli ib3atli
    """
)
"""Arabizi words around a handle ("my", "on", "with", "I mean"): shaped like a handle, as
the digits stand for Arabic sounds, but a word.  Not every Arabizi word: "7amoudi" after a
platform may be the handle."""


def worded_handles(text: str) -> Iterator[Span]:
    """Handles after a platform's name (run before web addresses: "tiktok sober.sam.uk")."""
    if not _names_a_platform(text):
        return
    # Where the person says the account is theirs or asks to be found: looked for once.
    mines = [m.span() for m in _MINE.finditer(text)]
    asks = [m.span() for m in _FIND_ME.finditer(text)]
    for platform in _PLATFORM.finditer(text):
        span = _after_platform(text, platform, mines, asks) or _before_platform(text, platform)
        if span is not None:
            yield span
            yield from _more_handles(text, span.end)


_QUOTES = frozenset("\"«»“”‘’'`")
_OR = words(", / & or and lub albo sau ou или ir arba un vai iyo ama یا أو او বা અથવા ਜਾਂ ya")


def _more_handles(text: str, end: int) -> Iterator[Span]:
    """Handles listed after the first: "insta: kaz_b99 or kaz.b.old"."""
    for _ in range(3):
        tokens = list(_TOKEN.finditer(text, end, min(len(text), end + 40)))[:2]
        if len(tokens) < 2 or tokens[0].group().casefold() not in _OR:
            return
        handle = _handle_at(tokens[1].group())
        if handle is None or not _SHAPED.search(handle) or handle.startswith("@"):
            return
        end = tokens[1].start() + len(handle)
        yield Span(tokens[1].start(), end, "handle")


_BEFORE = re.compile(
    r"(?<![\w@.])(?P<handle>[A-Za-z][A-Za-z0-9_.]{2,29}[A-Za-z0-9_])\s+"
    r"(?:on|na|pe|в|на|no|em|ant|uz|ku|at|in|op|auf|sur)\s+$",
    re.IGNORECASE,
)


def _before_platform(text: str, platform: re.Match[str]) -> Span | None:
    """A handle-shaped word just before "on <platform>": "I'm kaz_b on tiktok"."""
    m = _BEFORE.search(text, max(0, platform.start() - 40), platform.start())
    if m is None:
        return None
    handle = _handle_at(m.group("handle"))
    if handle is None or not _SHAPED.search(handle) or len(handle) < 4:
        return None
    return Span(m.start("handle"), m.start("handle") + len(handle), "handle")


def _named_profiles(platform: re.Match[str]) -> bool:
    """Facebook (in any spelling): its profiles are people's own names, so a name typed in
    lower case after it is one, surname and all ("add me on fb kelly brown")."""
    name = platform.group().casefold().removeprefix("وال").removeprefix("بال").removeprefix("ال")
    return name.startswith(("f", "ф", "فيس", "فیس"))


def _lower_name_end(tokens: list[re.Match[str]], i: int, end: int) -> int:
    """Where a name typed in lower case ends: up to two more plain words after token ``i``,
    none of them an everyday word ("kelly brown from peterborough": "from" ends it)."""
    for more in tokens[i + 1 : i + 3]:
        word = more.group()
        if not _PLAIN.fullmatch(word) or word in _EVERYDAY or word in _NOT_NAMES:
            break
        end = more.end()
    return end


def _within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start <= s and e <= end for s, e in spans)


def _after_platform(
    text: str,
    platform: re.Match[str],
    mines: list[tuple[int, int]],
    asks: list[tuple[int, int]],
) -> Span | None:
    """The handle (or profile name) a few words after ``platform``, if the person gives one."""
    window_end = min(len(text), platform.end() + 90)
    tokens = list(_TOKEN.finditer(text, platform.end(), window_end))[:8]
    before = max(0, platform.start() - 40)
    # "my insta", "instagramul meu", "pe insta sunt": the account is the writer's own.
    first = tokens[0].span() if tokens else (0, 0)
    mine = _within(mines, before, platform.start()) or first in mines
    asked_before = _within(asks, before, platform.start())
    asked = asked_before or _within(asks, platform.end(), window_end)
    cue: str | None = None
    words_seen = 0
    for i, tok in enumerate(tokens):
        word = tok.group()
        handle = _handle_at(word)
        if word.endswith((".", "!", "?")) and handle is None:
            return None  # the sentence ended
        if words_seen >= (6 if asked else 4):
            return None  # "snapchat te add kar lo: jassi_99": a request, then the handle
        if word in _QUOTES:
            continue  # 'my insta is "kazb"'
        low = word.rstrip(".!?").casefold()
        if (
            i + 2 < len(tokens)
            and tokens[i + 1].group() == ":"
            and tok.end() == tokens[i + 1].start()
        ):
            continue  # "3a instagram la2ini: @omar": the word before a colon introduces it
        if handle is not None and _SHAPED.search(handle) and (len(handle) >= 4 or cue):
            if handle.startswith("@"):
                return None  # "@name" is at_handles' find
            return Span(tok.start(), tok.start() + len(handle), "handle")
        run = _name_run(tokens, i)
        if run:
            after = [t.group().casefold() for t in tokens[i + run : i + run + 2]]
            said = cue or mine or asked or any(w.startswith(_NAME_WORDS) for w in after)
            around = text[max(0, platform.start() - 24) : tok.start()].casefold()
            group = _GROUP_WORDS.intersection(_SPLIT.split(around))
            if said and (mine or not group):  # "my page", but "a group called…"
                # A name the person gives as theirs or to be found by ("fb: Leanne McDonald",
                # "ফেসবুকে আমি Rahim Uddin নামে"), not one they mention ("on Facebook Kelly
                # Brown posted…", "a group called…", "on tiktok I watch Sober Sam").
                return Span(tok.start(), tokens[i + run - 1].end(), "handle")
            return None
        if _title(word) and low in _NOT_NAME_TITLE:
            return None  # a service's or a page's name ("facebook: Recovery Cafe Leeds")
        if low in _CUES and cue is None and words_seen <= 1:
            cue = low
            continue
        if low in _FILLERS:
            continue
        if cue in _SAYS_CUES and handle is None:
            run = _caseless_name(tokens, i)
            if run:  # "فيسبوك: عمر حداد": a profile name in a script without capitals
                return Span(tok.start(), tokens[i + run - 1].end(), "handle")
        if handle is not None and low not in _EVERYDAY and not _PLATFORM.fullmatch(word):
            if cue in _SAYS_CUES or (cue in _IS_CUES and (mine or asked)):
                end = tok.start() + len(handle)
                if cue in _SAYS_CUES or _named_profiles(platform):
                    # "fb: kelly brown", "my fb is kelly brown": the whole name in lower case.
                    end = _lower_name_end(tokens, i, end)
                return Span(tok.start(), end, "handle")
            if cue is None and asked_before and words_seen == 0:
                # "add me on snap leannewalsh", "add me on fb kelly brown"
                end = tok.start() + len(handle)
                if _named_profiles(platform):
                    end = _lower_name_end(tokens, i, end)
                return Span(tok.start(), end, "handle")
        cue = None  # a cue names only the word right after it
        words_seen += 1
    return None
