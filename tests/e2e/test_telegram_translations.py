"""A Somali translation fixed by a volunteer reaches Telegram, with no new flow version."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.i18n import load_catalogue
from bot.translations.catalog import LOCALE_ENV
from bot.translations.exchange import export_catalogue
from tests.conftest import ROOT
from tests.e2e.conftest import RunningBot
from tests.test_translations import _xlsx_edit

SO = load_catalogue()
NEW = "Guud ahaan, sidee bay ahayd khibraddaada adeeggayaga? (la hubiyay)"


@pytest.fixture
def locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "locale"
    shutil.copytree(ROOT / "locale", copy)
    monkeypatch.setenv(LOCALE_ENV, str(copy))
    return copy


async def test_imported_somali_fix_is_what_the_bot_asks(settings, api, locale, tmp_path):
    two = settings.model_copy(update={"languages": ["en", "so"]})
    running = await RunningBot(two, api).start()
    user = api.user(language_code="so")
    await user.send("/start")
    shown = await user.tap(SO.text("consent.agree", "so"))
    old = running.conversations.flows["service_feedback"].step("fft").text["so"]
    assert old in shown[-1].text and NEW not in shown[-1].text
    await running.stop()

    sheet = tmp_path / "so.xlsx"
    export_catalogue("so", "xlsx", sheet)
    _xlsx_edit(sheet, "service_feedback:fft:text", NEW)
    assert main(["--config", str(ROOT / "config.yaml"), "translations", "import", str(sheet)]) == 0

    running = await RunningBot(two, api).start()
    try:
        other = api.user(language_code="so")
        await other.send("/start")
        shown = await other.tap(SO.text("consent.agree", "so"))
        assert NEW in shown[-1].text
        async with running.store.db.execute(
            "SELECT flow_id, version FROM flow_versions WHERE flow_id = 'service_feedback'"
        ) as cur:
            assert [tuple(r) for r in await cur.fetchall()] == [("service_feedback", 3)]
        async with running.store.db.execute(
            "SELECT DISTINCT flow_version, catalogue_revision FROM sessions"
        ) as cur:
            rows = [tuple(r) for r in await cur.fetchall()]
        assert len(rows) == 2 and {r[0] for r in rows} == {3}
    finally:
        await running.stop()
