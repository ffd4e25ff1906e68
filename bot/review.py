"""Staff review of comment themes, one comment at a time (``/review`` on Telegram).

Comments waiting are those no one has reviewed yet: untagged, or tagged only by
the codebook.  A review is the reports' ``theme_reviews`` row, so it replaces the
automatic tags in every report and export.  Texts were redacted when stored;
they are redacted again here in case the rules have grown since.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot.redact import redact
from bot.report.period import Period
from bot.report.queries import ReportQueries
from bot.report.themes import Codebook, load_codebook
from bot.roles import audit
from bot.store import Store

EVERYTHING = Period(start=date(2000, 1, 1), end=date(2999, 12, 31), label="all")

log = logging.getLogger(__name__)


def warm(flows_dir: Path) -> None:
    """Parse the theme codebook and compile its patterns now (the bot calls this at
    start-up, in a worker thread).

    Both are cached, but were made on first use: the first /review tap after a start
    paid for the YAML (~85 ms) and the patterns (~140 ms) on a small server, 180 ms
    where a tap otherwise takes ~5 ms with 16,000 comments (issue 18 item 14: < 100 ms).
    """
    try:
        load_codebook(flows_dir).tag("")
    except Exception as exc:  # a broken codebook is reported by check-flows and /review
        log.info("theme codebook not warmed: %s", type(exc).__name__)


@dataclass(frozen=True)
class ReviewItem:
    answer_id: int
    text: str
    auto: list[str]
    """Themes the codebook found (may be empty)."""
    risk: bool
    number: int
    """Its place among all comments, oldest first: the 'n' of 'n of N'."""
    total: int
    waiting: int
    """Comments not yet reviewed, this one included."""
    version: str = ""
    """Which text of the comment this is (``version_of``): a save acts on this one only."""


def version_of(value: str, answered_at: str) -> str:
    """Eight hex digits naming one text of a comment: the person may change it (Back,
    then a new answer) while staff are reading the old one."""
    return hashlib.sha256(f"{answered_at}\x00{value}".encode()).hexdigest()[:8]


class ThemeReview:
    def __init__(
        self,
        store: Store,
        codebook: Codebook,
        period: Period = EVERYTHING,
        site: str | None = None,
    ):
        self.store = store
        self.codebook = codebook
        self.period = period
        self.site = site
        """Only this site's comments (staff invited for one site); None: every site."""
        self.queries = ReportQueries(store)

    async def next(self, after: int = 0) -> ReviewItem | None:
        """The first comment waiting for review after answer ``after`` (0: from the start).

        Wraps round to the oldest waiting comment, so skipped ones come back.  The
        work is that of one comment and three counts over an index, whatever the
        number of comments: nothing is tagged or written here (the codebook's
        suggestion for the one comment shown is worked out in memory), and the
        reads go through the store's read connection, off the respondents' path.
        """
        row = await self._waiting_after(after) or await self._waiting_after(0)
        if row is None:
            return None
        answer_id, text, risk, tagged, answered_at = row
        number, total, waiting = (
            await self.store.staff_read(
                "SELECT"
                f" (SELECT count(*) FROM answers a {self._join} WHERE {self._text} AND a.id <= ?),"
                f" (SELECT count(*) FROM answers a {self._join} WHERE {self._text}),"
                f" (SELECT count(*) FROM answers a {self._join} WHERE {self._text}"
                "  AND NOT EXISTS (SELECT 1 FROM theme_reviews r WHERE r.answer_id = a.id"
                "   AND r.answered_at = a.answered_at))",
                (*self._bounds, answer_id, *self._bounds, *self._bounds),
            )
        )[0]
        found = set(self.codebook.tag(text) if tagged is None else json.loads(tagged))
        auto = [t for t in self.codebook.ids() if t in found]
        return ReviewItem(
            answer_id,
            redact(text),
            auto,
            bool(risk),
            number,
            total,
            waiting,
            version_of(text, answered_at),
        )

    @property
    def _join(self) -> str:
        if self.period is EVERYTHING and self.site is None:
            return ""
        return "JOIN sessions s ON s.id = a.session_id"

    @property
    def _text(self) -> str:
        where = "a.kind = 'text'"
        if self.period is not EVERYTHING:
            where += " AND s.started_at >= ? AND s.started_at < ?"
        if self.site is not None:
            where += " AND s.site = ?"
        return where

    @property
    def _bounds(self) -> tuple[str, ...]:
        """The parameters of ``_text``, in order."""
        period = () if self.period is EVERYTHING else self.period.bounds()
        return (*period, *self._site)

    async def _waiting_after(self, after: int) -> tuple | None:
        """The first unreviewed comment after ``after``, with its current tags if they
        are this codebook's for this version of the answer (else None: tag it now)."""
        rows = await self.store.staff_read(
            "SELECT a.id, a.value, a.risk_flag,"
            " CASE WHEN EXISTS (SELECT 1 FROM answer_tagging g WHERE g.answer_id = a.id"
            "  AND g.codebook = ? AND g.answered_at = a.answered_at)"
            " THEN (SELECT json_group_array(theme) FROM answer_themes t"
            "  WHERE t.answer_id = a.id) END,"
            " a.answered_at"
            f" FROM answers a {self._join} WHERE {self._text} AND a.id > ?"
            " AND NOT EXISTS (SELECT 1 FROM theme_reviews r WHERE r.answer_id = a.id"
            "  AND r.answered_at = a.answered_at)"
            " ORDER BY a.id LIMIT 1",
            (self.codebook.fingerprint(), *self._bounds, after),
        )
        return rows[0] if rows else None

    async def confirm(
        self, answer_id: int, themes: list[str], actor_key: str, version: str | None = None
    ) -> bool:
        """Staff's themes for one comment (an empty list: no theme); audited.

        ``version``: the text staff read (``ReviewItem.version``).  If the person
        has changed the comment since, nothing is saved (False) and it waits for
        review again: themes chosen for one text must not be pinned on another.
        """
        unknown = [t for t in themes if t not in self.codebook.ids()]
        if unknown:
            raise ValueError(f"unknown theme {', '.join(unknown)}")
        if self.site is not None and not await self._rows(
            "SELECT 1 FROM answers a JOIN sessions s ON s.id = a.session_id"
            " WHERE a.id = ? AND s.site = ?",
            (answer_id, self.site),
        ):
            return False  # another site's comment (a forged button): as if it did not exist
        answered_at = None
        if version is not None:
            rows = await self._rows(
                "SELECT value, answered_at FROM answers WHERE id = ? AND kind = 'text'",
                (answer_id,),
            )
            if not rows or version_of(rows[0][0], rows[0][1]) != version:
                return False
            answered_at = rows[0][1]
        if not await self.queries.set_review(answer_id, themes, answered_at):
            return False
        await audit(self.store, actor_key, "review", {"answer": answer_id, "themes": themes})
        return True

    async def exists(self, answer_id: int) -> bool:
        """Whether the comment is still stored (a save refused: deleted, or changed?)."""
        return bool(await self._rows("SELECT 1 FROM answers WHERE id = ?", (answer_id,)))

    def _scope(self, alias: str) -> str:
        return "" if self.site is None else f" AND {alias}.site = ?"

    @property
    def _site(self) -> tuple[str, ...]:
        return () if self.site is None else (self.site,)

    async def _rows(self, sql: str, params: tuple[object, ...]) -> list[tuple]:
        async with self.store.db.execute(sql, params) as cur:
            return [tuple(r) for r in await cur.fetchall()]
