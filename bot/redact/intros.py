"""Full names after a bare "I am" with no "my name is", in every enabled language and script.

People introduce themselves with the copula alone far more often than with
"my name is": "ana Omar Haddad", "main Ali Raza hoon", "ami Rahim Uddin",
"hu Nilesh Shah chu", "Aš Mindaugas Vaitkus", "это Ольга Смирнова", and in
their own scripts "أنا محمد عبد الله", "میں عائشہ صدیقی ہوں", "আমি রহিম উদ্দিন",
"ਮੈਂ ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਹਾਂ", "હું રમેશ પટેલ છું".

These words also start ordinary sentences ("I am tired", "main bohat khush
hoon", "আমি খুব খুশি"), so a bare introduction asks for more than "my name
is" does: a FULL name (two or three words; a first name alone only when it is a listed given
name and the introduction closes after it: ``_own_first_name``), and

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

from bot.redact.famous import famous
from bot.redact.given_names import (
    GIVEN_CASELESS,
    NOUNS_CASELESS,
    SURNAMES_CASELESS,
    WORD_NAMES_CASELESS,
    given_name,
)
from bot.redact.names import _NOT_AFTER_IM, _NOT_NAMES, _PARTICLES, _and_clause, _own_given_name
from bot.redact.spans import MARKS, WORD, Span, words
from bot.redact.staff import _AFTER_NAME_CASELESS, _PLACE_WORDS, _RELATIONS, _ROLES

_SPEAKING_ROMAN = r"bol\s+(?:raha|rahi|reha|rhi|rha|rai|ri)"
"""Romanised Urdu and Punjabi "speaking" ("main Ali Raza bol raha hoon"), before the copula."""


class _Intro(NamedTuple):
    cue: str
    """The introduction words (a regular expression), matched case-insensitively."""
    closer: str | None = None
    """A copula that must follow the name ("hoon", "ہوں"), or None."""
    capitals: bool = True
    """Whether the language's script has capitals (then every name word must have one)."""


_BARE = (
    _Intro(r"to\s+ja|tu\s+jest|tu|z\s+tej\s+strony"),  # pl ("Tu Marcin Wójcik": "Marcin here")
    _Intro(r"aqui\s+(?:é|e|fala)(?:\s+[ao])?|fala(?:\s+[ao])?"),  # pt
    _Intro(r"меня|menya", closer=r"зовут|zovut"),  # ru, the name inside: "меня Анна Смирнова зовут"
    _Intro(r"aš(?:\s+esu)?|as\s+esu|čia|cia"),  # lt (esu alone: bot.redact.names; "čia": here)
    _Intro(r"es(?:\s+esmu)?|šeit|seit"),  # lv
    _Intro(r"это\s+я|это|eto\s+ya|ya|eto"),  # ru, and romanised
    _Intro(r"ana|ena"),  # ar romanised
    _Intro(r"ami"),  # bn romanised
    _Intro(
        r"aniga(?:\s+oo\s+ah|\s+waa|\s+waxaan\s+ahay)?|anigoo\s+ah|anigu(?:\s+waa)?|waxaan\s+ahay"
    ),
    _Intro(
        r"main|mai|mein|mien",
        closer=rf"(?:{_SPEAKING_ROMAN}\s+)?(?:hoon|hun|hu|hoo|hon|haan|han|aan)",
    ),
    _Intro(r"hu|hun|huṁ", closer=r"(?:bolu|bolun|bolum)?\s*(?:chu|chhu|chun|chhun|chuu|che)"),  # gu
    _Intro(r"أنا|انا|آنا|وأنا|وانا|معك|معاك|معكم", capitals=False),  # ar ("معك": on the phone)
    _Intro(r"আমি", capitals=False),  # bn
    _Intro(r"میں|مَیں|مئیں", closer=r"(?:بول\s+(?:رہا|رہی)\s+)?(?:ہوں|ہُوں|ہو|ھوں)", capitals=False),
    _Intro(r"ਮੈਂ|ਮੈ", closer=r"(?:ਬੋਲ\s+(?:ਰਿਹਾ|ਰਹੀ|ਰਿਹੀ)\s+)?(?:ਹਾਂ|ਹਾ|ਹੈਗਾ|ਹੈਗੀ)", capitals=False),
    _Intro(r"હું|હુ", closer=r"(?:બોલું\s+|બોલુ\s+)?(?:છું|છુ|છૂં)", capitals=False),  # gu
    # "They call me …", the name inside: "mujhe Ali Raza kehte hain", "ਮੈਨੂੰ … ਕਹਿੰਦੇ ਹਨ".
    _Intro(
        r"mujhe|mujhko|mainu|mennu|menu|mane|amake",
        closer=r"kehte|kahte|kehtay|bulate|bulaate|kehnde|kehende|kahe|bole|dake|daake",
    ),
    _Intro(r"مجھے|مجهے", closer=r"کہتے|کہہ\s+کر|بلاتے|پکارتے", capitals=False),
    _Intro(r"ਮੈਨੂੰ|ਮੈਂਨੂੰ", closer=r"ਕਹਿੰਦੇ|ਆਖਦੇ|ਬੁਲਾਉਂਦੇ|ਸੱਦਦੇ", capitals=False),
    _Intro(r"મને", closer=r"કહે|બોલાવે", capitals=False),
    _Intro(r"আমাকে|আমায়", closer=r"বলে|ডাকে|ডাকেন|বলেন", capitals=False),
)
_CUES = re.compile(
    rf"(?<![\w{MARKS}])(?:"
    + "|".join(rf"(?P<c{i}>{intro.cue})" for i, intro in enumerate(_BARE))
    + rf")(?![\w{MARKS}])(?:\s*[:,\-–—]\s*|\s+)",
    re.IGNORECASE,
)
"""Every introduction in one pattern (one word-boundary test around them all: each costs
compile time at start-up), the group's number naming the row of :data:`_BARE`."""
_WORD = re.compile(WORD)
_GAP = re.compile(r"[ \t]+")

_NOT_NAME_LATIN = _NOT_AFTER_IM
_ADJECTIVE_ENDINGS = ("ing", "ful", "ous", "ive", "able", "less", "ness", "īgs")
_ADJECTIVE_ENDINGS += ("oje", "ėje", "yje", "uje", "ijā")
"""And Lithuanian and Latvian locatives ("čia Didžiojoje Britanijoje": here in Great Britain)."""
"""Endings of adjectives, rare at a name's end ("-ed" is not here: Ahmed, Javed, Hamed)."""
# What follows "I" in feedback, in the scripts without capitals: adjectives, verbs,
# quantities.  Without capitals this list is what keeps "أنا ممتن جدا" as typed.
_NOT_NAME_CASELESS = _AFTER_NAME_CASELESS | words(
    """
    عند مع على عالبيت اهلي أهلي بيتي
    بخير ممتن ممتنة سعيد سعيدة تعبان تعبانة حزين حزينة مريض مريضة نظيف نظيفة شاكر شاكرة
    مدمن مدمنة أم ام أب اب عربي عربية سوري سورية عراقي عراقية مصري مصرية صومالي
    وحيد وحيدة خايف خايفة زعلان زعلانة مبسوط مبسوطة منيح تمام الحمد لله الحمدلله والحمد
    أحتاج احتاج أريد اريد أشعر اشعر أحس احس أشرب اشرب أعيش اعيش أعمل اعمل أتعاطى أستخدم
    استخدم أحب احب أخاف اخاف أعاني اعاني أتمنى اتمنى أنتظر انتظر أسكن اسكن كنت صرت بدي
    عايش عايشة حاسس حاسة محتاج محتاجة بحاجة هنا هون الآن الان جديد جديدة أيضا ايضا
    رہا رہی رہے لے دے کر کرتی کرتا نیند تھراپی নিয়ে নিরাপদ લઉં લઉ કરું કરૂં
    قلقان قلقانة مرهق مرهقة بأمان مطلق مطلقة مرتاح مرتاحة شايل شايلة أستنى استنى جداً
    يحفظه يحفظها صار صارت أحسن احسن بكثير أفضل افضل تعبان مريض بخير الحمد رجع رجعت
    ٹھیک خوش اداس پریشان بیمار تنگ صاف شکر شکرگزار گزار اکیلا اکیلی نشے پاک پاکستانی
    مسلمان ماں باپ بہت زیادہ تھوڑا تھوڑی یہاں ابھی رہتا رہتی کرتا کرتی لیتا لیتی پیتا پیتی
    আমি খুশি দুঃখিত অসুস্থ সুস্থ ক্লান্ত কৃতজ্ঞ একা বাঙালি মুসলিম মা বাবা এখানে এখন
    মনে করি করছি করেছি করতাম থাকি থাকছি যাই যাচ্ছি চাই পারি পারছি নিই নিচ্ছি খাই আছি
    ছিলাম হই হয়েছি বলি জানি বুঝি লাগে ভালো ভাল খুব অনেক একটু নতুন ধন্যবাদ
    ਖੁਸ਼ ਠੀਕ ਬਿਮਾਰ ਉਦਾਸ ਪਰੇਸ਼ਾਨ ਇਕੱਲਾ ਇਕੱਲੀ ਸਾਫ਼ ਸਾਫ ਪੰਜਾਬੀ ਸਿੱਖ ਮਾਂ ਪਿਤਾ ਇੱਥੇ ਹੁਣ ਰੋਜ਼
    ਸ਼ੁਕਰਗੁਜ਼ਾਰ ਧੰਨਵਾਦੀ
    بول ਬੋਲ બોલું બોલુ বলছি bol bolu bolchi boltechi
    پر تک ساتھ پاس دور گھر ਵਿੱਚ ਵਿਚ ਤੋਂ ਨਾਲ ਕੋਲ ਦੂਰ ਘਰ ਨੂੰ માં થી પર સાથે પાસે દૂર ઘરે ઘર
    বাড়িতে বাসায় দূরে থেকে সাথে কাছে সবার
    ખુશ ઠીક બીમાર ઉદાસ પરેશાન એકલો એકલી સાફ ગુજરાતી હિન્દુ મા પિતા અહીં હવે રોજ આભારી
    لوگ سب پاگل برا بری غلط ਲੋਕ ਸਾਰੇ ਪਾਗਲ ਮਾੜਾ ਗਲਤ લોકો બધા ગાંડો ગાંડી ખરાબ
    সবাই লোকে লোকজন পাগল খারাপ
    বলে ডাকে ডাকেন বলেন کہتے بلاتے پکارتے ਕਹਿੰਦੇ ਆਖਦੇ ਬੁਲਾਉਂਦੇ ਸੱਦਦੇ કહે બોલાવે
    """
)
_AFTER_CASELESS_NAME = words(
    """
    من و وعمري عمري عندي ساكن ساكنة اسكن أسكن في هنا ام أم ابو أبو زوجة زوج اخت أخت اخو أخو
    বলছি থেকে এবং আর আমার বয়স লন্ডনে লন্ডন
    """
)
"""Words that follow a name given without capitals or a copula ("انا سارة أحمد من لندن")."""
# What comes between "main"/"hu" and "hoon"/"haan"/"chu" that is no name, in romanised
# Urdu, Punjabi and Gujarati: adjectives, adverbs, participles, places, people.
_ROMAN_NOT_NAMES = words(
    """
    khush khushi theek thik thick teek bilkul bohat bahut bohot bahu khub zyada ziada kam
    thora thori thoda thodi kaafi kafi behtar bhetar better acha achha accha achi changa
    changi saru saro sari pareshan preshan pershan udaas udas dukhi bimar beemar bemar saaf
    clean sober akela akeli ikalla ikalli ekalo ekli thaka thaki thak thake thakk thakya
    gaya gayi gaye gai gya gyi gayo gai raha rahi rahe reha rahya rahyo chuka chuki chuke
    chukya sakta sakti hua hui huaa hoya hoyi thayo thai kar karta karti karte kardi karda
    kari karu karun leta leti lainda laindi lau lu pita piti peeta peenda peendi jaata
    jaati janda jandi jau aata aati aunda aundi rehta rehti rehnda rehndi rahu shukarguzar
    shukar guzar shukriya shukria mashkoor abhari aabhari bahar ghar andar yahan wahan
    ithe othe ahiya tya ahi tyan ab abhi hun hune have hve pehle pehla naya nayi nava navi
    nawa nawi purana mazboot kamzor majboor tang bezaar fit free ready pakka sure sorry
    maafi muslim sikh hindu christian pakistani punjabi gujarati indian british angrez
    mareez nashai addict alcoholic sharabi patient tumhara tumhari aapka aapki apka apki
    uska uski unka unki hamara hamari tuhada tuhadi tamaro tamari dost yaar bhai behen
    behan maa baap beta beti puttar dhee dikro dikri pati patni mother father mum dad
    pe par te vich ma maa mein nal saath sath door dur pass paas kol bina sirf bas
    hoon hun hu hoo hon haan han aan chu chhu chun chhun chuu che bol bolu bolun bolum
    raha rahi reha rhi rha rai ri kal aaj parso ch vich rehab yaad yad
    log lok loko sab sabhi pagal paagal bura buri galat ganda gando kamzor achha acchha
    kehte kahte kehtay bulate bulaate kehnde kehende kahe bole dake daake
    chahta chahti chahte chahunga jata jati jate jaata jaati sochta sochti samajhta samajhti
    mangta mangti dhoondta kinare kinara rakhu rakhun rakhta rakhti ichhu ichchhu ichu
    """
)
_POSTPOSITION_ENDINGS = ("થી", "માં", "ਤੋਂ", "ਵਿੱਚ")
"""Postpositions written onto the word ("નશાથી": from drugs), never a name's end."""
_VERB_ENDINGS = (
    "تا",
    "تی",
    "تے",
    "রছি",
    "েছি",
    "রলাম",
    "েলাম",
    "িলাম",
    "তাম",
    "ছি",
    "ਦਾ",
    "ਦੀ",
    "ਦੇ",
    "તો",
    "ું",
    "ઉં",
)
"""Endings of verbs and participles ("لیتا", "করছি", "ਲੈਂਦਾ", "કરતો", Gujarati "રાખું",
"ઇચ્છું": I keep, I want), rare at a name's end
(not Gujarati "-તા", "-તી": Sunita, Kavita)."""


def _ok_word(word: str, capitals: bool, lower: bool = False) -> bool:
    """Whether ``word`` can be part of a name; ``lower``: a lower-case one may (in the
    romanised copula frame "main hamza tariq hoon", if it is none of :data:`_ROMAN_NOT_NAMES`)."""
    key = word.casefold()
    if key in _NOT_NAMES or key in _PLACE_WORDS:
        return False
    if capitals and lower and word.islower() and word.isascii():
        return (
            key not in _ROMAN_NOT_NAMES
            and key not in _NOT_NAME_LATIN
            and not key.endswith(("unga", "ungi", "enge", "ega", "egi", "ing", "ed"))
        )
    if capitals:
        return (
            word[0].isupper()
            and key not in _NOT_NAME_LATIN
            and not (lower and key in _ROMAN_NOT_NAMES)
            and not key.endswith(_ADJECTIVE_ENDINGS)
            and not word.endswith(("'s", "’s"))
        )
    return (
        not word[0].isupper()
        and not word[0].islower()
        and key not in _NOT_NAME_CASELESS
        and key not in NOUNS_CASELESS
        and key not in _RELATIONS_CASELESS  # "আমি সুমনের আম্মা": I'm Sumon's mum
        and not key.endswith(_VERB_ENDINGS)
        and not key.endswith(_POSTPOSITION_ENDINGS)
    )


def _word_name_first(text: str, m: re.Match[str], intro: _Intro) -> bool:
    """Whether a name that is also a word ("સારા": Sara, good; "سعيد": Saeed, happy) starts
    the name here: in a script without capitals, before a listed surname, or before any name
    word when the language's copula must close the name ("હું સારા પટેલ છું")."""
    if intro.capitals or m.group() not in WORD_NAMES_CASELESS:
        return False
    gap = _GAP.match(text, m.end())
    nxt = gap and _WORD.match(text, gap.end())
    if not nxt:
        return False
    return nxt.group() in SURNAMES_CASELESS or (
        intro.closer is not None and _ok_word(nxt.group(), capitals=False)
    )


def _full_name(text: str, pos: int, intro: _Intro, opens: bool = False) -> Span | None:
    """Two or three name words from ``pos`` (and the copula the language asks for after)."""
    found: list[re.Match[str]] = []
    # Romanised Urdu, Punjabi and Gujarati are often typed without capitals: there the
    # copula after the name is the evidence, and lower-case words may be the name.
    lower = intro.closer is not None and intro.capitals
    at = pos
    while len(found) < 3:
        m = _WORD.match(text, at)
        if m is None:
            break
        if not found and _word_name_first(text, m, intro):
            pass  # "હું સારા પટેલ છું": Sara, not "good", before a surname or the copula
        elif not _ok_word(m.group(), intro.capitals, lower) or _and_clause(m.group()):
            if m.group().casefold() in _PARTICLES and found:  # "Maria de Souza", "عبد الله"
                gap = _GAP.match(text, m.end())
                if (
                    gap
                    and (nxt := _WORD.match(text, gap.end()))
                    and _ok_word(nxt.group(), intro.capitals, lower)
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
    if len(found) == 3 and found[-1].group().casefold() in _PARTICLES:
        # "أنا نور الهدى عبد الرحمن": a particle third joins a fourth word to the name.
        gap = _GAP.match(text, found[-1].end())
        nxt = _WORD.match(text, gap.end()) if gap else None
        if nxt is not None and _ok_word(nxt.group(), intro.capitals, lower):
            found.append(nxt)
    if len(found) < 2:
        return None
    end = found[-1].end()
    if intro.closer is not None:
        closer = re.compile(rf"[ \t]+(?:{intro.closer})(?![\w{MARKS}])", re.IGNORECASE)
        # Or a comma: "હું નીલેશ પટેલ, લેસ્ટરથી લખું છું" (the copula closes the sentence).
        # Only two words, and the introduction opening the message or a clause: "میں" is
        # also "in", and "ਮੈਂ ਸਿਰਫ਼ ਲੱਸੀ ਪੀਤੀ," (I only drank lassi) is a sentence.
        comma = (
            opens and len(found) == 2 and not intro.capitals and text[end : end + 1] in (",", "،")
        ) or (
            # Romanised, every word capitalised: "hu Nisha Mistry, mane … call karo".
            opens
            and intro.capitals
            and text[end : end + 1] == ","
            and all(w.group()[0].isupper() for w in found)
        )
        if not closer.match(text, end) and not comma:
            return None
    elif not intro.capitals:
        # Without capitals or a copula, what follows must close the name: the end, a
        # punctuation mark, or a word that follows a name ("من لندن", "বলছি"); another
        # word means a sentence ("আমি সবার কাছে কৃতজ্ঞ": "I am grateful to everyone").
        rest = text[end:].lstrip(" \t")
        nxt = _WORD.match(rest)
        if (
            nxt is not None
            and rest[:1].isalpha()
            and nxt.group() not in _AFTER_CASELESS_NAME
            and not _and_clause(nxt.group())
        ):
            return None
    return Span(found[0].start(), end, "name")


_FIRST_WORDS = words(
    """
    tu aš es это ya eto ana ena ami aniga anigu anigoo waxaan main mai mein mien hu hun huṁ
    čia cia šeit seit
    aqui fala меня menya z
    أنا انا آنا وأنا وانا معك معاك معكم আমি میں مَیں مئیں ਮੈਂ ਮੈ હું હુ
    mujhe mujhko mainu mennu menu mane amake مجھے مجهے ਮੈਨੂੰ ਮੈਂਨੂੰ મને আমাকে আমায়
    """
)
"""The first word of every introduction in :data:`_BARE`, lower case ("to ja" and "as esu"
are looked for whole: "to" and "as" are in most English answers)."""
_TO_SPACE = str.maketrans(dict.fromkeys(",:;.!?-–—()\"'", " "))


def _has_cue_word(text: str) -> bool:
    """Whether a word of ``text`` starts an introduction: a set test, far cheaper than the scan.

    A substring test (``needs_any``) would pass nearly every message: "to", "es" and "hu"
    are inside many words.
    """
    low = text.casefold()
    if "as esu" in low or "to ja" in low:
        return True
    # A cue is followed by a space or a colon ("ami Rahim", "main: …" is rare): split on spaces.
    return not _FIRST_WORDS.isdisjoint(low.split()) or not _FIRST_WORDS.isdisjoint(
        low.translate(_TO_SPACE).split() if ":" in low or "," in low else ()
    )


def bare_intros(text: str) -> Iterator[Span]:
    """Full names after an introduction without "my name is" (see the module docstring)."""
    if not _has_cue_word(text):
        return
    for m in _CUES.finditer(text):
        index = next(int(k[1:]) for k, v in m.groupdict().items() if v is not None)
        intro = _BARE[index]
        before = text[: m.start()].rstrip(" \t")
        opens = not before or before[-1] in ",،.!?।۔\n"
        span = _full_name(text, m.end(), intro, opens)
        cue = m.group(f"c{index}")
        if span is None and cue.casefold() not in _NOT_SINGLE_CUES:
            span = _own_first_name(text, m.end(), intro)
            if (
                span is not None
                and _PRESENTING.fullmatch(cue)
                and _SOMEONE_ELSE.match(text, span.end)
            ):
                span = None  # "aqui é a Rita, a minha enfermeira": "here is", not "I am"
        if span is not None and cue in ("Ana", "ANA") and " " in text[span.start : span.end]:
            # "falei com a Ana Paula Ferreira": Ana is the name's first part, not Arabizi "I";
            # hiding "I" in "Ana Ahmad Khalil" costs a word, storing "Ana" a name's part.
            span = Span(m.start(), span.end, "name")
        if span is not None:
            yield span


_GREETING = (
    r"(?:(?:hi|hello|hey|hiya|morning|evening|cześć|czesc|dzień\s+dobry|привет|здравствуйте|"
    r"salut|bună|buna|sveiki|labas|olá|ola|oi|salaam|salam|assalamualaikum|as-salamu\s+alaykum|"
    r"mahadsanid|asc|dear\s+all|all|sorry|ok|okay|so|yeah|um|erm)[\s,!.:-]*)?"
)
_OPENING = re.compile(
    rf"(?:^|[.!?\n]\s*){_GREETING}"
    r"(?:(?P<cue>this\s+is|it['’]?s|its|it\s+is|tu|to\s+ja|это|это\s+я|eto|sunt\s+eu|"
    r"eu\s+sunt|sou\s+eu|aqui\s+(?:é|e)(?:\s+[oa])?|te|šeit|seit|čia|cia)[\s,:-]+"
    rf"(?P<name>{WORD})|(?P<first>{WORD})[ \t]+(?:here|speaking|tutaj|tu|здесь|aici|aqui|čia|šeit))"
    r"(?:[ \t]*(?=[,.!:;\-–—\n]|$)"
    r"|(?=[ \t]+(?:here|здесь|tutaj|aici|aqui)[ \t]*(?:[,.!:;(\-–—\n]|$))"
    r"|(?P<goes_on>(?=[ \t]+(?:from|again|z|ze|из|от|din|de|do|da|iš|no)(?![\w]))))",
    re.IGNORECASE,
)
"""A message opening with one's first name: "this is Kelly,", "hi it's dave,", "Kelly here,",
"hi, Dave speaking,", "tu Marek,", "это Ольга,", "sunt eu, Ion", "te Jānis,".  Only at the
start of the message or a sentence, and with a comma, the end, or where one is from after
the name ("this is kelly from tuesday group", "to ja, Ola z grupy"): "this is Sarah who
helped me" speaks of someone else."""


_POSSESSIVES = (
    r"my|our|mój|moja|moje|mojego|nasz|nasza|nasze|мой|моя|мою|"
    r"наш|наша|o\s+meu|a\s+minha|o\s+nosso|a\s+nossa|meu|minha|nosso|nossa|mano|mūsų|musu|"
    r"mans|mana|mūsu|mea|meu|nostru|noastră|noastra|mera|meri|mere|hamara|hamari"
)
"""Whose the role is: "my keyworker" presents someone else; "a mum of three", "Jake's dad",
"mãe do João", "her husband", "your keyworker" describe the writer."""
_OTHERS_PRONOUNS = (
    r"who|she|he|they|which|kto|która|który|ona|on|oni|она|он|они|которая|который|ea|el|care|"
    r"ela|ele|que|ji|jis|kuri|kuris|viņa|viņš|vina|vins|kura|kurš|kurs|iyada|isaga|woh|wo|voh"
)
_PHRASE_GOES_ON = (
    r"at|from|in|on|of|for|here|there|since|w|z|ze|na|z|в|из|с|на|em|da|do|no|na|de|la|din|"
    r"în|iš|is|iz|ar|no|ka|ee|kaa|ki|ka|se|ke|ko|tak|tal|oo"
)
_PHRASE_ENDS = r"[ \t]*(?:[.,!?;:)\n]|$)"
_SOMEONE_ELSE = re.compile(
    rf"[ \t]*[,\-–—:(][ \t]*(?:(?:(?:{_POSSESSIVES})[ \t]+(?:[\w'’-]+[ \t]+)?"
    rf"(?:{'|'.join((*_ROLES, *_RELATIONS))})|the[ \t]+(?:[\w'’-]+[ \t]+)?"
    rf"(?:{'|'.join(_ROLES)}))(?![\w{MARKS}])"
    rf"(?={_PHRASE_ENDS}|[ \t]+(?:{_PHRASE_GOES_ON})(?:[ \t]+[\w'’-]+){{1,2}}{_PHRASE_ENDS})"
    rf"|(?:{_OTHERS_PRONOUNS})(?![\w{MARKS}/]))",
    re.IGNORECASE,
)
"""A role or a relation set beside the name and closing the phrase, or "she"/"who" going
on about her: "this is Sarah, my keyworker", "это Ольга, мой куратор.", "this is Sarah,
she helped me": the writer presents someone else.  A role that starts a clause of its own
("this is Sarah, my keyworker told me to write", "it's Jodie, my mum has been ill") and
pronouns given ("this is Kelly, she/her") leave the name the writer's own."""
_PRESENTING = re.compile(
    r"this\s+is|it['’]?s|its|it\s+is|tu|это|eto|aqui\s+(?:é|e|fala)(?:\s+[ao])?|"
    r"fala(?:\s+[ao])?|čia|cia|šeit|seit|te",
    re.IGNORECASE,
)
"""Introductions that also present someone else ("here is", "this is"), unlike "I am",
"z tej strony" (on this side) or "sunt eu" (it's me)."""


_SPOKEN_OF = re.compile(
    rf"(?<![\w{MARKS}])(?:{_OTHERS_PRONOUNS}|her|him|was|była|był)(?![\w{MARKS}])", re.IGNORECASE
)
"""Words of someone spoken of, in the sentence after "this is Sarah from …"."""


def opening_names(text: str) -> Iterator[Span]:
    """One's own first name opening a message (:data:`_OPENING`), when it is a listed given
    name (issue 12: one's own name given in an introduction is hidden, alone or not).  A
    name with a role or "she" beside it is someone else's, and stays (:data:`_SOMEONE_ELSE`)."""
    for m in _OPENING.finditer(text):
        group = "name" if m.group("name") is not None else "first"
        cue = m.group("cue") or ""
        if _PRESENTING.fullmatch(cue) and _SOMEONE_ELSE.match(text, m.end(group)):
            continue
        if m.group("goes_on") is not None and _SPOKEN_OF.search(
            re.split(r"[.!?\n]", text[m.end() :], maxsplit=1)[0]
        ):
            continue  # "This is Sarah from the council who helped me": someone else
        if _own_given_name(m.group(group), m.group("cue") or ""):
            yield Span(m.start(group), m.end(group), "name")


_NOT_SINGLE_CUES = words("tu это eto ya")
"""Introductions that also point at someone else ("Tu Marcin mi pomógł": here Marcin helped
me; "это Ольга мне помогла": it was Olga who helped me): only a full name after them."""


def _own_first_name(text: str, pos: int, intro: _Intro) -> Span | None:
    """One's own first name alone after a bare "I am" ("ami rahim", "to ja, Ola", "أنا محمد
    من سوريا", "હું રમેશ છું"): hidden, as after "my name is" (issue 12, the lead's decision
    of 30 Nov), when it is a listed given name and the introduction closes after it: the
    language's copula, or, without one, the end, punctuation or a word that no name takes
    ("Aš Tomas ir…", "ana ahmad من سوريا")."""
    m = _WORD.match(text, pos)
    if m is None or not given_name(m.group()) or not _own_given_name(m.group()):
        return None
    if m.group().casefold() in _NOT_NAMES or m.group().casefold() in _NOT_NAME_CASELESS:
        return None
    if intro.closer is not None and intro.capitals and m.group().casefold() in _ROMAN_NOT_NAMES:
        return None  # "hu saru chu": I am well ("saru", good, is also a name)
    end = m.end()
    if intro.closer is not None:
        closer = re.compile(rf"[ \t]+(?:{intro.closer})(?![\w{MARKS}])", re.IGNORECASE)
        return Span(m.start(), end, "name") if closer.match(text, end) else None
    rest = text[end:].lstrip(" \t")
    nxt = _WORD.match(rest)
    if not rest or not rest[0].isalpha() or nxt is None:
        return Span(m.start(), end, "name")
    word = nxt.group()
    closes = (
        word.casefold() in _NOT_NAMES
        or word in _AFTER_CASELESS_NAME
        or _and_clause(word)
        or (intro.capitals and word[0].islower() and m.group()[0].isupper())
    )
    return Span(m.start(), end, "name") if closes else None


# Words that end a message before the writer's name, in each enabled language.
_SIGN_OFF = (
    r"thanks|thank\s+you|many\s+thanks|regards|kind\s+regards|best\s+wishes|best|cheers|"
    r"sincerely|yours\s+sincerely|signed|love|from|"
    r"pozdrawiam|dziękuję|dziekuje|dzięki|dzieki|z\s+poważaniem|"
    r"ačiū|aciu|dėkoju|dekoju|pagarbiai|paldies|ar\s+cieņu|sveicieni|"
    r"mulțumesc|multumesc|mersi|cu\s+stimă|cu\s+stima|cu\s+respect|"
    r"obrigad[oa]|cumprimentos|atenciosamente|abraços|"
    r"спасибо|с\s+уважением|благодарю|spasibo|"
    r"mahadsanid|mahadsante|"
    r"shukriya|shukria|shukriyaa|dhanvaad|dhanyavaad|aabhar|abhar|dhonnobad|dhonnobaad|shukran|"
    r"شکریہ|شكرا|شكراً|مع\s+الشكر|تحياتي|ধন্যবাদ|ਧੰਨਵਾਦ|ਸ਼ੁਕਰੀਆ|આભાર"
)
_SIGNED = re.compile(
    rf"(?<!\w)(?:{_SIGN_OFF})(?!\w)\s*[,،:\-–—!.।۔]*\s+",
    re.IGNORECASE,
)
_SIGN_OFF_NEEDLES = (
    *words("thank regards best cheers sincerely signed love from pozdrawiam dzi poważaniem"),
    *words("ačiū aciu dėkoju dekoju pagarbiai paldies cieņu sveicieni mulțumesc multumesc"),
    *words("mersi stim respect obrigad cumprimentos atenciosamente abraços спасибо уважением"),
    *words("благодарю spasibo mahadsan shukr dhanvaad dhanyavaad aabhar abhar dhonnobad"),
    *words("شکریہ شكر تحياتي ধন্যবাদ ਧੰਨਵਾਦ ਸ਼ੁਕਰੀਆ આભાર"),
)
_SIGN_OFF_WORDS = words(
    """
    kind regards best wishes warm warmest love many big huge thanks thank you much lots all
    bardzo serdecznie wielkie большое огромное liels lielu paldies muito muitíssimo din suflet
    mare mult labai didelis didelis aad baad
    stay safe take care god bless blessed everyone everybody guys all team group futures
    trust recovery service services project partnership foundation hub centre center live
    matters well soon again
    """
)
"""Words that make up a sign-off itself ("Kind Regards", "Большое спасибо", "Liels paldies"),
never a name signed after one."""
_TAIL_CHARS = 90
"""How far from the end a sign-off can start: the words, a comma, a name of three words."""


def _at_end(text: str, pos: int) -> bool:
    """Whether only punctuation, spaces or emoji follow ``pos``."""
    return not any(ch.isalnum() for ch in text[pos:])


_HERE = re.compile(r"(?:^|[.!?]\s+|\b(?:[Hh]i|[Hh]ello|[Hh]ey|[Hh]iya)[,!]?\s+)(?=[A-Z])")


_KISSES = re.compile(r"(?:[\s,.!]*\b(?:[xX]{1,5}|[xX][oO][xXoO]*))+[\s.!]*$")
"""Kisses after a signed name ("cheers, Kelly Brown xx"): the name still ends the message."""


def sign_offs(text: str) -> Iterator[Span]:
    """A full name signed at the end ("Regards, Michelle O'Connor", "شكرا، محمد علي حسن"), and
    "Tom Baker here" opening a message.  A sign-off before one word ("Thanks, Team") stays."""
    if (kisses := _KISSES.search(text)) is not None and kisses.start() > 0:
        text = text[: kisses.start()]  # a prefix: every span found in it is one of the whole
    # The name ends the message: a message ending in a lower-case word has none.
    words_ = text.rstrip(" \t\n.!?)…\"'").rsplit(None, 1)
    if not words_ or words_[-1][:1].islower():
        yield from _here(text)
        return
    # Only its last characters can hold the sign-off.
    tail = max(0, len(text) - _TAIL_CHARS)
    low = text[tail:].casefold()
    signed = any(n in low for n in _SIGN_OFF_NEEDLES)
    for m in _SIGNED.finditer(text, tail) if signed else ():
        first = _WORD.match(text, m.end())
        if first is None:
            continue
        letter = first.group()[0]
        intro = _Intro("", capitals=letter.isupper() or letter.islower())
        span = _full_name(text, m.end(), intro)
        if _signed(text, span):
            yield span
    for m in _SIGNED_CLAUSE.finditer(text, tail) if signed else ():
        # "Thanks for everything - Kelly Brown", "thank you so much\nKelly Brown": a
        # sign-off with words after it, then a full name alone at the very end.
        span = _full_name(text, m.end(), _Intro(""))
        if span is not None and " " in text[span.start : span.end] and _signed(text, span):
            yield span
    yield from _here(text)


def _signed(text: str, span: Span | None) -> bool:
    """Whether a name found after a sign-off is one signed: it ends the message, and no
    word of it belongs to a sign-off ("Kind Regards", "Stay Safe") or is a role with
    Arabic's joined "to the" ("شكرا للممرضة سارة": the nurse, and her first name)."""
    if span is None or not _at_end(text, span.end) or famous(text, span):
        return False  # "I love Tyson Fury": a famous name after "love" is no signature
    parts = text[span.start : span.end].casefold().split()
    if parts[0].startswith(("لل", "ال")):
        return False  # "شكرا. الموظفين ممتازين": "the staff", with the article, are no name
    if _caseless_word(parts[0]) and not _NOT_SIGNED_CASELESS.isdisjoint(parts):
        return False
    return not any(w in _SIGN_OFF_WORDS or _SIGNED.fullmatch(w + " ") for w in parts)


def _caseless_word(word: str) -> bool:
    return not word[:1].isupper() and not word[:1].islower()


_NOT_SIGNED_CASELESS = words(
    """
    ممتاز ممتازة ممتازين رائع رائعة رائعين شكرا جزيلا كثير الجميع للجميع فريق لكل كل جميع
    الفريق للفريق لفريق الكل
    بہترین زبردست شاندار کمال عملہ ٹیم سب سبھی آپ آپکا آپ_کا بہت
    সেরা চমৎকার দারুণ অসাধারণ সবাই সবাইকে স্টাফ টিম আপনাদের আপনারা
    ਸ਼ਾਨਦਾਰ ਕਮਾਲ ਸਟਾਫ ਸਟਾਫ਼ ਟੀਮ ਸਾਰੇ ਸਭ ਤੁਹਾਡਾ ਤੁਸੀਂ
    શ્રેષ્ઠ અદ્ભુત સ્ટાફ ટીમ બધા બધાને તમારો તમે
    আবার আসব আসবো দেখা হবে খোদা হাফেজ আল্লাহ পরে আবারও
    پھر ملیں گے خدا حافظ اللہ دوبارہ ملتے ਫਿਰ ਮਿਲਾਂਗੇ ਰੱਬ ਰਾਖਾ ਮੁੜ ફરી મળીશું જય શ્રી કૃષ્ણ
    """
)
"""Praise and the people thanked, after a sentence of thanks in a script without capitals:
"سب کچھ کے لیے شکریہ۔ عملہ بہترین" (the staff are the best) is no signed name."""


_SIGNED_CLAUSE = re.compile(
    rf"(?<!\w)(?:{_SIGN_OFF})(?!\w)[^\n.!?,،\-–—]{{1,40}}?"
    rf"(?:\s+[-–—]+\s*|\s*[,،]\s*|\s*\n\s*|[.!]+\s+(?=[A-ZА-ЯЁĀ-ŽĄ-Ż]))",
    re.IGNORECASE,
)
"""A sign-off and the words after it ("Thanks for everything"), then a dash, comma or new
line before the name."""


def _here(text: str) -> Iterator[Span]:
    """ "Tom Baker here" opening a message (or after "Hi,")."""
    if " here" in text:
        for m in _HERE.finditer(text):
            span = _full_name(text, m.end(), _Intro(""))
            if span is not None and re.match(r"\s+here\b", text[span.end :]):
                yield span


_RELATIONS_CASELESS = words(
    """
    جاري جارتي جارنا الجار الجارة ابني بنتي إبني ابنتي أخوي اخوي أخي اخي أختي اختي زوجي زوجتي
    أمي امي أبوي ابوي صاحبي صاحبتي صديقي صديقتي
    پڑوسی ہمسایہ ہمسائے بیٹا بیٹی بھائی بہن شوہر بیوی امی ابو دوست سہیلی
    প্রতিবেশী ছেলে মেয়ে ভাই বোন স্বামী স্ত্রী মা বাবা বন্ধু
    પાડોશી પડોશી દીકરો દીકરી ભાઈ બહેન પતિ પત્ની મમ્મી પપ્પા મિત્ર
    ਗੁਆਂਢੀ ਪੁੱਤਰ ਪੁੱਤ ਧੀ ਭਰਾ ਭੈਣ ਪਤੀ ਪਤਨੀ ਮੰਮੀ ਪਿਤਾ ਦੋਸਤ
    جدتي جدي ستي سيدي عمي عمتي خالي خالتي حماتي حماي
    نانی دادی نانا دادا خالہ خالو پھوپھو پھپھو چچا چچی ماموں ممانی تایا تائی سسر ساس
    নানি দাদি নানা দাদা খালা খালু ফুপু চাচা চাচি মামা মামি শ্বশুর শাশুড়ি
    બા બાપુજી દાદા દાદી નાના નાની કાકા કાકી મામા મામી ફોઈ માસી સસરા સાસુ
    ਦਾਦੀ ਦਾਦਾ ਨਾਨੀ ਨਾਨਾ ਚਾਚਾ ਚਾਚੀ ਮਾਮਾ ਮਾਮੀ ਭੂਆ ਮਾਸੀ ਤਾਇਆ ਤਾਈ ਸਹੁਰਾ ਸੱਸ
    أم ام أب اب أبو ابو أخت اخت أخو اخو زوجة زوج ماما بابا
    ماں باپ امّی ابّو امی جان ابا اماں
    আম্মা আম্মু আব্বা আব্বু আম্মি মাম্মি বাপ দিদি দাদা
    મમ્મી મા બાપ બાપુ પપ્પા ભાભી
    ਮਾਂ ਮਾਤਾ ਪਾਪਾ ਬਾਪੂ ਬੇਬੇ ਭਾਬੀ
    """
)
"""Neighbours and family in the scripts without capitals.  There a name after them is
taken only set off by commas on both sides ("جاري، خالد العمري، أخذني"): without capitals,
the commas are what say the words are a name in apposition, not the sentence going on."""
_APPOSITION = re.compile(
    rf"(?<![\w{MARKS}])(?P<rel>{'|'.join(sorted(_RELATIONS_CASELESS, key=len, reverse=True))})"
    rf"[ \t]*[,،][ \t]*(?P<name>{WORD}(?:[ \t]+{WORD}){{1,2}})[ \t]*(?:[,،.।۔]|$)"
)


_NOT_APPOSED = words(
    """
    الله والله الحمد ماشاءالله رجل كبير كبيرة ختيار ختيارة ست شب بنت
    اللہ ماشاءاللہ خدا سچ پوچھیں تو بزرگ آدمی شخص عورت
    আল্লাহর আল্লাহ রহমতে সত্যি বলতে বয়স্ক মানুষ ভদ্রলোক ভদ্রমহিলা বুড়ো বুড়ি
    ભગવાનની ભગવાન કૃપા કૃપાથી વૃદ્ધ માણસ ભાઈ બેન
    ਰੱਬ ਦੀ ਮਿਹਰ ਬਜ਼ੁਰਗ ਬੰਦਾ
    """
)
"""What stands between commas after "my son" or "my neighbour" and is no name: God's mercy,
"truth be told", "an old man" ("আমার প্রতিবেশী, বয়স্ক মানুষ, খুব সাহায্য করেছেন")."""


_KIN_NAMED = re.compile(
    rf"(?<![\w{MARKS}])(?P<rel>{'|'.join(sorted(_RELATIONS_CASELESS, key=len, reverse=True))})"
    rf"[ \t]+(?P<name>(?P<given>{WORD})[ \t]+{WORD})[ \t]*(?:[:,،.!?؟।۔)]|$)"
)
"""A family word, then a listed given name and one more word that close a phrase ("اتصلوا
على أختي رنا سليمان: …", "আমার ভাই রফিক মিয়া।"): the name whole, not the sentence going on
("بنتي ليلى صارت أحسن" has a verb after the name, and no stop)."""


def apposed_names(text: str) -> Iterator[Span]:
    """Two or three caseless words between commas after a neighbour or family word, or a
    listed given name and one more word closing a phrase after one."""
    if _RELATIONS_CASELESS.isdisjoint(re.sub(r"[,،:.!?؟।۔)]", " ", text).split()):
        return
    for m in _KIN_NAMED.finditer(text):
        given, parts = m.group("given"), m.group("name").split()
        if given in GIVEN_CASELESS and all(
            _ok_word(w, capitals=False) and w not in _NOT_APPOSED and w not in _RELATIONS_CASELESS
            for w in parts
        ):
            yield Span(m.start("name"), m.end("name"), "name")
    if "," not in text and "،" not in text:
        return
    for m in _APPOSITION.finditer(text):
        parts = m.group("name").split()
        if all(
            _ok_word(w, capitals=False) and w not in _NOT_APPOSED and w not in _RELATIONS_CASELESS
            for w in parts
        ):
            yield Span(m.start("name"), m.end("name"), "name")


_ASK_AFTER = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){1,2})"
    r"[ \t]+(?:se|nu|nuu|ko|ku|ne)[ \t]+"
    r"(?:pooch\w*|puch\w*|pucch\w*|baat|gal|milo|milna|milan|mil[ \t]+l\w*|rabta|contact)(?![\w])"
)
"""A full name before "se poochna" (ask), "se baat karo" (talk to), "nu milo" (meet): romanised
Urdu and Punjabi put the person before the verb ("reception pe Bilal Ahmed se poochna")."""


_NOT_ASKED = words(
    """
    aap ap log logon logo hum ham tum sab koi kisi woh wo voh unhon inhon staff team manager
    doctor nurse worker keyworker sir madam ji sahib sahab uncle aunty auntie bhai baji
    """
)
"""Title-case words before "se baat" that are no name ("Aap Log se baat karni thi")."""


def asked_for_after(text: str) -> Iterator[Span]:
    """A full name (two or three capitalised words) that romanised Urdu or Punjabi asks for."""
    if not any(f" {p} " in text for p in ("se", "nu", "nuu", "ko", "ku", "ne")):
        return
    for m in _ASK_AFTER.finditer(text):
        parts = m.group("name").casefold().split()
        if not any(
            p in _PLACE_WORDS or p in _NOT_NAMES or p in _ROMAN_NOT_NAMES or p in _NOT_ASKED
            for p in parts
        ):
            yield Span(m.start("name"), m.end("name"), "name")
