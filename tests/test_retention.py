from datetime import timedelta

from bot.conversation import Choose, Reply
from bot.retention import purge_expired
from bot.roles import Roles, audit, audit_log, new_code
from bot.service import CONSENT_AGREE


async def _answered(conversations, key):
    """A session with two stored answers."""
    await conversations.start(key, "telegram")
    await conversations.handle(key, "telegram", Choose(CONSENT_AGREE))
    await conversations.handle(key, "telegram", Choose("service_user"))
    await conversations.handle(key, "telegram", Reply("It was fine"))


async def _count(store, table):
    async with store.db.execute(f"SELECT count(*) FROM {table}") as cur:
        return (await cur.fetchone())[0]


async def test_purge_deletes_only_sessions_started_before_the_retention_period(
    tiny, store, clock, settings
):
    await _answered(tiny, "te_old")
    clock.now += timedelta(days=settings.retention_days - 1)
    await _answered(tiny, "te_recent")
    clock.now += timedelta(days=1, seconds=1)  # te_old is now just past retention

    dry = await purge_expired(store, settings, dry_run=True)
    assert (dry.sessions, dry.answers) == (1, 2)
    assert await _count(store, "sessions") == 2, "a dry run deletes nothing"

    done = await purge_expired(store, settings)
    assert (done.sessions, done.answers) == (1, 2)
    assert await store.current_session("te_old", "telegram") is None
    assert await store.current_session("te_recent", "telegram") is not None
    assert await _count(store, "answers") == 2
    assert [e.params for e in await audit_log(store) if e.action == "purge"] == [
        {"cutoff": done.cutoff, "sessions": 1, "answers": 2}
    ]


async def test_purge_with_nothing_old_deletes_nothing(tiny, store, settings):
    await _answered(tiny, "te_new")
    done = await purge_expired(store, settings)
    assert (done.sessions, done.answers) == (0, 0)
    assert await _count(store, "answers") == 2


async def test_purge_drops_join_attempts_older_than_the_lockout_window(store, clock, settings):
    roles = Roles.for_settings(store, settings)
    await roles.join("te_guess", new_code())
    clock.now += timedelta(minutes=settings.join_window_minutes, seconds=1)
    await roles.join("te_guess", new_code())
    await purge_expired(store, settings)
    assert await _count(store, "join_attempts") == 1


async def test_store_purge_uses_the_store_clock(tiny, store, clock):
    await _answered(tiny, "te_a")
    assert (await store.purge(timedelta(hours=1))).sessions == 0
    clock.now += timedelta(hours=1, seconds=1)
    assert (await store.purge(timedelta(hours=1))).sessions == 1


async def test_purge_drops_audit_entries_older_than_the_audit_retention(store, clock, settings):
    await audit(store, "te_staff", "export", {"week": "2026-W01"})
    clock.now += timedelta(days=settings.audit_retention_days, seconds=1)
    await audit(store, "te_staff", "export", {"week": "2028-W01"})
    await purge_expired(store, settings)
    kept = [(e.action, e.params) for e in await audit_log(store)]
    assert kept == [("export", {"week": "2028-W01"}), ("purge", kept[-1][1])]


async def test_purge_drops_update_drafts_left_unsaved(store, clock, settings):
    """An /update started and never saved (its text, its writer's key) goes with the daily
    purge once its day is over, even if no one starts another /update; a newer one stays."""
    from bot.updates import DRAFT_HOURS, Drafts

    drafts = Drafts(store)
    old = await drafts.start("te_staff_a", "We now open at 8", "en", ["waiting_times"])
    clock.now += timedelta(hours=DRAFT_HOURS - 1)
    new = await drafts.start("te_staff_b", "New leaflets", "en", ["housing"])
    clock.now += timedelta(hours=1, seconds=1)  # the first is a day old, the second an hour
    await purge_expired(store, settings, dry_run=True)
    assert await _count(store, "update_drafts") == 2, "a dry run deletes nothing"
    await purge_expired(store, settings)
    assert await _count(store, "update_drafts") == 1
    assert await drafts.get(new.token) is not None
    assert await drafts.get(old.token) is None


async def test_a_draft_past_its_day_cannot_be_saved_before_the_purge_runs(store, clock):
    """Between purges a Save on a draft left for days must not save it: it is closed."""
    from datetime import date

    from bot.updates import DRAFT_HOURS, Drafts

    drafts = Drafts(store)
    draft = await drafts.start("te_staff_a", "We now open at 8", "en", ["waiting_times"])
    clock.now += timedelta(hours=DRAFT_HOURS, seconds=1)
    assert await drafts.change(draft, themes=["waiting_times"], status="done") is None
    assert await drafts.save(draft.token, "te_staff_a", date(2026, 1, 2)) is None
    assert await drafts.take(draft.token, "te_staff_a") is None
    assert await _count(store, "updates") == 0
