"""Data written by this project (patterns, lexicons) and public code tables (CAMEO, PLOVER).

Every file here is plain YAML or TSV, so users can read it and add their own entries.
The CAMEO/PLOVER tables are copied from public references (see CODE_TABLES.md).
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent


def path(name: str) -> Path:
    return HERE / name


@functools.lru_cache(maxsize=64)
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a bundled TSV file (header row, no quoting) as dicts."""
    with open(HERE / name, encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@functools.lru_cache(maxsize=64)
def load_yaml(name: str) -> Any:
    with open(HERE / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


@functools.lru_cache(maxsize=1)
def event_codes() -> dict[str, dict[str, Any]]:
    """CAMEO event code -> {name, goldstein, quad_class}."""
    out: dict[str, dict[str, Any]] = {}
    for row in load_tsv("cameo_event_codes.tsv"):
        g = row["goldstein"].strip()
        out[row["code"]] = {
            "name": row["name"],
            "goldstein": float(g) if g else None,
            "quad_class": int(row["quadclass"]),
        }
    return out


@functools.lru_cache(maxsize=1)
def plover_map() -> dict[str, dict[str, str | None]]:
    """CAMEO code -> PLOVER {type, mode}; look a code up with `plover_for`."""
    out: dict[str, dict[str, str | None]] = {}
    for row in load_tsv("cameo_to_plover.tsv"):
        if row["plover_event"]:
            out[row["cameo_code"]] = {"type": row["plover_event"], "mode": row["plover_mode"] or None}
    return out


def plover_for(code: str) -> dict[str, str | None]:
    """The PLOVER mapping of a CAMEO code, falling back to its parent codes (1041 -> 104 -> 10)."""
    table = plover_map()
    for n in range(len(code), 1, -1):
        hit = table.get(code[:n])
        if hit:
            return dict(hit)
    return {"type": None, "mode": None}


def goldstein_for(code: str) -> float | None:
    """Goldstein score of a code; codes GDELT gives none fall back to their parent code."""
    table = event_codes()
    for n in range(len(code), 1, -1):
        row = table.get(code[:n])
        if row and row["goldstein"] is not None:
            return row["goldstein"]
    return None


@functools.lru_cache(maxsize=1)
def country_codes() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in load_tsv("cameo_country_codes.tsv")}


@functools.lru_cache(maxsize=1)
def actor_types() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in load_tsv("cameo_actor_types.tsv")}
