"""No log record, from any logger at any level, names a person or carries a secret.

Turning on DEBUG to chase a fault must never write who anyone is.  At DEBUG,
aiosqlite logs every statement with its parameters (respondent keys, chat ids,
the text people type), and python-telegram-bot logs every Bot API call and
update with its payload, and the Bot API URL, which contains the token.  At
ERROR it logs a response it cannot parse in full.

``install()`` replaces the logging module's record factory, so every record
made anywhere in the process, by loggers that exist now or later, is cleaned
as it is made, before any handler, filter or formatter sees it:

- records whose template is known to carry a payload keep only their safe
  arguments (``withhold``; bot/telegram/logsafe.py adds PTB's templates);
- other arguments that are payloads (mappings, sequences, Telegram objects)
  are withheld;
- in the message and any traceback, the registered secrets (``protect``: the
  bot token, the hashing secret) and anything shaped like a bot token or a
  respondent key are replaced.

Chat ids and user ids are plain numbers and cannot be recognised in text;
they are kept out by withholding every argument that carries them.
"""

from __future__ import annotations

import logging
import re
import threading
import traceback
from collections.abc import Callable, Mapping
from typing import Any

WITHHELD = "<withheld: may identify a person>"
SECRET = "<withheld: secret>"

_TEMPLATES: dict[str, frozenset[int]] = {
    # aiosqlite: the argument is the call, with the statement's parameters in it.
    "executing %s": frozenset(),
    "operation %s completed": frozenset(),
    "returning exception %s": frozenset(),
}
"""Message template → indexes of the arguments that are safe to keep."""

_SECRETS: set[str] = set()
_lock = threading.Lock()
_installed: list[Callable[..., logging.LogRecord]] = []

_PATTERNS = (
    # A bot token: the bot's id, a colon, 35 characters (also inside a URL).
    (re.compile(r"\d{5,}:[A-Za-z0-9_-]{30,}"), SECRET),
    # A respondent key (``te_`` + HMAC-SHA256) or any bare 256-bit hex digest.
    (re.compile(r"\b(?:[a-z]{2}_)?[0-9a-f]{64}\b"), "<key>"),
    # PTB puts an unparsable response body into the exception message.
    (
        re.compile(r"Parsing the server response .* failed", re.S),
        f"Parsing the server response {WITHHELD} failed",
    ),
)


def withhold(templates: Mapping[str, frozenset[int] | set[int]]) -> None:
    """Register message templates whose arguments carry payloads, with the indexes of
    the arguments that are safe to keep."""
    with _lock:
        _TEMPLATES.update({msg: frozenset(keep) for msg, keep in templates.items()})


def protect(secret: str | bytes) -> None:
    """Never let this value (a token, a key) appear in a log record."""
    text = secret.decode(errors="replace") if isinstance(secret, bytes) else secret
    if len(text) >= 8:
        with _lock:
            _SECRETS.add(text)


def install() -> None:
    """Clean every log record made from now on, in this process (calling again changes
    nothing)."""
    with _lock:
        if _installed:
            return
        previous = logging.getLogRecordFactory()

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            return clean(previous(*args, **kwargs))

        _installed.append(previous)
        logging.setLogRecordFactory(factory)


def clean(record: logging.LogRecord) -> logging.LogRecord:
    """Withhold payload arguments, then scrub the formatted message and traceback."""
    args = record.args
    if isinstance(record.msg, str) and record.msg in _TEMPLATES:
        keep = _TEMPLATES[record.msg]
        values = args if isinstance(args, tuple) else (args,) if args else ()
        record.args = tuple(v if i in keep else WITHHELD for i, v in enumerate(values))
    elif isinstance(args, tuple):
        record.args = tuple(WITHHELD if _is_payload(v) else v for v in args)
    elif isinstance(args, Mapping) and args:
        record.args = {k: WITHHELD if _is_payload(v) else v for k, v in args.items()}
    try:
        message = record.getMessage()
    except Exception:  # a bad format string: keep the template, never the arguments
        message = str(record.msg)
    record.msg, record.args = scrub(message), None
    if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
        record.exc_text = scrub("".join(traceback.format_exception(*record.exc_info)).rstrip())
    if record.stack_info:
        record.stack_info = scrub(record.stack_info)
    return record


def scrub(text: str) -> str:
    for secret in _SECRETS:
        if secret in text:
            text = text.replace(secret, SECRET)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _is_payload(value: object) -> bool:
    if isinstance(value, Mapping | list | tuple | set | bytes | bytearray):
        return True
    module = type(value).__module__
    return module.startswith("telegram") and not isinstance(value, BaseException)
