"""Reports for the bot, built in a process of their own, one at a time.

Building a report (SQL, suppression, comparison) and rendering it (HTML, XLSX,
charts) is seconds of CPU with many comments.  On the bot's event loop every
respondent waited behind it (p99 7.3 s with 16,000 comments); in a thread of
the bot's process they would still queue for the GIL at every step.  A process:

- never holds up the loop: the bot only waits for a few bytes on a pipe;
- can be stopped: ``stop()`` ends it when the bot shuts down, so shutdown never
  waits for an export (a thread cannot be stopped);
- gives its memory back when it ends, and only one runs at a time
  (``ReportBusy`` for a second request; the weekly job waits its turn);
- fails alone: a crash, a full disk or a kill is ``ReportFailed`` in the bot,
  which keeps answering people.

The process opens the database itself (WAL: it neither waits for the bot's
writes nor holds them up, bar the short transactions that tag new comments and
record the export in the audit log) and runs the very functions the command
line runs (``bot.report.export``).  Files are written under a folder the caller
chose; ``export_files`` only puts a file there once it is complete.

Each report process is forked from a fork server (``multiprocessing``'s
"forkserver": a small process started once, with the report modules imported),
gets its request as JSON (the settings with it, never on a command line) and
sends back a JSON answer on a pipe.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import multiprocessing
import os
import traceback
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from bot.config import Settings
from bot.i18n import load_catalogue
from bot.report.bulletin import bulletins
from bot.report.export import (
    FORMATS,
    build_public,
    export_files,
    praise_text,
    record_export,
    weekly_summary_text,
)
from bot.report.model import Audience
from bot.report.period import Period
from bot.report.purged import Parts, PurgedDays, settle
from bot.report.warm import warm_counts
from bot.store import Store, storage_trouble

log = logging.getLogger(__name__)

STOP_GRACE = 3.0
"""Seconds a stopped worker has to end on SIGTERM before it is killed."""
TIMEOUT = 30 * 60.0
"""An export that takes longer than this has hung: it is ended, and staff told it failed."""
NICE = 10
"""The report process's lower priority: on a small server it gets the CPU the bot leaves,
so people's answers are not slowed by a report being made."""

FLOWS_ENV = "FEEDBACK_REPORT_FLOWS"
"""Where the bot's flows are, for the fork server to compile the theme codebook once
(``bot/report/worker_preload.py``); not a ``FEEDBACK_BOT_`` setting."""

_CONTEXT = multiprocessing.get_context("forkserver")
"""Report processes are forked from a small server process that imported this module
once, not from the bot: forking a process with threads (aiosqlite's, the job queue's)
is unsafe, and a fresh interpreter costs seconds of imports per report."""
_CONTEXT.set_forkserver_preload(["bot.report.worker_preload"])


class ReportBusy(Exception):
    """Another report is being built; this one was not started."""


class ReportFailed(Exception):
    """The report could not be made; the message says why in general terms (no content)."""

    def __init__(self, reason: str, trouble: str | None = None):
        super().__init__(reason)
        self.trouble = trouble
        """"full" or "busy" when the database or the disk was the cause (see storage_trouble)."""


class ReportStopped(ReportFailed):
    """The bot is stopping: the report was abandoned, nothing half-made was kept."""


class ReportPurged(ReportFailed):
    """The period asked for reaches days the retention purge deleted (PurgedDays): no
    report of it can be made, now or later."""

    def __init__(self, first: date):
        super().__init__(f"a report can start on {first.isoformat()} or later")
        self.first = first


class Request(BaseModel):
    """What the worker process is asked to do."""

    task: Literal["summary", "export", "bulletins", "praise", "settle", "counts"]
    settings: dict[str, Any]
    period: Period
    site: str | None = None
    audience: Audience = "commissioners"
    formats: list[str] = list(FORMATS)
    out_dir: Path | None = None
    actor: str = "telegram"
    months: list[Period] = []


class Answer(BaseModel):
    ok: bool
    text: str = ""
    texts: dict[str, str] = {}
    files: list[Path] = []
    error: str = ""
    trouble: str | None = None
    purged: date | None = None
    """The period reached purged days (PurgedDays): the first day a report can start on."""
    parts: list[tuple[int, str, list[tuple[str, str, str, str, int | None]]]] = []
    """``settle``: per publication the purge cuts, its purged part's cells."""


class ReportWorker:
    """Builds one report at a time in a child process, for the bot (see the module doc)."""

    def __init__(self, settings: Settings, *, timeout: float = TIMEOUT):
        self.settings = settings
        self.timeout = timeout
        self._lock = asyncio.Lock()
        self._process: multiprocessing.process.BaseProcess | None = None
        self._stopping = False
        self._task: str | None = None
        """What the report process is doing now, if anything."""
        self._preempted = False
        """Counts being kept warm were stopped for a report."""
        # Read by the fork server when it starts (the first report): set before that.
        os.environ.setdefault(FLOWS_ENV, str(Path(settings.flows_dir).resolve()))

    @property
    def busy(self) -> bool:
        return self._lock.locked()

    async def summary(self, period: Period, *, site: str | None = None, wait: bool = False) -> str:
        """The staff-chat summary text (``weekly_summary_text``)."""
        answer = await self._run(
            Request(task="summary", settings={}, period=period, site=site), wait=wait
        )
        return answer.text

    async def bulletins(self, period: Period, *, wait: bool = False) -> dict[str, str]:
        """The network report in short, per enabled language (/publish)."""
        answer = await self._run(Request(task="bulletins", settings={}, period=period), wait=wait)
        return answer.texts

    async def praise(
        self, period: Period, *, site: str | None = None, wait: bool = False
    ) -> str | None:
        """The team-chat message of what people appreciated (``praise_post``), or None."""
        answer = await self._run(
            Request(task="praise", settings={}, period=period, site=site), wait=wait
        )
        return answer.text or None

    async def settle(self, through: date) -> Parts:
        """The purged part of each report the purge cuts, published against the ledger
        (``purged.settle``): a report's work, so here, off the bot's loop."""
        day = Period(start=through, end=through, label="purge", timezone="UTC")
        answer = await self._run(Request(task="settle", settings={}, period=day), wait=True)
        return {
            (pid, start): {tuple(c[:4]): c[4] for c in cells}  # type: ignore[misc]
            for pid, start, cells in answer.parts
        }

    async def export(
        self,
        period: Period,
        out_dir: Path,
        *,
        actor: str,
        site: str | None = None,
        audience: Audience = "commissioners",
        formats: list[str] | None = None,
        wait: bool = False,
        store: Store,
    ) -> list[Path]:
        """The report files (``export_files``), written under ``out_dir``; audited as
        ``actor`` in ``store`` here, once the files are back from the report process: a
        report killed part-way, or whose files were removed because the bot was gone,
        was never made for anyone, and is not recorded as made."""
        request = Request(
            task="export",
            settings={},
            period=period,
            site=site,
            audience=audience,
            formats=list(formats or FORMATS),
            out_dir=out_dir,
            actor=actor,
        )
        files = (await self._run(request, wait=wait)).files
        await record_export(
            store, actor=actor, period=period, audience=audience, files=files, site=site
        )
        return files

    async def keep_counts(self, months: list[Period]) -> None:
        """Tag and count ``months`` ahead of their exports (``bot/report/warm.py``), in
        the report process; ``ReportBusy`` if a report is being made (it counts them),
        or if one is asked for meanwhile: counts are only a saving, so the report goes
        first and this is stopped (its process killed; whatever it kept is exact)."""
        request = Request(task="counts", settings={}, period=months[-1], months=months)
        try:
            await self._run(request, wait=False)
        except ReportFailed:
            if not self._preempted:
                raise
            raise ReportBusy() from None  # a report came: it went first
        finally:
            self._preempted = False

    @property
    def pid(self) -> int | None:
        """The report process running now, if any."""
        return self._process.pid if self._process is not None else None

    async def stop(self) -> None:
        """End the report in progress, if any, and refuse new ones: the bot is stopping."""
        self._stopping = True
        process = self._process
        if process is None or process.exitcode is not None:
            return
        process.terminate()
        await asyncio.to_thread(process.join, STOP_GRACE)
        if process.exitcode is None:
            process.kill()
            await asyncio.to_thread(process.join)

    async def _run(self, request: Request, *, wait: bool) -> Answer:
        if self._stopping:
            raise ReportStopped("the bot is stopping")
        # Staff's report never waits for counts being kept warm, nor is told "busy".
        preempt = self.busy and self._task == "counts" and request.task != "counts"
        if preempt:
            self._preempted = True
            if self._process is not None:
                self._process.kill()
        if self.busy and not (wait or preempt):
            raise ReportBusy()
        async with self._lock:
            if self._stopping:
                raise ReportStopped("the bot is stopping")
            if str(self.settings.database) == ":memory:":
                raise ReportFailed("a report process needs the database in a file")
            request = request.model_copy(update={"settings": self.settings.model_dump(mode="json")})
            self._task = request.task
            try:
                return await self._in_child(request)
            finally:
                self._task = None

    async def _in_child(self, request: Request) -> Answer:
        ours, theirs = _CONTEXT.Pipe(duplex=False)
        process = _CONTEXT.Process(
            target=_child, args=(request.model_dump_json().encode(), theirs), daemon=True
        )
        try:
            # Forked by the fork server (started, with this module imported, on first use):
            # milliseconds, where a fresh interpreter took seconds on a busy machine.
            await asyncio.to_thread(process.start)
        except OSError as exc:
            raise ReportFailed(f"the report process could not start ({exc.strerror})") from None
        finally:
            theirs.close()
        self._process = process
        if self._preempted and request.task == "counts":
            process.kill()  # a report was asked for while this one started
        try:
            out = await asyncio.wait_for(asyncio.to_thread(_receive, ours), self.timeout)
        except BaseException as exc:
            # Cancelled (the handler or job was), or timed out: the child goes too.
            process.kill()
            await asyncio.shield(asyncio.to_thread(process.join))
            if isinstance(exc, TimeoutError):
                raise ReportFailed(f"took longer than {self.timeout:.0f} s") from None
            raise
        finally:
            self._process = None
            ours.close()
        await asyncio.to_thread(process.join)
        if self._stopping:
            raise ReportStopped("the bot is stopping")
        try:
            answer = Answer.model_validate_json(out)
        except ValueError:
            raise ReportFailed(f"the report process ended with code {process.exitcode}") from None
        if answer.purged is not None:
            raise ReportPurged(answer.purged)
        if not answer.ok:
            raise ReportFailed(answer.error, answer.trouble)
        return answer


def warm() -> None:
    """Start the fork server now, so the first report does not wait for it.  Blocking
    (it imports the report modules): run it in a thread."""
    global _warmed
    if _warmed:
        return
    _warmed = True
    with contextlib.suppress(OSError, ValueError):
        process = _CONTEXT.Process(target=_nothing, daemon=True)
        process.start()
        process.join()


_warmed = False


def _nothing() -> None:
    return None


def _receive(conn: Connection) -> bytes:
    """The child's answer; empty if it ended without one (killed, or crashed)."""
    try:
        return conn.recv_bytes()
    except (EOFError, OSError):
        return b""


def _child(request: bytes, conn: Connection) -> None:
    """In the report process: do the request, send the answer back."""
    # The bot's settings arrive whole; FEEDBACK_BOT_* in this process's environment (from
    # when the fork server started) must not override them.
    for name in [k for k in os.environ if k.startswith("FEEDBACK_BOT_")]:
        del os.environ[name]
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s report worker: %(message)s")
    if hasattr(os, "nice"):
        os.nice(NICE)
    answer_on(Request.model_validate_json(request), conn)


def answer_on(request: Request, conn: Connection) -> None:
    """Serve ``request`` and send the answer on ``conn``.  If nobody is there to take it
    (the bot was killed meanwhile), the files just written are removed: report files
    hold people's comments, and nobody would come back for them."""
    answer = asyncio.run(serve(request, Settings.model_validate(request.settings)))
    try:
        conn.send_bytes(answer.model_dump_json().encode())
    except OSError:
        for path in answer.files:
            path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            for folder in {path.parent for path in answer.files}:
                folder.rmdir()
    finally:
        conn.close()


async def serve(request: Request, settings: Settings) -> Answer:
    """Do what ``request`` asks, on a store of this process's own."""
    try:
        store = await Store.open(settings.database)
        try:
            if request.task == "summary":
                text = await weekly_summary_text(store, settings, request.period, site=request.site)
                return Answer(ok=True, text=text)
            if request.task == "bulletins":
                report = await build_public(store, settings, request.period)
                texts = bulletins(report, load_catalogue(), settings.languages)
                return Answer(ok=True, texts=texts)
            if request.task == "settle":
                found = await settle(store, settings, request.period.end)
                parts = [
                    (pid, start, [(*ref, v) for ref, v in cells.items()])
                    for (pid, start), cells in found.items()
                ]
                return Answer(ok=True, parts=parts)
            if request.task == "praise":
                text = await praise_text(store, settings, request.period, site=request.site)
                return Answer(ok=True, text=text or "")
            if request.task == "counts":
                await warm_counts(store, settings, request.months)
                return Answer(ok=True)
            assert request.out_dir is not None
            files = await export_files(
                store,
                settings,
                request.period,
                audience=request.audience,
                formats=request.formats,
                out_dir=request.out_dir,
                actor=request.actor,
                site=request.site,
                record=False,  # by the bot, once it has the files (ReportWorker.export)
            )
            return Answer(ok=True, files=files)
        finally:
            await store.close()
    except PurgedDays as exc:  # not a failure: staff are told from when they can ask
        return Answer(ok=False, error="PurgedDays", purged=exc.first)
    except Exception as exc:  # reported to the bot, which tells staff kindly
        return Answer(ok=False, error=describe(exc), trouble=storage_trouble(exc))


def describe(exc: BaseException) -> str:
    """The error's type and where it happened; never its message, which may quote data."""
    frames = traceback.extract_tb(exc.__traceback__)[-4:]
    where = " <- ".join(
        f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in reversed(frames)
    )
    trouble = storage_trouble(exc)
    kind = type(exc).__name__
    if isinstance(exc, OSError) and exc.errno in errno.errorcode:
        kind = f"{kind} {errno.errorcode[exc.errno]}"  # ENOSPC: the disk is full
    if trouble:
        kind = f"{kind} (the disk or database is {trouble})"
    return f"{kind} at {where}" if where else kind
