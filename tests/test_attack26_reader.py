"""Attack26, a hostile reader of the published network report: a quote that is a disclosure.

README (Reports): quotes never come from an answer flagged for risk (``risk_flag = 0`` in
bot/report/queries.py).  The flag is set once, when the answer is stored, by the screen of
that day; answers are kept for 365 days and the screen learns every wave.  An answer the
screen of its day missed ("Mum died a year ago today. Soon I'll be with her" before
a09fe8f; the first piece of a split disclosure; a disclosure inside a long spoken answer)
is read as one now, yet it is chosen for the noticeboard.  Names are refused at publication
by the screen of today (``names_someone``: "comments stored before it"); risk is not.
"""

from __future__ import annotations

import pytest

from bot.safety import RiskScreen
from bot.store import Store
from tests.test_attack24_reader import _shown

OTHERS = ["I waited weeks for an appointment and nobody rang back"] * 6


@pytest.mark.xfail(
    strict=True,
    reason="lead: quotes are chosen by the risk flag stored with the answer; reading them "
    "again with today's screen in the report process cost every report seconds (each runs "
    "in a new process that compiles it) and timed out e2e reports: re-flag stored answers "
    "in the bot instead (a daily job), or compile the screen in the fork server",
)
@pytest.mark.parametrize(
    "text",
    [
        "I waited weeks for an appointment. Mum died a year ago today. Soon I'll be with her",
        "waited weeks for a callback, by the time you read this i wont be here",
    ],
)
async def test_a_disclosure_stored_unflagged_is_not_quoted(
    settings, flows, store: Store, screen: RiskScreen, text: str
) -> None:
    assert screen.at_risk(text)  # today's screen reads it as a disclosure
    _, shown = await _shown(settings, flows, store, [text, *OTHERS])  # stored unflagged
    assert "be with her" not in shown and "wont be here" not in shown


async def test_guard_a_comment_like_it_without_a_disclosure_is_quoted(
    settings, flows, store: Store, screen: RiskScreen
) -> None:
    text = "waited weeks for a callback, by the time they rang I had moved GP"
    assert not screen.at_risk(text)
    _, shown = await _shown(settings, flows, store, [text, *OTHERS])
    assert "I had moved GP" in shown


# redact26: a worker's name after a role in lower case, after a lower-case title, or in
# brackets is read by names_someone now; marks off.


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "my keyworker sarah never rings me back, I waited weeks",
            "sarah",
        ),
        pytest.param(
            "receptionist jodie was rude to me and I waited weeks",
            "jodie",
        ),
        pytest.param(
            "dr patel was great but I waited weeks for the first appointment",
            "patel",
        ),
        pytest.param(
            "the nurse (Priya) was lovely, I waited weeks though",
            "Priya",
        ),
        # Guards: capitalised, and in Polish in lower case, the quote is refused.
        pytest.param("my keyworker Sarah never rings me back, I waited weeks", "Sarah"),
        pytest.param("Dr Patel was great but I waited weeks for the first appointment", "Patel"),
    ],
)
async def test_a_workers_name_typed_in_lower_case_is_not_quoted(
    settings, flows, store: Store, text: str, name: str
) -> None:
    # Others said the same without a name, so its themes are shown.
    same = " ".join(text.replace(f"({name})", "").replace(name, "").split())
    _, shown = await _shown(settings, flows, store, [text, *[same] * 6])
    assert same in shown  # the theme's quotes are published
    assert name not in shown
