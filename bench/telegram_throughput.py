"""How many people at once the Telegram channel serves, end to end over local HTTP.

The real PTB Application polls a fake Bot API server on 127.0.0.1; N scripted
people each take a short path through service_feedback (consent, 5 taps, one
text).  Prints updates per second and the time from a person's update to the
bot having finished with it (which includes every reply it sent).

Rerun: .venv/bin/python -m bench.telegram_throughput [--people 50]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bot.config import load_settings
from tests.conftest import ROOT
from tests.e2e.conftest import RunningBot
from tests.e2e.fakebotapi import FakeBotAPI, FakeUser


async def person(user: FakeUser, timings: list[float]) -> None:
    async def timed(step) -> None:  # type: ignore[no-untyped-def]
        began = time.perf_counter()
        await step
        timings.append(time.perf_counter() - began)

    await timed(user.send("/start"))
    await timed(user.tap("Yes, I agree, let's start"))
    await timed(user.tap("Other"))
    await timed(user.tap("Cambridge hub"))
    await timed(user.tap("Treatment and support"))
    await timed(user.tap("Done"))
    await timed(user.tap("Satisfied"))
    await timed(user.send("Shorter waits for a first appointment."))


async def main(people: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(ROOT / "config.yaml").model_copy(
            update={"database": Path(tmp) / "bench.db", "flows_dir": ROOT / "flows"}
        )
        api = await FakeBotAPI().start()
        bot = await RunningBot(settings, api).start()
        timings: list[float] = []
        try:
            began = time.perf_counter()
            await asyncio.gather(*(person(api.user(9000 + i), timings) for i in range(people)))
            elapsed = time.perf_counter() - began
        finally:
            await bot.stop()
            await api.close()
    cuts = statistics.quantiles(timings, n=100)
    print(f"people: {people}, updates: {len(timings)}, wall time: {elapsed:.2f} s")
    print(f"throughput: {len(timings) / elapsed:.0f} updates/s")
    print(
        f"per update (queued to handled): p50 {cuts[49] * 1000:.0f} ms, "
        f"p95 {cuts[94] * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms"
    )
    print(f"rerun: .venv/bin/python -m bench.telegram_throughput --people {people}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=50)
    asyncio.run(main(parser.parse_args().people))
