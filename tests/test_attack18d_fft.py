"""Hostile review of issue 18 after the purge fix (attack18d): the FFT return of a month
the retention purge has reached.

The FFT return is not suppressed, by design (the NHS wants exact counts).  Every other
report refuses a period with a purged day since ae93ccf (``PurgedDays``: its counts are
gone, so it would be wrong, and a subtraction away from what was published of those
days).  ``fft --month`` does not: run again for the month the cutoff falls in, it writes
a return labelled with the whole month that counts only the days left, and the return
made before the purge less this one is the purged days' exact counts, site by site.
"""

from __future__ import annotations

import asyncio
import csv
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.cli import main
from bot.report.synth import Response, write
from bot.store import Store
from tests.test_report_trends import _config


def _rows(path) -> dict[str, dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return {"|".join(list(r.values())[:2]): r for r in csv.DictReader(f)}


def test_the_fft_return_of_a_month_the_purge_reached_is_refused(tmp_path, settings, flows):
    zone = ZoneInfo(settings.reports.timezone)
    cutoff = datetime.now(UTC) - timedelta(days=settings.retention_days)
    local = cutoff.astimezone(zone)
    label = f"{local:%Y-%m}"
    # Two people at Wisbech an hour before the cutoff (purged), ten an hour after it.
    people = [
        Response(
            "service_feedback",
            cutoff - timedelta(hours=1, minutes=i),
            {"fft": "very_poor"},
            site="wisbech_hub",
            area="cambridgeshire",
        )
        for i in range(2)
    ]
    people += [
        Response(
            "service_feedback",
            cutoff + timedelta(hours=1, minutes=i),
            {"fft": "very_good"},
            site="wisbech_hub",
            area="cambridgeshire",
        )
        for i in range(10)
    ]
    edges = {(cutoff + timedelta(hours=h)).astimezone(zone).month for h in (-2, 2)}
    if edges != {local.month}:
        pytest.skip("the cutoff is within two hours of a month's edge today")

    async def fill() -> None:
        store = await Store.open(settings.database)
        try:
            await write(store, flows, people)
        finally:
            await store.close()

    asyncio.run(fill())
    config = _config(tmp_path, settings)
    assert main(["--config", config, "fft", "--month", label, "--out", str(tmp_path / "a")]) == 0
    assert main(["--config", config, "purge"]) == 0
    code = main(["--config", config, "fft", "--month", label, "--out", str(tmp_path / "b")])
    before = (tmp_path / "a" / f"fft-{label}.csv").read_text()
    after = tmp_path / "b" / f"fft-{label}.csv"
    assert code == 2 and not after.exists(), (before, after.read_text())
