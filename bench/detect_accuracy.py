"""How well bot.detect names the language of short feedback, and how fast.

Reads tests/data/detect/<lang>.txt (one sentence a line, written for this
purpose: the 13 enabled languages, and languages the bot does not offer) and
prints:
  1. accuracy per language on whole sentences, with the threshold in force,
     for enabled languages and then for the others, with how often text in
     another language was labelled as an enabled one (and how often clearly
     enough to offer a switch), next to the old way (scored among the
     enabled languages only);
  2. accuracy by length (prefixes of 1, 2, 3... words), which is how
     MIN_LETTERS was chosen: below it, guesses are wrong too often to store;
  3. time to load the profiles and per call;
  4. the clear-margin trade-off (how CLEAR_MARGIN was chosen).

Run:  .venv/bin/python bench/detect_accuracy.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot import detect  # noqa: E402
from bot.config import load_settings  # noqa: E402

DATA = ROOT / "tests" / "data" / "detect"
BUCKETS = [(1, 5), (6, 8), (9, 11), (12, 14), (15, 19), (20, 29), (30, 10_000)]


def corpus() -> dict[str, list[str]]:
    return {
        p.stem: [line.strip() for line in p.read_text("utf-8").splitlines() if line.strip()]
        for p in sorted(DATA.glob("*.txt"))
    }


def enabled_only(detector: detect.LanguageDetector, text: str) -> str | None:
    """The old way: the best of the enabled languages written in the text's script."""
    counts = detect.script_counts(text)
    if sum(counts.values()) < detector.min_letters:
        return None
    script = counts.most_common(1)[0][0]
    candidates = [
        lang for lang in detector.languages if detect.SCRIPT_OF_LANGUAGE.get(lang) == script
    ]
    if len(candidates) == 1:
        return candidates[0]
    profiles = detector._profiles
    totals = profiles.totals(text)
    if totals is None or not candidates:
        return None
    return max(candidates, key=lambda lang: totals[profiles.languages.index(lang)])


def letters(text: str) -> int:
    return sum(detect.script_counts(text).values())


def main() -> None:
    languages = tuple(load_settings(ROOT / "config.yaml").languages)
    started = time.perf_counter()
    detect.profiles_for.cache_clear()
    detector = detect.LanguageDetector(languages)
    load_ms = (time.perf_counter() - started) * 1000
    unguessable = detect.LanguageDetector(languages, min_letters=0)
    everything = corpus()
    data = {lang: lines for lang, lines in everything.items() if lang in languages}
    others = sorted(set(everything) - set(languages))

    print(f"Enabled: {', '.join(languages)}")
    print(f"Without a langdetect profile (script rule only): {list(detector.unprofiled) or 'none'}")
    print(f"\n1. Whole sentences, MIN_LETTERS = {detector.min_letters}")
    timings: list[float] = []
    for title, langs in (("Enabled languages", languages), ("Languages we do not offer", others)):
        print(f"\n{title}")
        print(
            f"{'lang':<5}{'n':>4}{'right':>7}{'none':>6}{'accuracy':>10}"
            f"{'as enabled':>12}{'clearly':>9}{'old way':>9}  wrong answers"
        )
        total = right_total = as_enabled_total = clear_total = old_total = 0
        for lang in langs:
            lines = everything[lang]
            right, none, as_enabled, clear, old_wrong, wrong = 0, 0, 0, 0, 0, Counter()
            for line in lines:
                t0 = time.perf_counter()
                found = detector.detect(line)
                timings.append(time.perf_counter() - t0)
                old = enabled_only(detector, line)
                if old is not None and old != lang:
                    old_wrong += 1
                if found is None:
                    none += 1
                    continue
                if found.lang == lang:
                    right += 1
                    continue
                wrong[found.lang] += 1
                if found.lang in languages:
                    as_enabled += 1
                    clear += found.clear
            total += len(lines)
            right_total += right
            as_enabled_total += as_enabled
            clear_total += clear
            old_total += old_wrong
            shown = ", ".join(f"{k}×{v}" for k, v in wrong.most_common()) or "-"
            print(
                f"{lang:<5}{len(lines):>4}{right:>7}{none:>6}{right / len(lines):>10.1%}"
                f"{as_enabled / len(lines):>12.1%}{clear / len(lines):>9.1%}"
                f"{old_wrong / len(lines):>9.1%}  {shown}"
            )
        print(
            f"{'all':<5}{total:>4}{right_total:>7}{'':>6}{right_total / total:>10.1%}"
            f"{as_enabled_total / total:>12.1%}{clear_total / total:>9.1%}"
            f"{old_total / total:>9.1%}"
        )
    print(
        "as enabled: labelled as an enabled language other than its own; clearly: with a "
        f"margin of {detect.CLEAR_MARGIN:g} or more (a switch could be offered);\n"
        "old way: wrong when scored among the enabled languages only, as before."
    )

    print("\n2. Accuracy by length in letters (every word-prefix of every sentence, no threshold)")
    by_bucket: dict[tuple[int, int], list[bool]] = defaultdict(list)
    latin: dict[tuple[int, int], list[bool]] = defaultdict(list)
    prefixes: list[tuple[int, bool, bool]] = []
    for lang, lines in data.items():
        for line in lines:
            words = line.split()
            for k in range(1, len(words) + 1):
                prefix = " ".join(words[:k])
                n = letters(prefix)
                found = unguessable.detect(prefix)
                ok = found is not None and found.lang == lang
                is_latin = detect.SCRIPT_OF_LANGUAGE.get(lang) == "Latin"
                prefixes.append((n, ok, is_latin))
                bucket = next((b for b in BUCKETS if b[0] <= n <= b[1]), None)
                if bucket is None:
                    continue
                by_bucket[bucket].append(ok)
                if is_latin:
                    latin[bucket].append(ok)
    print(f"{'letters':<10}{'texts':>7}{'all':>8}{'latin-script only':>19}")
    for bucket in BUCKETS:
        rows, lrows = by_bucket[bucket], latin[bucket]
        label = f"{bucket[0]}+" if bucket[1] >= 10_000 else f"{bucket[0]}-{bucket[1]}"
        acc = f"{sum(rows) / len(rows):.0%}" if rows else "-"
        lacc = f"{sum(lrows) / len(lrows):.0%} of {len(lrows)}" if lrows else "-"
        print(f"{label:<10}{len(rows):>7}{acc:>8}{lacc:>19}")

    print("\n   Choosing the threshold: word-prefixes of up to 40 letters (short answers)")
    print(f"{'min letters':<13}{'kept':>6}{'right of kept':>15}{'latin-script':>14}")
    short = [(n, ok, is_latin) for n, ok, is_latin in prefixes if n <= 40]
    for threshold in (1, 4, 6, 8, 10, 12, 14, 16, 20):
        kept = [(ok, is_latin) for n, ok, is_latin in short if n >= threshold]
        right = sum(ok for ok, _ in kept) / len(kept)
        latin_kept = [ok for ok, is_latin in kept if is_latin]
        mark = "  <- MIN_LETTERS" if threshold == detector.min_letters else ""
        print(
            f"{threshold:<13}{len(kept) / len(short):>6.0%}{right:>15.1%}"
            f"{sum(latin_kept) / len(latin_kept):>14.1%}{mark}"
        )

    calls_ms = [t * 1000 for t in timings]
    print("\n3. Time")
    print(
        f"load profiles for {len(detector._profiles.languages)} languages: {load_ms:.0f} ms"
        " (once per process)"
    )
    print(
        f"per call: median {statistics.median(calls_ms):.2f} ms, "
        f"max {max(calls_ms):.2f} ms over {len(calls_ms)} sentences"
    )
    longest = (" ".join(data.get("en", [])) * 10)[:2000]
    runs = []
    for _ in range(20):
        t0 = time.perf_counter()
        detector.detect(longest)
        runs.append((time.perf_counter() - t0) * 1000)
    print(
        f"a 2,000-character answer (the longest accepted): median {statistics.median(runs):.1f} ms"
    )

    print("\n4. Clear margin: every word-prefix of 12+ letters, share with margin >= m")
    groups: dict[str, list[float]] = defaultdict(list)
    for lang, lines in everything.items():
        for line in lines:
            words = line.split()
            for k in range(1, len(words) + 1):
                found = detector.detect(" ".join(words[:k]))
                if found is None:
                    continue
                if lang in languages:
                    group = "enabled, right" if found.lang == lang else "enabled, wrong"
                    groups[group].append(found.margin)
                elif found.lang in languages:
                    groups["other, as enabled"].append(found.margin)
    marks = (5, 10, 15, 20, 25, 30)
    print(f"{'':<20}{'n':>6}" + "".join(f"{f'>={m}':>7}" for m in marks))
    for name in ("enabled, right", "enabled, wrong", "other, as enabled"):
        ms = groups[name]
        cells = "".join(
            f"{sum(x >= m for x in ms) / len(ms):>7.0%}" if ms else f"{'-':>7}" for m in marks
        )
        print(f"{name:<20}{len(ms):>6}{cells}")
    print(f"CLEAR_MARGIN = {detect.CLEAR_MARGIN:g}")

    print("\nRerun: .venv/bin/python bench/detect_accuracy.py")


if __name__ == "__main__":
    main()
