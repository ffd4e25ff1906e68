"""The deploy files agree with each other: the operator's wrapper runs commands as the
service runs (same user, folder, config, database), so a restore made with it leaves
a database the service can open."""

from __future__ import annotations

import configparser
import re

from tests.conftest import ROOT

UNIT = ROOT / "deploy" / "feedback-bot.service"
ADMIN = ROOT / "deploy" / "feedback-bot-admin"


def unit() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(UNIT.read_text(encoding="utf-8"))
    return parser["Service"]


def test_the_admin_wrapper_runs_as_the_services_user_on_its_database_and_config():
    service, admin = unit(), ADMIN.read_text(encoding="utf-8")
    assert "DynamicUser" not in service  # a user that exists only while the service runs
    assert f"runuser -u {service['User']} --" in admin
    [env] = [e for e in service["Environment"].splitlines() if "FEEDBACK_BOT_DATABASE" in e]
    assert f"export {env.strip()}" in admin
    assert f"cd {service['WorkingDirectory']}" in admin
    program, *args = service["ExecStart"].split()
    assert args[-1] == "run"
    assert re.search(rf"{re.escape(program)} \\\n\s+{re.escape(' '.join(args[:-1]))} ", admin)
    assert f". {service['EnvironmentFile']}" in admin
    assert service["ReadWritePaths"] in service["Environment"]
