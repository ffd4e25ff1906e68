"""Reporting periods: an ISO week or a from/to date range, in the reports' time zone.

People, staff and the weekly job live in ``reports.timezone`` (Europe/London by
default), so a week runs from Monday 00:00 to Sunday 24:00 *there*: a response
at 00:30 BST on a Monday belongs to that Monday's week, not the one before.
The store keeps UTC; ``Period.bounds`` turns local midnights into UTC instants,
across either clock change (a week may be 167 or 169 hours long).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, model_validator

_WEEK = re.compile(r"^(\d{4})-?W(\d{2})$")


class Period(BaseModel):
    """Whole days, ``start`` to ``end`` inclusive."""

    model_config = ConfigDict(frozen=True)
    start: date
    end: date
    label: str
    timezone: str = "UTC"
    """The IANA zone whose calendar days these are; every report names it."""

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")
        return self

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def bounds(self) -> tuple[str, str]:
        """Half-open UTC ISO timestamps of the local midnights, comparable with the
        store's ``started_at`` text."""
        zone = ZoneInfo(self.timezone)
        lo = datetime.combine(self.start, time(), zone).astimezone(UTC)
        hi = datetime.combine(self.end + timedelta(days=1), time(), zone).astimezone(UTC)
        return lo.isoformat(timespec="seconds"), hi.isoformat(timespec="seconds")

    def previous(self) -> Period:
        """The period of the same length just before, for 'change since last time'.

        Whole calendar months are followed back by as many whole months (November's
        'last period' is October, not 2 to 31 October): a trend shows October whole,
        and the one day between two such periods would be a subtraction away."""
        end = self.start - timedelta(days=1)
        start = end - timedelta(days=self.days - 1)
        if _WEEK.match(self.label):
            return week(start, self.timezone)
        if _MONTH.match(self.label):
            return month(end, self.timezone)
        parts = whole_months(self)
        if parts is not None:
            start = months_to(month(end, self.timezone), len(parts))[0].start
        return Period(start=start, end=end, label=f"{start} to {end}", timezone=self.timezone)

    def describe(self) -> str:
        span = f"{self.start:%d %B %Y} to {self.end:%d %B %Y}, {self.timezone} time"
        if _MONTH.match(self.label):
            return f"{self.start:%B %Y} ({span})"
        return f"{self.label} ({span})" if _WEEK.match(self.label) else span


def week(day: date, timezone: str = "UTC") -> Period:
    """The ISO week (Monday to Sunday, in ``timezone``) that contains ``day``."""
    year, number, weekday = day.isocalendar()
    start = day - timedelta(days=weekday - 1)
    return Period(
        start=start,
        end=start + timedelta(days=6),
        label=f"{year}-W{number:02d}",
        timezone=timezone,
    )


def parse_week(text: str, timezone: str = "UTC") -> Period:
    """``2026-W47`` → that ISO week; a clear ValueError otherwise."""
    match = _WEEK.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not an ISO week; write it like 2026-W47")
    year, number = _year(int(match[1]), text), int(match[2])
    try:
        monday = date.fromisocalendar(year, number, 1)
    except ValueError:
        raise ValueError(f"{year} has no week {number}") from None
    return week(monday, timezone)


YEARS = range(2000, 3000)


def _year(year: int, text: str) -> int:
    """``year``, or a ValueError: a report reads the period before and the day after its
    own, and week 52 of 9999 ran past the last date Python holds (an OverflowError, and
    staff were told something went wrong)."""
    if year not in YEARS:
        raise ValueError(f"{text.strip()!r}: the year must be from {YEARS[0]} to {YEARS[-1]}")
    return year


_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_day(text: str, option: str = "the date") -> date:
    """``2026-01-05`` (or ``2026-1-5``) → a date; a ValueError naming ``option`` otherwise.

    Dates are parsed, never compared as text: as text "2026-1-5" sorts after
    "2026-11-30", so a filter on it returned the wrong rows.
    """
    match = _DAY.match(text.strip())
    if match:
        try:
            return date(_year(int(match[1]), text), int(match[2]), int(match[3]))
        except ValueError as exc:
            raise ValueError(f"{option} {text!r} is not a real date ({exc})") from None
    raise ValueError(f"{option} {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-01-05")


def day_start(day: date, timezone: str) -> str:
    """The UTC ISO instant of local midnight at the start of ``day``, to compare with stored
    times."""
    moment = datetime.combine(day, time(), ZoneInfo(timezone)).astimezone(UTC)
    return moment.isoformat(timespec="seconds")


def parse_range(start: str, end: str, timezone: str = "UTC") -> Period:
    lo, hi = parse_day(start, "--from"), parse_day(end, "--to")
    if hi < lo:
        raise ValueError(f"--to {hi} is before --from {lo}")
    return Period(start=lo, end=hi, label=f"{lo} to {hi}", timezone=timezone)


_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def month(day: date, timezone: str = "UTC") -> Period:
    """The calendar month (in ``timezone``) that contains ``day``, labelled ``2026-11``."""
    start = day.replace(day=1)
    following = (start + timedelta(days=32)).replace(day=1)
    return Period(
        start=start,
        end=following - timedelta(days=1),
        label=f"{start.year}-{start.month:02d}",
        timezone=timezone,
    )


def parse_month(text: str, timezone: str = "UTC", option: str = "--month") -> Period:
    """``2026-11`` → that calendar month in ``timezone``; a ValueError naming ``option``."""
    found = _MONTH.match(text.strip())
    if not found or not 1 <= int(found[2]) <= 12 or int(found[1]) < 1:
        raise ValueError(f"{option} {text!r} is not a month; write it as YYYY-MM, e.g. 2026-11")
    return month(date(_year(int(found[1]), text), int(found[2]), 1), timezone)


def months_to(last: Period, count: int) -> list[Period]:
    """``count`` calendar months, oldest first, ending with the month ``last`` ends in."""
    found = [month(last.end, last.timezone)]
    while len(found) < count:
        found.insert(0, month(found[0].start - timedelta(days=1), last.timezone))
    return found


def whole_months(period: Period) -> list[Period] | None:
    """The calendar months a period is made of, or None if it starts or ends mid-month."""
    if period.start.day != 1 or (period.end + timedelta(days=1)).day != 1:
        return None
    found = [month(period.start, period.timezone)]
    while found[-1].end < period.end:
        found.append(month(found[-1].end + timedelta(days=1), period.timezone))
    return found


def last_full_week(today: date, timezone: str = "UTC") -> Period:
    """What the Monday summary covers: the week that ended yesterday or earlier.

    ``today`` is the local date in ``timezone``: see ``local_today``.
    """
    return week(today - timedelta(days=7), timezone)


def local_today(timezone: str, now: datetime | None = None) -> date:
    """Today's date where the reports' readers are (not in UTC: at 00:30 BST on a
    Monday it is still Sunday in UTC, and the summary would skip a week)."""
    return (now or datetime.now(UTC)).astimezone(ZoneInfo(timezone)).date()


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def open_since(now: datetime, timezone: str, weekly_day: str, weekly_time: str) -> str:
    """The UTC ISO instant before which an unfinished session has expired.

    Sessions count in the week they started.  Once the weekly summary of a
    week has gone out (``reports.weekly_day``/``weekly_time``), sessions begun
    in that week or earlier can no longer be continued, so a summarised week
    never changes: a person returning later starts afresh.  The cutoff is local
    midnight on the Monday of the week of the latest summary time; a session
    lives at most a week and the time to the summary (by default Monday 09:00).
    """
    return _open_since_span(now, timezone, weekly_day, weekly_time)[2]


def _open_since_span(
    now: datetime, timezone: str, weekly_day: str, weekly_time: str
) -> tuple[datetime, datetime, str]:
    """``open_since`` and the UTC instants [from, until) over which it holds (a week)."""
    zone = ZoneInfo(timezone)
    local = now.astimezone(zone)
    hour, minute = (int(part) for part in weekly_time.split(":"))
    back = (local.weekday() - _WEEKDAYS.index(weekly_day)) % 7
    sent = datetime.combine(local.date() - timedelta(days=back), time(hour, minute), zone)
    if sent > local:
        sent = datetime.combine(sent.date() - timedelta(days=7), time(hour, minute), zone)
    monday = sent.date() - timedelta(days=sent.weekday())
    cutoff = datetime.combine(monday, time(), zone).astimezone(UTC)
    following = datetime.combine(sent.date() + timedelta(days=7), time(hour, minute), zone)
    return sent.astimezone(UTC), following.astimezone(UTC), cutoff.isoformat(timespec="seconds")


def closes_at(period: Period, weekly_day: str, weekly_time: str) -> datetime:
    """The UTC instant from which ``period``'s answers can no longer change: the first
    weekly summary in a week after it.  Until then a person may finish a session begun
    in it (``open_since``), so a report of it published sooner would be incomplete."""
    hour, minute = (int(part) for part in weekly_time.split(":"))
    monday = period.end + timedelta(days=7 - period.end.weekday())
    day = monday + timedelta(days=_WEEKDAYS.index(weekly_day))
    moment = datetime.combine(day, time(hour, minute), ZoneInfo(period.timezone))
    return moment.astimezone(UTC)


_DST_MARGIN = timedelta(hours=3)
"""Near the ends of a week local wall-clock order and UTC order can differ by a DST shift."""


class OpenSince:
    """``open_since`` for one reports' schedule, worked out once a week, not once an update.

    Every update asks it (``Store.current_session``); the answer only changes when a
    weekly summary is due.  Kept for the week it holds, less a margin at each end
    where a clock change could matter, and worked out afresh there and outside it
    (a clock set back gets the right answer too).
    """

    def __init__(self, timezone: str, weekly_day: str, weekly_time: str):
        self._schedule = (timezone, weekly_day, weekly_time)
        self._span: tuple[datetime, datetime, str] | None = None

    def __call__(self, now: datetime) -> str:
        span = self._span
        if span is not None and span[0] <= now < span[1]:
            return span[2]
        begins, ends, cutoff = _open_since_span(now, *self._schedule)
        self._span = (begins + _DST_MARGIN, ends - _DST_MARGIN, cutoff)
        return cutoff
