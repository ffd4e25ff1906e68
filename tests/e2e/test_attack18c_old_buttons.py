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
