import asyncio
import sqlite3
from datetime import timedelta

import pytest

from bot.i18n import load_catalogue
from bot.roles import (
    ALPHABET,
    PEER_ROLES,
    STAFF_ROLES,
    JoinResult,
    RevokeError,
    Roles,
    audit,
    audit_log,
    join_reply,
    new_code,
    normalise_code,
)

SECRET = b"test-secret"


@pytest.fixture
def roles(store):
    return Roles(store, SECRET, max_attempts=3, window=timedelta(minutes=30))


def test_codes_are_three_groups_of_four_from_the_unambiguous_alphabet():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        groups = code.split("-")
        assert [len(g) for g in groups] == [4, 4, 4]
        assert set("".join(groups)) <= set(ALPHABET)
    assert not set("01ILO") & set(ALPHABET)


def test_typed_codes_ignore_case_spaces_and_dashes():
    assert normalise_code(" abcd efgh-jkmn ") == "ABCDEFGHJKMN"
    assert normalise_code("ABCD-EFGH") is None
    assert normalise_code("ABCD-EFGH-JKM0") is None
    assert normalise_code("ABCD-EFGH-JKMN" + " " * 10_000) is None


async def test_invite_then_join_gives_the_role_for_the_site(roles, store):
    invite = await roles.create_invite("staff", "cambridge_hub")
    result = await roles.join("te_person1", invite.code.lower().replace("-", " "))
    assert (result.status, result.role, result.site) == ("joined", "staff", "cambridge_hub")
    grant = await roles.check("te_person1", STAFF_ROLES)
    assert grant is not None and grant.site == "cambridge_hub"


async def test_the_code_itself_is_never_stored(roles, store, dump_tables):
    invite = await roles.create_invite("peer", "wisbech_hub")
    dump = await dump_tables(store)
    assert invite.code not in dump
    assert invite.code.replace("-", "") not in dump


async def test_a_code_works_once(roles):
    invite = await roles.create_invite("peer", "wisbech_hub")
    assert (await roles.join("te_a", invite.code)).status == "joined"
    assert (await roles.join("te_b", invite.code)).status == "used"
    assert await roles.role_of("te_b") is None


async def test_an_expired_code_is_refused(roles, clock):
    invite = await roles.create_invite("staff", "cambridge_hub", days=7)
    clock.now += timedelta(days=7, seconds=1)
    assert (await roles.join("te_a", invite.code)).status == "expired"
    assert await roles.role_of("te_a") is None


async def test_a_code_made_with_another_secret_is_forged(roles, store):
    other = Roles(store, b"another-secret")
    invite = await other.create_invite("admin", None)
    assert (await roles.join("te_a", invite.code)).status == "invalid"
    assert (await roles.join("te_a", "not a code")).status == "invalid"


async def test_lockout_after_n_failures_even_for_a_good_code_then_it_lifts(roles, clock):
    invite = await roles.create_invite("staff", "cambridge_hub")
    for _ in range(3):
        assert (await roles.join("te_guesser", new_code())).status == "invalid"
    locked = await roles.join("te_guesser", invite.code)
    assert locked.status == "locked"
    assert locked.retry_minutes == 30
    clock.now += timedelta(minutes=10)
    assert (await roles.join("te_guesser", invite.code)).retry_minutes == 20
    clock.now += timedelta(minutes=20, seconds=1)
    assert (await roles.join("te_guesser", invite.code)).status == "joined"


async def test_lockout_is_per_person(roles):
    invite = await roles.create_invite("staff", "cambridge_hub")
    for _ in range(3):
        await roles.join("te_guesser", new_code())
    assert (await roles.join("te_other", invite.code)).status == "joined"


async def test_role_checks(roles):
    peer = await roles.create_invite("peer", "wisbech_hub")
    await roles.join("te_peer", peer.code)
    assert await roles.check("te_peer", PEER_ROLES) is not None
    assert await roles.check("te_peer", STAFF_ROLES) is None
    assert await roles.check("te_nobody", PEER_ROLES) is None


async def test_joining_again_replaces_the_old_role(roles):
    for role, site in (("peer", "wisbech_hub"), ("staff", "cambridge_hub")):
        invite = await roles.create_invite(role, site)
        await roles.join("te_a", invite.code)
    assert (await roles.role_of("te_a")).role == "staff"
    everything = await roles.list(include_revoked=True)
    assert [(g.role, g.revoked_at is None) for g in everything] == [
        ("peer", False),
        ("staff", True),
    ]


async def test_revoke_by_key_prefix(roles):
    for key in ("te_aaaa1111", "te_aaaa2222"):
        await roles.join(key, (await roles.create_invite("staff", "cambridge_hub")).code)
    with pytest.raises(RevokeError, match="at least"):
        await roles.revoke("te_a")
    with pytest.raises(RevokeError, match="2 roles"):
        await roles.revoke("te_aaaa")
    with pytest.raises(RevokeError, match="no live role"):
        await roles.revoke("te_zzzzzz")
    grant = await roles.revoke("te_aaaa2")
    assert grant.respondent_key == "te_aaaa2222"
    assert await roles.check("te_aaaa2222", STAFF_ROLES) is None
    assert [g.respondent_key for g in await roles.list()] == ["te_aaaa1111"]


async def test_audit_records_who_did_what_and_when(roles, store, clock):
    invite = await roles.create_invite("staff", "cambridge_hub")
    await roles.join("te_staff", invite.code)
    clock.now += timedelta(days=1)
    await audit(store, "te_staff", "export", {"from": "2026-01-01", "to": "2026-01-07"})
    entries = await audit_log(store)
    assert [(e.actor_key, e.action) for e in entries] == [
        ("cli", "invite"),
        ("te_staff", "join"),
        ("te_staff", "export"),
    ]
    assert entries[-1].params == {"from": "2026-01-01", "to": "2026-01-07"}
    assert entries[-1].at == "2026-01-02T12:00:00+00:00"
    assert [e.action for e in await audit_log(store, "2026-01-02")] == ["export"]
    assert invite.code not in repr(entries)


@pytest.mark.parametrize(
    ("result", "text"),
    [
        (JoinResult("joined", "peer", "wisbech_hub"), "joined as peer worker for wisbech_hub"),
        (JoinResult("joined", "admin", None), "joined as admin for all sites"),
        (JoinResult("invalid"), "did not work"),
        (JoinResult("expired"), "expired"),
        (JoinResult("used"), "already been used"),
        (JoinResult("locked", retry_minutes=12), "wait 12 minutes"),
    ],
)
def test_every_join_result_has_a_clear_reply(result, text):
    assert text in join_reply(load_catalogue(), result, "en")


def test_a_joined_site_is_named_as_people_know_it_in_their_language(settings):
    joined = JoinResult("joined", "staff", "cambridge_hub")
    assert "for Cambridge hub" in join_reply(load_catalogue(), joined, "en", settings)
    assert "Punkt Cambridge" in join_reply(load_catalogue(), joined, "pl", settings)


async def test_a_join_is_all_or_nothing_while_other_peoples_writes_fail(roles, store):
    """People are served concurrently on one connection: someone else's failed write
    (rolled back) must not undo half a /join, leaving a role granted by a code that
    still works.  Each try of a code below either grants a role and uses the code up,
    or does neither."""

    async def failing_writes() -> None:
        for _ in range(10):  # one after another, so they land between the join's steps
            with pytest.raises(sqlite3.IntegrityError):
                await store.transaction([("INSERT INTO roles (id) VALUES (NULL)", ())])

    codes = [(await roles.create_invite("peer", "wisbech_hub")).code for _ in range(10)]
    for i, code in enumerate(codes):
        results = await asyncio.gather(roles.join(f"person_{i}", code), failing_writes())
        assert results[0].status == "joined"
    async with store.db.execute(
        "SELECT count(*) FROM roles r JOIN invites i ON i.id = r.invite_id"
        " WHERE i.used_at IS NOT NULL"
    ) as cur:
        assert (await cur.fetchone())[0] == 10
    for i, code in enumerate(codes):
        assert (await roles.join(f"someone_else_{i}", code)).status == "used"
