"""False-positive check: conflict events coded in BBC sport and business news, per folder.

Sport and business reports use the words of war ("Chelsea beat Arsenal", "shares were hammered",
"the striker shot wide"); a coder that reads them as attacks floods the data with violence between
unknown sides. This prints, per folder, how many events of each QuadClass were coded and how many are
material conflict (roots 18-20: assault, fight, mass violence), with examples.

    .venv/bin/python bench/events_topics.py [--folders sport business politics] [--limit 200] [--show 10]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from corpus import DEFAULT_CORPUS  # noqa: E402  (bench/ is on sys.path)

VIOLENT = ("18", "19", "20")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--folders", nargs="+", default=["sport", "business", "politics"])
    ap.add_argument("--limit", type=int, default=200, help="articles per folder")
    ap.add_argument("--show", type=int, default=10, help="violent events to print per folder")
    args = ap.parse_args()

    from eventwire import nlp
    from eventwire.actors import find_actors
    from eventwire.events import EventCoder
    from eventwire.model import Article

    pipe = nlp.load()
    coder = EventCoder()
    for folder in args.folders:
        files = sorted((args.corpus / folder).glob("*.txt"))[: args.limit]
        texts = [f.read_bytes().decode("utf-8", errors="replace") for f in files]
        quad: Counter = Counter()
        violent = []
        n = 0
        for name, text, doc in zip(files, texts, pipe.pipe(texts), strict=True):
            article = Article(id=name.stem, body=text, published="2005-01-01")
            for ev in coder.code(doc, article, find_actors(doc, article), []):
                n += 1
                quad[ev.quad_class] += 1
                if ev.root in VIOLENT:
                    violent.append(
                        (name.stem, ev.code, ev.source_code, ev.target_code, text[slice(*ev.sentence)])
                    )
        print(
            f"{folder}: {len(files)} articles, {n} events, by QuadClass {dict(sorted(quad.items()))}, "
            f"roots 18-20: {len(violent)}"
        )
        for v in violent[: args.show]:
            print(f"   {v[0]} {v[1]} {v[2]}>{v[3]}: {v[4][:150]!r}")


if __name__ == "__main__":
    main()
