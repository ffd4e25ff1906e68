"""Where someone lives: street addresses and postcodes.

A street address is a house number next to a street word, in the word orders
of the enabled languages:

- number first ("7 Park Avenue", "Flat 2, 9 Mill Lane", "12a high street",
  and in other scripts "٧ پارک روڈ", "৭ পার্ক রোড"): one to three name words
  between the number and the street word.  Lower-case names count only before
  an unambiguous street word (road, street, lane…), so "the 12 step way" and
  "3 times a week" stay;
- street word first ("ul. Długa 5", "strada Mihai Eminescu nr. 12",
  "Rua das Flores, 45", "улица Ленина, д. 5", "شارع الملك ١٢", "Wadada Hodan 4");
- name, street word, number ("Gedimino g. 5", "Brīvības iela 12"), also with a
  house-number word ("Cedar Street, numero 7", "Stapleton Road lambarka 5").

The parts around it go with it, as one tag: flat, block, floor, building
("Block C, Flat 12, Tower Court", "bloc C, ap. 14", "شقة ٥، عمارة ب") and
South Asian house words with "number" ("makaan number 45", "H.No. 12, Gali No. 4").

A home named without a number (:func:`homes`) is taken only when a word says it
is the person's home ("I live near the Co-op on Milton Road", "main Ladypool
Road pe rehta hoon", "আমি ভ্যালেন্স রোডে থাকি"), or a house name comes with its
street ("Ivy Cottage, Church Lane").

A number range ("2-4 High St", a shop or a service's premises), a street
without a number and no home word ("the Co-op on Mill Road", "Change Grow Live
on Mill Road"), a hostel's or a service's street, and a town are kept: they
point at many people; so is an address followed by a service word ("4 Mill Lane
Surgery").  Postcodes are UK postcodes, whole ("CB2 1TN", "cb21tn").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.redact.names import _NOT_NAMES
from bot.redact.spans import END, MARKS, WORD, Span, needs_any, needs_digits, words

# Street words that follow the street's name.  The first group is never an everyday word.
_STREET_STRONG = (
    r"road|rd|street|st|lane|ln|avenue|ave|av|close|crescent|cres|drive|dr|gardens|gdns|"
    r"terrace|terr|grove|mews|boulevard|blvd|cul-de-sac|"
    r"روڈ|روڈ|رود|اسٹریٹ|سٹریٹ|لین|ایونیو|ستريت|لين|رود|افنيو|রোড|স্ট্রিট|লেন|এভিনিউ|রোডে|স্ট্রিটে|লেনে|"
    r"રોડ|સ્ટ્રીટ|લેન|એવન્યુ|ਰੋਡ|ਸਟ੍ਰੀਟ|ਸਟਰੀਟ|ਲੇਨ|ਐਵੇਨਿਊ|"
    # An English street written in Cyrillic, as Russian speakers here do ("Линкольн роуд 14").
    r"роуд|роад|стрит|стрийт|лейн|лэйн|авеню|клоуз|клоус|драйв|кресент|гарденс|террас|гроув|мьюз"
)
_STREET_WEAK = (
    r"way|walk|row|hill|place|pl|court|ct|square|sq|green|park|parade|rise|view|yard|gate|"
    r"end|field|fields|wharf|quay|estate|house|towers|heights|vale|mount|path|side|broadway|"
    r"parkway|promenade|embankment|approach|circus|market"
)
# Street words that come before the name (and the number after it).
_STREET_BEFORE = (
    r"ul\.|ulica|ulicy|ulicę|al\.|aleja|alei|os\.|osiedle|osiedlu|pl\.|plac|placu|"
    r"str\.|strada|strad[ae]|bd\.|bdul\.?|bulevardul|calea|aleea|șoseaua|soseaua|sos\.|"
    r"rua|r\.|avenida|av\.|travessa|tv\.|largo|praça|praca|estrada|beco|"
    r"ул\.|улица|улице|улицу|пр\.|пр-т|проспект|проспекте|пер\.|переулок|переулке|ш\.|шоссе|"
    r"б-р|бульвар|наб\.|набережная|"
    r"شارع|طريق|حي|گلی|سڑک|محلہ|গলি|সড়ক|রাস্তা|ગલી|શેરી|માર્ગ|ਗਲੀ|ਸੜਕ|"
    r"wadada|waddada|jidka|jid|degmada|xaafadda"
)
# Street words after the name in Lithuanian and Latvian ("Gedimino g. 5", "Brīvības iela 12").
_STREET_AFTER_NAME = (
    r"g\.|gatvė|gatvėje|gatve|pr\.|prospektas|al\.|alėja|iela|ielā|bulvāris|prospekts|gāte|aleja|"
    r"dambis|dambī|gatvē|šoseja|šosejā|laukums|laukumā|bulvārī|prospektā|skersgatvis|takas|plentas"
)

_NUMBER = r"\d{1,4}[A-Za-z]?(?![\d/.:-]\d)"
_BARE_NUMBER = r"\d{1,4}[A-Za-z]?"
_FLAT = (
    r"(?:\s*(?:/|-|m\.?|ap\.?|apt\.?|dz\.?|bt\.?|кв\.?|,\s*кв\.?|,\s*д\.)"
    r"\s*\d{1,4}[A-Za-z]?)?(?!\d)"
)
# What follows a street address inside the home: flat, floor, block, staircase, door side
# ("22 Oak Road, flat 4", ", 3rd floor", "nr. 23, bl. 4, sc. A, ap. 12", "17, 2º esq",
# "кв. 12", "شقة ٣").  Taken with the address: a flat number narrows it to one household.
_UNIT_WORD = (
    r"flat|apartment|apt|unit|floor|fl|room|m|mieszkanie|ap|apartament|bl|bloc|blocul|sc|"
    r"scara|et|etaj|etajul|andar|apto|dz|dzīvoklis|dzivoklis|butas|bt|кв|квартира|эт|этаж|"
    r"подъезд|корп|корпус|стр|شقة|شقه|طابق|الطابق|فلیٹ|فلیٹ_نمبر|منزل|ফ্ল্যাট|ફ્લેટ|ਫਲੈਟ|"
    r"guriga|dabaqa|qolka|aqal"
)
_ORDINAL = r"\d{1,2}\.?(?:º|ª|°|st|nd|rd|th|o|a|-?(?:й|я|ый|ой))\.?"
_TAIL = re.compile(
    rf"(?:\s*[,،]?\s*(?:(?:{_UNIT_WORD})\.?\s*(?:no\.?|nr\.?|№)?\s*[0-9]{{1,4}}[A-Za-z]?(?![\w])"
    rf"|(?:sc|scara|bl|bloc|blocul|block|entrance|корп|корпус)(?:\.\s*|\s+)[A-Za-z]\d{{0,2}}(?![\w])"
    # The number first, as Latvian and Lithuanian put it: ", 3. dzīvoklis", ", 5 butas".
    rf"|[0-9]{{1,4}}\.?\s*(?:dzīvoklis|dzivoklis|dzīvoklī|dzīv\.|butas|bute|bute\.)(?![\w])"
    rf"|{_ORDINAL}\s*(?:floor|andar|etaj|этаж|esq\w*|dto\w*|dt\w*|dir\w*)?\.?(?![\w])"
    rf"|(?:esq|dto|esquerdo|direito|frente|trás|tras)\.?(?![\w])))+",
    re.IGNORECASE,
)
_HOUSE_NO = (
    r"(?:(?:nr|no|n[º°o]|numer|numero|número|numărul|numarul|număr|numar|lambarka|lambar|nambar|"
    r"nomer|номер|д\.|дом|№|#|house|رقم|نمبر)\.?\s*)?"
)
_NAME = rf"{WORD}\.?"
_UNIT = (
    r"(?:(?:flat|apartment|apt|unit|room|mieszkanie|m\.|apartament|ap\.|apto|кв\.|квартира)"
    r"\.?\s*\d{1,4}[A-Za-z]?\s*[,/]?\s*)"
)
_NUMBER_FIRST = re.compile(
    rf"(?<![\w£$€.,/:-]){_UNIT}?(?P<num>{_NUMBER})[,،]?\s+(?P<names>(?:{_NAME}\s+){{1,3}})"
    rf"(?P<street>{_STREET_STRONG}|{_STREET_WEAK}){END}\.?",
    re.IGNORECASE,
)
_STREET_FIRST = re.compile(
    rf"(?<!\w)(?:{_STREET_BEFORE})\s*(?P<names>(?:{_NAME}[\s,،]+){{1,4}}?)\s*{_HOUSE_NO}"
    rf"{_BARE_NUMBER}{_FLAT}",
    re.IGNORECASE,
)
_NAME_STREET_NUMBER = re.compile(
    # Not after an apostrophe or hyphen either: tried at each letter of "o'o'o'…", the
    # name ran to the end every time (2,000 such characters took ~0.1 s).
    rf"(?<![\w'’-]){_NAME}\s+(?:{_STREET_AFTER_NAME})\s*{_HOUSE_NO}{_BARE_NUMBER}{_FLAT}",
    re.IGNORECASE,
)
_STREET_WEAK_TITLE = "|".join(w.capitalize() for w in _STREET_WEAK.split("|"))
"""A weak street word counts after a name only written with its capital ("Willow Court 3")."""
# An English street named before its number ("Mill Lane 14", "High Street 5a"), as people
# from countries that write the number last do: capitalised name words, a strong street word.
_NAME_STRONG_NUMBER = re.compile(
    rf"(?<!\w)(?P<names>(?:[A-ZА-ЯЁ][\w'’-]*\s+){{1,3}})(?P<street>(?i:{_STREET_STRONG})|{_STREET_WEAK_TITLE})"
    rf"\.?,?\s+{_HOUSE_NO}\d{{1,4}}[A-Za-z]?(?![\w.:]\w|/\d+[/.]|[\w{MARKS}]){_FLAT}",
)
_COUNT_AFTER = re.compile(
    r"\s*(?:times?|x|days?|nights?|weeks?|months?|years?|hours?|hrs?|mins?|minutes?|miles?|km|mph|"
    r"am|pm|o['’]?clock|people|quid|pounds?|%|to\b|of\b|-\s*\d|bus|buses|"
    r"раз[а]?|дн[яей]+|день|недел\w*|месяц\w*|час\w*|минут\w*|лет|год\w*|человек\w*|км|фунт\w*)\b",
    re.IGNORECASE,
)
"""What makes a number after a street a count, a time or a range ("down Mill Road 3 times")."""
# A flat on its own ("flat 3b", "mieszkanie nr 4", "кв. 12", "شقة ٣"): a flat number
# is one household.  Rooms and wards ("room 12", "Ward 7") are the service's and stay.
_FLAT_ALONE = re.compile(
    r"(?<!\w)(?:flat|apartment|apt|mieszkanie|mieszkania|mieszkaniu|apartament\w*|"
    r"apartamento|apto|квартир[аеуы]|кв\.|butas|bute|dzīvoklis|dzivoklis|dzīvoklī|"
    r"شقة|شقه|شقتي|فلیٹ|ফ্ল্যাট|ફ્લેટ|ਫਲੈਟ)"
    r"\.?\s*(?:no\.?|nr\.?|number|numer|№|#|رقم|نمبر)?\s*\d{1,4}[A-Za-z]?(?![\w/.,:]\d|\w)",
    re.IGNORECASE,
)
_FLAT_STEMS = (
    *words("flat apart apt mieszk кв butas bute dzīvok dzivok"),
    *words("شق فلیٹ ফ্ল্যাট ફ્લેટ ਫਲੈਟ"),
)
_NOT_STREET_NAMES = words(
    """
    a an the of to in on at for from my your our his her their this that each every per
    and or but with by into onto up down off out over under about days day weeks week
    times time hours hour minutes mins years year months month people men women kids
    miles mile steps step pills tablets cans bottles units pints bags quid pounds
    i me we you he she it they was were is are am be been have has had do did
    """
)
_SERVICE_AFTER = re.compile(
    r"[\s,]*(?:surgery|clinic|hub|centre|center|pharmacy|chemist|hospital|practice|office|"
    r"staff|team|service|services|project|recovery|health|medical|hostel|station|branch)\b",
    re.IGNORECASE,
)
"""A service's premises named by its address ("4 Mill Lane Surgery") is feedback, not a home."""
_STRONG = re.compile(rf"(?:{_STREET_STRONG})", re.IGNORECASE)


_BEFORE_ADDRESS = re.compile(
    r"(?:(?:flat|apartment|apt|unit|house|no|nr|number|numer|№|#|apartament\w*|apartamento|"
    r"mieszkani\w*|квартир\w*|кв|blocul|bloco|butas|dzīvoklis|شقة|فلیٹ|ফ্ল্যাট|ફ્લેટ|ਫਲੈਟ)"
    r"\.?\s*(?:\d{1,4}[A-Za-z]?"
    r"\s*[,/]?\s*)?|\d{1,4}[A-Za-z]?\s+)$",
    re.IGNORECASE,
)
"""What belongs to an address just before the part found: "No. 9 Forest Road", "Flat 6,
Oakwood Court", and the house number before the street word ("١٤ شارع ميل")."""


@needs_digits(1)
def addresses(text: str) -> Iterator[Span]:
    found = []
    for span in _addresses(text):
        tail = _TAIL.match(text, span.end)
        start = span.start
        before = _BEFORE_ADDRESS.search(text, max(0, start - 24), start)
        if before is not None and before.group().strip() and not before.group().startswith("no "):
            # (Portuguese "no" is "in the": "moro no 12 Station Road".)
            start = before.start()
        found.append(Span(start, tail.end() if tail else span.end, "address"))
    for m in _HOUSE_NUMBER.finditer(text):
        # "house # 12, street 5", "H.No. 12, Gali No. 4", "makan no 12 gali 4": a house
        # number with the street's or the lane's number after it (alone, it could be anything).
        if _parts_after(text, m.end()) > m.end():
            found.append(Span(m.start(), m.end(), "address"))
    for m in _NUMBER_THEN_STREET.finditer(text):
        # "casa nr 12, strada Mare", "منزل رقم ١٢، شارع كوفنتري": the house number first,
        # then the street named with its word before the name, as in those languages.  A
        # number alone before a street word is one only with a comma or a house word.
        if "," in m.group("sep") or "،" in m.group("sep") or m.start("num") > m.start():
            found.append(Span(m.start(), m.end(), "address"))
    for m in _NUMBER_NAME_FLAT.finditer(text):
        # "12 Westgate, 5 butas", "3 Millfield, flat 2": a street named without a street word,
        # which the flat after it says is a home.
        flat = _HOME_UNIT_AFTER.match(text, m.end())
        if flat is not None:
            tail = _TAIL.match(text, m.end())
            found.append(Span(m.start(), max(flat.end(), tail.end() if tail else 0), "address"))
    for m in _FLAT_NUMBER_NAME.finditer(text):
        found.append(Span(m.start(), m.end(), "address"))  # "Flat 2, 14 Eastgate, Wisbech"
    for m in _NUMBER_THE_STREET.finditer(text):
        # A home when said to be one or written as an address line ("4 The Crescent, Derby");
        # "2 The Green sessions" is a count of something named after a place.
        if _HOME_CUE.search(text, 0, m.start()) or re.match(r"\s*(?:[,.;!?]|$)", text[m.end() :]):
            found.append(Span(m.start(), m.end(), "address"))
    if _HOME_GATE.search(text.casefold()):
        found.extend(_numbered_after_cue(text, found))
    low = text.casefold()
    if any(stem in low for stem in _FLAT_STEMS):
        if _FLAT_ALONE.search(text):
            # "mieszkanie 3 w bloku przy Polnej 5": the flat said first, then the street
            # named without its street word and its house number, as after "na Długiej 5/3".
            found.extend(
                Span(m.start(), m.end(), "address") for m in _STREET_AFTER_FLAT.finditer(text)
            )
        for m in _FLAT_ALONE.finditer(text):
            inside = any(s.start < m.end() and m.start() < s.end for s in found)
            of = _OF_BUILDING.match(text, m.end())  # "flat 7 of Nelson Court"
            if of is not None and not inside:
                found.append(Span(m.start(), of.end(), "address"))
            elif not inside and not _COUNT_AFTER.match(text, m.end()):
                found.append(Span(m.start(), m.end(), "address"))
    for m in _HOUSE_THEN_STREET.finditer(text):
        # "дом 5 по улице Ленина", "namas 12, Gedimino gatvė", "māja 12, Brīvības iela":
        # the house word and number first, then the street with its street word.
        found.append(Span(m.start(), m.end(), "address"))
    for span in _joined(text, found):
        # A flat number alone ("we moved to flat 3b", "кв. 12") points at no one: every
        # town has a flat 3, and a room or a ward stays too (issue 12).  With a street, a
        # block or a building it is part of one address; beside a postcode, one home; and
        # with a building or street named further on in the sentence ("flat 3 in Ashdown
        # House on Mill Lane", "квартира 12 в доме 5"), it is hidden too.
        alone = _FLAT_ALONE.fullmatch(text, span.start, span.end) is not None
        if not alone or _POSTCODE_NEAR.match(text, span.end) or _building_near(text, span):
            yield span


_BUILDING = re.compile(
    rf"(?<![\w{MARKS}])(?:(?-i:[A-Z])[\w'’-]*[ \t]+(?:{_STREET_STRONG}|{_STREET_WEAK}|tower|"
    r"block|building|mansions|cottages)(?![\w{MARKS}])|"
    r"(?:block|blk|bloc|blocul|bloco|blok|bloku|building|дом|доме|дома|д\.|корпус|namas|"
    r"namo|māja|mājā|maja|casa|prédio|predio|edifício|edificio)[ \t]*(?:no\.?|nr\.?|№)?"
    r"[ \t]*(?:\d|(?-i:[A-Z])\b)|"
    rf"(?:{_STREET_BEFORE}|{_STREET_AFTER_NAME})(?![\w{MARKS}])|"
    r"(?:przy|na|на|pe)[ \t]+(?-i:[A-ZĄĆĘŁŃÓŚŹŻА-ЯЁ])"
    r")",
    re.IGNORECASE,
)
"""A building, a block or a street: named near a flat, they make it one home's address."""


def _building_near(text: str, span: Span) -> bool:
    """Whether a building or a street is named in the sentence of a flat, within 60
    characters of it ("flat 3 in Ashdown House", "dzīvoklis 3, māja 12, Brīvības iela")."""
    after = re.split(r"[.!?\n]", text[span.end : span.end + 60], maxsplit=1)[0]
    before = re.split(r"[.!?\n]", text[max(0, span.start - 60) : span.start])[-1]
    return _BUILDING.search(after) is not None or _BUILDING.search(before) is not None


_POSTCODE_NEAR = re.compile(
    r"[ \t]*[,،]?[ \t]*(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-HJKMNPR-Y\d]?[ \t]{0,3}\d"
    r"[ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)
"""A postcode right after a flat ("flat 2, B12 9AB"): the two together are one household."""


_HOUSE_NUMBER = re.compile(
    r"(?<![\w])(?:house|h\.?\s*no\.?|makan|makaan|mkan|ghar|basha|bari|বাড়ি|বাসা|মকান|মোকাম|"
    r"મકાન|ઘર|ਮਕਾਨ|ਘਰ|مکان|گھر|منزل|بيت)\s*(?:#|no\.?|nr\.?|number|nambar|nmbr|নং|নম্বর|"
    r"নাম্বার|નં\.?|નંબર|ਨੰ\.?|ਨੰਬਰ|نمبر|رقم)?\s*\d{1,4}[A-Za-z]?(?![\w/.:]\d|\w)",
    re.IGNORECASE,
)
_NUMBER_NAME_FLAT = re.compile(
    r"(?<![\w£$€.,/:-])\d{1,4}[A-Za-z]?\s+[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}(?=\s*,)"
)
"""A house number and a capitalised name, before a comma: an address if a flat follows."""
_HOME_UNIT = (
    r"flat|apartment|apt|mieszkanie|apartament|apartamento|apto|dzīvoklis|dzivoklis|butas|"
    r"квартира|кв|شقة|شقه|فلیٹ|ফ্ল্যাট|ફ્લેટ|ਫਲੈਟ"
)
_HOME_UNIT_AFTER = re.compile(
    rf"\s*[,،]\s*(?:(?:{_HOME_UNIT})\.?\s*(?:no\.?|nr\.?|№)?\s*\d{{1,4}}[A-Za-z]?"
    rf"|\d{{1,4}}[A-Za-z]?\.?\s*(?:{_HOME_UNIT}))(?![\w])",
    re.IGNORECASE,
)
"""A flat, not a room or a floor: "12 Westgate, 5 butas", "3 Millfield, flat 2"."""
_FLAT_NUMBER_NAME = re.compile(
    rf"(?<![\w])(?i:{_HOME_UNIT})\.?\s*(?i:no\.?|nr\.?|№)?\s*\d{{1,4}}[A-Za-z]?\s*,\s*"
    r"\d{1,4}[A-Za-z]?\s+[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}(?=\s*(?:[,.;!)]|$))"
)
"""A flat, then a house number and a street named without a street word."""
_NUMBER_THE_STREET = re.compile(
    rf"(?<![\w£$€.,/:-])\d{{1,4}}[A-Za-z]?,?\s+The\s+(?:{_STREET_WEAK_TITLE}|Crescent|Avenue|Close|"
    rf"Drive|Gardens|Terrace|Grove|Mews|Parade|Green|Square|Circus|Orchard|Paddock|Meadows|"
    rf"Spinney|Coppice|Chase|Glebe|Nook|Limes|Laurels|Willows|Firs|Elms|Oaks|Pines)(?![\w])"
)
"""A street named "The …" after the house number: "7 The Crescent", "2 The Green"."""


def homes(text: str) -> Iterator[Span]:
    """A home named without a house number (see :func:`_unnumbered`); runs after
    :func:`addresses`, whose finds it leaves to them."""
    if not _HOME_GATE.search(text.casefold()):
        return
    # Every pattern after needs a capitalised name before a street or house word, or a street
    # word in another script: most answers with "live" or "home" in them have neither.
    native = not text.isascii() and any(w in text for w in _NATIVE_STREET_WORDS)
    if native or _CAPITAL_THEN_STREET.search(text):
        yield from _joined(text, list(_unnumbered(text, [])))


_NATIVE_STREET_WORDS = tuple(
    words("اسٹریٹ سٹریٹ روڈ لین ایونیو রোড স্ট্রিট লেন এভিনিউ રોડ સ્ટ્રીટ લેન ਰੋਡ ਸਟ੍ਰੀਟ ਸਟਰੀਟ ਲੇਨ")
)
_CAPITAL_THEN_STREET = re.compile(
    rf"[A-Z][\w'’-]*\s+(?i:{_STREET_STRONG}|{_STREET_WEAK}|cottage|cottages|farm|lodge|barn|villa|"
    rf"manor|bungalow|house|mansions|towers)(?![\w{MARKS}])"
)


# One part of a home's address inside a building or an estate: "Block C", "flat 12", "bloc
# C", "Bloco B", "ap. 14", "عمارة ب", "گلی نمبر ٣", "house no. 7"; and a building or street
# named without a number ("Tower Court", "Church Lane", "گرین اسٹریٹ").
_PART_WORD = (
    r"flat|apartment|apt|unit|block|blk|bloc|blocul|bloco|blok|building|floor|house|"
    r"apartamentul|apartamento|mieszkania|квартиры|dzīvokļa|"
    r"mieszkanie|m|ap|apartament|apto|andar|dz|dzīvoklis|butas|bt|кв|квартира|корпус|корп|"
    r"подъезд|блок|этаж|شقة|شقه|عمارة|عماره|مبنى|بناية|طابق|بلاک|بلاك|فلیٹ|گلی|مکان|منزل|"
    r"ফ্ল্যাট|ব্লক|বাসা|বাড়ি|ફ્લેટ|બ્લોક|ਫਲੈਟ|ਬਲਾਕ|gali|galli|makaan|makan|ghar|basha|bari|"
    r"guriga|dabaqa|qolka|aqal|street|gali|galli|gully|sector|گلی_نمبر|road|"
    r"রোড|সড়ক|লেন|গলি|રોડ|ગલી|ਰੋਡ|ਗਲੀ|روڈ|سڑک|شارع"
)
_PART = re.compile(
    rf"(?:{_PART_WORD})(?:\.?\s*(?:no\.?|nr\.?|number|numer|nambar|№|#|رقم|نمبر|নম্বর|নং|નંબર|"
    rf"નં\.?|ਨੰਬਰ|ਨੰ\.?)?"
    rf"\s*\d{{1,4}}[A-Za-z]?|(?:\.\s*|\s+)(?-i:[A-Z])|\s+[\u0621-\u064A])(?![\w{MARKS}])",
    re.IGNORECASE,
)
_SEP = re.compile(r"[\s,،]*")
_BUILDINGS_SPELT = (
    r"হাউস|হাউজ|কোর্ট|টাওয়ার|ম্যানশন|હાઉસ|કોર્ટ|ટાવર|ਹਾਊਸ|ਹਾਉਸ|ਕੋਰਟ|ਟਾਵਰ|ہاؤس|ہاوس|کورٹ|ٹاور|"
    r"هاوس|كورت|تاور|хаус|корт|тауэр"
)
"""An English building's word ("House", "Court", "Tower") written in another script."""
_NAMED_PLACE = re.compile(
    rf"(?:[A-Z][\w'’-]*\s+){{1,3}}(?:(?i:{_STREET_STRONG})|{_STREET_WEAK_TITLE}|Tower|Towers|"
    rf"Building|Mansions|Lodge|Cottage|Cottages|Farm|Buildings)(?![\w{MARKS}])"
    rf"|(?:{WORD}\s+){{1,2}}(?:اسٹریٹ|سٹریٹ|روڈ|لین|ستريت|رود|لين|রোড|স্ট্রিট|লেন|રોડ|સ્ટ્રીટ|"
    rf"લેન|ਰੋਡ|ਸਟ੍ਰੀਟ|ਸਟਰੀਟ|ਲੇਨ|{_BUILDINGS_SPELT})(?![\w{MARKS}])"
)
_NAMED_BEFORE = re.compile(
    rf"(?<![\w{MARKS}'’])(?:(?:[A-Z][\w'’-]*\s+){{1,3}}(?:House|Court|Tower|Towers|Building|"
    rf"Buildings|Mansions|Lodge|Cottage|Cottages|Heights)|(?:{WORD}\s+){{1,2}}"
    rf"(?:{_BUILDINGS_SPELT}))(?![\w{MARKS}])[\s,،]+$"
)
"""A building named just before an address ("ফ্ল্যাট ১২, ব্রুনটন হাউস, ২৪ … রোড"): one more
part of the same home.  Not a street's weak word: "Kelly Hill, 14 Mill Lane" is a person
giving her address."""
_HOUSE_WORDS = (
    r"(?<![\w])(?:ghar|makaan|makan|mkan|basha|bari|bashay|house|مکان|گھر|বাসা|বাড়ি|ঘর|ઘર|મકાન|"
    r"ਘਰ|ਮਕਾਨ|منزل|بيت|dom|casa|casă|namas|māja|maja|дом|aqal)"
)
_NUMBER_WORD = (
    r"(?:no\.?|nr\.?|number|nambar|numer|numărul|numarul|număr|numar|numero|número|nomer|"
    r"номер|№|رقم|نمبر|নং|নম্বর|নাম্বার|નં\.?|નંબર|ਨੰ\.?|ਨੰਬਰ|lambarka)"
)
_HOUSE_WORD_BEFORE = re.compile(rf"{_HOUSE_WORDS}\s+{_NUMBER_WORD}\s*$", re.IGNORECASE)
_HOUSE_WORD_ALONE = re.compile(rf"{_HOUSE_WORDS}\s+$", re.IGNORECASE)
_NUMBER_WORD_AT = re.compile(_NUMBER_WORD, re.IGNORECASE)
"""A house word and "number" before the number, in romanised and native South Asian forms
("ghar no. 22", "مکان نمبر ١٢"); without "number" the house word stays ("ghar [address]")."""
_UPPER = "[A-ZĄĆĘŁŃÓŚŹŻĂÂÎȘȚÁÉÍÓÚÊÔÃÕÇĀČĒĢĪĶĻŅŠŪŽĖĮŲ]"
"""A capital that starts a street's name in the Latin-script languages enabled."""
_NUMBER_THEN_STREET = re.compile(
    rf"(?<![\w£$€.,/:-])(?:{_HOUSE_WORDS}\s*)?(?:{_NUMBER_WORD}\s*)?(?P<num>\d{{1,4}}[A-Za-z]?)"
    rf"(?P<sep>\s*[,،]\s*|\s+)(?:{_STREET_BEFORE})\s*{_NAME}"
    rf"(?:\s+(?-i:{_UPPER})[\w'’-]*){{0,2}}",
    re.IGNORECASE,
)


def _parts_after(text: str, end: int) -> int:
    """Where the parts after an address end: ", block C", ", Tower Court", ", gali 4"."""
    for _ in range(_MAX_PARTS):
        gap = _SEP.match(text, end)
        assert gap is not None
        part = gap.group() and (_PART.match(text, gap.end()) or _NAMED_PLACE.match(text, gap.end()))
        if not part:
            break
        end = part.end()
    return end


_MAX_PARTS = 6
"""Parts taken on each side of an address at most: a home has a flat, a floor, a block, a
building and an estate; more is a list, and the bound keeps bait messages cheap."""


def _joined(text: str, found: list[Span]) -> Iterator[Span]:
    """Addresses with the parts around them ("Block C, [Flat 12, Tower Court]"), touching
    parts as one: the block, the flat and the building together point at one home."""
    kept: list[Span] = []
    for span in found:  # the first find of a place wins, as between detectors
        if not any(span.start < k.end and k.start < span.end for k in kept):
            kept.append(span)
    spans: list[Span] = []
    for span in sorted(kept, key=lambda s: s.start):
        start, end = span.start, span.end
        if spans and start < spans[-1].end:
            spans[-1] = Span(spans[-1].start, max(end, spans[-1].end), "address")
            continue  # already inside the parts taken with the one before
        end = _parts_after(text, end)
        floor = spans[-1].end if spans else 0
        for _ in range(_MAX_PARTS):  # parts before: "Block C, ", "ghar no. "
            house = _HOUSE_WORD_BEFORE.search(text, max(floor, start - 16), start)
            if house is None and _NUMBER_WORD_AT.match(text, start):
                house = _HOUSE_WORD_ALONE.search(text, max(floor, start - 10), start)
            before = text[max(floor, start - 40) : start]
            part = _PART_BEFORE.search(before) or _NAMED_BEFORE.search(before)
            if house is not None and house.start() < start:
                start = house.start()
            elif part is not None and part.start() < len(before):
                start -= len(before) - part.start()
            else:
                break
        if spans and not text[spans[-1].end : start].strip(" ,،"):
            spans[-1] = Span(spans[-1].start, max(end, spans[-1].end), "address")
        else:
            spans.append(Span(start, end, "address"))
    yield from spans


_PART_BEFORE = re.compile(rf"(?<![\w{MARKS}'’])(?:{_PART.pattern})[\s,،]+$", re.IGNORECASE)

# Where someone lives, said without a house number: "I live near the Co-op on Milton Road",
# "we live at Rose Cottage, Church Lane", "mieszkam przy Lincoln Road".  Only after words
# that say it is the writer's home; "the Co-op on Milton Road" alone is a shop on a street.
_HOME_CUE = re.compile(
    r"(?<![\w])(?:(?-i:live|lives|lived|living)|stay|staying|stays|(?:my|our)\s+home|address|"
    r"(?:my|our)\s+(?:flat|house|place|room|bedsit)(?=\s+(?:is|was)\b|['’]s\b)|"
    r"mieszkam|mieszka|mieszkamy|adres|gyvenu|gyvena|adresas|dzīvoju|dzivoju|dzīvo|adrese|"
    r"locuiesc|locuim|stau|adresa|moro|moramos|morada|endereço|endereco|живу|живём|живем|"
    r"адрес|أسكن|اسكن|أعيش|ساكن|عنواني|عنوان|رہتا|رہتی|رہتے|پتہ|پتا|rehta|rehti|rehte|"
    r"থাকি|থাকে|ঠিকানা|thaki|રહું|રહીએ|સરનામું|rahu|ਰਹਿੰਦਾ|ਰਹਿੰਦੀ|ਪਤਾ|rehnda|rehndi|"
    r"degganahay|deggenahay|noolahay|cinwaan\w*|gurigaygu)(?![\w])",
    re.IGNORECASE,
)
_HOME_STEMS = (
    *words("liv stay home flat house place room bedsit cottage farm lodge villa manor bungalow"),
    *words("address mieszka adres gyven dzīvo dzivo locui stau moro"),
    *words("morada endere живу живём живем адрес سكن أعيش ساكن عنوان رہت پت reht থাক ঠিকানা"),
    *words("thaki રહ સરનામું rahu ਰਹਿ ਪਤਾ rehnd degg nool cinwaan guri"),
)
_HOME_GATE = re.compile("|".join(re.escape(stem) for stem in _HOME_STEMS))
_UNNUMBERED = re.compile(
    rf"(?:[A-Z][\w'’-]*\s+){{1,3}}(?:(?i:{_STREET_STRONG})|Cottage|Cottages|Farm|Lodge|House|"
    rf"Court|Mansions|Towers|Place|Gardens|Grove|Way|Walk|Row|Hill|Square|Green|Parade|Rise|"
    rf"View|Mount|Vale)(?![\w{MARKS}])"
)


_SERVICE_WORD = re.compile(
    r"\b(?:hostel|hub|clinic|centre|center|surgery|hospital|shelter|refuge|rehab|detox|project|"
    r"service|services|recovery|hope|salvation|mission|crisis|trust|foundation|church|mosque|"
    r"temple|gurdwara|mandir|prison|hmp|ward|unit|supported|housing|night|hotel|bnb|b&b|"
    r"travelodge|inn)\b",
    re.IGNORECASE,
)
"""A service between the home word and the street makes it the service's street: many
people stay at a hostel or a supported house ("Recovery House", "the hostel on Mill Road")."""


_NOT_HOME_AFTER = re.compile(
    r"\s+(?:sober|clean|strong|safe|well|positive|calm|away|off|focused|alive|awake|dry|"
    r"out|up|in\s+touch|on\s+track)\b",
    re.IGNORECASE,
)


# Verbs that end the sentence in Urdu, Punjabi, Gujarati, Bengali and Somali: the street comes
# before them ("main Mill Road pe rehta hoon", "আমি ব্রিক লেনে থাকি").
_VERB_LAST = re.compile(
    r"رہتا|رہتی|رہتے|rehta|rehti|rehte|rehnda|rehndi|ਰਹਿੰਦਾ|ਰਹਿੰਦੀ|રહું|રહીએ|rahu|থাকি|থাকে|thaki|"
    r"degganahay|deggenahay|noolahay",
    re.IGNORECASE,
)
_NATIVE_STREET = re.compile(
    rf"(?:{WORD}\s+){{1,2}}(?:اسٹریٹ|سٹریٹ|روڈ|لین|ایونیو|রোড|স্ট্রিট|লেন|এভিনিউ|રોડ|સ્ટ્રીટ|લેન|"
    rf"ਰੋਡ|ਸਟ੍ਰੀਟ|ਸਟਰੀਟ|ਲੇਨ)[{MARKS}]?(?![\w{MARKS}])"
)
"""A street named in Arabic script or an Indic one, with a case ending ("লেনে", "রোডে")."""
_HOUSE_NAME = re.compile(
    rf"(?<![\w])(?:[A-Z][\w'’-]*\s+){{1,2}}(?:Cottage|Farm|Lodge|Barn|Villa|Manor|Bungalow),"
    rf"\s*(?:[A-Z][\w'’-]*\s+){{1,3}}(?i:{_STREET_STRONG})(?![\w{MARKS}])"
)
"""A house name with its street ("Rose Cottage, Church Lane"): a home even unannounced.
"X House" is left out: offices and services have those ("Riverside House, Station Road")."""


def _unnumbered(text: str, found: list[Span]) -> Iterator[Span]:
    """A home's street or house name without a number, after a word saying it is the home."""
    for m in _HOUSE_NAME.finditer(text):
        if not any(w.casefold() in _NOT_STREET_NAMES for w in m.group().split()):
            yield Span(m.start(), m.end(), "address")
    for cue in _VERB_LAST.finditer(text):
        window = text[max(0, cue.start() - 50) : cue.start()]
        streets = list(_NATIVE_STREET.finditer(window)) if not window.isascii() else []
        streets = streets or list(_UNNUMBERED.finditer(window))
        if not streets or _SERVICE_WORD.search(streets[-1].group()):
            continue
        offset = cue.start() - len(window)
        start, end = offset + streets[-1].start(), offset + streets[-1].end()
        for w in re.finditer(r"\S+", streets[-1].group()):  # "আমি ব্রিক লেনে": not "I"
            if w.group().casefold() not in _NOT_NAMES | _NOT_STREET_NAMES:
                break
            start = offset + streets[-1].start() + w.end() + 1
        if start < end:
            yield Span(start, end, "address")
    for cue in _HOME_CUE.finditer(text):
        if _NOT_HOME_AFTER.match(text, cue.end()):
            continue  # "staying sober on Station Road is hard"
        stop = len(text)
        for mark in ".!?\n;":
            at = text.find(mark, cue.end())
            if at != -1:
                stop = min(stop, at)
        m = _UNNUMBERED.search(text, cue.end(), min(stop, cue.end() + 60))
        if m is None or any(s.start < m.end() and m.start() < s.end for s in found):
            continue
        if _SERVICE_AFTER.match(text, m.end()) or _SERVICE_WORD.search(text, cue.end(), m.end()):
            continue  # "I live near the Mill Road Surgery", "staying at the hostel on Mill Road"
        if any(w.casefold() in _NOT_STREET_NAMES | _NOT_NAME_START for w in m.group().split()):
            continue
        yield Span(m.start(), m.end(), "address")


_HOME_PREP = r"(?i:at|on|in|pe|la|în|na|w|we|przy|em|no|на|в|во|по|у|ant|prie|į|uz|pie|ku|ee|ka|of)"
"""Words between a home word and its street ("live at", "stau pe", "живу на")."""
_CAP = rf"{_UPPER}[\w'’-]*"
_AFTER_CUE = re.compile(
    rf"(?:\s*[:,\-–—]?\s*)(?:(?P<prep>{_HOME_PREP})\s+)?(?:"
    rf"(?P<num>\d{{1,4}}[A-Za-z]?)(?![\d/.:]\d),?\s+(?P<after>{_CAP}(?:\s+{_CAP})?)"
    rf"|(?P<before>{_CAP}(?:\s+{_CAP}){{0,2}}),?\s+"
    rf"(?P<no>(?:nr|no|n[º°o]|№|numer|număr|numar)\.?\s*)?"
    rf"(?P<num2>\d{{1,4}}[A-Za-z]?)(?![\w/.:]\w|[\w{MARKS}]){_FLAT})"
)
"""A home's street without a street word, straight after a word saying it is the home:
"I live at 33 Fishergate", "живу 33 Fishergate", "stau pe Green Lanes nr. 56"."""


_IN = words("in w we în в em i í")


def _numbered_after_cue(text: str, found: list[Span]) -> Iterator[Span]:
    """Streets named without a street word ("Fishergate", "Highgate", "Green Lanes") are
    many; a number with capitalised words is a home only right after a home word, and
    not a count ("living in London 10 years") or a service ("staying at Hope House 2")."""
    for cue in _HOME_CUE.finditer(text):
        if _NOT_HOME_AFTER.match(text, cue.end()):
            continue
        m = _AFTER_CUE.match(text, cue.end())
        if m is None or any(s.start < m.end() and m.start() < s.end for s in found):
            continue
        name = m.group("after") or m.group("before")
        prep = (m.group("prep") or "").casefold()
        if m.group("before") and prep in _IN and not m.group("no"):
            continue  # "I live in Zone 2"
        if any(w.casefold() in _NOT_STREET_NAMES | _NOT_NAME_START for w in name.split()):
            continue
        if _SERVICE_WORD.search(name) or _COUNT_AFTER.match(text, m.end()):
            continue
        if m.group("after") is not None and _COUNT_AFTER.match(text, m.end("num")):
            continue
        start = m.start("num") if m.group("num") else m.start("before")
        tail = _TAIL.match(text, m.end())
        yield Span(start, tail.end() if tail else m.end(), "address")


# A street named without its street word after "na"/"przy"/"на" and a house number with a flat
# ("na Długiej 5/3", "przy Polnej 4 m. 2", "на Ленина 5, кв. 3").  Without the flat the number
# may be anything ("na Boże Narodzenie 2 dni"), so the flat is required.
_BARE_STREET = re.compile(
    r"(?<![\w])(?:na|przy|на|ул)\s+(?P<name>[A-ZĄĆĘŁŃÓŚŹŻА-ЯЁ][\w-]+)\s+\d{1,4}[A-Za-zа-я]?"
    r"(?:\s*/\s*\d{1,4}[A-Za-z]?|\s+m\.?\s*\d{1,4}|\s*,?\s*(?:кв|квартира|д)\.?\s*\d{1,4})(?!\d)",
)
_OF_BUILDING = re.compile(
    rf"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*[ \t]+(?i:{_STREET_STRONG}|{_STREET_WEAK}|tower|"
    r"towers|mansions|block|building|cottages)(?![\w])"
)
"""A flat of a building ("flat 7 of Nelson Court"): "of" is no count here ("3 of them")."""
_HOUSE_THEN_STREET = re.compile(
    r"(?<![\w])(?i:дом|д\.|namas|namo|māja|maja|casa|house)[ \t]*(?i:no\.?|nr\.?|№)?[ \t]*"
    r"\d{1,4}[A-Za-zа-я]?(?![\d\w])[ \t]*,?[ \t]*(?i:по[ \t]+)?"
    rf"(?:(?i:{_STREET_BEFORE})[ \t]+[A-ZĄĆĘŁŃÓŚŹŻА-ЯЁĀ-Ž][\w-]+"
    rf"|[A-ZĄĆĘŁŃÓŚŹŻА-ЯЁĀ-Ž][\w-]+[ \t]+(?i:{_STREET_AFTER_NAME}|{_STREET_STRONG})(?![\w]))",
)
"""A house word and number, then the street ("дом 5 по улице Ленина", "māja 12, Brīvības
iela"): together one home."""
_STREET_AFTER_FLAT = re.compile(
    r"(?<![\w])(?:na|przy|на|ул)\s+[A-ZĄĆĘŁŃÓŚŹŻА-ЯЁ][\w-]+\s+\d{1,4}[A-Za-zа-я]?(?![\d\w])"
    r"(?!\s*(?:dni|dzień|dzien|tygodn\w*|lat|razy|godzin\w*|minut\w*|zł|дн\w*|раз\w*|лет|"
    r"год\w*|час\w*|минут\w*|недел\w*|руб\w*)\b)"
)
"""A street without its street word and its house number, where a flat is named."""
# The house number before a street word that comes first in Arabic, Urdu and the Indic
# scripts ("٧ طريق المطحنة", "۱۲ گلی نمبر ۳" is a lane): one or two name words after it.
_NUMBER_STREET_WORD = re.compile(
    rf"(?<![\w.,/:-])\d{{1,4}}[A-Za-z]?\s+(?:شارع|طريق|گلی|سڑک|গলি|সড়ক|ગલી|શેરી|ਗਲੀ|ਸੜਕ)"
    rf"(?:\s+{WORD}){{1,2}}",
)
_CONNECTORS = words("do da das dos de del la")
"""Words inside a street's name after its street word ("Rua do Carmo", "strada de la")."""


def _addresses(text: str) -> Iterator[Span]:
    for m in _NUMBER_FIRST.finditer(text):
        words = m.group("names").split()
        if any(w.casefold() in _NOT_STREET_NAMES for w in words):
            continue
        strong = _STRONG.fullmatch(m.group("street")) is not None
        named = all(not w[0].islower() for w in words) and m.group("street")[0].isupper()
        if (strong or named) and not _SERVICE_AFTER.match(text, m.end()):
            yield Span(m.start(), m.end(), "address")
    if "/" in text or "m." in text or " m " in text or "кв" in text or "д." in text:
        for m in _BARE_STREET.finditer(text):
            yield Span(m.start("name"), m.end(), "address")
    for m in _NUMBER_STREET_WORD.finditer(text) if not text.isascii() else ():
        yield Span(m.start(), m.end(), "address")
    for pattern in (_STREET_FIRST, _NAME_STREET_NUMBER):
        for m in pattern.finditer(text):
            if _SERVICE_AFTER.match(text, m.end()):
                continue
            names = m.groupdict().get("names")
            if names is not None and any(
                w.casefold() in _NOT_STREET_NAMES and w.casefold() not in _CONNECTORS
                for w in names.replace(",", " ").split()
            ):
                continue
            yield Span(m.start(), m.end(), "address")
    for m in _NAME_STRONG_NUMBER.finditer(text):
        # The name is the words after the last that cannot be part of one ("I Live On Mill
        # Lane 14": "Mill").
        start = m.start()
        for w in re.finditer(r"\S+", m.group("names")):
            key = w.group().casefold()
            if key in _NOT_STREET_NAMES or key in _NOT_NAME_START:
                start = m.start("names") + w.end()
        start += len(text[start : m.start("street")]) - len(
            text[start : m.start("street")].lstrip()
        )
        if start >= m.start("street"):
            continue
        if not _COUNT_AFTER.match(text, m.end()) and not _SERVICE_AFTER.match(text, m.end()):
            yield Span(start, m.end(), "address")


_NOT_NAME_START = words("i im i'm on in at to from near by off down up along via live living moved")
"""Words that start a sentence before a street ("On Mill Road 5 of us"), not its name."""


_POSTCODE = re.compile(
    # Up to three spaces or tabs in the middle: "PE1  2RR" typed with two, or aligned.
    r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-HJKMNPR-Y\d]?[ \t]{0,3}\d[ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)
_ORDINAL_END = re.compile(r"\s\d(?:st|nd|rd|th)$")


_ARABIZI_WORD = re.compile(
    r"(?<![\w])(?:[a-z]*[a-z][2356789][a-z]+\w*|[2356789][a-z]{2,}\w*|[a-z]{2,}[2356789])(?![\w])"
)
"""A word of Arabizi ("ma3e", "3al", "sa3a", "t2a5ar"): letters with the digits that stand for
Arabic sounds.  In a message written so, a lower-case "m3a6al" is a word, not a postcode."""


@needs_digits(1)
def postcodes(text: str) -> Iterator[Span]:
    for m in _POSTCODE.finditer(text):
        # "room B2 2nd floor": a lower-case ordinal after a space is not an inward code.
        if _ORDINAL_END.search(m.group()):
            continue
        if m.group().islower() and _arabizi_around(text, m.start(), m.end()):
            continue  # "el bas t2a5ar w kont": "t2a5ar" (was late) in Arabizi
        yield Span(m.start(), m.end(), "postcode")


def _arabizi_around(text: str, start: int, end: int) -> bool:
    """Whether the message, outside ``start:end``, holds a word of Arabizi."""
    return any(not (start <= w.start() < end) for w in _ARABIZI_WORD.finditer(text))


_POSTCODE_CUE = re.compile(
    r"(?<![\w])(?:post\s*code|postcode|postal\s+code|kod\s+pocztowy|kodu\s+pocztowego|"
    r"(?:почтовый\s+)?индекс|código\s+postal|codigo\s+postal|cod(?:ul)?\s+po[șs]tal|"
    r"pašto\s+kodas|pasto\s+kodas|pasta\s+indekss|koodhka\s+boostada|"
    r"پوسٹ\s*کوڈ|الرمز\s+البريدي|بوست\s*كود|পোস্ট\s*কোড|પોસ્ટ\s*કોડ|ਪੋਸਟ\s*ਕੋਡ)"
    r"(?:\s*(?:is|:|-|–|jest|to|é|e|este|yra|ir|waa|hai|ہے|ہے:|—))*\s*",
    re.IGNORECASE,
)
""""Postcode" in the enabled languages, and the words before the code it names."""
_LOOSE_TOKEN = re.compile(r"[A-Za-z0-9]+")
_LOOSE_GAP = re.compile(r"[ \t]*[,.\-][ \t]*|[ \t]+")
_SAID_DIGITS = {
    w: str(d)
    for d, spellings in enumerate(
        ("zero nought", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    )
    for w in spellings.split()
}
"""Digits said in a postcode ("LS one four AB"): the English words; "o" and "oh" are left
as letters."""
_POSTCODE_WHOLE = re.compile(
    r"(?:GIR0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-HJKMNPR-Y\d]?\d[ABD-HJLNP-UW-Z]{2})", re.IGNORECASE
)


@needs_any(
    "post",
    "kod",
    "индекс",
    "postal",
    "poștal",
    "pašto",
    "pasto",
    "pasta",
    "boostada",
    "پوسٹ",
    "البريدي",
    "بوست",
    "পোস্ট",
    "પોસ્ટ",
    "ਪੋਸਟ",
)
def loose_postcodes(text: str) -> Iterator[Span]:
    """A postcode typed loosely after "postcode": letters spaced ("l s 1 4 a b"), its halves
    split by a comma ("LS1, 4AB"), or digits said ("LS one four AB").  Read as one, after
    the word that says a postcode comes, it is one; the tidy form is :func:`postcodes`'."""
    for cue in _POSTCODE_CUE.finditer(text):
        pos, compact, start, end = cue.end(), "", -1, -1
        for _ in range(8):
            m = _LOOSE_TOKEN.match(text, pos)
            if m is None:
                break
            word = m.group()
            compact += _SAID_DIGITS.get(word.casefold(), word)
            if len(compact) > 7:
                break
            if start < 0:
                start = m.start()
            if _POSTCODE_WHOLE.fullmatch(compact):
                end = m.end()
            gap = _LOOSE_GAP.match(text, m.end())
            if gap is None:
                break
            pos = gap.end()
        if end > start >= 0:
            yield Span(start, end, "postcode")
