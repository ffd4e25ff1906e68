"""The operator's ``feedback-bot`` commands for privacy and roles.

``purge``, ``invite``, ``roles`` and ``audit``: each a thin call into
``bot.retention`` or ``bot.roles``.  Kept apart from ``bot.cli`` so the
commands about who may see what sit together.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import Any

from bot.config import Settings
from bot.store import Store

MAX_INVITE_DAYS = 366
"""An invite is a bearer secret: one that lasts for years is one more left lying about
(and a huge --days overflowed the date arithmetic into a traceback)."""


MAX_CASELOAD = 10_000_000
"""More people than any one site serves: a typo (and past 2^63 SQLite cannot store it)."""


def add_parsers(sub: Any) -> None:
    purge = sub.add_parser("purge", help="delete sessions older than retention_days")
    purge.add_argument("--dry-run", action="store_true", help="only count what would go")

    invite = sub.add_parser("invite", help="make a one-time code for /join (shown once)")
    invite.add_argument("--role", choices=["staff", "peer", "admin"], required=True)
    invite.add_argument("--site", help="site id from config (required for staff and peer)")
    invite.add_argument("--days", type=int, default=7, help="days until it expires (default 7)")

    roles = sub.add_parser("roles", help="list staff, peer and admin roles, or revoke one")
    roles.add_argument("--revoke", metavar="KEYPREFIX", help="end the role whose key starts so")
    roles.add_argument("--all", action="store_true", help="include revoked roles")

    caseload = sub.add_parser(
        "caseload", help="how many people a site serves (the reach table's denominator)"
    )
    caseload.add_argument("action", choices=["set", "list", "clear"])
    caseload.add_argument("site", nargs="?", help="site id from config")
    caseload.add_argument("people", nargs="?", help="people the site serves (set)")
    caseload.add_argument("--group", help="a respondent group's figure only (set)")

    audit = sub.add_parser("audit", help="print the audit log as JSON lines")
    audit.add_argument(
        "--since", help="date, e.g. 2026-01-05: from local midnight (reports.timezone)"
    )


def _with_store(settings: Settings, work: Callable[[Store], Awaitable[int]]) -> int:
    async def run() -> int:
        store = await Store.open(settings.database)
        try:
            return await work(store)
        finally:
            await store.close()

    return asyncio.run(run())


def _purge(settings: Settings, args: argparse.Namespace) -> int:
    from bot.cli import refuse_without_signposting
    from bot.retention import purge_expired

    # A dry run changes nothing; a real purge with no real config would use the
    # default database and retention.
    refused = None if args.dry_run else refuse_without_signposting(settings, "purge")
    if refused is not None:
        return refused

    async def work(store: Store) -> int:
        done = await purge_expired(store, settings, dry_run=args.dry_run)
        verb = "would delete" if args.dry_run else "deleted"
        print(
            f"{verb} {done.sessions} session(s) and {done.answers} answer(s)"
            f" started before {done.cutoff} (retention {settings.retention_days} days)"
        )
        return 0

    return _with_store(settings, work)


def _invite(settings: Settings, args: argparse.Namespace) -> int:
    from bot.roles import Roles

    if args.site is None and args.role != "admin":
        print(f"error: --site is needed for a {args.role} invite", file=sys.stderr)
        return 2
    if args.site is not None and settings.site(args.site) is None:
        known = ", ".join(s.id for s in settings.sites)
        print(f"error: no site {args.site!r}; known sites: {known}", file=sys.stderr)
        return 2
    if not 1 <= args.days <= MAX_INVITE_DAYS:
        print(f"error: --days must be at least 1 and at most {MAX_INVITE_DAYS}", file=sys.stderr)
        return 2

    async def work(store: Store) -> int:
        made = await Roles.for_settings(store, settings).create_invite(
            args.role, args.site, days=args.days
        )
        where = f"for {made.site}" if made.site else "for all sites"
        print(f"Invite code ({made.role} {where}), valid until {made.expires_at}:\n")
        print(f"    {made.code}\n")
        print("It works once and is not stored: pass it on now. In Telegram, send /join CODE")
        return 0

    return _with_store(settings, work)


def _roles(settings: Settings, args: argparse.Namespace) -> int:
    from bot.roles import RevokeError, Roles

    async def work(store: Store) -> int:
        roles = Roles.for_settings(store, settings)
        if args.revoke:
            try:
                grant = await roles.revoke(args.revoke)
            except RevokeError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 1
            print(f"revoked the {grant.role} role of {grant.respondent_key[:16]}")
            return 0
        grants = await roles.list(include_revoked=args.all)
        if not grants:
            print("no roles yet: make one with `feedback-bot invite --role admin`")
        for g in grants:
            ended = f"  revoked {g.revoked_at}" if g.revoked_at else ""
            site = g.site or "(all sites)"
            print(f"{g.respondent_key[:16]}  {g.role:<6} {site:<22} since {g.granted_at}{ended}")
        return 0

    return _with_store(settings, work)


def _audit(settings: Settings, args: argparse.Namespace) -> int:
    from bot.report.period import day_start, parse_day
    from bot.roles import audit_log

    since = None
    if args.since:
        try:
            since = day_start(parse_day(args.since, "--since"), settings.reports.timezone)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2

    async def work(store: Store) -> int:
        for entry in await audit_log(store, since):
            print(entry.model_dump_json())
        return 0

    return _with_store(settings, work)


def _caseload(settings: Settings, args: argparse.Namespace) -> int:
    """``caseload set SITE 240 [--group G]``, ``caseload list``, ``caseload clear SITE``."""
    from bot.caseload import WHOLE, caseloads, clear_caseload, set_caseload
    from bot.roles import audit

    sites = [s.id for s in settings.sites]
    if args.action != "list" and args.site is None:
        print(f"error: name the site, e.g. caseload {args.action} SITE", file=sys.stderr)
        return 2
    if args.action != "list" and args.site not in sites:
        print(
            f"error: no site {args.site!r}; sites: {', '.join(sites) or 'none in config'}",
            file=sys.stderr,
        )
        return 2
    people = None
    if args.action == "set":
        try:
            people = int(str(args.people))
        except ValueError:
            people = -1
        if not 0 <= people <= MAX_CASELOAD:
            print(
                f"error: give the number of people (0 to {MAX_CASELOAD:,}),"
                " e.g. caseload set SITE 240",
                file=sys.stderr,
            )
            return 2
        if args.group is not None and args.group not in settings.respondent_groups:
            groups = ", ".join(settings.respondent_groups)
            print(f"error: no respondent group {args.group!r}; groups: {groups}", file=sys.stderr)
            return 2

    async def work(store: Store) -> int:
        if args.action == "set":
            assert people is not None
            await set_caseload(store, args.site, people, args.group or WHOLE)
            params = {"site": args.site, "people": people, "group": args.group}
            await audit(store, "cli", "caseload", params)
            who = f" ({args.group})" if args.group else ""
            print(f"{args.site}{who}: {people} people")
        elif args.action == "clear":
            await clear_caseload(store, args.site)
            await audit(store, "cli", "caseload", {"site": args.site, "cleared": True})
            print(f"{args.site}: caseload set by command cleared (the config's figure stays)")
        for site, load in (await caseloads(store, settings)).items():
            if args.action == "list":
                groups = ", ".join(f"{g} {n}" for g, n in sorted(load.groups.items()))
                print(f"{site}: {load.people} people" + (f" ({groups})" if groups else ""))
        return 0

    return _with_store(settings, work)


COMMANDS = {
    "purge": _purge,
    "invite": _invite,
    "roles": _roles,
    "audit": _audit,
    "caseload": _caseload,
}
