"""Cleaning: from a raw page to the article body and its metadata."""

from __future__ import annotations

from eventwire.model import Article, RawDoc


def clean(raw: RawDoc) -> Article:
    text = raw.content if isinstance(raw.content, str) else raw.content.decode("utf-8", "replace")
    return Article(id=raw.id, body=text.strip(), url=raw.url, published=raw.published)
