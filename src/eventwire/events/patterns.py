"""The event-pattern lexicon: load YAML, validate it, compile it into lookup tables keyed by lemma.

Patterns are data (`lexicon/events_*.yaml`), so a user can read, extend and override them. Loading
validates every entry up front and reports the file and line of a bad one as `PatternError`, because a
broken user file must stop a run before any document is processed, not halfway through a corpus.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from eventwire import lexicon
from eventwire.errors import PatternError

BUNDLED = (
    "events_01_05.yaml",
    "events_06_09.yaml",
    "events_10_14.yaml",
    "events_15_20.yaml",
    "events_subcodes.yaml",
)
PREPOSITIONS = {
    "about", "against", "at", "behind", "between", "by", "for", "from", "in", "into", "of", "on", "onto",
    "over", "to", "toward", "towards", "upon", "with", "alongside", "near", "outside", "along", "through",
}  # fmt: skip
PROTEST_CODES = ("141", "142", "143", "144", "145")
_KEYS = {
    "id",
    "code",
    "verbs",
    "nouns",
    "object",
    "object_kind",
    "prep",
    "target_preps",
    "confidence",
    "note",
}
OBJECT_KINDS = ("actor", "someone", "some", "none")


@dataclass(frozen=True)
class Pattern:
    """One compiled shape. `words` are the extra words a multi-word verb needs besides its lemma."""

    id: str
    code: str
    lemma: str  # verb lemma or nominal trigger (possibly multi-word, e.g. "air strike")
    nominal: bool = False
    words: tuple[str, ...] = ()
    objects: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    target_preps: tuple[str, ...] = ()
    # "actor": an object, if any, is someone; "someone": an object that is someone; "some": any object;
    # "none": no object at all
    object_kind: str = ""
    confidence: float = 0.6
    source: str = ""  # file:line, for messages

    @property
    def specificity(self) -> int:
        """Prefer the pattern that constrains most: "launch airstrikes" beats "launch"."""
        return 1 + 2 * len(self.words) + (3 if self.objects else 0) + (2 if self.prep else 0)


@dataclass
class Lexicon:
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> raw entry (with file/line)
    verbs: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))

    @property
    def patterns(self) -> list[Pattern]:
        return [p for ps in self.verbs.values() for p in ps] + [p for ps in self.nouns.values() for p in ps]

    def coverage(self) -> dict[str, Any]:
        """How much of CAMEO the lexicon covers: codes and roots with at least one pattern."""
        from eventwire.events.compose import compose

        codes = {e["code"] for e in self.entries.values()}
        all_codes = set(lexicon.event_codes())
        reachable = set(codes)  # plus codes made by composing an event with its frame or purpose
        for c in codes:
            for family in ("intent", "future", "reject", "demand", "threaten"):
                reachable.add(compose(family, c) or c)
            if c in PROTEST_CODES:
                reachable.update(c + d for d in "1234")
        return {
            "entries": len(self.entries),
            "patterns": len(self.patterns),  # one per trigger lemma and shape
            "shapes": sum(max(1, len(p.objects)) for p in self.patterns),  # with each object head counted
            "codes_covered": len(codes),
            "codes_total": len(all_codes),
            "roots_covered": len({c[:2] for c in codes}),
            "codes_reachable": len(reachable & all_codes),
            "codes_missing": sorted(all_codes - reachable - {c for c in all_codes if len(c) == 2}),
        }


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that records the line of every mapping, so errors can point at the entry."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# YAML 1.1 reads `on`, `off`, `yes`, `no` as booleans; in a pattern file they are words ("fire on").
_LineLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_entries(path: Path) -> list[dict[str, Any]]:
    """The raw entries of one pattern file, validated; raises PatternError naming file and line."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise PatternError(f"cannot read pattern file: {exc}", origin=str(path)) from exc
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise PatternError(
            f"{line.strip() or 'line ?'}: YAML syntax error: {problem}", origin=str(path)
        ) from exc
    if data is None:
        return []
    if isinstance(data, dict) and "patterns" in data:
        data = data["patterns"]
    if not isinstance(data, list):
        raise PatternError("line 1: expected a list of pattern entries", origin=str(path))
    codes = lexicon.event_codes()
    out = []
    for entry in data:
        line = entry.get("__line__", "?") if isinstance(entry, dict) else "?"
        where = f"line {line}"
        if not isinstance(entry, dict):
            raise PatternError(f"{where}: each pattern must be a mapping, got {entry!r}", origin=str(path))
        unknown = set(entry) - _KEYS - {"__line__"}
        if unknown:
            raise PatternError(f"{where}: unknown key(s) {sorted(unknown)}", origin=str(path))
        if not entry.get("id"):
            raise PatternError(f"{where}: pattern without an id", origin=str(path))
        code = str(entry.get("code", "")).strip()
        if code not in codes:
            raise PatternError(
                f"{where}: pattern {entry['id']!r}: unknown CAMEO code {code!r}", origin=str(path)
            )
        if not entry.get("verbs") and not entry.get("nouns"):
            raise PatternError(f"{where}: pattern {entry['id']!r} needs 'verbs' or 'nouns'", origin=str(path))
        for key in ("verbs", "nouns", "object", "prep", "target_preps"):
            val = entry.get(key)
            if val is None:
                continue
            if isinstance(val, str):
                entry[key] = [val]
            elif not isinstance(val, list) or not all(isinstance(v, str) and v.strip() for v in val):
                raise PatternError(f"{where}: {key!r} must be a list of words", origin=str(path))
        kind = entry.get("object_kind")
        if kind is not None and kind not in OBJECT_KINDS:
            raise PatternError(f"{where}: object_kind must be one of {list(OBJECT_KINDS)}", origin=str(path))
        conf = entry.get("confidence", 0.6)
        if not isinstance(conf, int | float) or not 0 <= conf <= 1:
            raise PatternError(f"{where}: confidence must be a number in 0..1", origin=str(path))
        entry["code"] = code
        entry["__file__"] = str(path)
        out.append(entry)
    return out


def _compile(entry: dict[str, Any]) -> list[Pattern]:
    where = f"{entry['__file__']}:{entry['__line__']}"
    common = dict(
        id=str(entry["id"]),
        code=entry["code"],
        objects=frozenset(o.lower() for o in entry.get("object") or []),
        prep=frozenset(p.lower() for p in entry.get("prep") or []),
        target_preps=tuple(p.lower() for p in entry.get("target_preps") or []),
        object_kind=str(entry.get("object_kind") or ""),
        confidence=float(entry.get("confidence", 0.6)),
        source=where,
    )
    out = []
    for verb in entry.get("verbs") or []:
        head, *rest = verb.lower().split()
        out.append(Pattern(lemma=head, words=tuple(w for w in rest if w not in ("a", "an", "the")), **common))
    for noun in entry.get("nouns") or []:
        out.append(Pattern(lemma=" ".join(noun.lower().split()), nominal=True, **common))
    return out


def load(extra: list[str | Path] | tuple = ()) -> Lexicon:
    """Bundled patterns plus user files; a user entry with the same id replaces the bundled one."""
    lex = Lexicon()
    for name in BUNDLED:
        for entry in read_entries(lexicon.path(name)):
            lex.entries[str(entry["id"])] = entry
    for path in extra:
        for entry in read_entries(Path(path)):
            lex.entries[str(entry["id"])] = entry
    for entry in lex.entries.values():
        for pat in _compile(entry):
            (lex.nouns if pat.nominal else lex.verbs)[pat.lemma].append(pat)
    for table in (lex.verbs, lex.nouns):
        for pats in table.values():
            pats.sort(key=lambda p: -p.specificity)
    return lex
