"""What risk screening costs per typed message, per language, short and long.

Every free-text answer is screened (``RiskScreen.hits``) before it is stored, so this
cost is paid on the event loop for each typed message.  Messages are the labelled
corpus (tests/data/risk/, both risk and near misses); long ones are eight of a
language's messages joined into one (about 400-600 characters).  Each message is
timed ``--rounds`` times with the normalisation cache cleared (every message is new
text) and its fastest time kept, so other processes on a shared machine do not pass
for screening cost:

- warm: the word cache filled, as in a bot that has been running (people reuse words);
- cold: nothing remembered between messages either (the worst case);
- phrases: the phrase patterns alone, without the concept rules, for comparison.

Rerun:  python bench/risk_speed.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.risk_eval import load_corpus  # noqa: E402
from bot.config import load_settings  # noqa: E402
from bot.safety import RiskScreen, load_builtin, merge, normalise  # noqa: E402


def best_of(screen: RiskScreen, texts: list[str], rounds: int, cold: bool) -> list[float]:
    """Microseconds per message, the fastest of ``rounds`` runs of each."""
    out = []
    for text in texts:
        best = float("inf")
        for _ in range(rounds):
            normalise.cache_clear()
            if cold:
                screen.forget()
            start = time.perf_counter()
            screen.hits(text)
            best = min(best, time.perf_counter() - start)
        out.append(best * 1e6)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)

    settings = load_settings(ROOT / "config.yaml")
    full = RiskScreen.from_config(settings.risk_phrases)
    phrases = RiskScreen(merge(load_builtin(), settings.risk_phrases))
    by_lang: dict[str, list[str]] = defaultdict(list)
    for line in load_corpus():
        by_lang[line.lang].append(line.text)
    for texts in by_lang.values():  # warm the word cache once, as a running bot would be
        for text in texts:
            full.hits(text)

    runs: dict[str, Callable[[list[str]], list[float]]] = {
        "warm": lambda t: best_of(full, t, args.rounds, cold=False),
        "cold": lambda t: best_of(full, t, args.rounds, cold=True),
        "phrases": lambda t: best_of(phrases, t, args.rounds, cold=False),
    }
    print(f"µs per message, median (p99 over all languages below); best of {args.rounds}")
    print(
        f"{'':<6}{'chars':>6}"
        + "".join(f"{name:>9}" for name in runs)
        + "   long:"
        + "".join(f"{name:>9}" for name in runs)
    )
    every: dict[str, list[float]] = defaultdict(list)
    for lang in sorted(by_lang):
        short = by_lang[lang]
        long = [" ".join(short[i : i + 8]) for i in range(0, len(short) - 7, 8)]
        row = f"{lang:<6}{statistics.mean(map(len, short)):>6.0f}"
        long_row = ""
        for name, run in runs.items():
            times = run(short)
            every[name].extend(times)
            row += f"{statistics.median(times):>9.1f}"
            long_times = run(long)
            every[f"long {name}"].extend(long_times)
            long_row += f"{statistics.median(long_times):>9.1f}"
        print(row + "        " + long_row)
    print()
    for name, times in every.items():
        times.sort()
        print(
            f"{name:<14} mean {statistics.mean(times):7.1f}  median {statistics.median(times):7.1f}"
            f"  p99 {times[int(len(times) * 0.99)]:7.1f} µs  ({len(times)} messages)"
        )
    print("rerun: python bench/risk_speed.py [--rounds 5]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
