"""attack21 on paper forms a peer worker types in: what the form says is redacted and
screened like a person's own answer, though the peer typed it and nothing is joined."""

from __future__ import annotations

from bot.i18n import load_catalogue
from tests.alerts import starts_alert
from tests.e2e.test_telegram_peer import bot, member  # noqa: F401 - the tiny flow's bot

CATALOGUE = load_catalogue()


async def test_a_paper_forms_details_are_redacted_and_its_disclosure_flagged(bot, api):  # noqa: F811
    peer = await member(bot, api, "peer", "cambridge_hub")
    await peer.send("/paper")
    await peer.tap("1")
    written = "took all my tablets last night, Mrs K. Brown, ring 07911\n123456"
    shown = await peer.send(written)
    assert starts_alert(shown[0].text, "en")
    assert CATALOGUE.text("risk.overdose", "en") in shown[0].text
    rows = await bot.store.read("SELECT value, risk_flag FROM answers WHERE kind = 'text'")
    [(value, flag)] = [tuple(r) for r in rows]
    assert flag == 1
    assert "Brown" not in value and "123456" not in value and "tablets" in value
