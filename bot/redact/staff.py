"""Names given with a role ("my keyworker John Smith"), and the stricter check on quotes.

A comment that names a worker in full identifies the worker, and, to that
worker, the person who wrote it ("never called me back"): few people have
one keyworker.  So a full name after a role word is redacted when an answer
is stored, in every enabled language: "my keyworker [name] never called".

A first name alone survives storage ("the nurse, Priya, was kind", issue
12): it rarely identifies anyone outside the service and is useful feedback.
What counts as a full name:

- in scripts with capitals (Latin, Cyrillic): two or three capitalised words
  after the role word, none of them a function word ("my keyworker John
  Smith", "мой соцработник Марина Соколова", "amar keyworker Farhana
  Chowdhury");
- in scripts without capitals (Arabic, Urdu, Bengali, Gurmukhi, Gujarati):
  two or three words after the role word that are neither function words
  nor the words feedback puts after a name ("was", "very", "kind", "never"…):
  "المرشدة تبعي [name] ما بترد علي".  Without capitals this is a guess, so
  the list of such words errs towards keeping text.

Quotes are published in the network report, so they get a stricter test,
:func:`names_someone`: a quote is not chosen when it holds a name given with
a role, even a first name alone, or two capitalised words together that are
not a place or a service ("thanks to Sarah Jones").  Refusing a quote loses
nothing: the comment is still stored, counted and seen by staff in /review.

Names typed in lower case after a Latin or Cyrillic role word ("my
keyworker john smith") are not redacted: without a list of names, "john
smith" cannot be told from "keeps cancelling".  A quote from a writer who
uses no capitals at all is refused when two words after a role are neither
function words nor the words feedback puts there ("never", "rang", "kind"…);
a writer who uses capitals but not for a name is not caught.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.redact.given_names import NOUNS_CASELESS, WORD_NAMES_CASELESS, given_name, surname_like
from bot.redact.names import _NOT_NAMES, _PARTICLES, OTHER_CUE
from bot.redact.spans import MARKS, WORD, Span, words
from bot.textnorm import fold

_ROLES = (
    # English, and the loanwords people use in every language here.
    r"key[\s-]?workers?|(?:support|recovery|drug|drugs|alcohol|outreach|social|case|peer|family"
    r"|housing|link|care|youth|harm[\s-]reduction)\s+workers?|caseworkers?|workers?|nurses?"
    r"|doctors?|gps?|psychiatrists?|psychologists?|therapists?|counsell?ors?|managers?"
    r"|receptionists?|(?:peer\s+)?mentors?|co-?ordinators?|navigators?|practitioners?"
    r"|prescribers?|pharmacists?|probation\s+officers?|officers?|consultants?|facilitators?"
    r"|advisers?|advisors?|staff\s+member|volunteers?|midwi(?:fe|ves)|health\s+visitors?"
    r"|(?:recovery\s+)?coach(?:es)?",
    # Polish, Lithuanian, Latvian, Romanian, Portuguese: stems of role nouns, any ending.
    r"terapeut\w*|pielęgniar\w*|pielegniar\w*|lekar\w*|psycholo\w*|psychiatr\w*|dorad\w*"
    r"|opiekun\w*|pracowni\w*|kurator\w*|kierowni\w*|koordynator\w*|recepcjonist\w*|doktor\w*",
    r"darbuotoj\w*|slaugytoj\w*|gydytoj\w*|psicholog\w*|psichiatr\w*|konsultant\w*|vadov\w*",
    r"darbinie\w*|medmās\w*|medmas\w*|ārst\w*|arst\w*|psiholog\w*|psihiatr\w*|terapeit\w*",
    r"asistent\w*|medic\w{0,4}|consilier\w*|coordonator\w*"
    r"|lucrător\w*|lucrator\w*|doctoriț\w*",
    r"técnic\w*|tecnic\w*|enfermeir\w*|médic\w*|psicólog\w*|psicolog\w*|psiquiatr\w*"
    r"|conselheir\w*|gestor\w*|coordenador\w*|funcionári\w*|funcionari\w*|assistente\w*",
    # Russian (and Ukrainian close forms), in Cyrillic and romanised.
    r"соцработни\w*|работни\w*|медсестр\w*|медбрат\w*|врач\w*|доктор\w*|психолог\w*"
    r"|психиатр\w*|консультант\w*|терапевт\w*|куратор\w*|менеджер\w*|социальн\w+\s+работни\w*"
    r"|нарколог\w*|соцработниц\w*",
    # Somali.
    r"shaqaala\w*|shaqaale\w*|kalkaali\w*|dhakhtar\w*|la-?taliy\w*|lataliy\w*",
    # Romanised Urdu, Punjabi, Gujarati, Bengali.
    r"daktar\w*|dactor\w*",
    # Who to ask for at the desk: "ask for Sarah Jones at reception", "спросите Ольгу
    # Иванову", "pytajcie o Tomasza Zielińskiego", "intrebati de Cristina Munteanu".
    r"ask\s+for|asked\s+for|speak\s+(?:to|with)|spoke\s+(?:to|with)|talk\s+to|talked\s+to"
    r"|(?:za)?pytaj(?:cie)?\s+o|pyta[ćc]\s+o|popro[śs](?:cie)?\s+o"
    r"|спросит[еь]|спроси|попросите|позовите|обратитесь\s+к"
    r"|[iî]ntreba[țt]i\s+de|[iî]ntreab[ăa]\s+de|cere[țt]i\s+pe|vorbi[țt]i\s+cu"
    r"|pergunte[m]?\s+por|perguntar\s+por|procure[m]?|fale[m]?\s+com|falar\s+com"
    r"|(?:pa)?klauskite|kreipkit[eė]s\s+[iį]|jaut[āa]jiet|prasiet|vaic[āa]jiet|weydii\w*",
)
_ROLE_ACRONYM = re.compile(r"(?<![\w-])(?:PO|CPN|SW|OM)(?![\w-])")
"""Roles written as capitals only ("my PO John Smith": probation officer), matched in capitals:
"po" is a Polish preposition, "om" a Romanian noun."""
_ROLES_CASELESS = words(
    """
    ممرضة الممرضة ممرض الممرض ممرضتي ممرضي دكتور الدكتور دكتورة الدكتورة دكتوري طبيب الطبيب
    طبيبة الطبيبة طبيبي مرشد المرشد مرشدة المرشدة مرشدي مرشدتي معالج المعالج معالجة المعالجة
    معالجي معالجتي أخصائي الأخصائي أخصائية الأخصائية اخصائي الاخصائي اخصائية الاخصائية موظف
    الموظف موظفة الموظفة مستشار المستشار مستشارة المستشارة مشرف المشرف مشرفة المشرفة
    نرس ڈاکٹر ڈاکٹرنی کونسلر کاؤنسلر ورکر کیورکر سوشل‌ورکر معالج تھراپسٹ
    সমাজকর্মী সমাজকর্মীর ਸਮਾਜ-ਸੇਵਕ સમાજસેવક
    নার্স ডাক্তার ডাক্তারবাবু কাউন্সেলর কাউন্সিলর ওয়ার্কার কীওয়ার্কার কিওয়ার্কার থেরাপিস্ট
    কেসওয়ার্কার কেস-ওয়ার্কার সাপোর্ট-ওয়ার্কার
    ਨਰਸ ਡਾਕਟਰ ਕੌਂਸਲਰ ਕਾਉਂਸਲਰ ਵਰਕਰ ਕੀਵਰਕਰ ਥੈਰੇਪਿਸਟ ਕੇਸਵਰਕਰ ਕੇਸ-ਵਰਕਰ
    નર્સ ડોક્ટર ડૉક્ટર ડોકટર કાઉન્સેલર કાઉન્સિલર વર્કર કીવર્કર થેરાપિસ્ટ કેસવર્કર કેસ-વર્કર
    کیسورکر کیس‌ورکر
    কি-ওয়ার্কার কী-ওয়ার্কার ਕੀ-ਵਰਕਰ کی-ورکر કી-વર્કર
    """
)
_ROLE_CASED = re.compile(rf"(?<![\w{MARKS}])(?:{'|'.join(_ROLES)})(?![\w{MARKS}])", re.IGNORECASE)
_RELATIONS = (
    # In-laws first, so that "sister-in-law" is taken whole, not "sister" ("mother in law" too).
    r"(?:mother|father|brother|sister|son|daughter)[\s-]in[\s-]laws?"
    r"|szwagr\w*|szwagier|zi[ęe]ć|zi[ęe]cia|synow\w*|св[её]кор|зят\w*|невестк\w*|genro|nora"
    r"|cumnat\w*|ginere\w*|nor[ăa]|uošv\w*|uosv\w*|žent\w*|zent\w*|mart[iī]\w*|znot\w*"
    r"|sievasmāt\w*|saas|sasur|devar|jeth|bhabhi|nanad|jamai|shami|shashuri|shoshur",
    # Family and friends: "my son Jake Miller", "mój syn Kacper Nowak", "mera beta Ali Raza".
    # A full name beside them identifies the writer as surely as a worker's does.  Only in
    # scripts with capitals: without them the verb after "ابني" would be taken for a name.
    r"sons?|daughters?|partners?|husbands?|wife|wives|boyfriends?|girlfriends?|fianc[ée]e?"
    r"|brothers?|sisters?|mum|mom|mother|dad|father|nan|gran|grandsons?|granddaughters?"
    r"|nephews?|nieces?|cousins?|uncles?|aunt(?:ie)?s?|friends?|carers?",
    r"syn\w*|córk\w*|cork[ai]\w*|mąż|męża|mężem|żona|żony|żoną|brat|brata|bratem|siostr\w*"
    r"|mama|mamy|tata|taty|ojciec|matka|przyjaci\w*|kolega|koleżank\w*",
    r"сын\w*|дочь|дочк\w*|доч[еи]р\w*|муж|мужа|жена|жену|брат\w*|сестр\w*|мама|маму|папа"
    r"|внук\w*|друг|друга|подруг\w*",
    r"fiul|fiica|fiicei|soțul|sotul|soția|sotia|fratele|sora|prietenul|prietena|partenerul"
    r"|partenera|nepotul|nepoata",
    r"filh[oa]s?|marido|esposa|namorad[oa]|irmã|irma|irmão|irmao|mãe|pai|amig[oa]|neto|neta",
    r"sūnus|sūnų|sunus|dukra|dukrą|dukterį|vyras|vyrą|žmona|zmona|brolis|sesuo|draug\w*"
    r"|dēls|dēlu|meita|meitu|vīrs|vīru|sieva|sievu|brālis|māsa|draudzen\w*"
    # The dative ("manam dēlam Mārtiņam Kalniņam vajag…": my son needs), lv and lt.
    r"|dēlam|meitai|vīram|sievai|brālim|māsai|sūnui|dukrai|vyrui|žmonai|broliui|seseriai",
    r"wiil\w*|gabadh\w*|ninka\w*|xaas\w*|walaal\w*|saaxiib\w*|hooya\w*|hooyo\w*|aabb\w*",
    # Grandparents, uncles and aunts, step-family and in-laws, in every language with capitals.
    r"nan|nana|nanna|nanny|gran|granny|grandma|grandmother|grandad|granddad|grandpa"
    r"|grandfather|grandparents?|step-?(?:dad|mum|mom|father|mother|son|daughter|brother|sister)s?"
    r"|(?:mother|father|brother|sister|son|daughter)-in-law|ex|ex-?(?:partner|wife|husband)"
    r"|babci\w*|babk\w*|dziad\w*|wuj\w*|cioci\w*|ciotk\w*|ojczym\w*|macoch\w*|teść\w*|teściow\w*|tesciow\w*"
    r"|moči\w*|moci\w*|senel\w*|dėd\w*|ded[eė]\w*|tet[aą]\w*|patėv\w*"
    r"|vecmām\w*|vecmam\w*|vectēv\w*|vectev\w*|onkul\w*|tant\w*|krustmā\w*|patēv\w*"
    r"|bunic\w*|unchi\w*|m[ăa]tu[șs]\w*|socr\w*|soacr\w*"
    r"|av[óô]|av[oó]s|tio|tia|tios|tias|padrasto|madrasta|sogr[oa]|cunhad[oa]"
    r"|бабушк\w*|бабул\w*|дедушк\w*|дед|деда|дяд\w*|т[её]т\w*|отчим\w*|мачех\w*|св[её]кр\w*|т[её]щ\w*"
    r"|ayeeyo\w*|ayeeyad\w*|awoowe\w*|adeer\w*|eedo\w*|abti\w*|habaryar\w*"
    r"|nani|nana|dadi|dada|khala|khalu|phuppo|phupho|phupi|chacha|chachi|mamu|mamoo|mami"
    r"|taya|tayi|bhua|masi|maasi|kaka|kaki|mama",
    # Neighbours, who know where the writer lives: "kaimynas Andrius Vaitkus".
    r"neighbou?rs?|s[ąa]siad\w*|kaimyn\w*|kaimi[ņn]\w*|vecin\w*|vizinh\w*|сосед\w*|deris\w*"
    r"|b[ăa]iat\w*|mamei|tat[ăa]l|mamm\w*|t[ēe]tis|t[ėe]tis|мать|отец|отца",
    r"beta|beti|bete|shohar|shauhar|biwi|bivi|bhai|behen|behan|ammi|abbu|dost|puttar|dhee"
    r"|dikro|dikri|pati|patni|chele|meye|swami",
)
_RELATION_CASED = re.compile(
    rf"(?<![\w{MARKS}])(?:{'|'.join(_RELATIONS)})(?![\w{MARKS}])", re.IGNORECASE
)
_RELATION_WORDS = words(
    """
    son sons daughter daughters partner partners husband husbands wife wives boyfriend
    boyfriends girlfriend girlfriends fiance fiancé fiancée brother brothers sister sisters
    mum mom mother dad father nan gran grandson granddaughter nephew niece cousin uncle aunt
    auntie friend friends carer carers mąż męża mężem żona żony żoną brat brata bratem mama
    mamy tata taty ojciec matka kolega муж мужа жена жену мама маму папа друг друга fiul
    fiica fiicei soțul sotul soția sotia fratele sora prietenul prietena partenerul partenera
    nepotul nepoata filho filha filhos filhas marido esposa namorado namorada irmã irma irmão
    irmao mãe pai amigo amiga neto neta sūnus sūnų sunus dukra dukrą dukterį vyras vyrą
    žmona zmona brolis sesuo dēls dēlu meita meitu vīrs vīru sieva sievu brālis māsa beta
    beti bete shohar shauhar biwi bivi bhai behen behan ammi abbu dost puttar dhee dikro
    dikri pati patni chele meye swami mamei tētis tetis tėtis мать отец отца
    nan nana nanna nanny gran granny grandma grandmother grandad granddad grandpa grandfather
    grandparent grandparents stepdad stepmum stepmom stepfather stepmother stepson stepdaughter
    step-dad step-mum ex dziadek dziadka wujek wujka ciocia cioci ojczym macocha dėdė dede teta
    onkulis tante avó avô avo tio tia padrasto madrasta sogra sogro дед деда nani dadi dada
    khala khalu phuppo phupho phupi chacha chachi mamu mamoo mami taya tayi bhua masi maasi
    kaka kaki szwagier zięć ziec zięcia genro nora saas sasur devar jeth bhabhi nanad jamai shami
    shashuri shoshur znots
    dēlam meitai vīram sievai brālim māsai sūnui dukrai vyrui žmonai broliui seseriai
    """
)
_RELATION_STEMS = (
    *("syn", "córk", "cork", "siostr", "przyjaci", "koleżank", "сын", "доч", "сестр", "брат"),
    *("внук", "подруг", "draug", "draudzen", "wiil", "gabadh", "ninka", "xaas", "walaal"),
    "saaxiib",
    *("hooya", "hooyo", "aabb", "neighbo", "sąsiad", "sasiad", "kaimyn", "kaimiņ", "kaimin"),
    *("vecin", "vizinh", "сосед", "deris", "băiat", "baiat", "mamm", "tatăl", "tatal"),
    *(
        "babci",
        "babk",
        "dziad",
        "wuj",
        "cioci",
        "ciotk",
        "ojczym",
        "macoch",
        "teść",
        "teściow",
        "tesciow",
    ),
    *("moči", "moci", "senel", "dėd", "patėv", "vecmām", "vecmam", "vectēv", "onkul", "tant"),
    *("krustmā", "patēv", "bunic", "unchi", "mătuș", "matus", "socr", "soacr", "бабушк", "бабул"),
    *("дедушк", "дяд", "тёт", "тет", "отчим", "мачех", "свекр", "свёкр", "тёщ", "тещ", "ayeeyo"),
    *("ayeeyad", "awoowe", "adeer", "eedo", "abti", "habaryar", "step", "grand", "cunhad"),
    *("szwagr", "synow", "свёкор", "свекор", "зят", "невестк", "cumnat", "ginere", "uošv", "uosv"),
    *("žent", "zent", "znot", "sievasmāt"),
)
"""Family words: whole words, or the beginnings of those that take endings ("synem",
"сыном", "wiilkayga").  A message is scanned for them only when one of its words is one."""


_TO_SPACE = str.maketrans(dict.fromkeys(",.;:!?()[]\"'", " "))


def _has_relation(low: str) -> bool:
    tokens = low.translate(_TO_SPACE).replace("-", " ").split()
    return not _RELATION_WORDS.isdisjoint(tokens) or any(
        t.startswith(_RELATION_STEMS) for t in tokens
    )


_WORD_RE = re.compile(WORD)

# Between a role and the name: a comma, "called", a possessive ("المرشدة تبعي").
_LINK = re.compile(
    r"(?:\s*[,،:\-–—(]\s*|\s+)(?:(?:called|named|zwan[ya]|по\s+имени|chamad[oa]|numit[ăa]?|vardu"
    r"|vārdā|vardā|la\s+yiraahdo|تبعي|تاعي|حقي|بتاعي|الخاصة|الخاص|(?:ka|ki|ke|da|di|de)\s+naa?m"
    r"|(?:کا|کی|کے)\s+نام|(?:ਦਾ|ਦੀ|ਦੇ)\s+ਨਾਮ|(?:નું|નો|ની)\s+નામ|(?:এর|র)?\s*নাম)"
    r"(?:\s*[,،:\-–—]\s*|\s+))?"
)

# What comments put right after a name given with a role, in scripts without capitals:
# verbs, copulas, negations, intensifiers and the commonest adjectives.
_AFTER_NAME_CASELESS = words(
    """
    كان كانت كانوا يكون تكون هو هي ما لا لم لن مش مو ماب ما_بترد بترد بيرد ترد يرد ساعدني ساعدتني
    ساعد ساعدت قال قالت جدا كتير كثير كثيرا لطيف لطيفة طيب طيبة ممتاز ممتازة منيح منيحة كويس
    كويسة سيء سيئة وقح وقحة دايما دائما ابدا أبدا بس كمان عم رح راح قد ليش اللي الذي التي مع عن
    بہت اچھا اچھی اچھے برا بری تھا تھی تھے تھیں ہے ہیں نہیں کبھی ہمیشہ نے کو کی کا کے بھی مدد
    খুব ভালো ভাল খারাপ ছিল ছিলেন ছিলো আছেন আছে না কখনো সবসময় অনেক সাহায্য করেছে করেছেন কে
    আমাকে আমায় ওকে তাকে আমাদের আমার মুজে মুঝে مجھے میرا میری میرے ہمیں ਮੈਨੂੰ ਮੇਰਾ ਮੇਰੀ ਮੇਰੇ ਸਾਨੂੰ
    મને મારો મારી મારું અમને لي الي إلي معي
    ਬਹੁਤ ਚੰਗਾ ਚੰਗੀ ਚੰਗੇ ਮਾੜਾ ਮਾੜੀ ਸੀ ਸਨ ਹੈ ਹਨ ਨਹੀਂ ਕਦੇ ਹਮੇਸ਼ਾ ਨੇ ਨੂੰ ਦੀ ਦਾ ਦੇ ਵੀ ਮਦਦ
    બહુ ખૂબ સારું સારી સારો સારા ખરાબ હતી હતો હતા છે નથી ક્યારેય હંમેશા એ ને ની નો નું પણ મદદ
    માયાળુ દયાળુ ਵਧੀਆ ਬਹੁਤ-ਵਧੀਆ સરસ
    আপা আপু দিদি ভাই ভাইয়া ভাবী বাবু باجی آپا بھائی صاحب صاحبہ جی ਜੀ ਭੈਣਜੀ ਭਾਜੀ ਵੀਰ ਬੀਬੀ
    બેન બહેન ભાઈ જી ભાભી
    الاجتماعية الاجتماعي النفسي النفسية الاجتماعيه
    رد ردت حكى حكت حكالي حكتلي قلي قالي قالتلي اتصل اتصلت عطاني عطتني شرح شرحت شرحلي
    سألني زاد نزل قطع كتب كتبلي وصف وصفلي غير غيرت أخذ أخذت عمل عملت بيساعد بتساعد
    بيحكي بتحكي بيشرح بتشرح أنقذ انقذ أنقذت انقذت أنقذتني حياتي ضاعف ضاعفلي فكت بدل بن
    مرة مرات تلات بقسم بقتل
    """
)
_STOP = _NOT_NAMES | _AFTER_NAME_CASELESS


def _caseless(word: str) -> bool:
    return not word[0].isupper() and not word[0].islower()


_SURNAME_PLACES = words("hill green lane church wood brook field hall park marsh bridge street")
"""Place words that are also surnames."""


_TITLE_CASE_WORDS = words(
    """
    jest był była było są bardzo super świetny świetna świetnie miły miła dobry dobra zły zła
    очень был была было есть хороший хорошая хорошо плохой плохая отличный отличная супер
    este era foarte bun bună buna rău rau minunat minunată é era muito bom boa ótimo otimo
    ótima otima yra buvo labai geras gera puikus puiki ir bija ļoti loti labs laba lieliska
    lielisks waa aad fiican wanaagsan
    """
)
"""Words of a sentence going on after a role, for writers who capitalise every word ("Moja
Terapeutka Jest Super", "Мой Куратор Очень Хороший"): no name's."""


def _name_words(text: str, pos: int, *, capitals: bool) -> list[re.Match[str]]:
    """Up to three name-like words from ``pos``, one space or tab apart."""
    found: list[re.Match[str]] = []
    at = pos
    while len(found) < 3:
        m = _WORD_RE.match(text, at)
        if m is None:
            break
        word = m.group()
        key = word.casefold()
        if capitals and found and key in _PARTICLES and word.islower():
            gap = re.match(r"[ \t]+", text[m.end() :])
            nxt = gap and _WORD_RE.match(text, m.end() + gap.end())
            if nxt and nxt.group()[0].isupper():  # "Maria da Conceição Alves"
                at = m.end() + gap.end()
                continue
        # A name that is also a word ("સારા": Sara, good) may start a name after a role;
        # it stands only with a second name word after it (below, in the caller's test).
        word_name = not found and not capitals and word in WORD_NAMES_CASELESS
        # A place word that is also a surname, straight after a given name: "the nurse
        # Lucy Street", "my keyworker Tom Hall" (not "my keyworker at Mill Lane").
        surname = (
            capitals and len(found) == 1 and key in _SURNAME_PLACES and given_name(found[0].group())
        )
        if (
            (key in _STOP and not word_name)
            or key in _TITLE_CASE_WORDS
            or key in NOUNS_CASELESS
            or (key in _PLACE_WORDS and not surname)
            or word in _ROLES_CASELESS
            or word.endswith(("'s", "’s"))
            or (capitals and _ROLE_CASED.fullmatch(word))
        ):
            break
        if not (word[0].isupper() if capitals else _caseless(word)):
            break
        found.append(m)
        gap = re.match(r"[ \t]+", text[m.end() :])
        if gap is None:
            break
        at = m.end() + gap.end()
    return found


_COPULAS = words(
    """
    is was yra buvo ir bija este era e é jest był była to waa это هو هي ہے ہیں ہیں
    a o the pan pani
    الاجتماعية الاجتماعي النفسي النفسية الاجتماعيه
    """
)
"""Between a role and its name: "is", "was" and articles ("Our keyworker is Sam Patel",
"mano gydytoja yra Daiva Mockienė", "a minha psicóloga é a Inês Moreira", "dhakhtarkayga
waa Axmed Nuur")."""


def _name_starts(text: str, pos: int) -> Iterator[int]:
    """``pos``, and where a name could start after up to three copulas, articles or
    lower-case words qualifying the role ("asistentul meu social este Radu Ene")."""
    yield pos
    for i in range(3):
        word = _WORD_RE.match(text, pos)
        if word is None:
            return
        key = word.group().casefold()
        if key not in _COPULAS and not (word.group().islower() and key not in _STOP):
            return
        if key.isascii() and key.endswith("ed"):
            return  # "my doctor prescribed Zopiclone Tablets": a verb's object, not a name
        # A comma after a possessive or an adverb ("vecinul meu, Marius Popescu", "text my
        # mum instead, Carol Ainsworth").
        gap = re.match(r"[ \t]*,[ \t]*|[ \t]+", text[word.end() :])
        if gap is None or (i and "," in gap.group()):
            return  # "Doktor była bardzo miła, Ośrodek …": a clause ends, a new one starts
        pos = word.end() + gap.end()
        yield pos


def _cased_roles(text: str, relation: bool) -> Iterator[re.Match[str]]:
    """Role words in scripts with capitals, and family words when the message has one."""
    yield from _ROLE_CASED.finditer(text)
    yield from _ROLE_ACRONYM.finditer(text)
    if relation:
        yield from _RELATION_CASED.finditer(text)


def _after_roles(text: str, relation: bool = False) -> Iterator[tuple[int, bool]]:
    """Where a name could start after each role word, and whether its script has capitals."""
    for m in _cased_roles(text, relation):
        link = _LINK.match(text, m.end())
        for pos in _name_starts(text, link.end() if link else m.end()):
            yield pos, True
    for m in _WORD_RE.finditer(text):
        if m.group() in _ROLES_CASELESS:
            link = _LINK.match(text, m.end())
            pos = link.end() if link else m.end()
            yield pos, False
            for _ in range(2):  # "هو", "الاجتماعية": a copula or the role's adjective first
                copula = _WORD_RE.match(text, pos)
                if copula is None or copula.group() not in _COPULAS:
                    break
                gap = re.match(r"[ \t]+", text[copula.end() :])
                if gap is None:
                    break
                pos = copula.end() + gap.end()
                yield pos, False


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression (split at ``|`` outside groups)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(pattern):
        if ch == "(" and pattern[i - 1 : i] != "\\":
            depth += 1
        elif ch == ")" and pattern[i - 1 : i] != "\\":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def _needles(patterns: tuple[str, ...]) -> frozenset[str]:
    """For each role pattern, its longest run of letters that every match must hold.

    A substring test for these is cheaper than the patterns' scan, and most
    answers name no role (see :func:`bot.redact.spans.needs_any`).  Optional
    parts are dropped first ("workers?" gives "worker", "gps?" gives "gp").
    """
    needles = set()
    for alternative in (a for pattern in patterns for a in _alternatives(pattern)):
        mandatory = re.sub(r"\((?:[^()]|\([^()]*\))*\)\?|\[[^\]]*\]\?|.\?", " ", alternative)
        mandatory = re.sub(r"\\[a-zA-Z]|\((?:[^()]|\([^()]*\))*\)", " ", mandatory)
        runs = re.findall(r"[^\W\d_]{2,}", mandatory)
        if not runs:
            raise ValueError(f"role pattern without a letter run: {alternative}")
        needles.add(max(runs, key=len).casefold())
    return frozenset(needles)


_ROLE_NEEDLES = (*_needles(_ROLES), *_ROLES_CASELESS)


_BEFORE_ROLE_WORDS = words("my our the his her their a an mój moja мой моя meu minha o a")
"""Words that may stand between a name and its role: "John Smith, my keyworker"."""


def _before_role(text: str, start: int) -> Span | None:
    """A full name in capitals just before a role ("John Smith, my keyworker"), else None."""
    window = max(0, start - 80)
    tokens = list(_WORD_RE.finditer(text, window, start))
    if tokens and tokens[-1].group().casefold() in _BEFORE_ROLE_WORDS:
        tokens.pop()
    name: list[re.Match[str]] = []
    for token in reversed(tokens[-3:]):
        word = token.group()
        between = text[token.end() : name[0].start() if name else start]
        if name and between not in (" ", "\t"):
            break
        rest = re.sub(r"[\s,(\-–—]+", " ", between).strip().casefold()
        if not name and rest and rest not in _BEFORE_ROLE_WORDS:
            break
        key = word.casefold()
        if not word[0].isupper() or key in _STOP or key in _PLACE_WORDS or word.isupper():
            break
        name.insert(0, token)
    if len(name) < 2:
        return None
    if not text[name[-1].end() : start].strip() and not given_name(name[0].group()):
        return None  # "Early Help worker", "Dual Diagnosis nurse": a service's name, no one's
    return Span(name[0].start(), name[-1].end(), "name")


def staff_names(text: str) -> Iterator[Span]:
    """Full names (two or three words) next to a role word; a first name alone is kept."""
    low = text.casefold()
    relation = _has_relation(low)
    if not relation and not any(n in low for n in _ROLE_NEEDLES) and not _ROLE_ACRONYM.search(text):
        return
    for pos, capitals in _after_roles(text, relation):
        found = _name_words(text, pos, capitals=capitals)
        if len(found) >= 2 and (capitals or _closed_caseless(text, found)):
            yield Span(found[0].start(), found[-1].end(), "name")
    for m in _cased_roles(text, relation):
        if (span := _before_role(text, m.start())) is not None:
            yield span


_VERB_ENDINGS_CASELESS = (
    *("েছেন", "েছে", "েছিল", "েছিলেন", "লেন", "িয়েছে", "ছেন", "তেন", "চ্ছেন", "চ্ছে", "ের"),
    *("تلي", "تني", "تنا", "تلنا", "تلها", "تلهم"),
)
"""Verb endings (Bengali perfect and past, Arabic "explained to me") and the Bengali genitive
("আগের জনের মতো": like the previous one's): a role word followed by
"ডাক্তার ওষুধ বাড়িয়েছেন" or "الممرضة شرحتلي" is a sentence about what they did."""


def _closed_caseless(text: str, found: list[re.Match[str]]) -> bool:
    """Whether words after a role in a script without capitals are a name, not a sentence.

    Without capitals, "الدكتور زاد الجرعة" (the doctor raised the dose) looks like a name
    as much as "الدكتور أحمد الخطيب" does.  A name is closed: the text ends, punctuation
    follows, or a word that comments put after a name ("كان", "ما", "খুব"); none of its
    words ends like a verb.  A sentence goes on with its object."""
    if any(m.group().endswith(_VERB_ENDINGS_CASELESS) for m in found):
        return False
    if found[0].group().startswith(("ال", "بال", "لل", "وال", "فال")):
        return False  # "موظف السكن", "طبيب الاسنان": a role's own noun, with the article
    rest = text[found[-1].end() :].lstrip(" \t")
    if not rest or not (rest[0].isalpha() or rest[0] in MARKS):
        return True
    nxt = _WORD_RE.match(rest)
    return nxt is not None and nxt.group() in _AFTER_NAME_CASELESS


_PLACE_WORDS = words(
    """
    road rd street st lane avenue ave close way drive court place square park hill green
    hub centre center house hall clinic surgery hospital service services team group project
    trust nhs hmp prison college university church mosque gurdwara temple library station
    anonymous recovery point live grow change narcotics alcoholics cocaine smart aa na ca
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december christmas easter ramadan eid
    england britain uk london cambridge peterborough huntingdon wisbech ely fenland
    adult adults social care children childrens children's young family families council
    county city borough district community mental health drug drugs alcohol substance misuse
    addiction addictions partnership foundation charity probation police housing job jobcentre
    citizens advice samaritans frank talking therapies crisis a&e
    tablets tablet pills capsules injection injections patch spray liquid methadone buprenorphine
    curie ryder macmillan barnardo barnardos barnardo's seacole
    সোমবার মঙ্গলবার বুধবার বৃহস্পতিবার শুক্রবার শনিবার রবিবার প্রতি প্রত্যেক সকালে বিকেলে রাতে
    સોમવાર મંગળવાર બુધવાર ગુરુવાર શુક્રવાર શનિવાર રવિવાર દર દરેક સવારે સાંજે
    ਸੋਮਵਾਰ ਮੰਗਲਵਾਰ ਬੁੱਧਵਾਰ ਵੀਰਵਾਰ ਸ਼ੁੱਕਰਵਾਰ ਸ਼ਨੀਵਾਰ ਐਤਵਾਰ ਹਰ ਸਵੇਰੇ ਸ਼ਾਮ
    سوموار منگل بدھ جمعرات ہفتہ اتوار ہر صبح
    الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت الأحد الاحد كل يوم
    """
)
"""Places, services, days and times (in every script: "কাউন্সেলর তানিয়া প্রতি সোমবার": the
counsellor Tania, every Monday), none of them a name's word."""
_NOT_A_NAME = _STOP | _PLACE_WORDS


def _capitalised_pair(text: str) -> bool:
    """Two capitalised words together, neither a place, a service nor a function word."""
    prev: re.Match[str] | None = None
    for m in _WORD_RE.finditer(text):
        if prev is not None and text[prev.end() : m.start()] in (" ", "\t"):
            a, b = prev.group(), m.group()
            if (
                a[0].isupper()
                and b[0].isupper()
                and not a.isupper()
                and any(ch.islower() for ch in b)
                and not {a.casefold(), b.casefold()} & (_PLACE_WORDS | _NOT_NAMES)
            ):
                return True
        prev = m
    return False


def names_someone(text: str) -> bool:
    """Whether a quote could name a person: stricter than redaction, for what is published.

    Quotes are stored text, as typed: it is folded first (no-break spaces, zero-width
    characters), as redaction does, so "John\u00a0Smith" is two words here too.
    """
    text = fold(text).text
    if any(True for _ in staff_names(text)):
        return True
    if _at_the_desk(text) or _named_before_caseless_role(text):
        return True
    for m in _TITLE_LOWER.finditer(text):
        key = m.group("name").casefold()
        if surname_like(key) and key not in _NOT_A_NAME and key not in _AFTER_ROLE:
            return True  # "dr patel was great": a title and a surname, in lower case
    for cue in OTHER_CUE.finditer(text):
        # "the nurse was lovely, her name is Priya": kept in storage (a first name alone),
        # but a noticeboard quote is stricter ("his name was never called" is no name).
        m = _WORD_RE.match(text, cue.end())
        if m is None or m.group().casefold() in _NOT_A_NAME:
            continue
        word = m.group()
        if word[0].isupper() or _caseless(word) or given_name(word):
            return True
    low = text.casefold()
    if any(n in low for n in _ROLE_NEEDLES):
        lower_case_writer = text == low
        for pos, capitals in _after_roles(text):
            m = _WORD_RE.match(text, pos)
            if m is None or m.group().casefold() in _NOT_A_NAME:
                continue
            word = m.group()
            if word[0].isupper() or _caseless(word):
                return True  # a name given with a role, even a first name alone
            key = word.casefold()
            if (
                word.islower()
                and (given_name(word) or surname_like(word))
                and key not in _NOT_A_NAME
                and key not in _AFTER_ROLE
                and key not in _NOBODY
            ):
                return True  # typed in lower case: "my keyworker sarah", "dr patel"
            if capitals and lower_case_writer and _lower_case_full_name(text, m):
                return True
        if any(_first_name_before_role(text, m.start()) for m in _ROLE_CASED.finditer(text)):
            return True
    return _capitalised_pair(text)


_TITLE_LOWER = re.compile(r"(?<![\w-])(?:dr|doc|mr|mrs|ms|miss)\.?[ \t]+(?P<name>[a-z][a-z'’-]+)")
"""A title typed in lower case, and the word after it."""
_AT_THE_DESK = re.compile(
    rf"(?<![\w{MARKS}])(?P<name>(?-i:[A-ZА-ЯЁĄĆĘŁŃÓŚŹŻĀČĒĢĪĶĻŅŠŪŽ])[\w'’-]*)[ \t]+"
    r"(?:(?:on|at|from|behind)[ \t]+(?:the[ \t]+)?(?:reception|front[ \t]+desk|desk|door|"
    r"front[ \t]+door|hatch|pharmacy[ \t]+counter)|z[ \t]+recepcji|na[ \t]+recepcji|"
    r"из[ \t]+регистратуры|в[ \t]+регистратуре|на[ \t]+ресепшене?|с[ \t]+ресепшена|"
    r"d[ae][ \t]+(?:la[ \t]+)?recep[țt]ie|de[ \t]+la[ \t]+recep[țt]ie|"
    r"da[ \t]+rece(?:p)?ção|da[ \t]+rece(?:p)?cao|na[ \t]+rece(?:p)?ção|"
    r"registrat[uū]r(?:oje|ā|os|as)|iš[ \t]+registratūros|no[ \t]+reģistratūras|"
    r"ee[ \t]+soo[ \t]+dhaweynta)(?![\w{MARKS}])",
    re.IGNORECASE,
)
"""A first name and where its worker sits ("Kelly on reception", "Jo at the front desk",
"Tomasz z recepcji", "Марина из регистратуры", "Rita da receção"): the desk is a role, and
a service has one Kelly on reception."""
_NOBODY = words(
    "nobody everyone someone somebody anyone everybody whoever staff people woman lady guy "
    "girl bloke security doctor one all none some most"
)


_POSSESSIVES_CASELESS = words(
    "আমার আমাদের মোর میرا میری میرے ہمارا ہماری ਮੇਰਾ ਮੇਰੀ ਮੇਰੇ ਸਾਡਾ ਸਾਡੀ મારા મારી મારો અમારા"
)
_NAME_THEN_ROLE_CASELESS = re.compile(
    rf"^[ \t]*(?P<name>{WORD})[ \t]*[,،][ \t]*(?P<mine>{WORD})[ \t]+(?P<role>{WORD})"
    r"[ \t]*(?:[,،.!।۔]|$)"
)
"""A word opening the message, a comma, "my" and a role, and a comma or the end, in a
script without capitals ("টম, আমার কীওয়ার্কার, খুব ভালো"): the name of that worker."""


def _named_before_caseless_role(text: str) -> bool:
    m = _NAME_THEN_ROLE_CASELESS.match(text)
    if m is None or m.group("mine") not in _POSSESSIVES_CASELESS:
        return False
    name = m.group("name")
    return (
        m.group("role") in _ROLES_CASELESS
        and _caseless(name)
        and name not in NOUNS_CASELESS
        and name not in _AFTER_NAME_CASELESS
        and name not in _NOT_NAME_OPENING
    )


_NOT_NAME_OPENING = words(
    "আজ কাল এখন সত্যি আসলে তবে আর হ্যাঁ না آج کل اب سچ ہاں جی ਅੱਜ ਕੱਲ੍ਹ ਹੁਣ ਸੱਚ ਹਾਂ ਜੀ આજ કાલ હવે સાચું હા"
)
"""Words that open a sentence before a comma and are no name: today, now, truly, yes."""


def _at_the_desk(text: str) -> bool:
    """Whether a first name is given with the desk its worker sits at (:data:`_AT_THE_DESK`):
    kept in storage (a first name alone), but no published quote carries it."""
    for m in _AT_THE_DESK.finditer(text):
        key = m.group("name").casefold()
        if key not in _NOT_A_NAME and key not in _NOBODY and not m.group("name").isupper():
            return True
    return False


def _first_name_before_role(text: str, start: int) -> bool:
    """A capitalised word just before a role ("Priya, the nurse, was kind", "Pete the
    receptionist"): a first name given with its role, as after one; adjectives that
    feedback puts there ("Lovely nurse") and function words are not names."""
    tokens = list(_WORD_RE.finditer(text, max(0, start - 60), start))
    gap = text[tokens[-1].end() : start] if tokens else ""
    linked = bool(tokens) and gap.strip() == "" and tokens[-1].group().casefold() in _DETERMINERS
    if linked:
        start = tokens.pop().start()
    # "Tom, who is my keyworker, …", "Tom who's my keyworker": the relative clause links
    # the name to the role as the comma does.
    said = [t.group().casefold() for t in tokens[-2:]]
    if linked and said[-1:] in (["who's"], ["whos"], ["who’s"]):
        start, linked = tokens.pop().start(), True
    elif linked and len(said) == 2 and said[0] in ("who", "that") and said[1] in ("is", "was"):
        tokens.pop()
        start = tokens.pop().start()
    if not tokens:
        return False
    word = tokens[-1].group()
    between = text[tokens[-1].end() : start]
    if re.sub(r"[\s,(\-–—]+", "", between):
        return False
    opens = (
        not text[: tokens[-1].start()].strip() or text[: tokens[-1].start()].rstrip()[-1] in ".!?"
    )
    if opens and not linked and "," not in between:
        # A sentence's first word is capitalised anyway ("Aștept consilierea", "Pie ārsta"):
        # it is a name only with a comma or a determiner between ("Pete the receptionist").
        return False
    key = word.casefold()
    return (
        word[0].isupper()
        and not word.isupper()
        and key not in _NOT_A_NAME
        and key not in _AFTER_ROLE
        and key not in _DETERMINERS
        and key not in _NOBODY
    )


_DETERMINERS = _BEFORE_ROLE_WORDS | words(
    "mano mana manai mans mūsų musu mūsu mūsa musa nasz nasza"
)


_AFTER_ROLE = words(
    """
    is was has had have never always keeps kept didnt didn't doesnt doesn't wont won't cant can't
    couldnt couldn't wouldnt wouldn't isnt isn't wasnt wasn't rang rings rung called calls said says
    told tells helped helps listened listens cancelled canceled cancels changed left leaves moved
    got gets gave gives took takes made makes sorted sorts explained understood understands seemed
    seems went goes came comes tried tries wanted wants asked asks saw sees sent sends knew knows
    checked phoned texted emailed forgot forgets missed misses turned treated treats talked spoke
    great good nice kind lovely rude helpful brilliant amazing fantastic excellent ok okay fine
    useless terrible awful late busy new old best worst really very so just also too still again
    now then today there here well only even actually literally honestly who which whos who's
    """
)
"""Lower-case words that follow a role word in feedback and are not a name."""


def _lower_case_full_name(text: str, first: re.Match[str]) -> bool:
    """A writer who never uses capitals: two words after a role that feedback rarely puts there.

    "my keyworker john smith never called" is refused as a quote; "my keyworker
    never rings" and "my worker sarah helped" (a first name alone) are not.
    """
    if first.group().casefold() in _AFTER_ROLE:
        return False
    gap = re.match(r"[ \t]+", text[first.end() :])
    second = gap and _WORD_RE.match(text, first.end() + gap.end())
    if not second:
        return False
    key = second.group().casefold()
    return key not in _NOT_A_NAME and key not in _AFTER_ROLE
