"""Find quoted stretches of text on the character level, before any parsing.

Quotation marks in scraped news are messy: straight and curly marks mixed, a mark lost here and
there, and the newspaper convention that a quote running over several paragraphs reopens each
paragraph with a mark but closes only at the very end. The parser tokenizes marks badly, so the
quoted stretches are found here, on the raw body, and the parse is consulted afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENERS = "\u201c\u201e\u00ab"  # “ „ «
CLOSERS = "\u201d\u00bb"  # ” »
STRAIGHT = '"\u201f\u2033'  # " ‟ ″ : direction decided from context
ALL_MARKS = OPENERS + CLOSERS + STRAIGHT
_BEFORE_OPEN = set(" \t\n([{-\u2013\u2014/:;,") | set(OPENERS)
_AFTER_CLOSE = set(" \t\n)]}.,;:!?-\u2013\u2014'\u2019") | set(CLOSERS)
_WORD = re.compile(r"\w")


@dataclass
class Segment:
    """One quoted stretch: `start` at its opening mark, `end` after its closing mark.

    `parts` are the pieces inside single paragraphs (one unless the quote runs over paragraphs);
    `closed` is False when the closing mark never came and the stretch was cut at a paragraph end.
    """

    start: int
    end: int
    parts: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True

    def words(self, body: str) -> int:
        return len(re.findall(r"\w+", body[self.start : self.end]))


_DOUBLE_APOSTROPHE = re.compile(r"(?<!')''(?!')")


def with_curly_marks(body: str) -> str:
    """`body` with the old NYT quotation marks, two apostrophes (''Mr. Khan said''), rewritten as a
    curly mark plus one apostrophe of the same length ("\u201c'" opening, "'\u201d" closing), so
    offsets stay those of the body and the mark finder sees ordinary marks."""
    if "''" not in body:
        return body
    chars = list(body)
    for m in _DOUBLE_APOSTROPHE.finditer(body):
        i = m.start()
        prev = body[i - 1] if i > 0 else "\n"
        nxt = body[i + 2] if i + 2 < len(body) else "\n"
        opens = (prev.isspace() or prev in "([{\u2014\u2013-/") and not nxt.isspace()
        chars[i], chars[i + 1] = ("\u201c", "'") if opens else ("'", "\u201d")
    return "".join(chars)


def restore_marks(text: str) -> str:
    """Undo `with_curly_marks` in a text cut from the rewritten body."""
    return text.replace("\u201c'", "''").replace("'\u201d", "''")


def paragraphs(body: str) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end): news bodies put each paragraph on its own line."""
    out = []
    pos = 0
    for line in body.split("\n"):
        end = pos + len(line)
        text = line.strip()
        if text:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(text)))
        pos = end + 1
    return out


def _role(body: str, i: int, inside: bool) -> str:
    """'open' or 'close' for the mark at body[i]."""
    ch = body[i]
    if ch in OPENERS:
        return "open"
    if ch in CLOSERS:
        return "close"
    prev = body[i - 1] if i > 0 else " "
    nxt = body[i + 1] if i + 1 < len(body) else " "
    opens = prev in _BEFORE_OPEN and (_WORD.match(nxt) is not None or nxt in "('\u2018.\u2026[")
    closes = nxt in _AFTER_CLOSE and prev not in " \t\n"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "close" if inside else "open"


_ATTRIBUTE = re.compile(r'\w="[^"\n]*"')  # markup left in scraped text: author="JebBush"


def _paragraph_marks(body: str, start: int, end: int) -> list[tuple[int, str]]:
    markup = {
        i
        for m in _ATTRIBUTE.finditer(body, start, end)
        for i in (m.start() + len(m.group()) - 1, m.group().index('"') + m.start())
    }
    marks = []
    inside = False
    for i in range(start, end):
        if body[i] in ALL_MARKS and i not in markup:
            role = _role(body, i, inside)
            marks.append((i, role))
            inside = role == "open" if not inside else role != "close"
    return marks


def find_segments(body: str) -> list[Segment]:
    """Quoted stretches of `body` in order, continuation paragraphs joined into one segment."""
    segments: list[Segment] = []
    open_seg: Segment | None = None  # a quote still open at the end of the previous paragraph
    paras = paragraphs(body)
    for n, (p_start, p_end) in enumerate(paras):
        marks = _paragraph_marks(body, p_start, p_end)
        cur: int | None = None  # where the current quote opened in this paragraph
        if open_seg is not None:
            if marks and marks[0][0] == p_start and marks[0][1] == "open":
                cur = p_start  # the paragraph reopens the running quote
                marks = marks[1:]
            else:  # the quote never closed: cut it at the paragraph where it stopped
                open_seg.closed = False
                segments.append(open_seg)
                open_seg = None
        for i, role in marks:
            if role == "open":
                if cur is not None and open_seg is None:
                    cur = i  # a stray opening mark before: start again here
                elif cur is None:
                    cur = i
                continue
            if cur is None:
                continue  # a closing mark with nothing open: ignore it
            if open_seg is not None:
                open_seg.parts.append((cur, i + 1))
                open_seg.end = i + 1
                segments.append(open_seg)
                open_seg = None
            else:
                segments.append(Segment(cur, i + 1, [(cur, i + 1)]))
            cur = None
        if cur is not None:
            follows = n + 1 < len(paras) and body[paras[n + 1][0]] in OPENERS + STRAIGHT
            if open_seg is None:
                open_seg = Segment(cur, p_end, [(cur, p_end)])
            else:
                open_seg.parts.append((cur, p_end))
                open_seg.end = p_end
            if not follows:
                open_seg.closed = False
                segments.append(open_seg)
                open_seg = None
    if open_seg is not None:
        open_seg.closed = False
        segments.append(open_seg)
    return [s for s in segments if s.words(body) > 0]
