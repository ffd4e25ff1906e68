"""Precision and recall of risk screening (``bot.safety``) on the labelled corpus.

Each file tests/data/risk/<lang>.tsv holds messages as people write them, one a
line: ``label<TAB>text``, where label is a category (suicide, self_harm,
overdose, abuse; comma-separated if more than one) or ``none`` for a near miss
(a figure of speech, a question about services) that must not signpost.  Lines
after ``# held-out`` were written after the patterns and never tuned on.

A message is signposted when any phrase fires.  Per language and per script:
recall = risk messages signposted / risk messages; precision = risk messages
signposted / all messages signposted (the near misses are what can lower it).
Per category: a message labelled overdose must fire an overdose phrase (that
is what adds the overdose advice).  Screening cost is the time of
``RiskScreen.hits`` per message, normalisation included, nothing cached.

tests/data/risk_heldout/<lang>.tsv is a separate held-out set, written by someone
who did not write the phrases, in batches (``# batch N`` lines); each batch was
measured once before anything it could prompt, and its first-run figure is in
the file's header.  It is reported apart, per batch, language, category and
script.  Batch 3 (first run: recall 0.284, precision 0.72) showed that phrase
patterns written from examples did not generalise to new wordings; it became the
development set of the concept rules (``bot/risk_rules.py``), so its figure now
is a tuned one, and it is gated like the corpus.  Only a batch written after the
rules, and measured once, says how they generalise.

tests/data/risk_heldout4/<lang>.tsv (batch 4) is a third, written in one go by
another helper for all 13 languages and landed only after its first run; it is
reported apart too, per language, script and category.  Tuned on since (wave 5:
recall 0.780 -> 0.996), it is gated per language like batch 3.

tests/data/risk_dev/<lang>.tsv holds the wave-5 development sets (dev5, and dev6
written blind after dev5 was tuned on), reported apart and gated overall.

tests/data/risk_heldout5/<lang>.tsv (batch 5) is a fourth, written the same way by another
helper after the concept rules, frozen before its first run on main (5b3857f, 18:05 UTC:
recall 0.635, precision 0.782; main 26e8831 at 19:30 UTC, after wave 5: recall 0.676,
precision 0.859; /work/coord/heldout5/RESULTS.md at the time), landed after those runs;
reported apart and not gated.

tests/data/risk_heldout6/<lang>.tsv (batch 6) is a fifth, written by a helper who saw neither
the rules nor any earlier set while wave 6 tuned the rules on sets 4 and 5, frozen before its
first run (main 130cf4b, before wave 6: recall 0.705, precision 0.902; main 816088a
at 22:37 UTC, after wave 6: recall 0.743, precision 0.927;
/work/coord/heldout6/RESULTS.md at the time), landed after those runs; reported apart and
not gated.

tests/data/risk_heldout7/<lang>.tsv (batch 7) is a sixth, written blind the same way, frozen
before its first run (main 0125544, 23:50 UTC: recall 0.751, precision 0.879; main 18f50ef at
01:25 UTC, after wave 7's rules and the model it never trained on: recall 0.897, precision
0.865; rules alone 0.801, 0.877; /work/coord/heldout7/RESULTS.md at the time); reported apart
and not gated.

tests/data/risk_heldout8/<lang>.tsv (batch 8, 998 lines) is a seventh, written blind by a helper
who saw no rule, model or earlier set, frozen at 02:56 UTC on 30 Nov before its first run (main
aea6685: recall 0.935, precision 0.867), and kept from every helper until after wave 16 (main
1514733, 04:14 UTC: recall 0.938, precision 0.882). Since wave 17 the model trains on half of it
(by a hash of each line) and the other half is a dev-test. Reported apart and not gated.

tests/data/risk_heldout9/<lang>.tsv (batch 9, 1,236 lines: part a, and part b ``# batch 9b`` in
situations apart from a's) is an eighth, written blind by a helper who saw no rule, model or
earlier set, frozen before its first run (main f2e55bb: recall 0.807, precision 0.919; main
6a7797b at the end of wave 17: recall 0.828, precision 0.921: native script 0.721, romanised
0.886). Since wave 18 half of it (by a hash of each line) trains the model and the other half is
a third dev-test. Reported apart and not gated.

tests/data/risk_heldout10/<lang>.tsv (batch 10, 1,107 lines) is a ninth, written blind by helper
heldout10 who saw no rule, model or earlier set, frozen before its first run (the lead's figures:
/work/coord/heldout10/RESULTS.md; on main 67ee6aa recall stayed well under 0.95). Since wave 19
half of it (by a hash of each line) trains the model and the other half is a fourth dev-test.
Reported apart and not gated.

Rerun:  python bench/risk_eval.py [--show-misses] [--gate] [--corpus DIR]
--corpus DIR reports only DIR (any folder of <lang>.tsv files, e.g. a held-out
set kept outside the repo), as a held-out set: per batch, language, script and
category, never gated.
--gate exits 1 unless every enabled language has at least 25 risk and 25
near-miss messages, recall >= 0.95 and precision >= 0.8, and the same recall and
precision in every language of the gated held-out batches (``GATED_BATCHES``).
Held-out lines are reported apart (their first run is the honest measure of generalisation; once
patterns are fixed after seeing them, re-label them, as the corpus files do).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import load_settings  # noqa: E402
from bot.safety import CATEGORIES, RiskScreen, normalise  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "risk"
HELDOUT = ROOT / "tests" / "data" / "risk_heldout"
HELDOUT4 = ROOT / "tests" / "data" / "risk_heldout4"
"""Held-out set 4: 13 languages written in one go by another helper, who never saw the
phrase lists, and kept out of the repo until its first runs (file headers, and
/work/coord/heldout4/RESULTS-*.md at the time).  Reported apart, per language, script
and category; never gated."""
"""Held-out batches written by someone other than the phrase author, each measured
once before any change it could have prompted (first-run figures in each file's header)."""
HELDOUT5 = ROOT / "tests" / "data" / "risk_heldout5"
"""Held-out set 5: 13 languages, written after the concept rules by a helper who saw neither
the phrase lists nor the earlier sets, measured on main before it landed; never gated."""
HELDOUT6 = ROOT / "tests" / "data" / "risk_heldout6"
"""Held-out set 6: 13 languages, written while wave 6 tuned the rules on sets 4 and 5, by a
helper who saw neither the rules nor any earlier set, frozen before its first run, measured on
main before it landed; never gated."""
HELDOUT7 = ROOT / "tests" / "data" / "risk_heldout7"
"""Held-out set 7: 13 languages, written blind while wave 7 changed the rules and added the
model, frozen before its first run; never gated. Since wave 16 half of it (by bands of each
file, ``bench/train_risk_model.py``) trains the model and the other half is its dev-test,
never trained on: the dev-test figures are printed by ``train_risk_model.py --stored``."""
HELDOUT8 = ROOT / "tests" / "data" / "risk_heldout8"
"""Held-out set 8: 13 languages, written blind during wave 16, frozen before its first run;
never gated. Since wave 17 half of it (by a hash of each line, ``bench/train_risk_model.py``)
trains the model and the other half is a second dev-test, never trained on: its figures are
printed by ``train_risk_model.py --stored``; the whole batch here is half fitted."""
HELDOUT9 = ROOT / "tests" / "data" / "risk_heldout9"
"""Held-out set 9: 13 languages (part a, and part b in other situations), written blind during
wave 17, frozen before its first run; never gated. Since wave 18 half of it (by a hash of each
line) trains the model and the other half is a third dev-test (``train_risk_model.py --stored``)."""
HELDOUT10 = ROOT / "tests" / "data" / "risk_heldout10"
"""Held-out set 10: 13 languages, written blind during wave 18, frozen before its first run;
never gated. Since wave 19 half of it (by a hash of each line) trains the model and the other
half is a fourth dev-test (``train_risk_model.py --stored``)."""
HELDOUT12 = ROOT / "tests" / "data" / "risk_heldout12"
"""Held-out set 12: 13 languages (1,326 lines), written blind in wave 20 by two helpers who saw no
rule, model or earlier set, frozen before its first run (main c943562: recall 0.823, precision
0.880; suicide told without its words, 0.66, the weakest). Since then half of it (by a hash of
each line) trains the model and the other half is a fifth dev-test (``train_risk_model.py``)."""
HELDOUT13 = ROOT / "tests" / "data" / "risk_heldout13"
"""Held-out set 13: 13 languages (1,216 lines), written blind at the end of wave 20 by two
helpers under batch 12's brief, frozen before its first run (main c943562: recall 0.794,
precision 0.871; main 948302b, end of wave 20: 0.849, 0.878). Never trained on; the lead read
its misses and added 17 phrases for plain words it showed missing (0.873, 0.881 since): no
longer blind. Wave 22 chose the model's meaning features on it (0.890, 0.874, fitted without
it) and then trained the model on all of it."""
HELDOUT14 = ROOT / "tests" / "data" / "risk_heldout14"
"""Held-out set 14: 13 languages (1,225 lines), written at the very end of wave 20 under the same
brief, asked to vary situations most; first run on main 75afd68: recall 0.828, precision 0.856.
Wave 22 chose the model's meaning features on it (fitted without it: 0.860, 0.865) and then
trained the model on all of it: no longer blind (batch 15, kept by the lead, is)."""
HELDOUT15 = ROOT / "tests" / "data" / "risk_heldout15"
"""Held-out set 15: 13 languages (1,251 lines), written blind at the start of wave 22 (16:36-16:45
UTC, 30 Nov) by two helpers under batch 13's brief who saw no rule, model or corpus; frozen
before its first run (main bc837ae: recall 0.816, precision 0.879) and measured only by the
lead, figures only, while the wave worked (main 7044065, its end: 0.891, 0.898). A dev set since
the lead read its misses in wave 23; trained on since wave 26, when each of batches 15-18 is
measured by a fit without it instead (``bench/train_risk_model.py``: ``EXAMS``), so the figure
printed here, by the stored model, flatters."""
HELDOUT16 = ROOT / "tests" / "data" / "risk_heldout16"
"""Held-out set 16: 13 languages (1,226 lines), written blind at the start of wave 23 (19:29-19:37
UTC, 30 Nov) by two helpers under batch 15's brief who saw no rule, model or corpus; frozen
before its first run (main 9341294: recall 0.891, precision 0.904) and measured only by the
lead, figures only, while the wave worked (main 33dd9a8, its end: 0.931, 0.906). Trained on
since wave 26 and measured by a fit without it (``bench/train_risk_model.py``: ``EXAMS``): the
figure printed here, by the stored model, flatters."""
HELDOUT17 = ROOT / "tests" / "data" / "risk_heldout17"
"""Held-out set 17: 13 languages (1,215 lines), written blind at the start of wave 24 (22:15-22:22
UTC, 30 Nov) by two helpers under batch 16's brief who saw no rule, model or corpus; frozen
before its first run (main 6a50146: recall 0.951, precision 0.885) and measured only by the
lead, figures only, while the wave worked (main f081410, its end: 0.954, 0.888). Trained on
since wave 26 and measured by a fit without it (``bench/train_risk_model.py``: ``EXAMS``): the
figure printed here, by the stored model, flatters."""
HELDOUT18 = ROOT / "tests" / "data" / "risk_heldout18"
"""Held-out set 18: 13 languages (1,225 lines), written blind at the start of wave 25 (01:11-01:22
UTC, 1 Dec) by two helpers under batch 17's brief who saw no rule, model or corpus; frozen
before its first run (main 3a500f1: recall 0.918, precision 0.889) and measured only by the
lead, figures only, while the wave worked (main 8e83c1c, its end: 0.913, 0.892). In the repo
since wave 26, when batch 19 took its place as the blind measure; trained on since then and
measured by a fit without it (``bench/train_risk_model.py``: ``EXAMS``): the figure printed
here, by the stored model, flatters."""
ATTACK21 = ROOT / "tests" / "data" / "risk_attack21"
"""Attack set 21: 10 disclosures and 10 near-misses in each of the 13 languages (native script and
romanised for ar ur pa gu bn), written blind by helper attack21 before it read the screen (first
run: file headers); never gated, never trained on."""
DEV22 = ROOT / "tests" / "data" / "risk_dev22"
"""Development set 22 (helper prec22, issue 12, wave 22): false alarms by kind in all 13
languages (risk over and safe now, risk talked about, figures of speech) beside "used to, and
again now" disclosures; first run on main bc837ae: recall 0.846, precision 0.510. Tuned on for
the vetoes, so reported apart, not gated: its recall is what the lexicons catch, not the vetoes."""
REPORTED_APART = (
    DEV22,
    HELDOUT5,
    HELDOUT6,
    HELDOUT7,
    HELDOUT8,
    HELDOUT9,
    HELDOUT10,
    HELDOUT12,
    HELDOUT13,
    HELDOUT14,
    HELDOUT15,
    HELDOUT16,
    HELDOUT17,
    HELDOUT18,
    ATTACK21,
)
"""Held-out sets printed apart after the gated ones and never gated: each is an honest figure
only until someone tunes on it."""
DEV = ROOT / "tests" / "data" / "risk_dev"
"""Development sets dev5 and dev6 of the wave-5 risk work (issue 12): written for it, by kind
of message; dev6 was written blind after dev5 was tuned on (first runs: file headers).
Reported apart and gated overall (``DEV_TARGET``)."""
DEV10 = ROOT / "tests" / "data" / "risk_dev10"
"""Development set 10 (helper risk14, issue 12): the kinds batch 5 missed, written fresh in all
13 languages before the rules were changed for them (first run: file headers), then tuned on;
reported apart and gated overall like dev5-9 (``DEV_TARGET``)."""
DEV12 = ROOT / "tests" / "data" / "risk_dev12"
"""Development set 12 (helper risk, issue 12, wave 7): written by concept in all 13 languages,
half romanised (Arabizi with digits), and measured on main before any change of the wave
(first run: recall 0.546, precision 0.943, file headers); then tuned on, and gated overall
like dev10 (``DEV_TARGET``)."""
DEV21 = ROOT / "tests" / "data" / "risk_dev21"
"""Development set 21 (helper risk, issue 12, wave 21): risk told as a situation with no risk
word (a ledge over water, an ex waiting outside, a dose taken twice and nodding off, silence
behind a locked toilet door, documents held) and the same places in everyday talk: batch 21 in
en pl lt lv ro pt ru so (helper risk; first run on main before any rule of the wave: recall
0.679, precision 0.775), batch 21r2 in ar ur pa gu bn (helper risk2; file headers); then tuned
on and trained on (``bench/train_risk_model.py``), and gated overall per batch like dev12
(``DEV_TARGET``)."""
DEV_TARGET = (0.95, 0.9)
"""Recall and precision every development batch keeps, over all its languages."""
GATED_BATCHES = ("3",)
"""Held-out batches tuned on since (the development set), so gated like the corpus."""
GATED_HELDOUT4 = True
"""Batch 4 was tuned on in wave 5 (it is no longer held out): gated per language like
batch 3, so that a later change cannot quietly lose what it now signposts."""
RECALL_TARGET = 0.95
PRECISION_TARGET = 0.8


@dataclass(frozen=True)
class Line:
    lang: str
    labels: frozenset[str]
    text: str
    held_out: bool
    script: str
    where: str
    batch: str = ""


def script_of(text: str) -> str:
    """The writing systems of a message's letters ("Latin", "Bengali+Latin"), and its digits."""
    scripts = Counter()
    digits = set()
    for ch in text:
        if ch.isalpha():
            scripts[unicodedata.name(ch, "? ?").split()[0].title()] += 1
        elif unicodedata.category(ch) == "Nd" and not ch.isascii():
            digits.add(unicodedata.name(ch, "? ?").split()[0].title())
    name = "+".join(sorted(scripts)) or "none"
    return name + "".join(f" ({d} digits)" for d in sorted(digits))


def load_corpus(path: Path = CORPUS, batches: bool = False) -> list[Line]:
    """Labelled lines of every <lang>.tsv under ``path``.

    With ``batches`` every line is held out and belongs to the batch named by
    the last ``# batch NAME`` line above it.
    """
    lines = []
    for file in sorted(path.glob("*.tsv")):
        held_out = batches
        batch = ""
        for number, raw in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if raw.strip().lower() == "# held-out":
                held_out = True
                continue
            if batches and raw.lower().startswith("# batch "):
                batch = raw[len("# batch ") :].split()[0].rstrip(":")
                continue
            if not raw.strip() or raw.startswith("#"):
                continue
            if "\t" not in raw:
                raise SystemExit(f"{file.name}:{number}: no tab between the label and the text")
            label, text = raw.split("\t", 1)
            labels = frozenset() if label == "none" else frozenset(label.split(","))
            unknown = labels - set(CATEGORIES)
            if unknown:
                raise SystemExit(f"{file.name}:{number}: unknown label {', '.join(unknown)}")
            where = f"{path.name}/{file.name}:{number}"
            lines.append(Line(file.stem, labels, text, held_out, script_of(text), where, batch))
    return lines


@dataclass
class Tally:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, positive: bool, fired: bool) -> None:
        if positive:
            self.tp, self.fn = self.tp + fired, self.fn + (not fired)
        else:
            self.fp, self.tn = self.fp + fired, self.tn + (not fired)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    def row(self, name: str) -> str:
        return (
            f"{name:<28} {self.tp + self.fn:>4} {self.fp + self.tn:>5}"
            f" {self.recall:>7.3f} {self.precision:>9.3f}"
        )


HEADER = f"{'':<28} {'risk':>4} {'near':>5} {'recall':>7} {'precision':>9}"


def evaluate(screen: RiskScreen, lines: list[Line], show: bool) -> dict[str, dict[str, Tally]]:
    tables: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    for line in lines:
        hits = screen.hits(line.text)
        fired = bool(hits)
        positive = bool(line.labels)
        for table, key in (
            ("language", line.lang),
            ("script", line.script),
            ("all", "all"),
            ("held-out language", line.lang if line.held_out else None),
            ("held-out", "all" if line.held_out else None),
        ):
            if key is not None:
                tables[table][key].add(positive, fired)
        found = {hit.category for hit in hits}
        for category in CATEGORIES:
            if category in line.labels or category in found:
                tables["category"][category].add(category in line.labels, category in found)
        if show and positive != fired:
            why = "; ".join(str(h) for h in hits) or "nothing fired"
            print(f"{'MISS' if positive else 'FALSE'} {line.where}: {line.text}\n    {why}")
        elif show and positive and not line.labels & found:
            print(f"CATEGORY {line.where}: {line.text}\n    {sorted(found)}")
    return tables


def timing(screen: RiskScreen, lines: list[Line], rounds: int = 5) -> tuple[float, float, float]:
    """Microseconds to screen one message, nothing cached: (mean, p99, raw mean).

    Each message is timed ``rounds`` times and its fastest time kept, so that
    other processes on a shared machine do not pass for screening cost; the
    raw mean of every timing is given too.
    """
    best: list[float] = []
    raw: list[float] = []
    for line in lines:
        times = []
        for _ in range(rounds):
            normalise.cache_clear()
            screen.forget()
            start = time.perf_counter()
            screen.hits(line.text)
            times.append((time.perf_counter() - start) * 1e6)
        best.append(min(times))
        raw.extend(times)
    best.sort()
    return statistics.mean(best), best[int(len(best) * 0.99)], statistics.mean(raw)


def report_heldout(
    screen: RiskScreen,
    lines: list[Line],
    show: bool,
    name: str = HELDOUT.name,
) -> dict[str, dict[str, dict[str, Tally]]]:
    """Print an independent held-out set apart, per batch, language, script and
    category; return each batch's tables."""
    out: dict[str, dict[str, dict[str, Tally]]] = {}
    for batch in sorted({line.batch for line in lines}):
        part = [line for line in lines if line.batch == batch]
        tables = evaluate(screen, part, show)
        print(f"\nheld-out {name}/ batch {batch} (first runs: file headers)\n{HEADER}")
        for key, tally in sorted(tables["language"].items()):
            print(tally.row(key))
        for key, tally in sorted(tables["category"].items()):
            print(tally.row(f"category {key}"))
        for key, tally in sorted(tables["script"].items()):
            print(tally.row(f"script {key}"))
        print(tables["all"]["all"].row(f"batch {batch} all"))
        out[batch] = tables
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--gate", action="store_true", help="exit 1 below target")
    parser.add_argument("--corpus", type=Path, help="report only this folder of <lang>.tsv")
    args = parser.parse_args(argv)

    settings = load_settings(ROOT / "config.yaml")
    screen = RiskScreen.from_config(settings.risk_phrases)
    if args.corpus:
        lines = load_corpus(args.corpus, batches=True)
        report_heldout(screen, lines, args.show_misses, args.corpus.name)
        print("rerun: python bench/risk_eval.py --corpus DIR [--show-misses]")
        return 0
    lines = load_corpus()
    tables = evaluate(screen, lines, args.show_misses)

    for title in ("language", "held-out language", "script", "category"):
        print(f"\n{title}\n{HEADER}")
        for key, tally in sorted(tables[title].items()):
            print(tally.row(key))
    print()
    print(tables["all"]["all"].row("all"))
    print(tables["held-out"]["all"].row("held-out (never tuned on)"))
    mean, p99, raw = timing(screen, lines)
    print(
        f"\nscreening cost per message (best of 5): mean {mean:.0f} µs, p99 {p99:.0f} µs;"
        f" raw mean {raw:.0f} µs ({len(lines)} messages)"
    )
    heldout = load_corpus(HELDOUT, batches=True)
    batches = report_heldout(screen, heldout, args.show_misses) if heldout else {}
    heldout4 = load_corpus(HELDOUT4, batches=True)
    batch4 = report_heldout(screen, heldout4, args.show_misses, HELDOUT4.name) if heldout4 else {}
    dev = load_corpus(DEV, batches=True)
    devs = report_heldout(screen, dev, args.show_misses, DEV.name) if dev else {}
    dev10 = load_corpus(DEV10, batches=True)
    if dev10:
        devs.update(report_heldout(screen, dev10, args.show_misses, DEV10.name))
    dev12 = load_corpus(DEV12, batches=True)
    if dev12:
        devs.update(report_heldout(screen, dev12, args.show_misses, DEV12.name))
    dev21 = load_corpus(DEV21, batches=True)
    if dev21:
        devs.update(report_heldout(screen, dev21, args.show_misses, DEV21.name))
    for folder in REPORTED_APART:
        apart = load_corpus(folder, batches=True) if folder.is_dir() else []
        if apart:
            report_heldout(screen, apart, args.show_misses, folder.name)
    print("rerun: python bench/risk_eval.py [--show-misses] [--gate]")

    if not args.gate:
        return 0
    failures = []
    for lang in settings.languages:
        tally = tables["language"].get(lang)
        if tally is None or tally.tp + tally.fn < 25 or tally.fp + tally.tn < 25:
            failures.append(f"{lang}: fewer than 25 risk and 25 near-miss messages")
            continue
        if tally.recall < RECALL_TARGET:
            failures.append(f"{lang}: recall {tally.recall:.3f} < {RECALL_TARGET}")
        if tally.precision < PRECISION_TARGET:
            failures.append(f"{lang}: precision {tally.precision:.3f} < {PRECISION_TARGET}")
    for batch in GATED_BATCHES:
        for lang in settings.languages:
            tally = batches.get(batch, {}).get("language", {}).get(lang)
            if tally is None:
                failures.append(f"held-out batch {batch}: no {lang} messages")
            elif tally.recall < RECALL_TARGET or tally.precision < PRECISION_TARGET:
                failures.append(
                    f"held-out batch {batch} {lang}: recall {tally.recall:.3f},"
                    f" precision {tally.precision:.3f}"
                )
    if GATED_HELDOUT4:
        for lang in settings.languages:
            tally = batch4.get("4", {}).get("language", {}).get(lang)
            if tally is None:
                failures.append(f"held-out batch 4: no {lang} messages")
            elif tally.recall < RECALL_TARGET or tally.precision < PRECISION_TARGET:
                failures.append(
                    f"held-out batch 4 {lang}: recall {tally.recall:.3f},"
                    f" precision {tally.precision:.3f}"
                )
    for name, tables in devs.items():
        tally = tables["all"]["all"]
        if tally.recall < DEV_TARGET[0] or tally.precision < DEV_TARGET[1]:
            failures.append(
                f"development batch {name}: recall {tally.recall:.3f},"
                f" precision {tally.precision:.3f}"
            )
    for failure in failures:
        print(f"GATE: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
