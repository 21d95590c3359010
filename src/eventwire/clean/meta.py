"""Metadata in plain text: datelines, bylines, date lines, outlet names, and the title / site split.

Datelines come in wire styles: "Xinhua, October 1, 2015", "MOSCOW, Oct. 1 (Reuters) -",
"WASHINGTON (AP) —", "BEIJING, Oct. 1 (Xinhua) --", "DUBLIN —". The outlet is read from the
parentheses, or from a name that is a known agency (`lexicon/clean_markers.yaml`) or looks like one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from eventwire.clean.lexicon import markers

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+"
# dates with a year (for the publication date) and without (dateline style "Oct. 1")
DATE_Y = re.compile(
    rf"(?:{WEEKDAY})?(?:{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\.?,?\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2}|\d{4}/\d{1,2}/\d{1,2})",
    re.IGNORECASE,
)
DATE_NOY = rf"(?:{MONTH}\.?\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH}\.?)"

_NAME = r"[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|de|al|el|la|the|and|&))*"
_PLACE_CAPS = r"[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)*(?:,\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)*)?"
_DASH = r"(?:--|-|—|–|:)"

# "MOSCOW, Oct. 1 (Reuters) - ", "WASHINGTON (AP) — ", "BEIJING, Oct. 1 (Xinhua) -- ", "DUBLIN — "
PREFIX_DATELINE = re.compile(
    rf"^(?P<dateline>(?P<place>{_PLACE_CAPS})"
    rf"(?:,\s+(?P<date>{DATE_NOY}(?:,?\s+\d{{4}})?))?"
    rf"(?:\s*\((?P<outlet>[A-Z][\w .&'’/-]{{0,40}})\))?)\s*{_DASH}\s+(?=[\"“‘'A-Z0-9])"
)
# A dateline alone on a line: "Xinhua, October 1, 2015", "Moscow, Oct 1, 2015 (Reuters)"
LINE_DATELINE = re.compile(
    rf"^(?P<name>{_NAME})\s*,\s+(?P<date>{DATE_Y.pattern})\s*(?:\((?P<outlet>[^)]{{1,40}})\))?\s*[-—–:]?\s*$",
    re.IGNORECASE,
)
BYLINE = re.compile(
    r"^(?:(?:written|reported|words|story)\s+)?by:?\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})*)(?P<rest>.*)$",
    re.IGNORECASE,
)
_PUBLISHED_WORDS = re.compile(
    r"^(?:published|posted|updated|last updated|first published|date)\b[:\s]*", re.I
)
_SITE_SEP = re.compile(r"\s+(?:\||–|—|-|::|·|•)\s+")


@dataclass
class Dateline:
    text: str
    outlet: str | None
    date: str | None  # YYYY-MM-DD when it carries a year


@functools.lru_cache(maxsize=4096)
def parse_date(text: str) -> str | None:
    """YYYY-MM-DD of a date phrase (dateparser, English, no guessing of a missing year)."""
    import dateparser

    try:
        d = dateparser.parse(
            text,
            languages=["en"],
            settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"},
        )
    except Exception:  # dateparser raises on odd input; a date we cannot read is simply absent
        return None
    return d.date().isoformat() if d and 1900 <= d.year <= 2100 else None


def find_date(text: str) -> str | None:
    m = DATE_Y.search(text)
    return parse_date(m.group(0).strip(" ,")) if m else None


def is_outlet_name(name: str) -> bool:
    mk = markers()
    low = name.lower().strip()
    if low in mk.outlets:
        return True
    return (
        any(w.lower() in mk.outlet_words for w in name.split()[1:] + name.split()[:1])
        and len(name.split()) <= 5
    )


def date_line(text: str, n_words: int) -> tuple[str | None, Dateline | None]:
    """(date, dateline) when a short line is a date line ("Published Jun 05, 2026") or a dateline."""
    if n_words > 14:
        return None, None
    m = LINE_DATELINE.match(text.strip())
    if m:
        date = parse_date(m.group("date"))
        name = m.group("name").strip()
        outlet = m.group("outlet") or (name if is_outlet_name(name) else None)
        return date, Dateline(text=text.strip(), outlet=outlet, date=date)
    stripped = _PUBLISHED_WORDS.sub("", text.strip())
    m = DATE_Y.search(stripped)
    if m and len(stripped) - len(m.group(0)) <= 40:
        return parse_date(m.group(0).strip(" ,")), None
    return None, None


def prefix_dateline(paragraph: str) -> tuple[Dateline, str] | None:
    """A dateline opening the first paragraph: (dateline, the paragraph without it)."""
    m = PREFIX_DATELINE.match(paragraph)
    if not m:
        return None
    place = m.group("place")
    if len(re.sub(r"[^A-Z]", "", place)) < 3 and not m.group("outlet"):
        return None
    outlet = m.group("outlet")
    if outlet and not (is_outlet_name(outlet) or len(outlet.split()) <= 3):
        outlet = None
    date = parse_date(m.group("date")) if m.group("date") and re.search(r"\d{4}", m.group("date")) else None
    return Dateline(text=m.group("dateline").strip(), outlet=outlet, date=date), paragraph[m.end() :]


def byline(text: str, n_words: int) -> str | None:
    """The name in a byline line ("By Jane Doe", "By Jane Doe and John Roe, Reuters")."""
    if n_words > 14:
        return None
    m = BYLINE.match(text.strip())
    if not m:
        return None
    rest = m.group("rest").strip()
    if rest and not re.match(r"^(?:[,|/–—-]|\bin\b|\bfor\b)", rest):
        return None
    return m.group("name").strip()


def split_site(title_line: str) -> tuple[str, str | None]:
    """'Headline | Outlet' -> ('Headline', 'Outlet'); the site part is the short last segment."""
    text = title_line.strip()
    seps = list(_SITE_SEP.finditer(text))
    if seps:
        head, site = text[: seps[-1].start()].strip(), text[seps[-1].end() :].strip()
        if site and len(site.split()) <= 5 and len(head.split()) >= 2:
            return head, site
    return text, None
