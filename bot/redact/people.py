"""Full names wherever they stand, found by a given name (:mod:`bot.redact.given_names`).

The other name finders need a cue: "my name is", a role ("my keyworker"), a sign-off.  People
also name each other with none: "me and Kasia Nowak both did the course", "a message from Tom
Fletcher", "NOWAK Katarzyna, Tuesday group", "мы с Олегом Смирновым", "أنا مع سارة العلي",
"আমি আর জামাল হোসেন", "ਸੁਨੇਹਾ: ਬਲਜੀਤ ਸਿੰਘ ਗਿੱਲ".  A listed given name is where such a name
starts; what follows decides whether it is a full name (a first name alone stays, issue 12):

- in scripts with capitals: one or two capitalised words after it that are no function word,
  place, service or role ("Kasia Nowak", "Piotra Lewandowskiego", with particles: "Maria de
  Souza"); or a surname in capitals just before it ("NOWAK Katarzyna", "ПЕТРОВ Иван");
- in lower case (chat): a listed surname, or a surname's ending ("marek wiśniewski", "rui
  ferreira"), or a particle ("lotte van dijk"); and, after "I'm" and its like in each language
  ("i'm danny o'neill", "jestem marek", "я дмитрий соколов"), the given name and the words
  after it up to a function word or punctuation, as "my name is" takes them;
- in scripts without capitals: a listed given name or surname after it ("جاسپال ਸਿੰਘ",
  "فرحان علی"), a particle ("منى بن سعيد", "خالد عبد الله"), or an Arabic family name with
  its article ("أحمد الخطيب").

Kept: "Priya at reception was kind", "my son Kai", "Rita da receção", "بنتي ليلى صارت أحسن".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.redact.famous import famous
from bot.redact.given_names import (
    GIVEN,
    GIVEN_CASELESS,
    LOWER_AMBIGUOUS,
    LOWER_STRONG_SURNAMES,
    STRONG_SURNAMES,
    SURNAMES_CASELESS,
    SURNAMES_LATIN,
    WORD_NAMES_LATIN,
    given_name,
    surname_like,
)
from bot.redact.intros import _NOT_NAME_CASELESS
from bot.redact.names import _NOT_AFTER_IM, _NOT_NAMES, _PARTICLES, adjective_like
from bot.redact.spans import MARKS, WORD, Span, words
from bot.redact.staff import (
    _AFTER_NAME_CASELESS,
    _AFTER_ROLE,
    _PLACE_WORDS,
    _ROLE_CASED,
    _ROLES_CASELESS,
    _TITLE_CASE_WORDS,
)

_WORD = re.compile(WORD)
_NOT_A_NAME = (
    _NOT_NAMES
    | _PLACE_WORDS
    | _AFTER_ROLE
    | _NOT_AFTER_IM
    | _TITLE_CASE_WORDS
    | words("jan feb mar apr jun jul aug sep sept oct nov dec dear hey")
)
_LOWER_PARTICLES = frozenset(("van", "von", "bin", "ibn", "abu", "al", "el"))
"""Particles that join a name in lower case: not "de", "da", "do", which are also "of" and
"from" ("a Rita da receção")."""
_ARABIC_NOT_FAMILY = words(
    """
    الله الحمد الآن الان اليوم البيت الدكتور الدكتورة الممرضة الممرض الموظف الموظفة المركز
    العيادة الاستقبال المستشفى الجلسة الجلسات المجموعة البرنامج الفريق الكل الجميع الصبح
    المساء الليل الأسبوع الاسبوع الشهر السنة العلاج الدواء الميثادون الطبيب الطبيبة
    """
)
"""Words with the article that follow a given name and are no family name ("أحمد الله": I
thank God; "سارة الممرضة": Sarah the nurse; "منى الاستقبال")."""
_SELF_CUE = re.compile(
    r"(?:^|(?<=[\s,.!(]))(?:i['’]?m|im|i\s+am|call\s+me|jestem|sunt|eu\s+sunt|sou(?:\s+[ao])?|"
    r"я|это\s+я|aš(?:\s+esu)?|esu|es(?:\s+esmu)?|esmu|waxaan\s+ahay|aniga|ami|ana)[ \t]+$",
    re.IGNORECASE,
)
""""I'm" and its like just before a lower-case given name: an introduction."""
_SIGNED_BEFORE = re.compile(
    r"(?:^|(?<=[\s,.!]))(?:signed|regards|thanks|cheers|love|from|pozdrawiam|"
    r"mulțumesc|multumesc|obrigad[oa]|спасибо|ačiū|aciu|paldies|mahadsanid|shukriya)"
    r"[ \t]*[,:\-–—]*[ \t]*$",
    re.IGNORECASE,
)
"""A sign-off before a lower-case full name that ends the message ("signed, lotte van dijk")."""


def _gap(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    """Whether two words stand one space (or tab) apart on one line."""
    return text[a.end() : b.start()] in (" ", "\t", "  ")


_PARTICLE_JOINED = re.compile(r"(?:al|el|ul|ad|ar|as|ash|at|az|bin|ibn|abu|d|o)[-'’][A-Z]")
"""A surname with its particle joined on in lower case: "al-Rashid", "el-Masri", "d'Souza"."""


_NAME_CAPITALISED = words("sam")
"""Given names that are a word of another language in lower case (Polish "sam", alone) and a
name when capitalised before a surname ("Sam Wood")."""
_PLACE_SURNAMES = words("hill green lane church wood brook field hall park marsh bridge")
"""Place words that are also common surnames: right after a given name, a surname ("Sarah
Green", "John Lane", "Kelly Hill", "Tom Hall"); a street ("Church Street") starts with no
given name."""
_VENUE_NAMES = words("victoria albert alexandra elizabeth queen king prince princess st saint")
"""Given names that halls and parks are named after ("Victoria Park", "Albert Hall")."""
_AT_A_PLACE = words("the at in near into outside opposite behind past round around")
"""Words before a given name and "Hall" or "Park" that make them a place ("at Victoria
Park", "the Albert Hall"); "met Tom Hall", "with Tom Park" are people."""
_ON_A_STREET = words("the on off down up along via towards into outside opposite")
"""Words before a given name and a street word that make them a street ("the hub on Anne
Lane", "off Kelly Hill"); "near" and "at" a person stands too ("near Kelly Field")."""
_PERSON_VERBS = words(
    """
    wait waited waiting waits rely relied relying relies count counted counting depend
    depended depending depends call called calling calls check checked checking checks keep
    kept keeping pick picked picking spy spied grass grassed grassing tell told telling
    """
)
"""Verbs before "on" and the like whose object is a person ("wait on Tom Hall", "rely on
Kelly Field")."""


_VENUE_WORDS = words(
    """
    palace line cottage lodge manor gardens terrace crescent grove mews villas estate tower
    towers heights parade hotel inn arms market station ward nursery centre center
    """
)
"""Words that end a place's name and are no one's surname ("Alexandra Palace", "Rose
Cottage", "Elizabeth Line"): with a given name before them, a place."""
_STREET_AFTER = _VENUE_WORDS | words(
    "road rd street st lane avenue ave close way drive court place square park clinic "
    "surgery hospital"
)
"""Words after a full name that make it a street's or a place's name ("Kelly Smith Road",
"the Anna Freud centre")."""
_STREET_NAMED = re.compile(
    rf"[ \t](?:{'|'.join(sorted(_STREET_AFTER, key=len, reverse=True))})\.?(?![\w{MARKS}])",
    re.IGNORECASE,
)


def _capitalised_name_word(word: str, first: bool = False) -> bool:
    """A capitalised word after a given name that can be its surname (``first``: right after
    it).  (No test of adjective endings, as after "I'm": "Поповой", "Ferreira" end like
    adjectives and are surnames.)"""
    key = word.casefold()
    return (
        (word[0].isupper() or _PARTICLE_JOINED.match(word) is not None)
        and (key not in _NOT_A_NAME or (first and key in _PLACE_SURNAMES))
        and not word.endswith(("'s", "’s"))
        and not (len(word) > 1 and word.isupper() and key in _PLACE_WORDS)
        and _ROLE_CASED.fullmatch(word) is None  # "Sarah Keyworker was great"
        and key not in _VENUE_WORDS
    )


def _word_name_then_surname(text: str, tokens: list[re.Match[str]], i: int) -> Span | None:
    """ "Mark Miller", "Amber Macdonald": a given name that is also a word, capitalised, then
    a listed surname, and no third capitalised word ("Amber Green Alert" is something else)."""
    if i + 1 >= len(tokens) or not _gap(text, tokens[i], tokens[i + 1]):
        return None
    surname = tokens[i + 1].group()
    if not surname[0].isupper() or surname.casefold() not in SURNAMES_LATIN:
        return None
    if (
        i + 2 < len(tokens)
        and _gap(text, tokens[i + 1], tokens[i + 2])
        and tokens[i + 2].group()[0].isupper()
    ):
        return None
    return Span(tokens[i].start(), tokens[i + 1].end(), "name")


_PERSON_NEXT = words(
    """
    never always was is has had didnt didn't doesnt doesn't wont won't cant can't rang rings
    called calls helped helps said says told tells sorted listened cancelled came comes left
    keeps kept phoned texted
    """
)
"""What a person does, said straight after a name ("mark wood never called me back")."""


def _lower_word_name(text: str, tokens: list[re.Match[str]], i: int) -> Span | None:
    """ "mark wood never called me back": a given name that is also a word ("mark", "bill",
    "grace"), in lower case, opening a sentence, then a listed surname, then what a person
    does.  "mark wood with a pen" or "bill green" alone stay."""
    if i + 2 >= len(tokens) or not _gap(text, tokens[i], tokens[i + 1]):
        return None
    before = text[: tokens[i].start()].rstrip()
    if before and before[-1] not in ".!?\n,:;":
        return None
    surname, nxt = tokens[i + 1].group(), tokens[i + 2].group()
    if not surname.islower() or surname not in SURNAMES_LATIN:
        return None
    if not _gap(text, tokens[i + 1], tokens[i + 2]) or nxt.casefold() not in _PERSON_NEXT:
        return None
    if surname in _PLACE_SURNAMES and nxt.casefold() in _PLACE_TOO:
        return None  # "rose hill is where i live": a place is and has too
    return Span(tokens[i].start(), tokens[i + 1].end(), "name")


_PLACE_TOO = words("is was has had")


_A_PLACE_IS = re.compile(r"[ \t]+(?:(?:is|was)[ \t]+)?where\b", re.IGNORECASE)
"""What is said of a place after its name ("Kelly Field is where we play")."""


def _a_place_after_all(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """Whether a given name and a place-like surname ("Mary Church") are a place's name: a
    saint before them, or another place word after ("St Mary Church Hall")."""
    before = text[max(0, tokens[i].start() - 12) : tokens[i].start()].casefold().split()
    if before and before[-1].rstrip(".") in ("st", "saint", "sf", "sv", "são", "santa"):
        return True
    if text[tokens[i + 1].end() : tokens[i + 1].end() + 2] in ("'s", "’s"):
        return False  # "Sam Wood's flat", "Sarah Lane's phone": a person's
    if _A_PLACE_IS.match(text, tokens[i + 1].end()):
        return True  # "Kelly Field is where we play football": a place is where
    venue = tokens[i + 1].group().casefold() in ("hall", "park")
    if venue and tokens[i].group().casefold() in _VENUE_NAMES:
        return True
    if len(before) >= 2 and before[-2] in _PERSON_VERBS:
        return False  # "wait on Tom Hall to call me back"
    if before and before[-1] in (_AT_A_PLACE if venue else _ON_A_STREET):
        return True  # "at Victoria Park", "the hub on Anne Lane", "off Kelly Hill"
    nxt = tokens[i + 2] if i + 2 < len(tokens) else None
    return (
        nxt is not None
        and _gap(text, tokens[i + 1], nxt)
        and nxt.group()[0].isupper()
        and nxt.group().casefold() in _PLACE_WORDS
    )


def _capitals(text: str, tokens: list[re.Match[str]], i: int) -> Span | None:
    """A capitalised given name at ``tokens[i]`` and the capitalised words after it."""
    end = None
    j = i + 1
    taken = 0
    while j < len(tokens) and taken < 2 and _gap(text, tokens[j - 1], tokens[j]):
        word = tokens[j].group()
        if word.casefold() in _PARTICLES and j + 1 < len(tokens):  # "El Khatib", "de Souza"
            nxt = tokens[j + 1]
            if _gap(text, tokens[j], nxt) and _capitalised_name_word(nxt.group()):
                end, j, taken = nxt.end(), j + 2, taken + 1
                continue
            break
        if word.endswith(("'s", "’s")) and _capitalised_name_word(word[:-2], first=taken == 0):
            end, j, taken = tokens[j].end() - 2, j + 1, taken + 1
            break  # "Tom Smith's flat": the name, not its "'s"
        if not _capitalised_name_word(word, first=taken == 0):
            break
        end, j, taken = tokens[j].end(), j + 1, taken + 1
    if end is None:
        return None
    if tokens[i + 1].group().casefold() in _PLACE_SURNAMES and _a_place_after_all(text, tokens, i):
        return None  # "St Mary Church Hall", "Victoria Green Park": a place
    if j == i + 2 and _listed(text, tokens, i + 1, j):
        return None  # "thanks to Sarah Tom and Kasia": first names in a list
    return Span(tokens[i].start(), end, "name")


_LIST_JOINERS = words("and & i și si e и un ir iyo aur or")


def _listed(text: str, tokens: list[re.Match[str]], second: int, after: int) -> bool:
    """Whether a second capitalised word is one more first name in a list: a given name no
    surname list has, then "and" or a comma ("Sarah Tom and Kasia")."""
    word = tokens[second].group()
    if not given_name(word) or surname_like(word):
        return False
    rest = text[tokens[second].end() :].lstrip(" \t")
    if rest.startswith((",", "&")):
        return True
    return after < len(tokens) and tokens[after].group().casefold() in _LIST_JOINERS


_VOWELS = frozenset("aeiouyąęóéáíúãõâêôăîāēīūėųаеёиоуыэюяіє")


def _surname_first(text: str, tokens: list[re.Match[str]], i: int) -> Span | None:
    """ "NOWAK Katarzyna": a surname in capitals, then a given name."""
    word = tokens[i].group()
    if i + 1 >= len(tokens) or len(word) < 3 or word.casefold() in _NOT_A_NAME:
        return None
    vowels = sum(ch in _VOWELS for ch in word.casefold())
    listed = surname_like(word)
    if not listed and (len(word) < 5 or vowels < 2):
        return None  # a service's acronym: "DWP Kevin", "CGL Sarah", "w MOPS Kasia"
    nxt = tokens[i + 1]
    closed = re.match(r"[ \t]*(?:[,;:(\n]|$)", text[nxt.end() :]) is not None
    if not listed and not closed:
        return None  # "ADFAM Sarah helped", "OASIS Kasia runs": a charity said as a word
    name = nxt.group()
    if not _gap(text, tokens[i], nxt) or name.isupper() or not name[0].isupper():
        return None
    if not given_name(name):
        return None
    return Span(tokens[i].start(), nxt.end(), "name")


def _in_capitals(text: str, tokens: list[re.Match[str]], i: int) -> Span | None:
    """ "TOM HALL helped me": a listed given name and a listed surname, both in capitals."""
    if i + 1 >= len(tokens) or not _gap(text, tokens[i], tokens[i + 1]):
        return None
    word, nxt = tokens[i].group(), tokens[i + 1].group()
    if not nxt.isupper() or len(nxt) < 3 or word.casefold() not in GIVEN:
        return None
    key = nxt.casefold()
    if key not in SURNAMES_LATIN and not surname_like(nxt):
        return None
    if key in _PLACE_SURNAMES and _a_place_after_all(text, tokens, i):
        return None
    return Span(tokens[i].start(), tokens[i + 1].end(), "name")


def _surname_comma_given(text: str, tokens: list[re.Match[str]], i: int) -> Span | None:
    """ "Jones, Sarah": a listed surname, a comma, then a given name, as on a form or a list.
    Only a listed surname that is no given name: "Thanks, Sarah" and "Kelly, Sarah and Tom"
    have the same shape."""
    word, nxt = tokens[i].group(), tokens[i + 1]
    if (
        not surname_like(word)
        or given_name(word)  # "Kelly, Sarah and Tom": a list of first names
        or text[tokens[i].end() : nxt.start()] not in (", ", ",")
    ):
        return None
    name = nxt.group()
    if not name[0].isupper() or name.isupper() or not given_name(name):
        return None
    return Span(tokens[i].start(), nxt.end(), "name")


def _lower_word(word: str) -> bool:
    key = word.casefold()
    return word.islower() and key not in _NOT_A_NAME and not adjective_like(word)


def _lower(text: str, tokens: list[re.Match[str]], i: int) -> Span | None:
    """A lower-case given name: a full name when a surname, a particle or an introduction
    says so.  An introduction vouches for one unlisted word straight after the name, no
    more."""
    before = text[max(0, tokens[i].start() - 24) : tokens[i].start()]
    introduced = _SELF_CUE.search(before) is not None
    end = None
    j = i + 1
    while j < len(tokens) and j - i <= 3 and _gap(text, tokens[j - 1], tokens[j]):
        word = tokens[j].group()
        key = word.casefold()
        if key in _LOWER_PARTICLES and j + 1 < len(tokens) and _gap(text, tokens[j], tokens[j + 1]):
            if _lower_word(tokens[j + 1].group()):
                end, j = tokens[j + 1].end(), j + 2
                continue
            break
        surname = surname_like(word) or (key in GIVEN and key not in LOWER_AMBIGUOUS)
        place_surname = (
            j == i + 1
            and key in _PLACE_SURNAMES
            and word.islower()
            and not _a_place_after_all(text, tokens, i)
        )  # "tom hall helped me", not "at victoria park"
        if not (
            _lower_word(word)
            or (surname and word.islower() and key not in _NOT_A_NAME)
            or place_surname
        ):
            break  # "ferreira" ends like "brasileira", but is a surname
        surname = surname or place_surname
        if not (surname or introduced):
            break
        if not surname and j > i + 1:
            break  # "ana layla haddad mn lebnan": one unlisted word, not "from Lebanon"
        end, j = tokens[j].end(), j + 1
    if end is None:
        return None  # a first name alone, in lower case too ("jestem marek i dziękuję")
    if not introduced and _SIGNED_BEFORE.search(before) is None and j - i < 2:
        return None
    return Span(tokens[i].start(), end, "name")


_CASE_SUFFIXES = ("ે", "ના", "ની", "નો", "નું", "ને", "ের", "কে", "র", "ਦਾ", "ਦੀ", "ਦੇ")
"""Gujarati, Bengali and Gurmukhi case endings written onto a surname ("શાહે": by Shah,
"হোসেনের": Hossain's)."""


def _listed_surname(word: str) -> bool:
    if word in SURNAMES_CASELESS:
        return True
    return any(word.endswith(s) and word[: -len(s)] in SURNAMES_CASELESS for s in _CASE_SUFFIXES)


def _before_surname(text: str, tokens: list[re.Match[str]], i: int) -> Span | None:
    """An unlisted first name before a surname that is no everyday word ("Nilufar Begum",
    "নিলুফার বেগম", "فاطمة حداد", "Laima Bērziņa"): the surname vouches for the name."""
    if i + 1 >= len(tokens) or not _gap(text, tokens[i], tokens[i + 1]):
        return None
    word, nxt = tokens[i].group(), tokens[i + 1].group()
    key = word.casefold()
    if key in _NOT_A_NAME or key in _NOT_NAME_CASELESS or word in _ROLES_CASELESS:
        return None
    if word[0].isupper():
        strong = nxt.casefold() in STRONG_SURNAMES or (
            nxt[0].isupper() and surname_like(nxt) and nxt.casefold() not in SURNAMES_LATIN
        )  # a surname's ending ("-iņa", "-escu"), not a listed word that may be a place
        ok = strong and nxt[0].isupper() and not word.isupper()
    elif word[0].islower():
        ok = nxt.islower() and nxt in LOWER_STRONG_SURNAMES and word.isalpha()
    else:
        ok = nxt in STRONG_SURNAMES and not word.startswith("ال")
    if not ok:
        return None
    return Span(tokens[i].start(), _after_middle_name(text, tokens, i + 1), "name")


_MIDDLE_NAMES = words("kaur singh ਕੌਰ ਸਿੰਘ کور سنگھ કૌર સિંહ কৌর সিং begum khatun বেগম খাতুন بیگم")
"""Sikh and Muslim names that stand in the middle of a full name as often as at its end
("Surinder Kaur Bassi", "ਸੁਰਿੰਦਰ ਕੌਰ ਬਾਜਵਾ", "Nilufar Begum Chowdhury"): the surname after
them is the name's too."""


def _after_middle_name(text: str, tokens: list[re.Match[str]], j: int) -> int:
    """The end of a name whose word ``tokens[j]`` may be a middle name: the surname after it,
    capitalised ("Kaur Bassi") or, without capitals, a listed surname ("ਕੌਰ ਬਾਜਵਾ")."""
    end = tokens[j].end()
    if tokens[j].group().casefold() not in _MIDDLE_NAMES or j + 1 >= len(tokens):
        return end
    if not _gap(text, tokens[j], tokens[j + 1]):
        return end
    word = tokens[j + 1].group()
    if word[0].isupper():
        ok = _capitalised_name_word(word) and not _STREET_NAMED.match(text, end)
    elif word[0].islower():
        ok = word.islower() and surname_like(word) and word.casefold() not in _NOT_A_NAME
    else:
        ok = _listed_surname(word)
    return tokens[j + 1].end() if ok else end


_HONORIFICS = ("ben", "bhai", "bahen", "behn")
_HONORIFICS_CASELESS = ("બેન", "ભાઈ", "બહેન")
"""Gujarati names carry "sister" or "brother" on the given name ("Kamlaben", "Jayeshbhai",
"ભારતીબેન"): such a word is a given name, listed or not."""
_FATHERS_NAME_ENDINGS = ("લાલ", "ભાઈ", "દાસ", "ચંદ", "કુમાર", "રાય", "જી", "બેન")
"""Endings of the father's or husband's name that follows a Gujarati given name
("ભારતીબેન જયંતીલાલ મિસ્ત્રી")."""


def _honoured(word: str) -> bool:
    """A given name with the Gujarati "-ben" or "-bhai" on it ("Kamlaben", "ભારતીબેન")."""
    key = word.casefold()
    if word[0].isupper():
        return (
            not word.isupper()
            and key not in _NOT_A_NAME
            and any(key.endswith(h) and len(key) >= len(h) + 3 for h in _HONORIFICS)
        )
    return not word[0].islower() and any(
        word.endswith(h) and len(word) > len(h) + 1 for h in _HONORIFICS_CASELESS
    )


def _caseless(
    text: str, tokens: list[re.Match[str]], i: int, honoured: bool = False
) -> Span | None:
    """A given name in a script without capitals, then a listed name, a particle or ال-name
    (``honoured``: after a Gujarati "-ben"/"-bhai" name, a father's name too)."""
    end = None
    j = i + 1
    while j < len(tokens) and j - i <= 3 and _gap(text, tokens[j - 1], tokens[j]):
        word = tokens[j].group()
        if word in _PARTICLES and j + 1 < len(tokens) and _gap(text, tokens[j], tokens[j + 1]):
            nxt = tokens[j + 1].group()
            if nxt not in _AFTER_NAME_CASELESS and nxt not in _NOT_NAMES:
                end, j = tokens[j + 1].end(), j + 2
                continue
            break
        family = (
            tokens[i].group() != "علي"  # "علي الباب": "on me", the door; not Ali
            and word.startswith("ال")
            and len(word) > 3
            and word not in _ARABIC_NOT_FAMILY
            and word not in _ROLES_CASELESS
        )
        fathers = (
            honoured
            and word not in _NOT_NAME_CASELESS
            and (word.endswith(_FATHERS_NAME_ENDINGS) or _honoured(word))
        )
        if not (word in GIVEN_CASELESS or _listed_surname(word) or family or fathers):
            break
        end, j = tokens[j].end(), j + 1
    if end is None:
        return None
    return Span(tokens[i].start(), end, "name")


def full_names(text: str) -> Iterator[Span]:
    """Full names that start with a listed given name (see the module docstring)."""
    tokens = list(_WORD.finditer(text))
    skip_to = 0
    for i, tok in enumerate(tokens):
        if tok.start() < skip_to:
            continue
        word = tok.group()
        first = word[0]
        span = None
        if first.isupper():
            if word.isupper() and len(word) > 1:
                span = _surname_first(text, tokens, i) or _in_capitals(text, tokens, i)
            elif (word.casefold() not in _NOT_A_NAME or word.casefold() in _NAME_CAPITALISED) and (
                given_name(word)
                or ("-" in word and given_name(word.split("-", 1)[0]))  # "Mary-Jane Watson"
                or _honoured(word)
            ):
                span = _capitals(text, tokens, i)
            if span is None and word.casefold() in WORD_NAMES_LATIN:
                span = _word_name_then_surname(text, tokens, i)
            if span is None and i + 1 < len(tokens):
                span = _surname_comma_given(text, tokens, i)
        elif first.islower():
            key = word.casefold()
            if "-" in key and key.split("-", 1)[0] in GIVEN:
                key = key.split("-", 1)[0]  # "kerry-ann mcdonald"
            if key in WORD_NAMES_LATIN and word.islower():
                span = _lower_word_name(text, tokens, i)
            elif key in GIVEN and key not in _NOT_A_NAME:
                if key not in LOWER_AMBIGUOUS:
                    span = _lower(text, tokens, i)
                elif i + 1 < len(tokens) and _gap(text, tok, tokens[i + 1]):
                    # "ion popescu", "ali khan": a word that is also a name, before a surname
                    nxt = tokens[i + 1].group()
                    if nxt.islower() and surname_like(nxt) and not given_name(nxt):
                        span = Span(tok.start(), tokens[i + 1].end(), "name")
        elif word in GIVEN_CASELESS and first not in MARKS:
            span = _caseless(text, tokens, i)
        elif _honoured(word) and first not in MARKS:
            span = _caseless(text, tokens, i, honoured=True)
        elif word[0] in "ولبف" and word[1:] in GIVEN_CASELESS:
            # "and", "to", "with" written onto the name ("شكرا لرنا منصور"): the name is the rest
            span = _caseless(text, tokens, i)
            if span is not None:
                span = Span(span.start + 1, span.end, "name")
        if span is None and first not in MARKS:
            span = _before_surname(text, tokens, i)
        if span is not None:
            skip_to = span.end
            if not famous(text, span) and not _STREET_NAMED.match(text, span.end):
                yield span  # not "listening to Amy Winehouse", nor "Kelly Smith Road"
