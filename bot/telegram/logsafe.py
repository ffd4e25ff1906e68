"""python-telegram-bot's log records that carry payloads or the token (see bot/logsafe.py).

At DEBUG, PTB logs every Bot API call with its parameters and result, every
incoming update (user ids, chat ids, names, usernames, language codes and the
text people type), and the Bot API URL, which contains the token.  At ERROR it
logs a response it cannot parse as JSON in full (a proxy's error page may echo
the request).  These records keep what helps to chase a fault (the endpoint
name) and withhold the rest; ``bot.logsafe`` cleans every record of every
logger, so a record PTB adds later is still scrubbed of the token and of keys.
"""

from __future__ import annotations

from bot import logsafe
from bot.logsafe import WITHHELD

__all__ = ["TEMPLATES", "WITHHELD", "protect_token", "withhold_payloads"]

TEMPLATES: dict[str, set[int]] = {
    "Calling Bot API endpoint `%s` with parameters `%s`": {0},
    "Call to Bot API endpoint `%s` finished with return value `%s`": {0},
    "Processing update %s": set(),
    "Dropping pending update: %s": set(),
    "Webhook received data: %s": set(),
    "Received data was *not* processed! Received data was: %r": set(),
    "Request had the wrong secret token: %s": set(),
    "Set Bot API URL: %s": set(),
    "Set Bot API File URL: %s": set(),
    'Can not load invalid JSON data: "%s"': set(),
    "Error while parsing updates! Received data was %r": set(),
    "Selecting conversation %s with state %s": set(),
    "Conversation timeout was triggered for conversation %s!": set(),
}
"""PTB's message templates (telegram 22) → the arguments safe to keep."""

logsafe.withhold(TEMPLATES)


def withhold_payloads() -> None:
    """Clean every log record from now on (calling again changes nothing)."""
    logsafe.install()


def protect_token(token: str) -> None:
    """The bot token is never written to a log, whole or inside a URL."""
    logsafe.protect(token)
