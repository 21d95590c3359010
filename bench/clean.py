"""Throughput of the cleaning stage alone (readers + clean, no NLP): documents per second.

Runs on the BBC corpus (plain text) and the fundus dev pages (raw HTML, and the same pages as scraped
text) when they are present under /work/shared; skips what is absent. Prints one line per corpus.

`python bench/clean.py --keep`: what the plain-text cleaner takes from real article text. BBC articles get
page furniture put between their paragraphs (a pitch, a story list, a share bar); every paragraph must
survive and no furniture may stay. Prints paragraphs lost per reason and furniture lines kept.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

from eventwire.clean import clean
from eventwire.errors import EventwireError
from eventwire.sources import from_content, read

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


FURNITURE = [
    "Advertisement",
    "Sign up for our daily newsletter to get the top stories in your inbox.",
    "Related stories",
    "Minister quits over expenses row in surprise move",
    "Floods close motorway as rain continues to fall",
    "Share this article",
]


def keep(limit: int = 400) -> tuple[int, Counter, int]:
    """(articles, paragraphs lost per Removed reason, furniture lines kept) over BBC articles."""
    files = sorted((SHARED / "corpus" / "bbc").rglob("*.txt"))
    files = files[:: max(1, len(files) // limit)][:limit]
    lost: Counter = Counter()
    kept = n = 0
    for f in files:
        paras = [p.strip() for p in re.split(r"\n\s*\n", f.read_text(errors="replace")) if p.strip()]
        if len(paras) < 4:
            continue
        n += 1
        page = ["Skip to main content", *paras[:3], *FURNITURE, *paras[3:], "Copyright 2024 Outlet."]
        art = clean(from_content("\n\n".join(page)))
        body = " ".join(art.body.split())
        why = {" ".join(r.text.split())[:60]: r.reason for r in art.removed}
        for p in paras[1:]:  # the first paragraph is the headline
            flat = " ".join(p.split())
            if flat not in body:
                lost[why.get(flat[:60], "?")] += 1
        kept += sum(1 for line in FURNITURE if line in art.body)
    return n, lost, kept


if __name__ == "__main__":
    if "--keep" in sys.argv:
        n, lost, kept = keep()
        print(f"bbc + furniture: {n} articles, paragraphs lost {dict(lost)}, furniture lines kept {kept}")
    else:
        main()
