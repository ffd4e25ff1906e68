"""The service's settings: ``config.yaml``, overridable from the environment.

Environment variables use the prefix ``FEEDBACK_BOT_`` and ``__`` for nesting,
e.g. ``FEEDBACK_BOT_DATABASE=/srv/feedback.db`` or
``FEEDBACK_BOT_TELEGRAM__MODE=webhook``.  Secrets (bot token, hashing key) are
never read from this file: see ``bot.privacy``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from bot.sources import SourceError, SourceErrors, load_yaml

DEFAULT_CONFIG = Path("config.yaml")
LANG_CODE = re.compile(r"^[a-z]{2}$")
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


class Site(_Strict):
    id: Ident
    area: Ident
    name: dict[str, str]

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
    number: str
    note: dict[str, str] = Field(default_factory=dict)


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
    retention_days: int = Field(365, ge=1)
    audit_retention_days: int = Field(730, ge=1)
    max_text_length: int = Field(2000, ge=10)
    flood_limit: int = Field(10, ge=1)
    flood_window_seconds: float = Field(5.0, gt=0)
    join_max_attempts: int = Field(5, ge=1)
    join_window_minutes: int = Field(60, ge=1)
    helplines: dict[str, list[Helpline]] = {}
    risk_phrases: dict[str, list[str]] = {}
    telegram: Telegram = Telegram()
    reports: Reports = Reports()

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
        if self.default_language not in self.languages:
            raise ValueError(f"default_language {self.default_language!r} is not in languages")
        area_ids = {a.id for a in self.areas}
        for site in self.sites:
            if site.area not in area_ids:
                raise ValueError(f"site {site.id!r} names unknown area {site.area!r}")
        if "en" not in self.helplines and self.helplines:
            raise ValueError("helplines must include 'en', the fallback for every language")
        return self

    def site(self, site_id: str | None) -> Site | None:
        return next((s for s in self.sites if s.id == site_id), None)

    def helplines_for(self, lang: str) -> list[Helpline]:
        return self.helplines.get(lang) or self.helplines.get("en", [])


def load_settings(path: Path | None = None) -> Settings:
    """Read ``config.yaml`` (or defaults if absent) and apply environment overrides.

    Raises SourceErrors naming the file, line and field of each problem.
    """
    path = path or DEFAULT_CONFIG
    data: dict[str, Any] = {}
    doc = None
    if path.exists():
        doc = load_yaml(path)
        if doc.data is not None and not isinstance(doc.data, dict):
            raise SourceErrors([SourceError(str(path), 1, "", "expected a mapping of settings")])
        data = doc.data or {}
    try:
        settings = Settings(**data)
    except ValidationError as exc:
        errors = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            msg = (
                "unknown field (is it spelled right?)"
                if err["type"] == "extra_forbidden"
                else err["msg"]
            )
            if doc is not None:
                errors.append(doc.error(loc, msg))
            else:
                errors.append(SourceError(str(path), 1, ".".join(map(str, loc)), msg))
        raise SourceErrors(errors) from None
    return settings
