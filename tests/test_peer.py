"""Peer desks: assisted sessions and paper forms, on a real SQLite file."""

from __future__ import annotations

from bot.conversation import Choose, Reply
from bot.peer import PeerDesks
from bot.service import CONSENT_AGREE, Conversations
from bot.store import Store

PEER = "te_peer_worker_key"
CHANNEL = "telegram"


async def sessions(store: Store) -> list[dict]:
    async with store.db.execute(
        "SELECT id, respondent_key, mode, site, status FROM sessions ORDER BY rowid"
    ) as cur:
        return [dict(r) for r in await cur.fetchall()]


async def fill_tiny(desks: PeerDesks, story: str) -> None:
    await desks.handle(PEER, Choose("service_user"))
    await desks.handle(PEER, Reply(story))
    await desks.handle(PEER, Choose("satisfied"))


async def test_assisted_form_is_anonymous_tagged_and_next_person_is_separate(
    tiny: Conversations, store: Store, dump_tables
) -> None:
    desks = PeerDesks(tiny, CHANNEL)
    turn = await desks.open(PEER, "peer_assisted", "wisbech_hub", "en")
    # The person beside the peer reads the privacy notice and agrees themselves.
    assert turn.prompt is not None and turn.prompt.step_id == "_consent"
    await desks.handle(PEER, Choose(CONSENT_AGREE))
    await fill_tiny(desks, "The staff were kind.")
    turn = await desks.handle(PEER, Reply("Nothing else."))
    assert turn is not None and turn.finished
    # The form's key is forgotten once it ends: taps now go nowhere.
    assert await desks.form_key(PEER) is None
    assert await desks.handle(PEER, Reply("more")) is None

    await desks.next_form(PEER)
    await desks.handle(PEER, Choose(CONSENT_AGREE))
    await desks.handle(PEER, Choose("family_carer"))

    rows = await sessions(store)
    assert [(r["mode"], r["site"], r["status"]) for r in rows] == [
        ("peer_assisted", "wisbech_hub", "completed"),
        ("peer_assisted", "wisbech_hub", "active"),
    ]
    first, second = (r["respondent_key"] for r in rows)
    assert len({first, second, PEER}) == 3
    assert (await store.answers(rows[0]["id"]))["story"] == "The staff were kind."
    # Nothing stored links a finished form to the peer worker.
    assert PEER not in (await dump_tables(store)).replace(f"peer_desks: ('{PEER}'", "peer_desks: (")
    desk = await desks.desk(PEER)
    assert desk is not None and desk.current_key == second and desk.last_session is None


async def test_the_peers_own_answers_and_data_are_untouched(
    tiny: Conversations, store: Store
) -> None:
    desks = PeerDesks(tiny, CHANNEL)
    await desks.open(PEER, "peer_assisted", None, "en")
    await desks.handle(PEER, Choose(CONSENT_AGREE))
    await desks.handle(PEER, Choose("service_user"))
    assert await store.current_session(PEER, CHANNEL) is None
    assert await tiny.forget(PEER) == 0  # the peer's /delete cannot remove someone else's form
    assert len(await sessions(store)) == 1


async def test_paper_form_skips_notice_reads_back_and_undo_deletes_it(
    tiny: Conversations, store: Store
) -> None:
    desks = PeerDesks(tiny, CHANNEL)
    turn = await desks.open(PEER, "paper", "cambridge_hub", "en")
    assert turn.prompt is not None and turn.prompt.step_id == "group"
    await fill_tiny(desks, "Call me on 07700 900123 please")
    await desks.handle(PEER, Reply("No."))

    # Every answer was stored as it was typed; the read-back shows what is stored.
    rows = await sessions(store)
    assert [(r["mode"], r["status"]) for r in rows] == [("paper", "completed")]
    back = await desks.read_back(PEER, "en")
    assert back == [
        ("Which of these best describes you?", "I use drug or alcohol services"),
        ("Tell us about your experience.", "Call me on [phone] please"),
        ("How satisfied are you overall?", "Satisfied"),
        ("Anything else?", "No."),
    ]

    assert await desks.undo(PEER) is True
    assert await sessions(store) == []
    assert await desks.undo(PEER) is False  # only the last form, and only once


async def test_a_desk_left_open_for_a_shift_is_closed_with_its_form_kept(
    tiny: Conversations, store: Store, clock
) -> None:
    from datetime import timedelta

    desks = PeerDesks(tiny, CHANNEL)
    await desks.open(PEER, "paper", None, "en")
    await desks.handle(PEER, Choose("other"))
    clock.now += timedelta(hours=11)
    assert await desks.close_stale() == 0
    clock.now += timedelta(hours=2)
    assert await desks.close_stale() == 1
    assert await desks.desk(PEER) is None
    assert [(r["mode"], r["status"]) for r in await sessions(store)] == [("paper", "stopped")]


async def test_undo_during_the_next_form_removes_the_previous_one_only(
    tiny: Conversations, store: Store
) -> None:
    desks = PeerDesks(tiny, CHANNEL)
    await desks.open(PEER, "paper", None, "en")
    await fill_tiny(desks, "Good")
    await desks.handle(PEER, Reply("No."))
    await desks.next_form(PEER)
    await desks.handle(PEER, Choose("other"))
    assert await desks.undo(PEER) is True
    # The form in hand carries on; closing the desk stops it with its answers kept.
    await desks.handle(PEER, Reply("Typed from the second form"))
    await desks.close(PEER)
    rows = await sessions(store)
    assert [(r["mode"], r["status"]) for r in rows] == [("paper", "stopped")]
    assert (await store.answers(rows[0]["id"]))["story"] == "Typed from the second form"
    assert await desks.desk(PEER) is None
