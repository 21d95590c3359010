"""Run the event coder over a sentence-level gold file and write records for `score.py events`.

    .venv/bin/python bench/events_dev.py GOLD.jsonl OUT.jsonl [--errors]

Parses each record's text once (nlp.pipe), runs the actors stage and the event coder, and writes one
record per line (id, article, actors, events). It skips the cleaner on purpose: the inputs are single
clean sentences, and this measures the coder, not page cleaning. `--errors` prints missed and spurious
(source, target, PLOVER type) tuples per sentence, for studying error categories.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from eventwire import nlp
from eventwire.actors import find_actors
from eventwire.events import EventCoder
from eventwire.model import Article, Record


def main(gold_path: str, out_path: str, show_errors: bool = False) -> None:
    rows = [json.loads(line) for line in open(gold_path, encoding="utf-8") if line.strip()]
    coder = EventCoder()
    pipe = nlp.load()
    errs: Counter = Counter()
    with open(out_path, "w", encoding="utf-8") as out:
        for row, doc in zip(rows, pipe.pipe(r["text"] for r in rows), strict=True):
            article = Article(id=row["id"], body=row["text"], published=row.get("date"))
            cast = find_actors(doc, article)
            events = coder.code(doc, article, cast, [])
            rec = Record(id=row["id"], article=article, actors=cast.actors, events=events)
            out.write(rec.to_json() + "\n")
            if show_errors:
                gold = Counter(
                    (e["source"] or "")[:3] + ">" + (e["target"] or "")[:3] + ":" + e["plover"]
                    for e in row["events"]
                )
                pred = Counter(
                    (e.source_code or "")[:3]
                    + ">"
                    + (e.target_code or "")[:3]
                    + ":"
                    + (e.plover.get("type") or "")
                    for e in events
                    if e.modality not in ("hypothetical", "negated") and e.plover.get("type")
                )
                miss, extra = gold - pred, pred - gold
                if miss or extra:
                    print(f"{row['id']}: {row['text'][:160]}")
                    print(
                        f"   gold {dict(gold)}  pred {[(e.source_code, e.target_code, e.code, e.rule, e.modality) for e in events]}"
                    )
                    for k in miss:
                        errs["missed " + k.split(":")[1]] += 1
    if show_errors:
        for k, v in errs.most_common():
            print(v, k)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--errors" in sys.argv)
