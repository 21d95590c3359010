"""Plain text scraped from pages: keep the article, drop everything around it, read the metadata.

Order: split into lines (re-joining hard-wrapped prose), cut UI strings glued to line ends, classify
lines (`clean.lines`), find the main block (`clean.block`), then read title, date lines, dateline and
byline from the lines before and at the top of the block, and strip wire end markers after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventwire.clean import meta
from eventwire.clean.block import main_block
from eventwire.clean.furniture import mark_furniture, trim_tail
from eventwire.clean.lexicon import markers, norm_line, ui
from eventwire.clean.lines import Line, classify
from eventwire.model import Removed

_LINE_END = re.compile(r"[.!?:…\"”’)\]]$")
# a line ending in a comma or a word that cannot end a sentence runs on ("late on\nMonday.")
_OPEN_END = re.compile(
    r"(?:[,;]|\b(?:the|a|an|of|on|in|at|to|for|by|with|from|and|or|but|that|as|is|was|were|are|his|her|their|its)"
    r")$"
)
_BULLET = re.compile(r"^(?:[-–—•*·▪]|\d{1,2}[.)])\s")
HEAD_WINDOW = 12  # lines before the block searched for title, date and byline


@dataclass
class TextParts:
    body: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    dateline: str | None = None
    byline: str | None = None
    removed: list[Removed] = field(default_factory=list)


def split_lines(text: str) -> list[str]:
    """Non-empty lines, with hard-wrapped prose re-joined into one line per paragraph.

    When blank lines separate paragraphs, a line inside a paragraph that does not end a sentence runs on
    into the next one if it ends in lower case or a comma, or the next starts in lower case ("The\nplane").
    Without blank lines, only a long line followed by a lower-case start is joined (menus stay apart).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u2028", "\n")
    rows = [re.sub(r"[ \t\f\v\u200b]+", " ", r).strip() for r in text.split("\n")]
    blank_separated = sum(1 for r in rows if not r) >= 0.2 * sum(1 for r in rows if r)
    out: list[str] = []
    prev = ""
    for line in rows:
        if not line:
            prev = ""
            continue
        if prev and _runs_on(prev, line, blank_separated):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        prev = out[-1]
    return out


def _runs_on(prev: str, line: str, blank_separated: bool) -> bool:
    if _LINE_END.search(prev) or _BULLET.match(line):
        return False
    starts_low = line[:1].islower() or (line[:1].isdigit() and prev[-1:].isalpha())
    if not blank_separated:
        return len(prev) >= 40 and starts_low
    return starts_low or bool(_OPEN_END.search(prev))


def _cut_ui_suffix(lines: list[str], removed: list[Removed]) -> list[str]:
    """'Xinhua, October 1, 2015 Adjust font size:' -> 'Xinhua, October 1, 2015' (+ a Removed note)."""
    rx = ui().suffix
    out = []
    for line in lines:
        m = rx.search(line)
        if m and m.start() > 0 and len(line.split()) <= 20:
            removed.append(Removed(line[m.start() :].strip(), "page-ui"))
            line = line[: m.start()].rstrip()
        out.append(line)
    return out


def _site_ok(site: str | None, lines: list[Line], first: Line) -> bool:
    """A '| Outlet' suffix is a site name only when the page names it again or it is a known outlet."""
    if not site:
        return False
    if meta.is_outlet_name(site):
        return True
    key = norm_line(site)
    return any(
        norm_line(ln.text) == key or (ln.kind == "copyright" and key in norm_line(ln.text))
        for ln in lines
        if ln is not first
    )


def _is_meta(ln: Line) -> bool:
    """A byline or a line that is mostly a date or time ("11:48, Thu, Jul 18, 2024 | UPDATED: ...")."""
    if meta.byline(ln.text, ln.words) or meta.date_line(ln.text, ln.words) != (None, None):
        return True
    return (
        ln.words <= 16
        and bool(meta.DATE_Y.search(ln.text))
        and not re.search(r"[a-z]{4,}\s+[a-z]{4,}", ln.text)
    )


def _cut_end_markers(lines: list[str], removed: list[Removed]) -> list[str]:
    """'... in the official journal. (END)' -> the sentence alone (+ a Removed note), before classifying."""
    rx = markers().trailing
    out = []
    for line in lines:
        m = rx.search(line)
        if m and m.start() > 0:
            removed.append(Removed(line[m.start() :].strip(), "end-marker"))
            line = line[: m.start()].rstrip()
        out.append(line)
    return out


def _find_title(
    lines: list[Line], start: int, given: str | None
) -> tuple[int | None, str | None, str | None]:
    """(line index, title, site name) from the lines before the main block.

    Prefers a headline line that repeats the page's first line (the HTML <title> a scraper put first),
    then the first line itself when only junk or date/byline lines separate it from the block, then the
    nearest headline-like line before the block.
    """
    first = next((ln for ln in lines if ln.words and not ln.junk), None)
    head, site = meta.split_site(first.text) if first else ("", None)
    if first is not None and not _site_ok(site, lines, first):
        head, site = first.text, None
    if given:
        target = norm_line(given)
        for ln in lines[: start + 3]:
            if norm_line(ln.text) == target:
                return ln.index, given.strip(), site
        return None, given.strip(), site
    first_sentence = next((i for i in range(start, len(lines)) if lines[i].kind == "sentence"), start)
    if first is not None and first.index == 0 and not any(ln.junk for ln in lines):
        if first.words <= 30 and not first.text.endswith("."):  # a clean file: the headline comes first
            return first.index, head, site
    lo = max(0, start - HEAD_WINDOW)
    cands = [
        ln
        for ln in lines[lo:first_sentence]
        if ln.kind in ("other", "repeated")
        and 2 <= ln.words <= 30
        and not ln.text.endswith(".")
        and not _is_meta(ln)
    ]
    key = norm_line(head)
    for ln in reversed(cands):
        if ln is not first and key and norm_line(ln.text) == key:
            return ln.index, ln.text, site
    if first is not None:  # the <title> a scraper put first holds the headline plus a site name
        full = norm_line(first.text)
        found = [
            ln
            for ln in lines[first.index + 1 : first_sentence + 1]  # a headline ending in "?" is a sentence
            if ln.kind in ("other", "repeated", "sentence")
            and 3 <= ln.words <= 40
            and not ln.text.endswith(".")
            and len(norm_line(ln.text)) >= 0.4 * len(full)
            and norm_line(ln.text) in full
        ]
        if found:
            best = max(found, key=lambda ln: (len(ln.text), ln.index))
            rest = first.text.replace(best.text, "").strip(" |-–—:·•")
            return best.index, best.text, site or (rest if 0 < len(rest.split()) <= 5 else None)
    for ln in reversed(cands):
        if ln is not first and key and norm_line(meta.split_site(ln.text)[0]) == key:
            return ln.index, meta.split_site(ln.text)[0], site
    if first is not None:  # a headline reworded from the <title>: most of its words are shared
        words_first = set(norm_line(first.text).split())
        best_score, best_line = 0.0, None
        for ln in lines[max(first.index + 1, start - HEAD_WINDOW) : first_sentence + 1]:
            if ln.junk and ln.kind != "repeated" or not 3 <= ln.words <= 40 or ln.text.endswith("."):
                continue
            ws = set(norm_line(ln.text).split())
            score = len(ws & words_first) / max(1, min(len(ws), len(words_first)))
            if score >= 0.6 and score > best_score:
                best_score, best_line = score, ln
        if best_line is not None:
            return best_line.index, best_line.text, site
    prose = first is not None and first.words > 12 and first.text.endswith(".")  # a sentence, not a headline
    if first is not None and first.index < first_sentence and first.words >= 2 and not prose:
        between = lines[first.index + 1 : first_sentence]
        if all(ln.junk or _is_meta(ln) for ln in between):
            return first.index, head, site
    longish = [ln for ln in cands if ln.words >= 4]
    if longish:
        ln = longish[-1]
        return ln.index, head if ln is first else ln.text, site
    if first is not None and first.kind in ("other", "repeated") and first.words >= 2 and first.index < start:
        return first.index, head, site
    return None, None, site


def clean_text(text: str, given_title: str | None = None) -> TextParts:
    removed: list[Removed] = []
    raw_lines = _cut_end_markers(_cut_ui_suffix(split_lines(text), removed), removed)
    lines = classify(raw_lines)
    mark_furniture(lines)
    start, end = main_block(lines)
    end = trim_tail(lines, start, end)
    parts = TextParts(body="", removed=removed)
    if end == 0:
        parts.removed.extend(Removed(ln.text, ln.kind if ln.junk else "no main text") for ln in lines)
        return parts

    t_idx, parts.title, site = _find_title(lines, start, given_title)
    if not any(ln.junk for ln in lines):
        start, end = 0, len(lines)  # nothing on the page looks like boilerplate: keep it whole
    skip: dict[int, str] = {}
    if t_idx is not None:
        skip[t_idx] = "title"
    title_key = norm_line(parts.title or "")

    # metadata lines before the block and at its top (before the first sentence)
    first_sentence = next((i for i in range(start, end) if lines[i].kind == "sentence" and i != t_idx), start)
    lo = max(0, start - HEAD_WINDOW)
    date_before: str | None = None
    for ln in lines[lo:first_sentence]:
        if ln.index in skip or ln.junk and ln.kind != "repeated":
            continue
        date, dl = meta.date_line(ln.text, ln.words)
        if dl is not None:
            parts.dateline = parts.dateline or dl.text
            parts.outlet = parts.outlet or dl.outlet
            skip[ln.index] = "dateline"
        if date:
            date_before = date_before or date
            skip.setdefault(ln.index, "date")
        name = meta.byline(ln.text, ln.words)
        if name:
            parts.byline = parts.byline or name
            skip[ln.index] = "byline"
        elif ln.text.lower().rstrip(":") == "by" and ln.index + 1 < len(lines):
            nxt = lines[ln.index + 1]
            if 1 <= nxt.words <= 4:
                parts.byline = parts.byline or nxt.text
                skip[ln.index] = skip[nxt.index] = "byline"

    if date_before is None:  # a date inside a credit line: "Jane Doe · Outlet · Posted: Aug 08, 2024 4:00 AM"
        for ln in lines[lo : first_sentence + 1]:
            if ln.words <= 30 and ln.index != t_idx and (date := meta.find_date(ln.text)):
                date_before = date
                break

    standfirst = _standfirst(lines, t_idx, start, skip)
    body_lines: list[str] = []
    for ln in lines:
        inside = start <= ln.index < end or ln.index == standfirst
        if ln.index in skip:
            parts.removed.append(Removed(ln.text, skip[ln.index]))
        elif ln.junk:
            parts.removed.append(Removed(ln.text, ln.kind))
        elif not inside:
            parts.removed.append(Removed(ln.text, "outside main text"))
        elif title_key and norm_line(ln.text) == title_key:
            parts.removed.append(Removed(ln.text, "title"))
        elif (why := _meta_inside(ln)) is not None:
            parts.removed.append(Removed(ln.text, why))
        else:
            body_lines.append(ln.text)

    _strip_end_markers(body_lines, parts.removed)
    # the story's first paragraph opens with the dateline; a standfirst may come before it
    found = next((f for b in body_lines[:2] if (f := meta.prefix_dateline(b))), None)
    if body_lines:
        if found:
            dl, _ = found
            parts.dateline = parts.dateline or dl.text
            parts.outlet = parts.outlet or dl.outlet
            date_before = date_before or dl.date
            # the dateline stays in the body: spans keep the input's offsets, and its place is the
            # article's first toponym (the NLP stage starts a sentence after it)
    parts.published = date_before
    parts.outlet = parts.outlet or site
    parts.body = "\n\n".join(b for b in body_lines if b)
    return parts


STANDFIRST_REACH = 15  # lines between the headline's summary and the story's first paragraph, at most


def _standfirst(lines: list[Line], t_idx: int | None, start: int, skip: dict[int, str]) -> int | None:
    """The summary under the headline (the standfirst), when bylines, dates and share bars separate it from
    the story: the first kept line after the title, long enough to be a summary and not metadata."""
    if t_idx is None or t_idx >= start - 1:
        return None
    nxt = next((ln for ln in lines[t_idx + 1 : start] if not ln.junk and ln.kind != "empty"), None)
    if nxt is None or nxt.index in skip or start - nxt.index > STANDFIRST_REACH:
        return None
    if nxt.words < 10 or nxt.kind not in ("other", "sentence") or _is_meta(nxt):
        return None
    return nxt.index


def _meta_inside(ln: Line) -> str | None:
    """'By Jane Doe' or 'Published May 25, 2026' further down the block (after a standfirst): not text.

    A dateline stays: one opening a paragraph is read as metadata and kept in the body.
    """
    if ln.kind not in ("other", "repeated") or ln.words > 10:
        return None
    name = meta.byline(ln.text, ln.words)
    if name and _names_a_person(name):
        return "byline"
    if ln.words <= 4 and norm_line(ln.text) in markers().outlets:
        return "outlet"
    # nothing but a date and its labels ("Published May 25, 2026", "Friday, April 28, 2023, 3:54 p.m."): a
    # dateline or a timeline entry ("Oct. 31, 2012 The talks fail") says more and stays
    rest = _DATE_WORDS.sub(" ", _TIME_ZONE.sub(" ", meta.DATE_Y.sub(" ", ln.text)))
    return "date" if meta.DATE_Y.search(ln.text) and not re.search(r"[^\W\d_]{3,}", rest) else None


def _names_a_person(name: str) -> bool:
    """'Jane Doe', 'Jane Doe and John Roe' - not 'the numbers' (a heading that starts with 'By')."""
    ws = [
        w
        for w in re.split(r"[\s,]+", name)
        if w and w.lower() not in ("and", "de", "van", "von", "der", "la")
    ]
    return len(ws) >= 2 and all(w[:1].isupper() for w in ws)


_TIME_ZONE = re.compile(r"\b[A-Z]{1,3}T\b")  # JST, AEST, EDT
_DATE_WORDS = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)\w*|\b(?:[ap]\.?m\.?|gmt|utc|bst|cet|[ecmp][sd]t|updated|published|posted|"
    r"last|on|at)\b",
    re.IGNORECASE,
)


def _strip_end_markers(body: list[str], removed: list[Removed]) -> None:
    """Drop end-marker lines at the end and a marker glued to the last sentence ('... said. Endite')."""
    mk = markers()
    while body:
        last = body[-1]
        if mk.end.match(last):
            removed.append(Removed(body.pop(), "end-marker"))
            continue
        m = mk.trailing.search(last)
        if m and m.start() > 0:
            removed.append(Removed(last[m.start() :].strip(), "end-marker"))
            body[-1] = last[: m.start()].rstrip()
            continue
        break
