"""Nothing that identifies a person reaches the database or the logs.

A person known to the channel by a raw user id, with a username and a real-looking
name, goes through a whole flow typing their phone, email, NHS number, postcode
and name into free-text answers (and one risk phrase).  Names are typed the way
redaction can find them (after "my name is", "I'm called", "call me"): a bare
name is a documented limit of ``bot.redact``.  Then every table, the
database file itself and every log record (at DEBUG, where aiosqlite logs each
statement with its parameters) are searched for those values.
"""

import json
import logging

from bot.console import chat
from bot.conversation import Choose, Reply
from bot.privacy import load_secret, respondent_key
from bot.service import CONSENT_AGREE, open_conversations

RAW_USER_ID = 918273645501
CHAT_ID = -100918273645
USERNAME = "zbigniew_fake_user"
FIRST, LAST = "Zbigniewka", "Quarterfield"
PHONE, PHONE_DIGITS = "07700 900461", "07700900461"
EMAIL = "zq.fake@example.com"
NHS, NHS_DIGITS = "943 476 5919", "9434765919"
POSTCODE = "CB2 1TN"

STORY = (
    f"My name is {FIRST} {LAST}, ring {PHONE} or email {EMAIL}. NHS {NHS}, I live at "
    f"{POSTCODE}, I'm @{USERNAME} on here. Some nights I want to die."
)
SECRETS = [
    str(RAW_USER_ID),
    str(CHAT_ID),
    USERNAME,
    FIRST,
    LAST,
    PHONE,
    PHONE_DIGITS,
    EMAIL,
    NHS,
    NHS_DIGITS,
    POSTCODE,
]


def _found(haystack: str) -> list[str]:
    """Secrets present as typed or as JSON escapes them."""
    return [s for s in SECRETS if s in haystack or json.dumps(s)[1:-1] in haystack]


async def test_full_flow_leaves_no_identifier_in_tables_file_or_logs(
    tiny, store, settings, dump_tables, caplog
):
    caplog.set_level(logging.DEBUG)
    key = respondent_key(load_secret(settings.database), "telegram", RAW_USER_ID)

    # Through the service, as the Telegram adapter will call it.
    await tiny.start(key, "telegram")
    await tiny.handle(key, "telegram", Choose(CONSENT_AGREE))
    await tiny.handle(key, "telegram", Choose("service_user"))
    turn = await tiny.handle(key, "telegram", Reply(STORY))
    assert turn.alert and "116 123" in turn.alert
    await tiny.handle(key, "telegram", Choose("satisfied"))
    turn = await tiny.handle(key, "telegram", Reply(f"I'm called {FIRST} {LAST}, {PHONE_DIGITS}"))
    assert turn.finished

    # Through the terminal adapter, on the product's own flow.
    conversations = await open_conversations(settings, store)
    lines = iter(["1", "1", "1", "1", "d", "2", f"call me {FIRST}, {EMAIL}, {PHONE}"])

    async def read(_prompt):
        return next(lines, None)

    shown: list[str] = []
    await chat(conversations, lang="en", read=read, write=shown.append)

    async with store.db.execute("SELECT value, risk_flag FROM answers WHERE kind = 'text'") as cur:
        texts = [tuple(r) for r in await cur.fetchall()]
    assert (
        "My name is [name], ring [phone] or email [email]. NHS [nhs_number], I live at "
        "[postcode], I'm [handle] on here. Some nights I want to die.",
        1,
    ) in texts
    assert len(texts) == 3, texts

    assert _found(await dump_tables(store)) == []
    # The hot path reads sessions on its own connection; this read goes through
    # aiosqlite, whose DEBUG record would carry the statement with its values.
    async with store.db.execute("SELECT 1 FROM sessions WHERE respondent_key = ?", (key,)):
        pass
    await store.close()
    raw = b"".join(
        p.read_bytes() for p in settings.database.parent.glob(settings.database.name + "*")
    )
    assert _found(raw.decode("utf-8", errors="replace")) == []
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "executing" in logged, "the log scan must see aiosqlite's statement records"
    assert _found(logged) == [] and key not in logged and key[3:] not in logged
