"""Keep Telegram payloads out of the logs, even at DEBUG.

At DEBUG, python-telegram-bot logs every Bot API call with its parameters and
result, and every incoming update: user ids, chat ids, names, usernames,
language codes and the text people type.  This filter keeps those records (the
endpoint name is still useful) but withholds the payload, so turning on DEBUG
to chase a fault never writes who anyone is.
"""

from __future__ import annotations

import logging

WITHHELD = "<withheld: may identify a person>"
# Message templates whose arguments carry a payload, and which argument is safe to keep.
_PAYLOAD_TEMPLATES: dict[str, int | None] = {
    "Calling Bot API endpoint `%s` with parameters `%s`": 0,
    "Call to Bot API endpoint `%s` finished with return value `%s`": 0,
    "Processing update %s": None,
    "Dropping pending update: %s": None,
    "Webhook received data: %s": None,
}
LOGGERS = (
    "telegram.Bot",
    "telegram.ext.ExtBot",
    "telegram.ext.Application",
    "telegram.ext.Updater",
)


class PayloadFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not isinstance(record.msg, str) or record.msg not in _PAYLOAD_TEMPLATES:
            return True
        keep = _PAYLOAD_TEMPLATES[record.msg]
        args = record.args if isinstance(record.args, tuple) else ()
        record.args = tuple(arg if i == keep else WITHHELD for i, arg in enumerate(args)) or (
            WITHHELD,
        )
        return True


def withhold_payloads() -> None:
    """Install the filter on PTB's loggers (once; calling again changes nothing)."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, PayloadFilter) for f in logger.filters):
            logger.addFilter(PayloadFilter())
