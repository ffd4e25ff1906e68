"""Names a person gives: after a self-introduction, and after a title.

Found: the whole name, up to three words, after "my name is", "I'm called",
"call me", "I'm"/"I am" followed by a capitalised name, and their like in
every enabled language and script ("mam na imię", "nazywam się",
"меня зовут", "numele meu este", "mă numesc", "chamo-me", "mano vardas",
"mani sauc", "magacaygu waa", "mera naam", "اسمي", "میرا نام", "আমার নাম",
"મારું નામ", "ਮੇਰਾ ਨਾਮ"); and a surname after a title ("Dr Patel").

The name ends at the first word that is not part of a name: punctuation, a
digit, a function word of any enabled language ("and", "i", "și", "и",
"iyo", "اور", "এবং"…), a copula ("ہے", "ਹੈ", "છે"), or, in scripts with
capitals, a lower-case word after a capitalised one.

Kept on purpose: a name on its own ("the nurse, Priya, was kind", "Sarah was
lovely"): no pattern tells a name from a word without a name list, a first
name alone rarely identifies anyone, and it is useful feedback.  A worker's
full name next to their role is ``bot.redact.staff``'s.
"I'm" with a word that is not a name ("I'm Polish", "I'm Sorry") is kept
through a list of such words.  One's own first name after "I'm", "jestem", "sou", "я" is
hidden in lower case too when it is a listed given name ("i'm kelly", "jestem marek"): the
lead's decision of 30 Nov (issue 12), not "i'm frank".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.redact.given_names import given_name, surname_like
from bot.redact.spans import MARKS, WORD, Span, needs_word_start, words

# Introductions after which the next words are a name even in lower case.
_STRONG_CUES = (
    r"my\s+name\s+is|my\s+names|my\s+name's|name\s*[:=]|name\s+is|the\s+name's|"
    r"full\s+name(?:\s+is|['’]s)?|name['’]s",
    # A surname given apart ("my name is Kelly, surname Brown", "nazwisko Kowalski").
    r"(?:my\s+)?(?:surname|last\s+name|family\s+name)(?:\s+is)?|nazwisko|moje\s+nazwisko\s+to|"
    r"pavardė|pavarde|uzvārds|uzvards|numele\s+de\s+familie|nume\s+de\s+familie|"
    r"(?:o\s+meu\s+)?(?:apelido|sobrenome)(?:\s+é)?|фамилия|familiya",
    r"mein\s+name\s+ist|ich\s+hei(?:ß|ss)e",
    r"nazywam\s+si[ęe]|mam\s+na\s+imi[ęe]|moje\s+imi[ęe]\s+to|na\s+imi[ęe]\s+mam",
    r"m[ăa]\s+numesc|numele\s+meu\s+(?:este|e)|m[ăa]\s+cheam[ăa]",
    r"меня\s+зовут|menya\s+zovut|menja\s+zovut|mne\s+zovut|мене\s+звати|мо[её]\s+имя|зовут\s+меня|моя\s+фамилия",
    r"chamo-me|me\s+chamo|(?:o\s+)?meu\s+nome\s+[ée]",
    r"mano\s+vardas(?:\s+yra)?|vadinuosi|mani\s+sauc|mans\s+vārds\s+ir|mans\s+vards\s+ir",
    r"magacaygu\s+waa|magacayga\s+waa|magacaygu|waxaa\s+la\s+i\s+yiraahdaa|magaca\s+waa",
    r"mera\s+naa?m(?:\s+hai)?|meraa\s+naam|(?:amar|amr|amer)\s+naa?m|maa?ru\s+naa?m|maro\s+naa?m|mara\s+naa?m|mera\s+name\s+is",
    # The full name asked for by name ("mera pura naam", "আমার পুরো নাম", "imię i nazwisko").
    r"(?:mera|meraa|mere)\s+(?:pura|poora|poura|pora)\s+naa?m(?:\s+hai)?|"
    r"amar\s+(?:puro|pura)\s+naa?m|maa?ru\s+(?:puru|pooru|aakhu)\s+naa?m|"
    r"میرا\s+(?:پورا|مکمل)\s+نام|আমার\s+(?:পুরো|সম্পূর্ণ)\s+নাম|"
    r"મારું\s+(?:પૂરું|આખું)\s+નામ|ਮੇਰਾ\s+(?:ਪੂਰਾ)\s+(?:ਨਾਮ|ਨਾਂ)|"
    r"(?:moje\s+)?imi[ęe]\s+i\s+nazwisko(?:\s+to)?|(?:моё|мое|мои)\s+(?:полное\s+имя|фио)|фио|"
    r"numele\s+(?:meu\s+)?complet(?:\s+(?:este|e))?|(?:o\s+meu\s+)?nome\s+completo(?:\s+[ée])?|"
    r"(?:mano\s+)?vardas\s+ir\s+pavardė|(?:mans\s+)?vārds\s+un\s+uzvārds|"
    r"magacayga\s+oo\s+buuxa(?:\s+waa)?",
    # "Full name" without "my": a relative's given whole ("ان کا پورا نام", "আমি সুমনের আম্মা,
    # পুরো নাম …", "આખું નામ …"): the words after it are a full name, not a first name alone.
    r"(?:پورا|مکمل)\s+نام|(?:পুরো|সম্পূর্ণ)\s+নাম|(?:પૂરું|પુરું|આખું)\s+નામ|"
    r"ਪੂਰਾ\s+(?:ਨਾਮ|ਨਾਂ)|الاسم\s+الكامل|(?:pura|poora|puro|puru|aakhu|akhu)\s+naa?m|"
    r"полное\s+имя|pełne\s+imi[ęe]|pelne\s+imie|pilnas\s+vardas|pilns\s+vārds|"
    r"magaca\s+oo\s+buuxa(?:\s+waa)?",
    r"me\s+llamo|mi\s+nombre\s+es|je\s+m['’]appelle|mi\s+chiamo|benim\s+ad[ıi]m",
    r"(?:أنا\s+|انا\s+)?[وف]?[اإ]سم[يى](?:\s+الكامل)?(?:\s+هو)?|میرا\s+نام|میرا\s+ناں|مجھے\s+کہتے\s+ہیں",
    r"(?:ana\s+)?(?:ismi|esmi|ismee|esmee)(?:\s+huwa)?",
    r"আমার\s+নাম|মোর\s+নাম|મારું\s+નામ|મારુ\s+નામ|મારું\s+નામ|ਮੇਰਾ\s+ਨਾਮ|ਮੇਰਾ\s+ਨਾਂ",
)
# Someone else's name, given by a relative or a partner ("her name is", "اسمها", "syn nazywa
# się"): only a full name is taken.  A first name alone stays, as everywhere (issue 12: "the
# nurse, Priya, was kind"), a child's too: "my daughter's name is Amy" identifies no one.
_OTHER_CUES = (
    r"(?:his|her|their)\s+name\s+(?:is|was)|[^\W\d_]+['’]s\s+name(?:\s+(?:is|was)|['’]s)|"
    r"(?:his|her|their)\s+name['’]?s|"
    r"(?:son|daughter|husband|wife|partner|boyfriend|girlfriend|ex|brother|sister|mum|mom|"
    r"dad|friend|child|kid|baby|grandson|granddaughter|he|she)(?:['’]s)?\s+(?:is\s+|was\s+)?"
    r"(?:called|named)",
    r"ma\s+na\s+imi[ęe]|(?:on|ona|syn|córka|corka|mąż|maz|żona|zona|partner|brat|siostra)"
    r"\s+nazywa\s+si[ęe]|zwie\s+si[ęe]",
    r"зовут|звать|zovut|(?:jo|jos)\s+vardas(?:\s+yra)?|vardu|"
    r"viņu\s+sauc|vinu\s+sauc|(?:viņa|viņas|vina|vinas)\s+vārds(?:\s+ir)?|"
    r"(?:îl|il|o)\s+cheam[ăa]|numele\s+(?:lui|ei)\s+(?:este|e)|"
    r"(?:meu|mea|el|ea)\s+se\s+nume[sș]te|"
    r"(?:o\s+)?nome\s+(?:dele|dela)\s+[ée]|(?:ele|ela)\s+se\s+chama|chama-se|"
    r"magaciisu(?:\s+waa)?|magaceedu(?:\s+waa)?|magaciisa\s+waa|magaceeda\s+waa|"
    r"[اإ]سم(?:ه|ها)(?:\s+هو)?|(?:اس|ان|اُس)\s+کا\s+نام|(?:us|uska|un|unka|is)\s*(?:ka\s+)?naa?m|"
    r"(?:ওর|ওনার|তার|তাঁর|ওদের)\s+নাম|(?:or|onar|tar)\s+nam|"
    r"(?:ਉਸਦਾ|ਉਸ\s+ਦਾ|ਓਹਦਾ|ਉਹਦਾ)\s+(?:ਨਾਮ|ਨਾਂ)|(?:ohda|usda|ohdaa)\s+naa?m|"
    r"(?:તેનું|તેનુ|એનું|એનુ|તેણીનું|એમનું)\s+નામ|(?:enu|tenu|emnu)\s+naa?m",
)
# Where a quote names someone else ("her name is Priya"): redaction keeps a first name alone,
# but a published quote must not carry it (``staff.names_someone``).
OTHER_CUE = re.compile(
    rf"(?<![\w{MARKS}])(?:{'|'.join(_OTHER_CUES)})(?:\s*[:,\-–—]\s*|\s+)", re.IGNORECASE
)
# Weaker cues count only when a capitalised word follows.
_WEAK_CUES = (
    r"i['’]?m\s+called|i\s+am\s+called|call\s+me|they\s+call\s+me|i['’]m|im|i\s+am|"
    r"it['’]?s\s+(?:only\s+|just\s+)?me|this\s+is\s+me|it['’]?s|this\s+is|"
    r"jestem|sunt|eu\s+sunt|sou\s+o|sou\s+a|sou|я|aš\s+esu|esu|es\s+esmu|esmu|waxaan\s+ahay"
)
_CUE = re.compile(
    rf"(?:(?<![\w{MARKS}])(?:(?P<other>{'|'.join(_OTHER_CUES)})"
    rf"|(?P<strong>{'|'.join(_STRONG_CUES)}))|(?<!\w)(?P<weak>{_WEAK_CUES}))"
    rf"(?:\s*[:,\-–—]\s*|\s+)",
    re.IGNORECASE,
)
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Doctor|Nurse|dr|mr|mrs)\.?\s+(?=[A-Z])")
_TITLE_OTHER = re.compile(
    r"(?<![\w-])(?:Sr|Sra|Srª|Senhor|Senhora|Dona|[Pp]an|[Pp]ani|[Pp]ana|[Pp]anem|[Pp]anu"
    r"|[Pp]anią|Domnul|Doamna|Dl|Dna|D-na|D-l|Ponas|Ponia|Kungs|Kundze|Господин|Госпожа|Г-н"
    r"|Г-жа|Dra|Dr\.ª|Doutora|Doutor|Doktor|Доктор|Prof|Profa|Professor)\.?\s+(?=[^\W\d_])"
)
"""Titles in the other languages ("Sr. João Pedro Martins", "Pan Grzegorz Nowak-Kubiak"):
the title stays outside the name, as "Dr"'s does.  After them a first name is usual ("pan
Jan"), so only a full name (two words or more) is taken."""
_WORD = re.compile(WORD)

_NOT_NAME_WORDS = """
    a an the and or but not no nor on at in to for of from with by back later now today tomorrow
    tonight anytime any anything if when please maybe sometime again up out about that this
    it is was what who how so too very just really also here there i me my you he she we they
    am are be been being have has had do does did will would can could should may might must
    im i'm i've ive i'd id and i'll ill
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december nothing none
    x xx xxx lol thanks thank thx cheers hi hello hiya
    shukriya shukria shukran shokran mahadsanid dziękuję dziekuje dzięki dzieki mulțumesc
    multumesc obrigado obrigada ačiū aciu paldies спасибо
    i oraz a ale lub albo czy że jestem mam mieszkam od do w z na nie się jak co to tak też
    po za tylko jeszcze już
    și si sau dar că ca sunt am eu din la de cu în in nu mă ma
    e ou mas que sou tenho moro de do da em no na com não nao eu
    и а но или что я мне у в на с из от не это же тоже уже как так просто все по за
    ir o bet kad aš esu man yra nuo iki
    un vai bet ka es esmu man ir no līdz
    iyo oo ee waa waxaan ahay ku ka la aan laakiin sidoo
    و أنا انا من في على عن منذ عمري لكن هو هي هذا هذه وأنا وانا وعمري ولدي وقد
    اور ہے ہیں ہوں تھا تھی میں کا کی کے سے کو نے بھی لیکن یہ وہ اور
    এবং আর আমি ও কিন্তু ছিল হয় থেকে আমার আছে
    અને છે છું હું નો ની નું ને થી પણ હતો હતી
    ਹੈ ਹਾਂ ਆ ਐ ਏ ਅਤੇ ਤੇ ਮੈਂ ਦਾ ਦੀ ਦੇ ਨੇ ਸੀ ਵੀ ਪਰ
    hai hoon hun aur main mein ka ki ke se ko ne bhi
    nahi nahin nai na nathi nahu thi koi kya kyun kyu mat bolbo bolbona bolte bolo batana
    bataunga bataungi batungi bataun likhna likhunga likhungi dena deta deti dunga dungi
    zaroori jaroori farak fark secret private chhe che cho aa ae janna jaante
    مش مو ما لا غير مهم سر sir qarsoodi segredo secreto секрет slapta noslēpums nosleptums
    yaad yad mone mane یاد ਯਾਦ યાદ মনে
    ar
"""
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())
_PARTICLES = words("de da do dos das di du van von bin ibn abu abd abdul al el عبد بن ابن أبو ابو")
"""Words inside one name that are not a name on their own: the next word is part of it."""

# Words that follow "I'm"/"I am" capitalised without being a name.
# The same in the other enabled languages follow (some people write every word capitalised).
_NOT_AFTER_IM = words(
    """
    bored tired stressed scared pleased annoyed ashamed alarmed informed calmed amazed
    sorry so very really just not still also back here there fine ok okay good great happy sad
    tired grateful thankful glad sure afraid scared worried angry upset done clean sober new
    old young single married pregnant homeless english british polish romanian portuguese
    lithuanian latvian russian ukrainian somali pakistani indian bangladeshi bengali
    punjabi gujarati arab arabic muslim christian catholic sikh hindu jewish black white
    asian irish scottish welsh european african kurdish iranian afghan syrian iraqi
    disabled deaf blind autistic gay lesbian bi trans a an the in on at from with going
    trying struggling doing feeling getting living staying using drinking on off out
    alcoholic addict mum mom dad mother father parent carer nurse doctor staff worker
    volunteer client patient user member one two three four five six seven eight nine ten
    always never only finally now currently desperate brilliant terrible awful lucky broke
    skint honest free alive ready unsure ill sick unwell well better worse stuck lonely proud
    mad male female absolutely totally completely literally actually honestly definitely
    lietuvis lietuvė lietuve latvietis latviete latviete
    polak polka polką polakiem polskim litwin litwinka rumun rumunka rosjanin rosjanka
    wdzięczny wdzięczna wdzieczny wdzieczna szczęśliwy szczęśliwa zmęczony zmęczona trzeźwy
    trzeźwa czysty czysta chory chora sam sama bardzo tu tutaj już juz jeszcze
    lietuvis lietuvė labai dėkingas dėkinga laimingas laiminga pavargęs blaivus blaivi čia
    latvietis latviete ļoti loti pateicīgs pateicīga laimīgs laimīga noguris skaidrā šeit
    român română romanca româncă foarte bine mulțumit mulțumită multumit multumita fericit
    fericită obosit obosită curat curată aici acasă nou nouă din
    brasileiro brasileira português portuguesa portugues angolano angolana muito bem feliz
    grato grata cansado cansada limpo limpa aqui católica católico catolica catolico
    evangélica evangélico muçulmana muçulmano casada casado solteira solteiro mãe pai
    русский русская россиянин россиянка очень рад рада благодарен благодарна здесь тут
    хорошая хороший плохая плохой новая новый трезвый трезвая
    soomaali ingiriis hooyo aabo nadiif faraxsan daallan buka ardey arday shaqeeye mahadcelin
    qof waan fiican fiicanahay sidoo kale
    waxaan ahay aad
    pakistani punjabi gujarati bangali bangladeshi bengali sikh muslim hindu
    bahut bohat bohot bahu khub khush khushi theek thik thick sahi saaf
    arab arabi masri souri iraqi mabsout mabsut tayeb kwayes mnih
    """
)


_CUE_STEMS = (
    *words("name nam naam heiß heiss nazyw imi numesc numele cheam зовут zovut звати имя фамил"),
    *words("surname nazwisk pavard uzvārd uzvard familie apelido sobrenome familiya"),
    *words("chamo nome vard sauc vārd vard magac yiraah call i'm i’m it's it’s named звать"),
    *words("this jestem sunt sou я esu esmu ahay llamo nombre appelle chiamo adım adim"),
    *words("m'appelle m’appelle"),
    "i am",
    "its ",
    "im ",
    *words("اسم إسم نام ناں کہتے নাম નામ ਨਾਮ ਨਾਂ mr ms miss mx dr doctor nurse ismi esmi ismee"),
    *words("sr senhor dona pan domnul doamna dl dna d-na d-l ponas ponia kungs kundze"),
    *words("dra doutor doktor доктор prof"),
    *words("господин госпожа г-н г-жа фио"),
)


@needs_word_start(*_CUE_STEMS)
def names(text: str) -> Iterator[Span]:
    for m in _CUE.finditer(text):
        other = m.group("other") is not None
        strong = other or m.group("strong") is not None
        weak = (m.group("weak") or "").casefold()
        if weak == "im" and _german(text):
            continue  # "im Wartezimmer": German "in the", before a noun with its capital
        spans = _name_after(
            text, m.end(), strong=strong, im=not strong and "call" not in weak, cue=weak
        )
        if other or _TWO_WORDS_CUE.fullmatch(weak):
            # "it's"/"this is" often come before a capitalised word that is no name
            # ("It's Brilliant"): only a full name counts after them.
            spans = (s for s in spans if " " in text[s.start : s.end] and not _a_place(text, s))
        yield from spans
    for m in _TITLE.finditer(text):
        yield from _name_after(text, m.end(), strong=False)
    for m in _TITLE_OTHER.finditer(text):
        yield from (
            s for s in _name_after(text, m.end(), strong=False) if " " in text[s.start : s.end]
        )


def _a_place(text: str, span: Span) -> bool:
    """Whether a capitalised pair after "this is" / "it's" names a service or a site
    ("this is Narcotics Anonymous", "this is Mill Lane, the old site"), not a person."""
    from bot.redact.staff import _PLACE_WORDS  # staff imports this module

    parts = text[span.start : span.end].split()
    if given_name(parts[0]):
        return False  # "this is Kelly Hill, thanks": a given name, then a surname like a place
    return any(w.casefold() in _PLACE_WORDS for w in parts)


_GERMAN_WORDS = words(
    "ich und der das ist nicht sehr wir ein eine auf bei hat habe bin warte gewartet dem den "
    "zum zur sind waren wurde mein meine mir mich aber auch noch schon immer danke gut"
)
"""German function words that English, Latvian and the other languages here do not use ("es",
"die", "war" are left out): two of them make "im" German "in the", not "I'm"."""


def _german(text: str) -> bool:
    return len(_GERMAN_WORDS.intersection(text.casefold().split())) >= 2 or (
        "im " in text
        and re.search(r"\bim [A-ZÄÖÜ]\w*(?:zimmer|raum|haus|ung|heit|keit)\b", text) is not None
    )


_RESTATED = re.compile(
    rf"(?<![\w{MARKS}])(?P<first>[A-ZÀ-ÞĀ-ŽА-ЯЁ][\w{MARKS}'’-]*)"
    rf"(?P<between>[^()\n]{{0,30}}?)\(\s*(?P<full>(?P=first)(?:\s+{WORD}){{1,4}})\s*\)"
)
"""A first name, then the full name in brackets ("its Marcus here (Marcus Adeyemi-Clarke)",
"sou a Ana (Ana Paula Ferreira)"): the brackets say what the name is in full."""


_SURNAME_THEN_FULL = re.compile(
    r"(?<![\w'’-])(?P<last>[A-ZÀ-ÞĀ-Ž][\w'’-]+),[ \t]+"
    r"(?P<full>[A-ZÀ-ÞĀ-Ž][\w'’-]+[ \t]+(?P=last))(?![\w'’-])"
)
"""A surname, a comma, then the full name ending in it: "the name's Ellis, Margaret Ellis"."""


def restated_names(text: str) -> Iterator[Span]:
    """The full name in brackets after the first name it spells out; the first name stays.
    And a full name after the surname it ends with ("Ellis, Margaret Ellis")."""
    if "," in text:
        for m in _SURNAME_THEN_FULL.finditer(text):
            # Only after a name cue ("the name's Ellis, …"): "Obrigado, Muito Obrigado" is none.
            cue = _CUE.search(text, max(0, m.start() - 40), m.start("last") + 1)
            cued = cue is not None and cue.end() == m.start("last")
            if cued and m.group("full").split()[0].casefold() not in _NOT_NAMES:
                yield Span(m.start("full"), m.end("full"), "name")
    if "(" not in text:
        return
    for m in _RESTATED.finditer(text):
        parts = m.group("full").split()
        from bot.redact.staff import _PLACE_WORDS  # staff imports this module

        rest = [w for w in parts[1:] if w.casefold() not in _PARTICLES]
        if rest and all(
            w[0].isupper() and w.casefold() not in _NOT_NAMES | _PLACE_WORDS
            for w in (parts[0], *rest)
        ):
            yield Span(m.start("full"), m.end("full"), "name")


_TWO_WORDS_CUE = re.compile(r"it['’]?s|this\s+is|it['’]?s\s+(?:only\s+|just\s+)?me|this\s+is\s+me")
_NAME_ON_NEXT_LINE = re.compile(rf"[ \t]*\r?\n[ \t]*{WORD}[ \t]*(?:\r?\n|$)")
_NOT_NAME_ENDINGS = (
    *("ful", "ing", "ous", "ive", "able", "ible", "less", "ish", "ese", "ness"),
    # After "jestem", "sunt", "sou", "я", "esmu": the predicate's case and gender endings
    # (pl instrumental "Katoliczką", ro "Ortodoxă", pt "Casada", "Brasileira", ru "Верующий"
    # "Трезвая", lv "Priecīga"); a name after "I am" is in the nominative, without them.
    "ą",
    "ă",
)
"""Endings of adjectives and nationalities ("I'm Exhausted", "I'm Danish"), rare in names."""
_LONG_WORD_ENDINGS = ("iem", "eira", "eiro", "ada", "ado", "ый", "ой", "ая", "яя", "щий", "ский")
_LONG_WORD_ENDINGS += ("īgs", "īga", "īgi", "ēts", "ēta", "oare")
"""The same endings, which short names have ("Līga", "Ada"): on words of six letters or more."""


def adjective_like(word: str) -> bool:
    """Whether a capitalised word after "I am" ends like an adjective or a nationality.

    "-ed" counts on words of seven letters or more, and not "-med"/"-eed": Ahmed, Javed,
    Naveed, Mohammed, Rasheed are names ("I am Ahmed Khan"); "I'm Exhausted" is not.
    """
    key = word.casefold()
    if key.endswith("ed") and len(key) >= 7 and not key.endswith(("med", "eed")):
        return True
    return key.endswith(_NOT_NAME_ENDINGS) or (len(key) >= 6 and key.endswith(_LONG_WORD_ENDINGS))


def _and_clause(word: str) -> bool:
    """An Arabic word joined to "و" (and) that starts a new clause ("وبدي", "ومحتاج"): a name
    ends before it.  Names that start with و (وليد، وفاء، وائل) are not joined to one."""
    return len(word) > 2 and word[0] == "و" and word[1:] in _AND_CLAUSE_WORDS


_AND_CLAUSE_WORDS = words(
    """
    بدي بدنا أريد اريد نريد محتاج محتاجة بحاجة أحتاج احتاج عندي عندنا أنا انا أنت انت هو هي
    كان كانت أسكن اسكن ساكن ساكنة أعيش اعيش عايش عمري أشتغل اشتغل أشكر اشكر شكرا ابني بنتي
    زوجي زوجتي أمي ابي أبي رقمي عنواني إيميلي ايميلي حابب حابة أتمنى اتمنى لا ما مش الله
    أشكركم اشكركم نشكركم أشكرك اشكرك شكرا شكراً أحب احب أتعالج اتعالج
    من في على عند مع عمري ساكن بشتغل اشتغل بدرس ادرس
    هذا هذه هاد هاي هيدا هيدي هادا هادي هذي رقم تلفوني تلفوني موبايلي جوالي هاتفي
    """
)


_WORDS_NOT_NAMES_AFTER_IM = words(
    "frank rich sunny will may mark bill pat said main asia santa ami ana ed al don art"
)
"""Given names that are also what follows "I'm" in lower case, or a word of another
language ("i'm frank", "i'm main carer", "sunt ana" is Ana, but "ana" is Arabizi "I")."""


_LOWER_RUN_STOP = words(
    """
    w wel wil wa wi el il kan kanet kanit kant kaan bas kteer ktir helw hilw mni7 mnih
    3omri 3mri omri men min fe fi 3al ma mesh mish ya
    group grupo grupa grupul grupe grupā koox kooxdu kooxda kooxdii way waa aad iyo oo ayaa
    ayuu ayey wuu waxay waxaan xarunta shaqaalaha
    """
)
"""Words that follow a name typed in lower case after "my name is" in romanised Arabic and
Somali, and start the feedback ("wel group kan helw", "kooxdu way fiicnayd"): no name's."""


_ROMANCE_CUES = words("sunt sou")
"""Romanian and Portuguese cues, after which "ana" is Ana, not Arabizi "I"."""


def _own_given_name(word: str, cue: str = "") -> bool:
    """Whether a lower-case word after "I'm", "jestem", "sunt", "sou", "я" is one's own name:
    a listed given name (issue 12: one's own name is hidden, in any case).  ``cue``: the
    introduction's words ("sunt ana", "aqui é a Ana": Ana)."""
    key = word.casefold()
    romance = not _ROMANCE_CUES.isdisjoint(cue.casefold().split()) or "aqui" in cue.casefold()
    if "-" in key and all(given_name(part) for part in word.split("-")):
        word, key = word.split("-")[0], key.split("-")[0]  # "kerry-ann", "mary-jane"
    return (
        given_name(word)
        and key not in _NOT_AFTER_IM
        and (key not in _WORDS_NOT_NAMES_AFTER_IM or (romance and key == "ana"))
        and not adjective_like(word)
        and not word.endswith(("'s", "’s"))
    )


def _name_after(
    text: str, pos: int, *, strong: bool, im: bool = False, cue: str = ""
) -> Iterator[Span]:
    first = _WORD.match(text, pos)
    if first is None:
        return
    # "A." is an initial ("Dr A. Patel"), not the article.
    initial = (
        len(first.group()) == 1
        and first.group().isupper()
        and text[first.end() : first.end() + 1] == "."
    )
    if first.group().casefold() in _NOT_NAMES and not initial:
        return
    word = first.group()
    caseless = not word[0].isupper() and not word[0].islower()
    own_lower = False
    if not strong:
        if not word[0].isupper():
            # One's own name in lower case ("i'm kelly", "jestem marek", "я ольга"): a known
            # given name, not one that is also a word said after "I am" ("i'm frank").
            if not (word[0].islower() and _own_given_name(word, cue)):
                return  # also a caseless-script word: weak cues are Latin and Cyrillic
            own_lower = True
        if word.endswith(("'s", "’s")):
            return  # "I'm Kelly's mum": someone else's first name, not an introduction
        if im and (word.casefold() in _NOT_AFTER_IM or adjective_like(word)):
            return
    end = first.end()
    last = word
    capitalised = word[0].isupper()
    for _ in range(
        3 if strong else 2
    ):  # four words after "my name is": "Cabdi Maxamed Yuusuf Cali"
        # After an initial its full stop is part of the name: "Mrs K. Brown", "K.Brown".
        initial = len(last) == 1 and last.isupper()
        gap = re.match(r"\.[ \t]*|[ \t]+" if initial else r"[ \t]+", text[end:])
        if gap is None:
            # The surname alone on the next line ("my name is Kelly\nBrown"); a next line
            # that goes on past one or two words is a new sentence, not the name.
            gap = _NAME_ON_NEXT_LINE.match(text, end)
            gap = gap and re.match(r"[ \t]*\r?\n[ \t]*", text[end:])
        if gap is None:
            break
        nxt = _WORD.match(text, end + gap.end())
        if nxt is not None and nxt.group().casefold() in _PARTICLES:
            # "Maria de Souza", "محمد عبد الرحمن": a particle joins two parts of one name.
            after = re.match(r"[ \t]+", text[nxt.end() :])
            part = after and _WORD.match(text, nxt.end() + after.end())
            if (
                part
                and part.group().casefold() not in _NOT_NAMES
                and (not capitalised or part.group()[0].isupper())
            ):
                nxt = part
        if nxt is None or nxt.group().casefold() in _NOT_NAMES or _and_clause(nxt.group()):
            break
        letter = nxt.group()[0]
        if capitalised and not letter.isupper():
            break
        if not capitalised and not caseless and nxt.group().casefold() in _LOWER_RUN_STOP:
            break  # "ana ismi fatima wel group kan helw": the name ends at "and the group"
        if own_lower and not surname_like(nxt.group()):
            break  # "i'm dave smith": a surname goes with it; "i'm dave and…" ends it
        if not capitalised and not caseless and not strong and not own_lower:
            break
        end, last = nxt.end(), nxt.group()
    yield Span(first.start(), end, "name")
