"""Emails (also spelt out in words), web addresses and social handles.

- Emails written to dodge filters count: "jo dot bloggs at gmail dot com",
  "jo[at]example(dot)org", "jo at example.com", with "at" and "dot" in the
  enabled languages ("małpa", "arroba", "собака"; "kropka", "punct",
  "ponto", "точка").  The domain must end in a known top-level domain, so
  "at the hub" or "at home" is never an email.
- Handles: "@name", and a name introduced in words after a platform without
  the @ ("my insta is kelly_b99", "snap: kellyb", "add me on tiktok
  sober.sam").  Without an @, the word must look like a handle (a digit, _ or
  .) or come right after "is"/":" and not be an everyday word ("my insta is
  private").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.redact.spans import MARKS, Span, needs_any, words

_TLDS = (
    r"com|org|net|uk|io|info|me|ly|co|eu|pl|ro|pt|ru|lt|lv|de|fr|es|it|ie|ua|tr|in|pk|bd|so|"
    r"app|dev|tv|gov|nhs|edu|ac|biz|online|site|xyz|br|sa|ae|eg|iq"
)
# Top-level domains spelt in another script, as they are said ("точка ру", "ڈاٹ کام").
_TLDS_SPELT = r"ру|ком|кам|юк|нет|орг|лт|лв|کام|كوم|کوم|كام|نت|یوکے|কম|ডটকম|કોમ|ਕਾਮ|ਕੌਮ"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# "at" and "dot" as people say them in each enabled language, in Latin letters and their own
# script: Lithuanian "eta", Latvian "et", Romanian "arond" and "la" (its everyday word for "at":
# an email still needs a spelt dot, brackets or a mail provider), South Asian "at the rate".
_AT_WORDS = (
    r"at|małpa|malpa|malpka|arroba|собака|sobaka|eta|et|arond|a\s*rond|at\s*the\s*rate|la|"
    r"at\s*sign|ایٹ|ايت|آت|اٹ|অ্যাট|এট|એટ|ਐਟ|pie"
)
_AT = rf"(?:@|{_AT_WORDS})"
_DOT = (
    r"(?:\.|dot|kropka|punct|punctul|ponto|точка|tochka|period|taškas|taskas|punkts|punktas|"
    r"dhibic|nuqta|nuqtah|no2ta|نقطة|نقطه|ڈاٹ|ڈوٹ|دوت|دات|ডট|ડોટ|ਡਾਟ|ਡੌਟ)"
)
_AT_SEP = rf"(?:\s*[\[(<{{]\s*{_AT}\s*[\])>}}]\s*|\s+{_AT}\s+)"
_DOT_SEP = rf"(?:\s*[\[(<{{]\s*{_DOT}\s*[\])>}}]\s*|\s+{_DOT}\s+|\.)"
_JOIN_SEP = r"\s+(?:underscore|dash|hyphen|podkreślnik|podkreslnik|подчёркивание|cratimă)\s+"
_LOCAL_PART = r"[\w+-]+"
# A provider said in two words in another script ("جی میل", "джи мейл") is one part.
_DOMAIN_PART = r"(?:جی\s+میل|جي\s+ميل|джи\s*мейл|জি\s*মেইল|જી\s*મેલ|ਜੀ\s*ਮੇਲ|[\w-]+)"
_SPELT_EMAIL = re.compile(
    rf"(?<![\w.@]){_LOCAL_PART}(?:(?:{_DOT_SEP}|[_-]|{_JOIN_SEP}){_LOCAL_PART}){{0,3}}"
    rf"{_AT_SEP}{_DOMAIN_PART}(?:{_DOT_SEP}{_DOMAIN_PART}){{0,2}}{_DOT_SEP}(?:{_TLDS}|{_TLDS_SPELT})(?!\w)",
    re.IGNORECASE,
)

_URL = re.compile(
    r"(?:\bhttps?://|\bwww\.)[^\s<>\"]+"
    rf"|\b(?:[a-z0-9-]{{1,63}}\.){{1,6}}(?:{_TLDS})\b(?:/[^\s<>\"]*)?",
    re.IGNORECASE,
)

_AT_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z][A-Za-z0-9_.]{1,30}[A-Za-z0-9_]")
_PLATFORM = (
    r"insta(?:gram)?|ig|snap(?:chat)?|sc|tik\s?tok|tt|twitter|telegram|tg|facebook|fb|"
    r"discord|kik|threads|youtube|yt|reddit|twitch|linkedin|whats\s?app|signal|skype|viber|"
    r"инст\w*|телеграм\w*|тикток\w*|снап\w*|فيسبوك|انستا\w*|انستغرام|سناب\w*|تيك\s?توك|"
    r"ٹک\s?ٹاک|انسٹا\w*|تويتر|ٹویٹر|ٹوئٹر|تلغرام|تيليجرام|ٹیلیگرام|فیس\s?بک|"
    r"твиттер\w*|твітер\w*|фейсбук\w*|вк|вконтакте|телег\w*|"
    r"ইনস্টা\w*|ফেসবুক|টুইটার|টিকটক|ઇન્સ્ટા\w*|ફેસબુક|ટ્વિટર|ਇੰਸਟਾ\w*|ਫੇਸਬੁੱਕ|ਟਵਿੱਟਰ"
)
_SHORT_PLATFORMS = words("ig sc tt tg fb yt kik вк")
"""Platforms' short names, which are also parts of everyday words ("big", "little",
"school"): looked for as whole words, not as substrings."""
_PLATFORM_STEMS = (
    *words("insta snap tik twit telegram face discord threads youtube"),
    *words("reddit twitch linked whats signal skype viber инст телег тикток снап"),
    *words("فيس انستا انستغرام سناب تيك ٹک انسٹا تويتر ٹویٹر ٹوئٹر تلغرام تيليجرام ٹیلیگرام"),
    *words("فیس твиттер твітер фейсбук вк вконтакте телег ইনস্টা ফেসবুক টুইটার টিকটক"),
    *words("ઇન્સ્ટા ફેસબુક ટ્વિટર ਇੰਸਟਾ ਫੇਸਬੁੱਕ ਟਵਿੱਟਰ"),
)
_HANDLE_WORD = r"[A-Za-z0-9][A-Za-z0-9_.]{1,29}[A-Za-z0-9_]"
# A platform's name with the ending a language puts on it ("instagramul", "snapchat-kayga",
# "tiktoke", "الانستغرام"); only the long names take an ending: "ig"+"nore" is no platform.
_PLATFORM_INFLECTED = (
    r"(?:ال)?(?:instagram|insta|snapchat|tik\s?tok|facebook|telegram|twitter|whats\s?app|"
    r"youtube|discord|انستغرام|انستا|فيسبوك|تيك\s?توك|سناب)(?:-?[^\W\d_]{1,7})?"
)
# "is" and "my name there is" in the enabled languages: yra (lt), ir (lv), hai/he (ur, pa),
# waa (so), jest (pl), este (ro), é (pt), это (ru), اسمي/هو (ar), ہے (ur).
_HANDLE_CUE_WORDS = (
    r"is|to|e|este|é|это|هو|هي|yra|ir|hai|he|hae|waa|jest|ist|ni|اسمي|اسم|ہے|ھے|আছে|છે|ਹੈ"
)
_HANDLE_CUE = rf"\s*[:=,]\s*|\s+[–-]\s*|\s*[–-]\s+|\s+(?:{_HANDLE_CUE_WORDS})\s+"
"""A dash with a space by it: "whatsapp-kayga" is the platform with a Somali ending."""
"""After a comma ("find me on twitter, kellyb_99") only a word shaped like a handle is one."""
_OLD_CUES = ("is", "to", "e", "este", "é", "это", "هو")
"""Cue words after which a handle without a digit, _ or . is still taken (the others are
also everyday words in their language, so there it must look like a handle)."""
_WORDED_HANDLE = re.compile(
    rf"(?<!\w)(?:{_PLATFORM_INFLECTED}|(?:{_PLATFORM})(?![\w{MARKS}]))"
    rf"(?:\s*(?:user\s*name|username|handle|name|account|id|acc|page))?"
    rf"(?:\s+(?:meu|mea|moje|mój|moj|mano|mans|mana|my))?"
    rf"(?P<cue>{_HANDLE_CUE}|\s+)"
    rf"(?:(?:me|us|on|at|as|under|find|add|follow)\s+)*(?P<handle>{_HANDLE_WORD})\b",
    re.IGNORECASE,
)
_ADD_ME_ON = re.compile(
    rf"\b(?:add|follow|find|message|dm)\s+me\s+(?:on|at)\s+(?:{_PLATFORM})\s*[:\-]?\s*"
    rf"(?P<handle>{_HANDLE_WORD})\b",
    re.IGNORECASE,
)
_NEAR_PLATFORM = re.compile(
    rf"(?<!\w)(?:{_PLATFORM_INFLECTED}|(?:{_PLATFORM})(?![\w{MARKS}]))(?:\s+[^\s\d@]{{1,12}}){{0,2}}\s+"
    rf"(?P<handle>{_HANDLE_WORD})(?!\w)",
    re.IGNORECASE,
)
"""A handle-shaped word (a letter and a digit, _ or .) within two words after a platform,
whatever the words between say ("pe tiktok sunt ana_m_uk", "انستا تبعي omar_k")."""
_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?")
_MINE = re.compile(
    r"(?:\bmy|\bour|mój|moj|moje|meu|minha|мой|моя|mano|mans|mana|mera|meri|میرا|میری|ਮੇਰਾ|મારું|"
    r"على|عَلى|على_|আমার|mi|mera_)\s+$",
    re.IGNORECASE,
)
_EVERYDAY = words(
    """
    is my the a an and or but not no yes on at in to of for me you it its this that so too
    private public down broken blocked deleted gone hacked banned closed open new old
    fine good bad great ok okay there here now later same different full empty dead off
    better worse best worst only just still also really very much more less all any
    where what who how why when if because then than
    """
)


_SPELT_GATE = re.compile(rf"{_AT_SEP}", re.IGNORECASE)
_PROVIDERS = words(
    """
    gmail googlemail hotmail outlook live msn yahoo ymail icloud me aol proton protonmail
    btinternet sky virginmedia talktalk ntlworld blueyonder mail email inbox gmx yandex
    wp o2 interia onet gazeta op tlen poczta sapo rambler bk list ukr
    яндекс майл мейл маил джимейл гмейл хотмейл рамблер جیمیل جي جی ہاٹمیل ياهو هوتميل
    """
)
_LONG_PROVIDERS = tuple(p for p in _PROVIDERS if len(p) > 2)
_PROVIDER_NAMES = "|".join(sorted((re.escape(p) for p in _PROVIDERS if len(p) > 2), key=len)[::-1])
_AT_PROVIDER = re.compile(rf"[\w.+-]+@(?:{_PROVIDER_NAMES})(?![\w.])", re.IGNORECASE)
"""An address given without its ending ("jo.bloggs@gmail"): the provider says it is one."""
_PROVIDER_ONLY = re.compile(
    rf"(?<![\w.@])(?P<local>{_LOCAL_PART}(?:(?:{_DOT_SEP}|[_-]){_LOCAL_PART}){{0,3}})"
    rf"{_AT_SEP}(?:{_PROVIDER_NAMES})(?![\w@]|{_DOT_SEP}\w)",
    re.IGNORECASE,
)
_MAIL_CUE = re.compile(
    r"(?:e-?mail\w*|mail\w*|poczt\w*|почт\w*|paštas|pastas|e-pasts|epasts|ایمیل|ای\s*میل|"
    r"ايميل|بريد\w*|ইমেইল|ইমেল|ઈમેલ|ਈਮੇਲ|iimayl)\W{0,3}(?:\w+\W{1,3}){0,3}$",
    re.IGNORECASE,
)


def _provider_only(text: str) -> Iterator[Span]:
    """An email spelt out without its ending: "sam.jones at gmail", "joao arroba hotmail".

    Taken when the name before "at" looks like an address's (a dot, _ or digit), or an
    email word comes just before ("email me: sam at gmail"): "I met Sam at Gmail" stays.
    """
    for m in _PROVIDER_ONLY.finditer(text):
        local = m.group("local")
        if local.casefold() in _NOT_LOCAL:
            continue
        shaped = any(c.isdigit() or c in "._" for c in local)
        if shaped or _MAIL_CUE.search(text, max(0, m.start() - 40), m.start()):
            yield Span(m.start(), m.end(), "email")


_NOT_LOCAL = words("is me us them him her it look be was were are am stay staying")


@needs_any(
    "@",
    "at",
    "małpa",
    "malpa",
    "arroba",
    "собака",
    "sobaka",
    "eta",
    "et",
    "arond",
    "la",
    "ایٹ",
    "ايت",
    "آت",
    "اٹ",
    "অ্যাট",
    "এট",
    "એટ",
    "ਐਟ",
    "pie",
)
def emails(text: str) -> Iterator[Span]:
    if "@" in text:
        for m in _EMAIL.finditer(text):
            yield Span(m.start(), m.end(), "email")
        for m in _AT_PROVIDER.finditer(text):
            yield Span(m.start(), m.end(), "email")
    if _SPELT_GATE.search(text) is None:
        return
    low = text.casefold()
    if any(p in low for p in _LONG_PROVIDERS):
        yield from _provider_only(text)
    for m in _SPELT_EMAIL.finditer(text):
        value = m.group()
        at = _SPELT_GATE.search(value)
        assert at is not None
        local, domain = value[: at.start()], value[at.end() :]
        if local.casefold() in _NOT_LOCAL or domain.casefold().startswith("www"):
            continue
        # A bare " at " also joins ordinary words ("I was at home.com"? rarely): ask for
        # one more sign of an email: brackets, a spelt-out dot, or a mail provider.
        bare = at.group().strip().casefold() not in ("@", "at sign")
        spelt_dot = re.search(rf"\s{_DOT}\s|[\[(]", value, re.IGNORECASE) is not None
        provider = re.split(r"\W", domain, maxsplit=1)[0].casefold() in _PROVIDERS
        if not bare or spelt_dot or provider:
            yield Span(m.start(), m.end(), "email")


@needs_any(".")
def urls(text: str) -> Iterator[Span]:
    for m in _URL.finditer(text):
        value = m.group().rstrip(".,;:!?)'\"")
        yield Span(m.start(), m.start() + len(value), "url")


def at_handles(text: str) -> Iterator[Span]:
    if "@" in text:
        for m in _AT_HANDLE.finditer(text):
            value = m.group().rstrip(".")
            yield Span(m.start(), m.start() + len(value), "handle")


_TO_SPACE = str.maketrans(dict.fromkeys(",:;.!?-–—()[]\"'", " "))


def _names_a_platform(text: str) -> bool:
    low = text.casefold()
    if any(stem in low for stem in _PLATFORM_STEMS):
        return True
    return not _SHORT_PLATFORMS.isdisjoint(low.translate(_TO_SPACE).split())


def worded_handles(text: str) -> Iterator[Span]:
    """Handles after a platform's name; run before web addresses ("tiktok sober.sam.uk")."""
    if not _names_a_platform(text):
        return
    for pattern in (_WORDED_HANDLE, _ADD_ME_ON, _NEAR_PLATFORM):
        for m in pattern.finditer(text):
            handle = m.group("handle").rstrip(".")
            if not any(c.isalpha() for c in handle) or _ABBREVIATION.fullmatch(handle):
                continue  # a number after "whatsapp", a time ("at 10.30"), "e.g."
            if handle.casefold().startswith(("www.", "http")):
                continue  # a web address
            if pattern is _NEAR_PLATFORM and not (
                any(c.isalpha() for c in handle) and any(c.isdigit() or c in "_." for c in handle)
            ):
                continue
            if text[m.end("handle") : m.end("handle") + 1] == "/":
                continue
            looks_like = any(c.isdigit() or c in "_." for c in handle)
            cue = (m.groupdict().get("cue") or "").strip()
            introduced = (
                pattern is _ADD_ME_ON
                or cue in (":", "=", "-", "–")
                or (
                    cue.casefold() in _OLD_CUES
                    and bool(_MINE.search(text, max(0, m.start() - 12), m.start()))
                )
            )
            if looks_like or (introduced and handle.casefold() not in _EVERYDAY):
                start = m.start("handle")
                yield Span(start, start + len(handle), "handle")
