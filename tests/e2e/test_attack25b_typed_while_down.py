"""Attack25b on Telegram: a disclosure typed in two pieces while the bot is down for a
restart (a deploy).  Telegram holds both updates; the restarted bot handles them one after
the other, and the two pieces are still read together: the person gets the helplines in
their language as soon as the bot is back, and the first piece, stored as an answer, is
kept out of quotes."""

from __future__ import annotations

from tests.e2e.test_attack21_paths import alerted
from tests.e2e.test_telegram_flow import sessions_of
from tests.e2e.test_telegram_risk import to_assessment_text_question


async def test_a_split_disclosure_typed_while_the_bot_restarts_gets_helplines(bot, api):
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    before = len(user.messages())

    await bot.stop()  # a deploy: the bot is down while the person types
    ids = [
        await api.push({"message": user._message(text=piece)})
        for piece in ("już nie chcę", "żyć")  # "no longer want" … "to live"
    ]
    await bot.start()
    for update_id in ids:
        await api.settled(update_id)

    shown = user.messages()[before:]
    assert alerted(shown, "pl"), [m.text for m in shown]
    [session] = await sessions_of(bot, user)
    assert session["answers"]["assessment_better"] == "już nie chcę"
    rows = await bot.store.read("SELECT value, risk_flag FROM answers WHERE kind = 'text'")
    assert [tuple(r) for r in rows] == [("już nie chcę", 1)]
