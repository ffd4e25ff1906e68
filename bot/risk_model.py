"""A second reader of risk, beside the phrase rules: letter n-grams weighed by a trained model.

Hand-written phrases and concept rules find what their authors foresaw. On messages
written by people who never saw them (held-out batches 5-7) they found three in four
disclosures, and each batch's misses were new wordings of known ideas: "better off without
me" said another way, a method with no word for suicide, a spelling no list had. A linear
model over the letter sequences of the normalised text (2 to 5 letters, within words, as
scikit-learn's ``char_wb`` analyser makes them) generalises across spellings, inflections,
romanisations and languages far better: on batch 7, unseen by either, the rules alone found
0.77 of disclosures and rules or model 0.97 (``bench/train_risk_model.py`` prints the
figures it was trained to).

Why this shape:

- **Trained offline, read here in pure Python.** ``bench/train_risk_model.py`` fits it
  with scikit-learn (the ``train`` extra) on every risk corpus in the repo and writes
  ``risk_model.json.gz``: per n-gram its idf and weights. The bot needs no numerical
  library; scoring one message is a few hundred dictionary lookups.
- **A union, never a veto.** The model only adds hits. A phrase rule that fires is shown
  as before; the model's hit names the words that weighed most, so staff can still see why
  something was signposted (``feedback-bot risk-check``).
- **Only on text it can read.** A text whose letter sequences the model mostly never saw
  (under ``min_known`` of them: a language or script it was not trained on, Kurdish or
  Turkish feedback) is left to the rules: the score there is noise. Before this, such
  everyday comments made most of the model's false alarms, which kept its threshold high
  for everyone.
- **One decision, then a category.** Whether to signpost is one "any risk" score against
  a threshold chosen on held-out batches the model was not fitted on; a lower one when the
  rules' lexicons found a risk word in the text (``EVIDENCE``), chosen the same way. Which advice to
  add (overdose: call 999, naloxone) follows the per-category scores.
- **Meanings beside letters.** Letters learn surfaces: a situation taught in English ("put
  the dog with my sister, left the keys") did not carry to Somali or Bengali. The rules'
  lexicons already map the words of all 13 languages to meaning classes (GIVEAWAY, KEYS,
  HEIGHT, WATER), and the screen has them in hand before it asks the model (``meanings``):
  each class a sentence holds and each pair of them in one sentence is a feature too, so a
  situation learnt in any language weighs in every one. No second reading of the text.
"""

from __future__ import annotations

import base64
import gzip
import json
import logging
import math
import re
import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("risk_model.json.gz")
log = logging.getLogger(__name__)
ANY = "any"
EVIDENCE = frozenset(
    [
        "SUICIDE",
        "SELFHARM",
        "OD",
        "DV",
        "ABUSE",
        "RAPE",
        "DIE",
        "KILL",
        "KILLME",
        "HARM",
        "BLADE",
        "KNIFE",
        "BLEED",
        "SCAR",
        "PUNCH",
        "BRUISE",
        "BEATEN",
        "VIOLENCE",
        "STRANGLE",
        "SEX",
        "FORCE",
        "COERCE",
        "THREAT",
        "THREATEN",
        "HARMTHREAT",
        "ROPE",
        "HANG",
        "HANGSELF",
        "JUMP",
        "BURDEN",
        "FAREWELL",
        "ENDIT",
        "NOTHERE",
        "NOTEXIST",
        "POINTLESS",
        "NOWAYOUT",
        "ATTEMPT",
        "STOCK",
        "UNRESP",
        "NOBREATH",
        "LIPS",
        "SIGN",
        "INJECT",
        "EXCESS",
        "FOAM",
        "NOMOVE",
        "SEIZE",
        "NOWAKE",
        "NOTEXIST",
        "NOHEAR",
        "WILL",
        "GIVEAWAY",
        "CABINET",
        "TOOMUCH",
        "NORESP",
        "TAKEKIDS",
        "HOTOBJ",
        "RESUS",
        "LOCKIN",
        "ROPE",
    ]
)
"""Classes of the rules' lexicons (``bot/risk_lexicon.yaml``) whose words carry risk on their
own: die, kill, cut, hit, rope, farewell, not breathing, a whole packet, the emergency signs
(foam at the mouth, not moving, a fit), and the situations of wave 18 (never wake up, if I
did not exist, a will, giving things away, the medicine box, "he will take the kids", a hot
spoon, locked in). Not the words that
fill service feedback too (drugs, drink, took, live, scared, home).

A message with one of these words that no rule fired on is signposted at a lower model score
(``evidence_threshold``) than one without: two weak signs that agree. The model alone, at one
threshold, had to stay high because plain feedback in a language it knew less ("there was no
soap in the bathroom") scored like a disclosure; such feedback has none of these words. Chosen
by meaning before any measure, and kept broad: a risk word in a wholly everyday message still
needs the model's score."""
_SPACES = re.compile(r"\s\s+")
GENEROUS = ("overdose",)
"""Categories whose advice goes out whenever the model rates them likely, even when another
category is likelier: "took everything in the cupboard to end it" is filed under suicide,
and its reply must still say call 999 and use naloxone. Extra advice costs a line; missing
it may cost a life."""


@dataclass(frozen=True)
class Verdict:
    """What the model read in one message."""

    score: float
    """Probability-like score that the message discloses risk (0-1)."""
    category: str
    """The category it most looks like (for the advice that goes with it)."""
    words: tuple[str, ...]
    """The words of the message that weighed most towards risk, heaviest first."""
    backed: bool = False
    """Signposted only because a risk word (``EVIDENCE``) backed a score under the threshold."""
    also: tuple[str, ...] = ()
    """Categories of ``GENEROUS`` the model rates likely too (0.5 or more), besides the
    likeliest: their advice is added."""
    meanings: tuple[str, ...] = ()
    """The meaning features (``meanings``) that weighed most towards risk, heaviest first:
    "HEIGHT+WATER" is a height and water in one sentence."""
    tentative: bool = False
    """Under the confident threshold for its case (``threshold``, or ``evidence_threshold``
    with a risk word) and at or over the gentle one: still signposted, helplines and all, with
    an opening that does not presume (``bot.safety.signpost``)."""


MEANING = "§"
"""What marks a meaning feature among the letter n-grams (no n-gram holds it: ``normalise``
makes it a space)."""
UNREAD = frozenset(["CLAUSE"])
"""Lexicon classes that say nothing of a situation ("but", "and now"): no feature."""


def meanings(
    classes: Sequence[Mapping[str, Mapping[str, object]]],
    guard_only: Iterable[str] = (),
    unread: Iterable[str] = (),
) -> frozenset[str]:
    """The meaning features of a message from its rules' reading (``Reading.classes``: per
    sentence, per language, the classes found): each class, and each pair of classes one
    language's lexicon read in one sentence ("HEIGHT+WATER").

    A language's lexicon that reads one word of a sentence and nothing else is most likely
    reading another language (English "bill" is Polish "bił", hit), as in
    ``bot.safety.has_evidence``: its class is left out. Words only guards look for are not
    counted as the language's. Pairs are made within one lexicon's reading: across two,
    "Staff hit the nail on the head" was English "hit" with Polish "on" (he), a man hitting.
    Wave 22, batches 13 and 14 never trained on: pairs across lexicons found 1 and 4 more
    of their 630 and 634 disclosures, and signposted 3 more of 328 everyday comments
    written to look like risk.

    Classes in ``unread`` (the rules' veto classes: the past, a topic, a leaflet) are left
    out: the rules already keep quiet where they are, and the model is the second reader
    there. Taught them, it learnt the vetoes' own mistakes ("ten years ago I tried; today I
    swallowed all the tablets" went unread by both).

    Pairs across two sentences of one message, read by one lexicon, are features too when
    one of them says when (``ACROSS``, ``WHEN``: "PETCARE~TONIGHT" for "sorted the cat with
    my sister. tonight's the night"): a situation told a sentence at a time, none of them
    alarming alone."""
    guard_only = frozenset(guard_only)
    skip = UNREAD.union(unread)
    found: set[str] = set()
    seen: dict[str, list[frozenset[str]]] = {}
    for by_lang in classes:
        for lang, own in by_lang.items():
            if sum(len(v) for k, v in own.items() if k not in guard_only) < 2:  # type: ignore[arg-type]
                continue
            here = frozenset(own) - skip
            found.update(here)
            found.update(f"{a}+{b}" for a, b in combinations(sorted(here), 2))
            earlier = seen.setdefault(lang, [])
            for before in earlier:
                found.update(_across(before, here))
            earlier.append(here)
    return frozenset(found)


ACROSS = "~"
"""What joins a pair of classes read in two sentences of one message ("FAREWELL~TONIGHT").
Wave 23, fitted without batches 13, 14, 22s and training set 23 and scored on them as the
bot reads them (thresholds chosen again each time), recall/precision without and with these
pairs: 13 0.948/0.910 -> 0.951/0.920, 14 0.938/0.934 -> 0.938/0.937, 22s 0.885/0.859 ->
0.891/0.870, 23 (multi-sentence situations) 0.811/0.831 -> 0.823/0.838."""


WHEN = frozenset(
    [
        "TONIGHT",
        "TOMORROW",
        "SOON",
        "TODAY",
        "NOW",
        "RIGHTNOW",
        "NEXTWEEK",
        "FEWDAYS",
        "FROMNOW",
        "NOTLONG",
        "SETDATE",
        "PICKDATE",
        "PLANNEDFOR",
        "UNTIL",
    ]
)
"""Lexicon classes that say when (tonight, tomorrow, soon, now, the date is set, until): a pair
across sentences (``ACROSS``) is made only with one of them. A situation told a sentence at a
time is a plan with a time ("sorted the cat with my sister. tonight's the night"); two things
named in two sentences of a long everyday answer are just a long answer. Wave 25, out of fold
on training sets 23-26, all pairs against pairs with a time class: recall 0.902 -> 0.905 at
precision 0.827 -> 0.828, disclosures of 30 words or more 0.883 -> 0.910, long everyday
answers signposted 2.0 -> 1.3 %, everyday lookalikes 4.4 -> 4.0 %."""


def _across(one: frozenset[str], other: frozenset[str]) -> set[str]:
    """Each pair of a class of one sentence and another class of another, in name order,
    where one of the two says when (``WHEN``)."""
    return {
        f"{a}{ACROSS}{b}" if a < b else f"{b}{ACROSS}{a}"
        for a in one
        for b in other
        if a != b and (a in WHEN or b in WHEN)
    }


class RiskModel:
    """Scores normalised text (``bot.safety`` reading form) with the stored weights."""

    def __init__(self, data: dict[str, object]):
        low, high = data["ngram_range"]  # type: ignore[misc]
        self.low, self.high = int(low), int(high)
        self.threshold = float(data["threshold"])  # type: ignore[arg-type]
        # The lower score that fires when the rules' lexicons found a risk word (EVIDENCE).
        evidence = data.get("evidence_threshold", self.threshold)
        self.evidence_threshold = min(float(evidence), self.threshold)  # type: ignore[arg-type]
        # The gentle pair (``Verdict.tentative``): a lower score still signposts, gently. A
        # model stored without them has one tier: the gentle pair is the confident one.
        gentle = float(data.get("gentle_threshold", self.threshold))  # type: ignore[arg-type]
        self.gentle_threshold = min(gentle, self.threshold)
        gentle = float(data.get("gentle_evidence_threshold", gentle))  # type: ignore[arg-type]
        self.gentle_evidence_threshold = min(gentle, self.evidence_threshold, self.gentle_threshold)
        # The share of a text's n-grams the model must know to speak at all (``familiar``).
        self.min_known = float(data.get("min_known", 0.0))  # type: ignore[arg-type]
        self.classes: list[str] = list(data["classes"])  # type: ignore[call-overload]
        self.intercepts: list[float] = [float(b) for b in data["intercepts"]]  # type: ignore[union-attr]
        # Per n-gram, a row of the table: idf, then one weight per class ("any" first).
        # Held as flat arrays read straight from bytes: 60,000 rows as Python floats in
        # tuples took 40 MB of a small server's memory, these take a quarter of that.
        grams = str(data["grams"]).split("\n")
        self.width = width = len(self.classes) + 1
        self.index = {gram: i for i, gram in enumerate(grams)}
        self.table = array("f", base64.b64decode(str(data["table"])))
        if sys.byteorder == "big":
            self.table.byteswap()  # stored little-endian
        if len(self.table) != width * len(grams):
            raise ValueError("risk model: table and n-grams do not match")
        # Meaning features (``meanings``): per feature one weight per class, no idf; each
        # message's are scaled by ``meaning_scale`` over the root of how many it has.
        self.meaning_scale = float(data.get("meaning_scale", 0.0))  # type: ignore[arg-type]
        self.meanings: dict[str, array[float]] = {}
        if data.get("meanings"):
            names = str(data["meanings"]).split("\n")
            rows = array("f", base64.b64decode(str(data["meaning_table"])))
            if sys.byteorder == "big":
                rows.byteswap()
            size = len(self.classes)
            if len(rows) != size * len(names):
                raise ValueError("risk model: meaning table and names do not match")
            self.meanings = {n: rows[i * size : (i + 1) * size] for i, n in enumerate(names)}
        # The first pass needs only idf squared and idf times the "any" weight.
        table = self.table
        self.first = array("d", [0.0]) * (2 * len(grams))
        for i in range(len(grams)):
            idf = table[i * width]
            self.first[2 * i] = idf * idf
            self.first[2 * i + 1] = idf * table[i * width + 1]

    def ngrams(self, text: str) -> Counter[str]:
        """Counts of the text's letter n-grams within space-padded words, exactly as
        scikit-learn's ``char_wb`` makes them (a word no longer than n gives one n-gram,
        itself, and no longer ones)."""
        low, high = self.low, self.high
        grams: list[str] = []
        extend = grams.extend
        for word in _SPACES.sub(" ", text).split():
            padded = f" {word} "
            size = len(padded)
            for n in range(low, high + 1):
                if size <= n:
                    grams.append(padded)
                    break
                extend([padded[i : i + n] for i in range(size - n + 1)])
        return Counter(grams)

    def read(self, text: str, evidence: bool = False, meant: Iterable[str] = ()) -> Verdict | None:
        """The verdict on ``text`` (normalised), or None when the score is under the gentle
        threshold (``gentle_evidence_threshold`` when ``evidence``: the text has a risk word),
        with the message's meaning features ``meant`` (``meanings``). A verdict under the
        confident threshold for its case is ``tentative``.

        Most messages are not risk, so the "any" score is found first in one pass over
        the n-grams, and the categories and the words only for a message that fires.
        """
        counts = self.ngrams(text)
        index, first = self.index, self.first
        dot = square = 0.0
        known = 0
        for gram, count in counts.items():
            i = index.get(gram)
            if i is not None:
                known += count
                tf = 1.0 + math.log(count) if count > 1 else 1.0
                dot += tf * first[2 * i + 1]
                square += tf * tf * first[2 * i]
        if not square or known < self.min_known * sum(counts.values()):
            return None
        rows = self._meant(meant)
        lift = sum(value * weights[0] for value, weights in rows.values())
        score = _sigmoid(self.intercepts[0] + dot / math.sqrt(square) + lift)
        if score < (self.gentle_evidence_threshold if evidence else self.gentle_threshold):
            return None
        known = self._known(counts)
        sums = self._sums({**known, **rows})
        category = max(range(1, len(sums)), key=sums.__getitem__)
        also = tuple(
            name
            for i, name in enumerate(self.classes)
            if name in GENEROUS and i != category and sums[i] >= 0.0
        )
        contributions = {gram: value * weights[0] for gram, (value, weights) in known.items()}
        words = _heaviest(text, contributions)
        pull = {name: value * weights[0] for name, (value, weights) in rows.items()}
        heavy = sorted((n for n in pull if pull[n] > 0), key=pull.__getitem__, reverse=True)
        backed = score < self.gentle_threshold
        named = tuple(name.removeprefix(MEANING) for name in heavy[:2])
        tentative = score < (self.evidence_threshold if evidence else self.threshold)
        return Verdict(score, self.classes[category], words, backed, also, named, tentative)

    def known_share(self, text: str) -> float:
        """The share of ``text``'s n-grams (normalised text) that the model knows."""
        counts = self.ngrams(text)
        total = sum(counts.values())
        return sum(c for g, c in counts.items() if g in self.index) / total if total else 0.0

    def scores(self, text: str, meant: Iterable[str] = ()) -> dict[str, float]:
        """Every class's score for ``text`` (normalised) and its meaning features: for
        evaluation and tests."""
        known = self._known(self.ngrams(text))
        if not known:
            return dict.fromkeys(self.classes, 0.0)
        sums = self._sums({**known, **self._meant(meant)})
        return dict(zip(self.classes, map(_sigmoid, sums), strict=True))

    def _meant(self, meant: Iterable[str]) -> dict[str, tuple[float, array[float]]]:
        """The known meaning features (keyed with ``MEANING`` before them, apart from
        n-grams), each with its value and weights."""
        if not self.meanings:
            return {}
        rows = [(name, self.meanings[name]) for name in meant if name in self.meanings]
        if not rows:
            return {}
        value = self.meaning_scale / math.sqrt(len(rows))
        return {MEANING + name: (value, weights) for name, weights in rows}

    def _known(self, counts: Counter[str]) -> dict[str, tuple[float, array[float]]]:
        """Each known n-gram's tf-idf value (sublinear tf, l2-normalised) and its weights."""
        index, table, width = self.index, self.table, self.width
        known = {}
        square = 0.0
        for gram, count in counts.items():
            i = index.get(gram)
            if i is not None:
                idf = table[i * width]
                value = (1.0 + math.log(count)) * idf if count > 1 else idf
                known[gram] = (value, table[i * width + 1 : (i + 1) * width])
                square += value * value
        if not known:
            return known
        norm = math.sqrt(square)
        return {gram: (value / norm, weights) for gram, (value, weights) in known.items()}

    def _sums(self, known: dict[str, tuple[float, array[float]]]) -> list[float]:
        sums = list(self.intercepts)
        for value, weights in known.values():
            for i, weight in enumerate(weights):
                sums[i] += value * weight
        return sums


def _heaviest(text: str, contributions: dict[str, float], most: int = 3) -> tuple[str, ...]:
    """The words whose n-grams added most to the "any risk" score, heaviest first."""
    weight: dict[str, float] = {}
    for word in text.split():
        padded = f" {word} "
        weight[word] = sum(
            value for gram, value in contributions.items() if gram in padded and value > 0
        )
    ranked = sorted(weight, key=weight.__getitem__, reverse=True)
    return tuple(w for w in ranked[:most] if weight[w] > 0)


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def pack(
    grams: dict[str, list[float]], names: str = "grams", rows: str = "table"
) -> dict[str, str]:
    """The n-grams (or meaning features) and their rows as stored: one string, and
    little-endian 32-bit floats in base64 (ample for weights; half the size of doubles)."""
    table = array("f", (value for row in grams.values() for value in row))
    if sys.byteorder == "big":
        table.byteswap()
    return {names: "\n".join(grams), rows: base64.b64encode(table.tobytes()).decode()}


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH) -> RiskModel | None:
    """The stored model, or None if there is none (the rules then work alone).

    A file cut short (a disk that filled during a deploy) or otherwise unreadable is
    logged and left out, never raised: a person typing "I want to die" must still get the
    helplines the rules find, not an error.
    """
    if not path.exists():
        log.warning("risk model %s is missing: the rules screen alone", path.name)
        return None
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return RiskModel(json.load(f))
    except (OSError, EOFError, ValueError, KeyError, TypeError) as exc:
        log.warning("risk model %s unreadable (%s): the rules screen alone", path.name, exc)
        return None
