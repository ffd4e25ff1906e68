"""Who may see more than a respondent: staff, peer workers and admins.

People are admitted with one-time invite codes made on the server
(``feedback-bot invite``) and sent to the bot as ``/join CODE``.  Codes are
short enough to read out (three groups of four, from letters and digits that
cannot be mistaken for each other) but only their HMAC is stored, so a copy
of the database cannot be used to join.  A person who keeps sending wrong
codes is locked out for a while, which makes guessing hopeless: 31^12 codes.

Every privileged action goes into the audit log via ``audit``, so a
commissioner can be told who exported what and when, by pseudonymous key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import re
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, get_args

from pydantic import BaseModel

from bot.config import Settings
from bot.i18n import Catalogue
from bot.privacy import load_secret
from bot.store import Store

Role = Literal["staff", "peer", "admin"]
ROLES: tuple[Role, ...] = get_args(Role)
STAFF_ROLES: frozenset[Role] = frozenset({"staff", "admin"})
"""Who may use staff-only commands (exports, reports)."""
PEER_ROLES: frozenset[Role] = frozenset({"peer", "staff", "admin"})
"""Who may use peer-worker commands (taking feedback for someone)."""
ADMIN_ROLES: frozenset[Role] = frozenset({"admin"})

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""No 0/O, 1/I/L: codes are read aloud and typed on phones."""
CODE_GROUPS, GROUP_LENGTH = 3, 4
MIN_REVOKE_PREFIX = 6

JoinStatus = Literal["joined", "invalid", "expired", "used", "locked"]


class Grant(BaseModel):
    """One role given to one person (live while ``revoked_at`` is None)."""

    respondent_key: str
    role: Role
    site: str | None
    granted_at: str
    revoked_at: str | None = None


class AuditEntry(BaseModel):
    actor_key: str
    action: str
    params: dict[str, Any]
    at: str


@dataclass(frozen=True)
class JoinResult:
    status: JoinStatus
    role: Role | None = None
    site: str | None = None
    retry_minutes: int = 0
    """When locked: minutes until the next try is allowed."""


@dataclass(frozen=True)
class Invite:
    code: str
    """Shown once to whoever made it; never stored."""
    role: Role
    site: str | None
    expires_at: str


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


class RevokeError(Exception):
    """No live role matches the prefix, or more than one does."""


async def audit(store: Store, actor_key: str, action: str, params: dict[str, Any]) -> None:
    """Record a privileged action (export, invite, revoke…) in the audit log, committed."""
    entry = (actor_key, action, json.dumps(params, sort_keys=True, default=str), store.now())
    await store.write(
        "INSERT INTO audit_log (actor_key, action, params, at) VALUES (?, ?, ?, ?)", entry
    )


async def audit_log(store: Store, since: str | None = None) -> list[AuditEntry]:
    """The audit log, oldest first, from ``since`` (an ISO date or time) if given."""
    async with store.db.execute(
        "SELECT actor_key, action, params, at FROM audit_log WHERE at >= ? ORDER BY id",
        (since or "",),
    ) as cur:
        rows = await cur.fetchall()
    return [AuditEntry(actor_key=r[0], action=r[1], params=json.loads(r[2]), at=r[3]) for r in rows]


async def forget_join_attempts(store: Store, older_than: timedelta) -> int:
    """Drop /join tries older than the lockout window: they no longer matter."""
    cutoff = _iso(store.clock() - older_than)
    return await store.write("DELETE FROM join_attempts WHERE at <= ?", (cutoff,))


async def forget_audit_entries(store: Store, older_than: timedelta) -> int:
    """Drop audit entries older than the audit retention period."""
    cutoff = _iso(store.clock() - older_than)
    return await store.write("DELETE FROM audit_log WHERE at < ?", (cutoff,))


async def forget_join_attempts_of(store: Store, key: str, window: timedelta) -> int:
    """Drop one person's /join tries (for /delete), except failures inside the lockout window.

    Those few stay until they age out (within ``window``): dropping them would
    let anyone reset the lockout by sending /delete between guesses.
    """
    return await store.write(
        "DELETE FROM join_attempts WHERE respondent_key = ? AND (ok = 1 OR at <= ?)",
        (key, _iso(store.clock() - window)),
    )


def new_code() -> str:
    groups = (
        "".join(secrets.choice(ALPHABET) for _ in range(GROUP_LENGTH)) for _ in range(CODE_GROUPS)
    )
    return "-".join(groups)


def normalise_code(typed: str) -> str | None:
    """What the person typed, as a code: case, spaces and dashes do not matter."""
    if len(typed) > 64:
        return None
    code = re.sub(r"[\s\-_.]", "", typed).upper()
    if len(code) != CODE_GROUPS * GROUP_LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code


class Roles:
    def __init__(
        self,
        store: Store,
        secret: bytes,
        *,
        max_attempts: int = 5,
        window: timedelta = timedelta(minutes=60),
    ):
        self.store = store
        self.db = store.db
        self._secret = secret
        self.max_attempts = max_attempts
        self.window = window

    @classmethod
    def for_settings(cls, store: Store, settings: Settings) -> Roles:
        """Roles with the deployment's secret and lockout rules."""
        return cls(
            store,
            load_secret(settings.database),
            max_attempts=settings.join_max_attempts,
            window=timedelta(minutes=settings.join_window_minutes),
        )

    def _hash(self, code: str) -> str:
        return hmac.new(self._secret, f"invite:{code}".encode(), hashlib.sha256).hexdigest()

    def _now(self) -> datetime:
        return self.store.clock()

    # -- invites

    async def create_invite(
        self, role: Role, site: str | None, *, days: int = 7, actor: str = "cli"
    ) -> Invite:
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}")
        code = new_code()
        expires = _iso(self._now() + timedelta(days=days))
        await self.store.write(
            "INSERT INTO invites (code_hash, role, site, created_at, expires_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (self._hash(normalise_code(code) or ""), role, site, self.store.now(), expires),
        )
        await audit(self.store, actor, "invite", {"role": role, "site": site, "expires": expires})
        return Invite(code, role, site, expires)

    async def join(self, key: str, typed: str) -> JoinResult:
        """Redeem a code for the person with ``key``; every failure counts towards lockout."""
        retry = await self._locked_for(key)
        if retry:
            return JoinResult("locked", retry_minutes=retry)
        code = normalise_code(typed)
        row = None
        if code is not None:
            async with self.db.execute(
                "SELECT id, role, site, expires_at, used_at FROM invites WHERE code_hash = ?",
                (self._hash(code),),
            ) as cur:
                row = await cur.fetchone()
        now = self.store.now()
        status: JoinStatus = "invalid"
        if row is not None and row["used_at"]:
            status = "used"
        elif row is not None:
            status = "expired" if row["expires_at"] <= now else "joined"

        def record(conn: sqlite3.Connection) -> JoinStatus:
            result = status
            if result == "joined":
                claimed = conn.execute(
                    "UPDATE invites SET used_at = ? WHERE id = ? AND used_at IS NULL",
                    (now, row["id"]),
                )
                result = "joined" if claimed.rowcount == 1 else "used"
            if result == "joined":
                conn.execute(
                    "UPDATE roles SET revoked_at = ?"
                    " WHERE respondent_key = ? AND revoked_at IS NULL",
                    (now, key),
                )
                conn.execute(
                    "INSERT INTO roles (respondent_key, role, site, granted_at, invite_id)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (key, row["role"], row["site"], now, row["id"]),
                )
            conn.execute(
                "INSERT INTO join_attempts (respondent_key, at, ok) VALUES (?, ?, ?)",
                (key, now, int(result == "joined")),
            )
            return result

        # Claiming the code, granting the role and counting the try commit together.
        status = await self.store.atomic(record)
        if status != "joined":
            return JoinResult(status)
        await audit(self.store, key, "join", {"role": row["role"], "site": row["site"]})
        return JoinResult("joined", row["role"], row["site"])

    async def _locked_for(self, key: str) -> int:
        """Minutes until ``key`` may try again (0: not locked)."""
        since = _iso(self._now() - self.window)
        async with self.db.execute(
            "SELECT at FROM join_attempts WHERE respondent_key = ? AND ok = 0 AND at > ?"
            " ORDER BY at",
            (key, since),
        ) as cur:
            failures = [r[0] for r in await cur.fetchall()]
        if len(failures) < self.max_attempts:
            return 0
        # Free again when enough failures have aged out of the window.
        frees_at = datetime.fromisoformat(failures[-self.max_attempts]) + self.window
        return max(1, math.ceil((frees_at - self._now()).total_seconds() / 60))

    # -- roles

    async def role_of(self, key: str) -> Grant | None:
        async with self.db.execute(
            "SELECT * FROM roles WHERE respondent_key = ? AND revoked_at IS NULL", (key,)
        ) as cur:
            row = await cur.fetchone()
        return _grant(row) if row else None

    async def check(self, key: str, allowed: frozenset[Role]) -> Grant | None:
        """The person's live grant if its role is in ``allowed``, else None."""
        grant = await self.role_of(key)
        return grant if grant and grant.role in allowed else None

    async def list(self, *, include_revoked: bool = False) -> list[Grant]:
        live = "" if include_revoked else " WHERE revoked_at IS NULL"
        async with self.db.execute(f"SELECT * FROM roles{live} ORDER BY granted_at, id") as cur:
            return [_grant(r) for r in await cur.fetchall()]

    async def revoke(self, key_prefix: str, *, actor: str = "cli") -> Grant:
        """End the one live role whose key starts with ``key_prefix``."""
        if len(key_prefix) < MIN_REVOKE_PREFIX:
            raise RevokeError(f"give at least {MIN_REVOKE_PREFIX} characters of the key")
        async with self.db.execute(
            "SELECT * FROM roles WHERE revoked_at IS NULL"
            " AND substr(respondent_key, 1, length(?)) = ?",
            (key_prefix, key_prefix),
        ) as cur:
            rows = await cur.fetchall()
        if not rows:
            raise RevokeError(f"no live role has a key starting {key_prefix!r}")
        if len(rows) > 1:
            raise RevokeError(f"{len(rows)} roles have keys starting {key_prefix!r}: give more")
        now = self.store.now()
        # A peer's desk closes with the role, in the same commit: from then on no tap
        # or message of theirs reaches the form they had in hand.
        await self.store.transaction(
            [
                ("UPDATE roles SET revoked_at = ? WHERE id = ?", (now, rows[0]["id"])),
                ("DELETE FROM peer_desks WHERE peer_key = ?", (rows[0]["respondent_key"],)),
            ]
        )
        grant = _grant(rows[0]).model_copy(update={"revoked_at": now})
        await audit(self.store, actor, "revoke", {"key": grant.respondent_key, "role": grant.role})
        return grant


def join_reply(
    catalogue: Catalogue, result: JoinResult, lang: str, settings: Settings | None = None
) -> str:
    """What to tell the person after /join, in their language (the site by its name)."""
    if result.status == "joined":
        role = catalogue.text(f"role.{result.role}", lang)
        if result.site is None:
            return catalogue.text("join.ok_all_sites", lang, role=role)
        site = settings.site(result.site) if settings else None
        name = catalogue.pick(site.name, lang) if site else result.site
        return catalogue.text("join.ok", lang, role=role, site=name)
    if result.status == "locked":
        return catalogue.text("join.locked", lang, minutes=result.retry_minutes)
    return catalogue.text(f"join.{result.status}", lang)


def _grant(row: Any) -> Grant:
    return Grant(
        respondent_key=row["respondent_key"],
        role=row["role"],
        site=row["site"],
        granted_at=row["granted_at"],
        revoked_at=row["revoked_at"],
    )
