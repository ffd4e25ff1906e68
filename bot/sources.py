"""YAML files that remember where each value came from.

Config and flow files are edited by hand by people who are not programmers, so
every validation error must point at a file, a line and a field.  PyYAML's
composer keeps line marks on nodes; we walk the node tree once and keep a map
from each value's path (as pydantic reports it in ``loc``) to its line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

Loc = tuple[str | int, ...]
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
M = TypeVar("M", bound=BaseModel)

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser where PyYAML was built with it (the wheels are): the same nodes and
line marks, several times faster than the pure-Python one, which was a large part of
every start-up (config, flows, catalogue, risk phrase lists)."""
BASE_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


@dataclass(frozen=True)
class SourceError:
    """One problem in one file, in the form editors jump to: ``file:line: field: message``."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        # Line 0: not in a file (an environment variable, a directory, a built-in default).
        where = f"{self.file}:{self.line}" if self.line else self.file
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class SourceErrors(Exception):
    """Raised with every problem found in a file, so people fix them in one pass."""

    def __init__(self, errors: Iterable[SourceError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass
class Document:
    """Parsed YAML data plus the line of every value in it."""

    path: Path
    data: Any
    lines: dict[Loc, int]

    def line_of(self, loc: Loc) -> int:
        """Line of the deepest part of ``loc`` that exists in the file.

        pydantic adds parts that are not in the file (the tag of a union, or
        the name of a missing field); those fall back to their parent's line.
        """
        best = self.lines.get((), 1)
        node_loc: Loc = ()
        for part in loc:
            candidate = (*node_loc, part)
            if candidate in self.lines:
                node_loc = candidate
                best = self.lines[candidate]
        return best

    def error(self, loc: Loc, message: str) -> SourceError:
        return SourceError(str(self.path), self.line_of(loc), ".".join(map(str, loc)), message)


def clean_loc(loc: Loc, data: Any) -> Loc:
    """Drop the parts of a pydantic ``loc`` that are not in the file.

    pydantic inserts the tag of a discriminated union (a step's ``kind``) and the
    names of union members (``list[...]``, ``function-after[...]``).
    """
    out: list[str | int] = []
    node = data
    tag_allowed = True
    for part in loc:
        if isinstance(part, str) and isinstance(node, dict):
            # The tag comes first inside a list item: ('steps', 1, 'text', 'text', 'en').
            is_tag = tag_allowed and part == node.get("kind")
            if is_tag or ("[" in part and part not in node):
                tag_allowed = False
                continue
        tag_allowed = isinstance(part, int)
        out.append(part)
        try:
            node = node[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            node = None
    return tuple(out)


MAX_VALUES = 250_000
"""The most values a file may expand to.  The largest shipped file (messages.yaml, every
message in 13 languages) is well under a tenth of this; a file of nested aliases ("billion
laughs") would otherwise expand to more than memory holds."""


def load_yaml(path: Path) -> Document:
    """Parse ``path``: a syntax error, a key given twice in one mapping, an alias that
    contains itself or a file that expands past ``MAX_VALUES`` is a SourceError with its line.
    """
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Saved in another encoding (Windows-1252, UTF-16): say where, not a traceback.
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceErrors(
            [SourceError(str(path), line, "", "not UTF-8 text; save the file as UTF-8")]
        ) from None
    builder = _Builder(str(path))
    try:
        node = yaml.compose(text, Loader=SAFE_LOADER)
        data = builder.build(node, ()) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else 1
        raise SourceErrors(
            [SourceError(str(path), line, "", f"not valid YAML: {exc.problem}")]
        ) from None
    if builder.errors:
        raise SourceErrors(builder.errors)
    return Document(path, data, builder.lines)


class _TooBig(Exception):
    pass


class _Builder:
    """Turns composed nodes into data, recording each value's line and refusing what
    PyYAML lets through: duplicate keys (the last would silently win) and runaway aliases."""

    def __init__(self, file: str):
        self.file = file
        self.lines: dict[Loc, int] = {}
        self.errors: list[SourceError] = []
        self._count = 0
        self._open: set[int] = set()

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        try:
            return self._build(node, loc)
        except _TooBig:
            self.errors.append(
                SourceError(
                    self.file,
                    node.start_mark.line + 1,
                    "",
                    f"the file expands to more than {MAX_VALUES:,} values; are aliases (*name)"
                    " repeated inside each other?",
                )
            )
            return None

    def _build(self, node: yaml.Node, loc: Loc) -> Any:
        self._count += 1
        if self._count > MAX_VALUES:
            raise _TooBig
        self.lines[loc] = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            return _CONSTRUCTOR.construct_object(node, deep=True)
        if id(node) in self._open:
            self.errors.append(
                SourceError(
                    self.file, node.start_mark.line + 1, _field(loc), "an alias contains itself"
                )
            )
            return None
        self._open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, loc)
            if isinstance(node, yaml.SequenceNode):
                return [self._build(child, (*loc, i)) for i, child in enumerate(node.value)]
            return _CONSTRUCTOR.construct_object(node, deep=True)
        finally:
            self._open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.errors.append(
                    SourceError(
                        self.file,
                        key_node.start_mark.line + 1,
                        _field(loc),
                        "a key must be plain text, not a list or mapping",
                    )
                )
                continue
            key = _CONSTRUCTOR.construct_object(key_node, deep=True)
            key = str(key) if not isinstance(key, str) else key
            line = key_node.start_mark.line + 1
            if key in first_line:
                self.errors.append(
                    SourceError(
                        self.file,
                        line,
                        _field((*loc, key)),
                        f"given twice (first on line {first_line[key]}); keep one",
                    )
                )
                continue
            first_line[key] = line
            out[key] = self._build(value_node, (*loc, key))
            self.lines[(*loc, key)] = line
        return out


def _field(loc: Loc) -> str:
    return ".".join(map(str, loc))


def validate(doc: Document, model: type[M], context: dict[str, Any] | None = None) -> M:
    """Validate a document against a pydantic model, with file:line errors."""
    try:
        return model.model_validate(doc.data if doc.data is not None else {}, context=context)
    except ValidationError as exc:
        errors: dict[tuple[int, str], SourceError] = {}
        for err in exc.errors():
            error = doc.error(clean_loc(tuple(err["loc"]), doc.data), _friendly(err))
            # A union reports once per member; the first member's complaint is the useful one.
            errors.setdefault((error.line, error.field), error)
        raise SourceErrors(errors.values()) from None


def _friendly(err: Any) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        return "unknown field (is it spelled right?)"
    if kind == "missing":
        return "required field is missing"
    return str(err["msg"])
