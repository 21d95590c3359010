"""Places-stage benchmark: gazetteer load time and memory, and toponyms resolved per second.

Usage: .venv/bin/python bench/geo.py [N_TOPONYMS]   (default 500: one article naming 500 places)
"""

from __future__ import annotations

import sys
import time
import tracemalloc

from eventwire import nlp
from eventwire.actors import Cast
from eventwire.geo import Geocoder
from eventwire.geo import gazetteer as gz
from eventwire.model import Article

PLACES = [
    "Aleppo",
    "Homs",
    "Baghdad",
    "Mosul",
    "Kabul",
    "Paris",
    "London",
    "Berlin",
    "Moscow",
    "Kyiv",
    "Texas",
    "Ohio",
    "Nairobi",
    "Lagos",
    "Cairo",
    "Tehran",
    "Beijing",
    "Tokyo",
    "Delhi",
    "Karachi",
    "Ottawa",
    "Lima",
]


def _rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


def main(n: int) -> None:
    rss0 = _rss_mib()
    t = time.perf_counter()
    gaz = gz.load()  # from the cache file (built and written on the very first run)
    load = time.perf_counter() - t
    rss = _rss_mib() - rss0
    tracemalloc.start()
    again = gz.load()
    size, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del again
    print(f"gazetteer: {len(gaz)} entries, {len(gaz.names)} name keys")
    print(f"gazetteer load {load:.2f}s, memory +{rss:.0f} MiB RSS ({size / 2**20:.0f} MiB traced)")
    geo = Geocoder(gaz)
    sentences = [f"Fighting was reported in {PLACES[i % len(PLACES)]} on day {i}." for i in range(n)]
    text = "\n\n".join(sentences)
    doc = nlp.load()(text)
    t = time.perf_counter()
    places = geo.find_places(doc, Article(id="bench", body=text), Cast())
    dt = time.perf_counter() - t
    spans = sum(len(p.spans) for p in places)
    print(
        f"{n} toponyms in one article: {spans} mentions in {len(places)} places in {dt:.3f}s "
        f"({spans / dt:.0f} toponyms/s)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
