"""Move translations out of the YAML sources into ``locale/<lang>.po``.

    python -m bot.translations.move [--root DIR] [--check]

Rerunnable and deterministic: every non-English text still inside a flow file,
``bot/messages.yaml`` or ``config.yaml`` becomes a ``fuzzy`` entry of its
language's catalogue (translated, not yet checked by a person), and the source
keeps only the English.  Entries already in a catalogue keep their review state
unless the source gives a different translation, which then wins (as fuzzy).
A second run on a moved tree changes nothing.  ``--check`` exits 1 if a source
still holds translations.

The source is edited as text, not re-dumped, so comments, order and quoting stay
as the authors wrote them: each ``{en: ..., pl: ...}`` map is cut down to its
``en`` entry, and in flow files ``text:`` / ``en: ...`` becomes ``text: ...``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from bot.sources import load_yaml
from bot.translations.catalog import read_catalog
from bot.translations.po import entry_message, new_catalog, write_catalog
from bot.translations.sources import Source, project_sources
from bot.translations.update import update
from bot.translations.walk import ENGLISH, Spot, spots

_FLOW_COLLAPSE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<dash>- )?(?P<key>title|intro|outro|text|label):[ \t]*\n"
    r"[ \t]*en:[ \t]*(?P<value>[^\n]*)$",
    re.MULTILINE,
)


def move(root: Path, *, write: bool = True) -> dict[str, int]:
    """Move every translation under ``root``; return how many texts each file gave up."""
    sources = project_sources(root)
    locale = root / "locale"
    found: dict[str, dict[str, tuple[Spot, Source, int]]] = {}
    moved: dict[str, int] = {}
    for source in sources:
        doc = load_yaml(source.path)
        count = 0
        for spot in spots(doc.data, source.kind):
            for lang, text in spot.translations.items():
                if text.strip():
                    found.setdefault(lang, {})[spot.context] = (
                        spot,
                        source,
                        doc.line_of(spot.path),
                    )
            count += bool(spot.translations)
        if count:
            moved[source.rel] = count
    if not write:
        return moved
    locale.mkdir(exist_ok=True)
    languages = sorted(set(found) | {p.stem for p in locale.glob("*.po")})
    for lang in languages:
        path = locale / f"{lang}.po"
        catalog = read_catalog(path) if path.exists() else new_catalog(lang)
        for context, (spot, source, line) in sorted(found.get(lang, {}).items()):
            text = spot.translations[lang]
            old = catalog.get(spot.english, context=context)
            if old is not None and old.string == text:
                continue
            if old is not None:
                catalog.delete(spot.english, context=context)
            for stale in [m for m in catalog if m.context == context and m.id != spot.english]:
                catalog.delete(stale.id, context=context)
            catalog[spot.english] = entry_message(spot, source.rel, text, fuzzy=True, line=line)
        write_catalog(catalog, path)
    for source in sources:
        if source.rel in moved:
            _strip(source)
    update(root)  # places, notes and order from the English-only sources
    return moved


def _strip(source: Source) -> None:
    """Cut every text map in the file down to its English, editing the text in place."""
    text = source.path.read_text(encoding="utf-8")
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    doc = load_yaml(source.path)
    cuts: list[tuple[int, int, str]] = []
    for spot in spots(doc.data, source.kind):
        if not spot.translations:
            continue
        mapping = _node_at(node, spot.path)
        pairs = mapping.value
        english = next(v for k, v in pairs if k.value == ENGLISH)
        start = pairs[0][0].start_mark.index
        end = max(v.end_mark.index for _, v in pairs)
        kept = text[english.start_mark.index : english.end_mark.index]
        cuts.append((start, end, f"{ENGLISH}: {kept}"))
    for start, end, replacement in sorted(cuts, reverse=True):
        text = text[:start] + replacement + text[end:]
    if source.kind == "flow":
        text = _FLOW_COLLAPSE.sub(
            lambda m: f"{m['indent']}{m['dash'] or ''}{m['key']}: {m['value']}", text
        )
    source.path.write_text(text, encoding="utf-8")


def _node_at(node: Any, path: tuple[str | int, ...]) -> yaml.MappingNode:
    for part in path:
        if isinstance(node, yaml.SequenceNode):
            node = node.value[int(part)]
        else:
            node = next(v for k, v in node.value if k.value == str(part))
    assert isinstance(node, yaml.MappingNode)
    return node


def rendered(root: Path) -> dict[str, Any]:
    """Every text in every language as the bot loads it, and each flow's fingerprint:
    written before a move (``--expect``) and compared after it, so a move is shown
    to change nothing a person or a report sees."""
    from bot.flows import SECTIONS_DIR, Flow, include_sections
    from bot.translations import localise

    texts: dict[str, dict[str, str]] = {}
    fingerprints: dict[str, str] = {}
    for source in project_sources(root):
        doc = load_yaml(source.path)
        section = source.path.parent.name == SECTIONS_DIR
        if source.kind == "flow" and not section:
            include_sections(doc, source.path.parent / SECTIONS_DIR)
        data = localise(doc.data, source.kind, root / "locale")
        for spot in spots(data, source.kind):
            texts[spot.context] = {ENGLISH: spot.english, **dict(sorted(spot.translations.items()))}
        if source.kind == "flow" and not section:
            flow = Flow.model_validate(data)
            fingerprints[f"{flow.id} v{flow.version}"] = flow.fingerprint()
    return {"texts": texts, "fingerprints": fingerprints}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.translations.move", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project's folder")
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a source holds translations"
    )
    parser.add_argument(
        "--expect",
        type=Path,
        help="first write every text as the bot shows it today to this JSON file",
    )
    args = parser.parse_args(argv)
    if args.expect:
        blob = json.dumps(rendered(args.root), ensure_ascii=False, indent=1, sort_keys=True)
        args.expect.write_text(blob + "\n", encoding="utf-8")
    moved = move(args.root, write=not args.check)
    for rel, count in moved.items():
        verb = "holds" if args.check else "moved"
        print(f"{rel}: {verb} translations of {count} texts")
    if args.check:
        return 1 if moved else 0
    if not moved:
        print("nothing to move: every source is English-only")
    return 0


if __name__ == "__main__":
    sys.exit(main())
