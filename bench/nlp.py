"""Throughput of the NLP stage and of the actor stage on the BBC corpus.

Runs, in one process on the same texts: (1) the bare spaCy model (`spacy.load`), (2) eventwire's NLP
stage (`eventwire.nlp.load()`, the same model plus the paragraph component) followed by the actor stage
(`find_actors`). Prints articles/s and words/s of each and their ratio, so the cost of the actor stage
can be read off directly (the brief's budget: at most 15% on top of bare spaCy).

    .venv/bin/python bench/nlp.py [--limit 300] [--repeat 1] [--corpus /work/shared/corpus/bbc] [--batch-size 32]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from corpus import DEFAULT_CORPUS, read_corpus  # noqa: E402  (bench/ is on sys.path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=300, help="number of articles (default 300)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--repeat", type=int, default=1, help="interleaved rounds; the best of each is reported")
    args = ap.parse_args()

    import spacy

    from eventwire import nlp
    from eventwire.actors import find_actors
    from eventwire.actors.lexicon import load_lexicon

    texts = read_corpus(args.corpus, args.limit)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} articles, {words} words from {args.corpus}")

    bare = spacy.load(nlp.DEFAULT_MODEL)
    ours = nlp.load()
    load_lexicon()  # built once, as in a long-running pipeline
    for warm in (bare, ours):
        list(warm.pipe(texts[:8], batch_size=args.batch_size))

    def run_bare() -> float:
        t = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=args.batch_size):
            pass
        return time.perf_counter() - t

    def run_ours() -> tuple[float, float, int]:
        t = time.perf_counter()
        actor_s, n_actors = 0.0, 0
        for doc in ours.pipe(texts, batch_size=args.batch_size):
            a = time.perf_counter()
            n_actors += len(find_actors(doc).actors)
            actor_s += time.perf_counter() - a
        return time.perf_counter() - t, actor_s, n_actors

    # interleaved rounds, best of each: the machine is shared, so a single run is noisy
    bare_runs, our_runs = [], []
    for _ in range(args.repeat):
        bare_runs.append(run_bare())
        our_runs.append(run_ours())
    bare_s = min(bare_runs)
    ours_s, actor_s, n_actors = min(our_runs)

    def line(name: str, seconds: float) -> str:
        return f"{name:28} {seconds:7.2f} s  {len(texts) / seconds:7.1f} articles/s  {words / seconds:9.0f} words/s"

    print(line("bare spaCy", bare_s))
    print(line("eventwire nlp + actors", ours_s))
    print(
        f"  of which actors            {actor_s:7.2f} s  ({n_actors} actors, {n_actors / len(texts):.1f}/article)"
    )
    print(
        f"ratio (eventwire / bare): {ours_s / bare_s:.3f}  actor stage alone: {actor_s / bare_s:.1%} of bare"
    )


if __name__ == "__main__":
    main()
