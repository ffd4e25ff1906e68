"""Which message carries each chat's live question keyboard.

When the next question is sent, the buttons of the one before are taken off,
so an old question cannot be tapped by mistake.  That needs one small fact per
chat with a question open.  It is kept here, under the person's pseudonymous
key, and not in PTB's ``chat_data``: PTB keys that by the raw chat id and keeps
an entry for everyone ever seen.  An entry goes when the person's form ends,
and the oldest go when there are more than ``limit`` (people who walked away
mid-flow); losing one only leaves an old keyboard on screen, and a tap on it is
still refused (its callback data names the question and the form).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import NamedTuple


class Live(NamedTuple):
    message_id: int
    step_id: str
    form: str | None


class LiveKeyboards:
    def __init__(self, limit: int = 10_000):
        self.limit = limit
        self._live: OrderedDict[str, Live] = OrderedDict()

    @property
    def people(self) -> int:
        """Chats with a keyboard remembered (for tests and monitoring)."""
        return len(self._live)

    def get(self, key: str) -> Live | None:
        return self._live.get(key)

    def set(self, key: str, live: Live) -> None:
        self._live[key] = live
        self._live.move_to_end(key)
        while len(self._live) > self.limit:
            self._live.popitem(last=False)

    def pop(self, key: str) -> Live | None:
        return self._live.pop(key, None)
