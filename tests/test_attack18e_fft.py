"""Hostile review of issue 18 (attack18e), the operator's side: the bot's daily purge
landing while a scheduled ``fft --month`` counts the month the cutoff falls in (after
it looked at the purge mark, before it counted).  Like the equality quarter
(tests/test_attack18e_equality.py): the return would count only the days left under
the whole month's name, exit 0.  It must not be written (refused, or made again)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

import bot.report.fft as fft_module
from bot.cli import main
from bot.report.synth import Response, write
from bot.retention import purge_expired
from bot.store import Store
from tests.test_report_trends import _config


def test_a_purge_landing_while_the_fft_month_is_counted_writes_no_short_return(
    tmp_path, settings, flows, monkeypatch
):
    zone = ZoneInfo(settings.reports.timezone)
    cutoff = datetime.now(UTC) - timedelta(days=settings.retention_days)
    local = cutoff.astimezone(zone)
    label = f"{local:%Y-%m}"
    people = [
        Response(
            "service_feedback",
            cutoff + timedelta(hours=sign, minutes=i),
            {"fft": "very_poor" if sign < 0 else "very_good"},
            site="wisbech_hub",
            area="cambridgeshire",
        )
        for sign, n in ((-1, 2), (1, 10))
        for i in range(n)
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
    counts = fft_module.fft_counts
    landed = []

    async def purge_first(store, *args, **kwargs):
        if not landed:  # the bot's daily purge, from its own process, meanwhile
            landed.append(await purge_expired(store, settings))
        return await counts(store, *args, **kwargs)

    monkeypatch.setattr(fft_module, "fft_counts", purge_first)
    config = _config(tmp_path, settings)
    code = main(["--config", config, "fft", "--month", label, "--out", str(tmp_path / "a")])
    assert landed and landed[0].sessions == 2
    written = tmp_path / "a" / f"fft-{label}.csv"
    assert code == 2 and not written.exists(), (code, written.exists() and written.read_text())
