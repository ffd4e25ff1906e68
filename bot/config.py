"""The service's settings: ``config.yaml``, overridable from the environment.

Environment variables use the prefix ``FEEDBACK_BOT_`` and ``__`` for nesting,
e.g. ``FEEDBACK_BOT_DATABASE=/srv/feedback.db`` or
``FEEDBACK_BOT_TELEGRAM__MODE=webhook``.  Secrets (bot token, hashing key) are
never read from this file: see ``bot.privacy``.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
)

from bot.config_env import environment_paths
from bot.sources import Document, Loc, SourceError, SourceErrors, load_yaml
from bot.translations import localise

DEFAULT_CONFIG = Path("config.yaml")
LANG_CODE = re.compile(r"^[a-z]{2}$")
FALLBACK_LANGUAGE = "en"
Ident = str


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Area(_Strict):
    id: Ident
    name: dict[str, str]


SITE_PREFIX = "site_"
"""A site's share link is ``t.me/<bot>?start=site_<id>``."""
_START_PARAMETER = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
"""Telegram's rule for a deep-link start parameter: letters, digits, ``_`` and ``-``, at
most 64.  Anything else and Telegram drops the parameter, so the site is never preset."""


ODS_CODE = re.compile(r"^[A-Z0-9]{3,10}$")
"""An NHS Organisation Data Service code: capital letters and digits (RT5, NQ101, Y02345)."""


class Site(_Strict):
    id: Ident
    area: Ident
    name: dict[str, str]
    ods_code: str | None = None
    """The site's NHS ODS code, for the monthly Friends and Family Test return."""

    @field_validator("ods_code")
    @classmethod
    def _ods_shape(cls, value: str | None) -> str | None:
        if value is not None and not ODS_CODE.match(value):
            raise ValueError(
                f"{value!r} is not an NHS ODS code: 3 to 10 capital letters and digits,"
                " e.g. RT5 or NQ101 (look it up at https://odsportal.digital.nhs.uk)"
            )
        return value

    @field_validator("id")
    @classmethod
    def _fits_a_start_link(cls, value: str) -> str:
        payload = SITE_PREFIX + value
        if not _START_PARAMETER.match(payload):
            limit = 64 - len(SITE_PREFIX)
            raise ValueError(
                f"site id {value!r} cannot go in a Telegram share link: use only letters,"
                f" digits, _ and -, at most {limit} characters"
            )
        return value


class Helpline(_Strict):
    name: str
    """In English: the name people know it by, and what the catalogue translates."""
    number: str
    note: dict[str, str] = Field(default_factory=dict)
    name_translations: dict[str, str] = Field(default_factory=dict, exclude=True)
    """The name in other languages, from ``locale/`` (``config:helplines:...:name``)."""

    @model_validator(mode="before")
    @classmethod
    def _translated_name(cls, data: Any) -> Any:
        """The catalogues fill a helpline's ``name`` with a map of languages, as they do
        every translatable text; the English stays ``name``, the rest is kept beside it."""
        if isinstance(data, dict) and isinstance(data.get("name"), dict):
            names = data["name"]
            return {**data, "name": names.get("en", ""), "name_translations": names}
        return data


class Webhook(_Strict):
    listen: str = "127.0.0.1"
    port: int = 8443
    url: str = ""
    path: str = "telegram"


PLACEHOLDER_BOT_USERNAME = "your_feedback_bot"


class Telegram(_Strict):
    mode: Literal["polling", "webhook"] = "polling"
    bot_username: str = Field(PLACEHOLDER_BOT_USERNAME, pattern=r"^[A-Za-z][A-Za-z0-9_]{4,31}$")
    """The bot's @username without the @, for share links and posters."""
    base_url: str | None = None
    webhook: Webhook = Webhook()


Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_HH_MM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class Reports(_Strict):
    """Where and when the bot sends the weekly summary on its own."""

    staff_chat_ids: list[int] = []
    praise_chat_ids: list[int] = []
    """Frontline team chats that /praise posts the week's praise to (bot/report/praise.py)."""
    praise_weekly: bool = False
    """Also post it there on its own, after the weekly summary."""
    weekly_day: Weekday = "mon"
    weekly_time: str = "09:00"
    timezone: str = "Europe/London"

    @field_validator("weekly_time")
    @classmethod
    def _clock_time(cls, value: str) -> str:
        if not _HH_MM.match(value):
            raise ValueError("write the time as HH:MM on a 24-hour clock, e.g. 09:00")
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r}; use a name like Europe/London"
            ) from None
        return value


class Backup(_Strict):
    """Daily backups of the database (bot/backup.py)."""

    dir: Path | None = None
    """Where backups go; default: a ``backups`` folder next to the database."""
    keep: int = Field(14, ge=1)
    daily_at: str = "02:30"
    """Local time (``reports.timezone``) of the daily backup."""

    @field_validator("daily_at")
    @classmethod
    def _clock_time(cls, value: str) -> str:
        if not _HH_MM.match(value):
            raise ValueError("write the time as HH:MM on a 24-hour clock, e.g. 02:30")
        return value


class Disclosure(_Strict):
    """How reports protect people (``bot/report/suppress.py``; the README says why)."""

    mode: Literal["base", "cells"] = "base"
    """``base``: a row's shares (Likert, journey, open and multiple-choice questions, themes)
    are shown only when its base is at least ``min_base``, as percentages without the
    counts behind them; counts of people in the who-answered tables keep cell
    suppression below ``suppression_threshold``.  ``cells``: every count below the
    threshold is hidden, in every table."""
    min_base: int = Field(10, ge=1)
    rounding: Literal["none"] | int = "none"
    """``none``, or a base such as 5: every count shown is rounded to it."""

    @field_validator("rounding")
    @classmethod
    def _rounding(cls, value: str | int) -> str | int:
        if isinstance(value, int) and value < 2:
            raise ValueError("round to 2 or more (e.g. 5), or write none")
        return value


MAX_DAYS = 36500
"""A hundred years: longer means "keep for ever", and a date that far back overflows."""
MIN_RETENTION_DAYS = 15
"""The weekly summary covers the last full week and compares it with the week before, up
to 15 days back on the day it is sent: a shorter retention deletes answers before they
are counted, and every summary silently comes out short."""


class Settings(BaseSettings):
    """Validated settings; unknown keys are errors so typos never pass silently."""

    model_config = SettingsConfigDict(
        env_prefix="FEEDBACK_BOT_", env_nested_delimiter="__", extra="forbid", frozen=True
    )

    database: Path = Path("./data/feedback.db")
    flows_dir: Path = Path("./flows")
    default_flow: str = "service_feedback"
    languages: list[str] = ["en"]
    default_language: str = "en"
    areas: list[Area] = []
    sites: list[Site] = []
    respondent_groups: list[Ident] = [
        "service_user",
        "family_carer",
        "provider_staff",
        "other_professional",
        "other",
    ]
    suppression_threshold: int = Field(5, ge=1)
    caseload: dict[str, Annotated[int, Field(ge=0)] | dict[str, Annotated[int, Field(ge=0)]]] = {}
    """People each site serves (a number, or one per respondent group), for the reach
    table; ``feedback-bot caseload set`` overrides it (bot/caseload.py)."""
    equality_threshold: int = Field(10, ge=2)
    """The least count shown in the equality tables (who answered: age, ethnicity, ...)."""
    disclosure: Disclosure = Disclosure()
    retention_days: int = Field(365, ge=1, le=MAX_DAYS)
    audit_retention_days: int = Field(730, ge=1, le=MAX_DAYS)
    max_text_length: int = Field(2000, ge=10)
    flood_limit: int = Field(10, ge=1)
    flood_window_seconds: float = Field(5.0, gt=0, le=3600, allow_inf_nan=False)
    join_max_attempts: int = Field(5, ge=1)
    join_window_minutes: int = Field(60, ge=1, le=MAX_DAYS * 24 * 60)
    helplines: dict[str, list[Helpline]] = {}
    risk_phrases: dict[str, dict[str, list[str]] | list[str]] = {}
    """Staff additions to bot/risk_phrases.yaml: language → category → patterns (or a list)."""
    require_reviewed: Literal["safety", "all", "none"] = "safety"
    """Refuse at start-up a language whose translations a person has not checked:
    ``safety`` (privacy notice, consent, helplines, risk replies), ``all`` or ``none``."""
    telegram: Telegram = Telegram()
    reports: Reports = Reports()
    backup: Backup = Backup()
    _source: Document | None = PrivateAttr(None)
    _env: dict[Loc, str] = PrivateAttr(default_factory=dict)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The environment wins over the file, so a deployment can override one value.
        return env_settings, init_settings

    @field_validator("retention_days")
    @classmethod
    def _outlives_the_weekly_summary(cls, value: int) -> int:
        if value < MIN_RETENTION_DAYS:
            raise ValueError(
                f"at least {MIN_RETENTION_DAYS} days: the weekly summary counts last week and"
                " the week before, and a shorter retention deletes answers before they are"
                " counted"
            )
        return value

    @field_validator("languages")
    @classmethod
    def _codes(cls, value: list[str]) -> list[str]:
        bad = [code for code in value if not LANG_CODE.match(code)]
        if bad:
            raise ValueError(f"not two-letter ISO 639-1 codes: {', '.join(bad)}")
        if len(set(value)) != len(value):
            raise ValueError("a language is listed twice")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Settings:
        problems = reference_problems(self)
        if problems:
            raise ReferenceErrors(problems)
        return self

    @property
    def config_file(self) -> Path | None:
        """The file these settings were read from; None when only defaults (and the
        environment) apply."""
        return self._source.path if self._source is not None else None

    @property
    def config_data(self) -> Any:
        """What the config file held, as read (None for an empty file)."""
        return self._source.data if self._source is not None else None

    def problem(self, loc: Loc, message: str) -> SourceError:
        """An error about one setting, blamed on where its value came from: the
        environment variable that set it, or the line of the config file."""
        return _located(loc, message, self._source, self._env)

    def site(self, site_id: str | None) -> Site | None:
        return next((s for s in self.sites if s.id == site_id), None)

    def helplines_for(self, lang: str) -> list[Helpline]:
        return self.helplines.get(lang) or self.helplines.get("en", [])


class ReferenceErrors(ValueError):
    """Settings that name something that is not there, each with where it is."""

    def __init__(self, problems: list[tuple[Loc, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{_dotted(loc)}: {msg}" for loc, msg in problems))


def reference_problems(settings: Settings) -> list[tuple[Loc, str]]:
    """Every reference inside the settings that points nowhere, or twice.

    A typo in an id would otherwise pass start-up and fail later, for the
    people using the bot (a site in no area, a name with no English to fall
    back on).  References to flows are checked where flows are loaded
    (``flow_reference_errors``).
    """
    problems: list[tuple[Loc, str]] = []
    if settings.default_language not in settings.languages:
        problems.append(
            (
                ("default_language",),
                f"default_language {settings.default_language!r} is not in languages"
                f" ({', '.join(settings.languages)})",
            )
        )
    for field, items in (("areas", settings.areas), ("sites", settings.sites)):
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                problems.append(((field, i, "id"), f"{item.id!r} is used twice in {field}"))
            seen.add(item.id)
            if FALLBACK_LANGUAGE not in item.name:
                problems.append(
                    ((field, i, "name"), "needs an 'en' name, the fallback in every language")
                )
            problems.extend(
                ((field, i, "name", code), "not a two-letter language code")
                for code in item.name
                if not LANG_CODE.match(code)
            )
    area_ids = [a.id for a in settings.areas]
    for i, site in enumerate(settings.sites):
        if site.area not in area_ids:
            problems.append(
                (
                    ("sites", i, "area"),
                    f"site {site.id!r} names unknown area {site.area!r}"
                    f"{_did_you_mean(site.area, area_ids)}",
                )
            )
    groups = settings.respondent_groups
    problems.extend(
        (("respondent_groups", i), f"{g!r} is listed twice")
        for i, g in enumerate(groups)
        if g in groups[:i]
    )
    site_ids = [s.id for s in settings.sites]
    for site, value in settings.caseload.items():
        if site not in site_ids:
            problems.append(
                (("caseload", site), f"no site {site!r}{_did_you_mean(site, site_ids)}")
            )
        for group in value if isinstance(value, dict) else {}:
            if group not in groups:
                problems.append(
                    (
                        ("caseload", site, group),
                        f"no respondent group {group!r}{_did_you_mean(group, list(groups))}",
                    )
                )
    if settings.helplines and FALLBACK_LANGUAGE not in settings.helplines:
        problems.append(
            (("helplines",), "helplines must include 'en', the fallback for every language")
        )
    for field in ("helplines", "risk_phrases"):
        by_lang: dict[str, Any] = getattr(settings, field)
        problems.extend(
            ((field, code), "not a two-letter language code")
            for code in by_lang
            if not LANG_CODE.match(code)
        )
    for code, lines in settings.helplines.items():
        for i, line in enumerate(lines):
            problems.extend(
                (("helplines", code, i, "note", note), "not a two-letter language code")
                for note in line.note
                if not LANG_CODE.match(note)
            )
    return problems


def flow_reference_errors(settings: Settings, flow_ids: Iterable[str]) -> list[SourceError]:
    """Settings that name a flow which is not in ``flows_dir``.

    Checked at start-up and by check-flows: a typo in ``default_flow`` used to
    pass both, and then every /start failed.
    """
    known = sorted(flow_ids)
    if settings.default_flow in known:
        return []
    return [
        settings.problem(
            ("default_flow",),
            f"no flow {settings.default_flow!r} in {settings.flows_dir}"
            f"{_did_you_mean(settings.default_flow, known)}; flows there: {', '.join(known)}",
        )
    ]


def language_reference_errors(settings: Settings, described: Iterable[str]) -> list[SourceError]:
    """Enabled languages the messages catalogue does not describe (name, script, direction).

    The language menu would fail with a KeyError for every person, as a typo in
    ``default_flow`` used to; so start-up refuses, blaming the line in config.
    """
    known = sorted(described)
    return [
        settings.problem(
            ("languages", i),
            f"no language {lang!r} in bot/messages.yaml{_did_you_mean(lang, known)};"
            f" described there: {', '.join(known)}",
        )
        for i, lang in enumerate(settings.languages)
        if lang not in known
    ]


def load_settings(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Read ``config.yaml`` (or defaults if absent) and apply environment overrides.

    Raises SourceErrors naming the file, line and field of each problem, or the
    environment variable that set a bad value; an unknown ``FEEDBACK_BOT_*``
    variable is an error naming the closest real setting.
    """
    path = path or DEFAULT_CONFIG
    environ = os.environ if environ is None else environ
    env, unknown = environment_paths(Settings, environ)
    if unknown:
        raise SourceErrors(unknown)
    data: dict[str, Any] = {}
    doc = None
    if path.exists():
        doc = load_yaml(path)
        if doc.data is not None and not isinstance(doc.data, dict):
            raise SourceErrors([SourceError(str(path), 1, "", "expected a mapping of settings")])
        data = localise(doc.data, "config") or {}
    try:
        settings = Settings(**data)
    except SettingsError as exc:
        raise SourceErrors([_env_parse_error(exc, env)]) from None
    except ValidationError as exc:
        errors = []
        for err in exc.errors():
            error = err.get("ctx", {}).get("error")
            if isinstance(error, ReferenceErrors):
                errors.extend(_located(loc, msg, doc, env) for loc, msg in error.problems)
                continue
            msg = (
                "unknown field (is it spelled right?)"
                if err["type"] == "extra_forbidden"
                else err["msg"]
            )
            errors.append(_located(tuple(err["loc"]), msg, doc, env, path))
        raise SourceErrors(errors) from None
    settings._source = doc
    settings._env = env
    return settings


def _located(
    loc: Loc,
    message: str,
    doc: Document | None,
    env: dict[Loc, str],
    path: Path = DEFAULT_CONFIG,
) -> SourceError:
    lowered = tuple(part.lower() if isinstance(part, str) else part for part in loc)
    for length in range(len(loc), 0, -1):
        name = env.get(lowered[:length])
        if name is not None:
            return SourceError(f"{name} (environment)", 0, _dotted(loc), message)
    if doc is not None:
        return doc.error(loc, message)
    return SourceError(f"{path} (not found: built-in default)", 0, _dotted(loc), message)


def _env_parse_error(exc: SettingsError, env: dict[Loc, str]) -> SourceError:
    """pydantic-settings reads list and mapping values from the environment as JSON."""
    text = str(exc)
    for loc, name in env.items():
        if f'"{_dotted(loc)}"' in text or f'"{loc[0]}"' in text:
            return SourceError(
                f"{name} (environment)", 0, _dotted(loc), "not valid JSON for this setting"
            )
    return SourceError("environment", 0, "", text)


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _dotted(loc: Loc) -> str:
    return ".".join(map(str, loc))
