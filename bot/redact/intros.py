"""Full names after a bare "I am" with no "my name is", in every enabled language and script.

People introduce themselves with the copula alone far more often than with
"my name is": "ana Omar Haddad", "main Ali Raza hoon", "ami Rahim Uddin",
"hu Nilesh Shah chu", "Aš Mindaugas Vaitkus", "это Ольга Смирнова", and in
their own scripts "أنا محمد عبد الله", "میں عائشہ صدیقی ہوں", "আমি রহিম উদ্দিন",
"ਮੈਂ ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਹਾਂ", "હું રમેશ પટેલ છું".

These words also start ordinary sentences ("I am tired", "main bohat khush
hoon", "আমি খুব খুশি"), so a bare introduction asks for more than "my name
is" does: a FULL name (two or three words; a first name alone is kept, as
everywhere), and

- in scripts with capitals: every word capitalised and none a word people put
  after "I am" (nationalities, feelings, "Really");
- in scripts without capitals: no word from the stop lists (function words,
  and the adjectives and verbs that follow "I" in feedback), and, in Urdu,
  Punjabi and Gujarati, the copula right after the name ("... ہوں", "... ਹਾਂ",
  "... છું"), which closes a name but rarely two content words;
- in romanised Urdu, Punjabi and Gujarati ("main", "hu" are also everyday
  words in English and Gujarati) the copula after the name too.

One table, :data:`_BARE`, holds each language's introduction words, the
copula that must close the name (if any) and whether the script has capitals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from bot.redact.names import _NOT_AFTER_IM, _NOT_NAMES, _PARTICLES
from bot.redact.spans import MARKS, WORD, Span, needs_any, words
from bot.redact.staff import _AFTER_NAME_CASELESS, _PLACE_WORDS


class _Intro(NamedTuple):
    cue: str
    """The introduction words (a regular expression), matched case-insensitively."""
    closer: str | None = None
    """A copula that must follow the name ("hoon", "ہوں"), or None."""
    capitals: bool = True
    """Whether the language's script has capitals (then every name word must have one)."""


_BARE = (
    _Intro(r"to\s+ja|tu\s+jest"),  # pl
    _Intro(r"aš(?:\s+esu)?|as\s+esu"),  # lt (esu alone: bot.redact.names)
    _Intro(r"es(?:\s+esmu)?"),  # lv
    _Intro(r"это\s+я|это|eto\s+ya|ya|eto"),  # ru, and romanised
    _Intro(r"ana|ena"),  # ar romanised
    _Intro(r"ami"),  # bn romanised
    _Intro(r"aniga(?:\s+waa|\s+waxaan\s+ahay)?|anigu(?:\s+waa)?|waxaan\s+ahay"),  # so
    _Intro(r"main|mai|mein|mien", closer=r"hoon|hun|hu|hoo|hon|haan|han|aan"),  # ur, pa
    _Intro(r"hu|hun|huṁ", closer=r"chu|chhu|chun|chhun|chuu|che"),  # gu
    _Intro(r"أنا|انا|آنا|وأنا|وانا", capitals=False),  # ar
    _Intro(r"আমি", capitals=False),  # bn
    _Intro(r"میں|مَیں|مئیں", closer=r"ہوں|ہُوں|ہو|ھوں", capitals=False),  # ur
    _Intro(r"ਮੈਂ|ਮੈ", closer=r"ਹਾਂ|ਹਾ|ਹੈਗਾ|ਹੈਗੀ", capitals=False),  # pa
    _Intro(r"હું|હુ", closer=r"છું|છુ|છૂં", capitals=False),  # gu
)
_CUES = re.compile(
    "|".join(
        rf"(?P<c{i}>(?<![\w{MARKS}])(?:{intro.cue})(?![\w{MARKS}]))(?:\s*[:,\-–—]\s*|\s+)"
        for i, intro in enumerate(_BARE)
    ),
    re.IGNORECASE,
)
_WORD = re.compile(WORD)
_GAP = re.compile(r"[ \t]+")

_NOT_NAME_LATIN = _NOT_AFTER_IM
_ADJECTIVE_ENDINGS = ("ing", "ful", "ous", "ive", "able", "less", "ness", "īgs", "īga")
"""Endings of adjectives, rare at a name's end ("-ed" is not here: Ahmed, Javed, Hamed)."""
# What follows "I" in feedback, in the scripts without capitals: adjectives, verbs,
# quantities.  Without capitals this list is what keeps "أنا ممتن جدا" as typed.
_NOT_NAME_CASELESS = _AFTER_NAME_CASELESS | words(
    """
    بخير ممتن ممتنة سعيد سعيدة تعبان تعبانة حزين حزينة مريض مريضة نظيف نظيفة شاكر شاكرة
    مدمن مدمنة أم ام أب اب عربي عربية سوري سورية عراقي عراقية مصري مصرية صومالي
    وحيد وحيدة خايف خايفة زعلان زعلانة مبسوط مبسوطة منيح تمام الحمد لله الحمدلله والحمد
    أحتاج احتاج أريد اريد أشعر اشعر أحس احس أشرب اشرب أعيش اعيش أعمل اعمل أتعاطى أستخدم
    استخدم أحب احب أخاف اخاف أعاني اعاني أتمنى اتمنى أنتظر انتظر أسكن اسكن كنت صرت بدي
    عايش عايشة حاسس حاسة محتاج محتاجة بحاجة هنا هون الآن الان جديد جديدة أيضا ايضا
    ٹھیک خوش اداس پریشان بیمار تنگ صاف شکر شکرگزار گزار اکیلا اکیلی نشے پاک پاکستانی
    مسلمان ماں باپ بہت زیادہ تھوڑا تھوڑی یہاں ابھی رہتا رہتی کرتا کرتی لیتا لیتی پیتا پیتی
    আমি খুশি দুঃখিত অসুস্থ সুস্থ ক্লান্ত কৃতজ্ঞ একা বাঙালি মুসলিম মা বাবা এখানে এখন
    মনে করি করছি করেছি করতাম থাকি থাকছি যাই যাচ্ছি চাই পারি পারছি নিই নিচ্ছি খাই আছি
    ছিলাম হই হয়েছি বলি জানি বুঝি লাগে ভালো ভাল খুব অনেক একটু নতুন ধন্যবাদ
    ਖੁਸ਼ ਠੀਕ ਬਿਮਾਰ ਉਦਾਸ ਪਰੇਸ਼ਾਨ ਇਕੱਲਾ ਇਕੱਲੀ ਸਾਫ਼ ਸਾਫ ਪੰਜਾਬੀ ਸਿੱਖ ਮਾਂ ਪਿਤਾ ਇੱਥੇ ਹੁਣ ਰੋਜ਼
    ਸ਼ੁਕਰਗੁਜ਼ਾਰ ਧੰਨਵਾਦੀ
    ખુશ ઠીક બીમાર ઉદાસ પરેશાન એકલો એકલી સાફ ગુજરાતી હિન્દુ મા પિતા અહીં હવે રોજ આભારી
    """
)
_VERB_ENDINGS = ("تا", "تی", "تے", "রছি", "েছি", "লাম", "তাম", "ছি", "ਦਾ", "ਦੀ", "ਦੇ", "તો")
"""Endings of verbs and participles ("لیتا", "করছি", "ਲੈਂਦਾ", "કરતો"), rare at a name's end
(not Gujarati "-તા", "-તી": Sunita, Kavita)."""


def _ok_word(word: str, capitals: bool) -> bool:
    key = word.casefold()
    if key in _NOT_NAMES or key in _PLACE_WORDS:
        return False
    if capitals:
        return (
            word[0].isupper()
            and key not in _NOT_NAME_LATIN
            and not key.endswith(_ADJECTIVE_ENDINGS)
            and not word.endswith(("'s", "’s"))
        )
    return (
        not word[0].isupper()
        and not word[0].islower()
        and key not in _NOT_NAME_CASELESS
        and not key.endswith(_VERB_ENDINGS)
    )


def _full_name(text: str, pos: int, intro: _Intro) -> Span | None:
    """Two or three name words from ``pos`` (and the copula the language asks for after)."""
    found: list[re.Match[str]] = []
    at = pos
    while len(found) < 3:
        m = _WORD.match(text, at)
        if m is None:
            break
        if not _ok_word(m.group(), intro.capitals):
            if m.group().casefold() in _PARTICLES and found:  # "Maria de Souza", "عبد الله"
                gap = _GAP.match(text, m.end())
                if (
                    gap
                    and (nxt := _WORD.match(text, gap.end()))
                    and _ok_word(nxt.group(), intro.capitals)
                ):
                    found.append(nxt)
                    at = nxt.end()
                    gap = _GAP.match(text, at)
                    if gap is None:
                        break
                    at = gap.end()
                    continue
            break
        found.append(m)
        gap = _GAP.match(text, m.end())
        if gap is None:
            break
        at = gap.end()
    if len(found) < 2:
        return None
    end = found[-1].end()
    if intro.closer is not None:
        closer = re.compile(rf"[ \t]+(?:{intro.closer})(?![\w{MARKS}])", re.IGNORECASE)
        if not closer.match(text, end):
            return None
    elif not intro.capitals and _WORD.match(text, at) and at > end:
        # Without capitals or a copula, a fourth content word means a sentence, not a name.
        nxt = _WORD.match(text, at)
        if nxt is not None and _ok_word(nxt.group(), False):
            return None
    return Span(found[0].start(), end, "name")


_NEEDLES = (
    *words("to tu aš as es это ya eto ana ena أنا انا آنا ami aniga anigu waxaan main"),
    *words("mai mein mien hu hun huṁ আমি میں مَیں مئیں ਮੈਂ ਮੈ હું હુ"),
)


@needs_any(*_NEEDLES)
def bare_intros(text: str) -> Iterator[Span]:
    """Full names after an introduction without "my name is" (see the module docstring)."""
    for m in _CUES.finditer(text):
        index = next(int(k[1:]) for k, v in m.groupdict().items() if v is not None)
        intro = _BARE[index]
        span = _full_name(text, m.end(), intro)
        if span is not None:
            yield span
