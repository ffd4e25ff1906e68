"""What a person typed a moment ago, held in memory only, so that a disclosure sent in two
pieces ("i dont want to" … "be here anymore") is still read whole.

People on a phone send half a sentence, then the rest, sometimes in three.  Each piece alone
may say nothing the risk screen knows; together they do.  The screen reads two pieces joined
only when they look like one thought sent in two: within ``WINDOW`` seconds, and one of them
short, or, when the first ends a sentence, its last sentence and the next both short ("Mum
died a year ago today." … "Finally I'll be with her.").  Pieces joined that still said
nothing are kept joined (up to ``MAX_JOINED`` words), so a third is read with both ("i took"
… "all my" … "pills").  Only the phrases and concept rules are trusted on a joined text, not
the model: joining two unrelated everyday answers gave the rules a false alarm on about 1 %
of such pairs (measured on the near-miss corpora), and the model more.  Two short full
sentences, each quiet alone, joined: 1.3 % (50 of 3,785 random pairs of near-misses of at
most six words, 13 languages, wave 25).  A helpline shown by mistake costs far less than a
disclosure never read whole.

The raw text never leaves this process and never outlives ``WINDOW``: nothing here is
written to the database or a log, and a restart forgets it, which is the right way to fail.
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

WINDOW = 90.0
"""Seconds between the two pieces: a sentence broken by a tap on Send, not two answers."""

SHORT = 6
"""Words: at least one piece is a fragment this short."""

MAX_PEOPLE = 10_000
"""Bound on memory: the oldest pieces go first (they have expired anyway)."""

_ENDS = (".", "!", "?", "…", "।", "۔", "؟", "॥")
_LAST_SENTENCE = re.compile(r"[^.!?…।۔؟॥]+[.!?…।۔؟॥]+$")
"""The last sentence of a text that ends one."""


MAX_JOINED = 3 * SHORT
"""Words: pieces that said nothing together are kept joined up to this, so a third piece is
read with both ("i took" … "all my" … "pills"); past it, only the newest is kept."""

Answer = tuple[str, str]
"""A stored answer: (session id, step id)."""


@dataclass(frozen=True)
class Piece:
    """A message that may be the first half of a sentence, and the answers its parts were
    stored as, if any: flagged too if it and the next message are a disclosure."""

    text: str
    answers: tuple[Answer, ...] = ()

    def then(self, text: str, answer: Answer | None) -> Piece:
        """This piece and ``text`` after it, as one piece, while short (``MAX_JOINED``)."""
        joined = f"{self.text} {text}"
        if len(joined.split()) > MAX_JOINED:
            return Piece(text, (answer,) if answer else ())
        return Piece(joined, self.answers + ((answer,) if answer else ()))


class Fragments:
    """The last unsignposted message of each person, for ``WINDOW`` seconds."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._last: OrderedDict[str, tuple[float, Piece]] = OrderedDict()

    def before(self, person: str, text: str) -> Piece | None:
        """The piece ``text`` may finish, or None: taken out, so it is joined only once."""
        piece = self.peek(person, text)
        self._last.pop(person, None)
        return piece

    def peek(self, person: str, text: str) -> Piece | None:
        """Like ``before``, but the piece stays: for helplines when handling ``text`` failed."""
        kept = self._last.get(person)
        if kept is None:
            return None
        at, piece = kept
        if self._clock() - at > WINDOW:
            return None
        if piece.text.rstrip().endswith(_ENDS):
            # A first piece that ends a sentence ("the group helped. Mum died a year ago
            # today." … "Finally I'll be with her.") is joined by its last sentence, when
            # that and the next piece are short: two sentences of one thought.
            last = _LAST_SENTENCE.search(piece.text.rstrip())
            tail = last.group(0) if last else piece.text
            if max(len(tail.split()), len(text.split())) > SHORT:
                return None
            return Piece(tail.strip(), piece.answers)
        if min(len(piece.text.split()), len(text.split())) > SHORT:
            return None
        return piece

    def keep(self, person: str, piece: Piece) -> None:
        """Remember ``piece`` as a possible first piece (it was not signposted)."""
        self._last.pop(person, None)
        self._last[person] = (self._clock(), piece)
        while len(self._last) > MAX_PEOPLE:
            self._last.popitem(last=False)

    def drop(self, person: str) -> None:
        """Forget the person's piece: they were signposted, or asked to be forgotten."""
        self._last.pop(person, None)
