"""A strict reading of a PO file's lines, before Babel reads it.

Babel forgives too much for a file that came from a volunteer's editor: a
``msgstr`` whose opening quote was deleted is read as the text minus its first
letter, and an entry given twice silently keeps the last.  So every line is
checked first (a comment, a keyword with one quoted string, or a quoted
continuation, in the order gettext allows), and every context must be given
once.  Each problem names the file and line.
"""

from __future__ import annotations

import re
from pathlib import Path

_STRING = r'"(?:[^"\\]|\\(?:[\\"abfnrtv]|[0-7]{1,3}|x[0-9A-Fa-f]{1,2}))*"'
_KEYWORD = re.compile(rf"^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+{_STRING}\s*$")
_NAME = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr)(?:\[\d+\])?(?![\w\[])")
_CONTINUATION = re.compile(rf"^\s*{_STRING}\s*$")
_FOLLOWS = {
    "msgctxt": {None, "msgstr"},
    "msgid": {None, "msgstr", "msgctxt"},
    "msgid_plural": {"msgid"},
    "msgstr": {"msgid", "msgid_plural", "msgstr"},
}
"""Which keyword may come before each (None: the start, or after a blank or comment
that ended the previous entry)."""


class PoSyntaxError(ValueError):
    """A PO file gettext would not read as written; ``problems`` are ``file:line: what``."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def check_po(data: bytes, path: Path) -> list[str]:
    """Every line that is not valid PO, and every context given twice."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [f"{path}:{line}: not UTF-8 text; save the file as UTF-8"]
    found: list[str] = []
    contexts: dict[str, int] = {}
    last: str | None = None
    closed = True  # the previous entry is complete (a msgstr was seen)
    context: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            if line.startswith("#") and last == "msgstr":
                last, closed = None, True
            continue
        keyword = _KEYWORD.match(line)
        if keyword is None:
            if _CONTINUATION.match(line) and last is not None:
                continue
            found.append(f"{path}:{number}: {_what(line)}")
            started = _NAME.match(line)
            if started is None:
                continue
            name = started.group(1)  # read on as if it were right: one mistake, one error
        else:
            name = keyword.group(1).split("[")[0]
        if last not in _FOLLOWS[name]:
            found.append(f"{path}:{number}: {name} cannot come after {last or 'nothing'} here")
        if name == "msgctxt" and keyword is not None:
            context = _unquote(line)
        if name == "msgid":
            closed = False
            if context is not None:
                if context in contexts:
                    found.append(
                        f"{path}:{number}: the text {context!r} is given twice (also at line"
                        f" {contexts[context]}); keep one"
                    )
                else:
                    contexts[context] = number
            context = None
        if name == "msgstr":
            closed = True
        last = name
    if not closed:
        found.append(f"{path}: the last entry has no msgstr")
    return found


def _unquote(line: str) -> str:
    return line.split(None, 1)[1].strip()[1:-1]


def _what(line: str) -> str:
    word = line.split(None, 1)[0]
    if word.startswith(("msgctxt", "msgid", "msgstr")):
        return f'{word}: the text must be in double quotes, with any " inside written \\"'
    if line.startswith('"'):
        return "a quoted line with no msgid or msgstr before it, or a quote not closed"
    return f"not a PO line: {line[:40]!r} (a comment starts with #)"
