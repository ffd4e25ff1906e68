"""PTB's DEBUG records keep the endpoint but not the payload."""

import logging

from bot.telegram.logsafe import WITHHELD, PayloadFilter, withhold_payloads


def record(msg: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord("telegram.ext.ExtBot", logging.DEBUG, "x", 1, msg, args, None)


def test_payloads_are_withheld_and_endpoint_kept() -> None:
    rec = record(
        "Calling Bot API endpoint `%s` with parameters `%s`",
        "sendMessage",
        {"chat_id": 7604318229517},
    )
    assert PayloadFilter().filter(rec)
    assert (
        rec.getMessage() == f"Calling Bot API endpoint `sendMessage` with parameters `{WITHHELD}`"
    )
    rec = record("Processing update %s", {"from": {"username": "someone"}})
    PayloadFilter().filter(rec)
    assert "someone" not in rec.getMessage()


def test_other_records_pass_unchanged() -> None:
    rec = record("Getting updates: %s", [1, 2])
    assert PayloadFilter().filter(rec) and rec.getMessage() == "Getting updates: [1, 2]"


def test_installing_twice_adds_one_filter() -> None:
    withhold_payloads()
    withhold_payloads()
    filters = logging.getLogger("telegram.ext.ExtBot").filters
    assert sum(isinstance(f, PayloadFilter) for f in filters) == 1
