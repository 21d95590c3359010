"""Direct and partial quotes: the quoted stretches of the body with the cue that attributes them.

For each stretch the attribution is looked for in the words of its own sentence outside the marks:
first before it ("Putin said: "...""), then after it (""...," he added."). A quote broken by its
attribution (""We must," he said, "act now."") becomes one quote whose text joins the pieces.
A short fragment woven into narrative (expressed "grave concerns") is a partial quote of the
subject of the verb that governs it; with no such verb it is a scare quote and is left out.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.quotes.candidate import Candidate, TokenIndex
from eventwire.quotes.cues import is_speech_verb
from eventwire.quotes.marks import Segment, paragraphs
from eventwire.quotes.syntax import SENT_END, attribution_after, find_cue, governing_cue, subject_of

MAX_ATTRIBUTION_TOKENS = (
    40  # an attribution after a quote, appositions included ("X, a former aide to Y, said")
)
_ENDS_UTTERANCE = re.compile(r"[.,!?;:\u2026\u2014-]\s*['\u2019]?\s*.$", re.S)


@dataclass
class _Seg:
    seg: Segment
    pre: list[Token]  # words of its sentence before the opening mark
    post: list[Token]  # words of its sentence after the closing mark
    cue: tuple[Token, int, Token | None] | None = None
    kind: str = "direct"


def _straddling(index: TokenIndex, end: int) -> list[Token]:
    """The token glued over a closing mark (",”Clinton said": no space after the mark), if any."""
    tok = index.at(end - 1)
    if (
        tok is not None
        and tok.idx < end < tok.idx + len(tok.text)
        and tok.text[end - tok.idx :][:1].isalpha()
    ):
        return [tok]
    return []


def _words(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if not t.is_space]


def _cut_pre(tokens: list[Token]) -> list[Token]:
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].text in SENT_END:
            return tokens[k + 1 :]
    return tokens


def _cut_post(tokens: list[Token]) -> list[Token]:
    for k, t in enumerate(tokens):
        if t.text in SENT_END:
            return tokens[:k]
    return tokens


def _is_partial(body: str, pre: list[Token], seg: Segment) -> bool:
    """A fragment woven into a sentence, not an utterance introduced by a cue."""
    if not pre:
        return False
    last = pre[-1]
    if last.text in (":", ",", "\u2014", "\u2013", "-", "(") or is_speech_verb(last):
        return False
    if last.lower_ == "that" and len(pre) > 1 and is_speech_verb(pre[-2]):
        return False
    first = body[seg.start + 1 : seg.start + 3].lstrip("(['\u2018 ")
    return not (first[:1].isupper() and seg.words(body) >= 6)


def _ends_like_utterance(body: str, seg: Segment) -> bool:
    return seg.closed is False or _ENDS_UTTERANCE.search(body[seg.start : seg.end]) is not None


def find_direct(body: str, index: TokenIndex, segments: list[Segment], quoted: set[int]) -> list[Candidate]:
    paras = paragraphs(body)
    para_starts = [p[0] for p in paras]

    def para_of(char: int) -> tuple[int, int]:
        return paras[max(0, bisect.bisect_right(para_starts, char) - 1)]

    infos: list[_Seg] = []
    for n, seg in enumerate(segments):
        p0 = para_of(seg.start)
        p1 = para_of(max(seg.start, seg.end - 1))
        prev_end = segments[n - 1].end if n > 0 else 0
        # a short quoted name inside the attribution ("X, wearing "Ted Cruz" pins, said") does not end it
        later = [s for s in segments[n + 1 :] if s.words(body) > 4]
        next_start = later[0].start if later else len(body)
        pre = _cut_pre(_words(index.between(max(prev_end, p0[0]), seg.start)))
        post = _cut_post(_words(_straddling(index, seg.end) + index.between(seg.end, min(next_start, p1[1]))))
        infos.append(_Seg(seg, pre, post))

    for info in infos:
        info.kind = "partial" if _is_partial(body, info.pre, info.seg) else "direct"
        if info.kind == "direct":
            info.cue = _cue_for(body, info, quoted)
    return _assemble(body, index, infos, para_of, quoted)


def _colon_verb(pre: list[Token], quoted: set[int]) -> tuple[Token, int, Token | None] | None:
    """ "Rubio fired back forcefully: "..."": the clause before a colon introduces the quote."""
    if len(pre) < 2 or pre[-1].text != ":":
        return None
    node = pre[-2]
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") and node.i not in quoted:
            speaker = subject_of(node, quoted)
            return (node, node.idx + len(node.text), speaker) if speaker is not None else None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _cue_for(body: str, info: _Seg, quoted: set[int]) -> tuple[Token, int, Token | None] | None:
    before = _colon_verb(info.pre, quoted) or (
        find_cue(info.pre, backwards=True, exclude=quoted) if info.pre else None
    )
    if before is not None:
        return before
    after = attribution_after(info.post[:MAX_ATTRIBUTION_TOKENS], exclude=quoted)
    if after is None:
        return _governing(info, quoted)
    cue = after[0]
    # "... ." Smith said that ...": a new reported clause, not this quote's attribution
    if body[info.seg.end - 2 : info.seg.end - 1] in SENT_END and any(
        c.dep_ == "ccomp" and c.idx >= info.seg.end for c in cue.children
    ):
        return None
    return after


def _governing(info: _Seg, quoted: set[int]) -> tuple[Token, int, Token | None] | None:
    """ "Ryan says no matter what action Obama takes, "his word does not trump ..."": a verb of
    saying that governs the quote in the tree, before it in its sentence, across a clause of its own."""
    if not info.pre:
        return None
    doc = info.pre[0].doc
    tokens = [t for t in doc[info.pre[-1].i + 1 :] if t.idx < info.seg.end]
    verb = governing_cue(tokens)
    if verb is None or verb.i in quoted or verb.idx >= info.seg.start or not is_speech_verb(verb):
        return None
    if verb.sent.start != tokens[0].sent.start:
        return None
    speaker = subject_of(verb, quoted)
    return (verb, verb.idx + len(verb.text), speaker) if speaker is not None else None


def _colon_intro(
    body: str, index: TokenIndex, seg: Segment, para_of, quoted: set[int]
) -> tuple[Token, int, Token | None] | None:
    """A quote opening its paragraph after one ending in a colon: "Trump said in a statement:"."""
    p = para_of(seg.start)
    if seg.start != p[0] or p[0] == 0:
        return None
    prev = para_of(p[0] - 2)
    if prev == p or not body[prev[0] : prev[1]].rstrip().endswith(":"):
        return None
    return find_cue(_cut_pre(_words(index.between(prev[0], prev[1]))), backwards=True, exclude=quoted)


def _assemble(body: str, index: TokenIndex, infos: list[_Seg], para_of, quoted: set[int]) -> list[Candidate]:
    out: list[Candidate] = []
    k = 0
    while k < len(infos):
        info = infos[k]
        seg = info.seg
        if info.kind == "partial":
            cand = _partial(body, index, seg, quoted)
            if cand is not None:
                out.append(cand)
            k += 1
            continue
        pieces = [seg]
        cue = info.cue
        while k + 1 < len(infos) and _continues(body, index, infos[k], infos[k + 1], para_of):
            k += 1
            pieces.append(infos[k].seg)
            cue = cue or infos[k].cue or _gap_cue(index, infos[k - 1].seg, infos[k].seg, quoted)
        k += 1
        cue = cue or _colon_intro(body, index, seg, para_of, quoted)
        last = pieces[-1]
        if (
            cue is None
            and len(pieces) == 1
            and (not _ends_like_utterance(body, last) or looks_like_title(body[seg.start : seg.end]))
        ):
            continue  # a title or scare quote with no attribution
        text = " ".join(body[p.start : p.end] for p in pieces)
        cand = Candidate(span=(seg.start, last.end), text=text, kind="direct", via="direct")
        if cue is not None:
            cand.cue, cand.cue_end, cand.speaker = cue
        else:
            # "When Trump finally wrapped up -- "..." --": the subject of the words before it
            subjects = [t for t in info.pre if t.dep_ in ("nsubj", "nsubjpass") and t.i not in quoted]
            if subjects and subjects[-1].lower_ not in ("it", "there"):
                cand.speaker = subjects[-1]
            else:
                cand.inherit = True
        out.append(cand)
    return out


def _gap_cue(
    index: TokenIndex, a: Segment, b: Segment, quoted: set[int]
) -> tuple[Token, int, Token | None] | None:
    return attribution_after(_words(index.between(a.end, b.start)), exclude=quoted)


def _continues(body: str, index: TokenIndex, a: _Seg, b: _Seg, para_of) -> bool:
    """Is b the rest of a, broken only by an attribution ("...," he said, "...")?"""
    if b.kind != "direct" or para_of(a.seg.end - 1) != para_of(b.seg.start):
        return False
    gap = _words(index.between(a.seg.end, b.seg.start))
    if len(gap) > MAX_ATTRIBUTION_TOKENS:
        return False
    words = [t for t in gap if not t.is_punct]
    if not words:
        return True
    if attribution_after(gap) is None:
        return False
    return attribution_after(b.post[:MAX_ATTRIBUTION_TOKENS]) is None  # b has its own speaker: a new quote


def looks_like_title(text: str) -> bool:
    """A name, title or handle in quotation marks ("Morning Joe", "The Nightly Show", "JebBush"),
    not words someone said: every word capitalized, or one token with digits or inner capitals."""
    words = [w.strip("'\u2019") for w in re.findall(r"[\w'\u2019-]+", text)]
    words = [w for w in words if w]
    if not words:
        return True
    if len(words) == 1 and (re.search(r"\d", words[0]) or re.search(r"[a-z][A-Z]", words[0])):
        return True
    small = {"of", "the", "and", "a", "an", "in", "on", "for", "with", "to", "at", "by"}
    return len(words) <= 6 and all(w[0].isupper() or w.lower() in small for w in words) and len(words) > 1


def _partial(body: str, index: TokenIndex, seg: Segment, quoted: set[int]) -> Candidate | None:
    if looks_like_title(body[seg.start : seg.end]):
        return None
    tokens = [t for t in index.between(seg.start, seg.end) if t.idx < seg.end]
    verb = governing_cue(tokens)
    if verb is None:
        return None
    text = body[seg.start : seg.end]
    cand = Candidate(span=(seg.start, seg.end), text=text, kind="partial", via="partial")
    cand.cue = verb
    cand.cue_end = verb.idx + len(verb.text)
    # "what is called a "debate"", "best known for his "senior correspondent" role": a passive cue
    # with no agent has no speaker in the text
    passive = any(c.dep_ == "auxpass" for c in verb.children) and not any(
        c.dep_ == "agent" for c in verb.children
    )
    cand.speaker = None if passive else subject_of(verb, quoted)
    return cand
