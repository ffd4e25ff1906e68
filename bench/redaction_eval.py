"""Precision and recall of ``bot.redact`` on the labelled corpus, per tag and overall.

Each line of tests/data/redaction_corpus.tsv is an input and the output a
careful human would want.  Expected and actual outputs are split into tokens
(a tag is one token) and aligned; a tag in both, at the same place, is a true
positive; a tag only in ours is a false positive (something harmless hidden);
a tag only in the expected output is a false negative (something identifying
kept).  Words lost or kept around a tag show up in the exact-line count.

Rerun:  .venv/bin/python bench/redaction_eval.py [--show-misses]
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.redact import TAGS, redact  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "redaction_corpus.tsv"
_TOKEN = re.compile(r"\[(?:" + "|".join(TAGS) + r")\]|\w+|[^\w\s]")


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


def load_corpus(path: Path = CORPUS) -> list[tuple[str, str]]:
    pairs = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        source, expected = raw.split("\t")
        pairs.append((source, expected))
    return pairs


def _tags(tokens: list[str]) -> list[tuple[int, str]]:
    return [(i, t[1:-1]) for i, t in enumerate(tokens) if t.startswith("[") and t[1:-1] in TAGS]


def score(pairs: list[tuple[str, str]]) -> Scores:
    scores = Scores()
    for source, expected in pairs:
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


def main() -> None:
    pairs = load_corpus()
    s = score(pairs)
    print(f"corpus: {CORPUS.relative_to(ROOT)} ({s.lines} lines)")
    print(f"{'tag':<12} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    for tag in TAGS:
        print(
            f"{tag:<12} {s.tp[tag]:>4} {s.fp[tag]:>4} {s.fn[tag]:>4}"
            f" {s.precision(tag):>10.3f} {s.recall(tag):>8.3f}"
        )
    total = (sum(s.tp.values()), sum(s.fp.values()), sum(s.fn.values()))
    print(
        f"{'overall':<12} {total[0]:>4} {total[1]:>4} {total[2]:>4}"
        f" {s.precision():>10.3f} {s.recall():>8.3f}"
    )
    print(f"lines exactly right: {s.exact}/{s.lines}")
    rounds = 20
    started = time.perf_counter()
    for _ in range(rounds):
        for source, _ in pairs:
            redact(source)
    per_line = (time.perf_counter() - started) / (rounds * len(pairs))
    bait = "a." * 1000
    started = time.perf_counter()
    redact(bait)
    print(
        f"time per line: {per_line * 1e6:.0f} µs; 2,000-character bait: "
        f"{(time.perf_counter() - started) * 1e3:.1f} ms"
    )
    if "--show-misses" in sys.argv:
        for source, expected, got in s.misses:
            print(f"\n  in:   {source}\n  want: {expected}\n  got:  {got}")
    print("\nrerun: .venv/bin/python bench/redaction_eval.py [--show-misses]")


if __name__ == "__main__":
    main()
