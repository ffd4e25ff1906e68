"""Scripted people: what they send to the bot, and what they see of its replies."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.e2e.fakebotapi.server import FakeBotAPI

TICK = "✓ "


@dataclass
class Shown:
    """A bot message as the person sees it now (after any edits)."""

    message_id: int
    text: str
    buttons: list[list[tuple[str, str]]] = field(default_factory=list)
    """Rows of (label, callback data)."""
    edited: bool = False

    @property
    def labels(self) -> list[str]:
        return [label for row in self.buttons for label, _ in row]

    def data_for(self, label: str) -> str | None:
        for row in self.buttons:
            for text, data in row:
                if label in (text, text.removeprefix(TICK)):
                    return data
        return None


class FakeUser:
    """One person (or one group member) talking to the bot through the fake server."""

    def __init__(
        self,
        api: FakeBotAPI,
        user_id: int,
        *,
        first_name: str = "Sam",
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
        group: int | None = None,
    ):
        self.api = api
        self.id = user_id
        self.profile: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        for field_name, value in (
            ("last_name", last_name),
            ("username", username),
            ("language_code", language_code),
        ):
            if value:
                self.profile[field_name] = value
        self.chat = (
            {"id": group, "type": "group", "title": "Recovery group"}
            if group
            else {"id": user_id, "type": "private", "first_name": first_name}
        )
        if not group:
            self.chat.update(
                {k: self.profile[k] for k in ("last_name", "username") if k in self.profile}
            )
        self.last_query_id = ""

    # -- what the person does

    async def send(self, text: str) -> list[Shown]:
        message = self._message(text=text)
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return await self._push({"message": message})

    async def tap(self, label: str, message_id: int | None = None) -> list[Shown]:
        """Tap the button with this label (ignoring a tick) on the newest message showing it."""
        shown = self._with_button(label, message_id)
        data = shown.data_for(label)
        assert data is not None
        return await self.tap_data(data, shown.message_id)

    async def tap_data(self, data: str, message_id: int) -> list[Shown]:
        """Send callback data as if a button carried it (also for forged or stale data)."""
        query = {
            "id": uuid.uuid4().hex,
            "from": self.profile,
            "message": self.api.messages[message_id],
            "chat_instance": str(self.chat["id"]),
            "data": data,
        }
        self.last_query_id = query["id"]
        return await self._push({"callback_query": query})

    async def edit(self, message_id: int, text: str) -> list[Shown]:
        edited = self._message(text=text, message_id=message_id)
        edited["edit_date"] = int(time.time())
        return await self._push({"edited_message": edited})

    async def send_sticker(self) -> list[Shown]:
        sticker = {
            **_file("sticker"),
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        }
        return await self._push({"message": self._message(sticker=sticker)})

    async def send_photo(self, caption: str | None = None) -> list[Shown]:
        photo = [{**_file("photo"), "width": 90, "height": 90}]
        extra = {"caption": caption} if caption else {}
        return await self._push({"message": self._message(photo=photo, **extra)})

    async def send_voice(self) -> list[Shown]:
        voice = {**_file("voice"), "duration": 3}
        return await self._push({"message": self._message(voice=voice)})

    async def send_document(self) -> list[Shown]:
        document = {**_file("document"), "file_name": "letter.pdf"}
        return await self._push({"message": self._message(document=document)})

    async def send_location(self) -> list[Shown]:
        location = {"latitude": 52.2053, "longitude": 0.1218}
        return await self._push({"message": self._message(location=location)})

    async def send_contact(self) -> list[Shown]:
        contact = {"phone_number": "+447700900123", "first_name": "Sam"}
        return await self._push({"message": self._message(contact=contact)})

    async def block(self) -> list[Shown]:
        """Block the bot: Telegram tells the bot (my_chat_member) and refuses its messages."""
        self.api.blocked.add(self.chat["id"])
        return await self._push({"my_chat_member": self._member_change("member", "kicked")})

    async def unblock(self) -> list[Shown]:
        self.api.blocked.discard(self.chat["id"])
        return await self._push({"my_chat_member": self._member_change("kicked", "member")})

    # -- what the person sees

    async def last_message(self) -> Shown:
        return self.messages()[-1]

    def messages(self) -> list[Shown]:
        """Every bot message in this chat, as it reads now."""
        return [shown(m) for m in self.api.sent if m["chat"]["id"] == self.chat["id"]]

    def callback_answer(self) -> dict[str, Any] | None:
        """What the bot answered to this person's last tap (text and show_alert)."""
        return self.api.callback_answers.get(self.last_query_id)

    # -- internals

    async def _push(self, update: dict[str, Any]) -> list[Shown]:
        before = len(self.messages())
        update_id = await self.api.push(update)
        if self.api.traced:
            await self.api.settled(update_id)
        return self.messages()[before:]

    async def wait_for_messages(self, count: int) -> list[Shown]:
        """Wait until the bot has sent this chat ``count`` messages in all."""
        await self.api.wait_until(lambda: len(self.messages()) >= count)
        return self.messages()

    def _member_change(self, old: str, new: str) -> dict[str, Any]:
        def member(status: str) -> dict[str, Any]:
            found: dict[str, Any] = {"user": self.api.bot_user, "status": status}
            if status == "kicked":
                found["until_date"] = 0
            return found

        return {
            "chat": self.chat,
            "from": self.profile,
            "date": int(time.time()),
            "old_chat_member": member(old),
            "new_chat_member": member(new),
        }

    def _message(self, message_id: int | None = None, **content: Any) -> dict[str, Any]:
        return {
            "message_id": message_id or self.api.next_message_id(),
            "date": int(time.time()),
            "chat": self.chat,
            "from": self.profile,
            **content,
        }

    def _with_button(self, label: str, message_id: int | None) -> Shown:
        for shown in reversed(self.messages()):
            if message_id in (None, shown.message_id) and shown.data_for(label) is not None:
                return shown
        visible = [s.labels for s in self.messages() if s.buttons]
        raise AssertionError(f"no button {label!r} to tap; buttons shown: {visible}")


def shown(message: dict[str, Any]) -> Shown:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    buttons = [[(b["text"], b.get("callback_data", "")) for b in row] for row in rows]
    return Shown(message["message_id"], message["text"], buttons, "edit_date" in message)


def _file(kind: str) -> dict[str, Any]:
    return {"file_id": f"{kind}-{uuid.uuid4().hex[:8]}", "file_unique_id": uuid.uuid4().hex[:8]}
