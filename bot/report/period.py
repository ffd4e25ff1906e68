"""Reporting periods: an ISO week or a from/to date range, in UTC."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from pydantic import BaseModel, ConfigDict, model_validator

_WEEK = re.compile(r"^(\d{4})-?W(\d{2})$")


class Period(BaseModel):
    """Whole days, ``start`` to ``end`` inclusive."""

    model_config = ConfigDict(frozen=True)
    start: date
    end: date
    label: str

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")
        return self

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def bounds(self) -> tuple[str, str]:
        """Half-open ISO timestamps, comparable with the store's ``started_at`` text."""
        lo = datetime.combine(self.start, time(), UTC)
        hi = datetime.combine(self.end + timedelta(days=1), time(), UTC)
        return lo.isoformat(timespec="seconds"), hi.isoformat(timespec="seconds")

    def previous(self) -> Period:
        """The period of the same length just before, for 'change since last time'."""
        end = self.start - timedelta(days=1)
        start = end - timedelta(days=self.days - 1)
        if _WEEK.match(self.label):
            return week(start)
        return Period(start=start, end=end, label=f"{start} to {end}")

    def describe(self) -> str:
        span = f"{self.start:%d %B %Y} to {self.end:%d %B %Y}"
        return f"{self.label} ({span})" if _WEEK.match(self.label) else span


def week(day: date) -> Period:
    """The ISO week (Monday to Sunday) that contains ``day``."""
    year, number, weekday = day.isocalendar()
    start = day - timedelta(days=weekday - 1)
    return Period(start=start, end=start + timedelta(days=6), label=f"{year}-W{number:02d}")


def parse_week(text: str) -> Period:
    """``2026-W47`` → that ISO week; a clear ValueError otherwise."""
    match = _WEEK.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not an ISO week; write it like 2026-W47")
    year, number = int(match[1]), int(match[2])
    try:
        monday = date.fromisocalendar(year, number, 1)
    except ValueError:
        raise ValueError(f"{year} has no week {number}") from None
    return week(monday)


def parse_range(start: str, end: str) -> Period:
    try:
        lo, hi = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError as exc:
        raise ValueError(f"dates are written YYYY-MM-DD ({exc})") from None
    if hi < lo:
        raise ValueError(f"--to {hi} is before --from {lo}")
    return Period(start=lo, end=hi, label=f"{lo} to {hi}")


def last_full_week(today: date) -> Period:
    """What the Monday summary covers: the week that ended yesterday or earlier."""
    return week(today - timedelta(days=7))
