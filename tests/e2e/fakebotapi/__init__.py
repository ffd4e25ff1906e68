"""A small fake Telegram Bot API server, and scripted users who talk to the bot through it.

The real python-telegram-bot ``Application`` talks to this server over HTTP on
127.0.0.1 (``base_url``), by long polling or by webhook, exactly as it would to
Telegram.  Tests drive it as a person would::

    user = api.user()
    await user.send("/start")
    await user.tap("Yes, I agree, let's start")
    shown = await user.last_message()

Each call returns once the bot has finished handling that update (the
``traced_application`` hook tells the server), so tests await events rather
than sleep.  Run ``python -m tests.e2e.fakebotapi`` to chat with a real bot by hand.

It refuses what Telegram refuses: a text over 4,096 UTF-16 units or a caption over
1,024 (after HTML parsing), an empty text, more than 100 buttons, callback data
over 64 bytes, and messages to a chat whose person blocked the bot (``user.block()``,
which also sends the bot ``my_chat_member``).  Tests choose failures: ``fail``
(502, 429 with retry_after, 400, 403 for chosen chats), ``flaky`` (seeded random
502s), ``drop`` (the answer is lost, after or before the call was carried out),
and ``hold_after`` / ``release`` (hold a message unanswered to stop the bot
mid-broadcast).
"""

from tests.e2e.fakebotapi.server import TOKEN, FakeBotAPI, traced_application
from tests.e2e.fakebotapi.user import FakeUser, Shown

__all__ = ["TOKEN", "FakeBotAPI", "FakeUser", "Shown", "traced_application"]
