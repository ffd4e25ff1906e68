"""An open question's response rate is of the people shown it, not of every respondent."""

from __future__ import annotations

from pathlib import Path

from bot.conversation import Choose, Reply, Skip
from bot.flows import load_flows
from bot.i18n import load_catalogue
from bot.report.aggregate import ReportBuilder
from bot.report.period import Period
from bot.report.suppress import publish
from bot.report.themes import load_codebook
from bot.service import CONSENT_AGREE, Conversations, option_ids

FLOW = """
id: used
version: 1
title: {en: Used}
intro: {en: Hello.}
outro: {en: Thanks.}
steps:
  - id: went
    kind: choice
    required: true
    text: {en: "Did you go to the hub?"}
    options:
      - {id: "yes", label: {en: "Yes"}}
      - {id: "no", label: {en: "No"}}
  - id: hub_better
    kind: text
    when: {equals: "yes", step: went}
    text: {en: "What could the hub do better?"}
  - id: anything_else
    kind: text
    text: {en: "Anything else?"}
"""


async def test_the_base_is_the_people_shown_the_question(settings, store, tmp_path: Path, clock):
    (tmp_path / "used.yaml").write_text(FLOW)
    mine = settings.model_copy(
        update={"default_flow": "used", "languages": ["en"], "suppression_threshold": 1}
    )
    conversations = Conversations(mine, store, load_flows(tmp_path, ["en"], option_ids(mine)))
    await conversations.register_flows()
    people = [
        ("yes", Reply("Open later please")),
        ("yes", Reply("More staff")),
        ("yes", Skip()),
        ("no", None),
        ("no", None),
        ("no", None),
    ]
    for i, (went, hub_answer) in enumerate(people):
        key = f"te_{i}"
        await conversations.start(key, "telegram", lang="en")
        for event in (Choose(CONSENT_AGREE), Choose(went), hub_answer, Skip()):
            if event is not None:
                await conversations.handle(key, "telegram", event)
    day = clock.now.date()
    builder = ReportBuilder(store, mine, load_codebook(mine.flows_dir), load_catalogue())
    report = publish(await builder.build(Period(start=day, end=day, label="today")))
    row = report.table("open").row("used:hub_better")
    # Three people were asked, two answered: 67%, not 2 of all 6 (33%).
    assert (row.base.count, row.cells["answered"].count, row.cells["answered"].pct) == (3, 2, 67)
    everyone = report.table("open").row("used:anything_else")
    assert (everyone.base.count, everyone.cells["answered"].count) == (6, 0)
