"""The SQLite store: migrations, one row per answer, snapshots of flow versions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.config import Settings
from bot.conversation import Back, Choose, Reply, Skip, Stop
from bot.service import CONSENT_AGREE, Conversations, open_conversations
from bot.store import FlowChanged, Store, migrations

KEY = "te_test_person"


def rows(db: Path, sql: str, *args: object) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


async def test_migrations_on_empty_then_existing_db(tmp_path: Path) -> None:
    db = tmp_path / "new" / "f.db"
    store = await Store.open(db)
    numbers = [n for n, _, _ in migrations()]
    assert await store.schema_version() == numbers[-1]
    await store.db.execute("INSERT INTO flow_versions VALUES ('f', 1, 'x', '{}', '2026-01-01')")
    await store.db.commit()
    await store.close()
    assert rows(db, "PRAGMA journal_mode") == [("wal",)]
    assert db.stat().st_mode & 0o777 == 0o600  # answers are readable by the owner only

    store = await Store.open(db)
    assert await store.migrate() == []
    assert await store.schema_version() == numbers[-1]
    await store.close()
    assert rows(db, "SELECT flow_id FROM flow_versions") == [("f",)]
    assert [r[0] for r in rows(db, "SELECT version FROM schema_migrations")] == numbers


async def test_db_from_an_older_release_gets_the_later_migrations(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    first_number, first_name, first_sql = migrations()[0]
    with sqlite3.connect(db) as conn:
        conn.executescript(first_sql)
        conn.execute(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL)"
        )
        conn.execute(
            "INSERT INTO schema_migrations VALUES (?, ?, 'then')", (first_number, first_name)
        )
        conn.execute("INSERT INTO flow_versions VALUES ('f', 1, 'x', '{}', 'then')")
    store = await Store.open(db)
    await store.close()
    assert rows(db, "SELECT count(*) FROM schema_migrations")[0][0] == len(migrations())
    assert rows(db, "SELECT flow_id FROM flow_versions") == [("f",)]


async def begin(conversations: Conversations, **kwargs: object) -> None:
    turn = await conversations.start(KEY, "terminal", lang="en", **kwargs)  # type: ignore[arg-type]
    assert turn.prompt and turn.prompt.step_id == "_consent"
    turn = await conversations.handle(KEY, "terminal", Choose(CONSENT_AGREE))
    while turn.prompt and turn.prompt.step_id in ("fft", "fft_why"):
        turn = await conversations.handle(KEY, "terminal", Skip())  # not what these tests test
    assert turn.prompt and turn.prompt.step_id == "respondent_group"


async def test_changed_answer_updates_never_duplicates(
    conversations: Conversations, settings: Settings
) -> None:
    await begin(conversations)
    await conversations.handle(KEY, "terminal", Choose("service_user"))
    await conversations.handle(KEY, "terminal", Back())
    await conversations.handle(KEY, "terminal", Choose("family_carer"))
    found = rows(settings.database, "SELECT step_id, value FROM answers")
    assert found == [("respondent_group", "family_carer")]
    assert rows(settings.database, "SELECT respondent_group FROM sessions") == [("family_carer",)]


async def test_nothing_is_stored_before_consent(
    conversations: Conversations, settings: Settings
) -> None:
    turn = await conversations.start(KEY, "terminal", lang="en")
    assert "anonymous" in turn.messages[0].lower()
    assert (await conversations.handle(KEY, "terminal", Choose("service_user"))).prompt
    assert rows(settings.database, "SELECT count(*) FROM answers") == [(0,)]
    turn = await conversations.handle(KEY, "terminal", Choose("consent:decline"))
    assert turn.finished and "Nothing has been saved" in turn.messages[0]
    assert rows(settings.database, "SELECT count(*) FROM sessions") == [(0,)]


async def test_anything_but_agree_or_decline_at_the_notice_is_asked_again_kindly(
    conversations: Conversations, settings: Settings
) -> None:
    await conversations.start(KEY, "terminal", lang="en")
    turn = await conversations.handle(KEY, "terminal", Reply("what is this?"))
    assert turn.error and turn.messages == ["Please choose one of the options."]
    assert turn.prompt and turn.prompt.step_id == "_consent"
    assert rows(settings.database, "SELECT count(*) FROM answers") == [(0,)]
    turn = await conversations.handle(KEY, "terminal", Choose(CONSENT_AGREE))
    assert turn.prompt and turn.prompt.step_id == "fft"  # the FFT comes right after consent


async def test_restart_resumes_where_the_person_left_off(settings: Settings) -> None:
    first = await open_conversations(settings)
    await begin(first, site="wisbech_hub")
    await first.handle(KEY, "terminal", Choose("service_user"))
    await first.store.close()

    second = await open_conversations(settings)
    try:
        turn = await second.start(KEY, "terminal")
        assert turn.messages == ["Welcome back. Here is where you left off."]
        # site came from the deep link, so the next question is the journey
        assert turn.prompt and turn.prompt.step_id == "stages_used"
    finally:
        await second.store.close()
    found = rows(settings.database, "SELECT site, area, respondent_group, status FROM sessions")
    assert found == [("wisbech_hub", "cambridgeshire", "service_user", "active")]


async def test_stop_keeps_partial_answers_marked_incomplete(
    conversations: Conversations, settings: Settings
) -> None:
    await begin(conversations)
    await conversations.handle(KEY, "terminal", Choose("other"))
    turn = await conversations.handle(KEY, "terminal", Stop())
    assert turn.finished
    ((status, finished_at),) = rows(settings.database, "SELECT status, finished_at FROM sessions")
    assert status == "stopped" and finished_at
    assert rows(settings.database, "SELECT value FROM answers") == [("other",)]


async def test_over_long_text_is_refused_and_not_stored(
    conversations: Conversations, settings: Settings
) -> None:
    await begin(conversations, flow_id="consultation")
    for value in ("service_user", "peterborough", "agree"):
        await conversations.handle(KEY, "terminal", Choose(value))

    turn = await conversations.handle(KEY, "terminal", Reply("x" * 2001))
    assert turn.error and "shorter" in turn.messages[0]
    assert turn.prompt and turn.prompt.step_id == "one_service_why"
    assert rows(settings.database, "SELECT count(*) FROM answers WHERE kind='text'") == [(0,)]


async def test_flow_edited_without_version_bump_is_refused(
    conversations: Conversations,
) -> None:
    flow = conversations.flows["consultation"]
    edited = flow.model_copy(update={"title": {"en": "A new title"}})
    with pytest.raises(FlowChanged, match="raise 'version'"):
        await conversations.store.register_flow(edited)
    bumped = edited.model_copy(update={"version": flow.version + 1})
    await conversations.store.register_flow(bumped)
    assert await conversations.store.flow_snapshot("consultation", flow.version) == flow


async def test_each_answer_is_read_back_on_the_next_update_while_reports_read(
    conversations: Conversations, settings: Settings
) -> None:
    """The hot-path read sees every commit, and another reader mid-read blocks nothing."""
    await begin(conversations)
    with sqlite3.connect(settings.database) as report:
        report.execute("BEGIN")
        assert report.execute("SELECT count(*) FROM answers").fetchone() == (0,)
        await conversations.handle(KEY, "terminal", Choose("service_user"))
        turn = await conversations.handle(KEY, "terminal", Back())
        assert turn.prompt and turn.prompt.step_id == "respondent_group"
        assert [c.selected for c in turn.prompt.choices][:1] == [True]
        report.execute("COMMIT")
    assert rows(settings.database, "SELECT value FROM answers") == [("service_user",)]
