"""Disclosure modes (issue 17 item 4): ``base`` shows a row's shares once enough people
answered, without the counts behind them; ``cells`` hides every small count; ``rounding``
rounds every count shown."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from bot.config import Area, Disclosure, Site
from bot.i18n import load_catalogue
from bot.report.export import build_public, export_files
from bot.report.model import Cell, Report, Row, Table
from bot.report.period import parse_range, parse_week
from bot.report.render_html import method_note
from bot.report.render_network import network_parts
from bot.report.render_tabular import summary_text
from bot.report.suppress import publish
from bot.report.synth import Response, random_responses, write

WEEK = parse_week("2026-W47", "UTC")
MOMENT = datetime(2026, 11, 17, 9, tzinfo=UTC)


def _mode(settings, **rules):
    return settings.model_copy(
        update={
            "disclosure": Disclosure(**rules),
            "reports": settings.reports.model_copy(update={"timezone": "UTC"}),
        }
    )


def _crowd() -> list[Response]:
    """12 service users, 3 family members and 6 others answer one question."""
    people = []
    for i in range(12):
        answer = "strongly_agree" if i < 7 else "agree" if i < 10 else "disagree"
        people.append(
            Response(
                "consultation",
                MOMENT + timedelta(minutes=i),
                {"one_service": answer},
                respondent_group="service_user",
            )
        )
    for i in range(3):
        people.append(
            Response(
                "consultation",
                MOMENT + timedelta(minutes=30 + i),
                {"one_service": "strongly_disagree"},
                respondent_group="family_carer",
            )
        )
    for i in range(6):
        people.append(
            Response(
                "consultation",
                MOMENT + timedelta(minutes=40 + i),
                {"one_service": "neither"},
                respondent_group="other",
            )
        )
    return people


async def test_base_mode_shows_a_big_enough_rows_shares_without_its_small_counts(
    store, settings, flows
):
    await write(store, flows, _crowd())
    report = await build_public(store, _mode(settings, mode="base"), WEEK)
    table = report.table("likert:consultation:one_service")
    users = table.row("service_user", "respondent_group")
    # 12 answered: shares shown (2 disagreed: 17%), the counts behind them are not.
    assert users.base.count == 12
    assert users.cells["disagree"].pct == 17 and users.cells["disagree"].count is None
    assert users.cells["top_two"].pct == 83 and not users.cells["top_two"].suppressed
    # 3 family members: under min_base, so no shares; and 3 is a small count of people.
    family = table.row("family_carer", "respondent_group")
    assert all(c.pct is None for c in family.cells.values())
    assert family.base.count is None and family.base.suppressed
    # The overall row (21) is shown in full shares; in cells mode it lost every small cell.
    overall = table.row("all")
    assert overall.cells["strongly_disagree"].pct == 14
    cells_mode = await build_public(store, _mode(settings, mode="cells"), WEEK)
    hidden = cells_mode.table("likert:consultation:one_service").row("all")
    assert hidden.cells["strongly_disagree"].pct is None


async def test_base_mode_keeps_cell_suppression_for_counts_of_who_answered(store, settings, flows):
    await write(store, flows, _crowd())
    report = await build_public(store, _mode(settings, mode="base"), WEEK)
    groups = report.table("by_respondent_group")
    assert groups.row("family_carer", "respondent_group").cells["responses"].count is None
    assert groups.row("other", "respondent_group").cells["responses"].count is None, (
        "6 = 21 − 12 − 3: shown, it gives the 3 family members away"
    )
    assert groups.row("service_user", "respondent_group").cells["responses"].count == 12


async def test_every_format_says_which_rules_it_applied(store, settings, flows, tmp_path):
    await write(store, flows, _crowd())
    for rules, words in (
        ({"mode": "base", "min_base": 10}, "at least 10 people"),
        ({"mode": "cells"}, "Any count under 5"),
        ({"mode": "base", "rounding": 5}, "rounded to the nearest 5"),
    ):
        s = _mode(settings, **rules)
        report = await build_public(store, s, WEEK)
        assert any(words in line for line in method_note(report)), rules
        assert words in summary_text(report), rules
        files = await export_files(store, s, WEEK, formats=["html"], out_dir=tmp_path / "o")
        assert words in files[0].read_text(encoding="utf-8"), rules


async def test_rounding_rounds_every_count_shown_and_works_shares_from_them(store, settings, flows):
    await write(store, flows, _crowd())
    report = await build_public(store, _mode(settings, mode="cells", rounding=5), WEEK)
    counts = [
        cell.count
        for table in report.tables
        for row in table.rows
        for cell in (*row.cells.values(), *([row.base] if row.base else []))
        if cell.count is not None
    ]
    assert counts and all(c % 5 == 0 for c in counts)
    head = report.table("headline").rows[0]
    assert head.base.count == 20  # 21
    users = report.table("by_respondent_group").row("service_user", "respondent_group")
    # 12 → 10, of 20: 50% of the rounded counts, as the note says (not 57% of 21).
    assert users.cells["responses"].count == 10 and users.cells["responses"].pct == 50


async def test_in_base_mode_every_likert_row_of_ten_or_more_is_shown_with_its_chart(
    store, settings, flows, tmp_path
):
    """The issue's measure: 80 people over 4 sites, a month."""
    s = _mode(
        settings,
        mode="base",
    ).model_copy(
        update={
            "areas": [
                Area(id="north", name={"en": "North"}),
                Area(id="south", name={"en": "South"}),
            ],
            "sites": [
                Site(id=f"site_{i}", area="north" if i < 2 else "south", name={"en": f"Site {i}"})
                for i in range(4)
            ],
        }
    )
    month = parse_range("2026-11-01", "2026-11-30", "UTC")
    await write(store, flows, random_responses(flows, s, 80, month, seed=3))
    report = await build_public(store, s, month)
    rows = [(t, r) for t in report.tables_of("likert") for r in t.rows]
    big = [(t, r) for t, r in rows if r.base is not None and r.base.count and r.base.count >= 10]
    assert big
    for table, row in big:
        assert row.cells["top_two"].pct is not None, (table.id, row.key)
    files = await export_files(store, s, month, formats=["html"], out_dir=tmp_path / "o")
    html = files[0].read_text(encoding="utf-8")
    for _table, row in big:
        assert re.search(re.escape(f"{row.label} (n={row.base.count})"), html), row.label


async def test_the_network_report_follows_base_mode_shares(store, settings, flows):
    """Themes come with their share, not their count, in base mode: still in the report."""
    people = [
        Response("consultation", MOMENT + timedelta(minutes=i), {"anything_else": "I waited weeks"})
        for i in range(12)
    ]
    await write(store, flows, people)
    report = await build_public(store, _mode(settings, mode="base"), WEEK)
    parts = network_parts(report, load_catalogue(), "en")
    assert ("h3", "Waiting times") in parts
    assert ("quote", "I waited weeks") in parts


def _likert_rows(bases: dict[str, int], rules: dict) -> Report:
    rows = [
        Row(
            key=key,
            label=key,
            split="area",
            base=Cell(count=n),
            cells={"top_two": Cell(count=n // 2), "bottom_two": Cell(count=n - n // 2)},
        )
        for key, n in bases.items()
    ]
    table = Table(
        id="likert:f:q",
        kind="likert",
        title="q",
        columns=["top_two", "bottom_two"],
        labels={},
        pct_columns=["top_two", "bottom_two"],
        rows=rows,
    )
    return Report(
        period=WEEK,
        previous_period=WEEK.previous(),
        generated_at="",
        threshold=5,
        disclosure=rules,
        tables=[table],
        relations=[],
        themes=[],
        quotes=[],
        updates=[],
        languages=[],
        codebook_version=1,
    )


def test_rounded_n_of_a_row_whose_shares_are_held_back_reads_under_the_minimum():
    """With rounding 5, a row of 8 or 9 people read n = 10 beside shares held back for a
    base under 10: the n says what the shares do, and stays a multiple of 5."""
    bases = {"eight": 8, "nine": 9, "seven": 7, "ten": 10, "twelve": 12, "thirteen": 13}
    rules = {"mode": "base", "min_base": 10, "rounding": 5}
    table = publish(_likert_rows(bases, rules)).tables[0]
    shown = {r.key: (r.base.count, r.cells["top_two"].pct) for r in table.rows}
    assert shown["eight"] == (5, None) and shown["nine"] == (5, None)
    assert shown["seven"] == (5, None)
    assert shown["ten"] == (10, 50) and shown["twelve"] == (10, 50)
    assert shown["thirteen"][0] == 15 and shown["thirteen"][1] is not None
    for n, pct in shown.values():
        assert n % 5 == 0 and (pct is None) == (n < 10)
    # A minimum the rounding can cross from below: 12 people rounded to 10 beside shown
    # shares would read as under the minimum.
    rules = {"mode": "base", "min_base": 12, "rounding": 5}
    table = publish(_likert_rows({"twelve": 12, "eleven": 11}, rules)).tables[0]
    shown = {r.key: (r.base.count, r.cells["top_two"].pct) for r in table.rows}
    assert shown["twelve"][0] == 15 and shown["twelve"][1] is not None
    assert shown["eleven"] == (10, None)


def test_rounded_n_of_commenters_agrees_with_theme_shares_held_back():
    """Themes in base mode: how many people raised a theme is a count (cell suppression),
    its share of the commenters follows min_base, and the commenters' rounded n agrees."""
    row = Row(
        key="waiting_times",
        label="Waiting times",
        base=Cell(count=9),
        cells={"respondents": Cell(count=6)},
    )
    table = Table(
        id="themes",
        kind="themes",
        title="Themes",
        columns=["respondents"],
        labels={},
        pct_columns=["respondents"],
        rows=[row],
    )
    raw = _likert_rows({}, {"mode": "base", "min_base": 10, "rounding": 5})
    shown = publish(raw.model_copy(update={"tables": [table]})).tables[0].rows[0]
    assert shown.base.count == 5 and shown.cells["respondents"].pct is None
