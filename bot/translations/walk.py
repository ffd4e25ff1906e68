"""Where the translatable texts are in a source file, and the stable name of each.

Sources (flow files, ``bot/messages.yaml``, ``config.yaml``) hold English only.
A translatable text is either a map of language codes to text (``{en: ...}``,
possibly still with other languages while a source is being moved), or, in a
flow file, a plain string under ``title``, ``intro``, ``outro``, ``text`` or
``label``.  Each gets a context that does not change when steps are reordered:
``service_feedback:stages_used:text``, ``service_feedback:stages_used:referral:label``,
``msg:privacy.notice``, ``config:sites:cambridge_hub:name``.

The walk works on plain data (what YAML gives, or a flow's ``model_dump``), so the
same contexts name a stored snapshot's texts and the file's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

ENGLISH = "en"
LANG_KEY = re.compile(r"^[a-z]{2,3}$")
FLOW_TEXT_KEYS = frozenset({"title", "intro", "outro", "text", "label"})
"""In a flow file, these keys hold a translatable text even as a plain string."""
_DROPPED = frozenset({"steps", "options", "messages"})
"""Container names left out of contexts: the ids inside already say where."""

Seg = str | int


@dataclass(frozen=True)
class Spot:
    """One translatable text: its context, path in the data, English and other languages."""

    context: str
    path: tuple[Seg, ...]
    english: str
    translations: dict[str, str]
    kind: str
    """``flow``, ``msg`` or ``config``: which kind of source it is in."""


def is_text_map(value: Any) -> bool:
    """A map of language codes to strings with an English entry: ``{en: ..., pl: ...}``."""
    return (
        isinstance(value, dict)
        and ENGLISH in value
        and all(isinstance(k, str) and LANG_KEY.match(k) for k in value)
        and all(isinstance(v, str) for v in value.values())
    )


def domain_of(kind: str, data: Any) -> str:
    if kind == "flow":
        return str(data.get("id", "flow")) if isinstance(data, dict) else "flow"
    return kind


def spots(data: Any, kind: str) -> Iterator[Spot]:
    """Every translatable text in ``data``, in file order."""
    domain = domain_of(kind, data)
    root: Any = data
    base: tuple[Seg, ...] = ()
    if kind == "msg":
        root = data.get("messages", {}) if isinstance(data, dict) else {}
        base = ("messages",)
    yield from _walk(root, base, [], domain, kind)


def _walk(node: Any, path: tuple[Seg, ...], names: list[str], domain: str, kind: str):
    if isinstance(node, dict):
        for key, value in node.items():
            here = (*path, key)
            name = names if key in _DROPPED and kind != "msg" else [*names, str(key)]
            if kind == "msg" and not names:
                name = [str(key)]  # message keys are dotted already: msg:privacy.notice
            if is_text_map(value):
                others = {k: v for k, v in value.items() if k != ENGLISH}
                yield Spot(_context(domain, name), here, value[ENGLISH], others, kind)
            elif _plain_text(kind, here, value):
                yield Spot(_context(domain, name), here, value, {}, kind)
            else:
                yield from _walk(value, here, name, domain, kind)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            if kind == "flow" and isinstance(item, dict) and isinstance(item.get("section"), str):
                # A step included from a shared section: named under the section, so
                # its texts are translated once whichever flows include it.
                name = [_item_name(item, i)]
                yield from _walk(item, (*path, i), name, item["section"], kind)
                continue
            yield from _walk(item, (*path, i), [*names, _item_name(item, i)], domain, kind)


def _plain_text(kind: str, path: tuple[Seg, ...], value: Any) -> bool:
    """A translatable text written as a plain string: a flow's title, intro, outro, text
    or label, or a helpline's name in config."""
    if not isinstance(value, str):
        return False
    if kind == "flow":
        return path[-1] in FLOW_TEXT_KEYS
    return _helpline_name(kind, path, value)


def _helpline_name(kind: str, path: tuple[Seg, ...], value: Any) -> bool:
    """A helpline's name in config (``helplines: en: - name: ...``): a plain string, so
    operators' configs keep working, yet translated like any text ("Emergency services"
    means nothing to someone who reads only Arabic).  Proper names stay as they are
    unless a catalogue gives one."""
    return (
        kind == "config"
        and len(path) == 4
        and path[0] == "helplines"
        and path[3] == "name"
        and isinstance(value, str)
    )


def _item_name(item: Any, index: int) -> str:
    if isinstance(item, dict):
        for key in ("id", "name"):
            if isinstance(item.get(key), str):
                return item[key]
        # A helpline's name once the catalogues have filled it in: named by its English.
        if is_text_map(item.get("name")):
            return item["name"][ENGLISH]
    return str(index)


def _context(domain: str, names: list[str]) -> str:
    return ":".join([domain, *names])


def get(data: Any, path: tuple[Seg, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def put(data: Any, path: tuple[Seg, ...], value: Any) -> None:
    get(data, path[:-1])[path[-1]] = value


def english_only(data: Any, kind: str) -> Any:
    """``data`` with every translatable text reduced to its English: what a flow
    version means, whatever its translations say."""
    for spot in list(spots(data, kind)):
        put(data, spot.path, {ENGLISH: spot.english})
    return data
