"""When an event happened, from the words of its clause and the article's publication date.

News dates events relative to publication ("on Wednesday", "yesterday"), so the date is resolved
against `Article.published`: a weekday is the most recent such day on or before publication.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span, Token

from eventwire.model import parse_day

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")]
    )
    for m in names
}  # fmt: skip
RELATIVE = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]{2,8})\.?(?:,?\s+(\d{4}))?")
_MONTH_DAY = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")


def _explicit(text: str, pub: dt.date | None) -> dt.date | None:
    m = _ISO.search(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    for rx, day_i, mon_i in ((_MONTH_DAY, 2, 1), (_DAY_MONTH, 1, 2)):
        for m in rx.finditer(text):
            month = MONTHS.get(m[mon_i].lower())
            if not month:
                continue
            year = int(m[3]) if m[3] else (pub.year if pub else None)
            if year is None:
                continue
            try:
                d = dt.date(year, month, int(m[day_i]))
            except ValueError:
                continue
            if not m[3] and pub and d > pub + dt.timedelta(days=7):
                d = d.replace(year=d.year - 1)  # "December 30" read in January is last year's
            return d
    return None


def _weekday(name: str, pub: dt.date) -> dt.date:
    back = (pub.weekday() - WEEKDAYS.index(name)) % 7
    return pub - dt.timedelta(days=back)


def date_tokens(trigger: Token, sent: Span) -> list[Token]:
    """Time words that belong to the trigger's clause: its own subtree minus embedded clauses, and
    the time adverbials of the verbs it hangs from (a subordinate clause inherits its main clause's day)."""
    out: list[Token] = []
    own = [t for t in trigger.subtree if not _in_other_clause(t, trigger)]
    out.extend(own)
    head = trigger
    while head.dep_ in ("xcomp", "conj", "pcomp", "advcl", "acl") and head.head.i != head.i:
        head = head.head
        out.extend(t for t in head.children if t.dep_ in ("npadvmod", "prep", "advmod", "tmod"))
        for c in head.children:
            if c.dep_ in ("npadvmod", "prep"):
                out.extend(c.subtree)
    return out


def _in_other_clause(t: Token, trigger: Token) -> bool:
    while t.i != trigger.i:
        if t.dep_ in ("ccomp", "relcl", "advcl", "parataxis") and t.pos_ in ("VERB", "AUX"):
            return True
        if t.head.i == t.i:
            return True  # reached the root without meeting the trigger: not in its subtree
        t = t.head
    return False


def resolve(trigger: Token, sent: Span, published: str | None) -> tuple[str | None, str]:
    """(date, basis) for an event triggered by `trigger`; basis is explicit|weekday|relative|published|none."""
    pub = parse_day(published)
    toks = sorted(set(date_tokens(trigger, sent)), key=lambda t: t.i)
    text = " ".join(t.text for t in toks)
    d = _explicit(text, pub)
    if d:
        return d.isoformat(), "explicit"
    if pub:
        lows = [t.lower_ for t in toks]
        for i, w in enumerate(lows):
            if w in WEEKDAYS:
                return _weekday(w, pub).isoformat(), "weekday"
            if w in RELATIVE:
                return (pub + dt.timedelta(days=RELATIVE[w])).isoformat(), "relative"
            if w == "last" and i + 1 < len(lows) and lows[i + 1] in ("week", "month", "year", "night"):
                days = {"week": 7, "month": 30, "year": 365, "night": 1}[lows[i + 1]]
                return (pub - dt.timedelta(days=days)).isoformat(), "relative"
            if w == "overnight":
                return (pub - dt.timedelta(days=1)).isoformat(), "relative"
        return pub.isoformat(), "published"
    return None, "none"
