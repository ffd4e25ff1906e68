"""Which settings the environment sets, and which ``FEEDBACK_BOT_*`` variables set nothing.

pydantic-settings reads only the variables that match a setting and ignores the
rest, so ``FEEDBACK_BOT_SUPRESSION_THRESHOLD=50`` left the threshold at 5 and
nobody was told.  Here every variable with the prefix must name a setting (or
one of the few other variables the bot reads); otherwise start-up stops and
names the closest real one.  The map of what the environment set also lets a
bad value be blamed on its variable instead of a line of config.yaml.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from bot.privacy import SECRET_ENV
from bot.sources import Loc, SourceError

PREFIX = "FEEDBACK_BOT_"
DELIMITER = "__"
OTHER_VARIABLES = frozenset({SECRET_ENV, "FEEDBACK_BOT_LOCALE_DIR"})
"""Variables with the prefix that are not settings but are read elsewhere."""


def environment_paths(
    model: type[BaseModel], environ: Mapping[str, str]
) -> tuple[dict[Loc, str], list[SourceError]]:
    """(setting path → variable) for the variables that set something, and an error for
    each ``FEEDBACK_BOT_*`` variable that sets nothing."""
    known = _paths(model, ())
    names = {_env_name(path): path for path, _ in known}
    open_ended = [path for path, is_map in known if is_map]
    found: dict[Loc, str] = {}
    errors = []
    for name in sorted(environ):
        upper = name.upper()
        if not upper.startswith(PREFIX) or upper in OTHER_VARIABLES:
            continue
        path = tuple(upper[len(PREFIX) :].lower().split(DELIMITER))
        if upper in names or any(path[: len(p)] == p for p in open_ended):
            found[path] = name
            continue
        close = difflib.get_close_matches(upper, [*names, *OTHER_VARIABLES], n=1, cutoff=0.6)
        hint = f"did you mean {close[0]}?" if close else "see config.yaml for the settings"
        errors.append(
            SourceError(
                f"{name} (environment)", 0, "", f"no such setting, so it would be ignored; {hint}"
            )
        )
    return found, errors


def _paths(model: type[BaseModel], prefix: Loc) -> list[tuple[Loc, bool]]:
    """Every settable path: (path, whether it takes further keys below it)."""
    out: list[tuple[Loc, bool]] = []
    for field_name, field in model.model_fields.items():
        path = (*prefix, field_name)
        annotation = field.annotation
        nested = _model_of(annotation)
        out.append((path, _is_mapping(annotation)))
        if nested is not None:
            out.extend(_paths(nested, path))
    return out


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _is_mapping(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is None or isinstance(annotation, types.UnionType):
        return False
    return isinstance(origin, type) and issubclass(origin, Mapping)


def _env_name(path: Loc) -> str:
    return PREFIX + DELIMITER.join(str(p) for p in path).upper()
