"""The conversation service: the one place adapters call.

An adapter turns its channel's input into an engine event and a pseudonymous
key, calls ``Conversations``, and lays out the ``Turn`` it gets back.  Here we
load the session from SQLite, screen free text, run the engine, and commit the
answers before returning — so what a person sees next is always already saved.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bot.config import Settings, flow_reference_errors, language_reference_errors
from bot.conversation import Choice, Choose, Event, Prompt, Reply, Start, State, Stop
from bot.detect import SCRIPT_OF_LANGUAGE, Detection, detector_for, script_counts
from bot.engine import Engine
from bot.flows import Flow, Text, check_snapshots, load_flows
from bot.fragments import Fragments, Piece
from bot.i18n import Catalogue, load_catalogue
from bot.preferences import ChosenLanguages
from bot.redact import Redactor
from bot.repairs import repair_profiles
from bot.report.period import OpenSince
from bot.safety import MODEL, Hit, RiskScreen, signpost
from bot.sources import SourceErrors
from bot.store import AnswerMeta, Session, Store
from bot.typed import is_stop, typed_option

log = logging.getLogger(__name__)

MAX_UNFLAGGED = 1_000
"""Bound on first pieces of disclosures waiting to be flagged (a full disk, a held lock)."""

LANG_CHOICE = "lang:"
CONSENT_AGREE = "consent:agree"
CONSENT_DECLINE = "consent:decline"
SWITCH_OFFER = "_switch_language"
LANGUAGE_STEP = "_language"
SWITCH_AFTER = 2
"""Free-text answers in another language before we offer to switch to it."""
SWITCH_MIN_PROB = 0.85


@dataclass
class Turn:
    """What the adapter shows, in order: alert, messages, then the prompt."""

    lang: str
    messages: list[str] = field(default_factory=list)
    prompt: Prompt | None = None
    alert: str | None = None
    """Signposting to show first and prominently (e.g. helplines)."""
    error: bool = False
    finished: bool = False
    offer: Prompt | None = None
    """Optional, after the prompt: offer to carry on in the language the person writes in.
    Its choices are ``Choose`` values like any other, accepted at any point."""
    screened: bool = False
    """The typed text already went through ``screen`` (so its risk check is done)."""
    session: str | None = None
    """The session the prompt belongs to: adapters tag its buttons with it, so a
    button left on an old message cannot answer a later session."""


class Conversations:
    def __init__(
        self,
        settings: Settings,
        store: Store,
        flows: dict[str, Flow],
        catalogue: Catalogue | None = None,
    ):
        self.settings = settings
        self.store = store
        self._expire_sessions()
        self.flows = flows
        self.catalogue = catalogue or load_catalogue()
        self._engines: dict[tuple[str, int], Engine] = {}
        self.risk = RiskScreen.from_config(settings.risk_phrases)
        self.detector = detector_for(tuple(settings.languages))
        self.chosen = ChosenLanguages(store)
        self.fragments = Fragments()
        self._unflagged: dict[tuple[str, str], None] = {}
        # The helplines the bot shows are never redacted from what people say about them.
        self.redactor = Redactor(h.number for lines in settings.helplines.values() for h in lines)
        self._sources = self._option_sources()
        for flow in flows.values():
            self._engines[(flow.id, flow.version)] = Engine(flow, self.catalogue, self._sources)

    def _expire_sessions(self) -> None:
        """Unfinished sessions expire once their week's summary is due (``open_since``)."""
        r = self.settings.reports
        self.store.open_since = OpenSince(r.timezone, r.weekly_day, r.weekly_time)

    async def register_flows(self) -> None:
        """Snapshot every flow version in the store; call once at start-up.

        Then, once per database, sessions stored by older code get profile
        fields that follow their answers (``bot.repairs``).
        """
        errors = check_snapshots(
            self.settings.flows_dir, self.flows, await self.store.flow_snapshots()
        )
        if errors:
            raise SourceErrors(errors)
        for flow in self.flows.values():
            await self.store.register_flow(flow)
        await repair_profiles(self.store, self.settings)

    # -- the calls adapters make

    async def start(
        self,
        key: str,
        channel: str,
        *,
        flow_id: str | None = None,
        lang: str | None = None,
        site: str | None = None,
        mode: str = "own_device",
        restart: bool = False,
        consented: bool = False,
    ) -> Turn:
        """Begin a flow, or resume the person's unfinished one.

        ``consented``: the person already agreed elsewhere (a paper form carries
        its own privacy notice), so the notice is not shown again.
        """
        session = await self.store.current_session(key, channel)
        if session is not None and restart:
            await self._run(session, Stop())
            session = None
        if session is None:
            flow = self.flows[flow_id or self.settings.default_flow]
            # A language the person chose before wins over the one their phone suggests.
            lang = await self.chosen.get(key) or lang
            chosen_lang = lang in self.settings.languages
            lang = lang if chosen_lang else self.settings.default_language
            known_site = self.settings.site(site)
            preset = {"site": known_site.id} if known_site else {}
            engine = self._engines[(flow.id, flow.version)]
            state = engine.new_state(lang, preset)
            # Ask for a language only when the channel could not tell us one we offer.
            state.lang_chosen = chosen_lang or len(self.settings.languages) == 1
            state.consented = consented
            session = await self.store.create_session(
                key,
                channel,
                state,
                mode=mode,
                site=known_site.id if known_site else None,
                area=known_site.area if known_site else None,
            )
        turn = await self._run(session, Start())
        turn.session = session.id
        return turn

    async def handle(self, key: str, channel: str, event: Event, pieces: bool = True) -> Turn:
        """``pieces``: whether two quick messages may be one sentence sent in two
        (``bot.fragments``); not for answers a peer worker types in from a paper form.
        A message that is only "stop" (``typed.is_stop``) is /stop, not an answer."""
        if isinstance(event, Reply) and is_stop(event.text):
            event = Stop()
        session = await self.store.current_session(key, channel)
        return await self._handle_checked(session, event, key if pieces else None)

    async def handle_pick(
        self,
        key: str,
        channel: str,
        pick: Callable[[Prompt], Event | None],
        belongs: Callable[[str], bool] | None = None,
    ) -> tuple[Prompt | None, Turn | None]:
        """A tap on a button: ``pick`` says what it means on the question waiting.

        ``pick`` gets that question (as ``current_prompt`` gives it) and returns
        the event, or None when the button does not belong to it: then nothing
        is handled.  Returns (the question, the turn or None).  One read of the
        session instead of two, on the bot's commonest update.  ``belongs`` gets
        the open session's id: False (the button was made for another session)
        is treated as no session at all, (None, None).
        """
        session = await self.store.current_session(key, channel)
        if session is not None and belongs is not None and not belongs(session.id):
            return None, None
        prompt = await self._waiting(session)
        event = pick(prompt) if prompt is not None else None
        if event is None:
            return prompt, None
        return prompt, await self._handle_checked(session, event)

    async def _handle_checked(
        self, session: Session | None, event: Event, person: str | None = None
    ) -> Turn:
        piece = None
        if isinstance(event, Reply) and person is not None:
            piece = self.fragments.before(person, event.text)
        before = piece.text if piece is not None else None
        step = session.state.cursor if session is not None else None  # what a reply answers
        if self._unflagged:
            await self._flag_pieces()
        try:
            turn = await self._handle(session, event, before)
        except Exception:
            if person is not None and isinstance(event, Reply):
                # Nothing was stored (a full disk, a bug): the first piece waits again, or
                # this message becomes one, so the helplines for this failure and what is
                # sent next read it whole.
                self.fragments.keep(person, piece or Piece(event.text))
            raise
        turn.session = session.id if session is not None else None
        if isinstance(event, Reply) and turn.alert is None and not turn.screened:
            # Every typed message is checked, even one not stored (too long, before
            # consent, not an answer to this question): signposting is never missed.
            turn.alert = self.risk_alert(event.text, turn.lang, before=before)
        if isinstance(event, Reply) and person is not None:
            if turn.alert is None:
                stored = turn.screened and not turn.error and session is not None and step
                answer = (session.id, step) if stored and session is not None and step else None
                if piece is not None:  # joined and still nothing: a third piece reads both
                    self.fragments.keep(person, piece.then(event.text, answer))
                else:
                    self.fragments.keep(person, Piece(event.text, (answer,) if answer else ()))
            else:
                self.fragments.drop(person)
                if piece is not None and not self.risk.at_risk(event.text):
                    # The disclosure was the two pieces together: the first, stored as an
                    # answer, is part of it and is kept out of quotes like the second.
                    await self._flag_pieces(*piece.answers)
        wanted_a_tap = turn.prompt is not None and turn.prompt.kind != "text"
        if turn.alert is not None and turn.error and wanted_a_tap:
            # Helplines, then "Please choose one of the options", reads as not
            # listening.  The alert ends by saying the questions will wait for them.
            turn.messages = []
        return turn

    async def _handle(
        self, session: Session | None, event: Event, before: str | None = None
    ) -> Turn:
        lang = session.state.lang if session else self.settings.default_language
        if session is None:
            return Turn(lang, [self.catalogue.text("flow.no_session", lang)], error=True)
        if (
            isinstance(event, Choose)
            and event.value.startswith(LANG_CHOICE)
            and session.state.status == "active"
        ):
            return await self._switch_language(session, event.value.removeprefix(LANG_CHOICE))
        if isinstance(event, Reply):
            limit = self.settings.max_text_length
            if len(event.text) > limit:
                # Ask to shorten rather than cut: a cut answer could lose its point.
                text = self.catalogue.text(
                    "error.too_long", lang, limit=limit, length=len(event.text)
                )
                return await self._repeat(session, text)
        return await self._run(session, event, before)

    async def set_language(self, key: str, channel: str, lang: str) -> Turn | None:
        """Switch the current session's language, keeping every answer."""
        if lang not in self.settings.languages:
            return None
        session = await self.store.current_session(key, channel)
        if session is None:
            await self.chosen.remember(key, lang)  # for replies outside a flow, and the next one
            return None
        return await self._switch_language(session, lang)

    async def current_prompt(self, key: str, channel: str) -> Prompt | None:
        """The question waiting for an answer, including the language and consent ones.

        Adapters compare a tap against it, to refuse taps on an older question.
        """
        return await self._waiting(await self.store.current_session(key, channel))

    async def _waiting(self, session: Session | None) -> Prompt | None:
        if session is None:
            return None
        state = session.state
        if state.status == "new":
            if not state.lang_chosen:
                return self.language_prompt(state.lang)
            return None if state.consented else self._consent_prompt(state.lang)
        return (await self._engine(session)).prompt(state)

    async def language_of(self, key: str, channel: str) -> str | None:
        """The language of the person's open session, else the one they last chose, for
        system replies outside a turn."""
        session = await self.store.current_session(key, channel)
        return session.state.lang if session else await self.chosen.get(key)

    async def read_back(self, session_id: str, lang: str) -> list[tuple[str, str]]:
        """A session's stored answers as (question, answer) in ``lang``, in flow order."""
        session = await self.store.get_session(session_id)
        if session is None:
            return []
        engine = await self._engine(session)
        return engine.read_back(await self.store.answers(session_id), lang)

    async def forget(self, key: str) -> int:
        """Delete everything stored for this person; returns sessions removed."""
        await self.chosen.forget(key)
        self.fragments.drop(key)
        return await self.store.delete_respondent(key)

    # -- internals

    async def _run(self, session: Session, event: Event, before: str | None = None) -> Turn:
        """``before``: the person's previous message, if this one may finish it
        (``bot.fragments``)."""
        engine = await self._engine(session)
        fresh = session.state.status == "new"
        if fresh:
            gate = await self._before_flow(session, event)
            if gate is not None:
                return gate
            event = Start()
        alert = None
        meta: dict[str, AnswerMeta] = {}
        screened = False
        if isinstance(event, Reply) and session.state.cursor:
            text, answer_meta, alert = await self.screen(event.text, session.state.lang, before)
            screened = True
            event = Reply(text)
            meta[session.state.cursor] = answer_meta
        outcome = engine.handle(session.state, event)
        session.state = outcome.state
        # Saved with the answers, in one transaction: the row never disagrees with them.
        self._set_profile(session, engine.profile(session.state))
        offer = None
        if not outcome.error:
            offer = self._language_offer(session.state, meta.values(), outcome.prompt)
            if not await self.store.save(session, outcome.writes, meta):
                # Deleted while this turn was in hand (the purge, or /delete).
                lang = session.state.lang
                text = self.catalogue.text("flow.no_session", lang)
                return Turn(lang, [text], alert=alert, error=True)
        elif fresh:
            await self.store.save(session)  # the consent, without a first question
        return Turn(
            lang=outcome.state.lang,
            messages=list(outcome.messages),
            prompt=outcome.prompt,
            alert=alert,
            error=outcome.error,
            finished=outcome.state.finished,
            offer=offer,
            screened=screened,
        )

    async def _switch_language(self, session: Session, lang: str) -> Turn:
        """Carry on in ``lang`` from the current question, keeping every answer."""
        if lang not in self.settings.languages:
            return await self._repeat(
                session, self.catalogue.text("error.choose_option", session.state.lang)
            )
        session.state.lang = lang
        # Whoever has picked a language mid-flow has answered the question.
        session.state.switch_offered = True
        await self.store.save(session)
        await self._remember(session, lang)
        engine = await self._engine(session)
        return Turn(lang, prompt=engine.prompt(session.state), session=session.id)

    async def _remember(self, session: Session, lang: str) -> None:
        """Keep a person's own choice; not one made for a form a peer worker has in hand."""
        if session.mode == "own_device":
            await self.chosen.remember(session.respondent_key, lang)

    def _language_offer(
        self, state: State, metas: Iterable[AnswerMeta], prompt: Prompt | None
    ) -> Prompt | None:
        """Count answers clearly written in another language we offer; after a few, offer it once.

        Text in a language we do not offer counts for nothing: offering its
        nearest relative instead (Russian to someone writing Ukrainian) is worse
        than not offering at all.
        """
        for meta in metas:
            other = meta.detected_lang
            if (
                other in self.settings.languages
                and other != state.lang
                and meta.lang_clear
                and (meta.lang_prob or 0) >= SWITCH_MIN_PROB
            ):
                state.lang_hints[other] = state.lang_hints.get(other, 0) + 1
        wanted = [lang for lang, n in state.lang_hints.items() if n >= SWITCH_AFTER]
        if state.switch_offered or not wanted or prompt is None:
            return None
        state.switch_offered = True
        lang = max(wanted, key=lambda code: state.lang_hints[code])
        name = self.catalogue.languages[lang].native
        choices = (
            Choice(
                f"{LANG_CHOICE}{lang}",
                self.catalogue.text("language.switch_yes", lang, language=name),
            ),
            Choice(f"{LANG_CHOICE}{state.lang}", self.catalogue.text("language.switch_no", lang)),
        )
        text = self.catalogue.text("language.switch_offer", lang, language=name)
        return self._system_prompt(SWITCH_OFFER, text, choices, lang)

    async def _before_flow(self, session: Session, event: Event) -> Turn | None:
        """Language, then the privacy notice: both before any answer is stored.

        Returns the turn to show, or None when the flow may begin.
        """
        state = session.state
        if isinstance(event, Reply):
            # Typed instead of tapped: a number (any digit system) or a label chooses.
            waiting = await self._waiting(session)
            options = [(c.id, c.label) for c in waiting.choices] if waiting else []
            picked = typed_option(event.text, options, state.lang)
            event = Choose(picked) if picked is not None else event
        if isinstance(event, Stop):
            await self.store.delete_session(session.id)
            return Turn(
                state.lang, [self.catalogue.text("consent.declined", state.lang)], finished=True
            )
        if isinstance(event, Choose) and event.value.startswith(LANG_CHOICE):
            picked = event.value.removeprefix(LANG_CHOICE)
            if picked in self.settings.languages:
                state.lang, state.lang_chosen = picked, True
                await self.store.save(session)
                await self._remember(session, picked)
        if not state.lang_chosen:
            return Turn(state.lang, prompt=self.language_prompt(state.lang))
        if isinstance(event, Choose) and event.value == CONSENT_DECLINE:
            return await self._before_flow(session, Stop())
        if isinstance(event, Choose) and event.value == CONSENT_AGREE:
            # Saved by ``_run`` with the first question's state, in one transaction: a
            # second trip to the database thread, queued behind other people's commits,
            # on the update that begins every session.
            state.consented = True
        if not state.consented:
            picked_language = isinstance(event, Choose) and event.value.startswith(LANG_CHOICE)
            if not isinstance(event, Start) and not picked_language:
                # Something other than Agree or No thanks: say so, rather than repeat the notice.
                text = self.catalogue.text("error.choose_option", state.lang)
                return Turn(state.lang, [text], prompt=self._consent_prompt(state.lang), error=True)
            notice = self.catalogue.text(
                "privacy.notice", state.lang, retention_days=self.settings.retention_days
            )
            return Turn(state.lang, [notice], prompt=self._consent_prompt(state.lang))
        return None

    def language_prompt(self, lang: str) -> Prompt:
        """Each language named in its own script, so people can find theirs."""
        choices = tuple(
            Choice(f"{LANG_CHOICE}{code}", self.catalogue.languages[code].native)
            for code in self.settings.languages
        )
        return self._system_prompt(
            LANGUAGE_STEP, self.catalogue.text("language.choose", lang), choices, lang
        )

    def _consent_prompt(self, lang: str) -> Prompt:
        choices = (
            Choice(CONSENT_AGREE, self.catalogue.text("consent.agree", lang)),
            Choice(CONSENT_DECLINE, self.catalogue.text("consent.decline", lang)),
        )
        return self._system_prompt(
            "_consent", self.catalogue.text("consent.question", lang), choices, lang
        )

    def _system_prompt(
        self, step_id: str, text: str, choices: tuple[Choice, ...], lang: str
    ) -> Prompt:
        return Prompt(
            step_id=step_id,
            kind="choice",
            text=text,
            choices=choices,
            hint="",
            can_skip=False,
            can_back=False,
            number=0,
            total=0,
            progress="",
            skip_label=self.catalogue.text("button.skip", lang),
            back_label=self.catalogue.text("button.back", lang),
            stop_label=self.catalogue.text("button.stop", lang),
        )

    async def screen(
        self, text: str, lang: str, before: str | None = None
    ) -> tuple[str, AnswerMeta, str | None]:
        """Look at free text before it is stored: returns (text to store, meta, alert).

        Risk and language are judged on the raw text; only the redacted text is stored.
        ``before``: the message this one may finish (``bot.fragments``); if the two
        together hold a disclosure, this answer is flagged and signposted.
        """
        found = self.detector.detect(text)  # language: bot/detect.py, ~0.2 ms a call
        # Not detected again on a hit.
        alert = self.risk_alert(text, lang, lambda _: found, before=before)
        language = (
            {"detected_lang": found.lang, "lang_prob": found.prob, "lang_clear": found.clear}
            if found
            else {}
        )
        meta = AnswerMeta(risk_flag=alert is not None, **language)
        return self.redactor.redact(text), meta, alert

    async def failed_alert(self, key: str, text: str, lang: str) -> str | None:
        """Helplines for a message whose handling failed, read with the piece it may
        finish (``bot.fragments``), as its handling would have read it.  A stored first
        piece that the join shows to be part of a disclosure is flagged (best effort)."""
        piece = self.fragments.peek(key, text)
        if piece is not None and piece.text == text:
            piece = None  # the failed message itself, kept as a piece by _handle_checked
        alert = self.risk_alert(text, lang, before=piece.text if piece is not None else None)
        if (
            alert is not None
            and piece is not None
            and piece.answers
            and not self.risk.at_risk(text)
        ):
            await self._flag_pieces(*piece.answers)
        return alert

    async def _flag_pieces(self, *answers: tuple[str, str]) -> None:
        """Flag ``answers`` (the stored earlier pieces of a disclosure) and any that could not
        be flagged before.  Best effort: the helplines must not wait on the disk.  A piece
        that cannot be flagged now (a full disk, a lock held past the busy wait) is tried
        again on the next update; held in memory only, as ``bot.fragments`` is."""
        for answer in answers:
            self._unflagged[answer] = None
        while len(self._unflagged) > MAX_UNFLAGGED:
            del self._unflagged[next(iter(self._unflagged))]
        for pending in list(self._unflagged):
            try:
                await self.store.flag_risk(*pending)
            except sqlite3.Error as error:
                log.warning(
                    "a disclosure's first piece is not flagged yet: %s", type(error).__name__
                )
                return
            del self._unflagged[pending]

    def risk_alert(
        self,
        text: str,
        lang: str,
        detect: Callable[[str], Detection | None] | None = None,
        before: str | None = None,
    ) -> str | None:
        """Helplines in the person's language if ``text`` holds a risk phrase.

        The person's language is the one they wrote in, when that is clear and
        offered: someone whose phone is set to English, or who has not reached the
        language choice, and who writes in Arabic reads Arabic.  Else the
        session's.  Detected only on a hit: most text holds no risk phrase.  ``detect``:
        the language already detected (``screen``), instead of the detector.
        """
        hits = self.risk.hits(text)
        if not hits and before is not None:
            # Two pieces of one sentence: only the rules are trusted on the join.
            hits = [hit for hit in self.risk.hits(f"{before} {text}") if hit.lang != MODEL]
        categories = {hit.category for hit in hits}
        if not categories:
            return None
        found = (detect or self.detector.detect)(text)
        if found is not None and found.clear and found.lang in self.settings.languages:
            if not _romanised_elsewhere(text, found.lang, hits):
                lang = found.lang
        elif found is None or not found.clear:
            # Too short to detect ("хочу умереть", "vreau să mor"), but its script, or the
            # one offered language whose own words fired, may name the language.
            lang = (
                self.detector.by_script(text)
                or _written_in(text, hits, self.settings.languages)
                or lang
            )
        helplines = self.settings.helplines_for(lang)
        tentative = all(hit.tentative for hit in hits)
        return signpost(self.catalogue, helplines, lang, categories, tentative)

    async def _repeat(self, session: Session, message: str) -> Turn:
        engine = await self._engine(session)
        return Turn(session.state.lang, [message], prompt=engine.prompt(session.state), error=True)

    async def _engine(self, session: Session) -> Engine:
        """Sessions begun on an older flow version finish on that version."""
        key = (session.state.flow_id, session.state.flow_version)
        if key not in self._engines:
            flow = await self.store.flow_snapshot(*key)
            if flow is None:
                raise LookupError(f"no stored snapshot of flow {key[0]} v{key[1]}")
            self._engines[key] = Engine(flow, self.catalogue, self._sources)
        return self._engines[key]

    def _set_profile(self, session: Session, profile: dict[str, str | None]) -> None:
        """The session's site, area and group, from ``Engine.profile``: a site's area
        wins over an answered area (a site is in exactly one)."""
        site = self.settings.site(profile.get("site"))
        session.site = profile.get("site")
        session.area = site.area if site else profile.get("area")
        session.respondent_group = profile.get("respondent_group")

    def _option_sources(self) -> dict[str, list[tuple[str, Text]]]:
        groups = [
            (gid, dict(self.catalogue.messages.get(f"group.{gid}", {"en": gid})))
            for gid in self.settings.respondent_groups
        ]
        return {
            "sites": [(s.id, s.name) for s in self.settings.sites],
            "areas": [(a.id, a.name) for a in self.settings.areas],
            "respondent_groups": groups,
        }


def _romanised_elsewhere(text: str, detected: str, hits: Iterable[Hit]) -> bool:
    """Whether ``text`` is in Latin letters and its risk words all come from languages with
    a script of their own (Gujarati, Urdu, Punjabi, Bengali romanised; Arabizi), none from
    ``detected``.  The detector has no profile of those spellings and guesses: "badhi goli o
    khai lidhi" (Gujarati, all the tablets taken) reads as Somali, clearly.  The session's
    language is then better than a third one nobody wrote in."""
    own = {hit.lang for hit in hits if SCRIPT_OF_LANGUAGE.get(hit.lang, "Latin") != "Latin"}
    latin = {hit.lang for hit in hits if SCRIPT_OF_LANGUAGE.get(hit.lang) == "Latin"}
    if not own or latin or detected in own:
        return False
    scripts = script_counts(text)
    return bool(scripts) and scripts.most_common(1)[0][0] == "Latin"


def _written_in(text: str, hits: Iterable[Hit], offered: Iterable[str]) -> str | None:
    """The one offered language whose own risk words fired, if ``text`` is in its script:
    "vreau să mor" fired only Romanian words, so it is Romanian though too short for the
    detector.  None when words of two languages fired, or only the model or words of every
    language did, or the text is that language romanised (then ``_romanised_elsewhere``'s
    reasoning holds: the session's language is the better guess)."""
    langs = {hit.lang for hit in hits if hit.lang in set(offered)}
    if len(langs) != 1:
        return None
    lang = next(iter(langs))
    scripts = script_counts(text)
    if not scripts or scripts.most_common(1)[0][0] != SCRIPT_OF_LANGUAGE.get(lang, "Latin"):
        return None
    return lang


def option_ids(settings: Settings) -> dict[str, list[str]]:
    """The ids behind each ``options_from`` source, for checking flow conditions."""
    return {
        "sites": [s.id for s in settings.sites],
        "areas": [a.id for a in settings.areas],
        "respondent_groups": list(settings.respondent_groups),
    }


async def open_conversations(settings: Settings, store: Store | None = None) -> Conversations:
    """Load flows, open (and migrate) the database, and snapshot the flows.

    A store opened here is closed again if anything fails, so that a failed
    start-up exits instead of hanging on aiosqlite's thread.
    """
    problems = language_reference_errors(settings, load_catalogue().languages)
    if problems:
        raise SourceErrors(problems)
    flows = load_flows(settings.flows_dir, settings.languages, option_ids(settings))
    problems = flow_reference_errors(settings, flows)
    if problems:
        raise SourceErrors(problems)
    opened = store is None
    store = store or await Store.open(settings.database)
    try:
        conversations = Conversations(settings, store, flows)
        await conversations.register_flows()
    except BaseException:
        if opened:
            await store.close()
        raise
    return conversations
