"""Broadcasts keep their pace behind people's replies (bot/telegram/pace.py)."""

from __future__ import annotations

import asyncio

from telegram.ext import AIORateLimiter

from bot.telegram.pace import BACKGROUND, ForegroundFirst


async def reply_wait(limiter: AIORateLimiter, marked: object = BACKGROUND) -> tuple[float, int]:
    """The longest a reply waits while a broadcast is under way; messages the broadcast sent."""
    loop = asyncio.get_running_loop()
    sent: list[str] = []

    async def call(tag: str) -> bool:
        sent.append(tag)
        return True

    async def broadcast() -> None:
        for _ in range(40):
            await limiter.process_request(
                call, ("broadcast",), {}, "sendMessage", {"chat_id": 7}, marked
            )

    task = asyncio.create_task(broadcast())
    await asyncio.sleep(0.6)
    waited = 0.0
    for _ in range(5):  # one reply at a time, as people's replies come
        began = loop.time()
        await limiter.process_request(call, ("reply",), {}, "sendMessage", {"chat_id": 8}, None)
        waited = max(waited, loop.time() - began)
        await asyncio.sleep(0.15)
    task.cancel()
    return waited, sent.count("broadcast")


async def test_a_reply_never_waits_behind_a_broadcast():
    plain = AIORateLimiter(overall_max_rate=10, group_max_rate=0)
    waited, _ = await reply_wait(plain, None)
    assert waited > 0.05  # PTB's limiter alone: the broadcast has filled the bucket
    ours = ForegroundFirst(overall_max_rate=10, group_max_rate=0, background_rate=10)
    waited, broadcast = await reply_wait(ours)
    assert waited < 0.02
    # ...and the broadcast still goes at about its pace: 10 a second for 1.35 s, less the
    # replies' share of the bucket.
    assert 6 <= broadcast <= 15


async def test_the_broadcast_keeps_its_own_pace_when_replies_are_not_paced():
    """As in the benchmarks (no overall limit): the broadcast alone holds 20 a second."""
    limiter = ForegroundFirst(overall_max_rate=0, group_max_rate=0, background_rate=20)
    _, broadcast = await reply_wait(limiter)
    assert 20 <= broadcast <= 29  # 20 a second for about 1.35 s


async def test_a_broadcast_message_goes_in_a_gap_between_peoples_updates(monkeypatch):
    """While someone's update is in hand, a broadcast's next message waits for it to be
    done (its work on the loop would otherwise lengthen that person's wait)."""
    from bot.telegram import pace
    from bot.telegram.ordering import PerPersonOrder

    monkeypatch.setattr(pace, "GAP_WAIT", 30.0)  # a loaded machine's late wake-ups aside

    loop = asyncio.get_running_loop()
    order = PerPersonOrder(lambda update: None)
    limiter = ForegroundFirst(overall_max_rate=0, group_max_rate=0, background_rate=30)
    limiter.foreground = order
    sent_at: list[float] = []

    async def call() -> bool:
        sent_at.append(loop.time())
        return True

    async def send() -> None:
        await limiter.process_request(call, (), {}, "sendMessage", {"chat_id": 7}, BACKGROUND)

    await send()  # the pace's first slot, taken with nobody in hand
    handled_until = 0.0
    async with order.turn_of("someone"):
        task = asyncio.create_task(send())  # due in 1/30 s, while the update is in hand
        await asyncio.sleep(0.04)
        handled_until = loop.time()
    await task
    assert sent_at[-1] >= handled_until


async def test_the_broadcast_keeps_its_pace_when_people_never_stop():
    """Someone always in hand: each message waits at most half its interval, so the
    broadcast still holds its pace."""
    from bot.telegram.ordering import PerPersonOrder

    order = PerPersonOrder(lambda update: None)
    limiter = ForegroundFirst(overall_max_rate=0, group_max_rate=0, background_rate=20)
    limiter.foreground = order
    async with order.turn_of("someone"), order.turn_of("someone else"):
        _, broadcast = await reply_wait(limiter)
    assert 20 <= broadcast <= 29  # 20 a second for about 1.35 s
