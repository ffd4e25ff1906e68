"""Hostile review of issue 18 items 5 and 6 (attack18c): old buttons after a role changes.

A /review card stays in the chat after its reader's role changes.  Its buttons must
act as the role is now: staff moved to another site, or revoked, save nothing on a
comment they may no longer review.
"""

from __future__ import annotations

from bot.privacy import respondent_key
from bot.roles import Roles
from tests.e2e.conftest import SECRET
from tests.e2e.test_telegram_scope import joined, two_sites


async def _reviews(bot) -> int:
    async with bot.store.db.execute("SELECT count(*) FROM theme_reviews") as cur:
        return (await cur.fetchone())[0]


async def test_an_old_review_card_after_a_move_to_another_site_saves_nothing(bot, api, flows):
    await two_sites(bot, flows)
    staff = await joined(bot, api, "staff", "wisbech_hub")
    card = (await staff.send("/review"))[-1]
    assert card.text.startswith("Comment 1 of 6")
    assert bot.channel is not None
    invite = await bot.channel.roles.create_invite("staff", "cambridge_hub")
    await staff.send(f"/join {invite.code}")  # moved to Cambridge: Wisbech is not theirs
    await staff.tap("Save", card.message_id)
    assert await _reviews(bot) == 0


async def test_an_old_review_card_after_a_revoke_saves_nothing(bot, api, flows):
    await two_sites(bot, flows)
    staff = await joined(bot, api, "staff", "wisbech_hub")
    card = (await staff.send("/review"))[-1]
    await Roles(bot.store, SECRET).revoke(respondent_key(SECRET, "telegram", staff.id)[:12])
    await staff.tap("Save", card.message_id)
    assert await _reviews(bot) == 0
    assert staff.callback_answer()["text"].startswith("Sorry, that button didn't work")


async def test_an_old_language_menu_tapped_during_assist_switches_the_form_in_hand(settings, api):
    """The peer opened /language before /assist; the person beside them taps Polski on
    that older menu once the form is open: the form goes on in Polish (as from a menu
    sent during the assist), not the peer's own chat."""
    from bot.privacy import respondent_key
    from tests.e2e.conftest import RunningBot
    from tests.e2e.test_telegram_peer import member, sessions

    running = await RunningBot(settings, api).start()
    try:
        peer = await member(running, api, "peer", "huntingdon_hub")
        menu = (await peer.send("/language"))[-1]
        assert "Polski" in menu.labels
        await peer.send("/assist")
        await peer.tap("English")
        await peer.tap("Yes, I agree, let's start")
        await peer.tap("Polski", menu.message_id)
        [form] = await sessions(running)
        async with running.store.db.execute(
            "SELECT lang FROM sessions WHERE id = ?", (form["id"],)
        ) as cur:
            assert (await cur.fetchone())[0] == "pl"
        peer_key = respondent_key(SECRET, "telegram", peer.id)
        assert await running.conversations.language_of(peer_key, "telegram") != "pl"
    finally:
        await running.stop()
