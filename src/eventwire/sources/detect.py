"""Which reader a path needs: by extension first, then by a look at the first bytes."""

from __future__ import annotations

import json
from pathlib import Path

FORMATS = ("text", "html", "jsonl", "warc", "rss")

EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".xml": "rss",
    ".rss": "rss",
    ".atom": "rss",
}


def by_extension(path: Path) -> str | None:
    name = path.name.lower()
    for ext in sorted(EXTENSIONS, key=len, reverse=True):  # .warc.gz before .gz
        if name.endswith(ext):
            return EXTENSIONS[ext]
    return None


def looks_like_html(text: str) -> bool:
    head = text[:3000].lower()
    return any(
        tag in head for tag in ("<html", "<body", "<!doctype html", "<head", "<p>", "<div", "<article")
    )


def by_content(head: bytes) -> str:
    """Sniff the format from the first few KB of an input whose name says nothing."""
    if head.startswith(b"\x1f\x8b") or head.startswith(b"WARC/"):
        return "warc"
    text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    low = text[:2000].lower()
    if text.startswith("{"):
        first = text.split("\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            pass
    if "<rss" in low or "<feed" in low or "<rdf:rdf" in low:
        return "rss"
    if looks_like_html(text):
        return "html"
    return "text"
