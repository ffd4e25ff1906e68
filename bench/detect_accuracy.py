"""How well bot.detect names the language of short feedback, and how fast.

Reads tests/data/detect/<lang>.txt (one sentence a line, written for this
purpose) and prints:
  1. accuracy per language on whole sentences, with the threshold in force;
  2. accuracy by length (prefixes of 1, 2, 3... words), which is how
     MIN_LETTERS was chosen: below it, guesses are wrong too often to store;
  3. time to load the profiles and per call.

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


def letters(text: str) -> int:
    return sum(detect.script_counts(text).values())


def main() -> None:
    languages = tuple(load_settings(ROOT / "config.yaml").languages)
    started = time.perf_counter()
    detect.profiles_for.cache_clear()
    detector = detect.LanguageDetector(languages)
    load_ms = (time.perf_counter() - started) * 1000
    unguessable = detect.LanguageDetector(languages, min_letters=0)
    data = {lang: lines for lang, lines in corpus().items() if lang in languages}

    print(f"Enabled: {', '.join(languages)}")
    print(f"Without a langdetect profile (script rule only): {list(detector.unprofiled) or 'none'}")
    print(f"\n1. Whole sentences, MIN_LETTERS = {detector.min_letters}")
    print(f"{'lang':<5}{'n':>4}{'right':>7}{'none':>6}{'accuracy':>10}  wrong answers")
    total = right_total = 0
    timings: list[float] = []
    for lang, lines in data.items():
        right, none, wrong = 0, 0, Counter()
        for line in lines:
            t0 = time.perf_counter()
            found = detector.detect(line)
            timings.append(time.perf_counter() - t0)
            if found is None:
                none += 1
            elif found.lang == lang:
                right += 1
            else:
                wrong[found.lang] += 1
        total += len(lines)
        right_total += right
        shown = ", ".join(f"{k}×{v}" for k, v in wrong.most_common()) or "-"
        print(f"{lang:<5}{len(lines):>4}{right:>7}{none:>6}{right / len(lines):>10.1%}  {shown}")
    print(f"{'all':<5}{total:>4}{right_total:>7}{'':>6}{right_total / total:>10.1%}")

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
        f"load profiles for {len(detector.profiled)} languages: {load_ms:.0f} ms (once per process)"
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
    print("\nRerun: .venv/bin/python bench/detect_accuracy.py")


if __name__ == "__main__":
    main()
