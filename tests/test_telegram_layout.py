"""Callback data stays short and is parsed strictly; prompts lay out one option per row."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.conversation import Choice, Prompt
from bot.telegram.layout import (
    ACTIONS,
    CHOOSE,
    DONE,
    MAX_CALLBACK_BYTES,
    SKIP,
    Tap,
    callback_data,
    keyboard,
    parse_tap,
    record_text,
    step_tag,
)


def prompt(kind: str = "choice", **overrides: object) -> Prompt:
    values: dict = dict(
        step_id="site",
        kind=kind,
        text="Which hub?",
        choices=(Choice("a", "Alpha", True), Choice("b", "Beta")),
        hint="You can skip this one.",
        can_skip=True,
        can_back=True,
        number=2,
        total=9,
        progress="2 of 9",
        skip_label="Skip",
        back_label="Back",
        done_label="Done" if kind == "multi" else None,
    )
    values.update(overrides)
    return Prompt(**values)


@given(st.from_regex(r"^[a-z][a-z0-9_]{0,200}$", fullmatch=True), st.integers(0, 999))
def test_callback_data_fits_and_round_trips(step_id, index):
    data = callback_data(CHOOSE, step_id, index)
    assert len(data.encode()) <= MAX_CALLBACK_BYTES
    assert parse_tap(data) == Tap(CHOOSE, step_tag(step_id), index)


def test_long_step_ids_get_distinct_tags():
    long_a, long_b = "a" * 60 + "_one", "a" * 60 + "_two"
    assert step_tag(long_a) != step_tag(long_b)
    assert step_tag("site") == "site"


@given(st.text(max_size=80))
def test_parse_never_raises_and_yields_only_sane_taps(data):
    tap = parse_tap(data)
    if tap is not None:
        assert tap.action in ACTIONS
        assert tap.index is None or 0 <= tap.index <= 999


MALFORMED = ["c:site:²", "c:site:1\n", "", "c:site", "c:site:", "c:site:-1", "c:site:1:2"]


def test_parse_refuses_malformed_data():
    for data in [*MALFORMED, "q:site:1", "s:site:1", None]:
        assert parse_tap(data) is None, data


def test_keyboard_one_option_per_row_then_done_then_moves():
    rows = keyboard(prompt("multi")).inline_keyboard
    labels = [[b.text for b in row] for row in rows]
    assert labels == [["✓ Alpha"], ["Beta"], ["Done"], ["Back", "Skip"]]
    assert rows[1][0].callback_data == "c:site:1"


def test_text_question_without_moves_has_no_keyboard():
    assert keyboard(prompt("text", choices=(), can_skip=False, can_back=False)) is None


def test_record_shows_the_answer():
    assert record_text(prompt(), Tap(CHOOSE, "site", 1), "Skip") == "2 of 9\n\nWhich hub?\n\n✓ Beta"
    assert record_text(prompt("multi"), Tap(DONE, "site", None), "Skip").endswith("✓ Alpha")
    assert record_text(prompt(), Tap(SKIP, "site", None), "Skipped").endswith("— Skipped")
