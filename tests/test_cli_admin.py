import asyncio
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import load_settings
from bot.engine import Engine
from bot.flows import load_flows
from bot.i18n import load_catalogue
from bot.privacy import load_secret
from bot.roles import Roles
from bot.service import option_ids
from bot.store import Store

ROOT = Path(__file__).resolve().parent.parent
CONFIG = str(ROOT / "config.yaml")


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "cli.db"
    monkeypatch.setenv("FEEDBACK_BOT_DATABASE", str(path))
    monkeypatch.setenv("FEEDBACK_BOT_FLOWS_DIR", str(ROOT / "flows"))
    monkeypatch.delenv("FEEDBACK_BOT_SECRET", raising=False)
    return path


def run(*argv):
    return main(["--config", CONFIG, *argv])


def _join(db, key, code):
    async def go():
        store = await Store.open(db)
        try:
            return await Roles(store, load_secret(db)).join(key, code)
        finally:
            await store.close()

    return asyncio.run(go())


def test_invite_prints_a_code_once_that_joins(db, capsys):
    assert run("invite", "--role", "staff", "--site", "cambridge_hub", "--days", "3") == 0
    out = capsys.readouterr().out
    code = re.search(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\b", out).group()
    assert "staff for cambridge_hub" in out
    assert _join(db, "te_0123456789abcdef", code).status == "joined"
    assert code not in db.read_bytes().decode("latin-1")

    assert run("roles") == 0
    listing = capsys.readouterr().out
    assert "te_0123456789abc" in listing and "staff" in listing and "cambridge_hub" in listing

    assert run("roles", "--revoke", "te_0123456") == 0
    assert "revoked the staff role" in capsys.readouterr().out
    assert run("roles") == 0
    assert "no roles yet" in capsys.readouterr().out


def test_admin_bootstrap_needs_no_site(db, capsys):
    assert run("invite", "--role", "admin") == 0
    assert "admin for all sites" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--role", "peer"], "--site is needed"),
        (["--role", "staff", "--site", "atlantis"], "no site 'atlantis'"),
        (["--role", "staff", "--site", "cambridge_hub", "--days", "0"], "at least 1"),
    ],
)
def test_bad_invites_are_refused_clearly(db, capsys, argv, message):
    assert run("invite", *argv) == 2
    assert message in capsys.readouterr().err


def test_revoke_with_a_short_or_unknown_prefix_explains(db, capsys):
    assert run("roles", "--revoke", "te_") == 1
    assert "at least 6" in capsys.readouterr().err
    assert run("roles", "--revoke", "te_ffffff") == 1
    assert "no live role" in capsys.readouterr().err


def test_purge_dry_run_then_purge(db, capsys):
    settings = load_settings(Path(CONFIG))
    long_ago = datetime.now(UTC) - timedelta(days=settings.retention_days + 1)

    async def old_session():
        store = await Store.open(db, clock=lambda: long_ago)
        flows = load_flows(settings.flows_dir, settings.languages, option_ids(settings))
        flow = flows[settings.default_flow]
        await store.register_flow(flow)
        state = Engine(flow, load_catalogue()).new_state("en")
        await store.create_session("te_old", "telegram", state)
        await store.close()

    asyncio.run(old_session())
    assert run("purge", "--dry-run") == 0
    assert "would delete 1 session(s)" in capsys.readouterr().out
    assert run("purge") == 0
    assert "deleted 1 session(s)" in capsys.readouterr().out
    assert run("purge") == 0
    assert "deleted 0 session(s)" in capsys.readouterr().out
    assert run("audit") == 0
    assert capsys.readouterr().out.count('"action":"purge"') == 2


def test_audit_since_parses_the_date_and_explains_a_bad_one(db, capsys):
    from bot.roles import audit

    async def entries():
        for moment in (datetime(2026, 1, 4, 12, tzinfo=UTC), datetime(2026, 11, 20, tzinfo=UTC)):
            store = await Store.open(db, clock=lambda moment=moment: moment)
            await audit(store, "cli", "export", {"at": moment.date().isoformat()})
            await store.close()

    asyncio.run(entries())
    # As text, "2026-1-5" sorts after "2026-01-04" (fine) but also after "2026-11-20",
    # so the November entry went missing; as a date it is 5 January.
    assert run("audit", "--since", "2026-1-5") == 0
    assert [line.count("2026-11-20") for line in capsys.readouterr().out.splitlines()] == [2]
    assert run("audit", "--since", "2026-01-04") == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    for bad in ("2026-13-01", "yesterday", "2026-02-30"):
        assert run("audit", "--since", bad) == 2
        err = capsys.readouterr().err
        assert "--since" in err and "Traceback" not in err
