"""A small fake Telegram Bot API server, and scripted users who talk to the bot through it.

The real python-telegram-bot ``Application`` talks to this server over HTTP on
127.0.0.1 (``base_url``), by long polling or by webhook, exactly as it would to
Telegram.  Tests drive it as a person would::

    user = api.user()
    await user.send("/start")
    await user.tap("Yes, I agree, let's start")
    shown = await user.last_message()

Each call returns once the bot has finished handling that update (the
``traced_application`` hook tells the server), so tests await events rather
than sleep.  Run ``python -m tests.e2e.fakebotapi`` to chat with a real bot by hand.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import ClientSession, web
from telegram.ext import Application

TOKEN = "123456:TEST-token"
BOT_USER = {
    "id": 123456,
    "is_bot": True,
    "first_name": "Feedback",
    "username": "feedback_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
STEP_TIMEOUT = 10.0
TICK = "✓ "
# Form fields PTB sends as plain strings; every other field is JSON-encoded.
_STRING_FIELDS = {"text", "callback_query_id", "url", "secret_token", "language_code"}


class ApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None):
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after


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


class FakeBotAPI:
    def __init__(self, token: str = TOKEN, *, traced: bool = True):
        self.token = token
        self.traced = traced
        """True when the bot under test reports finished updates (``traced_application``)."""
        self._changed = asyncio.Condition()
        self.port = 0
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._arrived = asyncio.Condition()
        self._closing = False
        self._processed: dict[int, asyncio.Event] = {}
        self.messages: dict[int, dict[str, Any]] = {}
        """Bot messages by id, as they stand now."""
        self.sent: list[dict[str, Any]] = []
        """Bot messages in the order sent (the dicts in ``messages``)."""
        self.callback_answers: dict[str, dict[str, Any]] = {}
        self.commands: dict[str | None, list[dict[str, str]]] = {}
        self.calls: list[str] = []
        self.webhook_url = ""
        self.webhook_secret: str | None = None
        self.webhook_statuses: list[int] = []
        self._failures: dict[str, list[ApiError]] = {}
        self._deliveries: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._runner: web.AppRunner | None = None
        self._delivery_task: asyncio.Task[None] | None = None
        self._http: ClientSession | None = None
        self.on_bot_message: Callable[[dict[str, Any]], None] | None = None

    # -- lifecycle

    async def start(self, port: int = 0) -> FakeBotAPI:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._dispatch)
        self._runner = web.AppRunner(app, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._http = ClientSession()
        self._delivery_task = asyncio.create_task(self._deliver())
        return self

    async def close(self) -> None:
        self._closing = True
        async with self._arrived:
            self._arrived.notify_all()
        if self._delivery_task:
            self._delivery_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._delivery_task
        if self._http:
            await self._http.close()
        if self._runner:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def user(self, user_id: int | None = None, **kwargs: Any) -> FakeUser:
        return FakeUser(self, user_id or 1000 + next(self._update_ids), **kwargs)

    def fail_next(self, method: str, code: int = 429, retry_after: int | None = 1) -> None:
        """Make the next call of ``method`` fail, e.g. with 429 Too Many Requests."""
        description = f"Too Many Requests: retry after {retry_after}" if code == 429 else "Error"
        self._failures.setdefault(method, []).append(ApiError(code, description, retry_after))

    # -- updates in

    async def push(self, update: dict[str, Any]) -> int:
        """Queue an update for the bot and return its id."""
        update_id = next(self._update_ids)
        update = {"update_id": update_id, **update}
        self._processed[update_id] = asyncio.Event()
        if self.webhook_url:
            await self._deliveries.put(update)
        else:
            async with self._arrived:
                self._updates.append(update)
                self._arrived.notify_all()
        return update_id

    def processed(self, update_id: int) -> None:
        """Called by the traced application when it has finished with an update."""
        event = self._processed.get(update_id)
        if event is not None:
            event.set()

    def was_processed(self, update_id: int) -> bool:
        event = self._processed.get(update_id)
        return bool(event and event.is_set())

    async def settled(self, update_id: int, timeout: float = STEP_TIMEOUT) -> None:
        try:
            await asyncio.wait_for(self._processed[update_id].wait(), timeout)
        except TimeoutError:
            message = f"the bot did not finish update {update_id} in {timeout}s"
            raise AssertionError(message) from None

    async def wait_until(self, ready: Callable[[], bool], timeout: float = STEP_TIMEOUT) -> None:
        """For a bot that is not traced (e.g. a separate process): wait for what it sends."""
        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(ready), timeout)
            except TimeoutError:
                raise AssertionError(f"the bot did not reply as expected in {timeout}s") from None

    async def post_to_webhook(self, update: dict[str, Any], secret: str | None) -> int:
        """Deliver one update directly, with the given secret header; returns the HTTP status."""
        assert self._http is not None and self.webhook_url
        headers = {} if secret is None else {"X-Telegram-Bot-Api-Secret-Token": secret}
        async with self._http.post(self.webhook_url, json=update, headers=headers) as response:
            return response.status

    async def _deliver(self) -> None:
        """Telegram's side of a webhook: POST each update in order, with the secret header."""
        while True:
            update = await self._deliveries.get()
            status = await self.post_to_webhook(update, self.webhook_secret)
            self.webhook_statuses.append(status)

    # -- the Bot API

    async def _dispatch(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(ApiError(401, "Unauthorized"))
        method = request.match_info["method"]
        self.calls.append(method)
        params = await _params(request)
        failures = self._failures.get(method)
        if failures:
            return _error(failures.pop(0))
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return _error(ApiError(404, "Not Found"))
        try:
            result = await handler(params)
        except ApiError as exc:
            return _error(exc)
        return web.json_response({"ok": True, "result": result})

    async def _api_getMe(self, params: dict[str, Any]) -> Any:
        return BOT_USER

    async def _api_getUpdates(self, params: dict[str, Any]) -> Any:
        if self.webhook_url:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active")
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        async with self._arrived:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            if not self._updates and timeout > 0 and not self._closing:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._arrived.wait_for(lambda: bool(self._updates) or self._closing),
                        timeout,
                    )
            limit = int(params.get("limit") or 100)
            return self._updates[:limit]

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:
        chat_id = int(params["chat_id"])
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": _chat(chat_id),
            "from": BOT_USER,
            "text": params["text"],
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self.messages[message["message_id"]] = message
        self.sent.append(message)
        if self.on_bot_message:
            self.on_bot_message(message)
        async with self._changed:
            self._changed.notify_all()
        return message

    async def _api_editMessageText(self, params: dict[str, Any]) -> Any:
        message = self._message(params)
        markup = params.get("reply_markup") or None
        if message["text"] == params["text"] and message.get("reply_markup") == markup:
            raise ApiError(400, "Bad Request: message is not modified")
        message["text"] = params["text"]
        self._set_markup(message, markup)
        return message

    async def _api_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:
        message = self._message(params)
        markup = params.get("reply_markup") or None
        if message.get("reply_markup") == markup:
            raise ApiError(400, "Bad Request: message is not modified")
        self._set_markup(message, markup)
        return message

    async def _api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        self.callback_answers[params["callback_query_id"]] = params
        return True

    async def _api_setMyCommands(self, params: dict[str, Any]) -> Any:
        self.commands[params.get("language_code")] = params["commands"]
        return True

    async def _api_deleteWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook_url, self.webhook_secret = "", None
        return True

    async def _api_setWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook_url = params["url"]
        self.webhook_secret = params.get("secret_token")
        return True

    async def _api_getWebhookInfo(self, params: dict[str, Any]) -> Any:
        return {"url": self.webhook_url, "has_custom_certificate": False, "pending_update_count": 0}

    async def _api_close(self, params: dict[str, Any]) -> Any:
        return True

    async def _api_logOut(self, params: dict[str, Any]) -> Any:
        return True

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self.messages.get(int(params.get("message_id") or 0))
        if message is None or message["chat"]["id"] != int(params["chat_id"]):
            raise ApiError(400, "Bad Request: message to edit not found")
        return message

    def _set_markup(self, message: dict[str, Any], markup: Any) -> None:
        message["edit_date"] = int(time.time())
        if markup:
            message["reply_markup"] = markup
        else:
            message.pop("reply_markup", None)


class FakeUser:
    """One person (or one group member) talking to the bot through the fake server."""

    def __init__(
        self,
        api: FakeBotAPI,
        user_id: int,
        *,
        first_name: str = "Sam",
        language_code: str | None = "en",
        group: int | None = None,
    ):
        self.api = api
        self.id = user_id
        self.profile: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if language_code:
            self.profile["language_code"] = language_code
        self.chat = (
            {"id": group, "type": "group", "title": "Recovery group"}
            if group
            else {"id": user_id, "type": "private", "first_name": first_name}
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

    async def send_photo(self) -> list[Shown]:
        photo = [{**_file("photo"), "width": 90, "height": 90}]
        return await self._push({"message": self._message(photo=photo)})

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

    # -- what the person sees

    async def last_message(self) -> Shown:
        return self.messages()[-1]

    def messages(self) -> list[Shown]:
        """Every bot message in this chat, as it reads now."""
        return [_shown(m) for m in self.api.sent if m["chat"]["id"] == self.chat["id"]]

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

    def _message(self, message_id: int | None = None, **content: Any) -> dict[str, Any]:
        return {
            "message_id": message_id or next(self.api._message_ids),
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


def traced_application(api: FakeBotAPI) -> type[Application[Any, Any, Any, Any, Any, Any]]:
    """An Application that tells the fake server when it has finished each update."""

    class TracedApplication(Application):  # type: ignore[type-arg]
        async def process_update(self, update: object) -> None:
            try:
                await super().process_update(update)
            finally:
                update_id = getattr(update, "update_id", None)
                if update_id is not None:
                    api.processed(update_id)

    return TracedApplication


def _shown(message: dict[str, Any]) -> Shown:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    buttons = [[(b["text"], b.get("callback_data", "")) for b in row] for row in rows]
    return Shown(message["message_id"], message["text"], buttons, "edit_date" in message)


def _chat(chat_id: int) -> dict[str, Any]:
    if chat_id < 0:
        return {"id": chat_id, "type": "group", "title": "Recovery group"}
    return {"id": chat_id, "type": "private", "first_name": "Sam"}


def _file(kind: str) -> dict[str, Any]:
    return {"file_id": f"{kind}-{uuid.uuid4().hex[:8]}", "file_unique_id": uuid.uuid4().hex[:8]}


async def _params(request: web.Request) -> dict[str, Any]:
    if request.content_type == "application/json":
        return dict(await request.json())
    form = await request.post()
    params: dict[str, Any] = {}
    for name, value in form.items():
        if not isinstance(value, str) or name in _STRING_FIELDS:
            params[name] = value
            continue
        try:
            params[name] = json.loads(value)
        except ValueError:
            params[name] = value
    return params


def _error(exc: ApiError) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": exc.code, "description": exc.description}
    if exc.retry_after is not None:
        body["parameters"] = {"retry_after": exc.retry_after}
    return web.json_response(body, status=exc.code)


async def _chat_by_hand(port: int) -> None:
    """Be the person: type messages, tap buttons, and see the bot's replies."""
    api = await FakeBotAPI(traced=False).start(port)
    user = api.user(4242)

    def show(message: dict[str, Any]) -> None:
        shown = _shown(message)
        print(f"\n<bot> {shown.text}")
        for label in shown.labels:
            print(f"      [{label}]")

    api.on_bot_message = show
    print(f"Fake Bot API listening on {api.base_url}")
    print("Start the bot against it in another terminal:")
    print(f"  TELEGRAM_BOT_TOKEN='{api.token}' feedback-bot run --base-url {api.base_url}")
    print("Type a message to send it; 'tap LABEL' taps a button; 'sticker', 'photo', 'voice',")
    print("'document', 'location' send those; Ctrl-D quits.")
    try:
        while True:
            try:
                line = await asyncio.to_thread(input, "")
            except EOFError:
                break
            word = line.strip()
            if word.startswith("tap "):
                try:
                    await user.tap(word.removeprefix("tap ").strip())
                except AssertionError as exc:
                    print(exc)
            elif word in ("sticker", "photo", "voice", "document", "location"):
                await getattr(user, f"send_{word}")()
            elif word:
                await user.send(line)
    finally:
        await api.close()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="A fake Telegram Bot API to try the bot by hand.")
    parser.add_argument("--port", type=int, default=8081)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_chat_by_hand(parser.parse_args().port))
