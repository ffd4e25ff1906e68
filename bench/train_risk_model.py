"""Train the risk model (``bot/risk_model.py``) on the repo's risk corpora and store it.

    pip install -e '.[train]'
    python bench/train_risk_model.py            # writes bot/risk_model.json.gz
    python bench/train_risk_model.py --dry-run  # only the figures, writes nothing
    python bench/train_risk_model.py --check    # is the stored model trained on what is here?

scikit-learn fits it (``TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5))``, the
rules' meaning classes and their pairs beside them (``MEANINGS``), and one
``LogisticRegression`` per class: "any" risk, then each category); the bot reads the
stored idf and weights with pure-Python scoring, so scikit-learn is needed here only.

Three parts of what the repo holds, kept apart:

- **dev-test** (``is_devtest``): half of held-out batch 7 and half of the everyday set
  ``risk_dev_everyday``, by bands of each file's lines (``DEVTEST_BANDS``). Never fitted on,
  never used to choose anything: its figures, printed per language and script, are this
  training's honest measure. Batch 7's writer wrote the same ideas in every language at about
  the same place in each file, so a band keeps an idea (and its translations) on one side.
- **thresholds** (plain, and lower for a text with a risk word): the pair that finds most
  disclosures of training sets 23 onwards and of the exam batches 15-18 (``THRESHOLD_SETS``,
  ``EXAMS``), each scored by a model fitted without it, while they keep precision >=
  ``MIN_PRECISION``, everyday comments never trained on (``ORDINARY_CHECK``) fire at most
  ``MAX_ORDINARY_ALARMS`` of the time, long
  everyday answers made of them (``long_answers``) at most ``MAX_LONG_ALARMS``, and the
  training half of the everyday comments written to look like risk, scored by a fit without
  it, at most ``MAX_LOOKALIKE_ALARMS`` (``choose``). The trainer alone chooses them and
  stores why (``policy``): a stored model is what this file makes from what the repo holds,
  and ``--check`` says whether the rules or corpora changed since.
- **training**: everything else (every corpus, the training halves, the theme comments,
  the exam batches 15-18 since wave 26).

Each exam batch is read, as the bot reads it, by the rules and the fit without it at the
chosen thresholds (``exams``): per language, category and script, the honest figure of text
written the way the blind batches are.

The gates of ``bench/risk_eval.py`` measure fit, not generalisation. Generalisation is
measured on the dev-test here, and on a batch written by someone who saw neither, before it
lands (the lead's held-out batches).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import multiprocessing
import re
import sys
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.risk_eval import Line, load_corpus  # noqa: E402
from bot.config import load_settings  # noqa: E402
from bot.risk_model import ANY, MODEL_PATH, RiskModel, load_model, pack  # noqa: E402
from bot.risk_rules import builtin  # noqa: E402
from bot.safety import (  # noqa: E402
    CATEGORIES,
    PhraseLists,
    RiskScreen,
    load_builtin,
    merge,
    normalise,
)

DATA = ROOT / "tests" / "data"
CORPORA = (
    "risk",
    "risk_dev",
    "risk_dev10",
    "risk_dev12",
    "risk_dev17",
    "risk_dev18",
    "risk_dev19",
    "risk_dev19x",
    "risk_dev21",
    "risk_train21",
    "risk_train22",
    "risk_train22s",
    "risk_train23",
    "risk_train24",
    "risk_train25",
    "risk_train26",
    "risk_train27",
    "risk_train28",
    "risk_train29",
    "risk_train30",
    "risk_heldout",
    "risk_heldout4",
)
HELD_OUT = (
    "risk_heldout5",
    "risk_heldout6",
    "risk_heldout7",
    "risk_heldout8",
    "risk_heldout9",
    "risk_heldout10",
    "risk_heldout12",
    "risk_heldout13",
    "risk_heldout14",
)
"""Held-out batches of waves 5-20, trained on (whole, or the training half of a ``SPLIT`` one).
Until wave 23 each was scored by a fit without it to choose the threshold. Batches 13 and 14
(blind until wave 20's end) are trained on whole since wave 22, when the meaning features were
chosen on them."""
EXAMS = ("risk_heldout15", "risk_heldout16", "risk_heldout17", "risk_heldout18")
"""Batches 15-18 (about 4,900 lines, 13 languages), each written blind under the exam brief by
writers who saw no rule, model or corpus, and the lead's blind measure in waves 22-25. Trained
on since wave 26, and among ``THRESHOLD_SETS``: each is scored by a fit without it, so the
thresholds are chosen on exam-style text too, and each keeps an honest figure, printed per
language, category and script as the bot reads it (rules and that fit, ``exams``). Waves
22-25 raised every set the project could read and did not move the blind batches: the exams'
writers write differently from the training sets' (stored model of wave 25, never trained on
any of them: recall 0.913 / precision 0.892 on batch 18; ar bn gu pa 0.84-0.88; suicide 0.76).
Batch 19, which the lead keeps, is the blind measure now."""
SPLIT = (
    "risk_heldout7",
    "risk_dev_everyday",
    "risk_heldout8",
    "risk_heldout9",
    "risk_heldout10",
    "risk_heldout12",
)
"""Sets split into a training half and a dev-test half (``is_devtest``)."""
HASHED = ("risk_heldout8", "risk_heldout9", "risk_heldout10", "risk_heldout12")
"""Split sets whose halves are chosen by a hash of each line's text, not by bands: batch 8
(blind, seen since wave 16) is the second dev-test, and a hash keeps the choice of its half
away from anything a person could steer. Its writer put the same idea in every language, so
a translation of a dev-test line may be in the training half: its figure flatters a little.
Batch 9 (blind, seen since wave 18; part b in situations apart from part a's) is the third,
halved the same way. Batch 10 (blind, seen since wave 19) is the fourth, halved the same way;
batch 12 (blind, seen since wave 20) the fifth."""
DEVTESTS = ("risk_heldout7", "risk_heldout8", "risk_heldout9", "risk_heldout10", "risk_heldout12")
ROMANISED = ("ar", "ur", "pa", "gu", "bn")
"""Languages the batches write half in their own script and half in Latin letters."""
"""The batches whose dev-test halves are reported, per language and script."""
EVERYDAY = "risk_dev_everyday"
"""Everyday comments written to look like risk (hopes, tiredness, "dying for a tea", risk long
past, leaflets), as "none" lines in every enabled language, native script and romanised."""
DEVTEST_BANDS = 10
"""A file's lines in this many bands by position; the even bands are the dev-test."""
ORDINARY = DATA / "themes"
"""Everyday feedback (the theme corpora, 13 languages): taught as "no risk". Without it the
model learnt that anything personal in a language was risk: a third of plain comments fired."""
ORDINARY_CHECK = (DATA / "detect", DATA / "themes" / "heldout")
"""Everyday feedback never trained on: the threshold must keep false alarms on it rare."""
MAX_ORDINARY_ALARMS = 0.03
"""Wave 23 (the lead's decision): 3 %, the everyday gate's too (tests/test_risk_model.py). On
blind batch 15 thresholds chosen at 1.8 % found 0.883 of disclosures at precision 0.893; the
issue asks recall >= 0.95 at precision >= 0.8 on near misses, and a helpline shown to "nobody
asked how my kids are coping" costs less than silence. Wave 19: 1.8 % (it was 1 %). The
1 % limit, not precision, held the thresholds up: at it, near-miss precision on the dev-tests
was about 0.9 against a target of 0.8, and a kind helpline note to someone who did not need it
costs far less than silence to someone who did."""
MAX_LOOKALIKE_ALARMS = 0.045
"""The share of everyday comments written to look like risk ("dying for a tea", "dead on my
feet", risk long past) that may fire, on their training half scored by a fit without it (a
fold of its own beside ``THRESHOLD_SETS``). Wave 24: 4.5 %. The limit had been stated since
wave 19 (6.5 %, then 4.5 %, then 3.5 %) but, once the thresholds were chosen on training sets
23-25 in wave 23, no fold scored those comments and it held nothing (0.56 / 0.52 then
signposted 4.4 % of them). The rules alone signpost 0.7 % of that half (2.4 % of the
dev-test half, whose gate in tests/test_risk_model.py is 7 %). At 3.5 % the search took the
risk-word threshold to 0.43 (recall 0.902 on sets 23-25), at 4.5 % 0.57 / 0.50 (0.906):
a situation told with no risk word needs the plain threshold low, and suicide told as a
situation is the blind batches' weakest category. Earlier: wave 21 4.5 % (with risk2's
parts the search took the evidence threshold to 0.55-0.57, where "thanks for everything
Kelly" fired); wave 22 3.5 % (with the meaning features it took it to 0.37, where saving up
for a holiday, tablets taken as the doctor said and "foam" alone fired at 0.38-0.50)."""
MIN_PRECISION = 0.85
"""On ``THRESHOLD_SETS``, each scored by a fit without it (until wave 23 per language, on the
held-out batches; 0.8 until wave 19)."""
THRESHOLD_SETS = (
    "risk_train23",
    "risk_train24",
    "risk_train25",
    "risk_train26",
    "risk_train27",
    "risk_train28",
    "risk_train29",
    "risk_train30",
    *EXAMS,
)
"""The sets the thresholds are chosen on, each scored by a fit without it. Until wave 23 they
were the held-out batches 5-14, but the rules were tuned on those: there the model only
mopped up, and thresholds chosen there favoured precision (on blind batch 15, 0.66/0.50 found
0.883; 0.60/0.35 0.914 at precision 0.886). Training sets 23-25 were written blind to the
rules, and their first runs measured before anyone read them. Set 26 (suicide told as
situations, long everyday near misses, more Latvian and Gujarati) joins them in wave 24, set 27
(disclosures told over many sentences, reunion with someone who died told in the future,
near misses that reuse the same words; more lt lv so gu bn) in wave 25: written blind like
them and measured once before anyone read it (stored model of wave 24: recall 0.927,
precision 0.793), it is the only set with many long disclosures (210 of 30 words or more).
Set 28 (wave 26, the weak languages) joins them, recall only (``RECALL_ONLY``). The exam
batches 15-18 (``EXAMS``) join them in wave 26 too, held to ``MIN_PRECISION`` like 23-25:
their mix of disclosures and near misses is the exam's own."""
RECALL_ONLY = ("risk_train26", "risk_train27", "risk_train28", "risk_train29", "risk_train30")
"""Threshold sets whose disclosures count towards recall but whose precision is not held to
``MIN_PRECISION``: set 26 was written with far more near misses than 23-25 (long everyday
answers that name a bridge, a last visit, a plan for tonight), so its precision at any
threshold is lower for its mix, not for the model. Held to 0.85 with the others, it took the
thresholds from 0.58 / 0.45 to 0.67 / 0.61: out of fold, recall on sets 23-25 0.906 -> 0.871
and on set 26 0.887 -> 0.844, for precision 0.856 -> 0.873 on 23-25 and 0.753 -> 0.785 on
26. On blind batch 16 precision was 0.906 and recall 0.931: recall is what falls short of
the issue's 0.95, precision is above its 0.8. Its precision is printed at training.
Set 27 too (wave 25): its near misses reuse the disclosures' own words, so at any threshold
its precision is lower for its mix (0.793 at its first run, 0.80 out of fold). Held to 0.85
with 23-25 it took the thresholds from 0.60 / 0.46 to 0.60 / 0.60: out of fold on sets 23-27
recall 0.906 -> 0.885, and dev batch 15 (never trained on) 0.927 -> 0.916.
Set 28 too (wave 26: ar ur pa gu bn so, code-switching, chat spelling, near misses with the
disclosures' own words, as in 27): scored once before anyone trained on it (stored model of
wave 25: recall 0.855, precision 0.866), it is the weak languages' own and its disclosures
count towards recall. Sets 29 (ru lt lv pl pt ro en so bn: many voices, suicide as a
situation) and 30 (all 13 languages, 56 % near misses that use the words of risk with no
danger now) too, for the same reason (near misses with the disclosures' own words); scored
once before training on them (wave-26 model of 05:10, both tiers: 29 recall 0.955 precision
0.838, 30 0.971 / 0.805; the wave-25 model 0.929 / 0.853 and 0.952 / 0.814)."""
LONG_SIZES = (3, 5)
"""Long everyday answers (``long_answers``): each file of ``ORDINARY_CHECK`` cut into runs of
this many lines in a row, each run joined into one message. Attack23 found about a tenth of
everyday answers told in several sentences signposted: a message holds more meaning classes,
and pairs of them across sentences (``bot.risk_model.ACROSS``), than a single comment."""
MAX_LONG_ALARMS = 0.03
"""The share of long everyday answers that may fire: the everyday limit's own, since a long
answer is just as ordinary, and a person who writes more should not be more likely to get a
helpline they did not need."""


class Limits(NamedTuple):
    """The three alarm limits the thresholds keep (``choose``): shares of everyday comments,
    of everyday comments written to look like risk, and of long everyday answers."""

    everyday: float
    lookalike: float
    long: float


LIMITS = Limits(MAX_ORDINARY_ALARMS, MAX_LOOKALIKE_ALARMS, MAX_LONG_ALARMS)
GENTLE_LIMITS = Limits(0.05, 0.07, 0.05)
"""The alarm limits of the gentle pair of thresholds (``bot.risk_model.Verdict.tentative``):
a message the model scores between it and the confident pair (chosen at ``LIMITS``) is
signposted too, helplines and all, with an opening that does not presume ("Thank you for
telling us. If you or someone with you is not safe right now..."). Wave 26, the lead's
decision: the weak languages' misses scored 0.3-0.56, just under the confident pair, and
precision on the exam batches held far above the issue's 0.8 as the thresholds fell (stored
model of wave 25 on batches 15-18, never trained on: 0.58 / 0.45 recall 0.939 precision 0.900
everyday 2.8 %; 0.44 / 0.33 0.964, 0.879, 6.0 %). A kind note to someone who did not need it
costs far less than silence to someone who did. Measured with ``--limits-table`` (model of
04:52, trained on sets to 28 and batches 15-18; each exam batch read by the rules and a fit
without it; confident pair 0.56 / 0.50):

- 5 / 7 / 5 % (kept): gentle pair 0.44 / 0.44, everyday comments signposted 4.8 %, lookalikes
  6.2 %, long answers 4.0 %; batches 15-18 recall / precision 0.969 / 0.895, 0.964 / 0.901,
  0.979 / 0.888, 0.948 / 0.892.
- 6 / 9 / 6 % (first chosen): 0.42 / 0.42, 5.7 %, 7.0 %, 4.0 %; 0.969 / 0.893, 0.965 / 0.893,
  0.981 / 0.885, 0.950 / 0.891.

5 / 7 / 5 keeps all but 0.002 of the recall at 4.8 % of everyday comments instead of 5.7 %."""
GENTLE_MIN_PRECISION = 0.8
"""The gentle pair's precision floor on ``THRESHOLD_SETS`` not in ``RECALL_ONLY``: the issue's
figure for near misses."""
TRADE_OFFS = (
    Limits(0.03, 0.045, 0.03),
    Limits(0.04, 0.06, 0.04),
    Limits(0.05, 0.07, 0.05),
    Limits(0.06, 0.08, 0.06),
    GENTLE_LIMITS,
)
"""The gentle pair's limits ``--limits-table`` compares (wave 26: the trade-off between a
helpline note to someone who did not need it and silence to someone who did)."""
WEAK = ("ar", "bn", "gu", "pa", "so")
"""The languages blind batch 18 found weakest (recall 0.84-0.90): shown apart in the table."""
LONG_TRAINED = True
"""Whether the theme comments (``ORDINARY``) are taught as long answers too, joined as
``long_answers`` joins the check's: singly, the model learnt that an ordinary sentence is no
risk, but not that three of them together are none either."""
RULES_FILES = (
    "bot/safety.py",
    "bot/risk_rules.py",
    "bot/risk_negation.py",
    "bot/risk_slips.py",
    "bot/risk_noslip.txt",
    "bot/risk_model.py",
    "bot/textnorm.py",
    "bot/translit.py",
    "bot/arabizi.py",
    "bot/cyrlat.py",
    "bot/risk_lexicon.yaml",
    "bot/risk_concepts.yaml",
    "bot/risk_phrases.yaml",
    "config.yaml",
)
"""What the model's input is read with (the rules' sentences, meaning classes and risk words):
hashed into the stored model (``fingerprint``) so ``--check`` can tell a stale model."""
NGRAMS = (2, 5)
"""Letter n-grams of the text as read. Tried on the dev-test and left out, as they did not
pay: word unigrams and bigrams beside them (recall 0.854 -> 0.830 at the chosen threshold),
and the same letters again with Indic, Cyrillic and Arabic script written in Latin, so that
"marna" and "ਮਰਨਾ" share weights (0.874 -> 0.850; at equal precision, 0.907 both)."""
C = 4.0
MIN_KNOWN = 0.7
"""The share of a text's letter n-grams the model must know to score it at all (stored as
``min_known``). Everyday comments in languages the model never learned (Kurdish, Turkish,
French: under half their n-grams known) made most of its false alarms, and so held its
thresholds up for every language; disclosures in the 13 languages it learned have 0.8 or more
of theirs known (printed at training: how many fall under it)."""
THRESHOLDS = [round(0.30 + 0.01 * i, 2) for i in range(66)]
MIN_EVIDENCE_THRESHOLD = 0.45
"""The lowest the threshold with a risk word may go (``choose``). Under it, a message's score
is mostly its risk word's own letters: "foam foam" scored 0.45, "I hate needles, the blood
test room is freezing" and "I worked too much and I'm passing out on the bus" 0.37-0.45, and
wave 22 saw saving up for a holiday and tablets taken as the doctor said fire at 0.38-0.50.
Wave 24 without the floor: the search took it to 0.37 or 0.38 with the rules of 23:03 and
00:00 and to 0.48 with those of 23:41 (the recall there is flat: out of fold on sets 23-26,
0.904 at 0.59 / 0.38 and 0.900 at 0.56 / 0.48, precision 0.820 and 0.829), so each edit of
the rules flipped a dozen everyday answers. With the floor the plain threshold goes lower
(0.56), which is what a situation told with no risk word needs. Batch 15 (dev set, never
trained on) with the rules of 23:41: 0.936 / 0.904 at 0.55 / 0.48, 0.928 / 0.895 at
0.60 / 0.37."""
RECALL_TIE = 0.001
"""Held-out recall this close to the best pair's is a tie, which the higher precision breaks
(``choose``). Wave 23, with training sets 23 and 24: the best pair by recall alone was 0.71
and 0.35, 0.9709 of 3,675 held-out disclosures at precision 0.932; 0.68 and 0.48 found 3
fewer (0.9701) and signposted about 25 fewer near misses (0.939). At 0.35 a risk word let
everyday comments the lookalike limit never saw through: tablets taken as the doctor said,
saving up for a holiday, a worker's last day, "thanks for everything, ring me"."""
MEANINGS = "pairs"
"""The rules' meaning classes as features beside the letters (``bot.risk_model.meanings``):
"off", "classes" (each class a sentence holds), or "pairs" (and each pair in one sentence).
Wave 22, fitted without blind batches 13 and 14 and scored on them as the bot reads them
(rules and model, thresholds chosen again each time), recall/precision on 13 and 14:
letters alone 0.873/0.881 and 0.828/0.856; classes 0.870/0.878 and 0.836/0.862; pairs
0.892/0.871 and 0.866/0.865 (dev-test batch 12 0.912 -> 0.956); pairs within one lexicon's
reading (kept) 0.890/0.874 and 0.860/0.865, dev-test everyday lookalikes 4.3 % signposted
(5.2 % across lexicons); pairs from every lexicon, also one that reads a single word of the
sentence, 0.878/0.875 and 0.849/0.864. With batch 14 trained on, batch 13 went 0.892 ->
0.905 (letters alone: 0.873 -> 0.875): a situation taught in one batch now carries. Wave 23
adds pairs across two sentences of one message ("PETCARE~TONIGHT", ``bot.risk_model.ACROSS``)."""
MEANING_SCALE = 0.7
"""The length of a message's meaning features against its letter n-grams' (1, tf-idf rows
being l2-normalised): under the same regularisation, how much they may weigh. Batches 13
and 14 (recall) at 0.5: 0.892, 0.863; at 0.7: 0.892, 0.866; at 1.0: 0.897, 0.866 (the
lookalikes of the dev-test 4.0, 5.2, 5.5 % signposted); at 2.0: 0.865, 0.815."""
MEANING_MIN_DF = 2
"""Training lines a meaning feature must be in to be kept."""
SCORED: tuple[str, ...] = ()
"""Batches never trained on, scored by the final model with the rules, as the bot reads them
(``bench.risk_eval.evaluate``), per language and category. Wave 22 compared the meaning
features on batches 13 and 14 so (``MEANINGS``); both are trained on since. Batch 15 was
scored so in waves 23-25; since wave 26 batches 15-18 are trained on and each is measured
by a fit without it instead (``EXAMS``, ``exams``). Batch 19 is never read here."""


def is_devtest(line: Line) -> bool:
    """Whether ``line`` is in the dev-test half of a ``SPLIT`` set (by its place in its file)."""
    folder = line.where.split("/")[0]
    if folder not in SPLIT:
        return False
    if folder in HASHED:
        return hashlib.sha256(line.text.strip().encode("utf-8")).digest()[0] % 2 == 0
    return int(_position(line.where) * DEVTEST_BANDS) % 2 == 0


@lru_cache(maxsize=64)
def _rows(folder: str, name: str) -> dict[int, int]:
    """Line number -> index among a file's message lines, and their count (key 0)."""
    raw = (DATA / folder / name).read_text(encoding="utf-8").splitlines()
    numbers = [i for i, r in enumerate(raw, 1) if r.strip() and not r.startswith("#")]
    return {0: len(numbers), **{n: i for i, n in enumerate(numbers)}}


def _position(where: str) -> float:
    folder, rest = where.split("/", 1)
    name, number = rest.rsplit(":", 1)
    rows = _rows(folder, name)
    return rows[int(number)] / rows[0]


def lines(names: tuple[str, ...]) -> list[Line]:
    found: list[Line] = []
    for name in names:
        folder = DATA / name
        if folder.exists():
            found += load_corpus(folder, batches=name != "risk")
    return found


def ordinary(files: list[Path]) -> list[Line]:
    """Everyday comments as "no risk" lines (first column of a .tsv, or a .txt line)."""
    found = []
    for file in files:
        for number, raw in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            text = raw.split("\t")[0].strip()
            if text and not text.startswith("#"):
                where = f"{file.parent.name}/{file.name}:{number}"
                found.append(Line(file.stem, frozenset(), text, True, "", where, "ordinary"))
    return found


END = tuple(".!?।؟。۔")
"""Marks that end a sentence: a line without one gets a full stop before the next is joined."""


def long_answers(everyday: list[Line], sizes: tuple[int, ...] = LONG_SIZES) -> list[Line]:
    """Everyday answers of several sentences: each file's lines, in order, in runs of each
    of ``sizes``, every run one message (lines that end without a full stop get one)."""
    by_file: dict[str, list[Line]] = {}
    for line in everyday:
        by_file.setdefault(line.where.rsplit(":", 1)[0], []).append(line)
    found = []
    for where, own in sorted(by_file.items()):
        for size in sizes:
            for start in range(0, len(own) - size + 1, size):
                run = own[start : start + size]
                text = " ".join(t if t.endswith(END) else t + "." for t in (r.text for r in run))
                place = f"{where}:{start + 1}+{size}"
                found.append(Line(run[0].lang, frozenset(), text, True, "", place, "long"))
    return found


def fingerprint(names: tuple[str, ...] = RULES_FILES) -> dict[str, str]:
    """A short hash of each file the model's input is read with (``RULES_FILES``)."""
    return {
        name: hashlib.sha256((ROOT / name).read_bytes()).hexdigest()[:16]
        for name in names
        if (ROOT / name).exists()
    }


def corpora_hashes() -> dict[str, str]:
    """A short hash of each corpus folder the model is fitted or chosen on."""
    found = {}
    for name in (*CORPORA, *HELD_OUT, *EXAMS, EVERYDAY, "themes", "themes/heldout", "detect"):
        folder = DATA / name
        if folder.exists():
            files = sorted(p for p in folder.glob("*.*") if p.is_file())
            found[name] = hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()[:16]
    return found


def stale(stored: dict[str, object]) -> list[str]:
    """What changed since ``stored`` was trained: rules files and corpora whose hash differs,
    and corpora added or dropped. Empty when the stored model is what the trainer would fit
    from what the repo holds now."""
    changed = []
    for key, now in (("rules", fingerprint()), ("trained_on", corpora_hashes())):
        then = stored.get(key)
        if not isinstance(then, dict):
            changed.append(f"{key}: not recorded (a model from before the trainer recorded it)")
            continue
        for name in sorted(set(then) | set(now)):
            if then.get(name) != now.get(name):
                was = "new" if name not in then else "gone" if name not in now else "changed"
                changed.append(f"{key}: {name} {was}")
    return changed


def fit(
    train: list[Line],
    reading: Callable[[str], str],
    full: bool = True,
    meant: Callable[[str], list[str]] | None = None,
    scale: float = MEANING_SCALE,
) -> tuple[dict[str, object], Callable]:
    """The model's stored form, and scikit-learn's own "any risk" scores for checking it
    (with ``full`` False, only the scores: no per-category weights). With ``meant`` (a
    text's meaning features, ``bot.risk_model.meanings``) those are features too, beside
    the letter n-grams: binary, each message's scaled to length ``scale``."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import normalize

    vectoriser = TfidfVectorizer(
        analyzer="char_wb", ngram_range=NGRAMS, min_df=2, sublinear_tf=True, lowercase=False
    )
    matrix = vectoriser.fit_transform([reading(line.text) for line in train])
    senses = None
    if meant is not None:
        senses = CountVectorizer(
            analyzer=_same, binary=True, min_df=MEANING_MIN_DF, lowercase=False
        )
        found = senses.fit_transform([meant(line.text) for line in train])
        matrix = hstack([matrix, normalize(found) * scale]).tocsr()

    def features(texts: list[str]):
        grams = vectoriser.transform([reading(t) for t in texts])
        if senses is None:
            return grams
        found = normalize(senses.transform([meant(t) for t in texts])) * scale
        return hstack([grams, found]).tocsr()

    classes = [ANY, *CATEGORIES] if full else [ANY]
    weights, intercepts, models = [], [], []
    for cls in classes:
        target = [int(bool(line.labels) if cls == ANY else cls in line.labels) for line in train]
        model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced", random_state=0)
        model.fit(matrix, target)
        models.append(model)
        weights.append(model.coef_[0])
        intercepts.append(float(model.intercept_[0]))
    grams = {
        gram: [float(vectoriser.idf_[i]), *(float(w[i]) for w in weights)]
        for gram, i in sorted(vectoriser.vocabulary_.items())
    }
    stored = {
        "ngram_range": list(NGRAMS),
        "classes": classes,
        "intercepts": [round(b, 5) for b in intercepts],
        **pack(grams),
        "threshold": 0.5,
    }
    if senses is not None:
        width = len(vectoriser.vocabulary_)
        rows = {
            name: [float(w[width + i]) for w in weights]
            for name, i in sorted(senses.vocabulary_.items())
        }
        stored |= pack(rows, "meanings", "meaning_table")
        stored["meaning_scale"] = scale
    first = models[0]

    def predict(texts: list[str]) -> list[float]:
        found = first.predict_proba(features(texts))
        return [round(float(p), 4) for p in found[:, 1]]

    return stored, predict


def _same(tokens: list[str]) -> list[str]:
    """Meaning features come as tokens already (a named function: a lambda does not pickle)."""
    return tokens


Scores = dict[str, float]
"""A model's "any risk" score per message text."""


def effective(
    scores: Scores,
    backed: dict[str, bool],
    high: float,
    low: float,
    familiar: dict[str, bool] | None = None,
) -> Scores:
    """1.0 where the model fires (its score at ``high``, or at ``low`` with a risk word of
    ``bot.risk_model.EVIDENCE`` in the text; only on ``familiar`` text when given), else
    0.0: for ``tallies`` at 0.5."""
    return {
        text: float(
            (score >= high or (score >= low and backed[text]))
            and (familiar is None or familiar[text])
        )
        for text, score in scores.items()
    }


def choose(
    held: list[Line],
    out_of_fold: Scores,
    everyday: list[Line],
    scores: Scores,
    fires: dict[str, bool],
    backed: dict[str, bool],
    familiar: dict[str, bool] | None = None,
    lookalike: list[Line] | None = None,
    long: list[Line] | None = None,
    limits: Limits | None = None,
    min_precision: float = MIN_PRECISION,
    ceiling: tuple[float, float] = (1.0, 1.0),
) -> tuple[float, float]:
    """The two thresholds (plain, and with a risk word) that find the most disclosures of the
    held-out sets (``THRESHOLD_SETS``), each scored by a fit without it, while they keep
    precision >= ``MIN_PRECISION`` on those not in ``RECALL_ONLY``, and everyday comments
    never trained on fire at most ``MAX_ORDINARY_ALARMS`` of the time, and the training half
    of the everyday comments written to look like risk (``lookalike``, scored by a fit
    without them) at most
    ``MAX_LOOKALIKE_ALARMS``, and long everyday answers (``long``, scored like ``everyday``)
    at most ``MAX_LONG_ALARMS``. Recall within ``RECALL_TIE`` of the best is a tie; ties go to
    the higher precision, then the higher plain threshold. ``limits`` and ``min_precision``
    replace the three alarm limits (``LIMITS``) and ``MIN_PRECISION``, for the gentle pair
    (``GENTLE_LIMITS``, never over ``ceiling``: the confident pair) or to measure others
    (``--limits-table``).

    Until wave 18 the plain threshold was the lowest within those limits and the other was
    then lowered alone; searching the pair together finds more at the same false alarms (the
    risk word carries most of the evidence), and the dev-tests are never looked at."""
    most_everyday, most_lookalike, most_long = limits or LIMITS
    plain = {ln.text: scores[ln.text] for ln in everyday + (long or [])}
    precise = [ln for ln in held if ln.where.split("/")[0] not in RECALL_ONLY] or held
    allowed: list[tuple[float, float, float, float]] = []
    for high in THRESHOLDS:
        if high > ceiling[0]:
            break
        for low in THRESHOLDS:
            if low > min(high, ceiling[1]):
                break
            if low < min(MIN_EVIDENCE_THRESHOLD, high):
                continue
            now = effective(plain, backed, high, low, familiar)
            if alarms(everyday, fires, now, 0.5) > most_everyday:
                continue
            if long and alarms(long, fires, now, 0.5) > most_long:
                continue
            oof = effective(out_of_fold, backed, high, low, familiar)
            if lookalike and alarms(lookalike, fires, oof, 0.5) > most_lookalike:
                continue
            recall = total(tallies(held, fires, oof, 0.5))[0]
            precision = total(tallies(precise, fires, oof, 0.5))[1]
            if precision < min_precision:
                continue
            allowed.append((recall, precision, high, low))
    if not allowed:
        return min(THRESHOLDS[-1], ceiling[0]), min(THRESHOLDS[-1], ceiling[1])
    most = max(recall for recall, *_ in allowed)
    near = [pair for pair in allowed if pair[0] >= most - RECALL_TIE - 1e-9]
    _, _, high, low = max(near, key=lambda pair: (pair[1], pair[2], pair[0]))
    return high, low


def tallies(
    test: list[Line], fires: dict[str, bool], scores: Scores, threshold: float, key=None
) -> dict[str, list[int]]:
    """True positives, false positives and misses of rules or model, per ``key`` of a line
    (its language unless told)."""
    per: dict[str, list[int]] = {}
    for line in test:
        fired = fires[line.text] or scores[line.text] >= threshold
        tp_fp_fn = per.setdefault(key(line) if key else line.lang, [0, 0, 0])
        if line.labels:
            tp_fp_fn[0 if fired else 2] += 1
        elif fired:
            tp_fp_fn[1] += 1
    return per


def rp(tp: int, fp: int, fn: int) -> tuple[float, float]:
    return tp / max(tp + fn, 1), tp / max(tp + fp, 1)


def total(per: dict[str, list[int]]) -> tuple[float, float]:
    return rp(*(sum(v[i] for v in per.values()) for i in range(3)))


def script(line: Line) -> str:
    """The script a line is written in, romanised lines as "Latin"."""
    return line.script.split(" ")[0].split("+")[0]


def alarms(lines: list[Line], fires: dict[str, bool], scores: Scores, threshold: float) -> float:
    """Share of (everyday) lines that would be signposted."""
    fired = sum(fires[ln.text] or scores[ln.text] >= threshold for ln in lines)
    return fired / max(len(lines), 1)


def report(
    title: str, devtest: list[Line], fires: dict[str, bool], scores: Scores, threshold: float
) -> None:
    """The dev-test figures: each dev-test batch's half per language and script, and
    everyday alarms."""
    everyday = [ln for ln in devtest if ln.where.startswith(EVERYDAY + "/")]
    print(title)
    for name in DEVTESTS:
        batch = [ln for ln in devtest if ln.where.startswith(name + "/")]
        langs = tallies(batch, fires, scores, threshold)
        scripts = tallies(batch, fires, scores, threshold, script)
        recall, precision = total(langs)
        print(f"  dev-test {name} ({len(batch)}): recall {recall:.3f}, precision {precision:.3f}")
        print("  " + ", ".join(f"{k} {r:.2f}/{p:.2f}" for k, (r, p) in _rp_all(langs)))
        print("  " + ", ".join(f"{k} {r:.2f}/{p:.2f}" for k, (r, p) in _rp_all(scripts)))
        # Languages written both ways: romanised ("ar Latin" is Arabizi) and native apart.
        both = tallies(batch, fires, scores, threshold, lambda ln: f"{ln.lang} {script(ln)}")
        mixed = [(k, v) for k, v in _rp_all(both) if k.split()[0] in ROMANISED]
        print("  " + ", ".join(f"{k} {r:.2f}/{p:.2f}" for k, (r, p) in mixed))
    rules = alarms(everyday, fires, dict.fromkeys(scores, 0.0), 2.0)
    print(
        f"  dev-test everyday comments signposted: {alarms(everyday, fires, scores, threshold):.1%}"
        f" of {len(everyday)} (rules alone {rules:.1%})"
    )


def scored(screen: RiskScreen) -> None:
    """The blind batches never trained on (``SCORED``), read as the bot reads them: rules and
    this model, per language and category."""
    from bench.risk_eval import evaluate

    for name in SCORED:
        batch = lines((name,))
        tables = evaluate(screen, batch, show=False)
        every = tables["all"]["all"]
        print(
            f"  {name} ({len(batch)}): recall {every.recall:.3f}, precision {every.precision:.3f}"
        )
        for table in ("language", "category"):
            print(
                "  "
                + ", ".join(
                    f"{k} {t.recall:.2f}/{t.precision:.2f}"
                    for k, t in sorted(tables[table].items())
                )
            )


_FOLD: dict[str, object] = {}
"""What a fold's fit needs (``_fold``), set before the folds' processes are forked."""


def _fold(name: str) -> tuple[str, dict[str, object] | None, list[float]]:
    """The threshold set or lookalike fold ``name`` scored by a fit without it: its name, the
    fit's stored form for an exam batch (every category; else None), and its lines' scores."""
    train: list[Line] = _FOLD["train"]  # type: ignore[assignment]
    left = [ln for ln in train if ln.where.startswith(name + "/")]
    rest = [ln for ln in train if not ln.where.startswith(name + "/")]
    full = name in EXAMS and not _FOLD.get("quick")
    fold, predict = fit(
        rest,
        _FOLD["reading"],  # type: ignore[arg-type]
        full=full,
        meant=_FOLD["meant"],  # type: ignore[arg-type]
        scale=_FOLD["scale"],  # type: ignore[arg-type]
    )
    return name, fold if full else None, predict([ln.text for ln in left])


def exams(
    phrases: PhraseLists,
    folds: dict[str, dict[str, object]],
    confident: tuple[float, float],
    gentle: tuple[float, float],
    show: bool = True,
) -> dict[str, dict[str, list[float]]]:
    """Each exam batch (``EXAMS``) read as the bot reads it, by the rules and a fit without
    it with the ``confident`` and ``gentle`` pairs of thresholds (either signposts): its
    honest figure, printed per language, category and script when ``show``. Returns recall
    and precision per batch (key "all"), per language and per category."""
    from bench.risk_eval import evaluate, report_heldout

    found: dict[str, dict[str, list[float]]] = {}
    for name, fold in folds.items():
        stored = dict(fold, threshold=confident[0], evidence_threshold=confident[1])
        stored |= {"gentle_threshold": gentle[0], "gentle_evidence_threshold": gentle[1]}
        screen = RiskScreen(
            phrases, builtin(normalise), RiskModel(stored | {"min_known": MIN_KNOWN})
        )
        batch = lines((name,))
        if show:
            report_heldout(screen, batch, False, name)
        tables = evaluate(screen, batch, show=False)
        own = {"all": tables["all"]["all"]}
        own |= tables["language"]
        own |= {f"category {k}": t for k, t in tables["category"].items()}
        found[name] = {
            key: [round(t.recall, 4), round(t.precision, 4)] for key, t in sorted(own.items())
        }
    return found


def trade_offs(
    phrases: PhraseLists,
    folds: dict[str, dict[str, object]],
    held: list[Line],
    out_of_fold: Scores,
    everyday: list[Line],
    scores: Scores,
    fires: dict[str, bool],
    backed: dict[str, bool],
    familiar: dict[str, bool],
    lookalike: list[Line],
    long: list[Line],
    confident: tuple[float, float],
) -> None:
    """For each alarm limit of ``TRADE_OFFS``, the gentle pair it gives (under the
    ``confident`` pair, at ``GENTLE_MIN_PRECISION``): out-of-fold recall and precision on the
    training threshold sets and on each exam batch (as the bot reads it; the ``WEAK``
    languages apart), and what share of everyday comments, lookalikes and long everyday
    answers would be signposted."""
    trained = [ln for ln in held if ln.where.split("/")[0] not in EXAMS]
    for limits in TRADE_OFFS:
        high, low = choose(
            held,
            out_of_fold,
            everyday,
            scores,
            fires,
            backed,
            familiar,
            lookalike,
            long,
            limits,
            GENTLE_MIN_PRECISION,
            confident,
        )
        oof = effective(out_of_fold, backed, high, low, familiar)
        now = effective(scores, backed, high, low, familiar)
        shares = "/".join(f"{v:.1%}" for v in limits)
        print(f"limits {shares} (everyday/lookalike/long): gentle pair {high} / {low}")
        print(
            f"  signposted: everyday {alarms(everyday, fires, now, 0.5):.1%},"
            f" lookalike {alarms(lookalike, fires, oof, 0.5):.1%},"
            f" long {alarms(long, fires, now, 0.5):.1%}"
        )
        recall, precision = total(tallies(trained, fires, oof, 0.5))
        print(f"  training sets 23-27 out of fold: recall {recall:.3f}, precision {precision:.3f}")
        figures = exams(phrases, folds, confident, (high, low), show=False)
        for name, own in figures.items():
            weak = ", ".join(f"{k} {own[k][0]:.2f}/{own[k][1]:.2f}" for k in WEAK if k in own)
            cats = ", ".join(
                f"{k.split()[1]} {v[0]:.2f}/{v[1]:.2f}"
                for k, v in own.items()
                if k.startswith("category ")
            )
            every = own["all"]
            print(f"  {name}: recall {every[0]:.3f}, precision {every[1]:.3f}; {weak}; {cats}")


LONG_WORDS = 30
"""A message of this many words or more is a long answer in ``breakdown``'s figures."""


def breakdown(held: list[Line], fires: dict[str, bool], oof: Scores) -> None:
    """The held-out sets' out-of-fold figures per language, per script of the languages
    written both ways, per category (recall: a disclosure of it signposted at all), and for
    long answers (``LONG_WORDS``) apart: where the weak languages and long answers show."""
    sides = (
        ("language", lambda ln: ln.lang),
        ("script", lambda ln: f"{ln.lang} {script(ln)}" if ln.lang in ROMANISED else None),
        ("length", lambda ln: "long" if len(ln.text.split()) >= LONG_WORDS else "short"),
    )
    for title, key in sides:
        per = tallies([ln for ln in held if key(ln) is not None], fires, oof, 0.5, key)
        print(f"    {title}: " + ", ".join(f"{k} {r:.2f}/{p:.2f}" for k, (r, p) in _rp_all(per)))
    found = {
        cat: sum(fires[ln.text] or oof[ln.text] >= 0.5 for ln in held if cat in ln.labels)
        / max(sum(cat in ln.labels for ln in held), 1)
        for cat in CATEGORIES
    }
    print("    category recall: " + ", ".join(f"{k} {v:.3f}" for k, v in found.items()))


def _rp_all(per: dict[str, list[int]]) -> list[tuple[str, tuple[float, float]]]:
    return [(key, rp(*tally)) for key, tally in sorted(per.items())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="say whether the stored model was trained on the rules and corpora here (seconds)",
    )
    parser.add_argument("--dry-run", action="store_true", help="print figures, write nothing")
    parser.add_argument(
        "--stored", action="store_true", help="only the stored model's dev-test figures"
    )
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument(
        "--jobs", type=int, default=2, help="processes fitting the folds (1: none, in turn)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="the exam batches' folds score 'any' only: the same thresholds, no exam report",
    )
    parser.add_argument(
        "--limits-table",
        action="store_true",
        help="the thresholds and figures each alarm limit of TRADE_OFFS would give",
    )
    parser.add_argument("--meanings", choices=("off", "classes", "pairs"), default=MEANINGS)
    parser.add_argument("--scale", type=float, default=MEANING_SCALE)
    parser.add_argument(
        "--drop",
        default="",
        help="meaning classes to leave out of the features, comma-separated (to measure them)",
    )
    args = parser.parse_args(argv)
    dropped = frozenset(filter(None, args.drop.split(",")))

    if args.check:
        with gzip.open(args.out, "rt", encoding="utf-8") as f:
            changed = stale(json.load(f))
        for change in changed:
            print(f"{args.out.name}: {change}")
        if changed:
            print("retrain: python bench/train_risk_model.py")
            return 1
        print(f"{args.out.name} was trained on the rules and corpora as they are")
        return 0

    settings = load_settings(ROOT / "config.yaml")
    phrases = merge(load_builtin(), settings.risk_phrases)
    rules_only = RiskScreen(phrases, builtin(normalise))

    def reading(text: str) -> str:
        return " ".join(rules_only.sentences(text))

    @cache
    def meaning(text: str) -> list[str]:
        found = sorted(rules_only.meanings(rules_only.reading(text)))
        if dropped:
            found = [m for m in found if not dropped.intersection(re.split(r"[+~]", m))]
        return found if args.meanings == "pairs" else [m for m in found if "+" not in m]

    meant = None if args.meanings == "off" else meaning

    plain = ordinary(sorted(ORDINARY.glob("*.tsv")))
    everything = lines(CORPORA + HELD_OUT + EXAMS + (EVERYDAY,)) + plain
    if LONG_TRAINED:
        everything += long_answers(plain)
    devtest = [ln for ln in everything if is_devtest(ln)]
    train = [ln for ln in everything if not is_devtest(ln)]
    everyday = ordinary([f for folder in ORDINARY_CHECK for f in sorted(folder.glob("*.*"))])
    long = long_answers(everyday)
    fires = {ln.text: bool(rules_only.hits(ln.text)) for ln in everything + everyday + long}

    if args.stored:
        stored = load_model(args.out)
        if stored is None:
            raise SystemExit(f"no model at {args.out}")
        scores = {t: stored.scores(reading(t), meaning(t) if meant else ())[ANY] for t in fires}
        backed = {t: rules_only.has_evidence(t) for t in fires}
        familiar = {t: stored.known_share(reading(t)) >= stored.min_known for t in fires}
        pair = (stored.gentle_threshold, stored.gentle_evidence_threshold)
        now = effective(scores, backed, *pair, familiar)
        title = f"stored model {args.out.name}, thresholds {stored.threshold}"
        title += f" / {stored.evidence_threshold}, gentle {pair[0]} / {pair[1]}"
        report(title, devtest, fires, now, 0.5)
        print(
            f"  everyday comments (check) signposted: "
            f"{alarms(everyday, fires, now, 0.5):.1%} of {len(everyday)}; long answers made"
            f" of them {alarms(long, fires, now, 0.5):.1%} of {len(long)}"
        )
        return 0

    # Each threshold set, and the everyday lookalikes' training half, scored by a fit
    # without it: what the thresholds are chosen on.
    # An exam batch's fit is whole (every category), to read it as the bot would (``exams``).
    # The folds are fitted by ``args.jobs`` processes (forked: they share what is read so
    # far) while this one fits the final model.
    held: list[Line] = []
    lookalike: list[Line] = []
    out_of_fold: Scores = {}
    folds: dict[str, dict[str, object]] = {}
    _FOLD.update(train=train, reading=reading, meant=meant, scale=args.scale, quick=args.quick)
    names = sorted((*THRESHOLD_SETS, EVERYDAY), key=lambda name: name not in EXAMS)  # slow first
    pool = multiprocessing.get_context("fork").Pool(args.jobs) if args.jobs > 1 else None
    pending = pool.map_async(_fold, names, chunksize=1) if pool else None
    final, predict = fit(train, reading, meant=meant, scale=args.scale)
    done = pending.get() if pending else [_fold(name) for name in names]
    if pool:
        pool.close()
    order = (*THRESHOLD_SETS, EVERYDAY)
    for name, fold, found in sorted(done, key=lambda one: order.index(one[0])):
        if fold is not None:
            folds[name] = fold
        left = [ln for ln in train if ln.where.startswith(name + "/")]
        out_of_fold.update(zip([ln.text for ln in left], found, strict=True))
        if name == EVERYDAY:
            lookalike += left
        else:
            held += left
    texts = list(fires)
    scores = dict(zip(texts, predict(texts), strict=True))

    backed = {t: rules_only.has_evidence(t) for t in fires}
    reader = RiskModel(final)
    share = {t: reader.known_share(reading(t)) for t in fires}
    familiar = {t: known >= MIN_KNOWN for t, known in share.items()}
    risky = [ln.text for ln in everything if ln.labels]
    print(
        f"known share under {MIN_KNOWN}: {sum(not familiar[t] for t in risky)} of {len(risky)}"
        f" disclosures, {sum(not familiar[ln.text] for ln in everyday)} of {len(everyday)}"
        " everyday comments (check)"
    )
    chosen, low = choose(
        held, out_of_fold, everyday, scores, fires, backed, familiar, lookalike, long
    )
    # The gentle pair: signposted too, with an opening that does not presume.
    gentle, gentle_low = choose(
        held,
        out_of_fold,
        everyday,
        scores,
        fires,
        backed,
        familiar,
        lookalike,
        long,
        GENTLE_LIMITS,
        GENTLE_MIN_PRECISION,
        (chosen, low),
    )
    by_set = lambda ln: ln.where.split("/")[0]  # noqa: E731
    precise = [ln for ln in held if by_set(ln) not in RECALL_ONLY]
    figures: dict[str, object] = {}
    for tier, (high, under) in (("confident", (chosen, low)), ("gentle", (gentle, gentle_low))):
        oof = effective(out_of_fold, backed, high, under, familiar)
        now = effective(scores, backed, high, under, familiar)
        recall, precision = total(tallies(held, fires, oof, 0.5))
        own = {
            "recall": round(recall, 4),
            "precision": round(precision, 4),
            "precision_held": round(total(tallies(precise, fires, oof, 0.5))[1], 4),
            "everyday": round(alarms(everyday, fires, now, 0.5), 4),
            "long": round(alarms(long, fires, now, 0.5), 4),
            "lookalike": round(alarms(lookalike, fires, oof, 0.5), 4),
        }
        figures |= own if tier == "confident" else {"gentle": own}
        print(f"{tier} threshold {high}, {under} with a risk word: held-out sets, each scored")
        print(
            f"  by a fit without it: rules or model: recall {recall:.3f}, precision {precision:.3f}"
        )
        for name, tally in _rp_all(tallies(held, fires, oof, 0.5, by_set)):
            print(f"    {name}: recall {tally[0]:.3f}, precision {tally[1]:.3f}")
        breakdown(held, fires, oof)
        print(
            f"  everyday comments like risk (training half, fit without them) signposted: "
            f"{own['lookalike']:.1%} of {len(lookalike)}"
        )
        print(
            f"  everyday comments (check, never trained on) signposted: "
            f"{own['everyday']:.1%} of {len(everyday)}; long answers made of them"
            f" {own['long']:.1%} of {len(long)}"
        )
    now = effective(scores, backed, gentle, gentle_low, familiar)
    report(f"this model, signposting at {gentle} / {gentle_low}", devtest, fires, now, 0.5)
    if folds:
        print("exam batches, each read by the rules and a fit without it (as the bot reads them):")
        figures["exams"] = exams(phrases, folds, (chosen, low), (gentle, gentle_low))
    final["threshold"] = chosen
    final["evidence_threshold"] = low
    final["gentle_threshold"] = gentle
    final["gentle_evidence_threshold"] = gentle_low
    final["min_known"] = MIN_KNOWN
    scored(RiskScreen(phrases, builtin(normalise), RiskModel(final)))
    if not args.dry_run:
        write(final, args, figures, reading, meaning if meant else None, train, predict)
    if args.limits_table:
        trade_offs(
            phrases,
            folds,
            held,
            out_of_fold,
            everyday,
            scores,
            fires,
            backed,
            familiar,
            lookalike,
            long,
            (chosen, low),
        )
    return 0


def write(
    final: dict[str, object],
    args: argparse.Namespace,
    figures: dict[str, object],
    reading: Callable[[str], str],
    meant: Callable[[str], list[str]] | None,
    train: list[Line],
    predict: Callable[[list[str]], list[float]],
) -> None:
    """Store ``final`` at ``args.out`` with how it was chosen, what it was read and trained
    with, and scikit-learn's own scores of some training lines (for ``--check`` and tests)."""
    final["policy"] = policy(figures, args.meanings, args.scale)
    final["rules"] = fingerprint()
    final["trained_on"] = corpora_hashes()
    banded = [name for name in SPLIT if name not in HASHED]
    final["devtest"] = (
        f"even bands of {DEVTEST_BANDS} of {', '.join(banded)}, and half of"
        f" {', '.join(HASHED)} by a hash of each line: never trained on"
    )
    # Reading forms with scikit-learn's own scores: a test checks the pure-Python scoring
    # against them (the n-grams, tf-idf and weights), whatever later changes the normaliser.
    checks = [ln.text for ln in train[:: max(len(train) // 60, 1)]]
    final["checks"] = [
        [reading(text), score, meant(text) if meant else []]
        for text, score in zip(checks, predict(checks), strict=True)
    ]
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as f:
        json.dump(final, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    size = args.out.stat().st_size // 1024
    print(f"wrote {args.out} ({size} KB, {len(RiskModel(final).index)} n-grams)", flush=True)


def policy(figures: dict[str, object], meanings: str, scale: float) -> dict[str, object]:
    """How the stored thresholds were chosen, and what they gave (stored in the model)."""
    return {
        "chosen_on": list(THRESHOLD_SETS),
        "corpora": [*CORPORA, *HELD_OUT, *EXAMS, EVERYDAY, "themes"],
        "rule": (
            "most disclosures of the chosen_on sets, each scored by a fit without it, with"
            " recall within recall_tie a tie broken by precision, within the limits below"
        ),
        "min_precision": MIN_PRECISION,
        "min_evidence_threshold": MIN_EVIDENCE_THRESHOLD,
        "recall_only": list(RECALL_ONLY),
        "recall_tie": RECALL_TIE,
        "max_everyday_alarms": MAX_ORDINARY_ALARMS,
        "max_long_alarms": MAX_LONG_ALARMS,
        "max_lookalike_alarms": MAX_LOOKALIKE_ALARMS,
        "gentle": {
            "rule": "the same search under the gentle limits, never over the confident pair",
            "min_precision": GENTLE_MIN_PRECISION,
            "max_everyday_alarms": GENTLE_LIMITS.everyday,
            "max_lookalike_alarms": GENTLE_LIMITS.lookalike,
            "max_long_alarms": GENTLE_LIMITS.long,
        },
        "meanings": meanings,
        "meaning_scale": scale,
        "C": C,
        "figures": figures,
    }


if __name__ == "__main__":
    raise SystemExit(main())
