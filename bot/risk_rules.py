"""Concept rules: risk found as classes of words that occur together, per language.

Phrase patterns (``bot/safety.py``) name one wording each, and an independent
held-out set showed they fit the examples they were written from, not how people
write (recall 0.28 on new wordings).  Here each language has a *lexicon*
(``bot/risk_lexicon.yaml``): a dozen or so classes of words (WISH, DIE, SELF,
HARM, BODY, DRUG, EXCESS, AGENT, VIOLENCE, THREAT, CHILD, ...) in every form
people type (stems for inflections, romanised and native script, misspellings,
diacritics dropped), and one list of *rules*, shared by all languages, says
which classes together are a disclosure: ``WISH DIE`` (want + die, in either
order, within a few words), ``HARM SELF``, ``TAKE EXCESS DRUG``, ``VIOLENCE ME
AGENT``.  A new wording is caught when its words are in the classes, whatever
their order, so a lexicon grows by words, not by sentences.

Guards are classes too (``-TOPIC``: the words are about a leaflet, a worker or
a training; ``-THING``: "this queue is killing me"; ``-HUMOUR``: "lol"): a rule
does not fire when a guard word is near.  Guards are part of rules, not a list
of exceptions: they name what makes talk not a disclosure.

Explainable: every hit names the language, category, rule and the words that
filled it (``en/suicide: WISH DIE [wanna, die]``), shown by ``feedback-bot
risk-check``.

Decisions, and why:

- Both layers run: the phrase patterns (tuned on the corpora, and what staff add in
  config) and these rules.  A message is signposted when either fires.  Phrase
  patterns that only ever fired on near misses, and whose true hits the rules catch,
  were removed (talk about "an overdose" in a leaflet, "the domestic violence worker").
- One tier.  A gentler "possible risk" reply was considered and not built: every rule
  here needs a person, an act and an intent or an object together, so what fires is
  worth the full helpline list; a false alarm costs a moment, a miss may cost a life.
- Each language reads a sentence with its own words and guards (plus the borrowed
  ``_any`` words): a guard word that is spelt like another language's word must not
  hide a disclosure ("kkk" is laughter in Portuguese and normalised to the stem "k").
- Negation never blocks (it is an ingredient: NEG WISH LIVE), and history counts
  ("I used to cut myself" signposts, as the corpora decided: the alert is kind either way).

Vetoes (``_vetoes``): a sentence with a word of a veto class signposts none of the
categories the veto names, from either layer (phrases or rules): risk long past and
helped ("five years ago ... your team helped me"), the news, a question about what to
do "if someone" overdoses, families who lost someone, a leaflet or a session about it.
``PAST: suicide self_harm !NOW`` says a PAST word vetoes those two categories unless a
NOW word ("again", "still", "tonight"; or a word of any other ``!`` class) is anywhere
in the message: "I was suicidal years ago and I feel it again now" signposts.  A ``<``
makes a veto reach back only: ``DENIED`` ("I said no", after a screening question about
suicide) vetoes the question, not what follows it; a ``>`` makes it reach ahead only
(QUESTION: "a question about suicide" vetoes its own words, not "I'm suicidal" typed before
it).  A ``^`` lets it reach back over a full
stop too ("I used to cut. Three years clean now."; "can you overdose on naloxone? asking
for the training").  A ``+`` names a class the veto needs somewhere in the message too (any
one of those named): ``OVER: abuse ... +PASTMARK !NOW`` says a sign that it is over ("he
died", "divorced", "three years clean") keeps quiet only a message that also tells of the
past ("used to", "as a kid", "in 2017"), and not when a NOW word says it is back: "he used
to hit us, he died years ago" is quiet, "we divorced" alone is not, and "I used to cut,
three years clean, and last night I did it again" signposts.  ``~N`` makes a veto reach N words
either way instead of ten (ASKSABOUT: only the words of the question a form asks).
``@model`` makes a veto keep
the model's reading of its categories quiet too (``Reading.quiet_model``).  Vetoes are the
issue's near misses turned into word classes, so that they hold for new wordings, not
these sentences.

Rule syntax, one rule a line under its category in ``_rules``:

- ``A B``: a word of class A and one of class B in the same sentence, each
  within ``window`` words (default 6) of the first slot's word.
- ``A|B``: a word of either class fills this slot.
- ``-G``: no word of class G within the window; ``-G@N``: within N words; ``-G@*``: anywhere
  in the message, in any sentence ("I'm moving to Leeds for a job." before "thank you for
  everything, goodbye everyone").
- ``~N``: this rule's window is N words.

Lexicon entries (space-separated, under each class): ``word``, ``stem*``,
``*ending``, ``*part*``; ``a_b`` is two words in a row (the last may end in
``*``); ``#`` is a count of 8 or more that is not a measured dose ("30", not
"60ml"); ``#young`` is an age under 18 (1 to 17: "my 15 year old sister").
``_any`` holds words every language borrows ("overdose", "naloxone").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot import arabizi, cyrlat
from bot.risk_model import EVIDENCE
from bot.risk_negation import mark_unsafe
from bot.risk_slips import CLASSES as CORE
from bot.risk_slips import GLUED, Slips, load_common, unglue
from bot.sources import BASE_LOADER
from bot.translit import INDIC, fold
from bot.translit import forget as fold_cache_clear

LEXICON_PATH = Path(__file__).with_name("risk_lexicon.yaml")
ANY = "_any"
ARABIZI = "ar"
RUSSIAN = "ru"
"""The language whose words are also found by consonant skeleton in Arabizi sentences."""
RULES = "_rules"
VETOES = "_vetoes"
CLAUSE = "CLAUSE"
_WINDOW = 6
_ANYWHERE = 1_000_000
"""A guard's distance that reaches every sentence of the message (``-G@*``)."""
_COUNT_MIN = 8
_ADULT = 18
_KNOWN_MAX = 50_000
# Sentence ends: . ! ? ; and newlines, Urdu/Arabic full stop and question mark, the danda.
# A dot inside a word ("O.D", "3.5") does not end a sentence.
_SENTENCE = re.compile(r"[.!?;…]+(?=\s|$)|[\n\r。۔।؟！？]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
_NOT_ASCII_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# A one-word answer that opens a sentence, set off by a comma or colon ("No, I feel safe with
# my husband", "Nie, czuję się bezpiecznie"): read as a sentence of its own when it is a NEG
# word, so it says no to the question asked, not to what follows.
_GLUE_CORE = CORE | {"NEG"}
"""Classes one of the words run together must be of: a risk word or a negation ("нехочу")."""
_ANSWER_LETTERS = 4
"""The longest "no" an answer opens with (no, nie, нет, não, nahi, maya): "never," is not one."""
_ANSWER = re.compile(r"\s*([^\W\d_]+)\s*[,:،]\s*(?=\S)")

Normaliser = Callable[[str], str]


def _ascii_letters(text: str) -> bool:
    """Whether every letter of ``text`` is ASCII (digits, signs and emoji may be beside them)."""
    return text.isascii() or all(ch.isascii() for ch in _NOT_ASCII_LETTER.findall(text))


class Sentences(list[str]):
    """Normalised sentences, and for those in an Indic script their romanised words."""

    def __init__(self) -> None:
        super().__init__()
        self.romanised: dict[int, list[str]] = {}
        self.arabizi: set[int] = set()
        """Sentences that look like Arabic in Latin letters (``bot.arabizi``)."""
        self.no_slips: set[int] = set()
        """Sentences whose words are never read as a slip (``bot.risk_slips``): Arabizi,
        whose spellings vary so much that every word is one slip from some word ("ba2et",
        I stayed, is not "beat")."""


class LexiconError(ValueError):
    """A rule naming a class no lexicon defines, or a malformed entry."""


@dataclass(frozen=True)
class Rule:
    """Classes that together signal ``category``: slots of alternatives, and guards."""

    category: str
    text: str
    slots: tuple[frozenset[str], ...]
    guards: tuple[tuple[str, int], ...]
    window: int
    far: frozenset[str] = frozenset()
    """Guards marked ``@*``: a word of one anywhere in the message keeps the rule quiet."""

    @classmethod
    def parse(cls, category: str, text: str) -> Rule:
        slots: list[frozenset[str]] = []
        guards: list[tuple[str, int]] = []
        window = _WINDOW
        for item in text.split():
            if item.startswith("~"):
                window = int(item[1:])
            elif item.startswith("-"):
                name, _, near = item[1:].partition("@")
                guards.append((name, _ANYWHERE if near == "*" else int(near) if near else -1))
            else:
                slots.append(frozenset(item.split("|")))
        if not slots:
            raise LexiconError(f"rule {text!r} has no class to find")
        return cls(
            category,
            text,
            tuple(slots),
            tuple((g, window if n < 0 else n) for g, n in guards if n != _ANYWHERE),
            window,
            frozenset(g for g, n in guards if n == _ANYWHERE),
        )

    def classes(self) -> set[str]:
        return {c for slot in self.slots for c in slot} | {g for g, _ in self.guards} | self.far


@dataclass(frozen=True)
class ConceptHit:
    """A rule that fired: the language, its category, the rule and the words that filled it."""

    lang: str
    category: str
    rule: str
    words: tuple[str, ...]

    @property
    def phrase(self) -> str:
        return f"{self.rule} [{', '.join(self.words)}]"


# Where a class word was found: (position, the words).
Found = dict[str, list[tuple[int, str]]]


# What a sentence vetoes: category → the spans of words (first, after last) it is vetoed
# in, sorted and apart.
Vetoes = dict[str, list[tuple[int, int]]]
_VETO_BACK = 10
"""Words before a veto word it reaches ("cut myself as a teen but that's long behind me")."""
_VETO_AHEAD = 10
_MODEL_COVER = 0.7
"""Share of a message's words a veto marked ``@model`` must reach to keep the model quiet."""
_NEGATED = frozenset({"OVER", "SAFENOW"})
"""Vetoes that say the person is safe now: a NEG word right before or after one ("I'm not
safe", "surakhit nahi", "ammaan ma ihi"), or a DOUBT word up to ``_DOUBT_BEFORE`` words
before it ("I don't think I'm safe", "nie wiem, czy jestem bezpieczna"), says the opposite,
so that word vetoes nothing."""
DOUBT = "DOUBT"
_DOUBT_BEFORE = 5
"""Words after a veto word it reaches, and never past a CLAUSE word ("and now")."""
_ANSWER_ONLY = frozenset({"SUBJ", "YES", "QTIME", "NEGSKIP"})
"""Classes of an answer's shape ("No, I ...", "yes", "a question of time", "have I" after "not
once"): ``bot.risk_negation`` and the vetoes' lifts read them; they are no word of a situation,
so no evidence and no model feature."""


def _tells(by_lang: dict[str, Found], needs: tuple[str, ...]) -> bool:
    """Whether a sentence holds a word of one of ``needs`` (or nothing is needed)."""
    return not needs or any(n in own for own in by_lang.values() for n in needs)


def _inside(spans: list[tuple[int, int]], word: int) -> bool:
    i = bisect_left(spans, (word + 1,)) - 1
    return i >= 0 and spans[i][0] <= word < spans[i][1]


@dataclass(frozen=True)
class Reading:
    """A message read once: each sentence's class words by language, and its vetoes."""

    classes: list[dict[str, Found]]
    vetoes: list[Vetoes]
    quiet_model: frozenset[str] = frozenset()
    """Categories a veto marked ``@model`` in force somewhere in the message keeps the model
    from naming too (``bot.safety``): the model reads the whole text, not words a veto reaches."""

    def vetoed(self, category: str, sentence: int, word: int) -> bool:
        """Is ``category`` vetoed at word ``word`` of sentence ``sentence``?"""
        spans = self.vetoes[sentence].get(category)
        return spans is not None and _inside(spans, word)


class _Lexicon:
    """Every language's class words in one index: token → (language, class) pairs."""

    def __init__(
        self,
        entries: Iterable[tuple[str, str, str]],
        normalise: Normaliser,
        guards: frozenset[str] = frozenset(),
        vetoes: frozenset[str] = frozenset(),
        fold_russian: bool = True,
        common: Iterable[str] = (),
    ):
        entries = list(entries)
        common = list(common)
        self.words: dict[str, list[tuple[str, str]]] = {}
        self.prefixes: dict[str, list[tuple[str, str]]] = {}
        self.suffixes: dict[str, list[tuple[str, str]]] = {}
        self.infixes: dict[str, list[tuple[str, str]]] = {}
        # First word → [(the next words, last one a stem?, lang, class)].
        self.phrases: dict[str, list[tuple[tuple[str, ...], bool, str, str]]] = {}
        self.counts: list[tuple[str, str]] = []
        self.young: list[tuple[str, str]] = []
        # Word → its (language, class) pairs: people reuse few words, so most words of a
        # message are looked up once per process, not once per message.
        self._known: dict[str, tuple[tuple[str, str], ...]] = {}
        self.errors: list[str] = []
        for lang, cls, entry in entries:
            try:
                self._add(lang, cls, entry, normalise)
            except LexiconError as exc:
                self.errors.append(str(exc))
        # Arabic words by consonant skeleton, for sentences in Arabizi (``bot.arabizi``).
        self.skeletons: dict[str, list[tuple[str, str]]] = {}
        for lang, cls, entry in entries:
            if lang != ARABIZI or entry.startswith("#") or cls in vetoes:
                continue  # a veto silences a whole sentence: never on a skeleton's guess
            words = normalise(entry.replace("_", " ").strip("*")).split()
            key = arabizi.skeleton(words[0]) if len(words) == 1 else ""
            # Two consonants name many words: enough to find a word a rule needs, not to
            # let a guard silence one ("hala2", now, is not "ahli", family).
            shortest = 3 if cls in guards else 2
            if len(key) >= shortest and (lang, cls) not in self.skeletons.get(key, ()):
                self.skeletons.setdefault(key, []).append((lang, cls))
        self._cores: dict[str, tuple[tuple[str, str], ...]] = {}
        # Core risk words typed with one slip of the thumb (``bot.risk_slips``): "wnat" is
        # read as "want", and shown as "wnat(want)".
        self.slips = Slips(
            [
                *((w, False, lang, cls) for w, found in self.words.items() for lang, cls in found),
                *(
                    (w, True, lang, cls)
                    for w, found in self.prefixes.items()
                    for lang, cls in found
                ),
            ],
            (normalise(word.rstrip("*")) + "*" * word.endswith("*") for word in common),
        )
        self._glued: dict[str, str] = {}
        self.slipped: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {}
        """A word no lexicon knows → how it is shown read through a slip ("wnat(want)"), and
        its pairs (none when it is no slip)."""
        self.function_words = frozenset(normalise(w) for w in arabizi.FUNCTION_WORDS)
        self.prefix_sizes = self._sizes(self.prefixes, first=True)
        self.suffix_sizes = self._sizes(self.suffixes, first=False)
        # Russian entries again, each word folded to one Latin skeleton (``bot.cyrlat``): a
        # word listed in Cyrillic finds its transliteration, and the other way round.
        self.russian: _Lexicon | None = None
        russian = [e for e in entries if e[0] == RUSSIAN and not e[2].startswith("#")]
        if fold_russian and russian:

            def folded(text: str) -> str:
                return " ".join(cyrlat.fold(word) for word in normalise(text).split())

            self.russian = _Lexicon(
                russian, folded, guards, vetoes, fold_russian=False, common=common
            )

    def _add(self, lang: str, cls: str, entry: str, normalise: Normaliser) -> None:
        pair = (lang, cls)
        if entry == "#":
            self.counts.append(pair)
            return
        if entry == "#young":
            self.young.append(pair)
            return
        head, tail = entry.startswith("*"), entry.endswith("*")
        words = normalise(entry.replace("_", " ").strip("*")).split()
        if not words:
            raise LexiconError(f"{lang}/{cls}: entry {entry!r} has no letters")
        if len(words) > 1:
            if head:
                raise LexiconError(f"{lang}/{cls}: {entry!r}: only the last word may be a stem")
            self.phrases.setdefault(words[0], []).append((tuple(words[1:]), tail, lang, cls))
            return
        word = words[0]
        if (head or tail) and len(word) < 3 and (word.isascii() or _CYRILLIC.fullmatch(word)):
            # "kkk*" normalises to "k*" (repeated letters are made one): a stem that
            # short would put half the words of every language in the class.
            raise LexiconError(f"{lang}/{cls}: stem {entry!r} is shorter than 3 letters")
        table = (
            self.infixes
            if head and tail
            else self.suffixes
            if head
            else self.prefixes
            if tail
            else self.words
        )
        table.setdefault(word, []).append(pair)

    @staticmethod
    def _sizes(table: Mapping[str, object], first: bool) -> dict[str, list[int]]:
        sizes: dict[str, set[int]] = {}
        for stem in table:
            sizes.setdefault(stem[0] if first else stem[-1], set()).add(len(stem))
        return {k: sorted(v) for k, v in sizes.items()}

    def classes(
        self,
        tokens: list[str],
        romanised: list[str] | None = None,
        in_arabizi: bool = False,
        slips: bool = True,
    ) -> dict[str, Found]:
        """Language → class → where its words are in ``tokens``.

        ``romanised``: the same words as people romanise them (``bot.translit``), also
        looked up: "સૂઈ જાઉં" finds the romanised "sui_jau" as well as its own
        spelling, so a word listed in one spelling serves both.  ``in_arabizi``: the
        sentence looks like Arabic in Latin letters; Arabic words are also found by their
        consonants (``bot.arabizi``).
        """
        found = self._classes(tokens, {}, slips=slips)
        if romanised:
            self._classes(romanised, found)
        if in_arabizi:
            self._arabizi(tokens, found)
        russian = (
            self.russian is not None
            and bool(tokens)
            and (
                _CYRILLIC.search(tokens[0]) is not None
                or _CYRILLIC.search(tokens[-1]) is not None
                or (tokens[0].isascii() and cyrlat.looks_russian(tokens))
            )
        )
        if russian:
            self.russian._classes([cyrlat.fold(token) for token in tokens], found, slips=slips)
        if romanised or in_arabizi or russian:
            for classes in found.values():
                for cls, places in classes.items():
                    classes[cls] = sorted(set(places))
        return found

    def _arabizi(self, tokens: list[str], found: dict[str, Found]) -> None:
        """Arabic lexicon words found by skeleton in an Arabizi sentence."""
        cache, skeletons = self._cores, self.skeletons
        for i, token in enumerate(tokens):
            pairs = cache.get(token)
            if pairs is None:
                hits = (
                    set()
                    if token in self.function_words
                    else {
                        pair
                        for core in arabizi.cores(arabizi.skeleton(token))
                        for pair in skeletons.get(core, ())
                    }
                )
                if len(cache) >= _KNOWN_MAX:
                    cache.clear()
                pairs = cache[token] = tuple(sorted(hits))
            for lang, cls in pairs:
                found.setdefault(lang, {}).setdefault(cls, []).append((i, token))

    def _classes(
        self, tokens: list[str], found: dict[str, Found], slips: bool = False
    ) -> dict[str, Found]:
        """``slips``: read a word no lexicon knows as a core risk word typed with one slip
        (``bot.risk_slips``); not for the romanised spellings of an Indic sentence, which are
        the fold's guesses already."""
        known = self._known
        phrases = self.phrases
        for i, token in enumerate(tokens):
            pairs = known.get(token)
            if pairs is None:
                pairs = self._lookup(token)
                if len(known) >= _KNOWN_MAX:
                    known.clear()
                known[token] = pairs
            word = token
            if not pairs and slips and self.slips:
                word, pairs = self._slip(token)
            for lang, cls in pairs:
                found.setdefault(lang, {}).setdefault(cls, []).append((i, word))
            for rest, stem, lang, cls in phrases.get(token, ()):
                if self._follows(tokens, i + 1, rest, stem):
                    found.setdefault(lang, {}).setdefault(cls, []).append(
                        (i, " ".join(tokens[i : i + 1 + len(rest)]))
                    )
        return found

    def _slip(self, token: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """How ``token`` is shown and its pairs when read through a slip, remembered."""
        read = self.slipped.get(token)
        if read is None:
            if len(self.slipped) >= _KNOWN_MAX:
                self.slipped.clear()
            read = self.slipped[token] = self.slips.read(token)
        return read

    def unglued(self, sentence: str) -> str:
        """``sentence`` with each word that runs risk words together, where the space bar was
        missed, written apart ("iwanttodie", "нехочу": ``bot.risk_slips.unglue``)."""
        tokens = sentence.split()
        out = []
        for token in tokens:
            apart = self._glued.get(token)
            if apart is None:
                pieces = None
                # A word the lexicon lists whole is never split; one it reads by a stem may be
                # words run together ("wanttodie" begins with "want*").
                if len(token) >= GLUED and token not in self.words and not self._slip(token)[1]:
                    pieces = unglue(token, self.lookup, _GLUE_CORE)
                    whole = {cls for _, cls in self.lookup(token)}
                    if pieces is not None and (
                        token in self.slips.common
                        or NEG in whole
                        or {c for p in pieces for _, c in self.lookup(p)} & _GLUE_CORE <= whole
                    ):
                        # A common word of a language; a negated word the lexicon reads whole
                        # ("nebenoriu", no longer want, in a phrase); or pieces that tell no
                        # more than the word.
                        pieces = None
                if len(self._glued) >= _KNOWN_MAX:
                    self._glued.clear()
                apart = self._glued[token] = " ".join(pieces) if pieces else token
            out.append(apart)
        return " ".join(out)

    def lookup(self, token: str) -> tuple[tuple[str, str], ...]:
        """Every (language, class) one normalised word belongs to, remembered."""
        pairs = self._known.get(token)
        if pairs is None:
            pairs = self._lookup(token)
            if len(self._known) >= _KNOWN_MAX:
                self._known.clear()
            self._known[token] = pairs
        return pairs

    def _lookup(self, token: str) -> tuple[tuple[str, str], ...]:
        """Every (language, class) a single word belongs to: as a word, by its stem,
        by its ending, or as a count."""
        if not token:
            return ()  # "ъ" and "ь" fold to nothing for the Russian lexicon (``cyrlat``)
        pairs: list[tuple[str, str]] = list(self.words.get(token, ()))
        size = len(token)
        for n in self.prefix_sizes.get(token[0], ()):
            if n > size:
                break
            pairs.extend(self.prefixes.get(token[:n], ()))
        for n in self.suffix_sizes.get(token[-1], ()):
            if n > size:
                break
            pairs.extend(self.suffixes.get(token[-n:], ()))
        for part, hit in self.infixes.items():
            if part in token:
                pairs.extend(hit)
        if token.isdigit():
            number = int(token)
            if number >= _COUNT_MIN:
                pairs.extend(self.counts)
            if 0 < number < _ADULT and len(token) <= 2:
                pairs.extend(self.young)
        return tuple(pairs)

    def forget(self) -> None:
        """Drop the word cache (benchmarks that time a cold screen)."""
        self._known.clear()
        self.slipped.clear()
        self._glued.clear()
        self._cores.clear()
        fold_cache_clear()
        cyrlat.fold.cache_clear()
        if self.russian is not None:
            self.russian.forget()

    @staticmethod
    def _follows(tokens: list[str], start: int, rest: tuple[str, ...], stem: bool) -> bool:
        if start + len(rest) > len(tokens):
            return False
        last = len(rest) - 1
        for j, word in enumerate(rest):
            token = tokens[start + j]
            if token != word and not (stem and j == last and token.startswith(word)):
                return False
        return True


class ConceptScreen:
    """The lexicon and rules, compiled once; ``hits`` screens one message."""

    def __init__(self, data: Mapping[str, object], normalise: Normaliser):
        self.normalise = normalise
        self.errors: list[str] = []
        rules = data.get(RULES) or {}
        self.rules: list[Rule] = []
        for category, texts in dict(rules).items():  # type: ignore[call-overload]
            for text in texts:
                try:
                    self.rules.append(Rule.parse(category, text))
                except (LexiconError, ValueError) as exc:
                    self.errors.append(f"{RULES}/{category}: {exc}")
        # Veto class → (the categories it vetoes, the classes that lift the veto).
        self.vetoes: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}
        # Veto classes marked "<" reach back only: a denial after the question ("asked if
        # I'd thought of suicide, I said no") says nothing of what is written after it.
        self.back_only: set[str] = set()
        # Veto classes marked ">" reach ahead only: "a question about suicide" vetoes the
        # words of its question, not "I'm suicidal" typed before it.
        self.ahead_only: set[str] = set()
        # Veto class → the classes of which one must be in the message for it to hold ("+").
        self.requires: dict[str, tuple[str, ...]] = {}
        # Veto classes marked "@model": they keep the model's reading of their categories quiet
        # too, for signs plain enough to outweigh letter n-grams ("he died", tiles being cut).
        self.model_vetoes: set[str] = set()
        # Veto classes marked "^" reach back over a full stop ("I used to cut. Three years clean
        # now.", "can you overdose on naloxone? asking for the training").
        self.across: set[str] = set()
        # Veto classes marked "~N" reach N words either way, not ten: a leaflet vetoes the
        # words of its own phrase ("a leaflet about overdose"), not a sentence typed beside it.
        self.reach: dict[str, int] = {}
        for name, text in dict(data.get(VETOES) or {}).items():  # type: ignore[call-overload]
            items = str(text).split()
            if "<" in items:
                self.back_only.add(name)
            if ">" in items:
                self.ahead_only.add(name)
            lifts = tuple(i[1:] for i in items if i.startswith("!"))
            needs = tuple(i[1:] for i in items if i.startswith("+"))
            if needs:
                self.requires[name] = needs
            if "@model" in items:
                self.model_vetoes.add(name)
            if "^" in items:
                self.across.add(name)
            for item in items:
                if item.startswith("~"):
                    self.reach[name] = int(item[1:])
            cats = frozenset(i for i in items if i[0] not in "!+@~" and i not in ("<", ">", "^"))
            self.vetoes[name] = (cats, lifts)
        entries: list[tuple[str, str, str]] = []
        self.defined: dict[str, set[str]] = {}
        for lang, classes in data.items():
            if lang in (RULES, VETOES) or (lang.startswith("_") and lang != ANY):
                continue
            for cls, words in dict(classes).items():  # type: ignore[call-overload]
                self.defined.setdefault(lang, set()).add(cls)
                items = words.split() if isinstance(words, str) else list(words)
                entries.extend((lang, cls, entry) for entry in items)
        slots = {c for rule in self.rules for slot in rule.slots for c in slot}
        guards = frozenset({g for rule in self.rules for g, _ in rule.guards} - slots)
        self.guard_only = guards | (_ANSWER_ONLY & set().union(*self.defined.values()))
        """Classes no rule looks for, only guards with ("a view", "by mistake", "while I"), and
        those only negation and vetoes read (``_ANSWER_ONLY``)."""
        # What a veto needs is read like a veto: never from an Arabizi skeleton's guess.
        needed = {c for needs in self.requires.values() for c in needs}
        self._lexicon = _Lexicon(
            entries, normalise, guards, frozenset(self.vetoes) | needed, common=load_common()
        )
        self.errors.extend(self._lexicon.errors)
        # Each rule is looked at only when a word of its first slot is in the sentence.
        self._by_class: dict[str, list[int]] = {}
        for i, rule in enumerate(self.rules):
            for cls in rule.slots[0]:
                self._by_class.setdefault(cls, []).append(i)
        known = set().union(*self.defined.values()) if self.defined else set()
        for rule in self.rules:
            unknown = rule.classes() - known
            if unknown:
                self.errors.append(f"rule {rule.text!r} names unknown class {sorted(unknown)}")
        for name, (_cats, lifts) in self.vetoes.items():
            for cls in (name, *lifts, *self.requires.get(name, ())):
                if cls not in known:
                    self.errors.append(f"{VETOES}/{name}: no lexicon defines class {cls}")

    def forget(self) -> None:
        self._lexicon.forget()

    def languages(self) -> dict[str, set[str]]:
        """Language → the categories some rule can fire for with its lexicon."""
        shared = self.defined.get(ANY, set())
        out: dict[str, set[str]] = {}
        for lang, classes in self.defined.items():
            if lang == ANY:
                continue
            have = classes | shared
            for rule in self.rules:
                if all(slot & have for slot in rule.slots):
                    out.setdefault(lang, set()).add(rule.category)
        return out

    def hits(self, text: str, first: bool = False) -> list[ConceptHit]:
        """Every rule that fires, sentence by sentence, in each language's lexicon.

        A language's reading uses its own words and the borrowed ones (``_any``),
        and only its own guards: an English "kill" is not guarded by a Portuguese
        word that happens to share its spelling.  A rule that borrowed words alone
        fill ("overdose") is read once, apart, and then a guard word of any
        language counts: "overdose training" is talk about a training in every
        language.
        """
        return self.screen(self.sentences(text), first)

    def sentences(self, text: str) -> Sentences:
        """The text's sentences, each normalised (``bot.safety.normalise``).

        A sentence in an Indic script also keeps its words as people romanise them
        (``bot.translit``, folded from the text as typed: normalising first drops the
        virama and nasal marks the fold needs), one for each normalised word.
        """
        normalise = self.normalise
        out = Sentences()
        for part in (piece for whole in _SENTENCE.split(text) for piece in self._answer(whole)):
            normal = normalise(part)
            if not normal:
                continue
            arabizi_like = _ascii_letters(part) and arabizi.looks_arabizi(part)
            if not arabizi_like and not INDIC.search(part):
                normal = self._lexicon.unglued(normal)  # "нехочу" is "не хочу"
            out.append(normal)
            if INDIC.search(part):
                latin = normalise(fold(part)).split()
                if len(latin) == normal.count(" ") + 1:
                    out.romanised[len(out) - 1] = latin
            elif arabizi_like:
                # Emoji beside it too ("ra7 ta2tolni 😂"): no word of it is read as a slip.
                out.no_slips.add(len(out) - 1)
                if part.isascii():
                    out.arabizi.add(len(out) - 1)
        return out

    def _answer(self, part: str) -> tuple[str, ...]:
        """``part``, or its opening "no," and the rest apart (``_ANSWER``)."""
        found = _ANSWER.match(part)
        if found is None:
            return (part,)
        word = self.normalise(found.group(1))
        if len(word) > _ANSWER_LETTERS or not any(
            cls == NEG for _, cls in self._lexicon.lookup(word)
        ):
            return (part,)  # "never, ever safe with him" is no answer
        return found.group(1), part[found.end() :]

    def read(self, sentences: list[str]) -> Reading:
        """Each sentence's class words by language, and the spans of it vetoed.

        A veto reaches ten words back and ten ahead, never past the next CLAUSE word
        ("but", "and now"): "I did the suicide prevention course and now I want to
        kill myself" signposts, and "I cut myself as a teen but that's long behind me"
        does not.
        """
        romanised = getattr(sentences, "romanised", {})
        in_arabizi = getattr(sentences, "arabizi", ())
        no_slips = getattr(sentences, "no_slips", ())
        classes = [
            self._lexicon.classes(
                sentence.split(), romanised.get(i), i in in_arabizi, i not in no_slips
            )
            for i, sentence in enumerate(sentences)
        ]
        for by_lang in classes:
            mark_unsafe(by_lang)  # "not safe" is UNSAFE, in every language (bot.risk_negation)
            _death_owns_its_words(by_lang)
        vetoes: list[Vetoes] = [{} for _ in sentences]
        quiet: set[str] = set()
        model_spans: dict[str, list[tuple[int, int, int]]] = {}
        names = self.vetoes.keys()
        # Most messages hold no veto word: one look per language's classes, then done.
        where = [
            i
            for i, by_lang in enumerate(classes)
            if any(not names.isdisjoint(own) for own in by_lang.values())
        ]
        if where:
            everywhere = _lifting(classes)
            reaches: dict[int, dict[str, list[tuple[int, int]]]] = {}
            for i in where:
                by_lang = classes[i]
                here = {c for own in by_lang.values() for c in own}
                breaks = sorted(p for own in by_lang.values() for p, _ in own.get(CLAUSE, ()))
                negs = {p for own in by_lang.values() for p, _ in own.get(NEG, ())}
                doubts = {p for own in by_lang.values() for p, _ in own.get(DOUBT, ())}
                reach = reaches.setdefault(i, {})
                for name, (cats, lifts) in self.vetoes.items():
                    if name not in here or any(lift in everywhere for lift in lifts):
                        continue
                    back_by = ahead_by = self.reach.get(name, _VETO_BACK)
                    if name not in self.reach:
                        ahead_by = _VETO_AHEAD
                    needs = self.requires.get(name)
                    if needs and everywhere.isdisjoint(needs):
                        continue
                    for own in by_lang.values():
                        for at, words in own.get(name, ()):
                            if name in _NEGATED and (
                                not negs.isdisjoint((at - 1, at + len(words.split())))
                                or not doubts.isdisjoint(range(at - _DOUBT_BEFORE, at))
                            ):
                                continue  # "I'm not safe", "not sure I'm safe", "surakhit nahi"
                            j = bisect_left(breaks, at + 1)
                            end = min(
                                at + ahead_by + 1,
                                breaks[j] if j < len(breaks) else at + ahead_by + 1,
                            )
                            if name in self.back_only:
                                end = at + 1
                            start = at if name in self.ahead_only else max(0, at - back_by)
                            if name in self.model_vetoes:
                                # What the veto reaches, not past a "but": "as prescribed, but
                                # I saved them up" leaves the model the words after it.
                                model_spans.setdefault(name, []).append((i, start, end))
                            for cat in cats:
                                reach.setdefault(cat, []).append((start, end))
                            if (
                                name in self.across
                                and i > 0
                                and at < back_by
                                and _tells(classes[i - 1], self.requires.get(name, ()))
                            ):
                                # "I used to cut. Three years clean now.": the sign it is over
                                # reaches back over the full stop as far as it would inside one,
                                # when that sentence tells of the past itself ("порезала руки.
                                # раньше так делала, потом три года чистая" is a cut today).
                                size = len(sentences[i - 1].split())
                                back = (max(0, size - (back_by - at)), size)
                                before = reaches.setdefault(i - 1, {})
                                for cat in cats:
                                    before.setdefault(cat, []).append(back)
            for i, reach in reaches.items():
                for cat, spans in reach.items():
                    spans.sort()
                    merged = [spans[0]]
                    for a, b in spans[1:]:
                        if a <= merged[-1][1]:
                            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
                        else:
                            merged.append((a, b))
                    vetoes[i][cat] = merged
        if model_spans:
            # The model reads the whole message: a veto keeps it quiet only where its reach
            # covers most of the words ("he died years ago" in a long message about letters
            # written to everyone I love does not).
            sizes = [len(s.split()) for s in sentences]
            for name, spans in model_spans.items():
                covered = {(i, w) for i, a, b in spans for w in range(a, min(b, sizes[i]))}
                if _MODEL_COVER * sum(sizes) <= len(covered):
                    quiet.update(self.vetoes[name][0])
        return Reading(classes, vetoes, frozenset(quiet))

    def vetoes_in(self, text: str) -> list[str]:
        """What vetoes what in ``text``, for staff (``feedback-bot risk-check``):
        ``PAST [years ago] vetoes general, self_harm, suicide``."""
        sentences = self.sentences(text)
        reading = self.read(sentences)
        out = []
        for by_lang, vetoed in zip(reading.classes, reading.vetoes, strict=True):
            if not vetoed:
                continue
            for name, (cats, _lifts) in self.vetoes.items():
                words = sorted({w for own in by_lang.values() for _, w in own.get(name, ())})
                if words and not cats.isdisjoint(vetoed):
                    out.append(f"{name} [{', '.join(words)}] vetoes {', '.join(sorted(cats))}")
        return out

    def screen(
        self, sentences: list[str], first: bool = False, reading: Reading | None = None
    ) -> list[ConceptHit]:
        """``hits`` on sentences already normalised (``reading``: ``read`` of them).

        When no sentence fires alone, two short sentences in a row are read as one: people
        type a situation in pieces ("took my methadone twice. now my eyes keep closing",
        "gave the bike to my brother. nothing left to do now"), and each piece alone is not
        a disclosure. Vetoes and guards hold across the join as they do inside a sentence.
        """
        if reading is None:
            reading = self.read(sentences)
        # Every class in the message, read by any lexicon (``-G@*`` guards): an Indic script is
        # read by its neighbours' lexicons too (Gurmukhi "ਨੌਕਰੀ ਲਈ" by the Urdu one, romanised).
        whole = {cls for by_lang in reading.classes for own in by_lang.values() for cls in own}
        found: list[ConceptHit] = []
        for by_lang, vetoed in zip(reading.classes, reading.vetoes, strict=True):
            if self._screen_one(by_lang, vetoed, found, first, whole):
                return found
        if found or len(sentences) < 2:
            return found
        sizes = [len(s.split()) for s in sentences]
        for i in range(len(sentences) - 1):
            if sizes[i] > _PAIR_WORDS or sizes[i + 1] > _PAIR_WORDS:
                continue
            by_lang = _pair_classes(reading.classes[i], reading.classes[i + 1], sizes[i])
            vetoed = _pair_vetoes(reading.vetoes[i], reading.vetoes[i + 1], sizes[i])
            if self._screen_one(by_lang, vetoed, found, first, whole):
                return found
        return found

    def _screen_one(
        self,
        by_lang: dict[str, Found],
        vetoed: Vetoes,
        found: list[ConceptHit],
        first: bool,
        whole: set[str] | frozenset[str] = frozenset(),
    ) -> bool:
        """Fire the rules on one sentence's class words into ``found``; True to stop.

        ``whole``: every class in the whole message, for ``-G@*`` guards.
        """
        if not by_lang:
            return False
        by_lang = dict(by_lang)
        shared = by_lang.pop(ANY, {})
        readings = []
        for lang, own in by_lang.items():
            joined = _join(own, shared)
            readings.append((lang, own, joined, joined))
        if shared:
            pooled: Found = {}
            for classes in (shared, *by_lang.values()):
                for cls, places in classes.items():
                    pooled.setdefault(cls, []).extend(places)
            readings.append((ANY, shared, shared, pooled))
        for lang, own, classes, guards in readings:
            for hit in self._fire(lang, own, classes, guards, vetoed, whole):
                found.append(hit)
                if first:
                    return True
        return False

    def _fire(
        self,
        lang: str,
        own: Found,
        classes: Found,
        guards: Found,
        vetoed: Vetoes | None = None,
        far: set[str] | frozenset[str] = frozenset(),
    ) -> Iterable[ConceptHit]:
        """Rules filled by ``classes`` with no word of ``guards`` near, outside ``vetoed``, and
        no word of their ``@*`` guards anywhere in the message (``far``)."""
        seen: set[str] = set()
        by_class = self._by_class
        ids = sorted({i for cls in classes for i in by_class.get(cls, ())})
        present, mine = classes.keys(), own.keys()
        for i in ids:
            rule = self.rules[i]
            if rule.category in seen or any(slot.isdisjoint(present) for slot in rule.slots):
                continue
            if lang != ANY and all(slot.isdisjoint(mine) for slot in rule.slots):
                continue  # borrowed words only: the shared reading, with every guard, has it
            if rule.far and not rule.far.isdisjoint(far):
                continue  # "moving to Leeds for a job" two sentences before the goodbye
            words = _match(rule, classes, guards, vetoed.get(rule.category) if vetoed else None)
            if words is not None:
                seen.add(rule.category)
                yield ConceptHit(lang, rule.category, rule.text, words)


WELL = "WELL"
"""Words of being well now ("fine", "bem", "хорошо"): a NOW word they follow closely
("hoje estou bem", "now I'm fine") tells of today's recovery, so it lifts no veto."""
OVER = "OVER"
"""Signs that the risk is over ("peer mentor", "three years clean"): read like WELL words, so
"hoje sou par de apoio" (today I'm a peer supporter) lifts no veto either."""
KNOW = "KNOW"
"""To know, to find out, to ask: "I want to know what to look for" (IWANT KNOW) is a parent
reading about self-harm, not a wish, so it lifts no veto."""
NEG = "NEG"
TODAY = "TODAY"
"""'Today' (dziś, сегодня, hoje): the risk back only when a risk word follows it closely
("years ago I cut, today I cut my arms"); "ten years ago I tried, today I have a job" is
the recovery, so there it lifts nothing."""
_TODAY_REACH = 4
PRESENT = "PRESENT"
"""'Yesterday', 'last night', 'this morning': a PRESENT word lifts what it lifts anyway, and
reads as TODAY too when a risk word follows it as closely: PAST ("three years clean") is lifted
by "yesterday I took far too much", not by "yesterday I went to the group"."""
_QUIETED: dict[str, tuple[tuple[str, int], ...]] = {
    "NOW": ((WELL, 3), (OVER, 2), ("RECOVERED", 2), ("SAFENOW", 2), ("YEAR", 8), ("SCAR", 3)),
    "IWANT": ((KNOW, 3),),
    "ONCE": (("DAILY", 4),),
    "DOUBLED": (("ASTOLD", 6),),
}
"""A lifting class, and the classes that, this many words after it, make it lift nothing.
An OVER word counts only right after the NOW word: three words on, "again after 2 years
clean" is the risk back after a clean spell.  A year after it ("the thoughts came back when
my dad died in 2015") dates the return to the past.  "In one go every morning" is a routine
dose, not all the tablets at once (ONCE lifts ASTOLD); "took double my usual dose as the doctor
said" is the doctor's doubling (DOUBLED lifts ASTOLD only when the doctor is not named right after
it: "as the doctor said, but I took double").  "The scars are still there" (SCAR a word or three
before 'still') tells of the scars, not of cutting again."""


_DEATH = "DIEDSINCE"
_NOT_IN_DEATH = ("HOLIDAY", "APPOINT")
"""Classes a word inside a phrase of a death ("passed away", "passed on") is not read as: the
'away' of "my son passed away" is no trip and no absence, so it guards nothing ("I want to be
with him" after it is the bereaved wish, BEWITH)."""


def _death_owns_its_words(by_lang: dict[str, Found]) -> None:
    """Drop ``_NOT_IN_DEATH`` readings of the later words of a ``DIEDSINCE`` phrase, in place."""
    inside = {
        at + k
        for own in by_lang.values()
        for at, words in own.get(_DEATH, ())
        for k in range(1, len(words.split()))
    }
    if not inside:
        return
    for own in by_lang.values():
        for cls in _NOT_IN_DEATH:
            places = own.get(cls)
            if places and any(at in inside for at, _ in places):
                kept = [(at, w) for at, w in places if at not in inside]
                if kept:
                    own[cls] = kept
                else:
                    del own[cls]


_LIFT_READS = 3
_LIFT_SHORT = 3
"""A word under ``_LIFT_SHORT`` letters lifts a veto only when its lexicon reads at least
``_LIFT_READS`` words of the sentence (``_lifting``)."""


def _lifting(classes: list[dict[str, Found]]) -> set[str]:
    """Every class in the message, less NOW words that only say the person is well now,
    and IWANT words that only want to know (``_QUIETED``).

    "I thought of suicide years ago, this team helped and today I'm fine": "today" is
    not a return of the risk.  "still not ok" is (a NEG word between keeps the lift).
    """
    out: set[str] = set()
    for by_lang in classes:
        negs = sorted(p for own in by_lang.values() for p, _ in own.get(NEG, ()))
        for own in by_lang.values():
            few = sum(len(v) for v in own.values()) < _LIFT_READS
            for cls, places in own.items():
                if cls in out:
                    continue
                if few:
                    # Portuguese "e" (and) is Gujarati "e" (he), "o" (the) Bengali "o" (he):
                    # a lexicon that reads a word or two of a sentence reads another language.
                    places = [(at, w) for at, w in places if len(w) >= _LIFT_SHORT]
                    if not places:
                        continue
                if cls in (TODAY, PRESENT):
                    now = _QUIETED["NOW"]
                    if TODAY not in out and any(
                        _risk_after(at, by_lang) and not _quieted(at, by_lang, now, negs)
                        for at, _ in places
                    ):
                        # "dziś pocięłam ręce", not "dziś mam pracę"; and "yesterday I took
                        # far too much" after "three years clean" as today's words would
                        out.add(TODAY)
                    if cls == TODAY:
                        continue
                quiet = _QUIETED.get(cls)
                if quiet is None or not any(q in o for q, _ in quiet for o in by_lang.values()):
                    out.add(cls)
                    continue
                if any(not _quieted(at, by_lang, quiet, negs) for at, _ in places):
                    out.add(cls)
    return out


def _risk_after(at: int, by_lang: dict[str, Found]) -> bool:
    """Whether a risk word (``bot.risk_model.EVIDENCE``) follows word ``at`` closely, or a
    cut or burn comes right before it ("dziś pocięłam ręce", "pocięłam dziś ręce"): "ten
    years ago I tried to kill myself, today I live" has the attempt before 'today' too."""
    return any(
        0 < after - at <= _TODAY_REACH
        for own in by_lang.values()
        for cls in EVIDENCE.intersection(own)
        for after, _ in own[cls]
    ) or any(
        0 < at - before <= _TODAY_REACH and not _habitual(before, by_lang)
        for own in by_lang.values()
        for cls in _ACTS.intersection(own)
        for before, _ in own[cls]
    )


def _habitual(at: int, by_lang: dict[str, Found]) -> bool:
    """Whether a PASTMARK word ("used to", "kiedyś") comes right before word ``at``: "I used
    to cut, last night I told my counsellor" tells of the cut as the past, not of last night."""
    return any(
        0 < at - mark <= 2 for own in by_lang.values() for mark, _ in own.get("PASTMARK", ())
    )


_ACTS = frozenset({"HARM", "SELFHARM", "BODY"})
"""Self-harm done, whose word may come before 'today' ("cortei os braços hoje")."""


def _quieted(
    at: int, by_lang: dict[str, Found], quiet: tuple[tuple[str, int], ...], negs: list[int]
) -> bool:
    """Whether a word of ``quiet`` follows word ``at`` closely (for ``_BEFORE``, stands that
    close before it), with no NEG word between."""
    for cls, distance in quiet:
        before = cls in _BEFORE
        for own in by_lang.values():
            for after, _ in own.get(cls, ()):
                gap = at - after if before else after - at
                if 0 < gap <= distance and not _near(negs, (at + after) // 2, gap // 2):
                    return True
    return False


_BEFORE = frozenset({"SCAR"})
"""Quieting classes read before the lifting word: "the scars are still there" tells of the
scars; "still do, scars everywhere" does not."""


_PAIR_WORDS = 12
"""The most words each of two sentences in a row may have to be read together (``screen``):
long sentences carry their own context, and joining them would pair unrelated words."""


def _pair_classes(
    first: dict[str, Found], second: dict[str, Found], offset: int
) -> dict[str, Found]:
    """Two sentences' class words as one sentence's, the second's positions after the first's."""
    out: dict[str, Found] = {
        lang: {c: list(p) for c, p in own.items()} for lang, own in first.items()
    }
    for lang, own in second.items():
        mine = out.setdefault(lang, {})
        for cls, places in own.items():
            mine.setdefault(cls, []).extend((at + offset, w) for at, w in places)
    return out


def _pair_vetoes(first: Vetoes, second: Vetoes, offset: int) -> Vetoes:
    """Two sentences' vetoes as one sentence's (``_pair_classes``).

    A veto's reach stops at its sentence's full stop (its span may run past the last word):
    "My son died last year." keeps 'last year' (PAST) from reaching "I want to be with him."
    read after it."""
    out: Vetoes = {
        cat: [(a, min(b, offset)) for a, b in spans if a < offset] for cat, spans in first.items()
    }
    for cat, spans in second.items():
        out.setdefault(cat, []).extend((a + offset, b + offset) for a, b in spans)
    return out


def _join(classes: Found, shared: Found) -> Found:
    """A language's class words and the borrowed ones, each class in word order."""
    if not shared:
        return classes
    joined = dict(classes)
    for cls, places in shared.items():
        joined[cls] = sorted(classes.get(cls, []) + places)
    return joined


def _match(
    rule: Rule, classes: Found, guards: Found, vetoed: list[tuple[int, int]] | None = None
) -> tuple[str, ...] | None:
    """The words filling each slot near one anchor, with no guard word near; else None.

    Positions are sorted, so each look-up is a binary search: a long message full of
    class words costs n log n, not n squared.
    """
    spots: list[list[tuple[int, str]]] = []
    for slot in rule.slots:
        places = [p for c in slot for p in classes.get(c, ())]
        if not places:
            return None
        if len(slot) > 1:
            places.sort()
        spots.append(places)
    blocks = []
    for name, near_by in rule.guards:
        at = sorted(p for p, _ in guards.get(name, ()))
        if at:
            blocks.append((at, near_by))
    window = rule.window
    for anchor, word in spots[0]:
        if vetoed and _inside(vetoed, anchor):
            continue  # inside a veto's reach (``ConceptScreen.read``)
        chosen = [word]
        for places in spots[1:]:
            near = None
            i = bisect_left(places, (anchor - window, ""))
            while i < len(places) and places[i][0] <= anchor + window:
                if places[i][0] != anchor:
                    near = places[i][1]
                    break
                i += 1
            if near is None:
                break
            chosen.append(near)
        else:
            if not any(_near(at, anchor, near_by) for at, near_by in blocks):
                return tuple(chosen)
    return None


def _near(positions: list[int], anchor: int, distance: int) -> bool:
    i = bisect_left(positions, anchor - distance)
    return i < len(positions) and positions[i] <= anchor + distance


def load_lexicon(path: Path = LEXICON_PATH) -> dict[str, object]:
    """The lexicon and rules (YAML base loader: every word stays a string, ``no`` too)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=BASE_LOADER) or {}


@lru_cache(maxsize=2)
def builtin(normalise: Normaliser) -> ConceptScreen:
    return ConceptScreen(load_lexicon(), normalise)
