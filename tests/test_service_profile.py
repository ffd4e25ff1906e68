"""The session's site, area and group always follow the stored answers.

Withdrawing an answer (Back then Skip, or a later answer that makes the
question no longer apply) withdraws what it said about the person, so reports
stop counting them under it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.conversation import Back, Choose, Reply, Skip
from bot.flows import load_flows
from bot.report.period import Period
from bot.report.queries import ReportQueries
from bot.service import CONSENT_AGREE, Conversations, option_ids
from bot.store import Store

ALWAYS = Period(start=datetime(2000, 1, 1).date(), end=datetime(2999, 1, 1).date(), label="all")

FLOW = """
id: who
version: 1
title: {en: Who}
intro: {en: Hello.}
outro: {en: Thanks.}
steps:
  - id: for_whom
    kind: choice
    required: true
    text: {en: "Is this feedback about you?"}
    options:
      - {id: me, label: {en: "Me"}}
      - {id: someone_else, label: {en: "Someone else"}}
  - id: group
    kind: choice
    options_from: respondent_groups
    profile: respondent_group
    when: {equals: me, step: for_whom}
    text: {en: "Which of these best describes you?"}
  - id: site
    kind: choice
    options_from: sites
    profile: site
    when: {equals: me, step: for_whom}
    text: {en: "Where?"}
  - id: rating
    kind: likert
    scale: agree
    text: {en: "Staff treated me with respect."}
"""


async def profile_of(store: Store, key: str) -> tuple[str | None, str | None, str | None]:
    async with store.db.execute(
        "SELECT respondent_group, site, area FROM sessions WHERE respondent_key = ?", (key,)
    ) as cur:
        row = await cur.fetchone()
    return tuple(row)


async def started(conversations: Conversations, key: str, site: str | None = None) -> None:
    await conversations.start(key, "telegram", lang="en", site=site)
    await conversations.handle(key, "telegram", Choose(CONSENT_AGREE))


async def test_back_then_skip_withdraws_the_group(tiny, store):
    key = "te_carer"
    await started(tiny, key)
    await tiny.handle(key, "telegram", Choose("family_carer"))
    assert (await profile_of(store, key))[0] == "family_carer"
    await tiny.handle(key, "telegram", Back())
    await tiny.handle(key, "telegram", Skip())
    assert await store.answers((await store.current_session(key, "telegram")).id) == {}
    assert await profile_of(store, key) == (None, None, None)
    await tiny.handle(key, "telegram", Reply("It was fine really"))
    assert await profile_of(store, key) == (None, None, None)


async def test_an_answer_that_no_longer_applies_withdraws_group_site_and_area(
    settings, store, tmp_path: Path
):
    (tmp_path / "who.yaml").write_text(FLOW)
    mine = settings.model_copy(update={"default_flow": "who", "languages": ["en"]})
    conversations = Conversations(mine, store, load_flows(tmp_path, ["en"], option_ids(mine)))
    await conversations.register_flows()
    keys = [f"te_person_{i}" for i in range(6)]
    for key in keys:
        await started(conversations, key)
        for event in (Choose("me"), Choose("family_carer"), Choose("hmp_peterborough")):
            await conversations.handle(key, "telegram", event)
        assert await profile_of(store, key) == ("family_carer", "hmp_peterborough", "peterborough")
        for _ in range(3):
            await conversations.handle(key, "telegram", Back())
        # About someone else: the questions about "you" no longer apply.
        await conversations.handle(key, "telegram", Choose("someone_else"))
        await conversations.handle(key, "telegram", Choose("agree"))
        assert await profile_of(store, key) == (None, None, None)

    q = ReportQueries(store)
    sessions = await q.sessions(ALWAYS)
    assert sum(s.n for s in sessions) == len(keys)
    assert {(s.respondent_group, s.site, s.area) for s in sessions} == {(None, None, None)}
    likert = [c for c in await q.answer_counts(ALWAYS) if c.kind == "likert"]
    assert {(c.respondent_group, c.area) for c in likert} == {(None, None)}


async def test_a_site_from_the_share_link_stays_when_no_answer_says_otherwise(
    settings, store, tiny
):
    key = "te_linked"
    await started(tiny, key, site="wisbech_hub")
    await tiny.handle(key, "telegram", Choose("service_user"))
    await tiny.handle(key, "telegram", Back())
    await tiny.handle(key, "telegram", Skip())
    assert await profile_of(store, key) == (None, "wisbech_hub", "cambridgeshire")


async def test_sessions_stored_by_older_code_are_repaired_once(settings, store, tiny):
    from bot.repairs import PROFILES, repair_profiles

    key = "te_old_row"
    await started(tiny, key, site="wisbech_hub")
    await tiny.handle(key, "telegram", Choose("family_carer"))
    await tiny.handle(key, "telegram", Back())
    await tiny.handle(key, "telegram", Skip())
    # What older code left behind: the withdrawn group and a wrong area still on the row.
    await store.write(
        "UPDATE sessions SET respondent_group = 'family_carer', area = 'peterborough'"
        " WHERE respondent_key = ?",
        (key,),
    )
    await store.write("DELETE FROM data_repairs WHERE name = ?", (PROFILES,))
    kept = "te_kept"
    await started(tiny, kept)
    await tiny.handle(kept, "telegram", Choose("service_user"))
    assert await repair_profiles(store, tiny.settings) == 1
    assert await profile_of(store, key) == (None, "wisbech_hub", "cambridgeshire")
    assert await profile_of(store, kept) == ("service_user", None, None)
    assert await repair_profiles(store, tiny.settings) is None  # once per database
