"""Numbers that identify a person: phone, NHS, card, bank, prison and NI numbers.

- Phone numbers are found by libphonenumber (``phonenumbers``), which knows
  every country's lengths and formats, national and international, with any
  spacing ("0 7 9 1 1 …"), dots, dashes and brackets.  It runs only on text
  holding at least seven digits (most answers hold none), and its finds are
  kept when they are plausible: international (+ or 00) and possible;
  national with the trunk 0 and a possible UK length (fictional and mistyped
  numbers still identify); or, without a prefix, valid in the UK or in a
  country whose language the bot speaks (a Polish "512 345 678"), or possible
  after a word such as "number" or "call".  Kept: helplines (``HELPLINES``
  and the configured ones), UK freephone, 03, 084/087 and premium numbers
  (organisations' lines, not people's), and numbers after "order", "ref",
  "case"… (references).  Two things the library does not do are done by
  hand: separators it does not accept ("07911_123_456") are read as spaces,
  and the cue words, which it has no notion of.
- NHS numbers: ten digits (optionally 3-3-4) whose mod-11 check digit is
  right, also when the first is 0 (unless a phone word comes just before), or any
  ten digits right after the words "NHS number", in any grouping ("943.476.5919").
- Card numbers: 13 to 19 digits passing the Luhn check, or any after a card word.
- Bank details: an eight-digit account number next to a sort code (12-34-56),
  an account number after "account" in any language, and IBANs whose mod-97
  check holds.  The sort code itself stays: a branch, not a person.
- UK prison numbers: one letter, four digits, two letters (A1234BC).
- NI numbers: two letters, six digits, A to D.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, cached_property
from itertools import pairwise
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber

from bot.redact.spans import (
    KEEP,
    MARKS,
    Span,
    digit_count,
    digits,
    needs_any,
    needs_digits,
    spans,
    words,
)

HELPLINES = ("999", "112", "111", "116 123", "116 111", "0300 123 6600", "0808 2000 247")
"""National helplines people name in feedback; never redacted."""

_REGIONS = ("PL", "LT", "LV", "RO", "PT", "RU", "PK", "IN", "BD", "SO", "BR")
"""Countries of the enabled languages, for numbers written in national form without a prefix
(Brazil: Portuguese speakers here are from Brazil as often as from Portugal)."""

_PHONE_CUE = re.compile(
    r"(?<!\w)(?:phone|mobile|number|numer|nr|no|tel|cell|call|ring|text|whats ?app|viber|signal|"
    r"contact|reach|telefon\w*|număr\w*|numar\w*|número|numero|telemóvel|telemovel|"
    r"номер\w*|телефон\w*|звон\w*|tālr\w*|numurs|numeris|zadzwo\w*|sună|suna|ligue|"
    r"رقم\w*|هاتف\w*|اتصل|نمبر|فون|নম্বর|ফোন|નંબર|ફોન|ਨੰਬਰ|ਫ਼ੋਨ|ਫੋਨ|lambar\w*|taleefan\w*|wac|"
    r"zvan\w*|zvaniet|tālr\w*|talr\w*|skambin\w*|mobil\w*|celular|liga\w*|zadzwo\w*|dzwo\w*|"
    r"sun[aă]\w*|позвон\w*|моб\w*|سیل|موبائل|موبايل|جوال|মোবাইল|ਮੋਬਾਈਲ|મોબાઇલ)"
    r"\W{0,3}(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)
_NOT_PHONE_CUE = re.compile(
    r"(?<!\w)(?:ref|reference|order|ticket|case|booking|tracking|invoice|policy|claim|crime|"
    r"serial|pin|batch|lot|receipt|transaction|membership|patient|hospital|nhs|prescription|"
    # The same in the other enabled languages and scripts ("numer sprawy", "номер дела",
    # "کیس نمبر", "কেস নম্বর", "રેફરન્સ", "رقم الملف").
    r"sprawy|zamówienia|zamowienia|rezerwacji|recepty|faktury|referencyjny|"
    r"дела|заказа|заявки|полиса|рецепта|обращения|"
    r"dosar\w*|comenzii|referin[țt][ăa]|cazului|re[țt]etei|"
    r"processo|pedido|refer[êe]ncia|encomenda|utente|receita|"
    r"bylos|užsakymo|uzsakymo|recepto|lietas|pasūtījuma|pasutijuma|receptes|"
    r"kiiska|dalabka|tixraaca|"
    r"(?:[وب]?ال)?(?:قضية|ملف|طلب|مرجع|حجز|وصفة|حالة)|کیس|ریفرنس|آرڈر|"
    r"কেস|রেফারেন্স|অর্ডার|કેસ|રેફરન્સ|ઓર્ડર|ਕੇਸ|ਰੈਫਰੈਂਸ|ਆਰਡਰ)\W{0,3}"
    r"(?:no|number|num|nr|id|code|نمبر|রেফ|নম্বর|নং|નંબર|નં|ਨੰਬਰ|ਨੰ|رقم|رقمه|رقمها)?\W{0,3}"
    r"(?:is\W{1,3})?$",
    re.IGNORECASE,
)
"""Words before a number that make it a reference, not a phone ("order number 123456789"),
in every enabled language: a case, an order, a booking or a prescription has a number that
a phone finder reads as a Bangladeshi or Polish landline."""
_ODD_SEPARATORS = str.maketrans("_*|~·•", "      ")
_LIBRARY_LIMIT = 12
"""Numbers judged by libphonenumber in one message (each costs ~0.1-1 ms); then by length."""
_LIBRARY_TRIES = 60
"""Candidates the matcher may try: it tries hundreds of splits of one long run of digits."""
_FOREIGN_LIMIT = 4
"""Runs tried in every enabled language's country (ten parses each) in one message."""
_PHONE_LIKE = re.compile(r"\d(?:(?:[^\w\n]|_){0,3}\d){6,}")
_LINE_BREAK_IN_DIGITS = re.compile(
    r"(?<=\d{3})[ \t]*(?:\r\n|[\n\r\v\f\x85\u2028\u2029])[ \t]*(?=\d{3})"
)
"""A line break between two groups of three digits or more: not one between the lines of a
list of small numbers ("7\\n8\\n9\\n10")."""
_DIGIT_COLUMN = re.compile(r"(?<![\d+])\+?0[ \t]*(?:\r?\n[ \t]*\d[ \t]*){8,13}(?![^\r\n])")
"""A phone typed one digit a line ("0\\n7\\n9…"), from 0 or +: a list of small numbers
("7\\n8\\n10") does not start from 0 and has numbers of two digits."""
_SMALL_LIST = re.compile(r"[1-9]\d?(?:(?:\s*,\s*|\s+)[1-9]?\d){4,}")
"""Five or more numbers of one or two digits, not from 0 ("scores: 7 8 9 10 10 9 8"): marks
or counts.  A phone typed in pairs or singly starts from 0 or +, or has no two-digit number
among single ones."""


def _a_list(raw: str) -> bool:
    """Whether a run of digits is a list of small numbers, not a phone."""
    if _SMALL_LIST.fullmatch(raw.strip()) is None:
        return False
    sizes = {len(n) for n in re.findall(r"\d+", raw)}
    return sizes == {1, 2}


_LETTER_DIGITS = re.compile(r"(?<![^\W\d_])[OoIlОоΟοІі]+(?=\d)|(?<=\d)[OoIlОоΟοІі]+(?![^\W\d_])")
_AS_DIGIT = str.maketrans(dict.fromkeys("OoОоΟο", "0") | dict.fromkeys("IlІі", "1"))
"""Letters typed for the digits they look like, Latin, Cyrillic or Greek ("О7911 l23456")."""


def _scan(text: str) -> str:
    """``text`` as the phone finders read it, every character where it was typed.

    Separators the library does not accept become spaces; a line break between two groups
    of digits is a space ("07911\n123456": a number typed over two lines, or pasted from a
    list, so that no filter reading one line sees it whole); and a letter O, o, I or l
    standing in a run of digits is the digit it looks like ("O7911 l23456"), as people type
    a number to get past a filter, two together too ("077OO 9OO 123").  The length never
    changes, so spans map back as found.
    """
    scan = text.translate(_ODD_SEPARATORS)
    if "\n" in scan or "\r" in scan or "\u2028" in scan:
        scan = _LINE_BREAK_IN_DIGITS.sub(lambda m: " " * len(m.group()), scan)
        scan = _DIGIT_COLUMN.sub(lambda m: re.sub(r"[\r\n]", " ", m.group()), scan)
    return _LETTER_DIGITS.sub(lambda m: m.group().translate(_AS_DIGIT), scan)


_DIGIT_RUN = re.compile(r"(?<![\w+])\d(?:[ .\-/()]{0,2}\d){7,14}(?![\w])")
_EXTENSION = re.compile(r"\s*(?:ext|extn|extension|x|#)\.?\s*\d{1,5}$", re.IGNORECASE)


@cache
def pn() -> ModuleType:
    """libphonenumber, imported on first use: its import costs ~0.1 s at every start-up."""
    import phonenumbers

    return phonenumbers


@cache
def _mobile() -> tuple[object, ...]:
    kinds = pn().PhoneNumberType
    return (kinds.MOBILE, kinds.FIXED_LINE_OR_MOBILE)


def _freephone(number: PhoneNumber) -> bool:
    """Freephone, shared-cost, premium or national-rate: a line organisations rent."""
    kinds = pn().PhoneNumberType
    kind = pn().number_type(number)
    return kind in (kinds.TOLL_FREE, kinds.UAN, kinds.SHARED_COST, kinds.PREMIUM_RATE)


def _organisation(number: PhoneNumber) -> bool:
    """A UK freephone, 03, 084/087 or premium number: an organisation's line, not a person's."""
    return number.country_code == 44 and _freephone(number)


_PK_LAYOUT = re.compile(r"\(?0\d{3}\)?[\s.-]\d{7}")
_PK_CONTEXT = re.compile(
    r"[\u0600-\u06ff]|\bpak(?:istan\w*)?\b|\bpk\b"
    # Romanised Urdu and Punjabi: "mera number 03001234567 hai".
    r"|\b(?:mera|meri|mere|hai|hain|mujhe|mujhay|aap|apka|apna|karo|kren|krein|wala|wali)\b",
    re.IGNORECASE,
)


def _pakistani_mobile(raw: str, text: str) -> bool:
    """A Pakistani mobile that is also a UK 03 number ("0300-1234567").

    UK 03 lines are organisations' and kept, but Pakistan's mobiles (03xx) share the
    digits.  Written 4-7 ("0300-1234567", never the UK 0300 123 4567), or unspaced in a
    message in Arabic script or naming Pakistan, it is a person's phone.
    """
    try:
        number = pn().parse(raw, "PK")
    except pn().NumberParseException:
        return False
    if not pn().is_valid_number(number) or pn().number_type(number) not in _mobile():
        return False
    if _PK_LAYOUT.fullmatch(raw.strip()):
        return True
    return len(digits(raw)) == 11 and _PK_CONTEXT.search(text) is not None


_INDIAN_LAYOUT = re.compile(r"0?[6-9]\d{4}[\s.-]\d{5}|0?[6-9]\d{3}[\s.-]\d{6}")
_UK_LAYOUT = re.compile(r"\(?0\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}")


def _indian_mobile(raw: str, number: PhoneNumber) -> bool:
    """An Indian mobile with its trunk 0 that is also a UK 08/09 number ("098140 12345").

    UK 09 lines are premium rate and 08 shared cost or free: organisations', kept.  Indian
    mobiles (6-9 after the 0) share the digits.  A premium-rate reading not written the UK way
    (0906 123 4567) is taken as the Indian mobile (people do not give premium lines in
    feedback); an 08 one only in the Indian layout, five and five ("081234 56789").
    """
    try:
        local = pn().parse(raw, "IN")
    except pn().NumberParseException:
        return False
    if not pn().is_valid_number(local) or pn().number_type(local) not in _mobile():
        return False
    compact = raw.strip().lstrip("(")
    if pn().number_type(number) == pn().PhoneNumberType.PREMIUM_RATE:
        return _UK_LAYOUT.fullmatch(compact) is None
    return _INDIAN_LAYOUT.fullmatch(compact) is not None


def _national(number: str) -> str:
    try:
        return str(pn().parse(number, "GB").national_number)
    except pn().NumberParseException:
        return digits(number)


_UK_MOBILE = re.compile(r"(?:0|\+?44|0044)7\d{9}")


def _uk_mobile(raw: str) -> bool:
    """A UK mobile ("07911 123456", "+44 7911 123456"): no reference is shaped so, and a
    mobile after "case" or "ملف" is still someone's ("my case worker's: 07911 …")."""
    return (
        _UK_MOBILE.fullmatch(digits(raw) if not raw.lstrip().startswith("+") else "+" + digits(raw))
        is not None
    )


class PhoneFinder:
    """Phone numbers in folded text, except helplines."""

    min_digits = 7

    def __init__(self, keep: Iterable[str] = ()) -> None:
        self._keep_numbers = (*HELPLINES, *keep)

    @cached_property
    def _keep(self) -> frozenset[str]:
        """National numbers of the helplines, worked out on first use."""
        return frozenset(_national(n) for n in self._keep_numbers)

    def __call__(self, text: str) -> Iterator[Span]:
        scan = _scan(text)
        if _PHONE_LIKE.search(scan) is None:
            return  # seven digits in total, but no run of them ("£1,200 in 2019, 45 days")
        found: list[tuple[int, int]] = []
        judged: list[tuple[int, int]] = []
        rest = len(scan)
        matcher = pn().PhoneNumberMatcher(
            scan, "GB", leniency=pn().Leniency.POSSIBLE, max_tries=_LIBRARY_TRIES
        )
        for count, match in enumerate(matcher):
            if count == _LIBRARY_LIMIT:
                rest = match.start
                break
            judged.append((match.start, match.end))
            # The extension is not part of the number ("01223 496 000 ext 12").
            raw = _EXTENSION.sub("", match.raw_string)
            if str(match.number.national_number) in self._keep:
                continue
            if (
                _organisation(match.number)
                and not _pakistani_mobile(raw, text)
                and not _indian_mobile(raw, match.number)
            ):
                continue
            before = text[max(0, match.start - 40) : match.start]
            if (_NOT_PHONE_CUE.search(before) and not _uk_mobile(raw)) or _a_list(raw):
                continue
            if self._plausible(raw, match.number, before):
                found.append((match.start, match.start + len(raw)))
        # Numbers in another country's national form that are no possible UK number
        # ("8 912 345 67 89", Russian trunk 8): the library judges each run in those countries.
        asked = 0
        for m in _DIGIT_RUN.finditer(scan):
            inside = [(a, b) for a, b in judged if m.start() < b and a < m.end()]
            if inside and not (m.start() < min(inside)[0] and m.end() >= max(b for _, b in inside)):
                continue
            # A run the library cut short ("8 916 123-45-67": it saw "123-45-67") is judged
            # whole, and its part is dropped if the whole is a number.
            if _national(m.group()) in self._keep:
                continue
            before = text[max(0, m.start() - 40) : m.start()]
            if _NOT_PHONE_CUE.search(before) or _a_list(m.group()):
                continue
            count = len(digits(m.group()))
            if m.start() >= rest or asked >= _FOREIGN_LIMIT:
                # A message made of dozens of numbers: past the limit, judge by length alone,
                # so a crafted message cannot hold the bot for a second.
                if 9 <= count <= 15:
                    found.append((m.start(), m.end()))
                continue
            asked += 1
            if self._foreign(m.group(), count, bool(_PHONE_CUE.search(before))):
                # An area code in brackets starts the number: "(11) 98765-4321".
                start = m.start() - 1 if scan[m.start() - 1 : m.start()] == "(" else m.start()
                start = start if ")" in m.group() else m.start()
                found = [(a, b) for a, b in found if not (start <= a and b <= m.end())]
                found.append((start, m.end()))
        for start, end in found:
            yield Span(start, end, "phone")

    def split_by_a_word(self, text: str) -> Iterator[Span]:
        """A phone said in two parts with "then" or "and" between (:data:`_SPLIT_PHONE`),
        after a phone word; a helpline so said stays."""
        if digit_count(text) < 10:
            return
        for m in _SPLIT_PHONE.finditer(text):
            first = digits(m.group("a"))
            # The parts' digits, not a digit in the words between ("last 6 are 123456").
            joined = first + "".join(digits(p) for p in _SPLIT_PART.findall(m.group("b")))
            plus = m.group("a").startswith("+")
            if not (plus or first.startswith(("0", "8"))) or not 10 <= len(joined) <= 13:
                continue
            if not _PHONE_CUE.search(text[max(0, m.start() - 40) : m.start()]):
                continue  # only after a phone word: "paid 0300 then 1234567" is no number
            number = ("+" if plus else "") + joined
            if number.startswith("0") and len(number) in (10, 11):
                try:
                    ok = pn().is_possible_number(pn().parse(number, "GB"))
                except pn().NumberParseException:
                    ok = False
            else:
                ok = PhoneFinder._foreign(number, len(joined), True)
            if ok and _national(number) not in self._keep:
                yield Span(m.start(), m.end(), "phone")

    @staticmethod
    def _plausible(raw: str, number: PhoneNumber, before: str) -> bool:
        count = len(digits(raw))
        if raw.startswith(("+", "00", "(+")):
            return count >= 8 and pn().is_possible_number(number)
        if raw.lstrip("(").startswith("0"):
            return 10 <= count <= 11 and pn().is_possible_number(number)
        if pn().is_valid_number(number) and count >= 9:
            return True
        cued = bool(_PHONE_CUE.search(before))
        if cued and count >= 8 and pn().is_possible_number(number):
            return True
        return PhoneFinder._foreign(raw, count, cued)

    @staticmethod
    def _foreign(raw: str, count: int, cued: bool) -> bool:
        """Valid in a country of an enabled language: a mobile, or any number after a cue."""
        for region in _REGIONS:
            try:
                local = pn().parse(raw, region)
            except pn().NumberParseException:
                continue
            if not pn().is_valid_number(local):
                continue
            if _freephone(local):
                return False  # a hotline at home ("8 800 2000 122"), not a person's number
            # Without a prefix or a cue, only a mobile: many ten-digit references are
            # somewhere's landline ("437 037 4244" is one in India).
            if cued or (count >= 9 and pn().number_type(local) in _mobile()):
                return True
        return False


def _luhn(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def nhs_check_digit_ok(number: str) -> bool:
    """The NHS number mod-11 check: weights 10..2 on the first nine digits."""
    if len(number) != 10 or not number.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(number[9])


_CARD = re.compile(r"(?<![\w+-])\d(?:(?:[ ]{1,2}|[ ]?[-./][ ]?)?\d){12,18}(?![\d-])")
"""Not after "+": "+55 21 99876 5432" is a phone, whatever its Luhn sum; not after a letter:
"RO49 AAAA 1B31 0075 9384 0000" is an IBAN, and its tail may pass Luhn.  Groups apart by a
space, two, a dash, a dot or a slash, with or without spaces round it ("4539.1488.0343.6467",
"5425 - 2334 - 3010 - 9903"), as people type them."""


_CARD_WORDS = (
    r"(?<!\w)(?:card|visa|mastercard|amex|debit|credit|kart\w*|карт\w*|kortel\w*|"
    r"cardul\w*|cart[aã]o|cartao|kaar\w*|(?:بال|ال|ب)?(?:بطاق\w*|كرت|كارت)|کارڈ|কার্ড|ਕਾਰਡ|કાર્ડ)"
)
_CARD_CUE = re.compile(
    _CARD_WORDS + rf"[^\w{MARKS}]{{0,3}}(?:[\w{MARKS}]+[^\w{MARKS}]+){{0,3}}$", re.IGNORECASE
)
"""A card named just before a long number: it is the card, even mistyped (no Luhn check)."""


_CARD_NAMED_AFTER = re.compile(
    rf"[^\w{MARKS}]{{0,3}}(?:(?:is|was|my|the|on|(?:من|بال)|wala|vala|ka|ki|da|di)\s+){{0,2}}"
    + _CARD_WORDS.removeprefix(r"(?<!\w)"),
    re.IGNORECASE,
)
"""A card named just after a long number ("5412 7534 9821 0046 card diye pay korsi",
"4111… is my visa"): mistyped or not, the number is the card."""


_CARD_SAID = re.compile(
    rf"(?<![\w+-])\d{{4}}(?:(?:[ ,;]*\s+[^\W\d_][\w{MARKS}]{{0,7}}[,;]?\s+|[ ,;]+)\d{{4}}){{1,3}}"
    r"(?![\d-])"
)
"""A card read out in groups with words between ("4539 1488 then 0343 6467", "4539 1488,
potem 0343 6467"): sixteen digits after a card word, from 2 to 6 as cards start, and only
when the Luhn check holds and the groups are not round sums."""


@needs_digits(13)
def cards(text: str) -> Iterator[Span]:
    yield from _cards(text)
    for m in _CARD_SAID.finditer(text):
        number = digits(m.group())
        groups = re.findall(r"\d+", m.group())
        if (
            len(number) == 16
            and number[0] in "23456"  # Mastercard, Visa, Amex, Discover: not a price's 1
            and _luhn(number)
            and not all(g.endswith("0") for g in groups)  # "1200 then 2400 then…": sums
            and _CARD_CUE.search(text[max(0, m.start() - 40) : m.start()])
        ):
            yield Span(m.start(), m.end(), "card")


_CARD_CODE = re.compile(
    r"(?<![\w])(?:cvv2?|cvc2?|cv2|csc|(?P<generic>security\s+code|sec\s+code|"
    r"(?:3|three|4|four)[\s-]?digit(?:s|\s+code|\s+number)?(?:\s+(?:on|at)\s+the\s+back)?|"
    r"kod\s+(?:zabezpieczający|zabezpieczajacy|bezpieczeństwa)|код\s+безопасности|"
    r"código\s+de\s+segurança|código\s+de\s+seguranca|cod(?:ul)?\s+de\s+securitate|"
    r"saugos\s+kodas|drošības\s+kods|drosibas\s+kods|رمز\s+الأمان|رمز\s+الامان)|"
    r"kod\s+(?:cvv|cvc)|"
    r"код\s+(?:cvv|cvc)|código\s+cvv|cod(?:ul)?\s+cvv|"
    r"سي\s*في\s*في|سی\s*وی\s*وی|সিভিভি|ਸੀਵੀਵੀ|સીવીવી)"
    r"(?:\s*(?:no\.?|nr\.?|number|is|are|[:=#-]|на\s+обороте|on\s+the\s+back|é|e|yra|ir|este|"
    r"waa))*"
    r"\s*(?P<code>\d(?:[ ]?\d){2,3})(?![\d])",
    re.IGNORECASE,
)
"""A card's security code, named ("cvv 123", "CVC: 4821", "kod CVV 321", "код безопасности
123"): with it the card can be charged, so it goes as the card does, even when the card
itself is hidden or not given.  A generic "security code" counts only where a card is named."""


@needs_any(
    *words("cvv cvc cv2 csc security sec digit zabezpiecz bezpiecze безопасности"),
    *words("segurança seguranca securitate saugos drošības drosibas الأمان الامان"),
    *words("سي سی সিভিভি ਸੀਵੀਵੀ સીવીવી"),
)
@needs_digits(3)
def card_codes(text: str) -> Iterator[Span]:
    carded = None
    for m in _CARD_CODE.finditer(text):
        if m.group("generic") is not None:
            # "security code" alone is also a door's or an app's: only with a card named.
            if carded is None:
                carded = _CARD_WORD.search(text) is not None
            if not carded:
                continue
        yield Span(m.start("code"), m.end("code"), "card")


_CARD_WORD = re.compile(_CARD_WORDS, re.IGNORECASE)


def _cards(text: str) -> Iterator[Span]:
    iban = [(i.start(), i.end()) for i in ibans(text)]
    for m in _CARD.finditer(text):
        if any(a <= m.start() < b for a, b in iban):
            continue  # an IBAN's digits ("PL61 1090 1014 0000 0712 1981 2874"): bank details
        number = digits(m.group())
        # No card number starts with 0 (issuer numbers start 1-9): "0092 333 …" is a phone.
        if not 13 <= len(number) <= 19 or number[0] == "0":
            continue
        if _years(m.group()):
            continue  # "from 2015 2016 2017 2018 I was using": years, whatever their Luhn sum
        if (
            _luhn(number)
            or _CARD_CUE.search(text[max(0, m.start() - 40) : m.start()])
            or _CARD_NAMED_AFTER.match(text, m.end())
            or (
                _FOUR_FOURS.fullmatch(m.group()) is not None
                and _CARD_WORD.search(text[max(0, m.start() - 80) : m.start()]) is not None
            )
        ):
            yield Span(m.start(), m.end(), "card")


_FOUR_FOURS = re.compile(r"\d{4}([ ]{1,2}|[ ]?[-./][ ]?)\d{4}\1\d{4}\1\d{4}")
"""Sixteen digits in four fours ("4929 1234 5678 9012"), as a card is printed: after a card
word in the same breath, even a sentence away ("card ending … actually full number is …"),
the card, mistyped or not; else a part of it was read as a phone.  With no card word, a
reference failing Luhn stays ("ref 4539 1234 5678 9012 for the housing claim")."""


def _years(raw: str) -> bool:
    """Whether a number's groups are all years ("2015 2016 2017 2018", "1998-2003-2011")."""
    groups = re.findall(r"\d+", raw)
    return len(groups) >= 3 and all(len(g) == 4 and 1900 <= int(g) <= 2099 for g in groups)


# 3-3-4 with the same separator twice, or none: "916-1234567" is a phone ("8-916-1234567").
_NHS = re.compile(r"(?<![\d+])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d])")
_NHS_CUE = re.compile(
    r"(?:(?<=ال)|(?<=\u0640)|(?<![^\W\d_]))"
    r"(?:NHS|N\.H\.S\.?|এনএইচএস|ਐਨਐਚਐਸ|એનએચએસ|این ایچ ایس|إن إتش إس)(?:-\w+)?"
    rf"((?:\W{{1,3}}[^\W\d_][\w{MARKS}.]*){{0,3}})\W{{0,3}}$",
    re.IGNORECASE,
)
""""NHS", then up to three words of any language, just before the number: "NHS number:",
"mans NHS nr ir", "NHS numeris yra", "lambarka NHS-ka waa", "o número do NHS é" (the words
before "NHS" do not matter), "رقم الـ NHS تبعي", "NHS নং"; the Arabic article may be glued
on ("الـNHS", "الNHS")."""
_CALL_WORD = re.compile(
    r"(?<!\w)(?:phone|mobile|tel|cell|call|ring|text|whats ?app|viber|telefon\w*|телефон\w*|"
    r"звон\w*|моб\w*|tālr\w*|talr\w*|zadzwo\w*|dzwo\w*|sun[aă]\w*|ligue|liga\w*|skambin\w*|"
    r"mobil\w*|celular|taleefan\w*|wac\w*|هاتف\w*|اتصل|فون|موبائل|موبايل|جوال|ফোন|মোবাইল|"
    r"ફોન|મોબાઇલ|ਫੋਨ|ਫ਼ੋਨ|ਮੋਬਾਈਲ)(?!\w)",
    re.IGNORECASE,
)
"""Words of calling: after "NHS", they make what follows a phone ("the NHS said ring 020 …")."""


def _nhs_cued(text: str, start: int) -> bool:
    """Whether "NHS" and at most three words come just before ``start``, none about calling."""
    m = _NHS_CUE.search(text[max(0, start - 40) : start])
    return m is not None and _CALL_WORD.search(m.group(1)) is None


@needs_digits(10)
def nhs_numbers(text: str) -> Iterator[Span]:
    if "\n" in text or "\r" in text:  # "485\n777\n3456": one number over three lines
        text = _LINE_BREAK_IN_DIGITS.sub(lambda m: " " * len(m.group()), text)
    for m in _NHS.finditer(text):
        number = m.group(1) + m.group(3) + m.group(4)
        cued = _nhs_cued(text, m.start())
        if cued or (
            nhs_check_digit_ok(number) and (number[0] != "0" or not _phone_cued(text, m.start()))
        ):
            yield Span(m.start(), m.end(), "nhs_number")
    for m in _NHS_ANY_GROUPS.finditer(text):
        # After "NHS number", ten digits in any grouping ("943.476.5919", "943 4765919").
        if _nhs_cued(text, m.start()):
            yield Span(m.start(), m.end(), "nhs_number")


_NHS_ANY_GROUPS = re.compile(r"(?<![\d+])\d(?:[ ./-]{0,2}\d){9}(?![ ./-]?\d)")


def _phone_cued(text: str, start: int) -> bool:
    """A number right after "call", "mobile", "tel"… is a phone even when it passes mod 11.

    Ten digits starting with 0 are an NHS number when the mod-11 check holds (NHS numbers
    are issued from 0 too, and a UK phone has eleven digits), unless a phone word comes first:
    a Romanian mobile ("0721 234 567") has ten, and one in eleven passes the check.
    """
    before = text[max(0, start - 40) : start]
    return _PHONE_CUE.search(before) is not None and "nhs" not in before.casefold()


_SORT = r"\d{2}[- .]?\d{2}[- .]?\d{2}"
_ACCOUNT = r"\d{8}"
"""Eight digits together beside a sort code; split in two fours ("2718 2818") only after an
account word (``_BANK_CUED``): "0044 7700 900456" is a phone."""
_BANK_WORDS = (
    r"acc(?:ount|t)?(?:\s*(?:number|no\.?|num|#))?|a/c|"
    r"bank\s*details|kont(?:o|a|u|s|ā|em|cie)?|cont(?:ul|ului)?\s*(?:bancar)?|conta|"
    r"сч[её]т\w*|sąskait\w*|iban|(?:[وبل]?ال|[وب])?حساب\w*|اکاؤنٹ|اکاونٹ|অ্যাকাউন্ট|একাউন্ট|খাতা|ખાતા|ખાતું|ખાતુ|"
    r"ਖਾਤਾ|ਖਾਤੇ|એકાઉન્ટ|અકાઉન્ટ|ਅਕਾਊਂਟ|ਅਕਾਉਂਟ|ਐਕਾਊਂਟ|অ্যাকাউন্ট|আকাউন্ট|akoon\w*|akaunti|account\w*"
)
"""Account words in the enabled languages, and the loanword "account" in every script."""
_ACCOUNT_NUMBER = r"\d(?:[ -]?\d){25}|\d(?:[ -]?\d){19}|\d{6,10}|\d{4}[ -]\d{4}"
"""After an account word: a Polish NRB (26 digits) or a Russian account (20), in any grouping
("40817 810 0 9999 1234567", as printed), six to ten digits, or two fours."""
_BANK = re.compile(
    rf"(?<!\d)(?<!\d[ -])({_SORT})[\s,;/]+"
    rf"(?:(?:acc(?:ount)?|a/c)\w*\.?\s*(?:no\.?|number)?\s*:?\s*)?({_ACCOUNT})(?![ -]?\d)"
    rf"|(?<!\d)(?<!\d[ -])({_ACCOUNT})[\s,;/]+"
    rf"(?:(?:sort(?:\s*code)?|s/c)\s*:?\s*)?({_SORT})(?![ -]?\d)",
    re.IGNORECASE,
)
"""An eight-digit account beside a sort code, cued or not ("pay it into 40-11-62 71234567").
Only the account is hidden: a sort code names a bank branch that thousands share, and the
corpora keep it ("account [bank_account], sort code 20-45-77")."""
_SORT_WORDS = (
    r"sort(?:[\s-]*code)?|s/c|сорт[\s-]*код\w*|ਸੌਰਟ\s*ਕੋਡ|ਸੋਰਟ\s*ਕੋਡ|સોર્ટ\s*કોડ|સૉર્ટ\s*કોડ|"
    r"সর্ট\s*কোড|সোর্ট\s*কোড|سورٹ\s*کوڈ|سارٹ\s*کوڈ|سورت\s*كود|سورت\s*كود|رمز\s*الفرز"
)
""""Sort code" as written in the enabled languages: the English words, or the loanword in
Cyrillic, Gurmukhi, Gujarati, Bengali, Urdu and Arabic letters ("ਸੌਰਟ ਕੋਡ ੦੯-੦੧-੨੮")."""
_SORT_CUED = re.compile(
    rf"(?:{_SORT_WORDS})\W{{0,3}}(?:(?:is|to|jest|é|e|este|yra|ir|waa|hai|ہے|ਹੈ|છે)\s+)?"
    rf"({_SORT})(?!\d)",
    re.IGNORECASE,
)
"""A sort code named as one: kept, and kept from the date and phone finders ("11-22-33",
"ਸੌਰਟ ਕੋਡ ੦੯-੦੧-੨੮" is no date of birth)."""
_BANK_CUED = re.compile(
    rf"(?<![\w{MARKS}])(?:{_BANK_WORDS})(?![\w{MARKS}])\W{{0,3}}"
    rf"(?:[^\W\d_][^\W\d_{MARKS}]{{0,11}}\W{{1,3}}){{0,2}}({_ACCOUNT_NUMBER})(?![\d/.:]|[ -]\d)",
    re.IGNORECASE,
)
"""An account word, up to two words ("numer konta", "contul meu", "akoonkayga waa",
"اکاؤنٹ نمبر"), then the number."""
_IBAN = re.compile(
    r"\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?\b", re.IGNORECASE
)
"""Grouped by spaces or dashes ("GB29-NWBK-6016-…"), or not at all."""


def _iban_ok(value: str) -> bool:
    value = value.replace(" ", "").replace("-", "")
    moved = value[4:] + value[:4]
    number = "".join(str(int(c, 36)) for c in moved)
    return 15 <= len(value) <= 34 and int(number) % 97 == 1


def ibans(text: str) -> Iterator[re.Match[str]]:
    """IBANs whose mod-97 check holds ("PL61 1090 1014 …"): their digits are no card."""
    return (m for m in _IBAN.finditer(text) if _iban_ok(m.group()))


@needs_digits(6)
def bank_accounts(text: str) -> Iterator[Span]:
    for m in ibans(text):
        yield Span(m.start(), m.end(), "bank_account")
    for m in _BANK.finditer(text):
        account, sort = (2, 1) if m.group(2) else (3, 4)
        yield Span(m.start(account), m.end(account), "bank_account")
        yield Span(m.start(sort), m.end(sort), KEEP)
    for m in _SORT_CUED.finditer(text):
        yield Span(m.start(1), m.end(1), KEEP)
    for m in _BANK_CUED.finditer(text):
        yield Span(m.start(1), m.end(1), "bank_account")


prison_numbers = needs_digits(4)(
    spans(
        re.compile(r"(?<![\w-])[A-Z][ -]?\d{4}[ -]?[A-Z]{2}(?![\w-])", re.IGNORECASE),
        "prison_number",
    )
)

_NI_TIDY = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", re.IGNORECASE)
_NI_LETTER = "A-Za-zАВЕКМНОРСТХаеокрсухвмнт"
"""Latin letters, and the Cyrillic ones that look like them ("АВ 12 34 56 С" typed on a
Russian keyboard)."""
_NI_SEP = r"[ .\-/]"
_NI_LOOSE = re.compile(
    rf"(?<![\w.\-/])(?P<prefix>[{_NI_LETTER}]{_NI_SEP}?[{_NI_LETTER}])"
    rf"{_NI_SEP}{{0,3}}(?P<digits>\d(?:{_NI_SEP}{{0,2}}\d){{5}})"
    rf"(?:{_NI_SEP}{{0,3}}(?P<suffix>[A-Da-dАВСаосв]))?(?![\w])"
)
"""A number typed loosely: dots, dashes or slashes ("ab.12.34.56.c", "AB-12-34-56-C"),
groups of three ("ab 123 456 c"), letters spaced ("A B 1 2 3 4 5 6 C"), or no final
letter ("NINO: AB 12 34 56")."""
_NI_CUE = re.compile(
    r"(?<![^\W\d_])(?:ni|nino|n\.\s?i\.?|national\s+insurance|insurance|ubezpiecz\w*|"
    r"страхов\w*|asigur\w*|segurança|seguranca|seguro|draudim\w*|apdrošin\w*|apdrosin\w*|"
    r"caymis\w*|تأمين|تامين|بیمہ|بیمے|বীমা|વીમા|ਬੀਮਾ)(?![^\W\d_])",
    re.IGNORECASE,
)
_NI_PAIRS = re.compile(r"\d{6}|\d\d([ .\-/])\d\d\1\d\d")
"""The digits as an NI number's are written: in pairs or together ("12 34 56", "123456"),
not as an amount in thousands ("120 000")."""
_NI_THREES = re.compile(r"\d{3}[ .\-/]\d{3}")
"""Groups of three ("ab 123 456"), unless a round amount ("120 000")."""
_NI_CYRILLIC = str.maketrans("АВЕКМНОРСТХаеокрсухвмнт", "ABEKMHOPCTXaeokpcyxbmht")
_NI_NOT_PREFIX = words(
    "am an as at be by do go he hi if in is it me my no of oh ok on or so to up us we "
    "ya yo pm tv gb bg nk kn tn nt zz ca za la de da na ne po ar ir ka ku ta te ce si ou em "
    "os ao ha bo co ot ko"
)
"""Two-letter words before a number ("at 12 34 56"), and prefixes never issued."""


_NI_TEMPORARY = re.compile(
    r"(?<![\w.\-/])[TtТт][NnНн][ .\-/]?\d\d[ .\-/]?\d\d[ .\-/]?\d\d[ .\-/]?[MFmfМм](?![\w])"
)
"""A temporary reference in the NI number's place: "TN", the date of birth and the sex
("TN 31 12 58 F"); after an NI word it is as identifying as the number itself."""


@needs_digits(6)
def ni_numbers(text: str) -> Iterator[Span]:
    """National Insurance numbers: the tidy form anywhere ("AB 12 34 56 C"); typed loosely
    (:data:`_NI_LOOSE`) with its final letter and a prefix HMRC could issue, or after a
    word for NI or insurance in any enabled language."""
    taken: list[tuple[int, int]] = []
    for m in _NI_TIDY.finditer(text):
        taken.append((m.start(), m.end()))
        yield Span(m.start(), m.end(), "ni_number")
    for m in _NI_TEMPORARY.finditer(text):
        if _NI_CUE.search(text, max(0, m.start() - 40), m.start()) is not None:
            taken.append((m.start(), m.end()))
            yield Span(m.start(), m.end(), "ni_number")
    for m in _NI_LOOSE.finditer(text):
        if any(m.start() < b and a < m.end() for a, b in taken):
            continue
        prefix = re.sub(r"\W", "", m.group("prefix")).translate(_NI_CYRILLIC).upper()
        cued = _NI_CUE.search(text, max(0, m.start() - 40), m.start()) is not None
        if prefix.casefold() in _NI_NOT_PREFIX:
            continue
        issued = (prefix[0] not in "DFIQUV" and prefix[1] not in "DFIOQUV") or prefix == "QQ"
        # After a cue alone, only a prefix typed in capitals ("NINO: AB 12 34 56"): "seguro
        # de 120 000", "ubezpieczenie za 120 000" are amounts after a two-letter word.
        capitals = m.group("prefix").isupper()
        grouped = m.group("digits")
        paired = _NI_PAIRS.fullmatch(grouped) is not None or (
            _NI_THREES.fullmatch(grouped) is not None and not grouped.endswith("000")
        )
        if (m.group("suffix") and issued) or (cued and (capitals or paired or m.group("suffix"))):
            yield Span(m.start(), m.end(), "ni_number")


# Digits said as words, as people type a number to get past a filter or read it out:
# "seven nine one one one two three…", "oh seven nine one one, one two three".
_DIGIT_WORDS: dict[str, int] = {}
for _value, _spellings in enumerate(
    (
        "zero oh o nought nil nulis nulle nula ноль нуль eber صفر sifar sifr sefr shunno shunya "
        "shunyo "
        "শূন্য શૂન્ય ਸਿਫ਼ਰ ਸਿਫਰ",
        "one jeden jedna vienas viens unu um uma один kow wa7ed wahed wa7ad wahid واحد ایک ek "
        "aik ik ikk "
        "এক એક ਇੱਕ ਇਕ",
        "two dwa du divi doi două doua dois duas два laba labo itnen etnen tnen ithnan "
        "اثنين اثنان إثنين اتنين دو do dui duy be দুই બે ਦੋ",
        "three trzy trys trīs tris trei três tres три saddex talate tlata talata thalatha "
        "ثلاثة ثلاث تلاتة تین teen tin tran tlate tleta tlete "
        "tinn তিন ત્રણ ਤਿੰਨ",
        "four cztery keturi četri cetri patru quatro четыре afar arba3a arb3a arba3 أربعة "
        "اربعة أربع اربع چار char "
        "chaar চার ચાર ਚਾਰ",
        "five pięć piec penki pieci cinci cinco пять shan khamse khamsa 5amse 5amsa 5ams "
        "خمسة خمس خمسه پانچ paanch panch panj "
        "pach পাঁচ પાંચ ਪੰਜ",
        "six sześć szesc šeši sesi seši șase sase seis шесть lix sitte sitta setta choy ستة ست "
        "سته چھ چھے chhe chhay che meia "
        "chha chhoy ছয় છ ਛੇ",
        "seven siedem septyni septiņi septini șapte sapte sete семь toddoba sab3a saba3 سبعة "
        "سبع سبعه سات saat "
        "sat satt shat shaat সাত સાત ਸੱਤ todobo toddobo todoba",
        "eight osiem aštuoni astuoni astoņi astoni opt oito восемь siddeed tamanye tmanye "
        "tmanya tmene tmenye tamene ثمانية ثمانيه ثمان "
        "تمانية آٹھ aath ath atth aat আট આઠ ਅੱਠ",
        "nine dziewięć dziewiec devyni deviņi devini nouă noua nove девять sagaal tis3a tes3a "
        "تسعة تسع تسعه "
        "نو nau no noy nav নয় નવ ਨੌਂ ਨੌ",
    )
):
    for _word in _spellings.split():
        _DIGIT_WORDS[_word] = _value
for _value, _spellings in enumerate(
    (
        "জিরো ਜ਼ੀਰੋ ਜੀਰੋ ઝીરો زیرو زيرو",
        "ওয়ান ਵਨ વન ون وان",
        "টু ਟੂ ટુ ٹو",
        "থ্রি ਥ੍ਰੀ ਥਰੀ થ્રી تھری ثري",
        "ফোর ਫੋਰ ફોર فور",
        "ফাইভ ਫਾਈਵ ફાઇવ فائیو فايف",
        "সিক্স ਸਿਕਸ સિક્સ سکس سكس",
        "সেভেন ਸੈਵਨ ਸੇਵਨ સેવન سیون سفن",
        "এইট ਏਟ એઇટ",
        "নাইন ਨਾਈਨ નાઇન نائن ناين",
    )
):
    for _word in _spellings.split():
        _DIGIT_WORDS[_word] = _value  # English digits written in another script ("জিরো সেভেন")
for _value, _spellings in enumerate(
    [
        "nol/nul",
        "odin/odna",
        "dva",
        "tri",
        "chetyre/chetire",
        "pyat",
        "shest",
        "sem",
        "vosem",
        "devyat",
    ]
):
    for _word in _spellings.split("/"):
        _DIGIT_WORDS[_word] = _value  # Russian typed in Latin letters ("nol sem devyat…")
_TIMES = {"double": 2, "triple": 3, "treble": 3}
_SPOKEN_TOKEN = re.compile(rf"[^\W\d_][\w{MARKS}]*|[2-9](?=[a-z])[a-z]+(?![\w])|\d+")
"""Words and figures; an Arabizi word that starts with a digit is a word ("5amsa", five)."""
SPOKEN_WORDS_WITH_DIGITS = 2
"""Digit words a run mixing words and figures needs ("07911 one two 3456"): with one, a
count after a number ("0300 123 6600 one more time") would hide a helpline."""
_SPOKEN_GAP = re.compile(r"[\s,،.\-–—/]*")
SPOKEN_DIGITS_MIN = 9
"""Digits said in a row that make a phone number (a UK number has 10 or 11): fewer is a
count or a list ("one two three four five"), more is rarer still in feedback."""


def _a_number(said: list[int]) -> bool:
    """Whether digits said in a row are a phone number: enough of them, and not counting
    ("one two three … nine", the 12 steps) or one word again ("no no no no …")."""
    if len(said) < SPOKEN_DIGITS_MIN or len(set(said)) < 3:
        return False
    return not all(b == a + 1 for a, b in pairwise(said))


_TENS_AND_HUNDREDS: dict[str, tuple[int, int]] = {}
for _places, _values in (
    (
        2,
        {
            10: "десять dziesięć dziesiec dez zece desmit toban dešimt desimt عشرة عشر ten",
            11: "одиннадцать jedenaście jedenascie onze unsprezece vienpadsmit vienuolika eleven",
            12: "двенадцать dwanaście dwanascie doze dvylika twelve "
            "doisprezece douăsprezece douasprezece divpadsmit",
            13: "тринадцать trzynaście trzynascie treze "
            "treisprezece trīspadsmit trispadsmit trylika thirteen",
            14: "четырнадцать czternaście czternascie catorze keturiolika "
            "quatorze paisprezece četrpadsmit cetrpadsmit fourteen",
            15: "пятнадцать piętnaście pietnascie quinze cincisprezece piecpadsmit penkiolika "
            "fifteen",
            16: "шестнадцать szesnaście szesnascie dezesseis šešiolika sesiolika "
            "dezasseis șaisprezece saisprezece sešpadsmit sespadsmit sixteen",
            17: "семнадцать siedemnaście siedemnascie dezessete septyniolika "
            "dezassete șaptesprezece saptesprezece septiņpadsmit septinpadsmit seventeen",
            18: "восемнадцать osiemnaście osiemnascie aštuoniolika astuoniolika "
            "dezoito optsprezece astoņpadsmit astonpadsmit eighteen",
            19: "девятнадцать dziewiętnaście dziewietnascie dezenove devyniolika "
            "dezanove nouăsprezece nouasprezece deviņpadsmit devinpadsmit nineteen",
            20: "двадцать dwadzieścia dwadziescia twenty dvidešimt dvidesimt عشرين عشرون "
            "vinte douăzeci douazeci divdesmit labaatan",
            30: "тридцать trzydzieści trzydziesci thirty trisdešimt trisdesimt تلاتين ثلاثين "
            "ثلاثون "
            "trinta treizeci trīsdesmit trisdesmit soddon",
            40: "сорок czterdzieści czterdziesci forty keturiasdešimt keturiasdesimt اربعين أربعين "
            "quarenta patruzeci četrdesmit cetrdesmit afartan",
            50: "пятьдесят pięćdziesiąt piecdziesiat fifty cinquenta "
            "cincizeci piecdesmit konton penkiasdešimt penkiasdesimt خمسين",
            60: "шестьдесят sześćdziesiąt szescdziesiat sixty sessenta šešiasdešimt "
            "sesiasdesimt ستين "
            "șaizeci saizeci sešdesmit sesdesmit lixdan",
            70: "семьдесят siedemdziesiąt siedemdziesiat seventy setenta septyniasdešimt "
            "septyniasdesimt سبعين "
            "șaptezeci saptezeci septiņdesmit septindesmit toddobaatan",
            80: "восемьдесят osiemdziesiąt osiemdziesiat eighty aštuoniasdešimt "
            "astuoniasdesimt تمانين ثمانين "
            "oitenta optzeci astoņdesmit astondesmit siddeetan",
            90: "девяносто dziewięćdziesiąt dziewiecdziesiat ninety noventa devyniasdešimt "
            "devyniasdesimt تسعين "
            "nouăzeci nouazeci deviņdesmit devindesmit sagaashan",
        },
    ),
    (
        3,
        {
            100: "сто sto cem cento مية مائة مئة",
            200: "двести dwieście dwiescie duzentos duzentas ميتين مئتين مائتين",
            300: "триста trzysta trezentos trezentas تلتمية ثلاثمية ثلاثمائة ثلاثمئة",
            400: "четыреста czterysta quatrocentos اربعمية أربعمية أربعمائة اربعمائة",
            500: "пятьсот pięćset piecset quinhentos خمسمية خمسمائة",
            600: "шестьсот sześćset szescset seiscentos ستمية ستمائة",
            700: "семьсот siedemset setecentos سبعمية سبعمائة",
            800: "восемьсот osiemset oitocentos تمنمية ثمانمية ثمانمائة",
            900: "девятьсот dziewięćset dziewiecset novecentos تسعمية تسعمائة",
        },
    ),
    (
        2,
        {  # Russian typed in Latin letters ("vosem devyatsot shestnadtsat, sorok pyat")
            10: "desyat",
            11: "odinnadtsat",
            12: "dvenadtsat",
            13: "trinadtsat",
            14: "chetyrnadtsat",
            15: "pyatnadtsat",
            16: "shestnadtsat",
            17: "semnadtsat",
            18: "vosemnadtsat",
            19: "devyatnadtsat",
            20: "dvadtsat",
            30: "tridtsat",
            40: "sorok",
            50: "pyatdesyat",
            60: "shestdesyat",
            70: "semdesyat",
            80: "vosemdesyat",
            90: "devyanosto",
        },
    ),
    (
        3,
        {
            200: "dvesti",
            300: "trista",
            400: "chetyresta",
            500: "pyatsot",
            600: "shestsot",
            700: "semsot",
            800: "vosemsot",
            900: "devyatsot",
        },
    ),
):
    for _number, _spellings in _values.items():
        for _word in _spellings.split():
            _TENS_AND_HUNDREDS[_word] = (_number, _places)
"""Numbers of two and three digits said as one ("восемь девятьсот шестнадцать, сто двадцать
три, сорок пять, шестьдесят семь"): Russian, Polish, Portuguese, Romanian, Latvian and Somali
speakers dictate a phone in groups."""
_CEDILLA = str.maketrans("șțȘȚ", "şţŞŢ")
"""Romanian typed on an old keyboard: s and t with a cedilla for the comma below ("şapte")."""
for _table in (_DIGIT_WORDS, _TENS_AND_HUNDREDS):
    for _word, _said_as in list(_table.items()):
        _table.setdefault(_word.translate(_CEDILLA), _said_as)  # type: ignore[arg-type]
_HUNDRED_TIMES = words("sută suta sute simts simti simtu simtiem boqol šimtas šimtai simtas simtai")
"""A hundred said after the digit it multiplies ("șapte sute", "septiņi simti", "afar boqol"),
or alone for one hundred ("o sută", "simts", "boqol")."""
_AND = words("e și si iyo and")
"""The "and" inside a group ("trinta e quatro", "nouăzeci și unu", "konton iyo lix")."""


class _Said:
    """Digits said so far in one run, with a group of two or three digits being said."""

    def __init__(self) -> None:
        self.digits: list[int] = []
        self.value = 0
        self.places = 0
        self.open_tens = False  # "сто" or "сто двадцать": a smaller part may follow
        self.open_units = False
        self.last_was_digit = False
        self.unit_first = False

    def flush(self) -> None:
        if self.places:
            self.digits.extend(int(c) for c in str(self.value).zfill(self.places))
        self.places = self.value = 0
        self.open_tens = self.open_units = self.unit_first = False

    def group(self, number: int, places: int, joined: bool = False) -> None:
        if self.unit_first and joined and places == 2 and number >= 20:
            self.value += number  # "مية وتلاتة وعشرين": the unit said before the tens
            self.flush()
            return
        if self.unit_first:
            self.flush()
        if self.open_tens and places == 2:
            self.value += number
            self.open_tens = False
            self.open_units = number >= 20 and number % 10 == 0
            if not self.open_units:
                self.flush()
            return
        self.flush()
        self.value, self.places = number, places
        self.open_tens = places == 3
        self.open_units = places == 3 or (number >= 20 and number % 10 == 0)
        if not self.open_units:
            self.flush()

    def hundreds(self) -> None:
        """ "sute", "simti", "boqol": the digit just said (if any) counts hundreds."""
        times = 1
        if not self.places and self.digits and self.last_was_digit:
            times = self.digits.pop() or 1
        self.flush()
        self.value, self.places = times * 100, 3
        self.open_tens = self.open_units = True

    def digit(self, d: int, times: int = 1, joined: bool = False) -> None:
        if self.unit_first:
            self.flush()
        if joined and self.open_tens and times == 1:
            # Arabic says the unit before the tens ("مية وتلاتة وعشرين"): wait for them.
            self.value += d
            self.open_tens = self.open_units = False
            self.unit_first = True
            return
        if self.open_units and times == 1:
            self.value += d
            self.flush()
            return
        self.flush()
        self.digits.extend([d] * times)


_SPOKEN_VOCABULARY = frozenset((*_DIGIT_WORDS, *_TENS_AND_HUNDREDS, *_HUNDRED_TIMES))


def _says_a_number(text: str) -> bool:
    """Whether a word of ``text`` is a number word (or one with Arabic's "و" on it): a set
    test per word, where a substring test for each of the ~400 words cost more than the rest."""
    for word in _SPOKEN_TOKEN.findall(text.casefold()):
        if len(word) > 2 and (
            word in _SPOKEN_VOCABULARY or (word[0] == "و" and word[1:] in _SPOKEN_VOCABULARY)
        ):
            return True  # short ones ("o", "no", "do") are in most answers: not enough alone
    # A short one between figures is a digit said ("07 نو 11 22 33 44", "07 ਨੌ 11…").
    return any(m.group(1).casefold() in _DIGIT_WORDS for m in _SHORT_WORD_IN_FIGURES.finditer(text))


_SHORT_WORD_IN_FIGURES = re.compile(
    rf"\d[ \t,.\-]*(?<![^\W\d_])([^\W\d_][\w{MARKS}]{{0,2}})(?![\w{MARKS}])[ \t,.\-]*\d"
)


def spoken_phones(text: str) -> Iterator[Span]:
    """A phone number said in words; no finder of numbers sees it, as it has no digit.
    A "+" typed before it goes with it ("+44 seven nine one one …")."""
    if _says_a_number(text):
        for span in _spoken_phones(text):
            if text[span.start - 1 : span.start] == "+":
                span = Span(span.start - 1, span.end, span.tag)
            yield span


_SPOKEN_THEN = words("then potem потом затем depois apoi ba3den ba3dein ba3dain phir kadib")
"""A word between two parts of a number said in words ("zero seven nine one one, then one
two three…"): the run goes on over it."""


def _spoken_phones(text: str) -> Iterator[Span]:
    start = end = bridge = -1
    times = spoken = 0
    said = _Said()
    first_figures = last_figures = False
    for m in _SPOKEN_TOKEN.finditer(text):
        word = m.group().casefold()
        joined = False
        if word[:1] == "و" and (word[1:] in _DIGIT_WORDS or word[1:] in _TENS_AND_HUNDREDS):
            word, joined = word[1:], True  # "وتلاتة", "وعشرين": "and" written onto the number
        if _LETTER_FIGURES.fullmatch(word):
            word = word.translate(_AS_DIGIT)  # "O7 nine 11…": a letter O typed for the zero
        figures = word.isdigit()
        if word == "no" and _NUMBER_ABBREVIATION.match(text, m.end()):
            continue  # "mera no. 07 eight 12…": "no." is "number", not Hindi "nau" (nine)
        digit = (
            figures
            or word in _DIGIT_WORDS
            or word in _TIMES
            or word in _TENS_AND_HUNDREDS
            or (word in _HUNDRED_TIMES and start >= 0)
        )
        if (
            start >= 0
            and word in _AND
            and (said.open_units or said.unit_first)
            and _SPOKEN_GAP.fullmatch(text, end, m.start()) is not None
        ):
            end = m.end()  # "trinta e quatro": the group goes on
            continue
        if start < 0 and word in _HUNDRED_TIMES:
            digit = True  # "o sută", "simts", "boqol" open a group of their own
        if (
            start >= 0
            and bridge < 0
            and word in _SPOKEN_THEN
            and _SPOKEN_GAP.fullmatch(text, end, m.start()) is not None
        ):
            bridge = m.end()  # "…one one, then one two three…": the number goes on
            continue
        gap_from = bridge if bridge >= 0 and digit else end
        bridge = -1
        if start >= 0 and (not digit or _SPOKEN_GAP.fullmatch(text, gap_from, m.start()) is None):
            # The run ends: another word, or a gap that is no separator.  Figures alone are
            # the phone finder's ("07911 123456"); words, or words and figures, are ours.
            said.flush()
            framed = first_figures and last_figures
            if (span := _said(text, start, end, said.digits, spoken, framed)) is not None:
                yield span
            start = -1
        if not digit:
            continue
        if start < 0:
            start, said, times, spoken = m.start(), _Said(), 0, 0
            first_figures = figures
        last_figures = figures
        if figures:  # "07911 one two 3456": figures between the words
            said.flush()
            said.digits.extend(int(c) for c in word)
            times = 0
        elif word in _TIMES:  # "double one"
            times = _TIMES[word]
        elif word in _HUNDRED_TIMES:
            said.hundreds()
            spoken += 2
            times = 0
        elif word in _TENS_AND_HUNDREDS:
            said.group(*_TENS_AND_HUNDREDS[word], joined=joined)
            spoken += 2
            times = 0
        else:
            said.digit(_DIGIT_WORDS[word], max(times, 1), joined=joined)
            spoken += max(times, 1)
            times = 0
        said.last_was_digit = not figures and word in _DIGIT_WORDS
        end = m.end()
    said.flush()
    framed = first_figures and last_figures
    if start >= 0 and (span := _said(text, start, end, said.digits, spoken, framed)) is not None:
        yield span


_LETTER_FIGURES = re.compile(r"[oо][0-9]+|[0-9]+[oо]+")
"""A word of figures with a letter O for a zero, as typed ("o7", "07oo"), lower case."""
_NUMBER_ABBREVIATION = re.compile(r"[.:#]?[ \t]*\d")


def _said(
    text: str, start: int, end: int, said: list[int], spoken: int, framed: bool = False
) -> Span | None:
    """The span of digits said in words: a card after a card word (13 to 19 digits, Luhn
    right: "my card four one one one…"), else a phone if they make one.  One digit word
    is enough between figures ("07 nine 11 - 22 33 44", ``framed``): a count said after a
    number ("0300 123 6600 one more time") ends the run, it is not inside it."""
    if (
        spoken != len(said)
        and spoken < SPOKEN_WORDS_WITH_DIGITS
        and not (framed and spoken and said[:1] == [0])
    ):
        return None  # framed by figures, one word is enough only from a 0: "07 nine 11 …"
    said, end = _trimmed(text, start, end, said)
    if (
        13 <= len(said) <= 19
        and _luhn("".join(map(str, said)))
        and _CARD_CUE.search(text[max(0, start - 40) : start])
    ):
        return Span(start, end, "card")
    counting = len(set(said)) < 3 or all(b == a + 1 for a, b in pairwise(said))
    if (
        len(said) in (8, 20, 26)
        and not counting
        and _ACCOUNT_CUE.search(text[max(0, start - 40) : start])
    ):
        return Span(start, end, "bank_account")  # "account number two seven one eight…"
    if _counting(text[start:end]):
        return None  # "one two … nine ten eleven": counting, said in words
    if (
        len(said) == 8
        and not counting
        and spoken >= 4
        and _EIGHT_DIGIT_CUE.search(text[max(0, start - 40) : start])
    ):
        # Latvian and Lithuanian numbers have eight digits ("tālrunis: divdesmit viens
        # divdesmit trīs četrdesmit pieci sešdesmit septiņi"): after a phone word, a phone.
        return Span(start, end, "phone")
    return Span(start, end, "phone") if _a_number(said) else None


def _trimmed(text: str, start: int, end: int, said: list[int]) -> tuple[list[int], int]:
    """A UK number said from 0 ends at its eleventh digit: a digit word after that is a word
    of the sentence ("… five 6 7 8 che", Gujarati "is", which is also Hindi "six"), and is
    left out, as is a run that is one longer than a number only because of it."""
    if not said or said[0] != 0 or len(said) <= 11:
        return said, end
    said = list(said)
    tokens = list(_SPOKEN_TOKEN.finditer(text, start, end))
    while len(said) > 11 and len(tokens) > 1 and tokens[-1].group().casefold() in _DIGIT_WORDS:
        tokens.pop()
        said.pop()
    return said, tokens[-1].end()


_EIGHT_DIGIT_CUE = re.compile(
    r"(?<!\w)(?:phone|mobile|tel\w*|tālr\w*|talr\w*|numurs|numeris|mob\w*|zvan\w*|skambin\w*|"
    r"телефон\w*)\W{0,3}(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)
"""A phone word that an eight-digit number said in words follows (not "number of days")."""


def _counting(said: str) -> bool:
    """Whether the words and figures said count up one by one ("one two three … ten")."""
    values = []
    for token in _SPOKEN_TOKEN.findall(said.casefold()):
        if token.isdigit():
            values.append(int(token))
        elif token in _DIGIT_WORDS:
            values.append(_DIGIT_WORDS[token])
        elif token in _TENS_AND_HUNDREDS:
            values.append(_TENS_AND_HUNDREDS[token][0])
        else:
            return False
    return len(values) >= 3 and all(b == a + 1 for a, b in pairwise(values))


_ACCOUNT_CUE = re.compile(
    rf"(?<![\w{MARKS}])(?:{_BANK_WORDS})(?![\w{MARKS}])\W{{0,3}}(?:[^\W\d_]+\W{{1,3}}){{0,2}}$",
    re.IGNORECASE,
)
"""An account word and up to two words just before a number said in words."""


_HUNDRED_WORDS = words("sau sho shou shau سو ਸੌ")
""""Hundred" said after its digit, as a word of its own (Urdu, Punjabi, romanised Bengali)."""
_HUNDRED_SUFFIXES = ("শো", "সো", "સો", "ਸੌ", "sho", "sau")
""""Hundred" written onto its digit ("সাতশো", "એકસો", "satsho"): Bengali and Gujarati."""
_ZERO_WORDS = words("zero ziro sifar sifr shunno shunya shunyo صفر শূন্য ਜ਼ੀਰੋ ਜੀਰੋ ਸਿਫ਼ਰ ਸਿਫਰ શૂન્ય ઝીરો")
_NOT_IN_A_NUMBER = words(
    """
    hai hain hay he hoon tha thi ہے ہیں ہوں تھا تھی ਹੈ ਹਨ ਸੀ છે છો હતો হয় আছে ছিল
    aur and ya or اور یا আর অথবা ਅਤੇ ਜਾਂ અને અથવા par pe پر তে ਤੇ પર
    """
)
_HUNDREDS_TOKEN = re.compile(rf"[^\W\d_][\w{MARKS}]*")


def _hundred(word: str) -> bool:
    key = word.casefold()
    return key in _HUNDRED_WORDS or (len(key) > 3 and key.endswith(_HUNDRED_SUFFIXES))


@needs_any(*_ZERO_WORDS)
def phones_in_hundreds(text: str) -> Iterator[Span]:
    """A phone said from zero in groups of hundreds ("zero saat sau ikyanve, ek sau teis, char
    sau chhappan", "শূন্য সাতশো একানব্বই, একশো তেইশ, চারশো ছাপ্পান্ন").

    Urdu, Bengali, Punjabi and Gujarati have a word of its own for each number to 99, so the
    digits are not worked out: a run of words from "zero", joined only by spaces and commas,
    with "hundred" said at least twice, is a number no one dictates but a phone's."""
    tokens = list(_HUNDREDS_TOKEN.finditer(text))
    i = 0
    while i < len(tokens):
        if tokens[i].group().casefold() not in _ZERO_WORDS:
            i += 1
            continue
        hundreds, end, j = 0, tokens[i].end(), i + 1
        while j < len(tokens) and j - i < 14:
            gap = text[tokens[j - 1].end() : tokens[j].start()]
            word = tokens[j].group()
            if re.fullmatch(r"[ \t]*[,،]?[ \t]+|[ \t]*[,،][ \t]*", gap) is None:
                break
            if word.casefold() in _NOT_IN_A_NUMBER:
                break
            hundreds += _hundred(word)
            end, j = tokens[j].end(), j + 1
        # In Latin letters, "zero" is English too: a phone word must come first ("mera number").
        cued = not tokens[i].group().isascii() or _PHONE_CUE.search(
            text[max(0, tokens[i].start() - 40) : tokens[i].start()]
        )
        if hundreds >= 2 and cued:
            yield Span(tokens[i].start(), end, "phone")
        i = j


_AND_WORDS = r"and|i|a|și|si|и|а|e|ir|o|un|iyo|aur|te|ar|و|اور|এবং|আর|ਤੇ|ਅਤੇ|અને"
_THEN_WORDS = (
    r"then|than|plus|followed\s+by|after\s+that|next|potem|apoi|потом|затем|depois|paskui|tada|"
    r"pēc\s+tam|tad|kadib|kaddib|phir|fir|pachhi|pachi|tarpor|ثم|وبعدين|بعدين|پھر|তারপর|ਫਿਰ|પછી|"
    r"(?:the\s+)?rest|(?:the\s+)?last\s+(?:six|6|five|5|seven|7|bit|part|digits)|ends?|ending|reszta|końcówka|resto|"
    r"o\s+resto|restul|остальное|остальные|конец|likusi|likęs|pārējais|pārējie|inta\s+kale|"
    r"باقی|الباقي|والباقي|وبعدها|بعدها|بعده|বাকি|બાકી|ਬਾਕੀ|baaki|baki|"
    r"(?:us|is|uss|iss)\s*(?:ke|ki|kay)\s+(?:baad|bad)|baad\s+(?:mein|mai|me)|"
    r"(?:us|is)\s+(?:ton|tu|to)\s+(?:baad|bad)|اس\s+کے\s+بعد|اسکے\s+بعد|"
    r"(?:er|tar|ar)\s*(?:pore|por|pure)|এরপর|এর\s+পরে|তার\s+পরে|ਉਸ\s+ਤੋਂ\s+ਬਾਅਦ|ਬਾਅਦ\s+ਵਿੱਚ|"
    r"એ\s+પછી|ane\s+pachhi|kadibna|iar\s+restul|restul|e\s+o\s+resto"
)
_THEN = (
    rf"(?:(?:{_AND_WORDS})[ \t]+)?(?:{_THEN_WORDS})"
    r"(?:[ \t]+(?:is|are|with|in|jest|to|это|é|e|este|yra|ir|waa|hai|ہے|হল))?"
    rf"|{_AND_WORDS}"
)
_SPLIT_PHONE = re.compile(
    rf"(?<![\w+.,/-])(?P<a>\+?\d(?:[ -]?\d){{2,5}})"
    rf"(?P<b>(?:(?:[ \t]*(?:[,;]|\.{{1,3}}|…|[-–—])[ \t]*|[ \t]+)(?:{_THEN})"
    rf"(?:[ \t]*:[ \t]*|[ \t]+)\d(?:[ -]?\d){{1,9}}){{1,2}})"
    rf"(?![\w{MARKS}]|[.,/-]?\d)",
    re.IGNORECASE,
)
"""A phone said in two or three parts with "then", "and", "followed by" between ("07911 then
123456", "0721 apoi 234 567", "07911 then 123 then 456"): a filter reading digit runs sees
short numbers."""
_SPLIT_PART = re.compile(
    rf"(?:{_THEN})(?:[ \t]*:[ \t]*|[ \t]+)(\d(?:[ -]?\d){{1,9}})", re.IGNORECASE
)
"""One part after its word, for its digits alone."""
