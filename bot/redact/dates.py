"""Dates that could be a date of birth.

Only a full date with day, month and year ("12/03/1985", "3rd May 1990", "1990-05-03",
"1990/05/03", "1990.05.03" but not a version "2021.4.7"; and with the month named in any
enabled language: "3 marca 1984",
"15 мая 1982 г.", "3 de março de 1985", "۱۲ مارچ ۱۹۸۵"), or a day and month after a
birth cue in any enabled language, with any year or none ("born on 3 May", "DOB 12 Mar 88",
"urodziłam się 3 maja", "gimiau gegužės 3 d.", "জন্ম তারিখ ৩ মে").  Bare years, months with a year
("March 2024"), weekdays and "12/03" are kept: they are about the service
("waited since March 2024"), and "24/7" is not a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.redact.spans import Span, needs_any, needs_digits

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Month names in the other enabled languages, any case ending ("marca", "мая", "kovo",
# "martie", "de março", "مارچ", "মার্চ"): a full date is a full date in every language.
_MONTH_OTHER = (
    r"(?:stycz\w*|lut\w*|marc\w*|kwie\w*|maj\w*|czerw\w*|lip\w*|sierp\w*|wrze[sś]\w*|"
    r"pa[zź]dziern\w*|listopad\w*|grud\w*|"
    r"saus\w*|vasar\w*|kov\w*|baland\w*|gegu[zž]\w*|bir[zž]el\w*|liep\w*|rugpj\w*|rugs[eė]j\w*|"
    r"spal\w*|lapkri\w*|gruod\w*|"
    r"janv[aā]r\w*|febru[aā]r\w*|mart\w*|apr[iī]l\w*|maij\w*|j[uū]nij\w*|j[uū]lij\w*|"
    r"august\w*|septembr\w*|oktobr\w*|novembr\w*|decembr\w*|"
    r"ianuarie|februarie|martie|aprilie|mai|iunie|iulie|septembrie|octombrie|noiembrie|decembrie|"
    r"janeiro|fevereiro|mar[cç]o|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|"
    r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяе]|июн\w*|июл\w*|август\w*|сентябр\w*|"
    r"октябр\w*|ноябр\w*|декабр\w*|"
    r"janaayo|febraayo|maarso|abriil|maajo|juun|luulyo|ogost|sebtembar|oktoobar|nofembar|"
    r"diseembar|"
    r"يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|"
    r"ديسمبر|كانون\s+الثاني|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|أيلول|ايلول|"
    r"تشرين\s+الأول|تشرين\s+الثاني|كانون\s+الأول|"
    r"جنوری|فروری|مارچ|اپریل|مئی|جون|جولائی|اگست|ستمبر|اکتوبر|نومبر|دسمبر|"
    r"জানুয়ারি|ফেব্রুয়ারি|মার্চ|এপ্রিল|মে|জুন|জুলাই|আগস্ট|সেপ্টেম্বর|অক্টোবর|নভেম্বর|ডিসেম্বর|"
    r"જાન્યુઆરી|ફેબ્રુઆરી|માર્ચ|એપ્રિલ|મે|જૂન|જુલાઈ|ઓગસ્ટ|સપ્ટેમ્બર|ઓક્ટોબર|નવેમ્બર|ડિસેમ્બર|"
    r"ਜਨਵਰੀ|ਫ਼ਰਵਰੀ|ਫਰਵਰੀ|ਮਾਰਚ|ਅਪ੍ਰੈਲ|ਮਈ|ਜੂਨ|ਜੁਲਾਈ|ਅਗਸਤ|ਸਤੰਬਰ|ਅਕਤੂਬਰ|ਨਵੰਬਰ|ਦਸੰਬਰ|"
    # Arabizi, the Levantine and the Egyptian names ("mawlood fi 2 nisan 1994").
    r"kanun|kanoon|shbat|shubat|sh?ba6|adar|azar|nisan|naysan|ayar|7aziran|haziran|tammuz|tamuz|"
    r"aylul|ailul|eylul|tishreen|tishrin|teshreen|yanayer|yanayir|fibrayer|fabrayer|maris|mares|"
    r"abreel|mayu|yunyu|yonyo|yulyu|yolyo|aghostos|oghostos|ughustus|sebtember|oktober|nofember|"
    r"disember)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|-?(?:kii|dii|tii|aad|da|ka|ta))?"
"""A day, with its ordinal ending in English or Somali ("12-kii June 1962", "3-da March")."""
_ORDINAL_OTHER = r"(?:ই|রা|লা|শে|ঠা|-?(?:kii|dii|tii|aad|da|ka|ta))?"
"""Bengali ordinal endings glued to the day ("১২ই মার্চ", "৩রা এপ্রিল", "২১শে"), and Somali's."""
_YEAR = r"(?:19|20)\d{2}"
_FULL_DATE = re.compile(
    rf"\b{_DAY}(?:\s+of)?[\s-]+{_MONTH}[\s,-]+{_YEAR}\b"
    rf"|\b{_MONTH}\s+(?:the\s+)?{_DAY},?\s+{_YEAR}\b"
    # Arabic: the day as an ordinal word, "الثالث من مارس ١٩٩٠".
    rf"|(?<!\w)(?:ال)?(?:أول|اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر)\s+من\s+"
    rf"{_MONTH_OTHER}\s+{_YEAR}\b"
    r"|(?<![\d.,/:-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)?\d{2})(?![\d/.-]\d|\d)"
    r"|(?<![\w.,/:-])(?:19|20)\d{2}(?:([/-])(?:0?[1-9]|1[0-2])\5(?:[12]\d|3[01]|0?[1-9])"
    r"|\.(?:0[1-9]|1[0-2])\.(?:[12]\d|3[01]|0[1-9]))(?![\d/.-]\d|\d)",
    re.IGNORECASE,
)
_FULL_DATE_OTHER = re.compile(
    rf"(?<![\w.,/:-])(?:[12]\d|3[01]|0?[1-9]){_ORDINAL_OTHER}\.?(?:\s+de|-?(?:го|е|ого|go|ego))?[\s-]+"
    rf"{_MONTH_OTHER}"
    rf"(?:\s+de|\s*,)?[\s-]+(?:19|20)\d{{2}}(?!\d)(?:\s*(?:г\.|года?|m\.)(?!\w))?"
    rf"|(?<!\d)(?:19|20)\d{{2}}\s*(?:m\.|g\.|г\.|года?|metų)?\s+{_MONTH_OTHER}\s+"
    rf"(?:[12]\d|3[01]|0?[1-9])(?!\d)(?:\s*d\.)?"
    # Latvian: "1990. gada 5. aprīlis", "2011. g. 17. augustā".
    rf"|(?<!\d)(?:19|20)\d{{2}}\.?\s*(?:gada|g\.)\s+(?:[12]\d|3[01]|0?[1-9])\.\s*{_MONTH_OTHER}",
    re.IGNORECASE,
)
_YEAR_ANYWHERE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_BIRTH_CUE = (
    r"(?:born|d\.?o\.?b\.?|date\s+of\s+birth|birthday|"
    r"urodzi\w*|urodzin\w*|data\s+urodzenia|"
    r"родил\w*|рождени\w*|"
    r"gim\w*|dzim\w*|"
    r"n[aă]scut\w*|na[sș]terii|nasterii|"
    r"nasci\w*|anivers[aá]rio|"
    r"dhala\w*|dhashay|"
    r"مواليد|ميلاد\w*|ولدت|"
    r"پیدائش|پیدا|paidaish\w*|paidaesh|"
    r"জন্ম\w*|jonmo\w*|jonmodin|"
    r"ਜਨਮ\w*|જન્મ\w*|janam\w*|janm\w*)"
)
"""Words that say a date is a birth date, in every enabled language ("urodziłam się",
"дата рождения", "gimiau", "dzimšanas", "născută", "nasci", "dhashay", "تاريخ الميلاد",
"تاریخ پیدائش", "জন্ম তারিখ", "ਜਨਮ ਮਿਤੀ", "જન્મ તારીખ")."""
_ANY_MONTH = rf"(?:{_MONTH}|{_MONTH_OTHER})(?![^\W\d_])"
_BIRTH_DATE = re.compile(
    rf"(?<!\w){_BIRTH_CUE}(?:\W{{1,3}}[^\W\d]{{1,12}}){{0,3}}\W{{1,3}}"
    rf"((?:{_DAY}|(?:[12]\d|3[01]|0?[1-9])\.?)(?:\s+(?:of|de|-?го))?[\s-]+{_ANY_MONTH}"
    rf"(?:(?:\s+de|\s*,)?[\s-]+'?(?:(?:19|20)?\d{{2}})(?!\d)(?:\s*(?:г\.|года?|m\.))?)?"
    rf"|{_ANY_MONTH}\s+(?:{_DAY}|(?:[12]\d|3[01]|0?[1-9]))(?!\d)(?:\s*d\.)?"
    rf"(?:,?\s+'?(?:(?:19|20)?\d{{2}})(?!\d))?"
    r"|\d{1,2}[/.-]\d{1,2}(?:[/.-](?:19|20)?\d{2})?(?!\d)"
    # Spaced, as read off a card: "dob 12 03 89".
    r"|(?<!\d)(?:0?[1-9]|[12]\d|3[01]) (?:0?[1-9]|1[0-2]) (?:(?:19|20)\d{2}|\d{2})(?!\d)"
    # Written without separators, as on forms: "DOB 031188", "dob: 03111988".
    r"|(?<!\d)(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:(?:19|20)\d{2}|\d{2})(?!\d))",
    re.IGNORECASE,
)
"""A day and month, with any year or none, two digits included ("12 Mar 88"), after a
birth cue in any enabled language, a few words on ("born on the 3rd of May",
"urodziłam się 3 maja 88", "gimiau gegužės 3 d.")."""


_ORDINAL_YEAR = re.compile(r"\d{1,2}\.\s*[^\W\d_]+\s+(?:19|20)\d{2}")
"""A day with its dot, a month, a year (Latvian and Lithuanian write the year as an ordinal:
"5. februāris 1990.")."""


@needs_digits(1)
def dates(text: str) -> Iterator[Span]:
    for m in _FULL_DATE.finditer(text):
        if m.group(1) is not None:
            a, b = int(m.group(1)), int(m.group(3))
            # Day and month in either order (UK or US); both must be possible.
            if not (1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12):
                continue
        yield Span(m.start(), m.end(), "date")
    if _YEAR_ANYWHERE.search(text) is not None:  # most answers name no year: skip the scan
        for m in _FULL_DATE_OTHER.finditer(text):
            end = m.end()
            if _ORDINAL_YEAR.fullmatch(m.group()) and text[end : end + 1] == ".":
                end += 1  # Latvian "5. februāris 1990.": the year is an ordinal, its dot too
            yield Span(m.start(), end, "date")
    for m in _BIRTH_DATE.finditer(text):
        yield Span(m.start(1), m.end(1), "date")


_NUMBER_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\w+teenth|\w+tieth|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|hundred|thousand|"
    r"перв\w*|втор\w*|трет\w*|четв[её]рт\w*|пят\w*|шест\w*|седьм\w*|сем\w*|восьм\w*|восем\w*|"
    r"девят\w*|десят\w*|\w+надцат\w*|двадцат\w*|тридцат\w*|тысяч\w*|сорок\w*|девяност\w*|"
    r"одн\w*|один|два|две|три|четыре|двухтысячн\w*|"
    r"pierwsz\w*|drug\w*|trzec\w*|czwart\w*|pi[ąa]t\w*|sz[óo]st\w*|si[óo]dm\w*|[óo]sm\w*|"
    r"dziewi[ąa]t\w*|dziesi[ąa]t\w*|\w+nast\w*|dwudziest\w*|trzydziest\w*|tysi[ąa]c\w*|"
    r"dziewi[ęe][ćc]set\w*|osiemdziesi[ąa]t\w*|dziewi[ęe][ćc]dziesi[ąa]t\w*|"
    r"primeiro|dois|tr[êe]s|quatro|cinco|seis|sete|oito|nove|dez|onze|doze|treze|catorze|"
    r"quinze|deza\w+|deze\w+|vinte|trinta|mil|novecentos|oitenta|noventa|setenta|sessenta|"
    r"[îi]nt[âa]i|doi|dou[ăa]|trei|patru|cinci|[șs]ase|[șs]apte|opt|nou[ăa]|zece|\w+sprezece|"
    r"\w+zeci|mie|sute|"
    r"pirm\w*|antr\w*|tre[čc]\w*|ketvirt\w*|penkt\w*|[šs]e[šs]t\w*|septint\w*|a[šs]tunt\w*|"
    r"devint\w*|de[šs]imt\w*|t[ūu]kstan\w*|otr\w*|tre[šs]\w*|ceturt\w*|piekt\w*|sest\w*|"
    r"sept[īi]t\w*|astot\w*|dev[īi]t\w*|desmit\w*|t[ūu]ksto[šs]\w*)(?!\w)"
)
"""Numbers said as words, cardinal and ordinal, in English, Russian, Polish, Portuguese,
Romanian, Lithuanian and Latvian: the day and year of a birth date said in full."""
_NUMBER_RUN = rf"{_NUMBER_WORD}(?:[\s-]+(?:and\s+|e\s+|și\s+|si\s+|i\s+)?{_NUMBER_WORD}){{0,5}}"
_WORDED_BIRTH_DATE = re.compile(
    rf"(?<!\w){_BIRTH_CUE}(?:\W{{1,3}}[^\W\d]{{1,12}}){{0,3}}?\W{{1,3}}"
    rf"((?:(?:the|dia|on)\s+)?{_NUMBER_RUN}(?:\s+(?:of|de|-?го))?\s+{_ANY_MONTH}"
    rf"|{_ANY_MONTH}\s+(?:the\s+)?{_NUMBER_RUN})"
    rf"((?:,?\s+(?:de\s+|of\s+)?(?:{_NUMBER_RUN}|(?:19|20)\d{{2}}(?!\d)))?"
    rf"(?:\s+(?:года?|году|roku|rok|year|m\.|g\.|gada))?)",
    re.IGNORECASE,
)
"""A birth date said all in words, after a birth cue: "я родилась третьего марта девяностого
года", "born on the third of May nineteen ninety", "urodziłem się trzeciego maja"."""


@needs_any(
    *("born", "birth", "dob", "d.o.b", "urodz", "родил", "рожд", "gim", "dzim", "nasc", "născ"),
    *("nasterii", "naşterii", "nașterii", "dhal", "dhash", "aniversário", "aniversario"),
)
def worded_birth_dates(text: str) -> Iterator[Span]:
    """A birth date with no digit in it (``dates`` needs one): a day and month said in words."""
    for m in _WORDED_BIRTH_DATE.finditer(text):
        yield Span(m.start(1), m.end(2) if m.group(2) else m.end(1), "date")
