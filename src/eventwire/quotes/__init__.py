"""Quotations stage: direct, partial and indirect quotes with their speakers.

The finders propose quotes (quoted stretches with their cues, fragments under a framing verb,
reported clauses, and the attributions PolNeAR-style annotation counts: objects of stance verbs and
nouns, "according to", passives with no source, a headline's "Name: words"), overlapping proposals
are reconciled, and speakers are then resolved in text order so that "he added" can lean on the
quote before it.

Kinds: `direct` = words in quotation marks introduced as an utterance (a quote broken by its
attribution, or running over paragraphs, is one quote whose text joins the pieces); `partial` = a
quoted fragment inside narrative or a reported clause that quotes some words ("said the U.S.
"supports any genuine effort""); `indirect` = a reported clause, object or infinitive.

Speakers: `speaker` is the Cast's actor id; `speaker_name` is the actor's canonical name followed by
how the article introduced the speaker, when it did ("Adam Green, co-founder of the PCCC", "John
Kerry (the top U.S. diplomat)"); a speaker that is no actor keeps its phrase ("a spokesman for the
ministry"). When the sentence writes the source otherwise than the name, the phrase as written
follows in parentheses: a relative or possessive ("Trump (who)", "Trump (his)") or the whole phrase
before the cue ("Bill Eastland (Texas delegate Bill Eastland, wearing ... pins)"), as attribution
corpora mark it. `speaker.NAME_WITH_INTRODUCTION = False` gives bare canonical names. A passive cue
with no agent ("was asked whether ...") has no speaker.

The old NYT convention of two apostrophes ('') as quotation marks is read as marks for finding
quotes and speakers; such quotes get the kind `APOSTROPHE_QUOTE_KIND`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from eventwire.model import Article, Quote
from eventwire.quotes import speaker as _speaker
from eventwire.quotes.candidate import Candidate, TokenIndex
from eventwire.quotes.direct import find_direct, looks_like_title
from eventwire.quotes.headline import find_headline
from eventwire.quotes.indirect import find_indirect
from eventwire.quotes.marks import find_segments, paragraphs, restore_marks, with_curly_marks
from eventwire.quotes.speaker import (
    SpeakerResolver,
    phrase_after_cue,
    phrase_before_cue,
)
from eventwire.quotes.title import find_title_quotes

INHERIT_WINDOW = 600  # chars: a quote with no cue borrows the speaker of a quote this close before it
# The kind given to quotes marked with two apostrophes (''...''): PolNeAR, and the scorer's direct
# view, count only real quotation marks as marking a direct quote, so these are reported as indirect;
# set to "direct" to type them by their marks.
APOSTROPHE_QUOTE_KIND = "indirect"
# a reported clause mostly in quotation marks is still the attribution when this many of its own words
# stand outside them ("he says Americans don't need any more "lectures ...""): a partial quote
MIN_OUTSIDE_WORDS = 3


def find_quotes(doc: Doc, article: Article, cast) -> list[Quote]:
    body = with_curly_marks(article.body)
    index = TokenIndex(doc)
    segments = find_segments(body)
    quoted: set[int] = set()
    for seg in segments:
        for start, end in seg.parts:
            quoted.update(t.i for t in index.between(start, end))
    direct = find_direct(body, index, segments, quoted)
    indirect = find_indirect(
        doc, quoted, {c.cue.i for c in direct if c.cue is not None and c.kind == "direct"}
    )
    headline = find_headline(doc, body, index)
    if headline:  # the headline finder knows title case better than the parse
        indirect = [c for c in indirect if not any(_overlap(c.span, h.span) for h in headline)] + headline
    candidates = _reconcile(body, direct, indirect, quoted, index)
    candidates = _join_continuations(body, candidates)
    candidates = _join_same_cue(candidates)
    if body != article.body:
        for cand in candidates:
            if cand.kind != "indirect" and "''" in article.body[cand.span[0] : cand.span[1]]:
                cand.kind = APOSTROPHE_QUOTE_KIND
            cand.text = restore_marks(cand.text)
    candidates = [c for c in candidates if not _title_in_apposition(c)]
    quotes = _resolve(doc, article, cast, candidates, quoted)
    titled = find_title_quotes(article, cast, 1)
    if titled:  # the headline's attribution first, as the reader meets it
        quotes = titled + quotes
        for i, q in enumerate(quotes):
            q.id = f"{article.id}:q{i + 1}"
    return quotes


def _anchor(c: Candidate) -> int:
    """Where an attribution ends: after its quote or after its cue, whichever is later."""
    return max(c.span[1], c.cue.idx if c.cue is not None else 0)


def _join_continuations(body: str, candidates: list[Candidate]) -> list[Candidate]:
    """A quote with no cue in the paragraph right after an attributed quote continues it
    (""Cruz is the best candidate," Viguerie said. / "He checks all our boxes.""): one attribution."""
    starts = [p[0] for p in paragraphs(body)]
    starts_set = set(starts)
    out: list[Candidate] = []
    for cand in candidates:
        if cand.inherit and cand.kind == "direct" and cand.span[0] in starts_set:
            before = [c for c in out if not c.inherit and c.kind == "direct" and _anchor(c) <= cand.span[0]]
            if before:
                src = max(before, key=_anchor)
                breaks = sum(1 for p in starts if src.span[1] < p <= cand.span[0])
                if breaks <= 1 and cand.span[0] - _anchor(src) < INHERIT_WINDOW:
                    src.text = f"{src.text} {cand.text}"
                    src.span = (src.span[0], cand.span[1])
                    continue
        out.append(cand)
    return out


_OPENING = "\"\u201c\u2018'"
_CLOSING = "\"\u201d\u2019'.,!?"


def _with_marks(body: str, cand: Candidate) -> None:
    """A partial quote's span and text with the marks (and the punctuation inside them) that open
    and close its quoted words, as written: a word with its mark is what a reader copies."""
    start, end = cand.span
    if cand.text != body[start:end]:
        return  # words joined around an attribution ("X, she said, Y"): not one stretch of the text
    if start > 0 and body[start - 1] in _OPENING:
        while start > 0 and body[start - 1] in _OPENING:
            start -= 1
    if end < len(body) and body[end] in _CLOSING and any(c in _OPENING for c in body[start:end]):
        probe = end
        while probe < len(body) and body[probe] in _CLOSING:
            probe += 1
        if any(c in '"\u201d' for c in body[end:probe]):
            end = probe
    if (start, end) != cand.span:
        cand.span, cand.text = (start, end), body[start:end]


_AROUND_CUE = frozenset({"inserted", "seems", "passive", "received"})  # content on both sides, or before


def _title_in_apposition(cand: Candidate) -> bool:
    """ "her blockbuster film, "Trainwreck."": a quoted title with no cue of its own names a work; it
    is no quotation to hand to the speaker next door."""
    return cand.cue is None and cand.kind == "direct" and len(cand.text.split()) <= 4 and _titled(cand.text)


def _titled(text: str) -> bool:
    """Words in quotation marks that name a work ("Modern Family", "Cheers"), not words someone said."""
    words = re.findall(r"[\w'\u2019-]+", text)
    return bool(words) and (looks_like_title(text) or (len(words) == 1 and words[0][0].isupper()))


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else -1


def _join_same_cue(candidates: list[Candidate]) -> list[Candidate]:
    """Pieces on both sides of one and the same cue are one attribution ("'We are gravely concerned,'
    the members wrote, that the department 'may have removed ...'"): a cue introduces one content,
    however the quotation marks and the attribution split it."""
    out: list[Candidate] = []
    by_cue: dict[int, Candidate] = {}
    for cand in sorted(candidates, key=lambda c: c.span):
        key = cand.cue.i if cand.cue is not None and not cand.inherit else None
        first = by_cue.get(key) if key is not None else None
        if (
            first is not None
            and first.via != "according-quote"
            and cand.via != "according-quote"
            and first.span[1] <= cand.cue.idx < cand.span[0]  # the attribution stands between the pieces
            and cand.cue.sent.start <= _token_at(cand.cue.doc, first.span[0])
            and (cand.kind != "indirect" or first.kind != "indirect")
            and not _titled(first.text)
        ):
            first.text = f"{first.text} {cand.text}"
            first.span = (first.span[0], cand.span[1])
            if first.kind == "indirect":
                first.kind = "partial"
            continue
        if key is not None:
            by_cue[key] = cand
        out.append(cand)
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _reconcile(
    body, direct: list[Candidate], indirect: list[Candidate], quoted: set[int], index
) -> list[Candidate]:
    """Drop reported clauses that restate a direct quote; a clause with a quoted fragment is partial."""
    kept: list[Candidate] = []
    for cand in indirect:
        toks = index.between(*cand.span)
        inside = sum(1 for t in toks if t.i in quoted)
        outside = [t for t in toks if t.i not in quoted and not t.is_punct and t.lower_ != "that"]
        if (
            cand.cue is not None
            and cand.span[0] <= cand.cue.idx < cand.span[1]
            and cand.via not in _AROUND_CUE
        ):
            continue  # "cases that groups hoped would help": a clause the parse wrapped around its own cue
        if cand.via == "according-quote":  # a second source for a quote: kept as a quote of its own
            cand.kind = "direct"
            kept.append(cand)
            continue
        if toks and inside / len(toks) > 0.5 and len(outside) < MIN_OUTSIDE_WORDS:
            # "enjoys "Modern Family"": a title is what the stance is about; "calling Trump "a
            # buffoon"": the thing named belongs with the quoted name
            if cand.via == "named" or cand.via == "dobj" and _titled(body[cand.span[0] : cand.span[1]]):
                cand.kind = "partial"
                _with_marks(body, cand)
                kept.append(cand)
            continue
        if inside:
            cand.kind = "partial"
            _with_marks(body, cand)
        kept.append(cand)
    # a mixed clause inside a larger one quoting the same words ("said his country welcomes the new
    # "focus"" also has "welcomes the new "focus"") is the same attribution: keep the larger
    kept = [
        c
        for c in kept
        if not (
            c.kind == "partial"
            and any(
                o is not c and o.kind == "partial" and o.span[0] <= c.span[0] and c.span[1] <= o.span[1]
                for o in kept
            )
        )
    ]
    # a fragment inside a reported clause is part of that clause's partial quote
    mixed = [c for c in kept if c.kind == "partial"]
    out = [c for c in direct if not (c.kind == "partial" and any(_overlap(c.span, m.span) for m in mixed))]
    by_key = {(c.span, c.via == "according-quote"): c for c in out + kept}  # same words, second source
    return sorted(by_key.values(), key=lambda c: (c.span[0], c.span[1], c.via == "according-quote"))


def _resolve(doc: Doc, article: Article, cast, candidates: list[Candidate], quoted: set[int]) -> list[Quote]:
    resolver = SpeakerResolver(doc, cast, quoted)
    by_speaker_pos = sorted(candidates, key=lambda c: c.speaker.idx if c.speaker is not None else c.span[0])
    resolved = {}
    for cand in by_speaker_pos:
        if not cand.inherit:
            resolved[id(cand)] = resolver.resolve(cand.speaker, cand.cue)
    quotes: list[Quote] = []
    for cand in candidates:
        r = resolved.get(id(cand))
        if cand.inherit:
            r = _borrow(cand, candidates, resolved)
        speaker_id, name = (r.actor_id, r.name) if r is not None else (None, None)
        phrase = None
        if name and not cand.inherit:
            phrase = phrase_before_cue(cand.speaker, cand.cue, cand.span) or phrase_after_cue(
                cand.speaker, cand.cue, quoted, cand.cue_end
            )
        phrase = _meaningful(phrase)
        if phrase and _runs_into(phrase, cand.text):
            phrase = None  # the parse carried the phrase into the quote itself: not a description
        if phrase and _speaker.NAME_WITH_INTRODUCTION and _last_word(phrase) not in _words(name):
            name = f"{name} ({phrase})"
        cue_span = (cand.cue.idx, cand.cue_end) if cand.cue is not None and cand.cue_end else None
        quotes.append(
            Quote(
                id=f"{article.id}:q{len(quotes) + 1}",
                text=cand.text,
                span=cand.span,
                kind=cand.kind,
                speaker=speaker_id,
                speaker_name=name,
                cue=article.body[cue_span[0] : cue_span[1]] if cue_span else None,
                cue_span=cue_span,
            )
        )
    return _drop_restatements(quotes)


def _same_speaker(a: Quote, b: Quote) -> bool:
    if a.speaker and b.speaker:
        return a.speaker == b.speaker
    return bool(a.speaker_name) and a.speaker_name == b.speaker_name


def _drop_restatements(quotes: list[Quote]) -> list[Quote]:
    """A speaker's stance reported inside their own reported words ("activists said they fear X",
    "tweeting support for X") is the same attribution as the report around it: one quote, the outer."""

    def inside(inner: Quote, outer: Quote) -> bool:
        return (
            inner is not outer
            and inner.cue_span is not None
            and outer.span[0] <= inner.cue_span[0]
            and outer.span[0] <= inner.span[0]
            and inner.span[1] <= outer.span[1]
        )

    kept = [
        q
        for q in quotes
        if q.kind == "direct" or not any(inside(q, o) and _same_speaker(q, o) for o in quotes)
    ]
    for i, q in enumerate(kept):  # ids stay dense and in text order
        q.id = f"{q.id.rsplit(':q', 1)[0]}:q{i + 1}"
    return kept


_FUNCTION_WORDS = frozenset(
    {
        "he",
        "she",
        "his",
        "her",
        "hers",
        "him",
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "they",
        "them",
        "their",
        "it",
        "its",
        "you",
        "your",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "own",
        "himself",
        "herself",
    }
)
_RELATIVE_TAIL = re.compile(r"[\s,]*\b(who|whom|whose|which|that)\s*$", re.IGNORECASE)


def _meaningful(phrase: str | None) -> str | None:
    """The phrase a speaker is introduced with, without a trailing relative word ("Mrs. Clinton, who"
    -> "Mrs. Clinton"); None when only pronouns are left ("he", "his", "her own"): those tell a reader
    nothing the name does not."""
    if not phrase:
        return None
    phrase = _RELATIVE_TAIL.sub("", phrase).strip(" ,")
    words = re.findall(r"\w+", phrase.lower())
    if not words or all(w in _FUNCTION_WORDS or w == "s" for w in words):
        return None
    return phrase


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _runs_into(phrase: str, content: str) -> bool:
    """Whether a speaker phrase holds the opening words of the quote's own content."""
    head = " ".join(re.findall(r"\w+", content.lower())[:3])
    return len(head.split()) == 3 and head in " ".join(re.findall(r"\w+", phrase.lower()))


# time words that end a speaker phrase ("Kerry on Wednesday said") say when, not who
_WHEN = frozenset(
    "on in at last this next early late night morning evening afternoon today tonight yesterday tomorrow "
    "monday tuesday wednesday thursday friday saturday sunday week weekend month year "
    "january february march april may june july august september october november december".split()
)


def _last_word(text: str) -> str:
    """The phrase's last word that is not a time expression (the head of the description)."""
    words = re.findall(r"\w+", text.lower())
    while words and (words[-1] in _WHEN or words[-1].isdigit()):
        words.pop()
    return words[-1] if words else ""


def _borrow(cand: Candidate, candidates: list[Candidate], resolved: dict):
    """The speaker of the attribution just before (or, failing that, just after) a quote with no cue."""

    def anchor(c: Candidate) -> int:
        return max(c.span[1], c.cue.idx if c.cue is not None else 0)

    before = [
        c
        for c in candidates
        if not c.inherit and anchor(c) <= cand.span[0] and cand.span[0] - anchor(c) < INHERIT_WINDOW
    ]
    if before:
        return resolved.get(id(max(before, key=anchor)))
    after = [
        c
        for c in candidates
        if c.kind == "direct"
        and not c.inherit
        and c.span[0] >= cand.span[1]
        and c.span[0] - cand.span[1] < 200
    ]
    return resolved.get(id(after[0])) if after else None
