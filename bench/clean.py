"""Throughput of the cleaning stage alone (readers + clean, no NLP): documents per second.

Runs on the BBC corpus (plain text) and the fundus dev pages (raw HTML, and the same pages as scraped
text) when they are present under /work/shared; skips what is absent. Prints one line per corpus.
"""

from __future__ import annotations

import time
from pathlib import Path

from eventwire.clean import clean
from eventwire.errors import EventwireError
from eventwire.sources import read

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPORA = [
    ("bbc (plain text)", SHARED / "corpus" / "bbc", None),
    ("fundus (raw HTML)", SHARED / "eval" / "dev" / "extraction.fundus.jsonl", "jsonl"),
    ("fundus (scraped text)", SHARED / "eval" / "dev" / "extraction.fundus_text.jsonl", "jsonl"),
]


def run(path: Path, fmt: str | None) -> tuple[int, int, float, float]:
    """(documents cleaned, failures, read seconds, clean seconds)."""
    t0 = time.perf_counter()
    raws = list(read([path], fmt))
    t1 = time.perf_counter()
    ok = failed = 0
    for raw in raws:
        if isinstance(raw, EventwireError):
            failed += 1
            continue
        try:
            clean(raw)
            ok += 1
        except EventwireError:
            failed += 1
    return ok, failed, t1 - t0, time.perf_counter() - t1


def main() -> None:
    for name, path, fmt in CORPORA:
        if not path.exists():
            print(f"{name}: skipped ({path} absent)")
            continue
        ok, failed, read_s, clean_s = run(path, fmt)
        rate = ok / clean_s if clean_s else float("inf")
        print(
            f"{name}: {ok} docs cleaned, {failed} failed; read {read_s:.1f}s, clean {clean_s:.1f}s "
            f"= {rate:.1f} docs/s"
        )


if __name__ == "__main__":
    main()
