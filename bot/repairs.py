"""One-off repairs of data stored by older code, run at start-up, each once.

A sibling of ``bot.store`` for one concern.  ``profiles``: sessions stored
before the session's site, area and group followed the answers may still name
a value the person withdrew (Back then Skip, or an answer that stopped
applying).  It recomputes them as ``Engine.profile`` does, from each flow
version's snapshot, in SQL: one UPDATE per flow version, touching only rows
that differ.
"""

from __future__ import annotations

import sqlite3

from bot.config import Settings
from bot.flows import ChoiceStep, Flow
from bot.store import Store

PROFILES = "profiles_follow_answers"
FIELDS = ("site", "area", "respondent_group")


async def repair_profiles(store: Store, settings: Settings) -> int | None:
    """Bring every session's profile fields in line with its answers, once.

    Returns the sessions changed, or None when this was already done.
    """
    async with store.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'data_repairs'") as cur:
        if await cur.fetchone() is None:
            return None  # a schema from before migration 018: nothing to record it in
    async with store.db.execute("SELECT 1 FROM data_repairs WHERE name = ?", (PROFILES,)) as cur:
        if await cur.fetchone():
            return None
    async with store.db.execute("SELECT flow_id, version FROM flow_versions") as cur:
        versions = [tuple(r) for r in await cur.fetchall()]
    snapshots = [(v, await store.flow_snapshot(*v)) for v in versions]
    areas = {s.id: s.area for s in settings.sites}
    now = store.now()

    def run(conn: sqlite3.Connection) -> int | None:
        # Claim the repair first: the claim takes the write lock, so a second process that
        # also found no record above waits here, then sees the claim and does nothing.
        claim = "INSERT OR IGNORE INTO data_repairs VALUES (?, ?, 0)"
        if conn.execute(claim, (PROFILES, now)).rowcount == 0:
            return None
        changed = 0
        for (flow_id, version), flow in snapshots:
            if flow is None:
                continue
            sql, args = _update(flow, areas)
            changed += conn.execute(sql, (*args, flow_id, version)).rowcount
        conn.execute("UPDATE data_repairs SET changed = ? WHERE name = ?", (changed, PROFILES))
        return changed

    return await store.atomic(run)


def _update(flow: Flow, areas: dict[str, str]) -> tuple[str, list[object]]:
    """The UPDATE for one flow version, and its parameters before (flow id, version)."""
    args: list[object] = []
    derived: dict[str, str] = {}
    for name in FIELDS:
        steps = [s.id for s in flow.steps if isinstance(s, ChoiceStep) and s.profile == name]
        preset = f"json_extract(state, '$.preset.{name}')"
        if steps:
            marks = ", ".join("?" for _ in steps)
            answer = (
                f"(SELECT a.value FROM answers a WHERE a.session_id = sessions.id"
                f" AND a.step_id IN ({marks}) ORDER BY a.id LIMIT 1)"
            )
            args.extend(steps)
            derived[name] = f"coalesce({answer}, {preset})"
        else:
            derived[name] = preset
    # A site's area wins over an answered area, as in Conversations._set_profile.
    cases = " ".join("WHEN ? THEN ?" for _ in areas)
    site_args = [x for pair in areas.items() for x in pair]
    area = f"CASE site_now {cases} ELSE area_now END" if areas else "area_now"
    sql = (
        "UPDATE sessions SET site = d.site_now, area = d.area_fixed, respondent_group = d.group_now"
        " FROM (SELECT id, site_now, group_now, " + area + " AS area_fixed FROM ("
        f"  SELECT id, {derived['site']} AS site_now, {derived['area']} AS area_now,"
        f"  {derived['respondent_group']} AS group_now FROM sessions"
        "  WHERE flow_id = ? AND flow_version = ?)) AS d"
        " WHERE sessions.id = d.id AND (sessions.site IS NOT d.site_now"
        " OR sessions.area IS NOT d.area_fixed OR sessions.respondent_group IS NOT d.group_now)"
    )
    # Placeholders in order of appearance: the CASE's pairs come first in the text.
    return sql, [*site_args, *args]
