"""Negation read the same way in every language: a word said "not" becomes its opposite.

The rules (``bot.risk_rules``) treat a class word as what it says.  A word of being safe
said with a "not" says the opposite: "I'm not safe at home", "ਮੈਂ ਘਰ ਵਿੱਚ ਸੁਰੱਖਿਅਤ ਨਹੀਂ ਹਾਂ",
"nie czuję się bezpieczna", "ammaan ma ihi".  Read as SAFE it would guard ("kids home alone,
they're safe") where it should warn, and no rule could name the danger it tells of.  So,
before any rule or veto looks at a sentence, a SAFE word with a NEG word near it (before
it in SVO languages, after it in SOV ones: Urdu, Punjabi, Gujarati, Bengali, Somali) or a
DOUBT word before it ("I don't think I'm safe") is moved to UNSAFE, which rules can name.

Why a mechanism and not words: a lexicon of "not safe" phrases grows by sentences, one
word order at a time, and misses the next ("safe, I'm not"); NEG and SAFE are already in
all 13 lexicons, so one reading holds in all of them.
"""

from __future__ import annotations

from collections.abc import Mapping

Found = dict[str, list[tuple[int, str]]]

SAFE = "SAFE"
UNSAFE = "UNSAFE"
NEG = "NEG"
DOUBT = "DOUBT"
CLAUSE = "CLAUSE"
NOTBE = "NOTBE"
"""Negation fused with "to be" ("nesu", "neesmu", "nav": I am not, is not), read only here:
as a NEG word it would be an ingredient of every rule with NEG in it."""
WELL = "WELL"
PLACE = "PLACE"
PLACE_BEFORE = 4
NEG_BEFORE = 4
"""Words a NEG word may stand before a SAFE word: "nu mă simt în siguranță" (not me feel in
safety), "не чувствую себя в безопасности"."""
NEG_AFTER = 2
"""Words a NEG word may stand after it: "surakhit nahi", "mehfooz mehsoos nahi"."""
NEG_LAST = frozenset({"ur", "pa", "gu", "bn", "so"})
"""Languages whose negation follows the word it negates ("ammaan ma ihi"): only their NEG
words negate a SAFE word before them.  An English "safe now, no contact with him" is safe."""
DOUBT_BEFORE = 5
NEGSKIP = "NEGSKIP"
"""Words a "not" reaches over to a SAFE word without their counting as distance: English
inversion ("not once have I felt safe"), a reflexive with its auxiliary ("nu m-am simțit în
siguranță"), "myself" and "with him" put before the safety ("не чувствовала себя с ним в
безопасности").  Not a subject alone: "no complaints, I feel safe" is a new clause."""
SUBJ = "SUBJ"
"""'I' as the subject ("i", "ja", "я", "eu"): a "no" right before it answers a question ("No,
I feel safe with my husband"); the sentence after it is said, not denied."""


def mark_unsafe(by_lang: Mapping[str, Found]) -> None:
    """Move each negated or doubted SAFE word of one sentence's reading to UNSAFE, in place
    (and a negated UNSAFE word, "never felt unsafe", to SAFE).

    A message mixes languages ("main ghar mein safe nahi hun" is English and Urdu in one),
    so a NEG word of another language's lexicon counts too, if it has three letters or more:
    two-letter ones are other words elsewhere (Gujarati "ma", in, is Somali and Arabizi
    "not"; Portuguese "na", in the, is Urdu "not").  A CLAUSE word between ("no, but I feel
    safe now") keeps the NEG word to its own clause.
    """
    if not any(SAFE in own or UNSAFE in own for own in by_lang.values()):
        return
    doubts = {p for own in by_lang.values() for p, _ in own.get(DOUBT, ())}
    breaks = {p for own in by_lang.values() for p, _ in own.get(CLAUSE, ())}
    # "not fine" is a bad day, not a danger: a WELL word ("fine") stays what it is.
    well = {p for own in by_lang.values() for p, _ in own.get(WELL, ())}
    answers = {p - 1 for own in by_lang.values() for p, _ in own.get(SUBJ, ())}
    # A SAFE word inside a DOUBT phrase ("nu sunt sigur", I'm not sure) or an UNSAFE one
    # ("ghair mehfooz", unsafe) is that phrase's, not a word of safety said with a "not".
    inside = {
        at + k
        for own in by_lang.values()
        for cls in (DOUBT, UNSAFE)
        for at, words in own.get(cls, ())
        for k in range(len(words.split()))
    }
    skipped = {
        at + k
        for own in by_lang.values()
        for at, words in own.get(NEGSKIP, ())
        for k in range(len(words.split()))
    }
    for lang, own in by_lang.items():
        said = {at for cls in (SAFE, UNSAFE) for at, _ in own.get(cls, ())} - well
        if not said:
            continue
        # Before the SAFE word from languages that put "not" first, after it from those
        # that put it last (``NEG_LAST``).
        before: set[int] = set()
        after: set[int] = set()
        for other, theirs in by_lang.items():
            for cls in (NEG, NOTBE):
                for at, word in theirs.get(cls, ()):
                    if (other != lang and len(word) < 3) or (cls == NEG and at in answers):
                        continue
                    if cls == NOTBE or other not in NEG_LAST:
                        before.add(at)
                    else:
                        after.add(at)
        if not before and not after and not doubts:
            continue
        flip = {at for at in said if _negated(at, before, after, doubts, breaks, skipped)}
        back = _turn(own, UNSAFE, SAFE, flip)  # "never felt unsafe": safe
        _turn(own, SAFE, UNSAFE, flip - back - inside - _of_a_place(own, flip))


def _of_a_place(own: Found, flip: set[int]) -> set[int]:
    """SAFE words a PLACE word stands just before: the place is what is not safe ("the
    stairwell isn't safe", "seedhiyan mehfooz nahi"), not the person, who is ("I'm not safe
    at the hostel, my ex knows I'm there")."""
    places = [at for at, _ in own.get(PLACE, ())]
    return {at for at in flip if any(0 < at - p <= PLACE_BEFORE for p in places)}


def _turn(own: Found, source: str, target: str, picked: set[int]) -> set[int]:
    """Move the ``source`` words at ``picked`` positions to ``target``; their positions."""
    places = own.get(source)
    if not places:
        return set()
    kept, moved = [], []
    for at, word in places:
        (moved if at in picked else kept).append((at, word))
    if moved:
        if kept:
            own[source] = kept
        else:
            del own[source]
        own[target] = sorted(own.get(target, []) + moved)
    return {at for at, _ in moved}


def _negated(
    at: int,
    before: set[int],
    after: set[int],
    doubts: set[int],
    breaks: set[int],
    skipped: frozenset[int] | set[int] = frozenset(),
) -> bool:
    for neg in sorted(before | after):
        over = sum(1 for p in skipped if neg < p < at)  # "not once have I felt safe"
        ahead = at - NEG_BEFORE - over <= neg < at and neg in before
        behind = at < neg <= at + NEG_AFTER and neg in after
        if (ahead or behind) and not any(min(at, neg) < b < max(at, neg) for b in breaks):
            return True
    return any(at - DOUBT_BEFORE <= d < at for d in doubts)
