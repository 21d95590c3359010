"""Normalise the publication dates that inputs carry (JSONL `published`, feed entry dates) to YYYY-MM-DD."""

from __future__ import annotations

import re
import time
from datetime import date

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def iso_day(value) -> str | None:
    """`value` (str, struct_time, date) as YYYY-MM-DD, or None when it cannot be read as a date."""
    if value is None or value == "":
        return None
    if isinstance(value, time.struct_time):
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    m = _ISO.match(text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": False})
    return parsed.date().isoformat() if parsed else None
