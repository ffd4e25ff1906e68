"""The NHS Friends and Family Test: the question, the monthly return, its counts."""

from __future__ import annotations

import asyncio
import csv
import io
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Settings, SourceErrors, load_settings
from bot.flows import DONT_KNOW, scale_answers
from bot.report.fft import fft_counts, return_rows
from bot.report.period import Period, parse_month
from bot.report.synth import Response, random_responses, write
from bot.store import Store
from tests.conftest import ROOT

NOVEMBER = parse_month("2026-11", "Europe/London")
ODS = {"cambridge_hub": "RT101", "huntingdon_hub": "RT102", "wisbech_hub": "RT103"}


def _config(tmp_path: Path, database: Path) -> Path:
    """The shipped config with ODS codes on three sites, and a temp database."""
    text = (ROOT / "config.yaml").read_text(encoding="utf-8")
    for site, code in ODS.items():
        text = text.replace(f"  - id: {site}\n", f"  - id: {site}\n    ods_code: {code}\n")
    text = text.replace("./data/feedback.db", str(database)).replace("./flows", str(ROOT / "flows"))
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _fill(settings: Settings, flows: dict, responses: list[Response]) -> None:
    async def go() -> None:
        store = await Store.open(settings.database)
        try:
            await write(store, flows, responses)
        finally:
            await store.close()

    asyncio.run(go())


def _around(settings: Settings, flows: dict) -> list[Response]:
    """Responses over October to December (so the month's edges matter), all three modes,
    every site, and a handful with no site."""
    autumn = Period(
        start=NOVEMBER.start.replace(month=10, day=20),
        end=NOVEMBER.end.replace(month=12, day=10),
        label="autumn",
        timezone="Europe/London",
    )
    people = random_responses(flows, settings, 400, autumn, seed=17, flow_id="service_feedback")
    for i, p in enumerate(people[:12]):
        p.site = None if i % 2 else p.site
    # Right on the edges, in London time: 00:00 on 1 November counts, 00:00 on
    # 1 December does not.
    edge = {"fft": "poor"}
    people.append(
        Response(
            "service_feedback",
            datetime(2026, 11, 1, 0, 0, tzinfo=UTC),
            edge,
            site="wisbech_hub",
            area="cambridgeshire",
        )
    )
    people.append(
        Response(
            "service_feedback",
            datetime(2026, 12, 1, 0, 0, tzinfo=UTC),
            edge,
            site="wisbech_hub",
            area="cambridgeshire",
        )
    )
    return people


def _hand_count(database: Path) -> dict[tuple[str, str], int]:
    """(site, answer) → answers, counted straight from the tables in SQL."""
    with sqlite3.connect(database) as conn:
        rows = conn.execute(
            "SELECT coalesce(s.site, '_not_stated'), a.value, count(*)"
            " FROM answers a JOIN sessions s ON s.id = a.session_id"
            " WHERE a.step_id = 'fft' AND s.started_at >= '2026-11-01T00:00:00+00:00'"
            " AND s.started_at < '2026-12-01T00:00:00+00:00' GROUP BY 1, 2"
        ).fetchall()
        modes = conn.execute(
            "SELECT coalesce(s.site, '_not_stated'), s.mode, count(*)"
            " FROM answers a JOIN sessions s ON s.id = a.session_id"
            " WHERE a.step_id = 'fft' AND s.started_at >= '2026-11-01T00:00:00+00:00'"
            " AND s.started_at < '2026-12-01T00:00:00+00:00' GROUP BY 1, 2"
        ).fetchall()
    return {(site, value): n for site, value, n in [*rows, *modes]}


def _read_return(path: Path) -> tuple[str, list[dict[str, str]]]:
    text = path.read_text(encoding="utf-8")
    first, rest = text.split("\n", 1)
    return first, list(csv.DictReader(io.StringIO(rest)))


def test_the_monthly_return_matches_a_hand_count_in_sql(tmp_path, settings, flows, capsys):
    _fill(settings, flows, _around(settings, flows))
    config = _config(tmp_path, settings.database)
    out = tmp_path / "returns"
    assert main(["--config", str(config), "fft", "--month", "2026-11", "--out", str(out)]) == 0
    header, rows = _read_return(out / "fft-2026-11.csv")
    assert header.startswith("# NHS Friends and Family Test monthly return")
    assert "NOT SUPPRESSED" in header

    hand = _hand_count(settings.database)
    columns = dict(
        zip(
            scale_answers("fft"),
            ["very_good", "good", "neither_good_nor_poor", "poor", "very_poor", "dont_know"],
            strict=True,
        )
    )
    sites = {r["site"]: r for r in rows}
    assert list(sites)[:6] == [s.id for s in settings.sites]
    assert list(sites)[-2:] == ["_not_stated", "all_sites"]
    for site, row in sites.items():
        assert row["month"] == "2026-11"
        for answer, column in columns.items():
            want = (
                sum(n for (s, v), n in hand.items() if v == answer)
                if site == "all_sites"
                else hand.get((site, answer), 0)
            )
            assert int(row[column]) == want, (site, answer)
        for mode in ("own_device", "peer_assisted", "paper"):
            want = (
                sum(n for (s, v), n in hand.items() if v == mode)
                if site == "all_sites"
                else hand.get((site, mode), 0)
            )
            assert int(row[mode]) == want, (site, mode)
        total = sum(int(row[c]) for c in columns.values())
        assert int(row["total"]) == total
        assert total == sum(int(row[m]) for m in ("own_device", "peer_assisted", "paper"))
        positive = int(row["very_good"]) + int(row["good"])
        negative = int(row["poor"]) + int(row["very_poor"])
        # Of all answers, "Don't know" included: NHS England's rule.
        assert int(row["pct_positive"]) == (200 * positive + total) // (2 * total)
        assert int(row["pct_negative"]) == (200 * negative + total) // (2 * total)
        assert row["ods_code"] == ODS.get(site, "")
    assert int(sites["all_sites"]["dont_know"]) > 0
    assert int(sites["all_sites"]["total"]) == sum(
        int(r["total"]) for k, r in sites.items() if k != "all_sites"
    )
    said = capsys.readouterr()
    assert "NOT suppressed" in said.out
    assert "no ods_code in config for peterborough_hub" in said.err


def test_a_site_with_few_answers_is_warned_about_and_shown_exactly(
    tmp_path, settings, flows, capsys
):
    moment = datetime(2026, 11, 10, 12, tzinfo=UTC)
    people = [
        Response(
            "service_feedback",
            moment,
            {"fft": "very_poor"},
            site="wisbech_hub",
            area="cambridgeshire",
            mode="paper",
        ),
        Response(
            "service_feedback",
            moment,
            {"fft": DONT_KNOW},
            site="wisbech_hub",
            area="cambridgeshire",
        ),
    ] + [
        Response(
            "service_feedback",
            moment,
            {"fft": "good"},
            site="cambridge_hub",
            area="cambridgeshire",
            mode="peer_assisted",
        )
        for _ in range(6)
    ]
    _fill(settings, flows, people)
    config = _config(tmp_path, settings.database)
    assert main(["--config", str(config), "fft", "--month", "2026-11", "--out", str(tmp_path)]) == 0
    _, rows = _read_return(tmp_path / "fft-2026-11.csv")
    wisbech = next(r for r in rows if r["site"] == "wisbech_hub")
    # Not suppressed: the one "very poor" on paper is there as it is.
    assert (wisbech["very_poor"], wisbech["dont_know"], wisbech["total"]) == ("1", "1", "2")
    assert (wisbech["paper"], wisbech["own_device"]) == ("1", "1")
    assert (wisbech["pct_positive"], wisbech["pct_negative"]) == ("0", "50")
    err = capsys.readouterr().err
    assert "warning: wisbech_hub has 2 FFT answer(s) in 2026-11 (fewer than 5)" in err
    assert "warning: cambridge_hub" not in err
    # A site with nothing this month is in the return, with empty percentages, and warned of.
    huntingdon = next(r for r in rows if r["site"] == "huntingdon_hub")
    assert (huntingdon["total"], huntingdon["pct_positive"]) == ("0", "")
    assert "warning: huntingdon_hub has 0 FFT answer(s)" in err


def test_months_are_calendar_months_in_the_reports_time_zone(settings, flows):
    """00:30 on 1 June in London is 23:30 on 31 May in UTC: it belongs to June."""
    late = datetime(2026, 5, 31, 23, 30, tzinfo=UTC)
    _fill(
        settings,
        flows,
        [
            Response(
                "service_feedback", late, {"fft": "good"}, site="wisbech_hub", area="cambridgeshire"
            )
        ],
    )

    async def count(label: str) -> int:
        store = await Store.open(settings.database)
        try:
            month = parse_month(label, "Europe/London")
            return return_rows(await fft_counts(store, [month]), settings, month)[-1].total
        finally:
            await store.close()

    assert asyncio.run(count("2026-06")) == 1
    assert asyncio.run(count("2026-05")) == 0


@pytest.mark.parametrize("bad", ["2026-13", "2026/11", "November", "2026-00", "26-11"])
def test_a_month_that_is_not_one_is_explained(tmp_path, settings, bad, capsys):
    config = _config(tmp_path, settings.database)
    assert main(["--config", str(config), "fft", "--month", bad, "--out", str(tmp_path)]) == 2
    assert "write it as YYYY-MM, e.g. 2026-11" in capsys.readouterr().err
    assert not list(tmp_path.glob("fft-*"))


def test_out_that_is_a_file_is_refused(tmp_path, settings, capsys):
    config = _config(tmp_path, settings.database)
    taken = tmp_path / "taken"
    taken.write_text("x")
    assert main(["--config", str(config), "fft", "--month", "2026-11", "--out", str(taken)]) == 2
    assert "names the folder" in capsys.readouterr().err


def test_the_return_file_is_for_its_owner_only(tmp_path, settings, flows):
    config = _config(tmp_path, settings.database)
    assert main(["--config", str(config), "fft", "--month", "2026-11", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "fft-2026-11.csv").stat().st_mode & 0o077 == 0
    assert not list(tmp_path.glob(".*part"))


@pytest.mark.parametrize("code", ["rt5", "R", "RT5-01", "ABCDEFGHIJK"])
def test_an_ods_code_of_the_wrong_shape_stops_start_up_naming_the_field(tmp_path, code):
    config = _config(tmp_path, tmp_path / "f.db")
    config.write_text(config.read_text().replace("ods_code: RT101", f"ods_code: {code}"))
    with pytest.raises(SourceErrors) as refused:
        load_settings(config)
    assert "sites.0.ods_code" in str(refused.value)
    assert "NHS ODS code" in str(refused.value)


def test_someone_midway_through_version_2_finishes_it_without_the_fft(tmp_path, settings):
    """The flow change needs a new version, and old answers never pool with new: a
    person who began before the upgrade finishes version 2 (no FFT question), and the
    FFT counts only version 3's answers."""
    import shutil

    from bot.conversation import Choose
    from bot.service import CONSENT_AGREE, open_conversations

    old = tmp_path / "flows_v2"
    shutil.copytree(ROOT / "flows", old)
    text = (old / "service_feedback.yaml").read_text(encoding="utf-8")
    start, end = text.index("  # The NHS Friends"), text.index("  - id: respondent_group")
    (old / "service_feedback.yaml").write_text(
        text[:start].replace("version: 3", "version: 2") + text[end:], encoding="utf-8"
    )

    async def go() -> tuple[str, str, int]:
        before = await open_conversations(settings.model_copy(update={"flows_dir": old}))
        await before.start("te_early", "terminal", lang="en")
        turn = await before.handle("te_early", "terminal", Choose(CONSENT_AGREE))
        assert turn.prompt.step_id == "respondent_group"
        await before.store.close()
        after = await open_conversations(settings)  # upgraded: version 3 asks the FFT first
        try:
            resumed = await after.start("te_early", "terminal")
            await after.start("te_late", "terminal", lang="en")
            fresh = await after.handle("te_late", "terminal", Choose(CONSENT_AGREE))
            await after.handle("te_late", "terminal", Choose("very_poor"))
            month = parse_month("2026-11", "Europe/London")
            counts = await fft_counts(
                after.store,
                [
                    month.model_copy(
                        update={
                            "start": month.start.replace(year=2000),
                            "end": month.end.replace(year=2100),
                        }
                    )
                ],
            )
            return resumed.prompt.step_id, fresh.prompt.step_id, sum(c.n for c in counts)
        finally:
            await after.store.close()

    assert asyncio.run(go()) == ("respondent_group", "fft", 1)


def test_a_return_that_cannot_be_written_says_so_and_leaves_nothing(
    tmp_path, settings, flows, capsys
):
    """A folder that cannot be made (here: under a file; a full disk is the same OSError):
    an error naming the file, not a traceback, and no half-written return."""
    _fill(settings, flows, _around(settings, flows)[:50])
    config = _config(tmp_path, settings.database)
    (tmp_path / "a_file").write_text("x")
    out = tmp_path / "a_file" / "returns"
    code = main(["--config", str(config), "fft", "--month", "2026-11", "--out", str(out)])
    assert code == 2
    assert f"could not write {out / 'fft-2026-11.csv'}" in capsys.readouterr().err
    assert not list(tmp_path.rglob("*.part")) and not list(tmp_path.rglob("fft-*.csv"))


def test_synthetic_data_is_never_mixed_into_a_database_of_real_answers(tmp_path, settings):
    from bot.report.synth import main as synth

    async def one_real() -> None:
        store = await Store.open(settings.database)
        try:
            await store.write(
                "INSERT INTO sessions (id, respondent_key, channel, mode, flow_id, flow_version,"
                " lang, status, started_at, updated_at, state) SELECT 'x', 'k_real', 'telegram',"
                " 'own_device', flow_id, version, 'en', 'active', '2026-11-01', '2026-11-01', '{}'"
                " FROM flow_versions LIMIT 1",
            )
        finally:
            await store.close()

    config = _config(tmp_path, settings.database)
    assert (
        synth(
            ["--config", str(config), "--from", "2026-11-01", "--to", "2026-11-02", "--people", "3"]
        )
        == 0
    )
    asyncio.run(one_real())
    args = ["--config", str(config), "--from", "2026-11-01", "--to", "2026-11-02", "--people", "3"]
    assert synth(args) == 2
    with sqlite3.connect(settings.database) as conn:
        assert conn.execute("SELECT count(*) FROM sessions").fetchone() == (4,)
