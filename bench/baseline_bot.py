"""Benchmark 3's baseline: the service_feedback flow written the canonical PTB way.

One handler per step in a ``ConversationHandler``, answers in ``user_data``,
``PicklePersistence`` saving both, PTB defaults everywhere else — the shape of
python-telegram-bot's ``examples/persistentconversationbot.py``, with inline
keyboards as in ``examples/inlinekeyboard2.py``.  It asks the same questions
with the same buttons and makes the same Bot API calls per update as our bot
(answer the tap, turn the question into a record, send the next one), so the
load driver cannot tell them apart.  English only, no Back button, no
redaction, risk or language screening: it does less work than ours.

Run it by hand against the fake Bot API:

    python -m tests.e2e.fakebotapi --port 8081
    python bench/baseline_bot.py --base-url http://127.0.0.1:8081/bot
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    MessageHandler,
    PicklePersistence,
    filters,
)
from telegram.warnings import PTBUserWarning

CONSENT, GROUP, SITE, STAGES, RATING, STAGE_TEXT, NEEDS, GAPS = range(8)

NOTICE = (
    "Before we start, how we look after your answers:\n• It is anonymous.\n"
    "• Answers are deleted after 365 days. You can delete yours at any time with /delete."
)
INTRO = "Thank you for helping us improve. This takes about 5 minutes."
OUTRO = "Thank you. Your answers are saved."
GROUPS = [
    ("service_user", "I use drug or alcohol services"),
    ("family_carer", "Family member or carer"),
    ("provider_staff", "I work for a treatment service"),
    ("other_professional", "Other professional"),
    ("other", "Other"),
]
SITES = [
    ("cambridge_hub", "Cambridge hub"),
    ("huntingdon_hub", "Huntingdon hub"),
    ("wisbech_hub", "Wisbech hub"),
    ("peterborough_hub", "Peterborough hub"),
    ("hmp_peterborough", "HMP Peterborough"),
    ("young_peoples_service", "Young people's service"),
]
STAGE_OPTIONS = [
    ("referral", "Getting referred, or finding the service"),
    ("assessment", "First assessment"),
    ("treatment", "Treatment and support"),
    ("step_down", "Step-down and recovery support"),
]
SATISFACTION = [
    ("very_satisfied", "Very satisfied"),
    ("satisfied", "Satisfied"),
    ("neither", "Neither satisfied nor dissatisfied"),
    ("dissatisfied", "Dissatisfied"),
    ("very_dissatisfied", "Very dissatisfied"),
    ("prefer_not_to_say", "Prefer not to say"),
]
NEEDS_OPTIONS = [
    ("mental_health", "Mental health needs"),
    ("housing", "Housing problems"),
    ("criminal_justice", "Contact with police, courts, prison or probation"),
    ("disability", "A disability"),
    ("abuse_history", "Experience of abuse"),
    ("none", "None of these"),
    ("prefer_not_to_say", "Prefer not to say"),
]
STAGE_NAMES = dict(STAGE_OPTIONS)
Options = list[tuple[str, str]]


def keyboard(options: Options, *, ticked: list[str] | None = None, multi: bool = False) -> Any:
    rows = [
        [InlineKeyboardButton(("✓ " if oid in (ticked or []) else "") + label, callback_data=oid)]
        for oid, label in options
    ]
    if multi:
        rows.append([InlineKeyboardButton("Done", callback_data="done")])
    rows.append([InlineKeyboardButton("Skip", callback_data="skip")])
    return InlineKeyboardMarkup(rows)


async def ask(
    update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, markup: Any = None
) -> None:
    assert update.effective_chat is not None and context.user_data is not None
    sent = await context.bot.send_message(update.effective_chat.id, text, reply_markup=markup)
    context.user_data["open"] = sent.message_id


async def record(update: Update, options: Options) -> str:
    """Answer the tap and turn the question into a record of the answer."""
    query = update.callback_query
    assert query is not None and query.message is not None
    await query.answer()
    chosen = dict(options).get(query.data or "", "Skipped")
    await query.edit_message_text(f"{query.message.text}\n\n✓ {chosen}")  # type: ignore[union-attr]
    return query.data or "skip"


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    assert context.user_data is not None
    context.user_data.clear()
    await ask(update, context, NOTICE)
    await ask(
        update,
        context,
        "Are you happy to go ahead?",
        InlineKeyboardMarkup(
            [
                [InlineKeyboardButton("Yes, I agree, let's start", callback_data="agree")],
                [InlineKeyboardButton("No thanks", callback_data="decline")],
            ]
        ),
    )
    return CONSENT


async def consent(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    choice = await record(update, [("agree", "Yes, I agree, let's start"), ("decline", "No")])
    if choice != "agree":
        return ConversationHandler.END
    await ask(update, context, INTRO)
    await ask(update, context, "Which of these best describes you?", keyboard(GROUPS))
    return GROUP


async def group(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    assert context.user_data is not None
    context.user_data["group"] = await record(update, GROUPS)
    await ask(update, context, "Which service or hub is this feedback about?", keyboard(SITES))
    return SITE


async def site(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    assert context.user_data is not None
    context.user_data["site"] = await record(update, SITES)
    context.user_data["draft"] = []
    await ask(update, context, "Which parts of the service have you been through?", STAGES_KB)
    return STAGES


STAGES_KB = keyboard(STAGE_OPTIONS, multi=True)


async def toggle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int | None:
    """A tick in a multi-select: edit the buttons, stay in the same state."""
    query = update.callback_query
    assert query is not None and context.user_data is not None
    draft: list[str] = context.user_data.setdefault("draft", [])
    if query.data in draft:
        draft.remove(query.data)
    else:
        draft.append(query.data or "")
    await query.answer()
    options = NEEDS_OPTIONS if "stages" in context.user_data else STAGE_OPTIONS
    await query.edit_message_reply_markup(keyboard(options, ticked=draft, multi=True))
    return None


async def stages_done(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    assert context.user_data is not None
    query = update.callback_query
    assert query is not None and query.message is not None
    await query.answer()
    chosen = [oid for oid, _ in STAGE_OPTIONS if oid in context.user_data["draft"]]
    labels = "\n".join(f"✓ {STAGE_NAMES[c]}" for c in chosen)
    await query.edit_message_text(f"{query.message.text}\n\n{labels}")  # type: ignore[union-attr]
    context.user_data["stages"] = chosen
    context.user_data["pending"] = list(chosen)
    context.user_data["draft"] = []
    return await next_stage(update, context)


async def next_stage(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    assert context.user_data is not None
    pending: list[str] = context.user_data["pending"]
    if pending:
        name = STAGE_NAMES[pending[0]].lower()
        await ask(update, context, f"How satisfied were you with {name}?", keyboard(SATISFACTION))
        return RATING
    if context.user_data.get("group") not in ("provider_staff", "other_professional"):
        await ask(update, context, "Do any of these apply to you?", NEEDS_KB)
        return NEEDS
    await ask(update, context, "Is there any support you needed but could not get?", SKIP_KB)
    return GAPS


NEEDS_KB = keyboard(NEEDS_OPTIONS, multi=True)
SKIP_KB = InlineKeyboardMarkup([[InlineKeyboardButton("Skip", callback_data="skip")]])


async def rating(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    assert context.user_data is not None
    stage = context.user_data["pending"][0]
    context.user_data[f"{stage}_satisfaction"] = await record(update, SATISFACTION)
    name = STAGE_NAMES[stage].lower()
    await ask(update, context, f"What would have made {name} better?", SKIP_KB)
    return STAGE_TEXT


async def close_open(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Typed instead of tapped: take the buttons off the question."""
    assert update.effective_chat is not None and context.user_data is not None
    await context.bot.edit_message_reply_markup(
        update.effective_chat.id, context.user_data["open"], reply_markup=None
    )


async def stage_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    assert update.message is not None and context.user_data is not None
    stage = context.user_data["pending"].pop(0)
    context.user_data[f"{stage}_better"] = update.message.text
    await close_open(update, context)
    return await next_stage(update, context)


async def needs_done(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    assert context.user_data is not None
    query = update.callback_query
    assert query is not None and query.message is not None
    await query.answer()
    chosen = [oid for oid, _ in NEEDS_OPTIONS if oid in context.user_data["draft"]]
    labels = "\n".join(f"✓ {dict(NEEDS_OPTIONS)[c]}" for c in chosen)
    await query.edit_message_text(f"{query.message.text}\n\n{labels}")  # type: ignore[union-attr]
    context.user_data["additional_needs"] = chosen
    await ask(update, context, "Is there any support you needed but could not get?", SKIP_KB)
    return GAPS


async def gaps(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    assert update.message is not None and context.user_data is not None
    context.user_data["gaps"] = update.message.text
    await close_open(update, context)
    await ask(update, context, OUTRO)
    return ConversationHandler.END


async def stop(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    assert update.message is not None
    await update.message.reply_text("Stopped. Send /start to begin again.")
    return ConversationHandler.END


def build_baseline(
    token: str,
    pickle_path: Path,
    *,
    base_url: str | None = None,
    application_class: type[Application[Any, Any, Any, Any, Any, Any]] = Application,
) -> Application[Any, Any, Any, Any, Any, Any]:
    """PTB defaults but for where the Bot API is and where the pickle goes."""
    persistence = PicklePersistence(filepath=pickle_path)
    builder = Application.builder().token(token).persistence(persistence)
    builder = builder.application_class(application_class)
    if base_url:
        builder = builder.base_url(base_url)
    app = builder.build()
    with warnings.catch_warnings():
        # per_message=False is PTB's default: the warning is about taps on older messages.
        warnings.simplefilter("ignore", PTBUserWarning)
        conversation = _conversation()
    app.add_handler(conversation)
    return app


def _conversation() -> ConversationHandler[Any]:
    text = filters.TEXT & ~filters.COMMAND
    multi = "^(?!done$|skip$)"
    return ConversationHandler(
        entry_points=[CommandHandler("start", start)],
        states={
            CONSENT: [CallbackQueryHandler(consent)],
            GROUP: [CallbackQueryHandler(group)],
            SITE: [CallbackQueryHandler(site)],
            STAGES: [
                CallbackQueryHandler(stages_done, pattern="^(done|skip)$"),
                CallbackQueryHandler(toggle, pattern=multi),
            ],
            RATING: [CallbackQueryHandler(rating)],
            STAGE_TEXT: [MessageHandler(text, stage_text)],
            NEEDS: [
                CallbackQueryHandler(needs_done, pattern="^(done|skip)$"),
                CallbackQueryHandler(toggle, pattern=multi),
            ],
            GAPS: [MessageHandler(text, gaps)],
        },
        fallbacks=[CommandHandler("stop", stop)],
        name="feedback",
        persistent=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8081/bot")
    parser.add_argument("--token", default="123456:TEST-token")
    parser.add_argument("--pickle", type=Path, default=Path("baseline.pickle"))
    args = parser.parse_args()
    if not args.base_url.startswith("http://127.0.0.1:"):
        sys.exit("the baseline bot is for local benchmarks: give a 127.0.0.1 base URL")
    build_baseline(args.token, args.pickle, base_url=args.base_url).run_polling()


if __name__ == "__main__":
    main()
