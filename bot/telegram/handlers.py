"""Telegram updates in, ``Turn``s out: the thin layer between PTB and ``Conversations``.

Each handler turns one update into a pseudonymous key and an engine event,
calls the service, and lays out the ``Turn``.  Nothing about the conversation is
kept here: the database holds it, so a restart resumes where the person was.
The only memory is cosmetic (which message carries the live keyboard) or
protective (flood control, groups already told), and losing it is harmless.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
import traceback
from collections import OrderedDict
from datetime import timedelta
from typing import Any

from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import RetryAfter, TelegramError
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackContext,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.conversation import Reply, Stop
from bot.peer import PeerDesks
from bot.privacy import respondent_key
from bot.report.worker import ReportWorker
from bot.roles import Roles, join_reply
from bot.service import Conversations, Turn
from bot.store import storage_trouble
from bot.telegram import desk, network, praise, publish, review, staff, taps
from bot.telegram.alerts import UNDELIVERED, OwedAlerts, deliver
from bot.telegram.broadcast import Broadcaster
from bot.telegram.edits import close_keyboard, edit, together
from bot.telegram.flood import FloodGate, Verdict
from bot.telegram.gate import PRIVILEGED, RoleGate
from bot.telegram.layout import (
    DELETE_NO,
    DELETE_YES,
    LANGUAGE,
    callback_data,
    form_tag,
    keyboard,
    prompt_text,
)
from bot.telegram.live import Live, LiveKeyboards
from bot.typed import is_stop
from bot.updates import Subscriptions

CHANNEL = "telegram"
COMMANDS = ("start", "help", "privacy", "language", "stop", "delete", "news", "unsubscribe")
"""The public menu.  /join works for anyone but is not listed: staff are told of it."""
UNKNOWN_COMMAND = "telegram.unknown_command"
GROUPS_REMEMBERED = 1000

log = logging.getLogger(__name__)
Context = CallbackContext[Any, Any, Any, Any]


class TelegramChannel:
    def __init__(self, conversations: Conversations, secret: bytes, flood: FloodGate | None = None):
        self.conversations = conversations
        self.name = CHANNEL
        """The channel sessions are stored under."""
        self.settings = conversations.settings
        self.catalogue = conversations.catalogue
        self.secret = secret
        self.flood = flood or FloodGate(
            self.settings.flood_limit, self.settings.flood_window_seconds
        )
        self._groups_told: OrderedDict[str, None] = OrderedDict()
        """Groups already told the bot is private-only, by keyed hash; the oldest
        forgotten beyond ``GROUPS_REMEMBERED`` (they would only be told again)."""
        self.live = LiveKeyboards()
        self.roles = Roles(
            conversations.store,
            secret,
            max_attempts=self.settings.join_max_attempts,
            window=timedelta(minutes=self.settings.join_window_minutes),
        )
        self.gate = RoleGate(self.roles, self.key_of, self.reply_with(UNKNOWN_COMMAND))
        self.desks = PeerDesks(conversations, CHANNEL)
        self.subscriptions = Subscriptions(conversations.store)
        self.broadcaster = Broadcaster(conversations.store, self.catalogue)
        self.owed = OwedAlerts(conversations.store)
        """Helplines Telegram failed to deliver, sent first next time (``bot.telegram.alerts``)."""
        self.reports = ReportWorker(self.settings)
        """Summaries and exports, one at a time, off the event loop."""

    def handlers(self) -> list[tuple[int, BaseHandler[Any, Any, Any]]]:
        """Group -1 guards every update; in group 0 the first matching handler wins."""
        private = filters.ChatType.PRIVATE
        new = filters.UpdateType.MESSAGE
        commands = [
            CommandHandler(name, self.screened(getattr(self, f"on_{name}")), filters=private & new)
            for name in COMMANDS
        ]
        # Screened like the public commands: "/join" and then a disclosure is still read.
        commands.append(CommandHandler("join", self.screened(self.on_join), filters=private & new))
        commands += [
            CommandHandler(
                name, self.gate.wrap(name, getattr(self, f"on_{name}")), filters=private & new
            )
            for name in PRIVILEGED
        ]
        media = filters.VOICE | filters.AUDIO | filters.VIDEO | filters.VIDEO_NOTE
        personal = filters.LOCATION | filters.VENUE | filters.CONTACT
        # Service messages (pins, "allowed to write") are not the person saying anything.
        everything_else = filters.ALL & ~filters.StatusUpdate.ALL
        return [
            # Before the guard: being blocked is acted on even in the middle of a flood.
            (-2, ChatMemberHandler(self.on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER)),
            (-1, TypeHandler(Update, self.guard)),
            (0, MessageHandler(filters.UpdateType.EDITED, self.reply_with("telegram.edited"))),
            *((0, handler) for handler in commands),
            (0, MessageHandler(filters.COMMAND, self.reply_with(UNKNOWN_COMMAND))),
            (0, CallbackQueryHandler(self.on_tap)),
            (0, MessageHandler(filters.TEXT & new, self.on_text)),
            (0, MessageHandler(media, self.reply_with("telegram.voice"))),
            (0, MessageHandler(personal, self.reply_with("telegram.personal_not_saved"))),
            (0, MessageHandler(everything_else, self.reply_with("telegram.not_text"))),
        ]

    def key(self, user_id: int) -> str:
        return respondent_key(self.secret, CHANNEL, user_id)

    def person_of(self, update: Update) -> str | None:
        """Whose turn an update is, by key: their updates are handled one at a time."""
        if update.effective_user is not None:
            return self.key(update.effective_user.id)
        if update.effective_chat is not None:
            return respondent_key(self.secret, "telegram-group", update.effective_chat.id)
        return None

    def key_of(self, update: Update) -> str:
        return self._key_of(update)

    async def lang_of(self, update: Update) -> str:
        return await self._lang(update)

    def text(self, message_key: str, lang: str, **values: object) -> str:
        return self._t(message_key, lang, **values)

    async def publish_commands(self, bot: Any) -> None:
        """The command menu, in the default language and in each other enabled one."""
        for lang in self.settings.languages:
            menu = [BotCommand(n, self._t(f"telegram.command.{n}", lang)) for n in COMMANDS]
            code = None if lang == self.settings.default_language else lang
            await bot.set_my_commands(menu, language_code=code)

    # -- before any handler

    async def guard(self, update: Update, context: Context) -> None:
        """Private chats only, and no floods: both stop the update before it is handled."""
        chat, user = update.effective_chat, update.effective_user
        if chat is None or user is None or chat.type != ChatType.PRIVATE:
            if chat is not None and user is not None:
                await self._refuse_group(update, context)
            if update.callback_query is not None:
                # A button in a group (forwarded, or forged) is ignored, but answered,
                # or it spins on the phone of whoever tapped it.
                with contextlib.suppress(TelegramError):
                    await update.callback_query.answer()
            raise ApplicationHandlerStop
        key = self.key(user.id)
        if (debt := await self.owed.take(key)) is not None:
            # Helplines Telegram failed to deliver go before anything else this update
            # does: a tap's pop-up, /news, a /delete that would take the debt with it.
            with contextlib.suppress(*UNDELIVERED):  # still failing: owed again
                await self._say_alert(context, chat.id, debt)
        verdict = self.flood.check(key)
        if verdict is not Verdict.PASS:
            # Someone in distress may type in bursts: what the flood drops is still read
            # for risk, and the helplines come first (once a window), before "slow down".
            await self._signpost_dropped(update, context, key)
        if verdict is Verdict.WARN:
            await self._say(
                context, chat.id, self._t("telegram.slow_down", await self._lang(update))
            )
        if verdict is not Verdict.PASS:
            if update.callback_query is not None:
                # A dropped tap is still answered, or the button spins on their phone.
                with contextlib.suppress(TelegramError):
                    await update.callback_query.answer()
            raise ApplicationHandlerStop

    async def _signpost_dropped(self, update: Update, context: Context, key: str) -> None:
        message = update.effective_message
        written = (message.text or message.caption) if message is not None else None
        if written and self.conversations.risk.at_risk(written) and self.flood.alert_once(key):
            await self.signpost(update, context)

    async def _refuse_group(self, update: Update, context: Context) -> None:
        chat = update.effective_chat
        assert chat is not None
        # Remember groups by keyed hash, so not even memory holds a chat id in plain form.
        tag = respondent_key(self.secret, "telegram-group", chat.id)
        if update.effective_message is None or tag in self._groups_told:
            return
        self._groups_told[tag] = None
        if len(self._groups_told) > GROUPS_REMEMBERED:
            self._groups_told.popitem(last=False)
        lang = self.settings.default_language
        await self._say(context, chat.id, self._t("telegram.private_only", lang))

    async def on_my_chat_member(self, update: Update, context: Context) -> None:
        """The person blocked the bot (or deleted the chat): their opt-in goes at once.

        We can no longer write to them, and keeping their chat id would be keeping
        it for nothing.  Nothing else about them is touched: their answers stay
        anonymous and in the reports, as if they had simply gone quiet.
        """
        change, chat = update.my_chat_member, update.effective_chat
        gone = (ChatMemberStatus.BANNED, ChatMemberStatus.LEFT)
        if (
            change is not None
            and chat is not None
            and chat.type == ChatType.PRIVATE
            and change.new_chat_member.status in gone
        ):
            removed = await self.subscriptions.remove(chat.id)
            log.info("a person blocked the bot; opt-in removed: %s", removed)
        raise ApplicationHandlerStop

    # -- commands

    async def on_start(self, update: Update, context: Context) -> None:
        user = update.effective_user
        assert user is not None
        payload = context.args[0] if context.args else ""
        site = payload.removeprefix("site_") if payload.startswith("site_") else None
        # Telegram's language is a hint for this call only: never stored or logged.
        hint = (user.language_code or "")[:2].lower() or None
        await self.desks.close(self.key(user.id))  # a peer worker back to their own chat
        turn = await self.conversations.start(self.key(user.id), CHANNEL, lang=hint, site=site)
        await self.show(update, context, turn)

    async def on_help(self, update: Update, context: Context) -> None:
        await self.reply(update, context, "telegram.help")

    async def on_privacy(self, update: Update, context: Context) -> None:
        await self.reply(
            update, context, "telegram.privacy", retention_days=self.settings.retention_days
        )

    async def on_language(self, update: Update, context: Context) -> None:
        """The language picker for the form in hand: a peer's desk form, else their own."""
        key = await desk.form_in_hand(self, self._key_of(update))
        session = await self.conversations.store.current_session(key, CHANNEL)
        sid = session.id if session else None
        current = await self.conversations.current_prompt(key, CHANNEL)
        if current is not None and current.step_id == "_language":
            turn = Turn(self.settings.default_language, prompt=current, session=sid)
            await self.show(update, context, turn)
            return
        lang = session.state.lang if session else await self._lang(update)
        prompt = self.conversations.language_prompt(lang)
        markup = keyboard(prompt, LANGUAGE, form=form_tag(sid))
        await self._say(context, _chat_id(update), prompt_text(prompt), markup)

    async def on_stop(self, update: Update, context: Context) -> None:
        if await desk.answer(self, update, context, Stop()):
            return
        turn = await self.conversations.handle(self._key_of(update), CHANNEL, Stop())
        await self.show(update, context, turn)

    async def on_delete(self, update: Update, context: Context) -> None:
        lang = await self._lang(update)
        form = await self.deletion_tag(self._key_of(update))
        buttons = InlineKeyboardMarkup(
            [
                [
                    _button(
                        self._t("telegram.delete_yes", lang), callback_data(DELETE_YES, form=form)
                    )
                ],
                [_button(self._t("telegram.delete_no", lang), callback_data(DELETE_NO, form=form))],
            ]
        )
        await self._say(
            context, _chat_id(update), self._t("telegram.delete_confirm", lang), buttons
        )

    async def deletion_tag(self, key: str) -> str | None:
        """What a /delete question was asked about: the person's newest session then.

        A "Yes" tapped after they have begun another form is stale: it would delete
        answers they gave after being asked.
        """
        return form_tag(await self.conversations.store.newest_session_id(key) or "none")

    async def on_join(self, update: Update, context: Context) -> None:
        """Redeem an invite code.  The code is never logged: it is a password until used."""
        typed = " ".join(context.args or [])
        if not typed:
            await self.reply(update, context, "join.usage")
            return
        result = await self.roles.join(self._key_of(update), typed)
        log.info("a /join attempt: %s", result.status)
        lang = await self._lang(update)
        reply = join_reply(self.catalogue, result, lang, self.settings)
        await self._say(context, _chat_id(update), reply)

    # -- staff and peer commands (behind the role gate: see bot.telegram.gate)

    async def on_summary(self, update: Update, context: Context) -> None:
        await staff.on_summary(self, update, context)

    async def on_export(self, update: Update, context: Context) -> None:
        await staff.on_export(self, update, context)

    async def on_assist(self, update: Update, context: Context) -> None:
        await desk.on_open(self, update, context, "peer_assisted")

    async def on_paper(self, update: Update, context: Context) -> None:
        await desk.on_open(self, update, context, "paper")

    async def on_review(self, update: Update, context: Context) -> None:
        await review.on_review(self, update, context)

    async def on_update(self, update: Update, context: Context) -> None:
        await network.on_update(self, update, context)

    async def on_publish(self, update: Update, context: Context) -> None:
        await publish.on_publish(self, update, context)

    async def on_praise(self, update: Update, context: Context) -> None:
        await praise.on_praise(self, update, context)

    async def on_news(self, update: Update, context: Context) -> None:
        await network.on_news(self, update, context)

    async def on_unsubscribe(self, update: Update, context: Context) -> None:
        await network.on_unsubscribe(self, update, context)

    # -- answers

    async def on_text(self, update: Update, context: Context) -> None:
        message = update.effective_message
        assert message is not None and message.text is not None
        if await desk.answer(self, update, context, Reply(message.text)):
            return
        if is_stop(message.text, unsubscribe=True) and await self._news_only(update):
            # "STOP" to the news, with no form to stop: as the UK answers unwanted texts.
            await self.on_unsubscribe(update, context)
            return
        turn = await self.conversations.handle(self._key_of(update), CHANNEL, Reply(message.text))
        await self.show(update, context, turn)
        if turn.finished and not is_stop(message.text):  # "STOP" is /stop: no offer after it
            await network.offer_opt_in(self, update, context, turn.lang)

    async def _news_only(self, update: Update) -> bool:
        """Subscribed to news or a reminder, and no form open."""
        chat = update.effective_chat
        assert chat is not None
        if await self.conversations.store.current_session(self._key_of(update), CHANNEL):
            return False
        return await self.subscriptions.get(chat.id) is not None

    async def on_tap(self, update: Update, context: Context) -> None:
        await taps.on_tap(self, update, context)

    # -- kind replies and errors

    def reply_with(self, message_key: str) -> Any:
        """A handler that answers with one system message and changes nothing stored.

        What the person wrote is still read for risk first (an edit, a photo's
        caption, an unknown command): nothing is saved, but helplines are never
        withheld because of how something was sent.
        """

        async def handler(update: Update, context: Context) -> None:
            await self.signpost(update, context)
            await self.reply(update, context, message_key)

        handler.__name__ = f"reply_{message_key.rsplit('.', 1)[-1]}"
        return handler

    def screened(self, command: Any) -> Any:
        """A public command that reads what follows it for risk first ("/help I want
        to die", "/stop" and a line of why): helplines, then the command's own reply."""

        async def handler(update: Update, context: Context) -> None:
            if context.args:
                await self.signpost(update, context)
            await command(update, context)

        handler.__name__ = command.__name__
        return handler

    async def signpost(self, update: Update, context: Context, *, failed: bool = False) -> None:
        """Helplines at once if the message's text or caption holds a risk phrase.

        ``failed``: its handling failed, so it is read with the piece it may finish, as
        its handling would have read it (``bot.fragments``)."""
        message = update.effective_message
        written = (message.text or message.caption) if message is not None else None
        if not written:
            return
        lang = await self._lang_or_default(update)
        if failed and update.effective_user is not None and not written.startswith("/"):
            alert = await self.conversations.failed_alert(self._key_of(update), written, lang)
        else:
            alert = self.conversations.risk_alert(written, lang)
        if alert is not None:
            await self._say_alert(context, _chat_id(update), alert)

    async def on_error(self, update: object, context: Context) -> None:
        """Log what failed and where, never who or what they wrote."""
        error = context.error
        if isinstance(error, RetryAfter):
            log.warning("Telegram asked us to slow down: %s", error.message)
            return
        if error is None:
            return
        # Whatever failed (a full disk, a locked database, a bug), a disclosure in the
        # message still gets the helplines: "could not save" alone would leave someone
        # who has just said they took an overdose with nothing.
        await self._signpost_failed(update, context)
        if trouble := storage_trouble(error):
            # Nothing was stored (one transaction, rolled back): they can send it again.
            log.warning("an update was not saved: the database is %s", trouble)
            await self._not_saved(update, context)
            return
        frames = traceback.extract_tb(error.__traceback__)[-4:]
        where = " <- ".join(
            f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in reversed(frames)
        )
        detail = f": {error.message}" if isinstance(error, TelegramError) else ""
        log.error("handling an update failed with %s%s at %s", type(error).__name__, detail, where)
        if isinstance(update, Update) and update.effective_chat is not None:
            with contextlib.suppress(TelegramError):
                lang = await self._lang_or_default(update)
                await self._say(context, update.effective_chat.id, self._t("telegram.error", lang))

    async def _signpost_failed(self, update: object, context: Context) -> None:
        """Helplines for a message whose handling failed, if it holds a risk phrase."""
        if not isinstance(update, Update) or update.effective_message is None:
            return
        try:
            await self.signpost(update, context, failed=True)
        except Exception as error:  # the risk screen itself may be what failed
            # The reply below ("could not save", "something went wrong") must still go.
            log.error(
                "the helplines for a failed update could not be sent: %s", type(error).__name__
            )

    async def _not_saved(self, update: object, context: Context) -> None:
        if not isinstance(update, Update) or update.effective_chat is None:
            return
        lang = await self._lang_or_default(update)
        with contextlib.suppress(TelegramError):
            if update.callback_query is not None:
                await update.callback_query.answer()  # or the button spins on their phone
            await self.reply(update, context, "telegram.not_saved", lang)

    # -- showing a turn

    async def show(
        self, update: Update, context: Context, turn: Turn, *, compact: bool = False
    ) -> None:
        """Alert first (its own message), then messages, then the question with its buttons.

        ``compact``: paper entry's numbered keyboard.
        """
        chat_id = _chat_id(update)
        prompt = turn.prompt
        form = form_tag(turn.session)
        live = self.live.get(self.key(chat_id))
        still_shown = (
            prompt is not None
            and turn.error
            and live is not None
            and (live.step_id, live.form) == (prompt.step_id, form)
        )
        # The old question's buttons are taken away while the new messages go out (the
        # sends keep their order among themselves): one round trip, not two.
        closing = None if still_shown else self.live.pop(self.key(chat_id))

        async def say() -> None:
            if turn.alert:
                await self._say_alert(context, chat_id, turn.alert)
            for text in turn.messages:
                await self._say(context, chat_id, text)
            if prompt is None or still_shown:
                return  # finished; or the question is still on screen with its buttons
            markup = keyboard(prompt, compact=compact, form=form)
            sent = await self._say(context, chat_id, prompt_text(prompt, compact=compact), markup)
            if markup is not None:
                self.live.set(self.key(chat_id), Live(sent.message_id, prompt.step_id, form))

        if closing is None:
            await say()
        else:
            await together(close_keyboard(context.bot, chat_id, closing.message_id), say())

    async def answered(self, context: Context, message: object, record: str | None) -> None:
        """Turn a tapped question into a record of the answer, without buttons."""
        if not isinstance(message, Message):
            return
        key = self.key(message.chat_id)
        live = self.live.get(key)
        if live is not None and live.message_id == message.message_id:
            self.live.pop(key)
        if record is None:
            await self.edit(message, markup=None)
        else:
            await self.edit(message, text=record, markup=None)

    async def close_open_prompt(self, context: Context, chat_id: int) -> None:
        live = self.live.pop(self.key(chat_id))  # private chats: the chat id is the user's
        if live is not None:
            await close_keyboard(context.bot, chat_id, live.message_id)

    async def edit(
        self, message: object, *, text: str | None = None, markup: InlineKeyboardMarkup | None
    ) -> None:
        await edit(message, text=text, markup=markup)

    async def _say(
        self,
        context: Context,
        chat_id: int,
        text: str,
        markup: InlineKeyboardMarkup | None = None,
    ) -> Message:
        if (owed := await self.owed.take(self.key(chat_id))) is not None:
            # Helplines Telegram failed to deliver last time go before anything else.
            await self._say_alert(context, chat_id, owed)
        return await context.bot.send_message(chat_id, text, reply_markup=markup)

    async def _say_alert(self, context: Context, chat_id: int, alert: str) -> Message:
        """The helplines, tried again if Telegram fails, and owed if it keeps failing."""
        send = lambda text: context.bot.send_message(chat_id, text)  # noqa: E731
        try:
            return await deliver(send, self.owed, self.key(chat_id), alert)
        except UNDELIVERED:
            self.owed.chase(self.key(chat_id), chat_id, time.monotonic())
            raise

    async def chase_owed(self, bot: Bot) -> None:
        """Owed helplines tried again unasked (a job, ``bot.telegram.jobs``): the person may
        write nothing more, and Telegram may be back."""
        for key, chat_id in self.owed.chased(time.monotonic()):
            debt = await self.owed.take(key)
            if debt is None:  # paid by an update meanwhile
                self.owed.caught(key)
                continue
            try:
                await bot.send_message(chat_id, debt)
            except UNDELIVERED:
                await self.owed.owe(key, debt)  # still down: next time
            except TelegramError as exc:  # blocked, or the chat is gone: nobody to tell
                log.warning("owed helplines could not be sent: %s", type(exc).__name__)
                self.owed.caught(key)
            else:
                self.owed.caught(key)

    async def reply(
        self,
        update: Update,
        context: Context,
        message_key: str,
        lang: str | None = None,
        **values: object,
    ) -> None:
        lang = lang or await self._lang(update)
        await self._say(context, _chat_id(update), self._t(message_key, lang, **values))

    async def _lang(self, update: Update) -> str:
        """The person's session language, else Telegram's hint if we offer it, else the default."""
        user = update.effective_user
        if user is None:
            return self.settings.default_language
        stored = await self.conversations.language_of(self.key(user.id), CHANNEL)
        hint = (user.language_code or "")[:2].lower()
        if stored:
            return stored
        return hint if hint in self.settings.languages else self.settings.default_language

    async def _lang_or_default(self, update: Update) -> str:
        """``_lang``, or the default language when the database cannot be read (a full disk,
        a lock): the helplines and the reply saying what failed must still go out."""
        try:
            return await self._lang(update)
        except sqlite3.Error:
            return self.settings.default_language

    def _key_of(self, update: Update) -> str:
        assert update.effective_user is not None
        return self.key(update.effective_user.id)

    def _t(self, message_key: str, lang: str, **values: object) -> str:
        return self.catalogue.text(message_key, lang, **values)


def _chat_id(update: Update) -> int:
    assert update.effective_chat is not None
    return update.effective_chat.id


def _button(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=data)
