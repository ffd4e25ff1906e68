"""Long messages: the fake Bot API refuses what Telegram refuses, and the bot never sends it.

Every text goes through one splitter (bot/telegram/split.py): parts of at most
4,096 characters, broken at blank lines, then line ends, then between words,
with the buttons on the last part.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import aiohttp
import pytest

from bot.report.queries import ReportQueries
from bot.updates import publish
from tests.e2e.conftest import RunningBot
from tests.e2e.fakebotapi import FakeBotAPI
from tests.e2e.test_telegram_peer import member, open_tiny

LIMIT = 4096


async def call(api: FakeBotAPI, method: str, **params: Any) -> dict[str, Any]:
    async with (
        aiohttp.ClientSession() as http,
        http.post(f"{api.base_url}{api.token}/{method}", json=params) as response,
    ):
        return dict(await response.json())


def keyboard(buttons: int, data: str = "x") -> dict[str, Any]:
    return {"inline_keyboard": [[{"text": str(i), "callback_data": data}] for i in range(buttons)]}


async def test_fake_api_refuses_what_telegram_refuses(api):
    ok = await call(api, "sendMessage", chat_id=5, text="x" * LIMIT)
    assert ok["ok"] is True
    too_long = await call(api, "sendMessage", chat_id=5, text="x" * (LIMIT + 1))
    assert (too_long["error_code"], too_long["description"]) == (
        400,
        "Bad Request: message is too long",
    )
    emoji = await call(api, "sendMessage", chat_id=5, text="😀" * 2049)  # 4,098 UTF-16 units
    assert emoji["description"] == "Bad Request: message is too long"
    html = await call(
        api, "sendMessage", chat_id=5, text="<b>" + "y" * LIMIT + "</b>", parse_mode="HTML"
    )
    assert html["ok"] is True  # tags do not count
    empty = await call(api, "sendMessage", chat_id=5, text="  \n ")
    assert empty["description"] == "Bad Request: message text is empty"

    many = await call(api, "sendMessage", chat_id=5, text="hi", reply_markup=keyboard(101))
    assert many["error_code"] == 400
    assert (await call(api, "sendMessage", chat_id=5, text="hi", reply_markup=keyboard(100)))["ok"]
    fat = await call(api, "sendMessage", chat_id=5, text="hi", reply_markup=keyboard(1, "é" * 33))
    assert fat["description"] == "Bad Request: BUTTON_DATA_INVALID"  # 66 bytes
    sent = ok["result"]["message_id"]
    edit = await call(api, "editMessageText", chat_id=5, message_id=sent, text="z" * (LIMIT + 1))
    assert edit["description"] == "Bad Request: message is too long"

    form = aiohttp.FormData()
    form.add_field("chat_id", "5")
    form.add_field("caption", "c" * 1025)
    form.add_field("document", b"data", filename="a.txt")
    async with (
        aiohttp.ClientSession() as http,
        http.post(f"{api.base_url}{api.token}/sendDocument", data=form) as response,
    ):
        caption = await response.json()
    assert caption["description"] == "Bad Request: message caption is too long"


@pytest.fixture
async def tiny_bot(settings, api) -> AsyncIterator[RunningBot]:
    running = await RunningBot(settings, api, opener=open_tiny).start()
    yield running
    await running.stop()


def comment(seed: str, length: int = 2000) -> str:
    """A comment of ``length`` characters in sentences and lines, as people write."""
    sentence = f"The {seed} was kind but the wait was long. "
    text = ""
    while len(text) < length:
        text += sentence * 4 + "\n"
    return text[:length].strip()


async def test_paper_read_back_of_two_long_comments_keeps_its_buttons(tiny_bot, api):
    """Today: the read-back is over 4,096 characters, fails, and the peer gets no buttons."""
    peer = await member(tiny_bot, api, "peer", "cambridge_hub")
    await peer.send("/paper")
    first, second = comment("nurse"), comment("doctor")
    await peer.tap("1")
    await peer.send(first)
    await peer.tap("2")
    shown = await peer.send(second)
    assert all(len(s.text) <= LIMIT for s in shown)
    assert shown[-1].labels == ["Correct: next form", "Delete these answers", "Finish"]
    assert not any(s.buttons for s in shown[:-1])  # buttons only on the last part
    read_back = "\n".join(s.text for s in shown)
    assert read_back.count("Please check these answers") == 1
    for text in (first, second):
        assert " ".join(text.split()) in " ".join(read_back.split())
    shown = await peer.tap("Correct: next form")
    assert "1." in shown[-1].text  # the next form started


async def test_news_with_five_long_updates(tiny_bot, api):
    """Today: five updates of 3,000 characters make one message of 15,000, refused."""
    texts = [comment(f"update {i}", 3000) for i in range(5)]
    for i, text in enumerate(texts):
        await publish(tiny_bot.store, text, "en", "te_staff", date(2026, 1, i + 1))
    reader = api.user()
    shown = await reader.send("/news")
    assert len(shown) >= 4 and all(len(s.text) <= LIMIT for s in shown)
    assert shown[0].text.startswith("You said, we did")
    for text in texts:  # each update whole, in one message
        assert any(text in s.text for s in shown)


async def test_an_update_too_long_to_send_is_refused_before_it_is_stored(tiny_bot, api):
    staff = await member(tiny_bot, api, "staff", None)
    # With its header ("News: you said, we did") it would not fit in one message.
    too_long = comment("service", 4086)
    shown = await staff.send(f"/update {too_long}")
    assert shown[-1].text.startswith(f"That update is {len(too_long)} characters long.")
    assert "at most 4072" in shown[-1].text and "Nothing was saved" in shown[-1].text
    assert await ReportQueries(tiny_bot.store).updates() == []
    fits = comment("service", 4000)
    shown = await staff.send(f"/update {fits}")
    assert shown[-1].labels[0] == "Send it now"
    assert [r[1] for r in await ReportQueries(tiny_bot.store).updates()] == [fits]


async def test_long_captions_and_html_go_through_the_same_splitter(tiny_bot, api):
    """No handler sends these yet; the bot's own methods still never exceed the limits."""
    bot = tiny_bot.app.bot
    caption = "Weekly files. " + "These figures hide counts under five. " * 60
    await bot.send_document(7, b"data", filename="report.csv", caption=caption)
    [document] = api.documents
    assert len(document["caption"]) <= 1024
    follow = api.sent[-1]["text"]
    assert " ".join(f"{document['caption']} {follow}".split()) == " ".join(caption.split())

    html = "<b>Summary</b>\n\n" + "<i>" + "Waiting times &amp; staff. " * 300 + "</i>"
    last = await bot.send_message(8, html, parse_mode="HTML")
    parts = [m["text"] for m in api.sent if m["chat"]["id"] == 8]
    assert len(parts) == 2 and last.message_id == api.sent[-1]["message_id"]
    assert parts[0].startswith("<b>Summary</b>\n\n<i>Waiting")
    assert parts[0].endswith("</i>") and parts[1].startswith("<i>")
