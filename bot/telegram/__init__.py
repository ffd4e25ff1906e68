"""The Telegram channel: wiring, start-up and shutdown of the PTB ``Application``.

``serve`` is what ``feedback-bot run`` calls.  Tests use the same pieces
(``build_application``, ``start_bot``, ``stop_bot``) against a local fake Bot
API server, so the wiring under test is the wiring that runs.
"""

from __future__ import annotations

import asyncio
import gc
import os
import signal
from collections.abc import Coroutine
from typing import Any

from telegram.ext import Application, BaseRateLimiter

from bot.config import Settings, Telegram
from bot.privacy import load_secret
from bot.report.worker import ReportWorker, warm
from bot.review import warm as warm_review
from bot.service import open_conversations
from bot.telegram.handlers import CHANNEL, TelegramChannel
from bot.telegram.http import AiohttpRequest
from bot.telegram.jobs import schedule
from bot.telegram.logsafe import protect_token, withhold_payloads
from bot.telegram.once import GROUP as ONCE_GROUP
from bot.telegram.once import OncePerPersonOrder, skip_seen
from bot.telegram.pace import ForegroundFirst
from bot.telegram.split import SplittingBot

__all__ = [
    "CHANNEL",
    "TelegramChannel",
    "build_application",
    "collect_less",
    "run_loop",
    "serve",
    "start_bot",
    "stop_bot",
]

# Durations from PTB (RetryAfter.retry_after) as timedelta, as they will be in PTB 23:
# our code reads them either way, and opting in stops PTB's warning on every RetryAfter.
os.environ.setdefault("PTB_TIMEDELTA", "true")

REPORTS = "reports"
"""Where the channel's ReportWorker is kept in ``app.bot_data``."""
REVIEW_WARMED = "review_warmed"
"""In ``app.bot_data``: the future of the start-up warm-up of /review (``bot.review.warm``)."""
TOKEN_ENV = "TELEGRAM_BOT_TOKEN"
WEBHOOK_SECRET_ENV = "TELEGRAM_WEBHOOK_SECRET"


def build_application(
    channel: TelegramChannel,
    token: str,
    *,
    base_url: str | None = None,
    rate_limiter: BaseRateLimiter[Any] | None = None,
    application_class: type[Application[Any, Any, Any, Any, Any, Any]] = Application,
) -> Application[Any, Any, Any, Any, Any, Any]:
    """One place where handlers meet PTB.  No persistence: the database is the persistence.

    ``base_url`` points at another Bot API server, e.g. ``http://127.0.0.1:8081/bot``
    (the token is appended).  The rate limiter retries after RetryAfter.  Updates
    from different people are handled concurrently, each person's in order, over
    aiohttp (``bot/telegram/http.py`` says why).
    The weekly summary and daily purge are put on the job queue here.
    """
    withhold_payloads()
    protect_token(token)
    # Every text the bot sends goes through the one splitter (bot/telegram/split.py).
    bot = SplittingBot(
        token,
        base_url=base_url or "https://api.telegram.org/bot",
        request=AiohttpRequest(),
        get_updates_request=AiohttpRequest(connection_pool_size=1),
        rate_limiter=rate_limiter or ForegroundFirst(max_retries=3),
    )
    order = OncePerPersonOrder(channel.person_of, channel.conversations.store)
    if isinstance(bot.rate_limiter, ForegroundFirst):
        bot.rate_limiter.foreground = order  # a broadcast's messages go between updates
    app = (
        Application.builder()
        .bot(bot)
        .concurrent_updates(order)
        .application_class(application_class)
        .build()
    )
    app.add_handler(skip_seen(channel.conversations.store, channel.signpost), ONCE_GROUP)
    for group, handler in channel.handlers():
        app.add_handler(handler, group)
    app.add_error_handler(channel.on_error)
    schedule(app, channel)
    app.bot_data[REPORTS] = channel.reports  # for stop_bot
    return app


async def start_bot(
    app: Application[Any, Any, Any, Any, Any, Any],
    channel: TelegramChannel,
    telegram: Telegram,
    webhook_secret: str | None = None,
) -> None:
    """Connect, publish the command menu, and start polling or the webhook listener."""
    await app.initialize()
    # The report processes' fork server, started beside the bot (bot/report/worker.py).
    loop = asyncio.get_running_loop()
    loop.run_in_executor(None, warm)
    # The first /review tap would otherwise parse and compile the theme codebook (~225 ms).
    flows_dir = channel.conversations.settings.flows_dir
    app.bot_data[REVIEW_WARMED] = loop.run_in_executor(None, warm_review, flows_dir)
    await channel.publish_commands(app.bot)
    await app.start()
    await channel.broadcaster.start(app)  # carry on with broadcasts a restart cut off
    assert app.updater is not None
    if telegram.mode == "webhook":
        hook = telegram.webhook
        await app.updater.start_webhook(
            listen=hook.listen,
            port=hook.port,
            url_path=hook.path,
            webhook_url=hook.url,
            secret_token=webhook_secret,
        )
    else:
        await app.updater.start_polling()


def collect_less() -> None:
    """Once started: leave start-up's objects out of garbage collection, and collect less often.

    Every update makes hundreds of short-lived PTB objects.  With Python's default
    threshold (700 allocations) the cyclic collector ran so often that raising it
    saved 10-15 % of the bot's CPU per update (docs/benchmarks.md).  Reference
    counting still frees almost everything at once; cycles are still collected,
    only in bigger batches.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)


def run_loop(main: Coroutine[Any, Any, None]) -> None:
    """Run the bot on uvloop, where it is installed (everywhere but Windows).

    The bot is CPU-bound on its event loop: each update is a few Bot API calls
    and a trip to the database thread, and uvloop does the loop's own work
    (sockets, callbacks, waking from the database thread) in C.
    """
    try:
        import uvloop
    except ImportError:
        asyncio.run(main)
        return
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        runner.run(main)


async def stop_bot(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Stop taking updates, finish the ones in hand, and close the connection.

    A report being made is abandoned first (its process ended, staff told it
    failed): PTB's ``stop`` waits for every handler and job in hand, and an
    export of a large week would hold up the shutdown for minutes.
    """
    if app.updater is not None and app.updater.running:
        await app.updater.stop()
    reports: ReportWorker | None = app.bot_data.get(REPORTS)
    if reports is not None:
        await reports.stop()
    if app.running:
        await app.stop()
    await app.shutdown()


async def serve(
    settings: Settings,
    token: str,
    *,
    base_url: str | None = None,
    webhook_secret: str | None = None,
) -> None:
    """Run until SIGINT or SIGTERM."""
    secret = load_secret(settings.database)
    conversations = await open_conversations(settings)
    try:
        channel = TelegramChannel(conversations, secret)
        app = build_application(channel, token, base_url=base_url)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        try:
            await start_bot(app, channel, settings.telegram, webhook_secret)
            collect_less()
            await stop.wait()
        finally:
            await stop_bot(app)
    finally:
        # Always, or aiosqlite's (non-daemon) thread keeps a failed process alive for ever.
        await conversations.store.close()
