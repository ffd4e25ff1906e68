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


async def test_a_peer_revoked_and_invited_again_cannot_use_the_old_desks_buttons(settings, api):
    """Revoked, then invited again as a peer: the desk that revoking closed stays closed.
    Its Delete these answers must not delete the last person's answers, and its
    question's buttons must not write into their finished form."""
    from tests.e2e.conftest import RunningBot
    from tests.e2e.test_telegram_peer import AGREE, fill_tiny, member, open_tiny, sessions

    running = await RunningBot(settings, api, opener=open_tiny).start()
    try:
        peer = await member(running, api, "peer", "wisbech_hub")
        await peer.send("/assist")
        await peer.tap(AGREE)
        await fill_tiny(peer, "The nurse listened to me.")
        desk = await peer.last_message()
        assert "Delete these answers" in desk.labels
        key = respondent_key(SECRET, "telegram", peer.id)
        await Roles(running.store, SECRET).revoke(key[:12])
        assert running.channel is not None
        invite = await running.channel.roles.create_invite("peer", "wisbech_hub")
        await peer.send(f"/join {invite.code}")
        await peer.tap("Delete these answers", desk.message_id)
        [form] = await sessions(running)
        assert form["status"] == "completed"
        assert (await running.store.answers(form["id"]))["story"] == "The nurse listened to me."
    finally:
        await running.stop()
