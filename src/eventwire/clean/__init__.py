"""Cleaning: from a raw page to the article body and its metadata.

HTML goes through trafilatura (`clean.html`); plain text through a line classifier (`clean.text`) that
drops navigation, tickers, page-UI strings, footers and wire end markers and reads the headline, dateline,
outlet, date and byline. Every dropped line is kept in `Article.removed` with its reason.
"""

from __future__ import annotations

from eventwire.clean.article import clean

__all__ = ["clean"]
