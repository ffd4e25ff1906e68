"""Indic scripts folded to the Latin spelling people type when they romanise them.

People who write Gujarati, Bengali, Punjabi (Gurmukhi) or Hindi (Devanagari) type the
same words in their own script and in Latin letters ("મરી જવું" and "mari javu").  The
risk lexicons held both, but never the same words in both: a word listed only romanised
was missed in script, and the other way round (batch 6: Gujarati script 0.47 recall,
romanised Gujarati 0.68).  Folding the scripts to Latin, for matching only, lets one
list of words serve both, and gives each script every romanised word of its neighbours
(Urdu and Punjabi romanisations share most of their verbs with Hindi and Gujarati).

The fold is table-driven and deliberately rough: it spells a word the way most people
romanise it, not a scholarly transliteration.  Each script's table gives consonants
(which carry an inherent vowel), independent vowels and vowel signs.  Rules:

- The inherent vowel ("a"; "o" in Bengali) is written unless a vowel sign or the
  virama replaces it; it is dropped at the end of a word ("મન" = "man", not "mana") and
  between a vowel-consonant and consonant-vowel ("જીવવું" = "jivvu": schwa deletion,
  as Hindi, Gujarati and Punjabi are spoken and romanised).
- Long and short vowels are one letter ("ī" = "i": romanisers write "jeev" and "jiv";
  the matcher folds repeated letters to one anyway).
- Nasal marks: inside a word an "n" ("ਪੰਜ" = "panj"); at the end, dropped ("જીવવું" =
  "jivvu", "नहीं" = "nahi"), as romanisers usually do.
- A nukta letter is the sound it marks ("ਜ਼" = "z", "ড়" = "r", "য়" = "y").

Arabic and Urdu scripts are not folded: they write no short vowels, so a fold would not
meet the romanised spellings (Arabizi writes them); Arabizi is matched by its own
romanised lexicon words and the digit folding in ``bot.safety.normalise``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_VIRAMA = "virama"
_NASAL = "nasal"
_NUKTA = "nukta"
_DROP = "drop"


@dataclass(frozen=True)
class Script:
    """One script's letters: consonants (inherent vowel follows), vowels, vowel signs."""

    name: str
    inherent: str
    consonants: dict[str, str]
    vowels: dict[str, str]
    signs: dict[str, str]
    marks: dict[str, str]
    """Virama, nasal marks, nukta, and marks dropped: what each does."""
    nukta: dict[str, str]
    """Consonant + nukta → the sound it marks."""


def _pairs(letters: str, sounds: str) -> dict[str, str]:
    table = dict(zip(letters, sounds.split(), strict=True))
    return {k: "" if v == "-" else v for k, v in table.items()}


# Consonants in the order of the Unicode Indic blocks (ka kha ga gha nga, ca ..., pa ...,
# ya ra la va, sha ssa sa ha), then each script's extras.
_CONSONANT_SOUNDS = "k kh g gh n ch chh j jh n t th d dh n t th d dh n p f b bh m y r l v sh sh s h"

DEVANAGARI = Script(
    "devanagari",
    "a",
    _pairs("कखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह", _CONSONANT_SOUNDS) | {"ळ": "l"},
    _pairs("अआइईउऊऋएऐओऔऍऑ", "a a i i u u ri e ai o au e o"),
    _pairs("ािीुूृेैोौॅॉ", "a i i u u ri e ai o au e o"),
    {"्": _VIRAMA, "ं": _NASAL, "ँ": _NASAL, "ः": _DROP, "़": _NUKTA},
    {"क": "k", "ख": "kh", "ग": "g", "ज": "z", "ड": "r", "ढ": "rh", "फ": "f", "य": "y"},
)

GUJARATI = Script(
    "gujarati",
    "a",
    _pairs("કખગઘઙચછજઝઞટઠડઢણતથદધનપફબભમયરલવશષસહ", _CONSONANT_SOUNDS) | {"ળ": "l"},
    _pairs("અઆઇઈઉઊઋએઐઓઔઍઑ", "a a i i u u ru e ai o au e o"),
    _pairs("ાિીુૂૃેૈોૌૅૉ", "a i i u u ru e ai o au e o"),
    {"્": _VIRAMA, "ં": _NASAL, "ઁ": _NASAL, "ઃ": _DROP, "઼": _NUKTA},
    {"જ": "z", "ફ": "f"},
)

GURMUKHI = Script(
    "gurmukhi",
    "a",
    _pairs("ਕਖਗਘਙਚਛਜਝਞਟਠਡਢਣਤਥਦਧਨਪਫਬਭਮਯਰਲਵ", _CONSONANT_SOUNDS.rsplit(" ", 4)[0])
    | {"ਸ": "s", "ਹ": "h", "ੜ": "r", "ਲ਼": "l"},
    _pairs("ਅਆਇਈਉਊਏਐਓਔੲੳ", "a a i i u u e ai o au - -"),
    _pairs("ਾਿੀੁੂੇੈੋੌ", "a i i u u e ai o au"),
    {"੍": _VIRAMA, "ਂ": _NASAL, "ੰ": _NASAL, "ੱ": _DROP, "ਃ": _DROP, "਼": _NUKTA},
    {"ਸ": "sh", "ਖ": "kh", "ਗ": "gh", "ਜ": "z", "ਫ": "f", "ਲ": "l"},
)

BENGALI = Script(
    "bengali",
    "o",
    _pairs(
        "কখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ",
        "k kh g gh n ch chh j jh n t th d dh n t th d dh n p f b bh m j r l sh sh s h",
    )
    | {"ৎ": "t", "ড়": "r", "ঢ়": "rh", "য়": "y"},
    _pairs("অআইঈউঊঋএঐওঔ", "o a i i u u ri e oi o ou"),
    _pairs("ািীুূৃেৈোৌ", "a i i u u ri e oi o ou"),
    {"্": _VIRAMA, "ং": _NASAL, "ঁ": _NASAL, "ঃ": _DROP, "়": _NUKTA},
    {"ড": "r", "ঢ": "rh", "য": "y"},
)

SCRIPTS = (DEVANAGARI, GUJARATI, GURMUKHI, BENGALI)
_TABLE: dict[str, tuple[Script, str, str]] = {}
"""Character → (its script, what it is: c/v/s/mark, its sound or mark kind)."""
for _script in SCRIPTS:
    for _ch, _sound in _script.consonants.items():
        _TABLE[_ch] = (_script, "c", _sound)
    for _ch, _sound in _script.vowels.items():
        _TABLE[_ch] = (_script, "v", _sound)
    for _ch, _sound in _script.signs.items():
        _TABLE[_ch] = (_script, "s", _sound)
    for _ch, _kind in _script.marks.items():
        _TABLE[_ch] = (_script, "m", _kind)

INDIC = re.compile("[\u0900-\u0a7f\u0a80-\u0aff]")
"""Devanagari, Bengali, Gurmukhi and Gujarati: the blocks ``fold`` reads."""
_WORD = re.compile("[\u0900-\u0aff]+")


def fold(text: str) -> str:
    """``text`` with every Devanagari, Bengali, Gurmukhi and Gujarati word in Latin letters.

    Everything else is kept as it is.  Digits of these scripts are left for the
    caller's digit folding.
    """
    if not INDIC.search(text):
        return text
    return _WORD.sub(lambda m: _folded(m.group()), text)


def forget() -> None:
    """Drop the folded words remembered (benchmarks that time a cold screen)."""
    _folded.cache_clear()


@lru_cache(maxsize=50_000)
def _folded(word: str) -> str:
    """One word folded; people reuse few words, so each is worked out once per process."""
    return _word(unicodedata.normalize("NFD", word))


def _word(word: str) -> str:
    # Syllables: [base letter, consonant sound ("" for a vowel alone), vowel sound or
    # None for the inherent vowel ("" after a virama)].
    units: list[list] = []
    script: Script | None = None
    for ch in word:
        entry = _TABLE.get(ch)
        if entry is None:
            units.append(["", ch, ""])  # a digit or a sign the tables do not know: kept
            continue
        script, kind, sound = entry
        if kind == "c":
            if ch == "য" and units and units[-1][2] == "":
                sound = "y"  # Bengali ya-phala ("ত্যা" = "tya"), not the letter's "j"
            units.append([ch, sound, None])
        elif kind == "v":
            units.append(["", "", sound])
        elif kind == "s":
            if units and units[-1][2] is None:
                units[-1][2] = sound
            else:
                units.append(["", "", sound])
        elif sound == _VIRAMA:
            if units and units[-1][2] is None:
                units[-1][2] = ""
        elif sound == _NASAL:
            units.append(["", _NASAL, ""])  # "n" inside a word, dropped at its end
        elif sound == _NUKTA and units and units[-1][0]:
            units[-1][1] = script.nukta.get(units[-1][0], units[-1][1])
    if script is None:
        return word
    last = len(units) - 1
    while last >= 0 and units[last][1] == _NASAL:
        last -= 1
    out: list[str] = []
    for i in range(last + 1):
        _base, cons, vowel = units[i]
        if cons == _NASAL:
            out.append("n")
            continue
        out.append(cons)
        if vowel is not None:
            out.append(vowel)
        elif i == 0 or (i < last and not _schwa_deleted(units, i, last)):
            out.append(script.inherent)
    return "".join(out)


def _schwa_deleted(units: list[list], i: int, last: int) -> bool:
    """V C(a) C V: the inherent vowel between a syllable that ends in a vowel and a
    consonant with a vowel after it is not said ("मरना" = "marna")."""
    before, after = units[i - 1], units[i + 1]
    vowel_before = before[2] != "" and before[1] != _NASAL
    consonant_after = after[1] not in ("", _NASAL)
    vowel_after = after[2] not in ("", None) or (after[2] is None and i + 1 < last)
    return vowel_before and consonant_after and vowel_after
