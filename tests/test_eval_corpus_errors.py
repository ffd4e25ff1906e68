"""A corpus line written without its tab is named, file and line, by both eval scripts.

Before, a translator adding a line to a corpus got a bare ``ValueError: not enough
values to unpack`` with no hint of which of 26 files, or which line, was wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import redaction_eval, risk_eval


def test_a_risk_line_without_a_tab_names_its_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "pl.tsv").write_text("# header\nsuicide\tchce umrzec\nnone nie ma taba\n")
    with pytest.raises(SystemExit) as stopped:
        risk_eval.load_corpus(tmp_path)
    assert str(stopped.value).startswith("pl.tsv:3: no tab")


def test_a_redaction_line_without_a_tab_names_its_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "en.tsv").write_text("call 07700 900123\tcall [phone]\ten\n\nno tabs at all\n")
    with pytest.raises(SystemExit) as stopped:
        redaction_eval.load_corpus(tmp_path)
    assert str(stopped.value).startswith("en.tsv:3: 1 tab-separated fields")
