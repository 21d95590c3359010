"""The event coder on the PLOVER gold-standard sentences (slow: 322 sentences)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "eval" / "dev" / "events.plover_gsr.jsonl"
SCORER = SHARED / "tools" / "score.py"
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_plover_gold_standard_f1_floor(tmp_path):
    if not GOLD.exists() or not SCORER.exists():
        pytest.skip("shared dev set not available")
    out = tmp_path / "ev.jsonl"
    subprocess.run([sys.executable, str(ROOT / "bench" / "events_dev.py"), str(GOLD), str(out)], check=True)
    assert len(out.read_text().splitlines()) == len(GOLD.read_text().splitlines())
    res = subprocess.run(
        [sys.executable, str(SCORER), "events", str(GOLD), str(out)], capture_output=True, text=True
    )
    f1 = float(res.stdout.strip().splitlines()[-1].split()[2])
    assert f1 >= 0.58, res.stdout  # measured 0.623; a regression guard, not the target (0.70)
    # every record is valid JSON with the event fields of FORMAT.md
    rec = json.loads(out.read_text().splitlines()[0])
    for ev in rec["events"]:
        assert {"source_code", "target_code", "code", "root", "plover", "modality", "date", "rule"} <= set(ev)
