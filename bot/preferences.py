"""The language a person chose, kept after their flow ends.

A session holds its language only while it is open; once the flow ends, the
opt-in offer, /help, /news, /delete and the subscription would fall back to the
phone's language.  This keeps the choice, keyed by the person's pseudonymous key
(as sessions are), never by a chat id.  Only a real choice is kept (a tap on a
language, or accepting the offer to switch), not what the phone says.  /delete
removes it; the daily purge removes it once the person has no session left and
made the choice more than ``retention_days`` ago.
"""

from __future__ import annotations

from bot.store import Store


class ChosenLanguages:
    def __init__(self, store: Store):
        self.store = store

    async def get(self, key: str) -> str | None:
        rows = await self.store.read("SELECT lang FROM languages WHERE respondent_key = ?", (key,))
        return str(rows[0][0]) if rows else None

    async def remember(self, key: str, lang: str) -> None:
        await self.store.write(
            "INSERT INTO languages (respondent_key, lang, chosen_at) VALUES (?, ?, ?)"
            " ON CONFLICT (respondent_key) DO UPDATE SET lang = excluded.lang,"
            " chosen_at = excluded.chosen_at",
            (key, lang, self.store.now()),
        )

    async def forget(self, key: str) -> None:
        await self.store.write("DELETE FROM languages WHERE respondent_key = ?", (key,))

    async def purge(self, cutoff: str) -> int:
        """Choices older than ``cutoff`` of people with no session left; returns how many."""
        return await self.store.write(
            "DELETE FROM languages WHERE chosen_at < ? AND NOT EXISTS"
            " (SELECT 1 FROM sessions s WHERE s.respondent_key = languages.respondent_key)",
            (cutoff,),
        )
