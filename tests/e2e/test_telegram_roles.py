"""Roles over Telegram: /join codes, lockout, and the gate on every privileged command."""

from __future__ import annotations

import logging

import pytest

from bot.privacy import respondent_key
from bot.roles import ROLES, Role
from bot.telegram.gate import PRIVILEGED
from bot.telegram.handlers import COMMANDS
from tests.e2e.conftest import SECRET, RunningBot
from tests.e2e.fakebotapi import FakeBotAPI, FakeUser

UNKNOWN = "Sorry, I don't know that command."


async def join_as(bot: RunningBot, user: FakeUser, role: Role) -> None:
    assert bot.channel is not None
    invite = await bot.channel.roles.create_invite(role, "cambridge_hub")
    shown = await user.send(f"/join {invite.code}")
    assert shown[-1].text.startswith("Welcome. You have joined as")


async def unknown_reply(user: FakeUser) -> str:
    shown = await user.send("/nosuchcommand")
    assert shown[-1].text.startswith(UNKNOWN)
    return shown[-1].text


def key_of(user: FakeUser) -> str:
    return respondent_key(SECRET, "telegram", user.id)


def test_every_privileged_command_has_a_handler(bot):
    assert bot.channel is not None
    for name in PRIVILEGED:
        assert callable(getattr(bot.channel, f"on_{name}", None)), name


async def test_privileged_commands_and_join_are_not_in_the_public_menu(bot, api):
    assert api.commands, "the menu was published"
    for menu in api.commands.values():
        names = {c["command"] for c in menu}
        assert names == set(COMMANDS)
        assert not names & set(PRIVILEGED)
        assert "join" not in names


@pytest.mark.parametrize("command", sorted(PRIVILEGED))
async def test_privileged_command_answers_everyone_else_as_unknown(
    bot: RunningBot, api: FakeBotAPI, command: str
):
    """No role, or a role not allowed: the very reply an unknown command gets, and nothing else."""
    allowed = PRIVILEGED[command]
    people: list[tuple[str, FakeUser]] = [("nobody", api.user())]
    for role in ROLES:
        if role not in allowed:
            person = api.user()
            await join_as(bot, person, role)
            people.append((role, person))
    for who, person in people:
        expected = await unknown_reply(person)
        for text in (f"/{command}", f"/{command} 2026-W47", f"/{command}@feedback_test_bot"):
            shown = await person.send(text)
            assert [s.text for s in shown] == [expected], (who, text)
        assert api.documents == []

    insider = api.user()
    await join_as(bot, insider, sorted(allowed)[0])
    shown = await insider.send(f"/{command}")
    assert shown and not shown[0].text.startswith(UNKNOWN)


async def test_a_revoked_role_is_refused_again(bot, api):
    person = api.user()
    await join_as(bot, person, "staff")
    assert not (await person.send("/summary"))[0].text.startswith(UNKNOWN)
    await bot.channel.roles.revoke(key_of(person)[:12])
    assert (await person.send("/summary"))[-1].text.startswith(UNKNOWN)


async def test_join_with_good_used_expired_forged_and_missing_codes(bot, api, caplog):
    caplog.set_level(logging.DEBUG)
    roles = bot.channel.roles
    invite = await roles.create_invite("peer", None)
    old = await roles.create_invite("staff", "cambridge_hub", days=0)
    first, second = api.user(), api.user()

    shown = await first.send("/join")
    assert "send /join and your code" in shown[-1].text

    typed = invite.code.lower().replace("-", " ")
    shown = await first.send(f"/join {typed}")
    assert shown[-1].text == "Welcome. You have joined as peer worker for all sites."
    grant = await roles.role_of(key_of(first))
    assert grant is not None and grant.role == "peer"

    shown = await second.send(f"/join {invite.code}")
    assert shown[-1].text.startswith("That code has already been used")
    shown = await second.send(f"/join {old.code}")
    assert shown[-1].text.startswith("That code has expired")
    shown = await second.send("/join ABCD-EFGH-JKMN")
    assert shown[-1].text.startswith("That code did not work")
    shown = await second.send("/join '; DROP TABLE roles; --")
    assert shown[-1].text.startswith("That code did not work")
    assert await roles.role_of(key_of(second)) is None

    logged = "\n".join(r.getMessage() for r in caplog.records)
    for code in (invite.code, old.code):
        assert code not in logged and code.replace("-", "") not in logged
        assert code.lower() not in logged and typed not in logged


async def test_lockout_after_wrong_codes_holds_even_after_delete(bot, api):
    roles = bot.channel.roles
    person = api.user()
    for _ in range(roles.max_attempts):
        shown = await person.send("/join ABCD-EFGH-JKMN")
        assert shown[-1].text.startswith("That code did not work")
    good = await roles.create_invite("staff", None)
    shown = await person.send(f"/join {good.code}")
    assert shown[-1].text.startswith("Too many tries. Please wait 60 minutes")

    # /delete forgets what it can, but not the failures that hold the lockout.
    await person.send("/delete")
    await person.tap("Yes, delete my answers")
    shown = await person.send(f"/join {good.code}")
    assert shown[-1].text.startswith("Too many tries")
    assert await roles.role_of(key_of(person)) is None
    # Someone else is not affected.
    shown = await api.user().send(f"/join {good.code}")
    assert shown[-1].text.startswith("Welcome")


async def test_delete_drops_a_persons_successful_join_attempts(bot, api):
    person = api.user()
    await join_as(bot, person, "staff")
    count = "SELECT count(*) FROM join_attempts WHERE respondent_key = ?"
    async with bot.store.db.execute(count, (key_of(person),)) as cur:
        assert (await cur.fetchone())[0] == 1
    await person.send("/delete")
    await person.tap("Yes, delete my answers")
    async with bot.store.db.execute(count, (key_of(person),)) as cur:
        assert (await cur.fetchone())[0] == 0
