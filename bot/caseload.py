"""How many people each site serves: the denominator of the reach table.

Given in ``config.yaml`` (``caseload:``, a number per site, or a number per
respondent group where known) and updated by staff with ``feedback-bot caseload
set SITE 240`` (stored in ``caseloads``, migration 028, and winning over the
config, whose file a deployment often mounts read-only).  A site's caseload is
its whole figure if given, else the sum of its groups'.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.config import Settings
from bot.store import Store

WHOLE = ""
"""The respondent-group key of a site's whole caseload."""


@dataclass
class Caseload:
    """One site's people: a whole figure and/or figures by respondent group."""

    whole: int | None = None
    groups: dict[str, int] = field(default_factory=dict)

    @property
    def people(self) -> int | None:
        if self.whole is not None:
            return self.whole
        return sum(self.groups.values()) if self.groups else None


async def caseloads(store: Store, settings: Settings) -> dict[str, Caseload]:
    """Every site's caseload: the config's, then what staff set (which wins)."""
    found: dict[str, Caseload] = {}
    for site, value in settings.caseload.items():
        entry = found.setdefault(site, Caseload())
        if isinstance(value, int):
            entry.whole = value
        else:
            entry.groups.update(value)
    rows = await store.staff_read("SELECT site, respondent_group, people FROM caseloads")
    for site, group, people in rows:
        entry = found.setdefault(site, Caseload())
        if group == WHOLE:
            entry.whole = people
        else:
            entry.groups[group] = people
    return {site: c for site, c in found.items() if c.people is not None}


async def set_caseload(store: Store, site: str, people: int, group: str = WHOLE) -> None:
    await store.write(
        "INSERT INTO caseloads (site, respondent_group, people, updated_on) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (site, respondent_group) DO UPDATE SET people = excluded.people,"
        " updated_on = excluded.updated_on",
        (site, group, people, store.now()[:10]),
    )


async def clear_caseload(store: Store, site: str) -> int:
    return await store.write("DELETE FROM caseloads WHERE site = ?", (site,))
