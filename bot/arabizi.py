"""Arabizi (Arabic in Latin letters and digits) read with the Arabic lexicon's words.

People who write Levantine, Egyptian or Gulf Arabic on a Latin keyboard spell each word
their own way: "bydrobni", "biyidrabni" and "يضربني" are one word (he beats me), and the
vowels are the part that varies.  Batch 6 signposted 3 of 18 romanised Arabic disclosures
against 13 of 18 in Arabic script: the lexicon's romanised entries could never list every
spelling.  Here both sides are reduced to a consonant skeleton, table-driven: Arabic letters
to the Latin consonant people type for them, Latin vowels dropped, digraphs and look-alike
sounds merged (kh/k/q, sh/s, th/t, gh/g/j), so "bydrobni" and "يضربني" both read "bdrbn"
and "ydrbn" and meet at the root "drb".

Only a sentence that looks like Arabizi is read this way (a digit inside a word for a
sound Latin lacks, "7abibi", "3am", "a5ad", or two of its common short words), and only
with the Arabic lexicon: skeletons are coarse, and an English sentence must not be read as
Arabic.
"""

from __future__ import annotations

import re

_ARABIC = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d",
    "ر": "r", "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "غ": "j", "ف": "f", "ق": "k", "ك": "k", "ک": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ہ": "h", "ھ": "h", "پ": "b", "چ": "j", "گ": "j", "ڤ": "f",
}  # fmt: skip
"""Arabic letters → the consonant of their skeleton; every other letter (alif, waw, ya,
ayn, hamza, taa marbuta: vowels or dropped in Arabizi) has none."""
_DIGRAPHS = (("kh", "k"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"), ("gh", "j"))
_LATIN = str.maketrans(
    {"q": "k", "g": "j", "c": "k", "p": "b", "v": "f", "x": "ks", **dict.fromkeys("aeiouyw", "")}
)
_REPEAT = re.compile(r"(.)\1+")
_OPEN_ARABIC = frozenset("اأإآعء")
_OPEN_LATIN = frozenset("aeiou")
_ARTICLE = re.compile(r"^(?:ال|وال|بال|لل|فال)")
_CUE_DIGIT = re.compile(
    r"(?:(?<=[a-z])[235679]|[235679](?=[a-z]))(?!(?:am|pm|st|nd|rd|th|x|k|mg|ml|h|hrs?|mins?|s)\b)",
    re.IGNORECASE,
)
_CUE_WORDS = frozenset(
    [
        "el",
        "al",
        "ana",
        "enta",
        "enti",
        "inta",
        "inti",
        "howe",
        "hiye",
        "hiya",
        "bas",
        "bass",
        "mish",
        "msh",
        "mesh",
        "3am",
        "3al",
        "3ala",
        "ya",
        "ra7",
        "rah",
        "eno",
        "inno",
        "enno",
        "kteer",
        "ktir",
        "shi",
        "shu",
        "wla",
        "walla",
        "la2",
        "hala2",
        "hal2",
        "lama",
        "iza",
        "eza",
        "kol",
        "kel",
        "ma3",
        "ma3i",
        "3ashan",
        "3shan",
        "ba3d",
        "2abl",
        "wallah",
        "yalla",
        "habibi",
        "7abibi",
    ]
)


FUNCTION_WORDS = (_CUE_WORDS - {"kol", "kel", "kteer", "ktir"}) | {
    "hal",
    "hay",
    "hayda",
    "hek",
    "sayara",
    "sayyara",
    "7elo",
    "7elwe",
    "7ilu",
}
"""Short everyday words of Arabizi ("hala2", now; "hal", this): never read by skeleton, whose
two consonants would make them lexicon words ("hala2" and "hal" are "7ali", myself).  Not
"kol" or "ktir" (all, a lot): a load of pills is told with them.  "sayara" (a car) is not
"sirr" (a secret), "7elo" (nice) not "7ali" (myself)."""


def looks_arabizi(text: str) -> bool:
    """Two signs of Arabizi: digits inside Latin words for sounds Latin lacks ("7abibi",
    "3am", "a5ad"; not "9am" or "2nd"), or its common short words.  One alone is not
    enough: English texting has "2day", and "ya" and "el" are in other languages too."""
    digits = len(_CUE_DIGIT.findall(text))
    words = sum(1 for w in text.casefold().split() if w in _CUE_WORDS)
    return digits + words >= 2


def skeleton(word: str) -> str:
    """The consonants of a word as Arabizi and Arabic script share them.

    ``word`` is already normalised (``bot.safety.normalise``: digits folded to the letters
    people type without them, "7" = "h", "5" = "kh", "2" dropped, "3" = "e").
    """
    if any("\u0600" <= ch <= "\u06ff" for ch in word):
        word = _ARTICLE.sub("", word)
        opens = word[:1] in _OPEN_ARABIC
        out = "".join(_ARABIC.get(ch, "") for ch in word)
    else:
        out = word.casefold()
        if out.startswith(("el", "al")) and len(out) > 4:
            out = out[2:]  # the article written joined ("eljisr")
        opens = out[:1] in _OPEN_LATIN
        for pair, single in _DIGRAPHS:
            out = out.replace(pair, single)
        out = out.translate(_LATIN)
    # A word that opens with a vowel keeps it as "a": "ahli" (my family) is not "hali"
    # (myself), "ento7er" is "انتحر".
    return ("a" if opens else "") + _REPEAT.sub(r"\1", "".join(ch for ch in out if ch.isalpha()))


def cores(token_skeleton: str) -> list[str]:
    """The token's skeleton with up to two letters of prefix and suffix taken off (verb
    prefixes b-, y-, t-, m-, n-; pronoun suffixes -ni, -ha, -k): the forms a lexicon word's
    skeleton may equal."""
    t = token_skeleton
    out = []
    for a in range(1 if t[:1] == "a" else min(3, len(t))):
        for b in range(min(3, len(t) - a)):
            core = t[a : len(t) - b]
            if len(core) >= 3 or (a == 0 and b == 0 and len(core) >= 2):
                out.append(core)
    return out
