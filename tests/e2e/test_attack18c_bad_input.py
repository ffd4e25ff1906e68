"""Hostile review of issue 18 (attack18c): staff commands given odd periods.

Weeks that do not exist, a year that does, ranges backwards or of one day, periods
in the far past or future, text in other scripts: each gets a kind refusal or a
report, never "something went wrong" (an error the bot did not expect).
"""

from __future__ import annotations

import pytest

from tests.e2e.test_telegram_staff import six_comments, staff_member

WENT_WRONG = "Sorry, something went wrong"


@pytest.mark.parametrize(
    "command",
    [
        "/summary 2026-W54",
        "/summary 2026-W00",
        "/summary 2020-W53",  # 2020 had 53 ISO weeks
        "/summary 9999-W52",
        "/summary 0001-W01",
        "/summary ٢٠٢٦-W٤٧",  # Arabic-Indic digits
        "/summary 2026‐W47",  # a Unicode hyphen
        "/summary 2026-W47 2026-W48",
        "/summary " + "9" * 400,
        "/export 2026-W54",
        "/export 2026-W47 extra",
        "/export 9999-W52",
        "/export \u200b",
    ],
)
async def test_an_odd_period_gets_an_answer_not_an_error(bot, api, flows, command):
    await six_comments(bot, flows)
    user = await staff_member(bot, api)
    shown = await user.send(command)
    assert shown, f"{command!r}: no answer at all"
    said = "\n".join(s.text or "" for s in shown)
    assert WENT_WRONG not in said, f"{command!r}: {said}"
