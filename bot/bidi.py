"""The visual order of one line of mixed-direction text, from FriBiDi.

Pillow's Raqm layout runs the Unicode bidirectional algorithm itself, but only
over the text of one ``draw.text`` call in one font.  A poster line that no one
font can write (Urdu with "Samaritans: 116 123" in it: the Arabic-script font
has no Latin letters, no brackets) has to be drawn as several calls, and then
nobody orders the pieces: brackets came out mirrored and numbers on the wrong
side.  This module asks FriBiDi (the library Raqm itself uses, so it is always
there when Raqm is) for each character's embedding level, cuts the line into
runs of one level, and puts the runs in display order (rule L2), so each can be
drawn left to right in its own direction and font.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

_PAR_LTR, _PAR_RTL = 0x110, 0x111
"""FRIBIDI_PAR_LTR and FRIBIDI_PAR_RTL."""


class BidiUnavailable(RuntimeError):
    """FriBiDi is not installed, so mixed-direction text cannot be ordered."""


@dataclass(frozen=True)
class Run:
    text: str
    rtl: bool
    font: str


@cache
def _fribidi() -> ctypes.CDLL:
    name = ctypes.util.find_library("fribidi") or "libfribidi.so.0"
    try:
        lib = ctypes.CDLL(name)
    except OSError as exc:
        raise BidiUnavailable(
            "FriBiDi is needed to lay out right-to-left text (Debian/Ubuntu: apt-get install"
            " libfribidi0)"
        ) from exc
    u32p = ctypes.POINTER(ctypes.c_uint32)
    lib.fribidi_get_bidi_types.argtypes = [u32p, ctypes.c_int, u32p]
    lib.fribidi_get_bidi_types.restype = None
    lib.fribidi_get_bracket_types.argtypes = [u32p, ctypes.c_int, u32p, u32p]
    lib.fribidi_get_bracket_types.restype = None
    lib.fribidi_get_par_embedding_levels_ex.argtypes = [
        u32p,
        u32p,
        ctypes.c_int,
        u32p,
        ctypes.POINTER(ctypes.c_int8),
    ]
    lib.fribidi_get_par_embedding_levels_ex.restype = ctypes.c_int8
    return lib


def levels(text: str, rtl: bool) -> list[int]:
    """Each character's resolved embedding level in a paragraph of the given direction
    (even: left to right, odd: right to left), isolates and bracket pairs included."""
    n = len(text)
    if n == 0:
        return []
    lib = _fribidi()
    chars = (ctypes.c_uint32 * n)(*map(ord, text))
    types = (ctypes.c_uint32 * n)()
    brackets = (ctypes.c_uint32 * n)()
    out = (ctypes.c_int8 * n)()
    base = ctypes.c_uint32(_PAR_RTL if rtl else _PAR_LTR)
    lib.fribidi_get_bidi_types(chars, n, types)
    lib.fribidi_get_bracket_types(chars, n, types, brackets)
    if lib.fribidi_get_par_embedding_levels_ex(types, brackets, n, ctypes.byref(base), out) == 0:
        raise BidiUnavailable("FriBiDi could not resolve the levels of a line")
    return list(out)


_INVISIBLE = dict.fromkeys([0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
"""Direction marks, embeddings and isolates: they steer the levels and draw nothing."""


def visual_runs(text: str, rtl: bool, fonts: Sequence[str]) -> list[Run]:
    """``text`` cut into runs of one level and one font, in the order they are drawn
    from left to right; each run is drawn in its own direction.

    ``fonts`` names the font of each character of ``text``.
    """
    if not text:
        return []
    lv = levels(text, rtl)
    pieces: list[tuple[int, str, str]] = []  # (level, font, text) in logical order
    for ch, level, font in zip(text, lv, fonts, strict=True):
        if ord(ch) in _INVISIBLE:
            continue
        if pieces and pieces[-1][0] == level and pieces[-1][1] == font:
            pieces[-1] = (level, font, pieces[-1][2] + ch)
        else:
            pieces.append((level, font, ch))
    # Rule L2: from the highest level down to the lowest odd one, reverse every
    # sequence of runs at that level or above.  Inside a run the drawing direction
    # does the same for its characters.
    order = list(range(len(pieces)))
    lowest = min(p[0] for p in pieces) if pieces else 0
    for level in range(max((p[0] for p in pieces), default=0), (lowest | 1) - 1, -1):
        i = 0
        while i < len(order):
            j = i
            while j < len(order) and pieces[order[j]][0] >= level:
                j += 1
            order[i:j] = reversed(order[i:j])
            i = max(j, i + 1)
    return [Run(pieces[k][2], pieces[k][0] % 2 == 1, pieces[k][1]) for k in order]
