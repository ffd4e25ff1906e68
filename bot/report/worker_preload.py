"""Imported once by the report processes' fork server (``bot/report/worker.py``).

Every report process is forked from that server, so what is loaded here is loaded
once, not once per report: the report code, the message catalogue in every language
(~1.5 s of YAML and gettext parsing on a busy machine), the theme codebook's rules
compiled (~0.2 s; ``FLOWS_ENV`` says where the bot's flows are), and the command
line's modules.  The last because ``multiprocessing`` runs the parent's main script
again in each new process (for ``feedback-bot run``, a script that imports ``bot.cli``
and with it the Telegram adapter): with them already imported, that costs nothing.
"""

import contextlib
import os
from pathlib import Path

from bot import cli  # noqa: F401 - see above
from bot.i18n import load_catalogue
from bot.report import worker  # the report code itself
from bot.report.themes import load_codebook

load_catalogue()
if flows := os.environ.get(worker.FLOWS_ENV):
    # A missing or broken codebook is the report's to say, kindly, not the server's.
    with contextlib.suppress(Exception):
        load_codebook(Path(flows)).compile()
