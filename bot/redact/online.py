"""Emails (also spelt out in words) and web addresses (handles: ``bot.redact.handles``).

- Emails written to dodge filters count: "jo dot bloggs at gmail dot com",
  "jo[at]example(dot)org", "jo at example.com", with "at" and "dot" in the
  enabled languages ("małpa", "arroba", "собака"; "kropka", "punct",
  "ponto", "точка").  The domain must end in a known top-level domain, so
  "at the hub" or "at home" is never an email.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.redact.given_names import given_name
from bot.redact.spans import MARKS, Span, needs_any, words

_TLDS = (
    r"com|org|net|uk|io|info|me|ly|co|eu|pl|ro|pt|ru|lt|lv|de|fr|es|it|ie|ua|tr|in|pk|bd|so|"
    r"app|dev|tv|gov|nhs|edu|ac|biz|online|site|xyz|br|sa|ae|eg|iq"
)
# Top-level domains spelt in another script, as they are said ("точка ру", "ڈاٹ کام").
_TLDS_SPELT = (
    r"ру|ком|кам|юк|нет|орг|лт|лв|کام|كوم|کوم|كام|نت|یوکے|يوكي|يو\s+كي|কম|ডটকম|ইউকে|કોમ|યુકે|"
    r"ਕਾਮ|ਕੌਮ|ਯੂਕੇ"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# "at" and "dot" as people say them in each enabled language, in Latin letters and their own
# script: Lithuanian "eta", Latvian "et", Romanian "arond" and "la" (its everyday word for "at":
# an email still needs a spelt dot, brackets or a mail provider), South Asian "at the rate".
_AT_WORDS = (
    # "at the rate" said in each script first: its "at" alone would leave "the rate" behind.
    r"(?:এট|অ্যাট)\s+(?:দা|দ্য|দি)\s+রেট|એટ\s+(?:ધ|દ|ધી)\s+રેટ|ਐਟ\s+(?:ਦ|ਦੀ|ਦਾ)\s+ਰੇਟ|"
    r"(?:ایٹ|اٹ)\s+(?:دی|دا)\s+ریٹ|"
    r"at\s*(?:the|d|da|de|di)\s*rate|at|małpa|malpa|małpka|malpka|arroba|эт|собака|sobaka|eta|et|arond|a\s*rond|la|"
    r"at\s*sign|ایٹ|ايت|آت|اٹ|ات|على|عند|অ্যাট|এট|એટ|ਐਟ|pie"
)
_AT = rf"(?:@|{_AT_WORDS})"
_DOT = (
    r"(?:\.|dot|kropka|punct|punctul|ponto|punto|punkt|дот|точка|tochka|period|taškas|taskas|punkts|punktas|"
    r"dhibic|nuqta|nuqtah|no2ta|نقطة|نقطه|ڈاٹ|ڈوٹ|دوت|دات|ডট|ડોટ|ਡਾਟ|ਡੌਟ)"
)
# A real "@" with a space on one side only ("kelly.brown @gmail.com"), or a line break
# (``emails`` makes that a space), is as sure as one with none.
_AT_SEP = rf"(?:\s*[\[(<{{]\s*{_AT}\s*[\])>}}]\s*|\s+{_AT}\s+|\s*[@＠]\s*)"
_DOT_SEP = rf"(?:\s*[\[(<{{]\s*{_DOT}\s*[\])>}}]\s*|\s+{_DOT}\s+|\.)"
_JOIN_SEP = (
    r"\s+(?:underscore|under\s+score|dash|hyphen|podkreślnik|podkreslnik|подчёркивание|"
    r"подчеркивание|cratimă|انڈر\s*سکور|اندر\s*سكور|أندر\s*سكور|আন্ডারস্কোর|আন্ডার\s+স্কোর|"
    r"અન્ડરસ્કોર|અંડરસ્કોર|ਅੰਡਰਸਕੋਰ|ਅੰਡਰ\s+ਸਕੋਰ|ڈیش|داش|ড্যাশ|ડેશ|ਡੈਸ਼)\s+"
)
"""The joins said in words, in every script ("রাজু আন্ডারস্কোর মিয়া এট …")."""
_NUMBER_SEP = r"[ \t](?=\d+[ \t])"
"""A number said apart inside the name ("imran dot q 77 at hotmail dot co dot uk")."""
_LOCAL_PART = rf"[\w{MARKS}+-]+"
"""With the vowel signs of the Indic scripts, which ``\\w`` leaves out: "জামাল ডট উদ্দিন"."""
# A provider said in two words in another script ("جی میل", "джи мейл") is one part.
_DOMAIN_PART = (
    rf"(?:جی\s+میل|جي\s+ميل|джи\s*мейл|জি\s*মেইল|જી\s*મેલ|ਜੀ\s*ਮੇਲ|g\s+mail|hot\s+mail"
    rf"|[\w{MARKS}-]+)"
)
_SPELT_EMAIL = re.compile(
    rf"(?<![\w.@]){_LOCAL_PART}(?:(?:{_DOT_SEP}|[_-]|{_JOIN_SEP}|{_NUMBER_SEP}){_LOCAL_PART}){{0,3}}"
    rf"{_AT_SEP}{_DOMAIN_PART}(?:{_DOT_SEP}{_DOMAIN_PART}){{0,2}}{_DOT_SEP}(?:{_TLDS}|{_TLDS_SPELT})(?!\w)",
    re.IGNORECASE,
)

_URL = re.compile(
    r"(?:\bhttps?://|\bwww\.)[^\s<>\"]+"
    rf"|\b(?:[a-z0-9-]{{1,63}}\.){{1,6}}(?:{_TLDS})\b(?:/[^\s<>\"]*)?",
    re.IGNORECASE,
)

_SPELT_GATE = re.compile(rf"{_AT_SEP}", re.IGNORECASE)
_PROVIDERS = words(
    """
    gmail googlemail hotmail outlook live msn yahoo ymail icloud me aol proton protonmail
    btinternet sky virginmedia talktalk ntlworld blueyonder mail email inbox gmx yandex
    wp o2 interia onet gazeta op tlen poczta sapo rambler bk list ukr
    яндекс майл мейл маил джимейл гмейл хотмейл рамблер جیمیل جي جی ہاٹمیل ياهو هوتميل
    جيميل یاہو জিমেইল ইয়াহু হটমেইল જીમેલ યાહૂ ਜੀਮੇਲ ਯਾਹੂ
    """
)
_LONG_PROVIDERS = tuple(p for p in _PROVIDERS if len(p) > 2)
_PROVIDER_NAMES = "|".join(sorted((re.escape(p) for p in _PROVIDERS if len(p) > 2), key=len)[::-1])
_AT_PROVIDER = re.compile(
    rf"[\w.+-]+@(?:{_PROVIDER_NAMES})(?:co\.?uk|{_TLDS})?(?![\w.])", re.IGNORECASE
)
"""An address given without its ending ("jo.bloggs@gmail"), or with its ending glued on
("jo.bloggs@gmailcom"): the provider says it is one."""
_AT_SHORT_PROVIDER = re.compile(r"[\w+-]*[._\d][\w.+-]*@(?:wp|o2|op|bk)(?![\w.])", re.IGNORECASE)
"""A Polish or Russian address given without its ending, its provider two letters
("jan.kowalski@wp", "ola_92@o2"): its name has a dot, "_" or digit."""
_WORDLESS_TLDS = r"com|net|org|uk|pl|ru|lt|lv|ro|pt|ua|info|biz|br"
"""Endings that are no word of an enabled language ("in", "me", "so", "it", "co" are)."""
_LOOSE_ENDING = re.compile(
    rf"(?:[ \t]?[.,][ \t]?|[ \t]+{_DOT}[ \t]+)"
    rf"(?:co(?:[ \t]?[.,][ \t]?|[ \t]+{_DOT}[ \t]+)uk|{_WORDLESS_TLDS})(?![\w'’])",
    re.IGNORECASE,
)
"""The ending after a real "@" and its provider, set apart by a space, typed with a comma
or said ("jo@gmail . com", "jo@gmail,com", "ana@sapo . pt", "jo@gmail dot com")."""
_CO_UK = re.compile(r"[ \t]?[.,][ \t]?uk(?![\w'’])", re.IGNORECASE)
"""The rest of ".co.uk" set apart ("jo@gmail.co . uk")."""
_BARE_ENDING = re.compile(rf"[ \t]+(?:{_WORDLESS_TLDS})(?![\w'’])", re.IGNORECASE)
"""An ending said without its dot after a provider ("ania małpa onet pl")."""
_SURE_AT = re.compile(
    r"[\[(<{@＠]|małpa|malpa|małpka|malpka|arroba|собака|sobaka|rate|sign", re.IGNORECASE
)
"""An "at" that is never an everyday word, unlike "at", "la", "et", "eta", "pie"."""
_PROVIDER_ONLY = re.compile(
    rf"(?<![\w.@])(?P<local>{_LOCAL_PART}(?:(?:{_DOT_SEP}|[_-]){_LOCAL_PART}){{0,3}})"
    rf"{_AT_SEP}(?:{_PROVIDER_NAMES})(?![\w@]|{_DOT_SEP}\w)",
    re.IGNORECASE,
)
_MAIL_WORDS = (
    r"e-?mail\w*|mail\w*|poczt\w*|почт\w*|paštas|pastas|e-pasts|epasts|ایمیل|ای\s*میل|"
    r"ايميل|بريد\w*|ইমেইল|ইমেল|ઈમેલ|ਈਮੇਲ|iimayl"
)
"""Words for email in the enabled languages."""
_MAIL_CUE = re.compile(rf"(?:{_MAIL_WORDS})\W{{0,3}}(?:\w+\W{{1,3}}){{0,3}}$", re.IGNORECASE)


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
        sure = _SURE_AT.search(m.group(), m.end("local")) is not None
        if shaped or sure or _MAIL_CUE.search(text, max(0, m.start() - 40), m.start()):
            ending = _BARE_ENDING.match(text, m.end())
            yield Span(m.start(), ending.end() if ending else m.end(), "email")


_NOT_LOCAL = words("is me us them him her it look be was were are am stay staying")


_BREAK_AT_AT = re.compile(
    r"[ \t]*(?:\r\n|[\n\r\u2028])[ \t]*(?=[@＠])|(?<=[@＠])[ \t]*(?:\r\n|[\n\r\u2028])[ \t]*"
)
"""A line break just before or after the "@": an address typed over two lines."""


@needs_any(
    "@",
    "at",
    "małpa",
    "malpa",
    "małpka",
    "malpka",
    "эт",
    "arroba",
    "собака",
    "sobaka",
    "eta",
    "et",
    "arond",
    "la",
    "ایٹ",
    "ايت",
    "ات",
    "آت",
    "اٹ",
    "على",
    "عند",
    "অ্যাট",
    "এট",
    "એટ",
    "ਐਟ",
    "pie",
)
def emails(text: str) -> Iterator[Span]:
    # "kelly.brown\n@gmail.com": read as if on one line (spaces, one for one: positions hold).
    text = _BREAK_AT_AT.sub(lambda m: " " * len(m.group()), text)
    for span in _emails(text):
        yield _with_spoken_local(text, span)


# With the second word of the two-word forms alone ("ای میل" splits into "ای" and "میل").
_CUE_WORD = re.compile(rf"(?:{_MAIL_WORDS}|میل|ميل|মেইল|મેલ|ਮੇਲ)", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s+$")
_NOT_SPOKEN_LOCAL = words(
    """is me my it's its address to at on in id was here send write contact reach
    jest mój moj moja to мой моя это адрес é meu minha é este este e on mano yra mans ir
    este meu mea adresa waa waxa waxay هو هي ہے hai he hei mam mamy ma have has got"""
)


def _with_spoken_local(text: str, span: Span) -> Span:
    """A name said in words before a spelt address is part of it: "email harjit gill at
    yahoo dot co dot uk" once left "harjit" behind.  Up to two plain words are taken
    back, only when an email word comes just before them, and only when the address's
    own name is one bare word ("maila mam kasia kropka nowak …": "mam", "I have", is
    no part of a name whose dot was spelt out).  With no email word, a listed given name
    just before is taken alone: "kelly brown at gmail dot com" left "kelly"."""
    at = _SPELT_GATE.search(text, span.start, span.end)
    local = text[span.start : at.start()] if at is not None else ""
    if not re.fullmatch(r"[^\W\d_]+", local):
        return _with_given_name(text, span) if " " in local.strip() else span
    start = span.start
    for _ in range(2):
        m = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if (
            m is None
            or m.group(1).casefold() in _NOT_SPOKEN_LOCAL
            or _CUE_WORD.fullmatch(m.group(1))
        ):
            break
        start = m.start()
        before = text[max(0, start - 40) : start].split()[-2:]
        if before and before[-1].casefold().strip(":.-") in _NOT_SPOKEN_LOCAL:
            before = before[:-1]  # "my email is jo bloggs at …"
        if before and _CUE_WORD.fullmatch(before[-1].strip(":.-")):
            return Span(start, span.end, span.tag)
    return _with_given_name(text, span)


def _with_given_name(text: str, span: Span) -> Span:
    """The span with a listed given name just before it ("kelly brown 99 at gmail…")."""
    given = _WORD_BEFORE.search(text, max(0, span.start - 40), span.start)
    if given is not None and given_name(given.group(1)):
        return Span(given.start(), span.end, span.tag)
    return span


def _emails(text: str) -> Iterator[Span]:
    if "@" in text:
        for m in _EMAIL.finditer(text):
            ending = _CO_UK.match(text, m.end()) if m.group().casefold().endswith(".co") else None
            yield Span(m.start(), ending.end() if ending else m.end(), "email")
        for m in _AT_PROVIDER.finditer(text):
            ending = _LOOSE_ENDING.match(text, m.end())
            yield Span(m.start(), ending.end() if ending else m.end(), "email")
        for m in _AT_SHORT_PROVIDER.finditer(text):
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
        first_two = domain.split()[:2]
        provider = (
            re.split(r"\W", domain, maxsplit=1)[0].casefold() in _PROVIDERS
            or "".join(first_two).casefold() in _PROVIDERS  # "g mail", "hot mail"
        )
        if (
            at.group()[:1].isspace()
            and at.group().strip() in ("@", "＠")
            and not provider
            and re.fullmatch(r"[^\W\d_]+", local)
        ):
            continue  # "jestem jako @marek.trzezwy.uk": a plain word, then a handle with dots
        # A bare " at " also joins ordinary words ("I was at home.com"? rarely): ask for
        # one more sign of an email: brackets, a spelt-out dot, or a mail provider.
        bare = at.group().strip().casefold() not in ("@", "at sign")
        spelt_dot = re.search(rf"\s{_DOT}\s|[\[(]", value, re.IGNORECASE) is not None
        if not bare or spelt_dot or provider:
            yield Span(m.start(), m.end(), "email")


@needs_any(".")
def urls(text: str) -> Iterator[Span]:
    for m in _URL.finditer(text):
        if text[m.start() - 1 : m.start()] == "@":
            continue  # "@marek.trzezwy.uk": a handle with dots (handles.at_handles)
        value = m.group().rstrip(".,;:!?)'\"")
        yield Span(m.start(), m.start() + len(value), "url")
