"""Attack25, a hostile reader of the published network report: a quote that names someone.

The quote chooser (``names_someone``) is stricter than redaction, so it is the last guard
between a stored name and the noticeboard.  "Tom Hall on reception was rude" was
quoted on c60e2b1 ("Hall" a place word); redact25 mended it in 7f2c4cd (the name is hidden
before it is stored).  One's own first name after "it's", stored since 028ed1a when a
relation follows (tests/test_attack25_redact.py), has no role before it, so it is quoted.
"""

from __future__ import annotations

import pytest

from bot.store import Store
from tests.test_attack24_reader import _shown


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "Tom Hall on reception was rude to me and I waited weeks",
            "Tom Hall",
            id="full-name-place-word-surname",
        ),
        pytest.param(
            "Hey it's Jodie, my mum has been ill and I waited weeks for an appointment",
            "Jodie",
            id="own-first-name-after-its",
        ),
        # Guard: refused on main.
        pytest.param(
            "The worker Tom Hall was rude and I waited weeks", "Tom Hall", id="guard-role"
        ),
    ],
)
async def test_a_name_in_a_comment_is_not_quoted(settings, flows, store: Store, text, name):
    plain = [
        "I waited weeks and weeks for my first appointment",
        "The wait was far too long, about six weeks",
    ]
    count, shown = await _shown(settings, flows, store, [text] * 6 + plain * 2)
    assert count, "the comments were expected to be themed and quotable"
    assert name not in shown
