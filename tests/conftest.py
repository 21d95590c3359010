"""Shared fixtures: the shared/ folder (skip cleanly when absent) and one spaCy-backed pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_80572a38002990f3.txt"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline().prepare()


@pytest.fixture(scope="session")
def seed_record(shared, pipeline):
    import eventwire

    return eventwire.process(SEED.read_text(encoding="utf-8"), pipeline=pipeline)
