"""The deploy files agree with each other: the operator's wrapper runs commands as the
service runs (same user, folder, config, database), so a restore made with it leaves
a database the service can open."""

from __future__ import annotations

import re

from tests.conftest import ROOT

UNIT = ROOT / "deploy" / "feedback-bot.service"
ADMIN = ROOT / "deploy" / "feedback-bot-admin"


def unit() -> dict[str, str]:
    """The [Service] settings; a key given on several lines (Environment=) joined by
    spaces, as systemd reads them."""
    found: dict[str, list[str]] = {}
    section = ""
    for line in UNIT.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            section = line.strip("[]")
        elif section == "Service" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            found.setdefault(key.strip(), []).append(value.strip())
    return {key: " ".join(values) for key, values in found.items()}


def test_the_admin_wrapper_runs_as_the_services_user_on_its_database_and_config():
    service, admin = unit(), ADMIN.read_text(encoding="utf-8")
    assert "DynamicUser" not in service  # a user that exists only while the service runs
    assert f"runuser -u {service['User']} --" in admin
    for env in service["Environment"].split():
        assert f"export {env}" in admin  # the database, the translation catalogues
    assert f"cd {service['WorkingDirectory']}" in admin
    program, *args = service["ExecStart"].split()
    assert args[-1] == "run"
    assert re.search(rf"{re.escape(program)} \\\n\s+{re.escape(' '.join(args[:-1]))} ", admin)
    assert f". {service['EnvironmentFile']}" in admin
    assert f"umask {service['UMask']}" in admin
    assert service["ReadWritePaths"] in service["Environment"]


def test_the_image_and_the_unit_point_the_bot_at_the_translation_catalogues():
    """``pip install .`` installs the ``bot`` package without ``locale/``: the bot then
    finds no catalogue, and every language but English fails the start."""
    service = unit()
    assert "FEEDBACK_BOT_LOCALE_DIR=/opt/feedback-bot/locale" in service["Environment"]
    assert service["WorkingDirectory"] == "/opt/feedback-bot"
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert (
        "COPY locale ./locale" in dockerfile and "FEEDBACK_BOT_LOCALE_DIR=/app/locale" in dockerfile
    )
    assert "WORKDIR /app" in dockerfile
