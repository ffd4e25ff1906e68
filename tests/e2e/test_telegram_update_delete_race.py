"""A person deletes their answers while /update tags the week's comments.

/update offers the week's top themes and tags the week's new comments first, on the
bot's own loop, yielding to people's updates every 2 ms (bot/report/queries.py).  A
person's /delete can land between the read of the comments and the write of their
themes: the themes of their deleted comment must not be written (the foreign key failed
/update, and staff saw nothing), and everything of theirs is gone.
"""

from __future__ import annotations

from bot.report.queries import ReportQueries
from tests.e2e.test_telegram_broadcast import staff_member
from tests.e2e.test_telegram_flow import sessions_of, to_first_text_question
from tests.e2e.test_telegram_update_links import TEXT, said_this_week

COMMENT = "I waited six weeks for my first appointment and nobody called me back."


async def test_a_person_deleting_while_update_tags_the_week(bot, api, monkeypatch):
    await said_this_week(bot)
    person = api.user(7_100_200_300, language_code="en")
    await to_first_text_question(person)
    await person.send(COMMENT)
    assert any(COMMENT in str(s["answers"]) for s in await sessions_of(bot, person))
    shown = await person.send("/delete")
    assert "Yes, delete my answers" in shown[-1].labels
    staff = await staff_member(bot, api)
    read = bot.store.staff_read
    deleted = []

    async def reading(sql, args=()):
        rows = await read(sql, args)
        if sql.startswith("SELECT a.id, a.value, a.answered_at") and not deleted:
            # The week's comments are read for tagging: the person confirms now.
            deleted.append(await person.tap("Yes, delete my answers"))
        return rows

    monkeypatch.setattr(bot.store, "staff_read", reading)
    shown = await staff.send(f"/update {TEXT}")
    monkeypatch.setattr(bot.store, "staff_read", read)
    assert deleted, "/update did not tag the week's comments"
    assert deleted[0][-1].text == "Done. Everything you gave us has been deleted."
    assert await sessions_of(bot, person) == []
    # Staff got the draft with the week's themes to tick.
    assert shown[-1].text.endswith(TEXT)
    assert "Waiting times" in shown[-1].labels
    ((orphans,),) = await bot.store.staff_read(
        "SELECT count(*) FROM answer_themes t LEFT JOIN answers a ON a.id = t.answer_id"
        " WHERE a.id IS NULL"
    )
    assert orphans == 0
    assert await ReportQueries(bot.store).notes() == []
