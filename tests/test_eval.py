"""`eventwire eval`: analysts score the pipeline against their own gold, in the FORMAT.md gold forms."""

from __future__ import annotations

import json
import subprocess
import sys

from eventwire import evaluate as ev

CLI = [sys.executable, "-m", "eventwire"]


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_event_gold_through_the_pipeline(tmp_path):
    gold = _write(
        tmp_path / "events.jsonl",
        [
            {
                "id": "s1",
                "text": "Turkish troops attacked Kurdish rebel positions in northern Iraq on Monday.",
                "date": "2024-05-01",
                "events": [{"source": "TURMIL", "target": "IRQ", "code": "190"}],
            },
            {
                "id": "s2",
                "text": "The weather in Oslo was mild on Tuesday.",
                "date": "2024-05-01",
                "events": [],
            },
        ],
    )
    out = subprocess.run(
        [*CLI, "eval", str(gold), "--out", str(tmp_path / "pred.jsonl")], capture_output=True, text=True
    )
    lines = out.stdout.strip().splitlines()
    assert out.returncode == 0 and lines[-1].startswith("events F1 ") and "on 2 sentences" in lines[-1]
    assert any(line.startswith("root+countries") for line in lines)
    assert "sentences with no gold event: 1, of which coded anyway: 0" in out.stdout
    preds = [json.loads(x) for x in (tmp_path / "pred.jsonl").read_text().splitlines()]
    assert {p["id"] for p in preds} == {"s1", "s2"}


def test_scores_from_given_predictions():
    gold = [
        {
            "id": "d",
            "text": "x",
            "quotes": [
                {"speaker": "Mara Lind", "text": "We will not close the border", "kind": "direct"},
                {"speaker": "he", "text": "talks would resume in June", "kind": "indirect"},
            ],
        }
    ]
    pred = {
        "d": {
            "quotes": [
                {
                    "text": "\u201cWe will not close the border,\u201d",
                    "kind": "direct",
                    "speaker_name": "Mara Lind",
                },
                {"text": "talks would resume in June", "kind": "indirect", "speaker_name": "Ole Berg"},
                {"text": "unrelated words here", "kind": "indirect", "speaker_name": ""},
            ]
        }
    }
    lines = ev.score_quotes(gold, pred)
    assert "+speaker P 1.000 R 1.000 F1 1.000" in lines[0]  # direct view
    assert (
        "span P 0.667 R 1.000 F1 0.800 | +speaker P 0.667 R 1.000 F1 0.800" in lines[1]
    )  # pronoun gold: any name
    places = ev.score_places(
        [{"id": "p", "places": [{"name": "Homs", "start": 0, "end": 4, "lat": 34.73, "lon": 36.72}]}],
        {"p": {"places": [{"name": "Homs", "spans": [[0, 4]], "lat": 34.72, "lon": 36.71}]}},
    )
    assert places[-1].startswith("places acc@161km 1.000")
    assert ev.detect_kind(gold) == "quotes"
