"""Page furniture that looks like text: promos, story lists, photo credits, markup shards, author bios.

The line classifier (`clean.lines`) judges one line at a time; these lines read like prose or headings and
are told apart by their neighbours and their place: a subscription pitch is a cluster of short lines about
signing up, a story list is a run of headline-shaped lines under a "More ..." heading, a caption ends in a
photographer's credit, a bio sits after the story's last paragraph. Word lists live in
`lexicon/clean_furniture.yaml`; everything else is shape.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from eventwire.clean.lexicon import norm_line
from eventwire.clean.lines import Line, addresses_reader
from eventwire.lexicon import load_yaml

# shards of HTML a scraper split over lines: '<button class="x"', 'style="display:none"', '</div'
_MARKUP = re.compile(
    r"^</?[a-zA-Z][\w-]*(?:\s|/?>|$)|^[a-zA-Z][\w:.-]*\s*=\s*(?:\"[^\"]*\"?|'[^']*'?)\s*/?>?$|</[a-zA-Z]\w*>?$|^/?>$"
)
# a photographer's credit: "(Jane Doe/Reuters)", "(Adel Hana / The Associated Press)", "Credit: PA"
_NAME = r"[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){1,3}"
_CREDIT_PAREN = re.compile(
    rf"(?:^|\()\s*{_NAME}\s?/\s?(?:The\s)?[A-Z][\w&.'’-]*(?:\s[\w&.'’-]+){{0,3}}\s*\)$"
)
_CREDIT_WORD = re.compile(
    r"(?:(?:\b|(?<=[a-z]))(?:Credit|Photo|Image|Picture|Pic|Photograph)s?:\s?[A-Z][\w&.'’ /-]{1,60}|"
    r"[.!?)]\s(?:Supplied|File (?:image|photo|picture)|Handout))$|^Pictured\b|^\(?(?:Photo|Picture|Image)s?\s?:"
)
# a credit alone in brackets: "(Image: Anadolu via Getty Images)", "(Picture: PA)"
_BRACKET_CREDIT = re.compile(
    r"^\((?:image|picture|photo|photograph|pic|credit)s?\s?:[^)]{1,80}\)$", re.IGNORECASE
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b")
# a caption cut before its credit: "Crowds gather outside the court ("
_OPEN_CREDIT = re.compile(r"\s\($")
# a live blog's entry stamp: "20:42KEY EVENT", "21:00 Jane Doe", "9.15am Update"
_STAMP = re.compile(r"^\d{1,2}[:.]\d{2}\s?(?:[ap]\.?m\.?)?\s?[A-Z][\w .'’-]{0,40}$")
# a video's label glued to its running time: "VIDEO4:4204:42", "Watch 2:15"
_MEDIA_LABEL = re.compile(r"^(?:video|watch|listen|audio|play)\s?\d{1,2}:\d{2}", re.IGNORECASE)
# wire-photo captions: "... in this picture obtained from social media", "MANDATORY CREDIT. NO RESALES."
_WIRE_CAPTION = re.compile(
    r"\bin this (?:\w+ )?(?:picture|photo|photograph|image|handout|screen ?grab)\b|"
    r"^(?:An? )?(?:file )?(?:photo|photograph|picture|image)s? (?:shows|showing)\b|^An? file (?:photo|photograph|picture|image)\b|"
    r"\bMANDATORY CREDIT\b|\bNO RESALES\b|\bNO ARCHIVES\b|\bTHIS IMAGE HAS BEEN SUPPLIED\b"
)
# a name and the author's title: "Jane Doe Parliamentary editor", "Editor At Large"
_ROLE_LINE = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s){0,3}(?:[A-Z]?[a-z]+\s){0,2}(?:[Ee]ditor|[Rr]eporter|[Cc]orrespondent|[Ww]riter|"
    r"[Jj]ournalist|[Cc]olumnist)(?:\s(?:[Aa]t [Ll]arge|[Ii]n [Cc]hief))?$"
)
# JS object literals a scraper kept: "}, { id: 'id1', title: '...', img: '...'"
_JS_OBJECT = re.compile(r"[{,]\s*\w+\s*:\s*['\"\[{\d]")
# a byline with the author's handle glued on: "Jane Doe@janedoe"
_HANDLE_BYLINE = re.compile(r"^[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,3}\s?@\w{2,30}$")
_CONNECTORS = frozenset({"&", "and", "of", "the", "in", "for", "on", "at", "de", "van", "von", "-", "–", "|"})
_HEADLINE_END = re.compile(r"[.!:;,\"”’]$")
_TRANSCRIPT = re.compile(r"\b(?:full transcript|full text|in full|transcript)\b", re.IGNORECASE)


@dataclass(frozen=True)
class FurnitureLexicon:
    promo: re.Pattern[str]
    openers: frozenset[str]
    related: re.Pattern[str]
    bio: tuple[re.Pattern[str], ...]
    photo_credits: frozenset[str]


@functools.lru_cache(maxsize=1)
def lexicon() -> FurnitureLexicon:
    d = load_yaml("clean_furniture.yaml")
    return FurnitureLexicon(
        promo=re.compile("|".join(f"(?:{p})" for p in d["promo"]), re.IGNORECASE),
        openers=frozenset(w.lower() for w in d["promo_openers"]),
        related=re.compile("^(?:" + "|".join(f"(?:{p})" for p in d["related_headings"]) + ")$"),
        bio=tuple(re.compile(p) for p in d["bio"]),
        photo_credits=frozenset(norm_line(c) for c in d["photo_credits"]),
    )


def mark_furniture(lines: list[Line]) -> None:
    """Re-label furniture lines in place (kinds 'code', 'caption', 'promo', 'teaser', 'bio')."""
    for ln in lines:
        if ln.kind in ("other", "repeated", "sentence", "code") and _MARKUP.search(ln.text.strip()):
            ln.kind = "code"
    _mark_credits(lines)
    _mark_promo(lines)
    _mark_story_lists(lines)
    _mark_author_boxes(lines)
    _mark_twin_lines(lines)


def _mark_twin_lines(lines: list[Line]) -> None:
    """The same short line twice in a row inside the story: an image's alt text and its caption."""
    first_prose = next((ln.index for ln in lines if ln.kind == "sentence" and ln.words >= 15), len(lines))
    prev: Line | None = None
    for ln in lines[first_prose:]:
        if ln.kind in ("empty", "code"):
            continue
        if (
            prev is not None
            and ln.words <= 40
            and ln.key == prev.key
            and ln.kind in ("other", "sentence", "repeated", "duplicate")
            and prev.kind in ("other", "sentence", "repeated")
        ):
            ln.kind = prev.kind = "caption"
        prev = ln


def _mark_author_boxes(lines: list[Line]) -> None:
    """An author box anywhere on the page: a name line, then a bio that opens with that name."""
    for ln in lines:
        if not _kept(ln) or ln.words > 60 or not is_bio(ln):
            continue
        prev = _neighbour(lines, ln.index, -1)
        if (
            prev is not None
            and prev.kind in ("other", "repeated")
            and _name_line(prev)
            and ln.text.startswith(prev.text.split()[0])
        ):
            ln.kind = prev.kind = "bio"


def _kept(ln: Line) -> bool:
    return not ln.junk and ln.kind not in ("promo",)


def _mark_credits(lines: list[Line]) -> None:
    """Captions ending in a credit, and a caption whose credit the scraper put on the next line."""
    prose = [ln for ln in lines if ln.kind == "sentence"]
    # a page written in capitals (old wire copy) has no capital links to tell apart
    mixed_case = sum(1 for ln in prose if ln.text.upper() == ln.text) <= 0.2 * len(prose)
    for ln in lines:
        if ln.kind in ("ui", "caption", "other", "repeated") and _credit_alone(lines, ln):
            continue
        if ln.kind in ("ui", "caption") and ln.words <= 12 and _BRACKET_CREDIT.match(ln.text.strip()):
            prev = lines[ln.index - 1] if ln.index > 0 else None  # "(Image: Getty)" under its caption
            if prev is not None and prev.kind == "other" and 5 <= prev.words <= 40:
                prev.kind = "caption"
            continue
        if not _kept(ln) or ln.words > 90:
            continue
        text = ln.text.strip()
        if ln.words <= 6 and (_STAMP.match(text) or _HANDLE_BYLINE.match(text) or _MEDIA_LABEL.match(text)):
            ln.kind = "ui"
            continue
        if ln.words <= 7 and _ROLE_LINE.match(text):
            ln.kind = "bio"
            continue
        if text[:1] in "{}[(" and len(_JS_OBJECT.findall(text)) >= 2:
            ln.kind = "code"
            continue
        if ln.words <= 60 and _WIRE_CAPTION.search(text):
            ln.kind = "caption"
            continue
        caps = (
            mixed_case and text.upper() == text and any(c.isalpha() for c in text) and not text.endswith(".")
        )
        if caps and ln.words >= 7:
            ln.kind = "teaser"  # a whole line in capitals: a link to another story, not a heading
            continue
        if _OPEN_CREDIT.search(text) and ln.words <= 60:
            ln.kind = "caption"
            continue
        if not (_CREDIT_PAREN.search(text) or _CREDIT_WORD.search(text)):
            continue
        ln.kind = "caption"
        prev = lines[ln.index - 1] if ln.index > 0 else None
        if ln.words <= 8 and prev is not None and _kept(prev) and prev.words <= 60:
            if text.startswith("(") or prev.text.rstrip().endswith("("):  # the credit alone on its line
                prev.kind = "caption"


def _credit_alone(lines: list[Line], ln: Line) -> bool:
    """A photo agency alone on a line ("EPA", "Getty Images") is a credit; the longer unstopped line after it
    is its caption (a question after it is a section heading)."""
    if ln.words > 5 or norm_line(ln.text) not in lexicon().photo_credits:
        return False
    ln.kind = "caption"
    nxt = lines[ln.index + 1] if ln.index + 1 < len(lines) else None
    if nxt is not None and nxt.kind == "other" and nxt.words >= 7 and _headline_shaped(nxt):
        if not nxt.text.rstrip().endswith("?"):
            nxt.kind = "caption"
    return True


_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_SITE_VOICE = re.compile(r"\b(?:we|we're|we've|our|us|you|your)\b", re.IGNORECASE)


def _site_voice(text: str) -> int:
    """'we', 'our', 'you' outside quotations: the site speaking to its readers (a quoted CEO does not count)."""
    return len(_SITE_VOICE.findall(_QUOTED.sub(" ", text)))


def _promo_hits(ln: Line) -> int:
    hits = len(lexicon().promo.findall(ln.text[:1000]))
    return hits + 1 if hits and _EMAIL.search(ln.text) else hits  # "Get in touch at news@..."


def _mark_promo(lines: list[Line]) -> None:
    """Subscription, newsletter and affiliate pitches: short lines about signing up, in clusters.

    A line with two promo words, or one in a short line that is not prose, or one that talks to the reader,
    is a promo; so is a short line sitting between promos (the pitch's other bullet points).
    """
    lex = lexicon()
    cand = [ln for ln in lines if (_kept(ln) or ln.kind == "repeated") and ln.words <= 120]
    hits = {ln.index: _promo_hits(ln) for ln in cand}
    for ln in cand:
        h = hits[ln.index]
        if not h:
            continue
        prose = ln.kind == "sentence"
        talks = addresses_reader(ln.text, ln.words)
        label = ln.text.split(":", 1)[0] if ":" in ln.text[:40] else ""
        if label and len(label.split()) <= 4 and lex.promo.search(label + " "):
            ln.kind = "promo"  # "Privacy Notice: ...", "Newsletter: ..."
            continue
        if ln.words > 35:  # a long line is a pitch only when the site keeps talking to the reader about it
            voice = _site_voice(ln.text)
            if (talks or voice >= 3) and h >= 3 or voice >= 5 and h >= 2 or not prose and h >= 4:
                ln.kind = "promo"
            continue
        first = ln.text.split(None, 1)[0].lower().strip(".,:!'\"“‘")
        short = ln.words <= 14 and not prose
        if short or first in lex.openers or talks or h >= 2 and (not prose or ln.words <= 20):
            ln.kind = "promo"
    cand = [ln for ln in cand if ln.words <= 35]
    changed = True
    while changed:  # one promo word next to promos: the cluster grows both ways
        changed = False
        for ln in cand:
            if ln.kind != "promo" and hits[ln.index] and _near(lines, ln.index, lambda x: x.kind == "promo"):
                ln.kind = "promo"
                changed = True
    for _ in range(2):  # the pitch's other lines: short, between promo lines
        for ln in cand:
            if ln.kind == "promo" or ln.words > 25:
                continue
            before = _neighbour(lines, ln.index, -1)
            after = _neighbour(lines, ln.index, 1)
            if before is not None and after is not None and before.kind == "promo" and after.kind == "promo":
                ln.kind = "promo"


def _neighbour(lines: list[Line], i: int, step: int) -> Line | None:
    """The nearest line that is not empty, code or UI, in one direction."""
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].kind not in ("empty", "code", "ui", "embed", "caption"):
            return lines[j]
        j += step
    return None


def _near(lines: list[Line], i: int, pred) -> bool:
    return any(x is not None and pred(x) for x in (_neighbour(lines, i, -1), _neighbour(lines, i, 1)))


def _headline_shaped(ln: Line) -> bool:
    """A link to another story: a short line with no sentence end (a question mark allowed)."""
    if ln.kind not in ("other", "repeated", "sentence", "ellipsis"):
        return False
    text = ln.text.strip().rstrip("\"”’'")  # a headline may end on a quotation: "...: ‘Not again’"
    if text.endswith("?"):
        return 3 <= ln.words <= 22
    return 3 <= ln.words <= 25 and not _HEADLINE_END.search(text)


def _name_line(ln: Line) -> bool:
    """An author's name under a linked headline: 1-4 capitalised words, maybe joined by commas."""
    ws = [w for w in ln.text.replace(",", " ").split() if w.lower() not in _CONNECTORS]
    return 1 <= len(ws) <= 6 and all(w[:1].isupper() for w in ws) and not _HEADLINE_END.search(ln.text)


def is_related_heading(ln: Line) -> bool:
    return ln.words <= 6 and bool(lexicon().related.match(norm_line(ln.text)))


def _mark_story_lists(lines: list[Line]) -> None:
    """A "More ..." heading and the headline-shaped lines under it (with their teasers and bylines).

    The list runs while lines are headline-shaped; empty lines, markup and captions may sit between, but a
    UI line (a player, a share bar) or prose ends it. A heading with no list under it stays.
    """
    first_prose = next((ln.index for ln in lines if ln.kind == "sentence" and ln.words >= 15), len(lines))
    for ln in lines[first_prose:]:  # above the story, "Latest News" is a section label, not a list
        if ln.kind == "teaser" or not is_related_heading(ln):
            continue
        found: list[Line] = []
        crossed_ui = False  # an ad or a player between items: a heading over prose is the story again
        j = ln.index + 1
        while j < len(lines):
            cur = lines[j]
            if cur.kind in ("empty", "code", "caption", "promo") or cur.kind == "ui":
                crossed_ui = crossed_ui or cur.kind == "ui"
                j += 1
                continue
            nxt = _neighbour(lines, j, 1)
            if is_related_heading(cur):
                found.append(cur)
            elif cur.junk and cur.kind != "repeated":
                break
            elif crossed_ui and nxt is not None and nxt.kind == "sentence" and nxt.words >= 20:
                break
            elif _headline_shaped(cur) or _name_line(cur):
                found.append(cur)
                crossed_ui = False
            elif cur.kind == "sentence" and cur.words <= 30 and nxt is not None and _headline_shaped(nxt):
                found.append(cur)  # a teaser between two linked headlines
            elif (
                cur.kind == "sentence"
                and cur.words <= 30
                and not crossed_ui
                and found
                and _headline_shaped(found[-1])
                and (nxt is None or nxt.kind != "sentence")
            ):
                found.append(cur)  # a headline's teaser, then the next item's byline or headline
            else:
                break
            j += 1
        if any(_headline_shaped(x) for x in found) or len(found) >= 2:
            for x in [ln, *found]:
                x.kind = "teaser"


def is_bio(ln: Line) -> bool:
    return ln.words <= 90 and any(p.search(ln.text) for p in lexicon().bio)


MIN_TAIL_PAIRS = 3  # headline + excerpt pairs that make a story list after the story


def _cut_teaser_pairs(lines: list[Line], start: int, end: int) -> int:
    """The block's end before a list of other stories with no heading: headline, short excerpt, again.

    A story's last sections have a heading and several paragraphs; three one-excerpt sections in a row at
    the very end, their headings shaped like headlines (no question), are a list of links.
    """
    kept = [ln for ln in lines[start:end] if not ln.junk and ln.kind != "promo"]
    pairs, i = 0, len(kept)
    while i >= 2:
        head, text = kept[i - 2], kept[i - 1]
        is_head = _headline_shaped(head) and not head.text.rstrip().endswith("?")
        if not (is_head and text.kind == "sentence" and text.words <= 40):
            break
        pairs += 1
        i -= 2
    if pairs >= MIN_TAIL_PAIRS:
        return kept[i].index
    return end


BIO_WINDOW = 10  # non-junk lines at the block's end searched for an author's bio


def _cut_bio(lines: list[Line], start: int, end: int) -> int:
    """The block's end before an author bio ("Jane Doe is a reporter for ...") near its end.

    Only when what follows the bio is more bio or short lines (links, names), so a story that ends on a
    paragraph about a journalist keeps it.
    """
    tail = [ln for ln in lines[start:end] if not ln.junk and ln.kind != "promo"][-BIO_WINDOW:]
    for i, ln in enumerate(tail):
        if not is_bio(ln):
            continue
        prose = [x for x in tail[i + 1 :] if not is_bio(x) and x.kind == "sentence" and x.words > 15]
        if not prose or len(prose) <= 2 and all(x.words <= 40 for x in prose):  # the bio's own sentences
            return ln.index
    return end


def trim_tail(lines: list[Line], start: int, end: int) -> int:
    """The block's end without what follows the story: a list of headlines, an author bio, a transcript.

    From the end: kept lines shaped like headlines (no sentence end) and bio lines are dropped until a
    line of prose; an appended document ("... full transcript") after a story of some length ends it.
    """
    words = 0
    for ln in lines[start:end]:  # an appended document: the story ends at its heading
        if ln.kind == "sentence":
            words += ln.words
        elif (
            words >= 150
            and ln.kind in ("other", "repeated")
            and ln.words <= 12
            and _TRANSCRIPT.search(ln.text)
            and not _HEADLINE_END.search(ln.text)
        ):
            end = ln.index
            break
    end = _cut_teaser_pairs(lines, start, end)
    end = _cut_bio(lines, start, end)
    k = end
    while k > start:
        ln = lines[k - 1]
        if ln.junk or ln.kind == "promo":
            k -= 1
            continue
        heading = ln.kind != "sentence" and _headline_shaped(ln) and not ln.text.rstrip().endswith("?")
        if is_bio(ln) or heading or _name_line(ln):
            k -= 1
            continue
        break
    return k
