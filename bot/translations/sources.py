"""The project's translatable sources: flow files, ``bot/messages.yaml``, ``config.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.sources import load_yaml
from bot.translations.walk import Spot, spots

RESERVED_FLOW_FILES = frozenset({"themes.yaml", "messages.yaml"})
"""Files in flows/ that are not flows (the theme codebook matches words, it is not shown)."""


@dataclass(frozen=True)
class Source:
    path: Path
    rel: str
    """The path as the catalogue's ``#:`` lines show it, from the project folder."""
    kind: str


def project_sources(root: Path) -> list[Source]:
    found = [
        Source(p, p.relative_to(root).as_posix(), "flow")
        for p in sorted((root / "flows").glob("*.yaml"))
        if p.name not in RESERVED_FLOW_FILES
    ]
    # Shared sections (flows/sections/*.yaml, included by flows): their texts once.
    found += [
        Source(p, p.relative_to(root).as_posix(), "flow")
        for p in sorted((root / "flows" / "sections").glob("*.yaml"))
    ]
    for rel, kind in (("bot/messages.yaml", "msg"), ("config.yaml", "config")):
        if (root / rel).exists():
            found.append(Source(root / rel, rel, kind))
    return found


def source_spots(root: Path) -> list[tuple[Spot, Source, int]]:
    """Every English text of the project, with its source and line, in file order."""
    out: list[tuple[Spot, Source, int]] = []
    for source in project_sources(root):
        doc = load_yaml(source.path)
        for spot in spots(doc.data, source.kind):
            out.append((spot, source, doc.line_of(spot.path)))
    return out
