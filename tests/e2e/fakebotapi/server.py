"""The fake Bot API server: the methods the bot calls, with Bot API-shaped JSON."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import ClientSession, web
from telegram.ext import Application

from tests.e2e.fakebotapi.user import FakeUser

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
STEP_TIMEOUT = 30.0
"""How long a test waits for the bot to finish a step before failing.  A wait for
correctness, not a timing check (speed is the benchmarks' to measure): an export under a
machine loaded by other work took over 10 s, and four tests failed on that alone."""
TEXT_LIMIT, CAPTION_LIMIT = 4096, 1024
"""Telegram's limits, in UTF-16 code units after entity parsing."""
MAX_BUTTONS, MAX_CALLBACK_BYTES = 100, 64
_HTML = re.compile(r"<[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
# Form fields PTB sends as plain strings; every other field is JSON-encoded.
_STRING_FIELDS = {"text", "callback_query_id", "url", "secret_token", "language_code", "caption"}


class ApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None):
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after


@dataclass
class Failure:
    """A planned failure: calls of ``method`` (to ``chat_ids``, if given) fail ``times`` times.

    ``error``: answered with this error and not carried out.  ``drop``: the
    connection is closed without an answer, after the call was carried out
    (``done``) or not; the bot cannot tell which, as with a time-out.
    ``rate``: each matching call fails with this probability (``rng``), for ever.
    """

    method: str
    error: ApiError | None = None
    drop: bool = False
    done: bool = False
    chat_ids: frozenset[int] | None = None
    times: int = 1
    rate: float = 1.0
    rng: random.Random | None = None

    def applies(self, method: str, params: dict[str, Any]) -> bool:
        if method != self.method or self.times <= 0:
            return False
        if self.chat_ids is not None and _chat_id_of(params) not in self.chat_ids:
            return False
        if self.rng is not None and self.rng.random() >= self.rate:
            return False
        if self.rng is None:
            self.times -= 1
        return True


class FakeBotAPI:
    bot_user = BOT_USER

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
        self.pushed: dict[int, dict[str, Any]] = {}
        """Every update pushed, by id (``redeliver`` sends one again)."""
        self.forget_offsets = False
        """True: ``getUpdates`` offsets never reach "Telegram", so a bot started again
        gets every update again, as after a crash before its next ``getUpdates``."""
        self.messages: dict[int, dict[str, Any]] = {}
        """Bot messages by id, as they stand now."""
        self.sent: list[dict[str, Any]] = []
        """Bot messages in the order sent (the dicts in ``messages``)."""
        self.callback_answers: dict[str, dict[str, Any]] = {}
        self.documents: list[dict[str, Any]] = []
        """Files the bot sent: chat_id, file_name, content (bytes), caption."""
        self.commands: dict[str | None, list[dict[str, str]]] = {}
        self.calls: list[str] = []
        self.webhook_url = ""
        self.webhook_secret: str | None = None
        self.webhook_statuses: list[int] = []
        self._failures: list[Failure] = []
        self.blocked: set[int] = set()
        """Chats whose person blocked the bot: sends there get 403, as from Telegram."""
        self._hold: tuple[int, frozenset[int] | None] | None = None
        self.held = asyncio.Event()
        """Set when a call is being held (``hold_after``); ``release`` lets it go on."""
        self._release = asyncio.Event()
        self._deliveries: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._runner: web.AppRunner | None = None
        self._delivery_task: asyncio.Task[None] | None = None
        self._http: ClientSession | None = None
        self.on_bot_message: Callable[[dict[str, Any]], None] | None = None
        self.latency = 0.0
        """Seconds every Bot API call but ``getUpdates`` takes before it is carried out, as
        the network to Telegram and back would (0: none)."""

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

    def next_message_id(self) -> int:
        """Message ids are unique across the whole fake server, as a simple stand-in."""
        return next(self._message_ids)

    def fail_next(self, method: str, code: int = 429, retry_after: int | None = 1) -> None:
        """Make the next call of ``method`` fail, e.g. with 429 Too Many Requests."""
        self.fail(method, code, retry_after=retry_after)

    def fail(
        self,
        method: str,
        code: int = 502,
        *,
        chat_ids: set[int] | None = None,
        times: int = 1,
        retry_after: int | None = None,
        description: str | None = None,
    ) -> None:
        """The next ``times`` calls of ``method`` (to ``chat_ids``) get this HTTP error and
        are not carried out: 502 Bad Gateway, 429 with ``retry_after``, 400, 403..."""
        error = _planned_error(code, retry_after)
        if description:
            error = ApiError(code, description, retry_after)
        self._failures.append(
            Failure(
                method,
                error,
                chat_ids=frozenset(chat_ids) if chat_ids else None,
                times=times,
            )
        )

    def drop(
        self, method: str, *, chat_ids: set[int] | None = None, times: int = 1, done: bool = True
    ) -> None:
        """Close the connection without answering (a lost answer, as with a time-out).
        ``done``: the call was carried out first, so the person did get the message."""
        self._failures.append(
            Failure(
                method,
                drop=True,
                done=done,
                chat_ids=frozenset(chat_ids) if chat_ids else None,
                times=times,
            )
        )

    def flaky(
        self,
        method: str,
        rate: float,
        *,
        chat_ids: set[int] | None = None,
        seed: int = 0,
        code: int = 502,
    ) -> None:
        """From now on each call of ``method`` (to ``chat_ids``) fails with probability
        ``rate`` (repeatable: a seeded generator), not carried out."""
        self._failures.append(
            Failure(
                method,
                _planned_error(code, None),
                chat_ids=frozenset(chat_ids) if chat_ids else None,
                times=1,
                rate=rate,
                rng=random.Random(seed),
            )
        )

    def calm(self) -> None:
        """No more planned failures."""
        self._failures.clear()

    def hold_after(self, count: int, chat_ids: set[int] | None = None) -> asyncio.Event:
        """Let ``count`` more messages (to ``chat_ids``) through, then hold the next one
        unanswered until ``release()``: a moment to stop the bot mid-broadcast."""
        self._hold = (count, frozenset(chat_ids) if chat_ids else None)
        self.held.clear()
        self._release.clear()
        return self.held

    def release(self) -> None:
        self._hold = None
        self._release.set()

    # -- updates in

    async def push(self, update: dict[str, Any]) -> int:
        """Queue an update for the bot and return its id."""
        update_id = next(self._update_ids)
        update = {"update_id": update_id, **update}
        self.pushed[update_id] = update
        return await self._queue(update)

    async def redeliver(self, update_id: int) -> int:
        """Send an update again, as Telegram does when the bot's confirmation was lost."""
        return await self._queue(self.pushed[update_id])

    async def _queue(self, update: dict[str, Any]) -> int:
        update_id = int(update["update_id"])
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
        if self.latency and method != "getUpdates":
            await asyncio.sleep(self.latency)  # the network's round trip, not waiting for the bot
        await self._maybe_hold(method, params)
        failure = next((f for f in self._failures if f.applies(method, params)), None)
        if failure is not None and failure.error is not None:
            return _error(failure.error)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return _error(ApiError(404, "Not Found"))
        if failure is not None and not failure.done:
            return _dropped(request)
        try:
            result = await handler(params)
        except ApiError as exc:
            return _error(exc)
        if failure is not None:
            return _dropped(request)
        return web.json_response({"ok": True, "result": result})

    async def _maybe_hold(self, method: str, params: dict[str, Any]) -> None:
        if self._hold is None or method != "sendMessage":
            return
        count, chats = self._hold
        if chats is not None and _chat_id_of(params) not in chats:
            return
        if count > 0:
            self._hold = (count - 1, chats)
            return
        self.held.set()
        await self._release.wait()

    async def _api_getMe(self, params: dict[str, Any]) -> Any:
        return BOT_USER

    async def _api_getUpdates(self, params: dict[str, Any]) -> Any:
        if self.webhook_url:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active")
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        async with self._arrived:
            if not self.forget_offsets:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]

            def waiting() -> list[dict[str, Any]]:
                return [u for u in self._updates if u["update_id"] >= offset]

            if not waiting() and timeout > 0 and not self._closing:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._arrived.wait_for(lambda: bool(waiting()) or self._closing),
                        timeout,
                    )
            limit = int(params.get("limit") or 100)
            return waiting()[:limit]

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:
        chat_id = int(params["chat_id"])
        self._reachable(chat_id)
        _check_text(params.get("text"), params.get("parse_mode"))
        _check_markup(params.get("reply_markup"))
        message = {
            "message_id": self.next_message_id(),
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

    async def _api_sendDocument(self, params: dict[str, Any]) -> Any:
        """A multipart upload, as PTB sends a local file or bytes."""
        upload = params.get("document")
        if not isinstance(upload, web.FileField):
            raise ApiError(400, "Bad Request: there is no document in the request")
        chat_id = int(params["chat_id"])
        self._reachable(chat_id)
        if params.get("caption"):
            _check_text(params["caption"], params.get("parse_mode"), CAPTION_LIMIT)
        _check_markup(params.get("reply_markup"))
        content = upload.file.read()
        document = {
            "file_id": f"doc-{len(self.documents) + 1}",
            "file_unique_id": f"u{len(self.documents) + 1}",
            "file_name": upload.filename,
            "file_size": len(content),
        }
        self.documents.append(
            {
                "chat_id": chat_id,
                "file_name": upload.filename,
                "content": content,
                "caption": params.get("caption"),
            }
        )
        async with self._changed:
            self._changed.notify_all()  # wait_until may be waiting for the files
        return {
            "message_id": self.next_message_id(),
            "date": int(time.time()),
            "chat": _chat(chat_id),
            "from": BOT_USER,
            "document": document,
        }

    async def _api_editMessageText(self, params: dict[str, Any]) -> Any:
        message = self._message(params)
        _check_text(params.get("text"), params.get("parse_mode"))
        _check_markup(params.get("reply_markup"))
        markup = params.get("reply_markup") or None
        if message["text"] == params["text"] and message.get("reply_markup") == markup:
            raise ApiError(400, "Bad Request: message is not modified")
        message["text"] = params["text"]
        self._set_markup(message, markup)
        return message

    async def _api_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:
        message = self._message(params)
        _check_markup(params.get("reply_markup"))
        markup = params.get("reply_markup") or None
        if message.get("reply_markup") == markup:
            raise ApiError(400, "Bad Request: message is not modified")
        self._set_markup(message, markup)
        return message

    async def _api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        self.callback_answers[params["callback_query_id"]] = params
        return True

    async def _api_setMyCommands(self, params: dict[str, Any]) -> Any:
        scope = params.get("scope") or {"type": "default"}
        if scope.get("type") != "default":
            raise ApiError(400, "Bad Request: only the default scope is faked")
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

    def _reachable(self, chat_id: int) -> None:
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")

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


def traced_application(
    api: FakeBotAPI | None = None, *, notify: Callable[[int], object] | None = None
) -> type[Application[Any, Any, Any, Any, Any, Any]]:
    """An Application that says when it has finished each update: to the fake server
    (``api``), or to ``notify`` (the benchmark's bot, in another process, sends a note)."""
    done = notify or (api.processed if api is not None else None)
    if done is None:
        raise ValueError("give the fake server or a notify callback")

    class TracedApplication(Application):  # type: ignore[type-arg]
        async def process_update(self, update: object) -> None:
            try:
                await super().process_update(update)
            finally:
                update_id = getattr(update, "update_id", None)
                if update_id is not None:
                    done(update_id)

    return TracedApplication


def _chat(chat_id: int) -> dict[str, Any]:
    if chat_id < 0:
        return {"id": chat_id, "type": "group", "title": "Recovery group"}
    return {"id": chat_id, "type": "private", "first_name": "Sam"}


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


def _check_text(text: Any, parse_mode: Any, limit: int = TEXT_LIMIT) -> None:
    """Refuse what Telegram refuses: an empty text, or one longer than ``limit``."""
    shown = str(text or "")
    if str(parse_mode or "").upper() == "HTML":
        shown = _HTML.sub(lambda m: "x" if m.group().startswith("&") else "", shown)
    shown = shown.strip()
    if not shown:
        raise ApiError(400, "Bad Request: message text is empty")
    if len(shown.encode("utf-16-le")) // 2 > limit:
        what = "message caption is too long" if limit == CAPTION_LIMIT else "message is too long"
        raise ApiError(400, f"Bad Request: {what}")


def _check_markup(markup: Any) -> None:
    """At most 100 buttons; callback data of 1 to 64 bytes."""
    if not markup:
        return
    if isinstance(markup, str):
        markup = json.loads(markup)
    rows = markup.get("inline_keyboard") or []
    buttons = [button for row in rows for button in row]
    if len(buttons) > MAX_BUTTONS:
        raise ApiError(400, "Bad Request: reply markup is too long")
    for button in buttons:
        data = button.get("callback_data")
        if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_BYTES:
            raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")


def _chat_id_of(params: dict[str, Any]) -> int | None:
    try:
        return int(params["chat_id"])
    except (KeyError, TypeError, ValueError):
        return None


def _planned_error(code: int, retry_after: int | None) -> ApiError:
    descriptions = {
        429: f"Too Many Requests: retry after {retry_after}",
        502: "Bad Gateway",
        403: "Forbidden: bot was blocked by the user",
        400: "Bad Request: chat not found",
    }
    return ApiError(code, descriptions.get(code, "Error"), retry_after)


def _dropped(request: web.Request) -> web.Response:
    """No answer: the connection closes under the bot, as when a reply is lost."""
    if request.transport is not None:
        request.transport.abort()
    return web.Response(status=499)


def _error(exc: ApiError) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": exc.code, "description": exc.description}
    if exc.retry_after is not None:
        body["parameters"] = {"retry_after": exc.retry_after}
    return web.json_response(body, status=exc.code)
