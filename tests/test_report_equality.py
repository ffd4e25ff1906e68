"""Who answered: the optional equality questions, reported with more care than the rest."""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import UTC, date, datetime

from bot.report.equality import build_equality, quarter_before, section_steps
from bot.report.export import build_public, export_files, weekly_summary_text
from bot.report.model import Equality
from bot.report.period import Period, parse_week
from bot.report.synth import Response, write
from bot.retention import purge_expired

WEEK = parse_week("2026-W47")  # 16 to 22 November 2026
IN_Q3 = datetime(2026, 9, 10, 10, tzinfo=UTC)  # the last whole quarter before that week
NOW = datetime(2026, 11, 24, 9, tzinfo=UTC)
Q3_DAYS = Period(start=date(2026, 7, 1), end=date(2026, 9, 30), label="2026-Q3")

# The consultation shape of the issue: 48 who shared their ethnicity, 34 White British,
# 3 White European ("any other White background"), 3 Other, and one person in each of
# eight more categories.
ONES = [
    ("asian", "asian_bangladeshi"),
    ("asian", "asian_chinese"),
    ("asian", "asian_indian"),
    ("asian", "asian_pakistani"),
    ("black", "black_african"),
    ("black", "black_caribbean"),
    ("mixed", "mixed_white_asian"),
    ("other", "other_arab"),
]
SINGLE_CATEGORIES = {detail for _group, detail in ONES}


def person(group: str | None, detail: str | None, **more: str) -> Response:
    answers: dict[str, str | list[str]] = {"respondent_group": "service_user", "eq_intro": "yes"}
    if group:
        answers["eq_ethnic_group"] = group
    if detail:
        answers[f"eq_ethnicity_{group}"] = detail
    answers.update(more)
    return Response("consultation", IN_Q3, answers, respondent_group="service_user")


def consultation_crowd() -> list[Response]:
    people = [person("white", "white_british") for _ in range(34)]
    people += [person("white", "white_other") for _ in range(3)]
    people += [person("other", "other_any") for _ in range(3)]
    people += [person(group, detail) for group, detail in ONES]
    return people


async def test_the_consultation_shape_shows_broad_groups_and_hides_every_single_person(
    store, settings, flows, clock, tmp_path
):
    clock.now = NOW
    await write(store, flows, consultation_crowd())
    report = await build_public(store, settings, WEEK)
    assert report.equality is not None and report.equality.quarter == "2026-Q3"
    table = next(t for t in report.equality.tables if t.id == "ethnicity")
    assert table.level == "broad"
    assert table.shared == 48
    # White British and White European inside "White"; Other with the other groups.
    assert [(r.label, r.count, r.pct) for r in table.rows] == [("White", 37, 77)]
    assert table.combined is not None and (table.combined.count, table.combined.pct) == (11, 23)
    # No total gives a hidden one away: what is shown adds up to those who shared.
    assert sum(r.count for r in table.rows) + table.combined.count == table.shared

    files = await export_files(
        store, settings, WEEK, formats=["html", "csv", "json", "md"], out_dir=tmp_path
    )
    by_name = {p.name: p.read_text(encoding="utf-8") for p in files}
    html = by_name["commissioners.html"]
    assert "Who answered" in html and "White" in html and "All other answers, combined" in html
    for text in by_name.values():
        for label in ("Bangladeshi", "Caribbean", "Any other ethnic group", "White and Asian"):
            assert label not in text
    rows = list(csv.DictReader(io.StringIO(by_name["equality.csv"])))
    shown = [int(r["count"]) for r in rows if r["count"].isdigit()]
    assert shown and min(shown) >= settings.equality_threshold
    assert "eq_" not in by_name["report.csv"]  # the equality answers are in no other table
    data = json.loads(by_name["report.json"])
    assert data["equality"]["tables"][3]["rows"] == [
        {"key": "white", "label": "White", "count": 37, "pct": 77}
    ]
    assert "Who answered (2026-Q3" in by_name["summary.md"]


async def test_a_remainder_under_the_threshold_hides_the_group_that_would_give_it_away(
    store, settings, flows, clock
):
    """39 White and 9 in four other groups: showing White 39 of 48 says 9 are not White."""
    clock.now = NOW
    people = [person("white", "white_british") for _ in range(36)]
    people += [person("white", "white_irish"), person("white", "white_roma")]
    people += [person("white", "white_other")]
    people += [person("asian", "asian_indian") for _ in range(4)]
    people += [person("black", "black_african") for _ in range(3)]
    people += [person("other", "other_any") for _ in range(2)]
    await write(store, flows, people)
    report = await build_public(store, settings, WEEK)
    table = next(t for t in report.equality.tables if t.id == "ethnicity")
    assert table.rows == []
    assert table.combined is not None and table.combined.count == 48


async def test_detailed_categories_only_when_every_one_chosen_passes(settings):
    steps = section_steps(settings.flows_dir)
    quarter = Period(start=IN_Q3.date().replace(day=1, month=7), end=IN_Q3.date(), label="Q")
    counts = {
        "ethnicity": {"white:white_british": 30, "white:white_other": 12, "asian:asian_indian": 10}
    }
    table = build_equality(counts, steps, 10, quarter).tables[3]
    assert table.level == "detailed"
    assert [r.count for r in table.rows] == [10, 30, 12]
    counts["ethnicity"]["black:black_african"] = 1
    table = build_equality(counts, steps, 10, quarter).tables[3]
    assert table.level == "broad"
    # Black 1 alone would be 53 - 42 - 10: Asian joins it, the two shown together.
    assert {r.key: r.count for r in table.rows} == {"white": 42}
    assert table.combined is not None and table.combined.count == 11


async def test_one_small_answer_is_never_the_total_minus_what_is_shown(settings):
    """'Gender the same as at birth': 46 yes and 2 no must not show 46 of 48."""
    steps = section_steps(settings.flows_dir)
    quarter = Period(start=IN_Q3.date(), end=IN_Q3.date(), label="Q")
    table = build_equality({"gender_same": {"yes": 46, "no": 2}}, steps, 10, quarter).tables[2]
    assert table.rows == [] and table.combined is not None and table.combined.count == 48
    few = build_equality({"gender_same": {"yes": 6, "no": 2}}, steps, 10, quarter).tables[2]
    assert few.shared is None and few.rows == [] and few.combined is None


def _intruder(equality: Equality, t: int) -> None:
    """What a reader holding every table can work out: each table alone (no table is
    crossed with another), the shown counts, the combined rest and those who shared."""
    for table in equality.tables:
        if table.shared is None:
            assert table.rows == [] and table.combined is None
            continue
        shown = [r.count for r in table.rows]
        rest = table.shared - sum(shown)
        assert all(n >= t for n in shown)
        # What is not shown is either nothing or at least t people: never one person.
        assert rest == 0 or rest >= t
        assert (table.combined.count if table.combined else 0) == rest
        assert table.prefer_not is None or table.prefer_not >= t


async def test_an_intruder_holding_every_table_cannot_single_anyone_out(settings):
    """Random services, every characteristic: no count under the threshold can be had by
    adding up or subtracting what any table shows, nor by putting the tables together
    (each counts one characteristic over everyone, so tables share only people, never
    a cell)."""
    steps = section_steps(settings.flows_dir)
    quarter = Period(start=IN_Q3.date(), end=IN_Q3.date(), label="Q")
    rng = random.Random(16)
    options = {
        tid: [o["id"] for o in steps[step]["options"]]
        for tid, step in [
            ("age", "eq_age"),
            ("gender", "eq_gender"),
            ("gender_same", "eq_gender_same"),
            ("sexual_orientation", "eq_sexual_orientation"),
            ("disability", "eq_disability"),
            ("religion", "eq_religion"),
        ]
    }
    details = [
        f"{g}:{o['id']}"
        for g in ("asian", "black", "mixed", "white", "other")
        for o in steps[f"eq_ethnicity_{g}"]["options"]
        if o["id"] != "prefer_not_to_say"
    ]
    for _ in range(300):
        counts: dict[str, dict[str, int]] = {}
        for tid, opts in options.items():
            weights = [rng.choice([0, 1, 2, 5, 9, 10, 11, 30]) for _ in opts]
            counts[tid] = {o: w for o, w in zip(opts, weights, strict=True)}
        counts["ethnicity"] = {d: rng.choice([0, 0, 1, 3, 9, 10, 25]) for d in details}
        _intruder(build_equality(counts, steps, 10, quarter), 10)


async def test_a_delete_after_publication_is_not_the_difference_between_two_exports(
    store, settings, flows, clock
):
    clock.now = NOW
    await write(store, flows, [person("white", "white_british") for _ in range(20)])
    await write(store, flows, [person("asian", "asian_indian") for _ in range(10)])
    first = await build_public(store, settings, WEEK)
    # One Indian person deletes their answers; a later week, and a fortnight, are exported.
    async with store.db.execute(
        "SELECT session_id FROM answers WHERE value = 'asian_indian' LIMIT 1"
    ) as cur:
        (session,) = await cur.fetchone()
    await store.db.execute("DELETE FROM sessions WHERE id = ?", (session,))
    await store.db.commit()
    for period in (
        parse_week("2026-W48"),
        Period(start=WEEK.start, end=parse_week("2026-W48").end, label="f"),
    ):
        later = await build_public(store, settings, period)
        assert later.equality == first.equality


async def test_a_sites_own_report_has_no_equality_tables(store, settings, flows, clock):
    clock.now = NOW
    site = settings.sites[0].id
    people = [person("white", "white_british") for _ in range(12)]
    for p in people:
        p.site = site
    await write(store, flows, people)
    assert (await build_public(store, settings, WEEK)).equality is not None
    assert (await build_public(store, settings, WEEK, site=site)).equality is None
    mine = await weekly_summary_text(store, settings, WEEK, site=site)
    assert "Who answered" not in mine and "Who answered" in await weekly_summary_text(
        store, settings, WEEK
    )


async def test_quotes_are_the_same_whatever_equality_answers_people_gave(
    store, settings, flows, clock
):
    """Quotes are chosen by theme alone: a rare answer never picks, nor drops, a comment."""
    clock.now = NOW
    said = "I waited six weeks for my first appointment, far too long."
    plain = [
        Response("consultation", datetime(2026, 11, 17, 9, tzinfo=UTC), {"anything_else": said})
        for _ in range(6)
    ]
    await write(store, flows, plain)
    before = (await build_public(store, settings, WEEK)).quotes
    rare = Response(
        "consultation",
        datetime(2026, 11, 17, 10, tzinfo=UTC),
        {"anything_else": "The bus takes two hours", "eq_intro": "yes", "eq_religion": "sikh"},
    )
    await write(store, flows, [rare])
    after = (await build_public(store, settings, WEEK)).quotes
    assert [q.text for q in after] == [q.text for q in before]


async def test_stored_quarters_go_with_the_answers_at_retention(store, settings, flows, clock):
    clock.now = NOW
    await write(store, flows, consultation_crowd())
    await build_public(store, settings, WEEK)
    async with store.db.execute("SELECT quarter FROM equality_published") as cur:
        assert [r[0] for r in await cur.fetchall()] == ["2026-Q3"]
    clock.now = datetime(2027, 11, 1, tzinfo=UTC)
    await purge_expired(store, settings)
    async with store.db.execute("SELECT count(*) FROM equality_published") as cur:
        assert (await cur.fetchone())[0] == 0


def test_the_quarter_is_the_last_whole_one_before_the_report_ends():
    def q(start: str, end: str, today: str) -> str:
        from datetime import date

        period = Period(start=date.fromisoformat(start), end=date.fromisoformat(end), label="p")
        return quarter_before(period, date.fromisoformat(today)).label

    assert q("2026-11-16", "2026-11-22", "2026-11-24") == "2026-Q3"
    assert q("2026-09-28", "2026-10-04", "2026-10-05") == "2026-Q3"
    # On the quarter's last day it is not over yet: answers may still come.
    assert q("2026-09-24", "2026-09-30", "2026-09-30") == "2026-Q2"
    assert q("2026-09-24", "2026-09-30", "2026-10-01") == "2026-Q3"
    assert q("2027-01-01", "2027-01-03", "2027-01-10") == "2026-Q4"


async def test_the_xlsx_holds_the_equality_tables_and_the_reach_table_as_shown(
    store, settings, flows, clock, tmp_path
):
    """The commissioner XLSX had neither: a reader of the spreadsheet lost both sections.
    They come on sheets of their own, with exactly the counts the CSV shows."""
    from openpyxl import load_workbook

    clock.now = NOW
    await write(store, flows, consultation_crowd())
    files = await export_files(store, settings, WEEK, formats=["xlsx", "csv"], out_dir=tmp_path)
    by_name = {p.name: p for p in files}
    book = load_workbook(by_name["report.xlsx"], read_only=True)
    assert "Who answered" in book.sheetnames
    lines = [list(r) for r in book["Who answered"].iter_rows(min_row=4, values_only=True)]
    expected = list(csv.reader(io.StringIO(by_name["equality.csv"].read_text())))[1:]
    assert [[str(v) if v is not None else "" for v in line] for line in lines] == expected
    counts = [v[6] for v in lines if isinstance(v[6], int)]
    assert counts and min(counts) >= settings.equality_threshold
    every = " ".join(
        str(v) for s in book.sheetnames for r in book[s].iter_rows(values_only=True) for v in r
    )
    for label in ("Bangladeshi", "Caribbean", "White and Asian"):
        assert label not in every
    if (await build_public(store, settings, WEEK)).reach is not None:
        assert "Reach" in book.sheetnames


async def test_with_rounding_set_the_equality_counts_are_rounded_like_every_other(
    store, settings, flows, clock, tmp_path
):
    """``disclosure.rounding: 5`` rounds every count a report shows; the equality tables
    printed their exact counts beside the rounded rest (White 37 of 48)."""
    from bot.config import Disclosure

    clock.now = NOW
    rounded = settings.model_copy(update={"disclosure": Disclosure(rounding=5)})
    await write(store, flows, consultation_crowd())
    report = await build_public(store, rounded, WEEK)
    table = next(t for t in report.equality.tables if t.id == "ethnicity")
    assert (table.shared, [(r.count, r.pct) for r in table.rows]) == (50, [(35, 70)])
    assert table.combined is not None and (table.combined.count, table.combined.pct) == (10, 20)
    assert "rounded to the nearest 5" in report.equality.note
    for t in report.equality.tables:
        shown = [t.shared, t.prefer_not, *(r.count for r in t.rows)]
        shown += [t.combined.count] if t.combined else []
        assert all(n % 5 == 0 for n in shown if n is not None), t.id
    files = await export_files(store, rounded, WEEK, formats=["csv"], out_dir=tmp_path)
    text = next(p for p in files if p.name == "equality.csv").read_text()
    assert ",37," not in text and ",48," not in text


async def test_synthetic_data_answers_about_you_as_people_would_so_a_trial_shows_it(
    store, settings, flows, clock
):
    """``python -m bot.report.synth`` on a fresh clone left "About you" empty, so the
    equality tables could not be seen before real people answered."""
    from bot.engine import applies
    from bot.report.synth import random_responses

    clock.now = NOW
    flow = flows["consultation"]
    people = random_responses(flows, settings, 400, Q3_DAYS, seed=4)
    people = [p for p in people if p.flow_id == "consultation"]
    steps = {s.id: s for s in flow.steps}
    for p in people:
        for step_id in p.answers:
            if steps[step_id].topic == "equality":
                assert applies(steps[step_id], p.answers), (step_id, p.answers)
    ethnic = [p for p in people if "eq_ethnic_group" in p.answers]
    assert len(ethnic) >= 40
    details = [k for p in ethnic for k in p.answers if k.startswith("eq_ethnicity_")]
    assert (
        0 < len(details) <= sum(p.answers["eq_ethnic_group"] != "prefer_not_to_say" for p in ethnic)
    )
    await write(store, flows, people)
    report = await build_public(store, settings, WEEK)
    assert report.equality is not None and report.equality.tables


async def test_a_table_never_says_every_sharer_gave_the_same_answer(settings):
    steps = section_steps(settings.flows_dir)
    quarter = Period(start=IN_Q3.date(), end=IN_Q3.date(), label="Q")
    table = build_equality({"religion": {"muslim": 12}}, steps, 10, quarter).tables[6]
    assert table.id == "religion" and table.shared == 12
    assert all(row.count < table.shared for row in table.rows)
    assert table.combined is not None and table.combined.count == 12  # how many shared
    # Two answers that make up everyone are each shown: neither is said of everybody.
    two = build_equality(
        {"religion": {"muslim": 12, "no_religion": 10}}, steps, 10, quarter
    ).tables[6]
    assert {r.key: r.count for r in two.rows} == {"no_religion": 10, "muslim": 12}
