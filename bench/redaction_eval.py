"""Precision and recall of ``bot.redact`` on the labelled corpus: per tag, language and script.

Each line of tests/data/redaction_corpus.tsv is an input, the output a
careful human would want, and the language it is written in.  Expected and
actual outputs are split into tokens (a tag is one token) and aligned; a tag
in both, at the same place, is a true positive; a tag only in ours is a false
positive (something harmless hidden); a tag only in the expected output is a
false negative (something identifying kept).  Words lost or kept around a tag
show up in the exact-line count.

Per script: the letters' script (Latin, Cyrillic, Arabic, Bengali…) and,
apart, the digit system typed (ASCII, Arabic-Indic, Bengali, full-width…).

Cost: CPU time of ``redact`` per message over the whole corpus, and over its
lines with fewer than seven digits (most real answers), where the phone
matcher does not run.

``--gate`` exits 1 when any tag is below recall 0.97 or precision 0.95.

tests/data/redaction_heldout5/<lang>.tsv is a held-out set (13 languages, every digit
system), written by a helper who did not write the redactor and measured on main before it
landed (5b3857f, 18:05 UTC: precision 1.000, recall 0.873; main 26e8831 at 19:30, after
wave 5: precision 1.000, recall 0.964).  It is reported apart, per tag
and language, after the corpus, and never gated: once the redactor is changed after seeing
it, it stops being held out.

tests/data/redaction_heldout6/<lang>.tsv is a second held-out set of the same kind, frozen
before its first run (main 130cf4b: precision 0.994, recall 0.952; main 816088a
at 22:37 UTC: precision 0.994, recall 0.952), reported apart and never gated.
Helper redact (issue 12, 00:30 UTC) read the misses of both sets and fixed their kinds
(main c30dacd: 1.000/1.000 on both), so neither is held out any more; they stay as regression
sets, still ungated.

tests/data/redaction_heldout7/<lang>.tsv is a third (217 lines), frozen before its first run
(main 0125544: precision 1.000, recall 0.861: names 0.560, addresses 0.708). The lead named
some of its missed kinds (and four of its strings) to helper redact, so the later figure
(main 18f50ef, 01:25 UTC: precision 1.000, recall 0.976) is not a blind one.

tests/data/redaction_heldout8/<lang>.tsv is a fourth (224 lines, 60 that must survive), frozen
before its first run (main aea6685: precision 1.000, recall 0.976: handles 0.769, addresses
0.963). The lead told helper redact only those two categories' figures, no line; after wave 16
(main 1514733): precision 1.000, recall 1.000, 223 of 224 lines exact.

tests/data/redaction_heldout9/<lang>.tsv is a fifth (208 lines, 39 that must survive), written
blind by helper heldout9 and frozen before its first run (main f2e55bb: precision 0.994, recall
0.988: handles 0.962, names recall 0.962); seen since wave 18, reported apart, never gated.

tests/data/redaction_heldout10/<lang>.tsv is a sixth, written blind by helper heldout10 and
frozen before its first run (the lead's figures: /work/coord/heldout10/RESULTS.md); seen since
wave 19, reported apart, never gated.

tests/data/redaction_dev3/<lang>.tsv is a dev set (289 lines, 13 languages, both scripts, half
must-survive), written by helper redact before changing the redactor for issue 12's last round
and measured on main f5a3e35 first (precision 0.933, recall 0.762: names 0.613, addresses
0.926, phones 0.840, NHS 0.000, handles 0.867, emails 0.938).  It was then tuned on, so it is
gated in CI (``--gate --corpus tests/data/redaction_dev3``), not held out.

tests/data/redaction_dev4/<lang>.tsv (147 lines) was written by the same helper after landing
c30dacd, other phrasings of the same kinds (sign-offs, "X speaking", other layouts), and measured
on main 38b9a73 before fixing: precision 0.921, recall 0.667 (names 0.385, emails 0.769).  Tuned
on since, and gated with dev set 3.

tests/data/redaction_dev5/<lang>.tsv (130 lines), a third fresh round (a name after a role and
"is", surnames, other layouts), measured on main e6454de before fixing: precision 0.952,
recall 0.896 (names 0.778, addresses 0.923).  Tuned on since, and gated with the others.

tests/data/redaction_dev6/<lang>.tsv (104 lines) tests precision: Title Case and sign-off
near-misses for the new patterns, 6 a language, and 2 positives; measured on the code of
525bee5 plus the sign-off fix before fixing: name precision 0.806, recall 0.962.

tests/data/redaction_dev7/<lang>.tsv (65 lines), a last fresh round (other layouts, lower-case
names, Indic-script addresses), measured on main 5935003 before fixing: precision 0.955,
recall 0.792 (names 0.526).  One miss is left on purpose: a lower-case name after romanised
Bengali "ami" ("ami rubel hossain"), where no copula closes the name.

tests/data/redaction_dev8/<lang>.tsv (220 lines, 13 languages, half must-survive), a round on
social handles and addresses (platforms named in each language's words and script, profile names,
flats and blocks, house names, romanised South Asian forms), measured on main aea6685 before
fixing: precision 0.958, recall 0.805 (handles 0.630, addresses 0.950).  Tuned on since, and
gated with the others.

tests/data/redaction_dev9/<lang>.tsv (104 lines), a second fresh round on handles and homes
written after dev set 8 was fixed, measured on main 18dfba3 before fixing: recall 1.000,
precision 0.981 (a Portuguese Facebook group's name taken for a profile), 102/104 lines exact.
Gated with the others.

tests/data/redaction_dev10/<lang>.tsv (145 lines, 13 languages, 4 or more a language that must
survive), written by helper redact22 from the CLASSES of blind batches 12 and 13's misses in new
words (a sort code beside an account, NHS named in the person's words, names after a neighbour
or relative, spoken digits in groups and in Arabizi, long-form dates, handles after a request,
emails said in Indic script), measured on main bc837ae before fixing: precision 0.603, recall
0.489 (names 0.077, NHS 0.077; phone precision 0.303 from lists of marks).  Tuned on since, and
gated with the others.

tests/data/redaction_dev11/<lang>.tsv (130 lines), a second fresh round by the same helper after
dev set 10 was fixed, the same classes in other words, measured on main 8d538e1 before fixing:
precision 1.000, recall 0.667 (numbers, NHS, bank details and dates 1.000; names 0.154:
grandparents, uncles and step-family were no relation word).  Tuned on since, and gated
with the others.

tests/data/redaction_dev12/<lang>.tsv (130 lines), a third round after dev sets 10 and 11 were
fixed, every kind in other layouts, measured on main 6d19920 before fixing: precision 0.986,
recall 0.947 (names 0.885).  Tuned on since, and gated with the others.

tests/data/redaction_dev13/<lang>.tsv (159 lines), written by helper redact23 before changing the
redactor, from the general shapes blind batch 15's figures pointed at (never its lines): full
names with no cue (lists, "from X Y", signatures, surname first, lower case, particles), accounts
and cards in odd layouts and native or mixed digits, IBANs with spaces, Persian/Urdu digits.
Measured on main 9341294 before fixing: precision 0.902, recall 0.458 (names 0.351,
bank_account 0.423); after the fixes (main 995918b): precision 1.000, recall 0.992 (one miss:
Gujarati "સારા" is both Sara and "good").  Tuned on since, and gated with the others.

tests/data/redaction_dev14/<lang>.tsv (49 lines), by the same helper after dev set 13 was fixed,
the same kinds in other words and names, measured on 6601eae before fixing: precision 1.000,
recall 0.912 (names 0.850).  Gated with the others.

Rerun:  python bench/redaction_eval.py [--show-misses] [--gate] [--corpus FILE|DIR]...
"""

from __future__ import annotations

import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.redact import TAGS, redact  # noqa: E402
from bot.redact.spans import digit_count  # noqa: E402
from bot.textnorm import fold  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "redaction_corpus.tsv"
_TOKEN = re.compile(r"\[(?:" + "|".join(TAGS) + r")\]|\w+|[^\w\s]")
HELDOUT5 = ROOT / "tests" / "data" / "redaction_heldout5"
HELDOUT6 = ROOT / "tests" / "data" / "redaction_heldout6"
HELDOUT7 = ROOT / "tests" / "data" / "redaction_heldout7"
HELDOUT8 = ROOT / "tests" / "data" / "redaction_heldout8"
HELDOUT9 = ROOT / "tests" / "data" / "redaction_heldout9"
HELDOUT10 = ROOT / "tests" / "data" / "redaction_heldout10"
HELDOUT12 = ROOT / "tests" / "data" / "redaction_heldout12"
"""Held-out set 12: 246 lines in 13 languages, written blind in wave 20 and frozen before its first
run (main c943562: precision 0.977, recall 0.898); seen since, reported apart, never gated.
Released to helper redact22 as a dev set at 16:35 UTC on 30 Nov and its classes of miss fixed
(main ecc77b9: 0.996, 0.996; left: a daughter's first name after "اسمها", which the main
corpus redacts after "her name is")."""
HELDOUT13 = ROOT / "tests" / "data" / "redaction_heldout13"
"""Held-out set 13: 232 lines in 13 languages, written blind at the end of wave 20 and frozen
before its first run (main c943562: precision 0.952, recall 0.861; 948302b: 0.959, 0.904).
Released to helper redact22 as a dev set at 16:35 UTC on 30 Nov and its classes of miss fixed
(main ecc77b9: 1.000, 1.000): no longer blind; reported apart, never gated."""
HELDOUT15 = ROOT / "tests" / "data" / "redaction_heldout15"
"""Held-out set 15: 255 lines in 13 languages, written blind at the start of wave 22 and frozen
before its first run (main bc837ae: precision 0.934, recall 0.893); measured only by the lead,
figures only, while the wave worked (main 7044065, its end: 0.990, 0.961). Never tuned on."""
HELDOUT16 = ROOT / "tests" / "data" / "redaction_heldout16"
"""Held-out set 16: 247 lines in 13 languages, written blind at the start of wave 23 and frozen
before its first run (main 9341294: precision 0.986, recall 0.954); measured only by the lead,
figures only, while the wave worked (main 33dd9a8, its end: 0.991, 0.982). Never tuned on."""
HELDOUT17 = ROOT / "tests" / "data" / "redaction_heldout17"
"""Held-out set 17: 224 lines in 13 languages, written blind at the start of wave 24 and frozen
before its first run (main 6a50146: precision 0.995, recall 0.980); measured only by the lead,
figures only, while the wave worked (main f081410, its end: the same). Never tuned on."""
HELDOUT18 = ROOT / "tests" / "data" / "redaction_heldout18"
"""Held-out set 18: 234 lines in 13 languages, written blind at the start of wave 25 and frozen
before its first run (main 3a500f1: precision 0.978, recall 0.973); measured only by the lead,
figures only, while the wave worked (main 8e83c1c, its end: the same). In the repo since wave 26."""
ATTACK21 = ROOT / "tests" / "data" / "redaction_attack21"
"""Attack set 21: six lines in each of the 13 languages (and six romanised for ar ur pa gu bn),
identifying details in odd dress next to detail that must stay; written blind by helper attack21
before it read bot/redact (first run: file headers)."""
REPORTED_APART = (
    HELDOUT5,
    HELDOUT6,
    HELDOUT7,
    HELDOUT8,
    HELDOUT9,
    HELDOUT10,
    HELDOUT12,
    HELDOUT13,
    HELDOUT15,
    HELDOUT16,
    HELDOUT17,
    HELDOUT18,
    ATTACK21,
)
"""Held-out sets printed apart after the corpus and never gated (see the module docstring)."""
MIN_RECALL, MIN_PRECISION = 0.97, 0.95


class Example(NamedTuple):
    source: str
    expected: str
    lang: str = "en"


@dataclass
class Scores:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    lines: int = 0
    exact: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)

    def precision(self, tag: str | None = None) -> float:
        tp, fp = self._sum(self.tp, tag), self._sum(self.fp, tag)
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, tag: str | None = None) -> float:
        tp, fn = self._sum(self.tp, tag), self._sum(self.fn, tag)
        return tp / (tp + fn) if tp + fn else 1.0

    @staticmethod
    def _sum(counts: Counter[str], tag: str | None) -> int:
        return counts[tag] if tag else sum(counts.values())


def load_corpus(path: Path = CORPUS) -> list[Example]:
    """Examples of one .tsv file, or of every .tsv in a folder (one file per language)."""
    if path.is_dir():
        return [ex for file in sorted(path.glob("*.tsv")) for ex in load_corpus(file)]
    examples = []
    fields = len(Example._fields)  # the last, the language, may be left out (English)
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        if not fields - 1 <= len(parts) <= fields:
            raise SystemExit(
                f"{path.name}:{number}: {len(parts)} tab-separated fields; expected the text,"
                " its redacted form and (optionally) the language"
            )
        examples.append(Example(*parts))
    return examples


def _tags(tokens: list[str]) -> list[tuple[int, str]]:
    return [(i, t[1:-1]) for i, t in enumerate(tokens) if t.startswith("[") and t[1:-1] in TAGS]


def score(pairs: Iterable[tuple[str, ...]]) -> Scores:
    scores = Scores()
    for source, expected, *_ in pairs:
        got = redact(source)
        scores.lines += 1
        if got == expected:
            scores.exact += 1
        else:
            scores.misses.append((source, expected, got))
        want, have = _TOKEN.findall(expected), _TOKEN.findall(got)
        matched: set[int] = set()
        matched_have: set[int] = set()
        for block in SequenceMatcher(None, want, have, autojunk=False).get_matching_blocks():
            matched.update(range(block.a, block.a + block.size))
            matched_have.update(range(block.b, block.b + block.size))
        for i, tag in _tags(want):
            (scores.tp if i in matched else scores.fn)[tag] += 1
        for i, tag in _tags(have):
            if i not in matched_have:
                scores.fp[tag] += 1
    return scores


def letter_script(text: str) -> str:
    """The script most letters are in: LATIN, CYRILLIC, ARABIC, BENGALI, GURMUKHI…"""
    counts = Counter(unicodedata.name(ch, "?").split()[0] for ch in text if ch.isalpha())
    return counts.most_common(1)[0][0].lower() if counts else "none"


def digit_systems(text: str) -> set[str]:
    """Each digit system typed: ascii, arabic-indic, extended, bengali, fullwidth…"""
    systems = set()
    for ch in text:
        if unicodedata.category(ch) == "Nd":
            name = unicodedata.name(ch, "?")
            systems.add("ascii" if ch.isascii() else name.rsplit(" DIGIT", 1)[0].lower())
    return systems or {"no digits"}


def _table(title: str, groups: dict[str, list[Example]]) -> None:
    print(f"\nby {title}:")
    print(f"{title:<22} {'lines':>5} {'tags':>5} {'precision':>10} {'recall':>8}")
    for key in sorted(groups):
        s = score(groups[key])
        tags = sum(s.tp.values()) + sum(s.fn.values())
        print(f"{key:<22} {s.lines:>5} {tags:>5} {s.precision():>10.3f} {s.recall():>8.3f}")


def report_heldout(path: Path, show: bool) -> Scores:
    """Print a held-out set apart (per tag and language, never gated) and return its scores."""
    examples = load_corpus(path)
    s = score(examples)
    print(f"\nheld-out {path.name}/ ({s.lines} lines, never gated)")
    print(f"{'tag':<14} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    for tag in TAGS:
        if s.tp[tag] + s.fp[tag] + s.fn[tag]:
            print(
                f"{tag:<14} {s.tp[tag]:>4} {s.fp[tag]:>4} {s.fn[tag]:>4}"
                f" {s.precision(tag):>10.3f} {s.recall(tag):>8.3f}"
            )
    print(f"{'held-out all':<14} {'':>14} {s.precision():>10.3f} {s.recall():>8.3f}")
    print(f"lines exactly right: {s.exact}/{s.lines}")
    by_lang: dict[str, list[Example]] = defaultdict(list)
    for ex in examples:
        by_lang[ex.lang].append(ex)
    _table("language", by_lang)
    if show:
        for source, expected, got in s.misses:
            print(f"\n  in:   {source}\n  want: {expected}\n  got:  {got}")
    return s


def cost_us(texts: list[str], rounds: int = 20) -> float:
    """CPU microseconds of ``redact`` per message (CPU time: steady on a shared machine)."""
    if not texts:
        return 0.0
    for text in texts:
        redact(text)  # warm caches: phonenumbers metadata, fold table
    started = time.process_time()
    for _ in range(rounds):
        for text in texts:
            redact(text)
    return (time.process_time() - started) / (rounds * len(texts)) * 1e6


def main(argv: list[str]) -> int:
    # --corpus may be given more than once: the sets are scored as one.
    paths = [Path(argv[i + 1]) for i, arg in enumerate(argv[:-1]) if arg == "--corpus"] or [CORPUS]
    examples = [ex for path in paths for ex in load_corpus(path)]
    s = score(examples)
    print(f"corpus: {', '.join(map(str, paths))} ({s.lines} lines)")
    print(f"{'tag':<14} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    failing = []
    for tag in TAGS:
        print(
            f"{tag:<14} {s.tp[tag]:>4} {s.fp[tag]:>4} {s.fn[tag]:>4}"
            f" {s.precision(tag):>10.3f} {s.recall(tag):>8.3f}"
        )
        if s.recall(tag) < MIN_RECALL or s.precision(tag) < MIN_PRECISION:
            failing.append(tag)
    total = (sum(s.tp.values()), sum(s.fp.values()), sum(s.fn.values()))
    print(
        f"{'overall':<14} {total[0]:>4} {total[1]:>4} {total[2]:>4}"
        f" {s.precision():>10.3f} {s.recall():>8.3f}"
    )
    print(f"lines exactly right: {s.exact}/{s.lines}")
    by_lang: dict[str, list[Example]] = defaultdict(list)
    by_script: dict[str, list[Example]] = defaultdict(list)
    by_digits: dict[str, list[Example]] = defaultdict(list)
    for ex in examples:
        by_lang[ex.lang].append(ex)
        by_script[letter_script(ex.source)].append(ex)
        for system in digit_systems(ex.source):
            by_digits[system].append(ex)
    _table("language", by_lang)
    _table("letters", by_script)
    _table("digits", by_digits)

    texts = [ex.source for ex in examples]
    few_digits = [t for t in texts if digit_count(fold(t).text) < 7]
    bait = "a." * 1000
    started = time.perf_counter()
    redact(bait)
    bait_ms = (time.perf_counter() - started) * 1e3
    print(
        f"\ncost per message (CPU): {cost_us(texts):.0f} µs over the corpus; "
        f"{cost_us(few_digits):.0f} µs over its {len(few_digits)} lines with < 7 digits; "
        f"2,000-character bait: {bait_ms:.1f} ms"
    )
    if "--show-misses" in argv:
        for source, expected, got in s.misses:
            print(f"\n  in:   {source}\n  want: {expected}\n  got:  {got}")
    for folder in REPORTED_APART if "--corpus" not in argv else ():
        if folder.is_dir():
            report_heldout(folder, "--show-misses" in argv)
    print("\nrerun: python bench/redaction_eval.py [--show-misses] [--gate] [--corpus FILE|DIR]...")
    if "--gate" in argv and failing:
        print(
            f"GATE FAILED: below recall {MIN_RECALL} or precision {MIN_PRECISION}: "
            + ", ".join(failing),
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
