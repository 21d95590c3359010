"""The line classifier: what each line of a scraped page looks like (sentence, UI string, code, ticker...).

Signals are general: sentence punctuation and length, separator density (tickers, breadcrumbs), markup
and code characters, UI phrases from `lexicon/clean_ui_phrases.yaml`, copyright marks, repetition.
The block finder (`clean.block`) then uses these kinds to find the main text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from eventwire.clean.lexicon import markers, norm_line, ui

# kinds whose lines are never part of the body, wherever they are
JUNK = frozenset(
    {
        "code",
        "ui",
        "ticker",
        "breadcrumb",
        "copyright",
        "end-marker",
        "caption",
        "repeated",
        "url",
        "empty",
        "wall",
        "duplicate",
        "teaser",
        "embed",
        "promo",
        "bio",
    }
)

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_SENT_END = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$|:$")
_INNER_SENT = re.compile(r"[a-z0-9%)][.!?][\"'”’]?\s+[\"'“‘(]?[A-Z]")
_TICKER_SEP = re.compile(r"\s[•·|▪►◦※]\s|\s{2,}[•·▪]\s*")
_DASH_SEP = re.compile(r"\s[-–—]{1,2}\s(?=[A-Z])")
_BREAD_SEP = re.compile(r"\s(?:>|»|›|/|\\|→)\s")
_CODE = re.compile(
    r"(?:^[<{}\[\]();@.#]|[{};]\s*$|function\s*\(|=>|\bvar\s+\w+\s*=|\bconst\s+\w+\s*=|\blet\s+\w+\s*=|"
    r"document\.|window\.|!important|\w+\s*:\s*[^;]{1,40};|</?\w+[^>]*>|\w+\([^)]*\)\s*;|^\s*//|/\*|\*/)"
)
_JSON_KEY = re.compile(r"['\"][\w-]{2,40}['\"]\s*:\s*['\"\[{\d\w]")
_STRONG_CODE = re.compile(r"^\s*//|/\*|\*/|function\s*\(|=>|\bdocument\.\w|\bwindow\.\w|\w\.push\(|\w\(\[")
_URL = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$")
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b.*\d{4}|\d{4}.*\bcopyright\b", re.IGNORECASE)
_CAPTION = re.compile(
    r"(?:\b(?:getty images|shutterstock|istock(?:photo)?|ap photo|afp photo|reuters photo|file photo|"
    r"photo(?:graph)? by|image by|photo credit|image credit|picture alliance)\b|/(?:getty|ap|afp|reuters|epa|pa)\b|"
    r"\((?:picture|pictures|photo|photos|photograph|image|images|credit|pic|source)\s?:[^)]{1,60}\)\s*$)",
    re.IGNORECASE,
)
_COMMENT_HEAD = re.compile(
    r"^(?:[\w.'’ -]{2,40}\s(?:says|said|wrote|replied|commented)\s?:|(?:all |show |view |\d+ )?comments?\s*\(?\d*\)?|"
    r"(?:leave|post|add|write) a (?:comment|reply)|reply|report|\d+ (?:replies|likes?))$",
    re.IGNORECASE,
)
# an embedded social-media post: "— Name (@handle) July 18, 2026", or a line with a post's picture link
_EMBED_CREDIT = re.compile(r"^[—–-]{1,2}\s*.{1,80}\(@\w{1,30}\)\s*\w{3,9}\.? \d{1,2}, \d{4}\s*$")
_EMBED_LINK = re.compile(r"\bpic\.twitter\.com/|\bt\.co/\w|instagram\.com/p/", re.IGNORECASE)
# "14 hours ago", "Duration 1:30", "5 min read": time labels of a page's widgets
_TIME_LABEL = re.compile(
    r"^(?:(?:updated|posted|published)\s+)?(?:\d+|an?|one)\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|"
    r"weeks?|months?|years?)\s+ago$|^(?:duration|runtime|length)\s*:?\s*\d{1,2}:\d{2}(?::\d{2})?$|^\d{1,2}:\d{2}(?::\d{2})?$",
    re.IGNORECASE,
)
_TEASER_END = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$")
_CREDIT_TAIL = re.compile(r"[.!?]\s*\((?:[A-Z][\w&.'-]*(?:\s+[\w&.'-]+){0,3})\)$")


@dataclass
class Line:
    text: str
    index: int
    kind: str = "other"  # sentence | other | one of JUNK
    words: int = 0
    key: str = ""  # normalised text (first 500 characters) for repetition checks

    @property
    def junk(self) -> bool:
        return self.kind in JUNK


def words(text: str) -> list[str]:
    return _WORD.findall(text)


_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_READER = re.compile(r"\b(?:you|your|yours|you're|you've|you'll)\b", re.IGNORECASE)


def addresses_reader(text: str, n_words: int, strong: bool = False) -> bool:
    """Prose that talks to the reader outside quotes ("you can manage your cookies"): site text, not news.

    `strong`: so dense in "you" that it is UI (cookie and subscription notices), not a columnist's aside.
    """
    bare = _QUOTED.sub(" ", text)
    # a quote running over several paragraphs opens without closing (or closes without opening)
    bare = re.sub(r"[\"“].*$", " ", bare)
    bare = re.sub(r"^.*[\"”]", " ", bare)
    hits = len(_READER.findall(bare))
    if strong:
        return hits >= 3 and hits >= 0.06 * n_words
    return hits >= 2 and hits >= 0.04 * n_words


def is_sentence(text: str, n_words: int) -> bool:
    """Running prose: enough words, sentence punctuation, and mostly lower-case words (not a headline)."""
    if n_words < 6 or addresses_reader(text, n_words, strong=n_words >= 20):
        return False
    ws = words(text)
    lower = sum(1 for w in ws if w[:1].islower())
    if lower < 0.3 * len(ws) and n_words < 25:
        # a list of names closed by a full stop (a team sheet, a cast list) is the story's text too
        return text.rstrip().endswith(".") and text.count(",") >= 3 and text.count(",") >= 0.25 * n_words
    return bool(_SENT_END.search(text) or _INNER_SENT.search(text) or n_words >= 25)


def is_ticker(text: str) -> bool:
    """Several headlines joined by separators: '• ' or ' | ' between short capitalised segments."""
    parts = [p for p in _TICKER_SEP.split(text) if p.strip()]
    if len(parts) < 3:
        parts = [p for p in _DASH_SEP.split(text) if p.strip()]
        if len(parts) < 4 or _SENT_END.search(text):
            return False
    sizes = [len(words(p)) for p in parts]
    return sum(sizes) / len(sizes) <= 16 and sum(1 for p in parts if p.strip()[:1].isupper()) >= 0.6 * len(
        parts
    )


def is_breadcrumb(text: str) -> bool:
    parts = [p for p in _BREAD_SEP.split(text) if p.strip()]
    return len(parts) >= 3 and max(len(words(p)) for p in parts) <= 5


def is_code(text: str) -> bool:
    if len(text) > 20000:  # a sample decides: regexes over a 100 KB script line cost more than the page
        text = text[:5000] + " " + text[-5000:]
    if len(text) > 30 and " " not in text.strip():
        return True  # a token of 30+ characters with no space: base64, a minified blob
    if len(text) > 100 and text.count(" ") < 0.06 * len(text):
        return True  # prose has a space every 5-7 characters; minified code and data far fewer
    if len(_JSON_KEY.findall(text)) >= 2 or _STRONG_CODE.search(text):
        return True
    if not any(c in text for c in "{};=<>/*@#`$|\\"):
        return False  # none of the characters code is made of: prose (the common case, kept cheap)
    hits = len(_CODE.findall(text))
    if not hits and len(text) <= 200:
        return False
    symbols = sum(c in "{}[]();=<>/\\$#@*|&`_" for c in text) / max(1, len(text))
    letters = sum(c.isalpha() for c in text) / max(1, len(text))
    if letters > 0.6 and not any(c in text for c in "{}=<>"):
        return False  # prose with brackets and semicolons (a team list, a citation), not code
    if not hits:
        return symbols > 0.1
    return hits >= 2 or symbols > 0.08 or letters < 0.5


def ui_kind(text: str, n_words: int) -> str | None:
    """'ui' when the line is (or starts with, or holds) a page-UI phrase; 'breadcrumb' for 'You are here'."""
    lex = ui()
    text = text[:400]
    key = norm_line(text)
    if not key:
        return "ui"
    if key.startswith("you are here"):
        return "breadcrumb"
    if key in lex.exact:
        return "ui"
    low = text.lower().strip().replace("\u2019", "'")
    for p in lex.prefix:
        if (low.startswith(p) or key.startswith(p.strip())) and (
            n_words <= 14 or p.endswith(":") and n_words <= 30
        ):
            return "ui"
    if n_words <= 40 and any(p in low for p in lex.contains):
        return "ui"
    return None


def classify(raw_lines: list[str]) -> list[Line]:
    """Kinds for every line; `repeated` marks short lines seen more than once on the page."""
    out: list[Line] = []
    mk = markers()
    for i, text in enumerate(raw_lines):
        n = len(words(text))
        line = Line(text=text, index=i, words=n, key=norm_line(text[:500]))
        if n == 0:
            line.kind = "empty" if not re.search(r"[^\W_]", text) else "other"
        elif mk.end.match(text):
            line.kind = "end-marker"
        elif _EMBED_CREDIT.match(text) or (n <= 80 and _EMBED_LINK.search(text)):
            line.kind = "embed"
        elif n <= 8 and (_COMMENT_HEAD.match(text.strip()) or line.key in ui().walls):
            line.kind = "wall"
        elif _URL.match(text.strip()):
            line.kind = "url"
        elif is_code(text):
            line.kind = "code"
        elif is_ticker(text):
            line.kind = "ticker"
        elif n <= 6 and _TIME_LABEL.match(text.strip()):
            line.kind = "ui"
        elif (k := ui_kind(text, n)) is not None:
            line.kind = k
        elif is_breadcrumb(text):
            line.kind = "breadcrumb"
        elif n <= 40 and _COPYRIGHT.search(text):
            line.kind = "copyright"
        elif n <= 60 and (_CAPTION.search(text) or (n <= 40 and _CREDIT_TAIL.search(text.strip()))):
            line.kind = "caption"
        elif n >= 8 and _TEASER_END.search(text):
            line.kind = (
                "ellipsis"  # an excerpt cut short: often a link to another story (kept inside the block)
            )
        elif is_sentence(text, n):
            line.kind = "sentence"
        out.append(line)
    counts = Counter(ln.key for ln in out if ln.kind in ("other", "sentence"))
    for ln in out:
        if ln.kind not in ("other", "sentence") or ln.words > 12:
            continue
        if counts[ln.key] > 2:
            ln.kind = "repeated"  # the same short line three times: a label, not a heading
        elif ln.kind == "other" and counts[ln.key] > 1:
            ln.kind = "repeated"
    for ln in out:  # the text of an embedded post sits right above its credit line
        if ln.kind == "embed" and _EMBED_CREDIT.match(ln.text) and ln.index > 0:
            prev = out[ln.index - 1]
            if prev.kind in ("sentence", "other") and prev.words <= 60:
                prev.kind = "embed"
    _mark_story_lists(out)
    seen: set[str] = set()
    for ln in out:  # a page that holds the article twice (reader view, print view): keep the first copy
        if ln.kind == "sentence" and ln.words > 12:
            if ln.key in seen:
                ln.kind = "duplicate"
            seen.add(ln.key)
    return out


def _headline_like(ln: Line) -> bool:
    return ln.kind in ("other", "repeated") and 5 <= ln.words <= 25 and not _SENT_END.search(ln.text)


def _mark_story_lists(lines: list[Line]) -> None:
    """Lists of other stories: one short excerpt between two headlines, again and again.

    An article's sections have several paragraphs under a heading; a story list has one line per headline.
    Only runs of three or more such headline/excerpt pairs are marked, so a lone short section survives.
    """
    text_lines = [ln for ln in lines if ln.kind in ("other", "repeated", "sentence") and ln.words > 3]
    flagged: list[Line] = []
    for prev, cur, nxt in zip(text_lines, text_lines[1:], text_lines[2:], strict=False):
        if cur.kind == "sentence" and cur.words <= 45 and _headline_like(prev) and _headline_like(nxt):
            flagged.append(cur)
    run: list[Line] = []
    for ln in flagged + [None]:
        if ln is not None and (not run or ln.index - run[-1].index <= 6):
            run.append(ln)
            continue
        if len(run) >= 3:
            for r in run:
                r.kind = "teaser"
        run = [ln] if ln is not None else []
