"""Translations in gettext catalogues: the move, review per string, the round trip."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from openpyxl import load_workbook

from bot.cli import main
from bot.flows import load_flow
from bot.translations.catalog import LOCALE_ENV, read_catalog, translations
from bot.translations.exchange import ImportRefused, export_catalogue, import_catalogue
from bot.translations.move import move, rendered
from bot.translations.po import write_catalog
from bot.translations.review import english_texts, review, runtime_sources
from bot.translations.update import update
from tests.conftest import FIXTURES, ROOT

BEFORE_MOVE = FIXTURES / "texts_before_move.json"
FLOW_LINES_BEFORE = {"service_feedback.yaml": 475, "consultation.yaml": 217}


@pytest.fixture
def locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped catalogues the test may change."""
    copy = tmp_path / "locale"
    shutil.copytree(ROOT / "locale", copy)
    monkeypatch.setenv(LOCALE_ENV, str(copy))
    return copy


def _tree(tmp_path: Path) -> Path:
    """A project with one flow, messages and config, still with inline translations."""
    root = tmp_path / "proj"
    (root / "flows").mkdir(parents=True)
    (root / "bot").mkdir()
    (root / "flows" / "f.yaml").write_text(
        "# A comment that must survive.\n"
        "id: f\nversion: 1\n"
        "title: {en: Title, pl: Tytuł}\n"
        "intro:\n  en: Hello {name}\n  pl: Cześć {name}\n"
        "outro:\n  en: Bye\n  pl: Pa\n"
        "steps:\n"
        "  - id: q\n    kind: choice\n"
        "    text:\n      en: Which?\n      pl: Który?\n      so: Kee?\n"
        "    options:\n"
        "      - id: a\n        label:\n          en: Sure\n          pl: Tak\n",
        encoding="utf-8",
    )
    (root / "bot" / "messages.yaml").write_text(
        "languages:\n  en: {name: English, native: English}\n"
        "messages:\n  privacy.notice:\n    en: We keep nothing.\n    pl: Nic nie trzymamy.\n",
        encoding="utf-8",
    )
    (root / "config.yaml").write_text(
        "sites:\n  - id: hub\n    area: x\n    name:\n      en: Hub\n      pl: Punkt\n",
        encoding="utf-8",
    )
    return root


def test_move_makes_sources_english_and_catalogues_fuzzy(tmp_path):
    root = _tree(tmp_path)
    before = rendered(root)
    assert move(root) == {"flows/f.yaml": 5, "bot/messages.yaml": 1, "config.yaml": 1}
    flow_text = (root / "flows" / "f.yaml").read_text()
    assert "# A comment that must survive." in flow_text
    assert "Tytuł" not in flow_text and "    text: Which?\n" in flow_text
    assert "pl:" not in (root / "bot" / "messages.yaml").read_text()
    assert rendered(root) == before
    with (root / "locale" / "pl.po").open("rb") as fh:
        catalog = read_po(fh)
    notice = catalog.get("We keep nothing.", context="msg:privacy.notice")
    assert notice.string == "Nic nie trzymamy." and notice.fuzzy
    intro = catalog.get("Hello {name}", context="f:intro")
    assert "Keep these placeholders exactly: {name}" in intro.auto_comments
    assert intro.locations == [("flows/f.yaml", 5)]
    label = catalog.get("Sure", context="f:q:a:label")
    assert any(c.startswith("Button:") for c in label.auto_comments)
    assert any("Safety-critical" in c for c in notice.auto_comments)


def test_move_is_rerunnable_and_picks_up_new_translations(tmp_path):
    root = _tree(tmp_path)
    move(root)
    po = (root / "locale" / "pl.po").read_bytes()
    assert move(root) == {}
    assert (root / "locale" / "pl.po").read_bytes() == po
    # Someone adds a message with its translations after the move: a rerun moves it too.
    with (root / "bot" / "messages.yaml").open("a") as fh:
        fh.write("  risk.intro:\n    en: Please call.\n    pl: Zadzwoń.\n")
    assert move(root) == {"bot/messages.yaml": 1}
    assert translations("pl", root / "locale").text("msg:risk.intro", "Please call.") == "Zadzwoń."


def test_shipped_move_shows_the_same_text_in_every_language():
    """The YAML before the move (fixture written by ``move --expect``) and the catalogues
    now give every context the same text in every language, and flows keep their
    fingerprints (so no version changes)."""
    before = json.loads(BEFORE_MOVE.read_text(encoding="utf-8"))
    after = rendered(ROOT)
    missing = sorted(set(before["texts"]) - set(after["texts"]))
    assert not missing, f"texts lost in the move: {missing[:5]}"
    changed = [c for c in before["texts"] if before["texts"][c] != after["texts"].get(c)]
    assert not changed, f"texts that read differently after the move: {changed[:5]}"
    # A flow given a new version since (service_feedback v3 added the FFT) is a new
    # definition, not a move; every version still on disk keeps its fingerprint.
    same = before["fingerprints"].keys() & after["fingerprints"].keys()
    assert {k: after["fingerprints"][k] for k in same} == {
        k: before["fingerprints"][k] for k in same
    }
    for name in before["fingerprints"].keys() - same:
        flow_id, version = name.rsplit(" v", 1)
        assert any(
            k.rsplit(" v", 1)[0] == flow_id and int(k.rsplit(" v", 1)[1]) > int(version)
            for k in after["fingerprints"]
        ), name


def test_shipped_sources_are_english_only_and_short():
    assert move(ROOT, write=False) == {}
    for name, lines in FLOW_LINES_BEFORE.items():
        now = len((ROOT / "flows" / name).read_text().splitlines())
        assert now < lines / 3, f"{name}: {now} lines"


def test_translation_fix_keeps_the_flow_version(locale):
    path = ROOT / "flows" / "service_feedback.yaml"
    before = load_flow(path).flow
    po = locale / "so.po"
    old = before.step("respondent_group").text["so"]
    po.write_text(po.read_text(encoding="utf-8").replace(old, "Qoraal cusub"), encoding="utf-8")
    after = load_flow(path).flow
    assert after.step("respondent_group").text["so"] == "Qoraal cusub"
    assert after.fingerprint() == before.fingerprint()
    changed = after.model_copy(update={"title": {"en": "Another title"}})
    assert changed.fingerprint() != before.fingerprint()


def test_stale_entry_falls_back_to_english(locale):
    """A catalogue entry made for different English is not shown."""
    cat = translations("pl", locale)
    assert cat.text("msg:privacy.notice", "Some new English notice.") is None


def test_update_adds_new_english_and_marks_changed_fuzzy(tmp_path):
    root = _tree(tmp_path)
    move(root)
    path = root / "locale" / "pl.po"
    _review_in_po(path, "f:outro")
    assert not translations("pl", root / "locale").entries["f:outro"].fuzzy
    flow = root / "flows" / "f.yaml"
    flow.write_text(flow.read_text().replace("outro: Bye", "outro: Goodbye"), encoding="utf-8")
    with (root / "bot" / "messages.yaml").open("a") as fh:
        fh.write("  consent.question:\n    en: Agree?\n")
    assert update(root)["pl"] == {"added": 1, "fuzzy": 1, "dropped": 0}
    with path.open("rb") as fh:
        catalog = read_po(fh)
    outro = catalog.get("Goodbye", context="f:outro")
    assert outro.fuzzy and outro.string == "Pa"
    assert '#| msgid "Bye"\nmsgctxt "f:outro"' in path.read_text(encoding="utf-8")
    assert catalog.get("Agree?", context="msg:consent.question").string == ""


def test_status_counts_reviewed_truthfully(locale, settings, capsys):
    english = english_texts(runtime_sources(settings.flows_dir, ROOT / "config.yaml"))
    so = review("so", english)
    assert so.reviewed == 0 and so.translated == so.total - so.missing
    assert "msg:privacy.notice" in so.unreviewed_safety
    _review_in_po(locale / "so.po", "msg:privacy.notice")
    after = review("so", english)
    assert after.reviewed == 1
    assert "msg:privacy.notice" not in after.unreviewed_safety
    assert main(["--config", str(ROOT / "config.yaml"), "translations", "status"]) == 0
    out = capsys.readouterr().out
    so_line = next(line for line in out.splitlines() if line.startswith("so "))
    assert so_line.split()[1:4] == [str(after.translated), "1", str(after.missing)]
    pl_line = next(line for line in out.splitlines() if line.startswith("pl "))
    assert pl_line.split()[2] == "0"
    assert "msg:privacy.notice" in out


def _review_in_po(path: Path, context: str) -> None:
    """What a translator does in Poedit: check the entry, clear its fuzzy mark."""
    catalog = read_catalog(path)
    [message] = [m for m in catalog if m.context == context]
    message.flags.discard("fuzzy")
    write_catalog(catalog, path)


def _xlsx_edit(path: Path, context: str, text: str, reviewed: str = "yes") -> None:
    book = load_workbook(path)
    sheet = book.active
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == context:
            row[2].value = text
            row[3].value = reviewed
            break
    else:
        raise AssertionError(f"no row {context}")
    book.save(path)


def test_xlsx_round_trip_changes_the_somali_text(locale, tmp_path):
    out = tmp_path / "so.xlsx"
    count = export_catalogue("so", "xlsx", out)
    assert count == len(translations("so").entries)
    sheet = load_workbook(out).active
    assert [c.value for c in sheet[1]] == ["context", "English", "translation", "reviewed", "notes"]
    _xlsx_edit(out, "service_feedback:respondent_group:text", "Su'aal la hubiyay?")
    result = import_catalogue(out)
    assert (result.changed, result.reviewed) == (1, 1)
    flow = load_flow(ROOT / "flows" / "service_feedback.yaml").flow
    assert flow.step("respondent_group").text["so"] == "Su'aal la hubiyay?"
    entry = translations("so").entries["service_feedback:respondent_group:text"]
    assert not entry.fuzzy


def test_import_refuses_bad_placeholders_and_changes_nothing(locale, tmp_path):
    out = tmp_path / "so.xlsx"
    export_catalogue("so", "xlsx", out)
    before = (locale / "so.po").read_bytes()
    _xlsx_edit(out, "service_feedback:respondent_group:text", "Fine text")
    _xlsx_edit(out, "msg:progress", "Su'aal {n}", reviewed="no")
    _xlsx_edit(out, "msg:button.skip", "x" * 80)
    _xlsx_edit(out, "msg:button.back", "\u2068Dib")
    with pytest.raises(ImportRefused) as refused:
        import_catalogue(out)
    text = "\n".join(refused.value.problems)
    assert "msg:progress: keep the placeholder(s) {total}" in text
    assert "msg:button.skip: 80 characters is too long for a button" in text
    assert "msg:button.back: right-to-left isolates do not pair up" in text
    assert ": row " in refused.value.problems[0]
    assert (locale / "so.po").read_bytes() == before


def test_import_po_names_the_line(locale, tmp_path):
    out = tmp_path / "pl.po"
    export_catalogue("pl", "po", out)
    text = out.read_text(encoding="utf-8")
    start = text.index('msgctxt "msg:progress"')
    msgstr = text.index("msgstr", start)
    end = text.index("\n", msgstr)
    out.write_text(text[:msgstr] + 'msgstr "Pytanie"' + text[end:], encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_catalogue(out)
    [problem] = refused.value.problems
    where, _, what = problem.partition(": ")
    assert what == "msg:progress: keep the placeholder(s) {n} {total} exactly as in the English"
    line = int(where.rsplit(":", 1)[1])
    assert text[:start].count("\n") + 1 <= line <= text[:msgstr].count("\n") + 1


def test_require_reviewed_safety_refuses_fuzzy_notice(locale, tmp_path, capsys, monkeypatch):
    config = tmp_path / "config.yaml"
    text = (ROOT / "config.yaml").read_text(encoding="utf-8")
    text = text.replace("require_reviewed: none", "require_reviewed: safety")
    text = text.replace(
        "languages: [en, pl, lt, lv, ro, pt, ru, ur, pa, gu, ar, bn, so]", "languages: [en, so]"
    )
    text = text.replace("./data/feedback.db", str(tmp_path / "f.db"))
    config.write_text(text, encoding="utf-8")
    monkeypatch.setattr("builtins.input", lambda *a: (_ for _ in ()).throw(EOFError))
    assert main(["--config", str(config), "chat"]) == 2
    err = capsys.readouterr().err
    assert "refuses language(s) whose safety-critical texts are not reviewed" in err
    assert "so: msg:risk.intro" in err and "msg:privacy.notice" in err
    # Once a person has checked every safety text, the gate opens.
    english = english_texts(runtime_sources(ROOT / "flows", config))
    for context in review("so", english).unreviewed_safety:
        _review_in_po(locale / "so.po", context)
    from bot.cli import refuse_unreviewed
    from bot.config import load_settings

    assert refuse_unreviewed(load_settings(config), "chat") is None


def test_require_reviewed_none_warns_loudly(locale, settings, capsys):
    from bot.cli import refuse_unreviewed

    assert settings.require_reviewed == "none"
    assert refuse_unreviewed(settings, "run") is None
    err = capsys.readouterr().err
    assert "WARNING: require_reviewed is none, so 12 language(s)" in err
    assert "bn, so: msg:risk.intro" in err


async def test_old_snapshot_with_translations_still_matches(store, flows):
    """A database whose snapshot was stored with every translation in it (before the
    catalogues) starts without a version bump, and reads back today's translations."""
    flow = flows["service_feedback"]
    full = flow.model_dump(mode="json", by_alias=True)
    import hashlib

    old_fingerprint = hashlib.sha256(json.dumps(full, sort_keys=True).encode()).hexdigest()
    await store.write(
        "INSERT INTO flow_versions VALUES (?, ?, ?, ?, ?)",
        (flow.id, flow.version, old_fingerprint, json.dumps(full), "2026-01-01T00:00:00+00:00"),
    )
    await store.register_flow(flow)
    assert await store.flow_snapshot(flow.id, flow.version) == flow


async def test_snapshot_is_english_only(store, flows):
    flow = flows["service_feedback"]
    await store.register_flow(flow)
    async with store.db.execute("SELECT definition FROM flow_versions") as cur:
        (definition,) = await cur.fetchone()
    stored = json.loads(definition)
    assert stored["title"] == {"en": flow.title["en"]}
    assert "so" in flow.title
    assert await store.flow_snapshot(flow.id, flow.version) == flow


async def test_sessions_record_the_catalogue_revision(conversations, locale):
    """Each session keeps the revision of the catalogue it was shown; answers given in a
    translation with unreviewed entries are counted as such."""
    from bot.conversation import State, Write

    store = conversations.store
    flow = conversations.flows["service_feedback"]
    revision_before = translations("so").revision
    for lang in ("so", "en"):
        state = State(flow_id=flow.id, flow_version=flow.version, lang=lang)
        session = await store.create_session(f"k-{lang}", "test", state)
        write = Write("respondent_group", "choice", "service_user")
        assert await store.save(session, [write])
    async with store.db.execute(
        "SELECT lang, catalogue_revision FROM sessions ORDER BY lang"
    ) as cur:
        rows = await cur.fetchall()
    assert [tuple(r) for r in rows] == [("en", "en:none"), ("so", f"so:{revision_before}")]
    counts = await store.answers_by_translation()
    assert counts["so"]["unreviewed"] == 1 and counts["en"]["reviewed"] == 1


def test_terminal_round_trip_with_the_cli(tmp_path):
    """What a volunteer and staff do, as commands: export Somali as XLSX, edit one cell and
    mark it reviewed, import; `feedback-bot chat` then asks the new Somali question."""
    import os
    import subprocess
    import sys

    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "locale", locale)
    config = tmp_path / "config.yaml"
    config.write_text(
        (ROOT / "config.yaml")
        .read_text(encoding="utf-8")
        .replace("./data/feedback.db", str(tmp_path / "f.db"))
        .replace("./flows", str(ROOT / "flows")),
        encoding="utf-8",
    )
    env = {**os.environ, LOCALE_ENV: str(locale), "PYTHONPATH": str(ROOT)}

    def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot", "--config", str(config), *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=120,
        )

    sheet = tmp_path / "so.xlsx"
    done = cli("translations", "export", "--lang", "so", "--format", "xlsx", "--out", str(sheet))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"wrote {sheet}: ")
    new = "Kuwan midkee ayaa si fiican kuu sifeynaya? (la hubiyay)"
    _xlsx_edit(sheet, "service_feedback:respondent_group:text", new)
    done = cli("translations", "import", str(sheet))
    assert done.returncode == 0, done.stderr
    assert "1 changed, 1 reviewed" in done.stdout
    status = cli("translations", "status")
    so_line = next(x for x in status.stdout.splitlines() if x.startswith("so "))
    assert so_line.split()[2] == "1"
    chat = cli("chat", "--lang", "so", stdin="1\ns\ns\n")  # notice; FFT and why skipped
    assert chat.returncode == 0, chat.stderr
    assert new in chat.stdout
    assert "WARNING: require_reviewed is none" in chat.stderr


def test_import_refuses_a_changed_phone_number_or_a_new_link(locale, tmp_path):
    """A file cannot send people in crisis to a number or link nobody checked."""
    out = tmp_path / "so.xlsx"
    export_catalogue("so", "xlsx", out)
    _xlsx_edit(out, "msg:risk.intro", "Wac 0800 000 111 hadda")
    _xlsx_edit(out, "msg:risk.outro", "Booqo https://example.invalid/caawin")
    with pytest.raises(ImportRefused) as refused:
        import_catalogue(out)
    text = "\n".join(refused.value.problems)
    assert "msg:risk.intro: its numbers of 3 or more digits differ from the English" in text
    assert "msg:risk.outro: adds a link or @name not in the English" in text


def test_every_shipped_translation_passes_the_import_checks(locale, tmp_path):
    """Exporting a catalogue and importing it unchanged works: the checks fit real text."""
    for lang in ("pl", "ar", "so", "ur"):
        out = tmp_path / f"{lang}.po"
        export_catalogue(lang, "po", out)
        assert import_catalogue(out).changed == 0
