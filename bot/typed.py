"""What a typed answer means among the buttons shown, for people who type instead of tap.

A tired person on a phone types "yes" at the privacy notice, or "dont know" and
"dunno" at the Friends and Family Test.  A typed answer picks an option when it
clearly is that option, in this order, each step only when exactly one option
fits (anything that fits two is refused, never guessed):

1. its number ("2", "٢", "২"), or its label or id as shown (``textnorm.match_key``);
2. its label written loosely: any case, Latin letters without their accents
   ("nu stiu" is "Nu știu"), Arabic script without its optional vowel marks and
   with its letter variants taken as one, apostrophes left out ("dont know") and
   punctuation ignored ("yes!");
3. the leading parts of a label of several parts: "Yes" or "Yes I agree" of "Yes,
   I agree, let's start", "Tak" of "Tak, zgadzam się, zaczynajmy", "لا" of "لا، شكرًا";
4. a common short form of that option in the person's language ("dunno", "ok",
   "nie wiem", "pata nahi"), from ``SHORT_FORMS``;
5. a slip of the thumb: the label written loosely with one letter wrong, missing or
   extra (two in a label of ten letters or more), when no other option is within two
   more slips ("bardzo dobrze" is "Bardzo dobre", "stongly agree" is "Strongly agree";
   "deacord" is as near "De acord" as "Dezacord", so it is refused).  Never for words
   under four letters, where one letter is often the whole difference.

Short forms are only ever those of the person's own language (English ones for
English): "no" is Polish for "well, yes", so an English "no" is not read into a
Polish conversation.  Pure functions, no I/O: the engine uses them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from bot.textnorm import match_key
from bot.textnorm import typed_option as exact_option

AGREE, DECLINE = "consent:agree", "consent:decline"
DONT_KNOW, PREFER_NOT = "dont_know", "prefer_not_to_say"

STOP_WORDS = frozenset(
    [
        "stop",
        "stop it",
        "please stop",
        "stop please",
        "стоп",
        "sustok",
        "beigt",
        "apstāties",
        "opreste",
        "oprește",
        "parar",
        "pare",
        "jooji",
        "توقف",
        "ستوب",
        "رکو",
        "ਰੁਕੋ",
        "બંધ કરો",
        "থামুন",
        "থামো",
    ]
)
"""A whole message that asks the bot to stop, as people answer an unwanted text in the UK
("STOP"), in the enabled languages: read as /stop at any question, never stored as an
answer (``is_stop``). Only the whole message: "stop calling me" is feedback."""


UNSUBSCRIBE_WORDS = frozenset(["unsubscribe", "unsub", "end", "cancel", "stop all"])
"""Words that also ask to stop the news, said to the news with no form open (``is_stop``):
as an answer to a question they could be feedback ("cancel"), so only there."""


def is_stop(text: str, unsubscribe: bool = False) -> bool:
    """Whether ``text``, the whole message, is only a word that asks the bot to stop; with
    ``unsubscribe``, the words that ask to stop news count too."""
    if len(text) > 20:
        return False
    key = loose(text)
    return key in _STOP_KEYS or (unsubscribe and key in _UNSUBSCRIBE_KEYS)


SHORT_FORMS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        AGREE: ("yes", "y", "yeah", "yea", "yep", "yup", "ok", "okay", "sure", "agree", "i agree"),
        DECLINE: ("no", "n", "nope", "nah", "no thank you", "no thanks"),
        DONT_KNOW: (
            "dont know",
            "do not know",
            "dunno",
            "idk",
            "i dont know",
            "i do not know",
            "not sure",
            "no idea",
        ),
        PREFER_NOT: ("prefer not", "rather not say", "id rather not say"),
    },
    "pl": {
        AGREE: ("tak", "ok", "okej", "dobrze", "zgadzam się", "zgoda"),
        DECLINE: ("nie", "nie dziękuję"),
        DONT_KNOW: (
            "nie wiem",
            "niewiem",
            "nw",
            "nie mam pojęcia",
            "nie jestem pewien",
            "nie jestem pewna",
        ),
        PREFER_NOT: ("wolę nie mówić", "wole nie mowic", "nie chcę mówić"),
    },
    "lt": {
        AGREE: ("taip", "gerai", "ok", "sutinku"),
        DECLINE: ("ne", "ne ačiū"),
        DONT_KNOW: ("nežinau", "nezinau", "nesu tikras", "nesu tikra"),
        PREFER_NOT: ("nenoriu sakyti", "nenoriu atsakyti"),
    },
    "lv": {
        AGREE: ("jā", "labi", "ok", "piekrītu"),
        DECLINE: ("nē", "nē paldies"),
        DONT_KNOW: ("nezinu", "neesmu pārliecināts", "neesmu pārliecināta"),
        PREFER_NOT: ("nevēlos teikt", "negribu teikt"),
    },
    "ro": {
        AGREE: ("da", "ok", "bine", "sunt de acord", "de acord"),
        DECLINE: ("nu", "nu mulțumesc"),
        DONT_KNOW: ("nu știu", "habar n-am", "nu sunt sigur", "nu sunt sigură"),
        PREFER_NOT: ("prefer să nu spun", "nu vreau să spun"),
    },
    "pt": {
        AGREE: ("sim", "ok", "concordo", "está bem", "pode ser", "claro"),
        DECLINE: ("não", "não obrigado", "não obrigada"),
        DONT_KNOW: ("não sei", "sei lá", "não tenho certeza", "não tenho a certeza"),
        PREFER_NOT: ("prefiro não dizer", "prefiro não responder"),
    },
    "ru": {
        AGREE: ("да", "ок", "ok", "хорошо", "ладно", "согласен", "согласна", "ага"),
        DECLINE: ("нет", "нет спасибо"),
        DONT_KNOW: ("не знаю", "незнаю", "хз", "без понятия", "не уверен", "не уверена"),
        PREFER_NOT: ("не хочу отвечать", "предпочитаю не отвечать"),
    },
    "ur": {
        AGREE: ("ہاں", "جی", "جی ہاں", "ٹھیک ہے", "اوکے", "haan", "han", "ji", "ji haan", "ok"),
        DECLINE: ("نہیں", "نہیں شکریہ", "nahi", "nahin"),
        DONT_KNOW: (
            "معلوم نہیں",
            "پتہ نہیں",
            "پتا نہیں",
            "نہیں معلوم",
            "مجھے نہیں معلوم",
            "pata nahi",
            "pata nahin",
            "maloom nahi",
            "maloom nahin",
        ),
        PREFER_NOT: ("نہیں بتانا", "نہیں بتانا چاہتا", "نہیں بتانا چاہتی"),
    },
    "pa": {
        AGREE: ("ਹਾਂ", "ਹਾਂਜੀ", "ਹਾਂ ਜੀ", "ਠੀਕ ਹੈ", "haan", "haan ji", "ok"),
        DECLINE: ("ਨਹੀਂ", "ਨਹੀਂ ਧੰਨਵਾਦ", "nahi", "nahin"),
        DONT_KNOW: ("ਪਤਾ ਨਹੀਂ", "ਨਹੀਂ ਪਤਾ", "ਮੈਨੂੰ ਨਹੀਂ ਪਤਾ", "pata nahi", "pata nahin"),
        PREFER_NOT: ("ਨਹੀਂ ਦੱਸਣਾ", "ਮੈਂ ਨਹੀਂ ਦੱਸਣਾ"),
    },
    "gu": {
        AGREE: ("હા", "હાં", "હા જી", "બરાબર", "ઠીક છે", "ha", "haa", "ok"),
        DECLINE: ("ના", "ના આભાર", "na"),
        DONT_KNOW: ("ખબર નથી", "મને ખબર નથી", "ખબર નહીં", "khabar nathi"),
        PREFER_NOT: ("નથી કહેવું", "હું કહેવા માંગતો નથી", "હું કહેવા માંગતી નથી"),
    },
    "ar": {
        AGREE: (
            "نعم",
            "أجل",
            "ايوه",
            "ايوا",
            "اي",
            "موافق",
            "موافقة",
            "تمام",
            "حسنا",
            "اوكي",
            "ok",
        ),
        DECLINE: ("لا", "لا شكرا"),
        DONT_KNOW: (
            "لا أعرف",
            "لا ادري",
            "لا أدري",
            "ما بعرف",
            "ما اعرف",
            "مش عارف",
            "مو عارف",
            "مش عارفة",
            "ما أعرف",
        ),
        PREFER_NOT: ("أفضل ألا أقول", "لا أريد أن أقول", "لا أريد القول"),
    },
    "bn": {
        AGREE: ("হ্যাঁ", "হ্যা", "হাঁ", "জি", "ঠিক আছে", "রাজি", "ha", "haa", "ok"),
        DECLINE: ("না", "না ধন্যবাদ", "na"),
        DONT_KNOW: ("জানি না", "জানিনা", "আমি জানি না", "jani na", "janina"),
        PREFER_NOT: ("বলতে চাই না", "বলব না"),
    },
    "so": {
        AGREE: ("haa", "haye", "waan ogolahay", "waa hagaag", "hagaag", "ok"),
        DECLINE: ("maya", "mayo", "maya mahadsanid"),
        DONT_KNOW: ("ma garanayo", "garan maayo", "ma aqaan", "ma aqaano", "ma ogi"),
        PREFER_NOT: ("ma doonayo inaan sheego", "ma rabo inaan sheego"),
    },
}
"""Per language, per option id, what people commonly type for that button.  Written
loosely (``loose`` is applied), checked by tests/test_typed.py to name no two options."""

_APOSTROPHES = "'\u2018\u2019\u02bc\u0060\u00b4\u2032"
_PUNCTUATION = re.compile(r"[^\w\s]|_", re.UNICODE)
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ئ": "ي",
        "ك": "ک",
        "ة": "ه",
        "ہ": "ه",
        "ۃ": "ه",
        "ھ": "ه",
        "ؤ": "و",
        "ۓ": "ے",
    }
)
_LATIN_EXTRA = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i"})
_CLAUSE = re.compile(r"[,\u060c;\u061b]")


def loose(text: str) -> str:
    """``text`` as it is compared loosely: see the module docstring, step 2."""
    key = match_key(text)
    for mark in _APOSTROPHES:
        key = key.replace(mark, "")
    key = _ARABIC_MARKS.sub("", key).translate(_ARABIC_LETTERS).translate(_LATIN_EXTRA)
    out = []
    for ch in unicodedata.normalize("NFD", key):
        if unicodedata.combining(ch) and out and "LATIN" in unicodedata.name(out[-1], ""):
            continue  # an accent on a Latin letter; Indic vowel signs are letters here
        out.append(ch)
    key = unicodedata.normalize("NFC", "".join(out))
    return " ".join(_PUNCTUATION.sub(" ", key).split())


@lru_cache(maxsize=2048)
def _label(label: str) -> tuple[str, frozenset[str]]:
    """A label loosely, and its leading parts loosely when it has several ("yes" and
    "yes i agree" of "Yes, I agree, let's start").  Only labels and short forms are
    cached, never what people type."""
    parts = _CLAUSE.split(label)
    leading = frozenset(loose(",".join(parts[:k])) for k in range(1, len(parts)))
    return loose(label), leading


LONGEST = 80
"""Typed text longer than this is no button's label: it is not compared loosely."""


def _only(found: set[str]) -> str | None:
    return next(iter(found)) if len(found) == 1 else None


def typed_option(
    text: str, options: Sequence[tuple[str, str]], lang: str | None = None
) -> str | None:
    """The id of the option a typed answer clearly means, or None.

    ``options`` are (id, label) in the order shown, numbered from 1; ``lang`` is the
    person's language (the labels are in it), for its short forms."""
    exact = exact_option(text, options)
    if exact is not None:
        return exact
    if len(text) > LONGEST:
        return None
    key = loose(text)
    if not key:
        return None
    ids = {oid for oid, _ in options}
    steps = (
        {oid for oid, label in options if _label(label)[0] == key},
        {oid for oid, label in options if key in _label(label)[1]},
        {
            oid
            for oid, forms in SHORT_FORMS.get(lang or "", {}).items()
            if oid in ids and key in _loose_forms(lang or "", oid)
        },
    )
    for found in steps:
        if found:
            return _only(found)
    return _slip(key, options)


def _slip(key: str, options: Sequence[tuple[str, str]]) -> str | None:
    """Step 5: the one option whose label is a slip or two away, clearly nearer than any other."""
    if len(key) < 4:
        return None
    allowed = 1 if len(key) < 10 else 2
    near = sorted((_distance(key, _label(label)[0], allowed + 2), oid) for oid, label in options)
    best = near[0][0] if near else allowed + 1
    if best > allowed or (len(near) > 1 and near[1][0] < best + 2):
        return None
    return near[0][1]


def _distance(a: str, b: str, cap: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``cap`` + 1 once it is surely above ``cap``."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
        if min(row) > cap:
            return cap + 1
    return min(row[-1], cap + 1)


@lru_cache(maxsize=64)
def _loose_forms(lang: str, oid: str) -> frozenset[str]:
    return frozenset(loose(form) for form in SHORT_FORMS.get(lang, {}).get(oid, ()))


_STOP_KEYS = frozenset(loose(word) for word in STOP_WORDS)
_UNSUBSCRIBE_KEYS = frozenset(loose(word) for word in UNSUBSCRIBE_WORDS)
