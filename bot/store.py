"""All SQL lives here.  SQLite is the only persistence: sessions, answers, state.

One aiosqlite connection serialises writes; WAL lets reports read while the bot
writes.  Every event's writes go in one transaction, committed before the
adapter shows the next question.

The one read on every update (the person's open session) goes through a second,
read-only connection on the event loop's own thread.  It is a single-row index
look-up of committed data (~15 us), cheaper than the trip to aiosqlite's thread
and back (~40 us), and in WAL mode a reader does not wait for writers.  (An
in-memory database has no second connection, so there it is an ordinary read.)
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

from bot import logsafe, once, schema
from bot.checkpoints import Checkpointer
from bot.conversation import State, Write
from bot.flows import Flow, definition_fingerprint, without_empty_sections
from bot.translations import localise
from bot.translations.catalog import translations
from bot.translations.walk import english_only

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
T = TypeVar("T")


def utcnow() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


WAL_BACKSTOP_PAGES = 10_000
"""WAL pages (~40 MB) past which the writer checkpoints in its own commit after all.

The checkpoint thread (bot/checkpoints.py) copies pages back while the writer goes on
writing, so the WAL is only rewound to its start when a write begins at a moment when
every page is copied.  Under writes back to back (a purge of a long backlog, a burst)
that moment never came: 15 s of writes grew the WAL to 1.2 GB beside a 290 MB database,
and it would fill the disk.  SQLite's default checkpointed every 1,000 pages in the
commit; this backstop does the same only when the thread has not kept up, and then has
little left to copy."""

BUSY_TIMEOUT_MS = 30_000
"""How long a write waits for another process's write (a purge or an export starting) to
finish, before the person is told to try later.  SQLite's default, 5 s, was too short
for a purge of a large database, and "database is locked" reached people."""


_IOERR_SHMSIZE = getattr(sqlite3, "SQLITE_IOERR_SHMSIZE", 4874)
"""No room to make the -shm file that every WAL connection needs: on a full disk a
start-up fails with this "disk I/O error" before it reads a page."""


def storage_trouble(exc: BaseException) -> str | None:
    """ "full" or "busy" when a write failed for want of disk space or the write lock:
    nothing was stored, and trying again later will work.  None for any other error."""
    if not isinstance(exc, sqlite3.OperationalError):
        return None
    extended = getattr(exc, "sqlite_errorcode", 0)
    code = extended & 0xFF
    if code == sqlite3.SQLITE_FULL or "disk is full" in str(exc) or extended == _IOERR_SHMSIZE:
        return "full"
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in str(exc):
        return "busy"
    return None


class FlowChanged(Exception):
    """A flow file was edited but its version was not raised."""


class DatabaseUnavailable(Exception):
    """The database path cannot be opened as a database (a folder, a file that is not a
    database, a folder that cannot be written); the message names the path and why."""

    def __init__(self, path: Path | str, reason: str, hint: str | None = None):
        super().__init__(
            f"cannot use the database {path}: {reason}. "
            + (hint or "Check `database` in the config (or FEEDBACK_BOT_DATABASE).")
        )


@dataclass
class Session:
    id: str
    respondent_key: str
    channel: str
    mode: str
    site: str | None
    area: str | None
    respondent_group: str | None
    state: State

    @property
    def flow_id(self) -> str:
        return self.state.flow_id


@dataclass(frozen=True)
class AnswerMeta:
    """What the service learnt about a free-text answer before storing it."""

    detected_lang: str | None = None
    """The language it is written in, whether the bot offers it or not."""
    lang_prob: float | None = None
    risk_flag: bool = False
    lang_clear: bool = False
    """Far enough ahead of the runner-up to offer a switch on (not stored)."""


@dataclass(frozen=True)
class Purged:
    sessions: int
    answers: int
    cutoff: str
    """Sessions started before this moment were (or, in a dry run, would be) deleted."""


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) for every file in bot/migrations, in order."""
    return [(m.number, m.name, m.sql) for m in schema.migrations()]


class Store:
    def __init__(self, db: aiosqlite.Connection, clock: Clock = utcnow):
        self.db = db
        self.clock = clock
        self._reader: sqlite3.Connection | None = None
        self._staff: aiosqlite.Connection | None = None
        self._path: Path | None = None
        self._checkpoints: Checkpointer | None = None
        self._revisions: set[str] = set()
        """Catalogue revisions this store has recorded: each is inserted once, not per answer."""
        self._second, self._second_text = -1, ""
        self._handoffs: _Handoffs | None = None
        """Counts work handed to aiosqlite's thread (None: a connection opened elsewhere,
        whose every write goes there)."""

    @classmethod
    async def open(cls, path: Path | str, clock: Clock = utcnow) -> Store:
        # aiosqlite logs every statement's parameters at DEBUG: clean records first.
        logsafe.install()
        if str(path) != ":memory:":
            path = Path(path)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                if not path.exists():
                    # Owner-only from the first byte; SQLite gives -wal and -shm the same
                    # mode. Another process starting at the same moment may have made it.
                    with contextlib.suppress(FileExistsError):
                        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            except OSError as exc:
                raise DatabaseUnavailable(path, exc.strerror or str(exc)) from None
            if path.is_dir():
                raise DatabaseUnavailable(path, "it is a folder; name a file inside it")
        try:
            # Not tied to aiosqlite's thread: a small write may run on the loop's own
            # thread when that thread is idle (``Store._inline``), never both at once.
            db = await aiosqlite.connect(str(path), check_same_thread=False)
        except sqlite3.Error as exc:
            raise DatabaseUnavailable(path, str(exc)) from None
        store = cls(db, clock)
        store._handoffs = _Handoffs(db)
        try:
            db.row_factory = aiosqlite.Row
            await db.execute("PRAGMA journal_mode=WAL")
            await db.execute("PRAGMA foreign_keys=ON")
            await db.execute("PRAGMA synchronous=NORMAL")
            await db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            await store.migrate()
            if str(path) != ":memory:":
                store._reader = _read_only(Path(path))
                store._path = Path(path)
                # Checkpoints in a thread of their own, not in a person's commit.
                await db.execute(f"PRAGMA wal_autocheckpoint={WAL_BACKSTOP_PAGES}")
                # A WAL rewound after a burst is cut back to this size, not kept at its peak.
                await db.execute(f"PRAGMA journal_size_limit={WAL_BACKSTOP_PAGES * 4096}")
                async with db.execute("PRAGMA page_size") as cursor:
                    (page_size,) = await cursor.fetchone()
                store._checkpoints = Checkpointer(Path(path), page_size)
        except BaseException as exc:
            # aiosqlite's thread is not a daemon: left open, it keeps a failed process alive.
            await store.close()
            if storage_trouble(exc) == "full":
                # A migration at start-up rolled back whole: the path is right, space is not.
                raise DatabaseUnavailable(
                    path,
                    "the disk is full",
                    "Nothing was changed: the database is as it was. Free some space on"
                    f" {Path(path).parent} and start again.",
                ) from None
            if isinstance(exc, sqlite3.DatabaseError) and not isinstance(
                exc, sqlite3.IntegrityError
            ):
                # "file is not a database", "unable to open", "disk I/O error", a read-only
                # folder: the operator's to fix, so a message, not a traceback.
                raise DatabaseUnavailable(path, str(exc)) from None
            raise
        return store

    async def close(self) -> None:
        if self._checkpoints is not None:
            await self._checkpoints.close()
            self._checkpoints = None
        if self._staff is not None:
            await self._staff.close()
            self._staff = None
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        await self.db.close()

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    def now(self) -> str:
        """The time in ISO form, to the second; worked out once per second, since every
        update asks for it."""
        moment = self.clock()
        second = int(moment.timestamp())
        if second != self._second:
            self._second, self._second_text = second, _iso(moment)
        return self._second_text

    async def migrate(self) -> list[int]:
        """Check the migrations applied, apply the others (``bot.schema``); returns the
        numbers applied now.  Raises MigrationChanged if an applied one was edited."""
        now = self.now()
        return await self.atomic(lambda conn: schema.migrate(conn, now))

    async def schema_version(self) -> int:
        async with self.db.execute("SELECT max(version) FROM schema_migrations") as cur:
            row = await cur.fetchone()
        return int(row[0] or 0)

    async def answers_by_translation(self) -> dict[str, dict[str, int]]:
        """Per language, answers given in a catalogue revision that was fully ``reviewed``,
        in one with ``unreviewed`` entries, or ``unknown`` (sessions from before
        migration 020).  English is the source: always reviewed."""
        async with self.db.execute(_ANSWERS_BY_TRANSLATION) as cur:
            rows = await cur.fetchall()
        out: dict[str, dict[str, int]] = {}
        for lang, state, count in rows:
            out.setdefault(lang, {"reviewed": 0, "unreviewed": 0, "unknown": 0})[state] += count
        return out

    # -- flows

    async def register_flow(self, flow: Flow) -> None:
        """Snapshot a flow version, refusing one that changed without a version bump.

        The snapshot is the English source and its logic: translations are not part
        of a version, so a corrected translation needs no new one.  A snapshot stored
        before that (with every translation in it) still matches on its English.
        One atomic step (insert unless present, then read what is stored), so
        processes starting together on one database cannot both insert it.
        """
        source = flow.source()
        fingerprint = definition_fingerprint(source)
        row = (flow.id, flow.version, fingerprint, json.dumps(source), self.now())

        def register(conn: sqlite3.Connection) -> bool:
            conn.execute(
                "INSERT INTO flow_versions VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (flow_id, version) DO NOTHING",
                row,
            )
            stored, definition = conn.execute(
                "SELECT fingerprint, definition FROM flow_versions"
                " WHERE flow_id = ? AND version = ?",
                (flow.id, flow.version),
            ).fetchone()
            if stored == fingerprint:
                return True
            english = without_empty_sections(english_only(json.loads(definition), "flow"))
            return definition_fingerprint(english) == fingerprint

        if not await self.atomic(register):
            raise FlowChanged(
                f"flow {flow.id!r} version {flow.version} differs from the version already "
                "used for stored answers: raise 'version' in the flow file"
            )

    async def flow_snapshot(self, flow_id: str, version: int) -> Flow | None:
        """A stored version, in every language the catalogues hold today."""
        async with self.db.execute(
            "SELECT definition FROM flow_versions WHERE flow_id = ? AND version = ?",
            (flow_id, version),
        ) as cur:
            row = await cur.fetchone()
        if row is None:
            return None
        # English first: a snapshot stored with its translations shows today's catalogue too.
        return Flow.model_validate(localise(english_only(json.loads(row[0]), "flow"), "flow"))

    async def flow_snapshots(self) -> list[Flow]:
        """Every stored flow version, for checking that a step id keeps its meaning."""
        async with self.db.execute("SELECT definition FROM flow_versions") as cur:
            return [Flow.model_validate_json(row[0]) for row in await cur.fetchall()]

    # -- sessions

    async def create_session(
        self,
        respondent_key: str,
        channel: str,
        state: State,
        *,
        mode: str = "own_device",
        site: str | None = None,
        area: str | None = None,
    ) -> Session:
        session = Session(
            id=uuid.uuid4().hex,
            respondent_key=respondent_key,
            channel=channel,
            mode=mode,
            site=site,
            area=area,
            respondent_group=None,
            state=state,
        )
        now = self.now()
        insert = (
            "INSERT INTO sessions (id, respondent_key, channel, mode, flow_id, flow_version,"
            " lang, site, area, respondent_group, status, started_at, updated_at, state)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)"
        )
        values = (
            session.id,
            respondent_key,
            channel,
            mode,
            state.flow_id,
            state.flow_version,
            state.lang,
            site,
            area,
            state.status,
            now,
            now,
            state.model_dump_json(),
        )
        await self.write(insert, values, small=True)
        return session

    open_since: Callable[[datetime], str] | None = None
    """Given now, the UTC ISO instant before which an unfinished session has expired (set by
    ``Conversations`` from the reports' week); None: sessions never expire."""

    async def current_session(self, respondent_key: str, channel: str) -> Session | None:
        """The person's newest session that is not finished and has not expired, if any.

        An expired one (see ``open_since``) is left as it is: the person starts afresh.
        """
        since = self.open_since(self.clock()) if self.open_since else ""
        args = (respondent_key, channel, since)
        if self._reader is not None:
            # fetchall steps the statement to its end, so no read stays open to
            # hold back a WAL checkpoint.
            rows = self._reader.execute(_CURRENT_SESSION, args).fetchall()
        else:
            rows = list(await self.db.execute_fetchall(_CURRENT_SESSION, args))
        return _session(rows[0]) if rows else None

    async def get_session(self, session_id: str) -> Session | None:
        async with self.db.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)) as cur:
            row = await cur.fetchone()
        return _session(row) if row else None

    async def save(
        self,
        session: Session,
        writes: Iterable[Write] = (),
        meta: dict[str, AnswerMeta] | None = None,
    ) -> bool:
        """Store the new state and its answers in one transaction; False if the
        session is gone.

        A changed answer replaces the old row (same session and step), so going
        back never duplicates an answer.  The session may have been deleted
        since it was read (the purge, or /delete, run outside the person's
        turn): then nothing is written, rather than answers without a session.
        """
        meta = meta or {}
        state = session.state
        now = self.now()
        statements: list[tuple[str, tuple[Any, ...]]] = []
        for write in writes:
            if write.value is None:
                statements.append((_DELETE_ANSWER, (session.id, write.step_id)))
                continue
            m = meta.get(write.step_id, AnswerMeta())
            value = write.value if isinstance(write.value, str) else json.dumps(write.value)
            statements.append(
                (
                    _UPSERT_ANSWER,
                    (
                        session.id,
                        state.flow_id,
                        state.flow_version,
                        write.step_id,
                        write.kind,
                        value,
                        write.score,
                        write.stage,
                        write.topic,
                        m.detected_lang,
                        m.lang_prob,
                        int(m.risk_flag),
                        now,
                    ),
                )
            )
        revision, new_revision = self._shown_revision(state.lang, now)
        if new_revision is not None:
            statements.append(new_revision)
        update = (
            state.model_dump_json(),
            state.status,
            state.lang,
            session.site,
            session.area,
            session.respondent_group,
            now,
            now if state.finished else None,
            revision,
            session.id,
        )

        def run(conn: sqlite3.Connection) -> bool:
            if conn.execute(_UPDATE_SESSION, update).rowcount == 0:
                return False
            for sql, args in statements:
                conn.execute(sql, args)
            return True

        saved = await self.atomic(run, small=True)
        if saved and new_revision is not None:
            self._revisions.add(revision)
        return saved

    def _shown_revision(self, lang: str, now: str) -> tuple[str, _Statement | None]:
        """The catalogue revision a session in ``lang`` is shown (see migration 020), and
        the statement recording that revision if this store has not recorded it yet.

        Every save records it; counting a catalogue's entries and inserting its row once
        per revision, not once per answer, keeps that off the per-update cost.
        """
        cat = translations(lang)
        revision = f"{lang}:{cat.revision}"
        if revision in self._revisions:
            return revision, None
        reviewed = sum(1 for e in cat.entries.values() if e.text and not e.fuzzy)
        translated = sum(1 for e in cat.entries.values() if e.text)
        insert = (
            "INSERT INTO catalogue_revisions VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (revision, lang, translated, reviewed, now),
        )
        return revision, insert

    async def flag_risk(self, session_id: str, step_id: str) -> None:
        """Mark a stored text answer as part of a disclosure found later (its second half
        came in the next message): kept out of every report's quotes from now on."""
        await self.write(
            "UPDATE answers SET risk_flag = 1 WHERE session_id = ? AND step_id = ?"
            " AND kind = 'text' AND risk_flag = 0",
            (session_id, step_id),
            small=True,
        )

    async def staff_read(self, sql: str, args: Iterable[object] = ()) -> list[tuple[Any, ...]]:
        """Rows of a staff or report query, on a read-only connection of its own.

        Not ``read``, which is for the one-row look-ups on every update and runs on
        the loop's own thread.  Reports and /review read many rows; on the writer's
        connection every respondent's answer would queue behind them, and on the
        loop's thread nobody would be answered meanwhile.  In WAL mode this reader
        neither waits for the writer nor holds it up, and it runs on its own thread.
        (An in-memory database has one connection.)
        """
        if self._path is None:
            async with self.db.execute(sql, tuple(args)) as cur:
                return [tuple(r) for r in await cur.fetchall()]
        if self._staff is None:
            staff = await aiosqlite.connect(f"file:{self._path}?mode=ro", uri=True)
            await staff.execute("PRAGMA query_only = ON")
            self._staff = staff
        async with self._staff.execute(sql, tuple(args)) as cur:
            return [tuple(r) for r in await cur.fetchall()]

    async def write(self, sql: str, args: tuple[Any, ...] = (), *, small: bool = False) -> int:
        """One statement, committed; returns the number of rows changed (``small``: see
        ``atomic``)."""
        return await self.transaction([(sql, args)], small=small)

    async def transaction(
        self, statements: list[tuple[str, tuple[Any, ...]]], *, small: bool = False
    ) -> int:
        """Run statements as one transaction; returns the number of rows changed."""

        def run(conn: sqlite3.Connection) -> int:
            return sum(conn.execute(sql, args).rowcount for sql, args in statements)

        return await self.atomic(run, small=small)

    async def atomic(self, work: Callable[[sqlite3.Connection], T], *, small: bool = False) -> T:
        """Run ``work`` and commit it (or roll it back) in a single trip to the database thread.

        Every write goes through here.  The bot serves several people at once on
        one connection: statements awaited one by one could be committed half-way
        by someone else's commit, or undone by their rollback.  Inside one trip
        nothing else can run.  It is also one thread hop instead of one per
        statement, which roughly doubles the bot's throughput.  ``work`` runs on
        that thread, so it must only use the connection it is given.

        ``small``: a few rows (a person's answer, a broadcast's mark), which run on
        the loop's own thread instead when nothing else is using the connection
        and no other process holds the write lock (``_inline``).
        """

        # The Telegram update being handled goes in with the first thing it stores (bot/once.py).
        handling = once.pending()
        hour = self.now()[:13] if handling is not None else ""

        def run(conn: sqlite3.Connection) -> T:
            try:
                result = work(conn)
                if handling is not None:
                    conn.execute(once.RECORD, (handling.update_id, hour))
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
            return result

        conn = self._idle_writer() if small else None
        if conn is not None and self._inline(conn):
            result = self._here(run, conn)
            # A write here never suspends: without a turn of the loop, a caller that
            # writes in a loop (a burst of sessions while a purge runs) would starve
            # every other task, the purge's next batch among them.
            await asyncio.sleep(0)
        else:
            result = await self.db._execute(run, self.db._conn)
        if handling is not None:
            handling.recorded = True
        if self._checkpoints is not None:
            self._checkpoints.poke()
        return result

    def _idle_writer(self) -> sqlite3.Connection | None:
        """The writer's connection if the loop's thread may use it now: nothing is
        queued for or running on aiosqlite's thread (and nothing can be queued while
        this thread runs), no transaction is open on it, and the WAL's checkpoints are
        known to keep up (a commit past the backstop checkpoints in itself: not on this
        thread).  After a failed checkpoint how far behind is not known; before the
        first, the WAL file's size says (a crash may leave it long: attack19b)."""
        handoffs, db = self._handoffs, self.db
        if handoffs is None or not handoffs.idle() or not db._running:
            return None
        conn = db._connection
        if conn is None or conn.in_transaction:
            return None
        if self._checkpoints is not None:
            behind = self._checkpoints.behind
            if behind is None or behind > INLINE_BEHIND:
                return None  # a failed checkpoint: how far behind is not known
        return conn

    @staticmethod
    def _here(run: Callable[[sqlite3.Connection], T], conn: sqlite3.Connection) -> T:
        """A small write on the loop's thread (a function of its own, so that
        ``bench/e2e_bots.py`` can time it)."""
        return run(conn)

    def _inline(self, conn: sqlite3.Connection) -> bool:
        """Take the write lock at once on the loop's thread, or say it cannot.

        Two trips between threads per write (queued to aiosqlite's thread, then the
        loop woken with the result) were about a quarter of the slowest 1 % of
        people's updates: on a busy machine each thread waits for a core in turn.  A
        small write done here costs ~0.3 ms of this thread instead.  But this thread
        must never wait: with another process writing (a purge from the command line,
        a report's ledger) the lock is not free, and the write goes to aiosqlite's
        thread, which waits up to ``BUSY_TIMEOUT_MS`` for it as before.  The
        transaction, its commit and what a full disk does are the same either way.
        """
        try:
            conn.execute("PRAGMA busy_timeout = 0")
            try:
                conn.execute("BEGIN IMMEDIATE")
            finally:
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.rollback()
            return False
        return True

    async def handled(self, update_id: int) -> bool:
        """True if a Telegram update with this id was handled already (bot/once.py)."""
        sql, args = "SELECT 1 FROM handled_updates WHERE update_id = ?", (update_id,)
        return bool(await self.read(sql, args))

    async def read(self, sql: str, args: tuple[Any, ...] = ()) -> list[Any]:
        """All rows of a small read, on the read connection where there is one.

        That runs on the loop's thread: no trip to the database thread (three for
        an ``execute`` + ``fetchone`` + close), which on the per-update path costs
        more than the query.  Commits are done before a write returns, so this sees them.
        """
        if self._reader is not None:
            return self._reader.execute(sql, args).fetchall()

        def run(conn: sqlite3.Connection) -> list[Any]:
            return conn.execute(sql, args).fetchall()

        # As a closure: aiosqlite logs what it runs at DEBUG, the parameters of a partial too.
        return await self.db._execute(run, self.db._conn)

    async def forget_handled(self, older_than: timedelta = once.KEEP) -> int:
        """Drop handled update ids older than Telegram could deliver them again."""
        cutoff = _iso(self.clock() - older_than)[:13]
        return await self.write("DELETE FROM handled_updates WHERE handled_hour < ?", (cutoff,))

    async def answers(self, session_id: str) -> dict[str, Any]:
        """A session's stored answers by step id (multi-selects as lists)."""
        async with self.db.execute(
            "SELECT step_id, kind, value FROM answers WHERE session_id = ? ORDER BY id",
            (session_id,),
        ) as cur:
            rows = await cur.fetchall()
        return {r[0]: json.loads(r[2]) if r[1] == "multi" else r[2] for r in rows}

    async def delete_session(self, session_id: str) -> None:
        await self.write("DELETE FROM sessions WHERE id = ?", (session_id,))

    async def purge(
        self,
        older_than: timedelta | None = None,
        *,
        cutoff: datetime | None = None,
        dry_run: bool = False,
    ) -> Purged:
        """Delete sessions started more than ``older_than`` ago (or before ``cutoff``,
        the moment the caller settled on); answers go by cascade."""
        if cutoff is None:
            assert older_than is not None, "purge needs older_than or cutoff"
            cutoff = self.clock() - older_than
        before = _iso(cutoff)
        # Counted on the staff reader: on the writer's thread a count over a year's
        # backlog held up every answer behind it.
        ((sessions, answers),) = await self.staff_read(
            "SELECT count(*), (SELECT count(*) FROM answers WHERE session_id IN"
            " (SELECT id FROM sessions WHERE started_at < ?)) FROM sessions WHERE started_at < ?",
            (before, before),
        )
        if not dry_run:
            # In batches, each its own transaction: people's answers (on this connection,
            # or another process's) go in between, instead of waiting for a year's backlog.
            # An answer arriving mid-batch waits for the rest of it, so a batch is sized to
            # take about PURGE_BATCH_SECONDS on this machine, whatever a row costs here.
            size, unchecked = PURGE_BATCH_FIRST, 0
            patience = PURGE_WAL_PATIENCE
            while True:
                began = time.perf_counter()
                deleted = await self.write(_PURGE_BATCH, (before, size))
                if not deleted:
                    break
                took = max(time.perf_counter() - began, 1e-4)
                size = max(1, min(PURGE_BATCH, 2 * size, int(size * PURGE_BATCH_SECONDS / took)))
                if self._checkpoints is not None:
                    # Let a checkpoint finish, so the next batch rewinds the WAL
                    # (tests/test_wal_bounded.py); answers meanwhile are not held up.
                    # One of our own every PURGE_CHECKPOINT_SESSIONS: the WAL never reaches
                    # the backstop, whose checkpoint would run in a person's commit.
                    unchecked += deleted
                    if unchecked >= PURGE_CHECKPOINT_SESSIONS:
                        unchecked = 0
                        await self._checkpoints.now()
                        patience -= await self._until_checkpoints_catch_up(patience)
                    else:
                        await self._checkpoints.settle()
            # Helplines owed longer than answers are kept (bot/telegram/alerts.py): most
            # go with their session, but a caption or an edit at first contact has none.
            await self.write("DELETE FROM owed_alerts WHERE owed_at < ?", (before,))
        return Purged(sessions, answers, before)

    async def _until_checkpoints_catch_up(self, patience: float) -> float:
        """Hold the purge while a reader keeps the WAL from being copied back.

        A report being made (another process) or a backup's copy reads from a snapshot,
        and a checkpoint cannot copy back pages written after it until the read ends.
        A purge carrying on meanwhile grew the WAL to the backstop (10,029 pages, 6,945
        of them not copied, in bench/busy_e2e.py with an export, the purge and a
        backup), and the commit that crossed it, a person's answer, checkpointed all
        of that on the writer: the busy phase's p99 was 550 ms.  Waiting costs the
        purge (a job at a quiet hour) seconds; nobody notices that.

        Waits at most ``patience`` seconds (what is left of the purge's
        ``PURGE_WAL_PATIENCE``: a read that never ends must not hold every later batch
        too); returns the seconds waited.
        """
        checkpoints = self._checkpoints
        assert checkpoints is not None
        waited = 0.0
        while (checkpoints.behind or 0) > WAL_BACKSTOP_PAGES * PURGE_WAL_BEHIND:
            if checkpoints.closed:
                break  # the store is closing (the bot stops): the next batch says so
            if waited >= patience:
                if patience > 0:  # said once per purge
                    log.warning(
                        "purge went on after %.0f s with %d WAL pages not checkpointed (a"
                        " long read in another connection)",
                        waited,
                        checkpoints.behind,
                    )
                break
            await asyncio.sleep(PURGE_WAL_RETRY)
            waited += PURGE_WAL_RETRY
            await checkpoints.now()
        return waited

    async def newest_session_id(self, respondent_key: str) -> str | None:
        """The id of the person's newest session, finished or not (None: they have none)."""
        rows = await self.read(
            "SELECT id FROM sessions WHERE respondent_key = ?"
            " ORDER BY started_at DESC, rowid DESC LIMIT 1",
            (respondent_key,),
        )
        return next((row[0] for row in rows), None)

    async def delete_respondent(self, respondent_key: str) -> int:
        """Remove every session (and, by cascade, answer) of one person, and any helplines
        owed to them; returns the sessions removed."""

        def delete(conn: sqlite3.Connection) -> int:
            conn.execute("DELETE FROM owed_alerts WHERE respondent_key = ?", (respondent_key,))
            # rowcount of a DELETE counts only the sessions, not the cascaded answers.
            sql = "DELETE FROM sessions WHERE respondent_key = ?"
            return conn.execute(sql, (respondent_key,)).rowcount

        return await self.atomic(delete)


INLINE_BEHIND = WAL_BACKSTOP_PAGES // 2
"""WAL pages left uncopied by the last checkpoint past which small writes go back to
aiosqlite's thread: near the backstop a commit may checkpoint in itself."""


class _Handoffs:
    """Counts work handed to an aiosqlite connection's thread, and finished there.

    Each count is written by one thread only (handed on the loop's, finished on
    aiosqlite's), so equal counts mean that thread has nothing queued or running.
    Counted at the thread itself, not when the awaiting task resumes: a cancelled
    task's work still runs there.
    """

    def __init__(self, db: aiosqlite.Connection) -> None:
        self.handed = self.finished = 0
        execute = db._execute

        async def counted(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
            if not db._running or db._connection is None:
                return await execute(fn, *args, **kwargs)  # raises: closed

            def run() -> T:
                try:
                    return fn(*args, **kwargs)
                finally:
                    self.finished += 1

            self.handed += 1
            return await execute(run)

        db._execute = counted  # type: ignore[method-assign]

    def idle(self) -> bool:
        return self.handed == self.finished


PURGE_BATCH = 200
"""Most sessions deleted per transaction by the purge (with their answers)."""
PURGE_BATCH_FIRST = 20
PURGE_CHECKPOINT_SESSIONS = 100
"""Sessions the purge deletes between its own checkpoints (``Checkpointer.now``): with
~16 answers each, ~1,000-2,000 WAL pages, well under ``WAL_BACKSTOP_PAGES``."""
PURGE_WAL_BEHIND = 0.2
"""The purge waits while more than this share of ``WAL_BACKSTOP_PAGES`` is left in the
WAL uncopied by its checkpoint (``Store._until_checkpoints_catch_up``)."""
PURGE_WAL_RETRY = 0.2
"""Seconds between its checkpoints while it waits."""
PURGE_WAL_PATIENCE = 600.0
"""The longest one purge waits in all, then goes on without waiting: a read that takes
longer is stuck, and the backstop still bounds the WAL."""
PURGE_BATCH_SECONDS = 0.004
"""What one purge transaction should take: an answer that arrives meanwhile waits this
long at most.  200 sessions a batch took 30-100 ms on a small shared server (the
respondents' p99 target is 20 ms)."""
_PURGE_BATCH = (
    "DELETE FROM sessions WHERE rowid IN (SELECT rowid FROM sessions WHERE started_at < ? LIMIT ?)"
)
_Statement = tuple[str, tuple[Any, ...]]
_DELETE_ANSWER = "DELETE FROM answers WHERE session_id = ? AND step_id = ?"
_UPSERT_ANSWER = (
    "INSERT INTO answers (session_id, flow_id, flow_version, step_id, kind, value, score, stage,"
    " topic, detected_lang, lang_prob, risk_flag, answered_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (session_id, step_id) DO UPDATE SET value = excluded.value,"
    " score = excluded.score, detected_lang = excluded.detected_lang,"
    " lang_prob = excluded.lang_prob, risk_flag = excluded.risk_flag,"
    " answered_at = excluded.answered_at"
)
_CURRENT_SESSION = (
    "SELECT * FROM sessions WHERE respondent_key = ? AND channel = ?"
    " AND status IN ('new', 'active') AND started_at >= ?"
    " ORDER BY started_at DESC, rowid DESC LIMIT 1"
)
_ANSWERS_BY_TRANSLATION = """
SELECT s.lang,
       CASE WHEN s.lang = 'en' THEN 'reviewed'
            WHEN r.revision IS NULL THEN 'unknown'
            WHEN r.reviewed < r.entries OR r.entries = 0 THEN 'unreviewed'
            ELSE 'reviewed' END,
       count(a.session_id)
FROM answers a JOIN sessions s ON s.id = a.session_id
LEFT JOIN catalogue_revisions r ON r.revision = s.catalogue_revision
GROUP BY 1, 2
"""
_UPDATE_SESSION = (
    "UPDATE sessions SET state = ?, status = ?, lang = ?, site = ?, area = ?,"
    " respondent_group = ?, updated_at = ?, finished_at = coalesce(finished_at, ?),"
    " catalogue_revision = ? WHERE id = ?"
)


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection for the loop's thread that cannot write and never waits for a lock."""
    reader = sqlite3.connect(path, timeout=0, isolation_level=None, check_same_thread=True)
    reader.row_factory = sqlite3.Row
    reader.execute("PRAGMA query_only = ON")
    return reader


def _session(row: aiosqlite.Row | sqlite3.Row) -> Session:
    return Session(
        id=row["id"],
        respondent_key=row["respondent_key"],
        channel=row["channel"],
        mode=row["mode"],
        site=row["site"],
        area=row["area"],
        respondent_group=row["respondent_group"],
        state=State.model_validate_json(row["state"]),
    )
