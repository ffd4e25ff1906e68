"""Imported once by the report processes' fork server (``bot/report/worker.py``).

Every report process is forked from that server, so what is loaded here is loaded
once, not once per report: the modules, and the message catalogue in every language
(~1.5 s of YAML and gettext parsing on a busy machine).
"""

from bot.i18n import load_catalogue
from bot.report import worker  # noqa: F401 - the report code itself

load_catalogue()
