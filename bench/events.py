"""Throughput of the event coder, alone and end to end, against bare spaCy in the same run.

On the BBC corpus (a subset with --limit): (1) bare spaCy parse of the bodies (`nlp.pipe`), (2) the
actor stage on those parses (the coder needs a Cast), (3) the event coder alone on the same parses
(sentences/s), (4) the whole pipeline end to end (`Pipeline.process_many`: clean, parse, every stage;
articles/s). Prints the coder's time as a share of the bare parse (the budget: <= 15%) and the lexicon's
coverage (pattern count, CAMEO codes with at least one pattern).

    .venv/bin/python bench/events.py [--limit 200] [--corpus /work/shared/corpus/bbc] [--no-e2e]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from corpus import DEFAULT_CORPUS, read_corpus  # noqa: E402  (bench/ is on sys.path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--no-e2e", action="store_true", help="skip the end-to-end pipeline run")
    args = ap.parse_args()

    from eventwire import nlp
    from eventwire.actors import find_actors
    from eventwire.events import EventCoder, coverage
    from eventwire.model import Article, RawDoc

    cov = coverage()
    print(
        f"lexicon: {cov['entries']} entries, {cov['patterns']} trigger patterns ({cov['shapes']} shapes), "
        f"{cov['codes_covered']}/{cov['codes_total']} CAMEO codes with a pattern "
        f"({cov['codes_reachable']} reachable with frame composition), {cov['roots_covered']}/20 roots covered"
    )
    texts = read_corpus(args.corpus, args.limit)
    pipe = nlp.load()
    coder = EventCoder()
    list(pipe.pipe(texts[:5]))  # warm up

    t = time.perf_counter()
    docs = list(pipe.pipe(texts, batch_size=32))
    t_spacy = time.perf_counter() - t
    articles = [Article(id=f"bbc{i}", body=d.text, published="2005-01-01") for i, d in enumerate(docs)]

    t = time.perf_counter()
    casts = [find_actors(d, a) for d, a in zip(docs, articles, strict=True)]
    t_actors = time.perf_counter() - t

    t = time.perf_counter()
    n_events = 0
    for d, a, c in zip(docs, articles, casts, strict=True):
        n_events += len(coder.code(d, a, c, []))
    t_coder = time.perf_counter() - t
    n_sents = sum(1 for d in docs for _ in d.sents)

    print(f"articles {len(texts)}, sentences {n_sents}, events {n_events}")
    print(f"bare spaCy parse   {t_spacy:7.2f}s  {len(texts) / t_spacy:7.1f} articles/s")
    print(f"actors (for cast)  {t_actors:7.2f}s")
    print(f"event coder alone  {t_coder:7.2f}s  {n_sents / t_coder:7.0f} sentences/s")
    print(f"coder / bare spaCy {100 * t_coder / t_spacy:6.1f}%  (budget 15%)")
    if not args.no_e2e:
        from eventwire.pipeline import Pipeline

        pipeline = Pipeline().prepare()
        raws = [
            RawDoc(id=f"bbc{i}", origin="bbc", content=x, published="2005-01-01") for i, x in enumerate(texts)
        ]
        t = time.perf_counter()
        out = list(pipeline.process_many(raws))
        t_e2e = time.perf_counter() - t
        ok = sum(1 for r in out if hasattr(r, "events"))
        print(
            f"end to end         {t_e2e:7.2f}s  {len(texts) / t_e2e:7.1f} articles/s ({ok} records), "
            f"{100 * t_e2e / t_spacy:.0f}% of bare spaCy time"
        )


if __name__ == "__main__":
    main()
