"""Sending one message that must arrive once: a broadcast's or a reminder's.

``deliver`` keeps trying through what passes (Telegram busy, a 502, a connection
that could not be made), with back-off, and says how it ended.  It never sends
again what may already have arrived: when the call reached Telegram and the answer
was lost (a read time-out, a dropped connection), the outcome is ``UNKNOWN`` and
the caller treats it as sent.  Telegram has no way to ask "did that arrive?" and
no idempotency key, so we choose at most once: a missed news item is a smaller
harm than a duplicate, and a second "this is the only reminder" breaks a promise.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from enum import Enum
from typing import Any

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

ATTEMPTS = 5
BACKOFF = 1.0
"""Seconds before the first retry; doubled for each one after (1, 2, 4, 8)."""

log = logging.getLogger(__name__)
Send = Callable[[int, str], Awaitable[Any]]


class MaybeDone:
    """Marks an error after the call reached the Bot API: it may have been carried out.

    A message whose answer was lost may have been delivered, so whoever sends
    things that must not arrive twice (broadcasts, reminders) does not send it
    again.  Every other network error means the call was not carried out.
    """


class Outcome(Enum):
    SENT = "sent"
    GONE = "gone"
    """The person blocked the bot or left Telegram: their opt-in should go."""
    REFUSED = "refused"
    """Telegram refused this message (a 400): sending it again would not help."""
    NOT_SENT = "not_sent"
    """Transient failures to the last attempt: certainly not delivered."""
    UNKNOWN = "unknown"
    """The call reached Telegram but the answer was lost: perhaps delivered."""


_GONE_REASONS = ("chat not found", "user is deactivated", "bot was blocked", "peer_id_invalid")


async def deliver(
    send: Send,
    chat_id: int,
    text: str,
    *,
    attempts: int = ATTEMPTS,
    backoff: float = BACKOFF,
    going: Callable[[], bool] = lambda: True,
) -> Outcome:
    """Send ``text``; retry what is safe to retry; say how it ended.

    ``going``: checked before each retry; when it turns False (the bot is
    stopping), give up at once with ``NOT_SENT`` so the message can be sent after
    the restart.
    """
    for attempt in range(attempts):
        try:
            await send(chat_id, text)
            return Outcome.SENT
        except Forbidden:
            return Outcome.GONE
        except BadRequest as exc:
            if any(reason in exc.message.lower() for reason in _GONE_REASONS):
                return Outcome.GONE
            log.warning("a message was refused: %s", exc.message)
            return Outcome.REFUSED
        except RetryAfter as exc:
            wait = _seconds(exc.retry_after)
        except NetworkError as exc:
            if isinstance(exc, MaybeDone):
                log.warning("a message may or may not have arrived: %s", exc.message)
                return Outcome.UNKNOWN
            wait = backoff * 2**attempt
            log.info("sending failed (%s); attempt %d of %d", exc.message, attempt + 1, attempts)
        except TelegramError as exc:
            log.warning("a message was refused: %s", exc.message)
            return Outcome.REFUSED
        if attempt == attempts - 1 or not going():
            break
        await asyncio.sleep(wait)
        if not going():
            break
    return Outcome.NOT_SENT


def _seconds(wait: float | timedelta) -> float:
    """RetryAfter's wait: seconds, or a timedelta once PTB_TIMEDELTA is on."""
    return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
