"""Run the places stage over a places gold JSONL (e.g. TR-News) and write records for `score.py places`.

Usage: .venv/bin/python bench/geo_dev.py GOLD.jsonl OUT.jsonl [--demonyms] [--no-actors] [--url]
The text of each record is parsed as it is (no cleaning), so gold offsets stay valid.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import time

from eventwire import nlp
from eventwire.actors import Cast, find_actors
from eventwire.geo import Geocoder
from eventwire.model import Article


def main(argv: list[str]) -> None:
    gold, out = argv[0], argv[1]
    geo = Geocoder(demonyms="--demonyms" in argv)
    pipe = nlp.load()
    recs = [json.loads(line) for line in open(gold, encoding="utf-8")]
    t_geo = 0.0
    with open(out, "w", encoding="utf-8") as f:
        for rec, doc in zip(recs, pipe.pipe(r["text"] for r in recs), strict=True):
            url = rec.get("url") if "--url" in argv else None
            article = Article(id=rec["id"], body=rec["text"], published=rec.get("published"), url=url)
            cast = Cast()
            if "--no-actors" not in argv:
                try:
                    cast = find_actors(doc, article)
                except Exception as exc:  # the actors stage is being rewritten; geo must still run
                    print(f"actors failed on {rec['id']}: {exc}", file=sys.stderr)
            t = time.perf_counter()
            places = geo.find_places(doc, article, cast)
            t_geo += time.perf_counter() - t
            f.write(json.dumps({"id": rec["id"], "places": [dataclasses.asdict(p) for p in places]}) + "\n")
    print(f"geo time {t_geo:.2f}s for {len(recs)} articles", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
