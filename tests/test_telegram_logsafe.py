"""Every log record is cleaned as it is made: payloads withheld, secrets and keys scrubbed."""

import logging

import pytest

from bot import logsafe
from bot.logsafe import SECRET, WITHHELD
from bot.telegram.logsafe import withhold_payloads

KEY = "te_" + "ab12" * 16
TOKEN = "7604318229:AAHk3xYzq-examplePart_of_a_real_tokenZ"


@pytest.fixture(autouse=True)
def installed() -> None:
    withhold_payloads()


def record(msg: str, *args: object, name: str = "telegram.ext.ExtBot") -> logging.LogRecord:
    return logging.getLogger(name).makeRecord(name, logging.DEBUG, "x", 1, msg, args, None)


def test_payloads_are_withheld_and_endpoint_kept() -> None:
    rec = record(
        "Calling Bot API endpoint `%s` with parameters `%s`",
        "sendMessage",
        {"chat_id": 7604318229517},
    )
    assert (
        rec.getMessage() == f"Calling Bot API endpoint `sendMessage` with parameters `{WITHHELD}`"
    )
    rec = record("Processing update %s", {"from": {"username": "someone"}})
    assert "someone" not in rec.getMessage()


def test_aiosqlite_statements_lose_their_parameters() -> None:
    call = ("SELECT * FROM sessions WHERE respondent_key = ?", (KEY, 918273645))
    rec = record("executing %s", call, name="aiosqlite")
    assert rec.getMessage() == f"executing {WITHHELD}"


def test_the_token_and_keys_are_scrubbed_from_any_record_and_traceback() -> None:
    rec = record("Set Bot API URL: %s", f"https://api.telegram.org/bot{TOKEN}")
    assert TOKEN not in rec.getMessage()
    rec = record("something about %s and %s", KEY, f"https://x/bot{TOKEN}/getMe", name="any")
    assert rec.getMessage() == f"something about <key> and https://x/bot{SECRET}/getMe"
    try:
        raise RuntimeError(f"failed for {KEY}")
    except RuntimeError:
        import sys

        logger = logging.getLogger("any")
        rec = logger.makeRecord("any", logging.ERROR, "x", 1, "oops", (), sys.exc_info())
    assert KEY not in rec.exc_text and "<key>" in rec.exc_text


def test_a_protected_secret_is_scrubbed_even_when_it_has_no_known_shape() -> None:
    logsafe.protect("123456:TEST-token")
    rec = record("url %s", "http://127.0.0.1:8081/bot123456:TEST-token/getMe", name="any")
    assert "TEST-token" not in rec.getMessage()


def test_ordinary_records_pass_unchanged() -> None:
    rec = record("reminders sent: %d", 3, name="bot.telegram.jobs")
    assert rec.getMessage() == "reminders sent: 3"


def test_installing_twice_installs_once() -> None:
    withhold_payloads()
    factory = logging.getLogRecordFactory()
    withhold_payloads()
    assert logging.getLogRecordFactory() is factory
