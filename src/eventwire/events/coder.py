"""The event coder: match the pattern lexicon against each sentence's dependency parse.

For every verb (and event noun) whose lemma has patterns, the most specific pattern whose shape fits
wins; its source and target come from grammatical roles (`sides.py`), are coded as actors
(`resolve.py`), and the event gets its modality, date and place. Patterns are compiled once into dicts
keyed by lemma, so a sentence costs one dict lookup per token plus work only where a trigger is found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from eventwire import lexicon
from eventwire.events import dates, modality, patterns, sides
from eventwire.events.actorcode import UNKNOWN, Side
from eventwire.events.compose import FRAMES, compose
from eventwire.events.resolve import Resolver
from eventwire.model import Article, Event

DEFAULT_TARGET_PREPS = {
    "01": ("to", "about", "on"), "02": ("to", "on"), "03": ("with", "to"), "04": ("with", "to"),
    "05": ("with", "to", "for"), "06": ("with", "to"), "07": ("to", "for"), "08": ("to", "from"),
    "09": ("into", "of", "on"), "10": ("on", "from", "of", "to"), "11": ("of", "against", "for", "over", "about"),
    "12": ("of",), "13": ("with", "against", "to"), "14": ("against",), "15": ("against", "on", "along"),
    "16": ("with", "on", "against", "to", "from"), "17": ("on", "against", "from"), "18": ("on", "against"),
    "19": ("on", "against", "into", "at"), "20": ("on", "against"),
}  # fmt: skip
_WORD_DEPS = {
    "prt",
    "prep",
    "dobj",
    "xcomp",
    "advmod",
    "npadvmod",
    "acomp",
    "attr",
    "dative",
    "pobj",
    "compound",
}
_BULLETS = ("•", "|", "·")
_TARGET_ROOTS_NEEDED = {"01"}  # a bare statement with no addressee is not worth an event


@dataclass
class Candidate:
    trigger: Token
    pattern: patterns.Pattern
    code: str
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    obj: Token | None = None
    loc: Token | None = None
    frame: Token | None = None  # the intention/demand verb the event is embedded under


def noun_keys(tok: Token) -> list[str]:
    """Ways to name a noun for lookup, longest first: "air strikes" -> "air strike", "strike"."""
    lemma = tok.lemma_.lower()
    keys = []
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    if mods:
        words = [m.lower_ for m in mods]
        keys.append(" ".join(words + [lemma]))
        keys.append(" ".join(words[-1:] + [lemma]))
        keys.append(" ".join(words[-1:] + [tok.lower_]))
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    keys.append(f"{lemma} of {p.lemma_.lower()}")
    if tok.i + 1 < len(tok.doc) and tok.nbor(1).dep_ == "compound":
        pass
    keys.extend([tok.lower_, lemma])
    seen: list[str] = []
    for k in keys:
        if k not in seen:
            seen.append(k)
    return seen


class EventCoder:
    """Codes CAMEO events from a parsed article. Build once (patterns are validated and compiled here)."""

    def __init__(self, extra_patterns: list[str | Path] | tuple = ()):
        self.extra_patterns = list(extra_patterns or [])
        self.lexicon = patterns.load(self.extra_patterns)

    def coverage(self) -> dict:
        return self.lexicon.coverage()

    # -- entry point --------------------------------------------------------------------------
    def code(self, doc: Doc, article: Article, cast, places) -> list[Event]:
        resolver = Resolver(doc, cast, places)
        events: list[Event] = []
        seen: dict[tuple, Event] = {}
        for sent in doc.sents:
            if _skip_sentence(sent):
                continue
            for cand in self._candidates(sent):
                for ev in self._events(cand, sent, article, resolver):
                    key = (ev.source_code, ev.target_code, ev.code, ev.date)
                    if key in seen:
                        first = seen[key]
                        if ev.sentence != first.sentence and ev.sentence not in first.mentions:
                            first.mentions.append(ev.sentence)
                        if first.modality in ("claimed", "future") and ev.modality == "asserted":
                            first.modality, first.claimed_by = "asserted", None
                        continue
                    seen[key] = ev
                    events.append(ev)
        for n, ev in enumerate(events, 1):
            ev.id = f"{article.id}:e{n}"
        return events

    # -- finding triggers ---------------------------------------------------------------------
    def _candidates(self, sent: Span) -> list[Candidate]:
        found: dict[int, Candidate] = {}
        consumed: set[int] = set()
        for tok in sent:
            if tok.pos_ == "VERB" or tok.tag_.startswith("VB"):
                pats = self.lexicon.verbs.get(tok.lemma_.lower())
                if pats:
                    cand = self._match_verb(tok, pats)
                    if cand:
                        found[tok.i] = cand
                        if cand.obj is not None:
                            consumed.add(cand.obj.i)
        for tok in sent:
            if tok.i in found or tok.i in consumed or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if any(c.dep_ == "neg" or c.lower_ == "no" for c in tok.children):
                continue
            for key in noun_keys(tok):
                pats = self.lexicon.nouns.get(key)
                if pats:
                    found[tok.i] = Candidate(tok, pats[0], pats[0].code)
                    break
        self._compose(found)
        return sorted(found.values(), key=lambda c: c.trigger.i)

    def _match_verb(self, tok: Token, pats: list[patterns.Pattern]) -> Candidate | None:
        words: set[str] | None = None
        passive = sides.is_passive(tok)
        obj = None
        for c in tok.children:
            if c.dep_ == "dobj" or (passive and c.dep_ == "nsubjpass"):
                obj = c
                break
        obj_keys = set(noun_keys(obj)) if obj is not None else set()
        for pat in pats:
            prep_tok = None
            if pat.words:
                if words is None:
                    words = set()
                    for c in tok.children:
                        words.update((c.lower_, c.lemma_.lower()))
                        if c.dep_ in _WORD_DEPS:
                            for g in c.children:
                                words.update((g.lower_, g.lemma_.lower()))
                if not set(pat.words) <= words:
                    continue
                if pat.words[-1] in patterns.PREPOSITIONS:
                    prep_tok = next(
                        (
                            c
                            for c in tok.children
                            if c.dep_ in ("prep", "prt", "agent") and c.lower_ == pat.words[-1]
                        ),
                        None,
                    )
            if pat.objects:
                if obj is None or not (obj_keys & pat.objects):
                    continue
            if pat.prep:
                prep_tok = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in pat.prep), None)
                if prep_tok is None:
                    continue
            cand = Candidate(tok, pat, pat.code, obj=obj if pat.objects else None)
            if prep_tok is not None:
                cand.targets = sides.with_conjuncts(p) if (p := _pobj(prep_tok)) is not None else []
                if prep_tok.dep_ == "prt":
                    cand.targets = sides.direct_objects(tok)
            return cand
        return None

    def _compose(self, found: dict[int, Candidate]) -> None:
        """Re-code events embedded under intention/refusal/demand/threat verbs, and "will" + cooperation."""
        for cand in list(found.values()):
            tok = cand.trigger
            if tok.pos_ != "VERB":
                continue
            head = tok.head
            family = (
                FRAMES.get(head.lemma_.lower())
                if tok.dep_ in ("xcomp", "ccomp") and head.i != tok.i
                else None
            )
            if family and tok.dep_ == "ccomp" and family != "demand":
                family = None
            if family:
                new = compose(family, cand.code)
                if new:
                    cand.code = new
                cand.frame = head
                found.pop(head.i, None)
            elif any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in tok.children):
                new = compose("future", cand.code)
                if new:
                    cand.code = new

    # -- from a trigger to events -------------------------------------------------------------
    def _events(self, cand: Candidate, sent: Span, article: Article, resolver: Resolver) -> list[Event]:
        tok, pat = cand.trigger, cand.pattern
        root = cand.code[:2]
        preps = pat.target_preps or DEFAULT_TARGET_PREPS.get(root, ())
        if pat.nominal:
            src_toks, tgt_toks, reciprocal = self._noun_sides(tok, preps)
        else:
            src_toks, tgt_toks, reciprocal = self._verb_sides(cand, preps)
        if cand.frame is not None:
            frame_src = sides.subjects(cand.frame)
            if FRAMES.get(cand.frame.lemma_.lower()) == "demand":
                addressee = sides.direct_objects(cand.frame) or [
                    p for _, p in sides.prep_objects(cand.frame, ("on", "upon", "to"))
                ]
                if tok.dep_ == "ccomp":
                    addressee = addressee or [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
                if addressee:
                    tgt_toks = sides.with_conjuncts(addressee[0])
            if frame_src:
                src_toks = frame_src
        src = resolver.sides(src_toks)
        tgt = resolver.sides(tgt_toks)
        src_ids = {s.token for s in src}
        tgt = [t for t in tgt if t.token not in src_ids]
        # where it happened
        loc = sides.locative(tok) or (sides.locative(cand.obj) if cand.obj is not None else None)
        if loc is None and pat.nominal and tok.dep_ in ("dobj", "nsubjpass") and tok.head is not tok:
            loc = sides.locative(tok.head)
        if loc is None and cand.frame is not None:
            loc = sides.locative(cand.frame)
        loc_code, place_id = resolver.place_code(loc) if loc is not None else (None, None)
        place_name = _phrase_text(loc.head if loc.head.dep_ == "prep" else loc) if loc is not None else None
        # the locative rule: an event "in Syria" with no other target targets that state
        if not tgt and loc_code:
            tgt = [Side(None, loc_code, loc.i, "locative")]
        src, tgt = _domestic(src, tgt, loc_code)
        if not src and not tgt:
            return []
        if root in _TARGET_ROOTS_NEEDED and not tgt:
            return []
        if pat.nominal and not any(s.country != UNKNOWN for s in src + tgt):
            return []
        pairs: list[tuple[Side | None, Side | None]]
        if not tgt and (len(src) >= 2 or reciprocal):
            pairs = [(a, b) for a in src for b in src if a is not b and a.code != b.code]
        elif not src and len(tgt) >= 2 and reciprocal:
            pairs = [(a, b) for a in tgt for b in tgt if a is not b and a.code != b.code]
        else:
            pairs = [(a, b) for a in (src or [None]) for b in (tgt or [None])]
        pairs = [
            (a, b) for a, b in pairs if not (a and b and a.code == b.code and a.actor == b.actor and a.actor)
        ]
        mod = modality.analyse(tok)
        if (
            cand.frame is not None
            and mod.modality == "asserted"
            and FRAMES.get(cand.frame.lemma_.lower()) == "intent"
        ):
            mod.modality = "future"
        claimed_by = None
        if mod.claimed_by is not None:
            speaker = resolver.side(mod.claimed_by)
            claimed_by = speaker[0].actor if speaker else None
            if claimed_by is None and resolver.cast is not None:
                actor = resolver.cast.actor_of_token(mod.claimed_by)
                claimed_by = actor.id if actor else None
        date, basis = dates.resolve(tok, sent, article.published)
        info = lexicon.event_codes().get(cand.code, {})
        trigger_end = tok.idx + len(tok)
        if cand.obj is not None and cand.obj.i > tok.i:
            trigger_end = cand.obj.idx + len(cand.obj)
        out = []
        for a, b in pairs:
            conf = pat.confidence
            if a is None or b is None:
                conf *= 0.85
            for s in (a, b):
                if s is not None and s.evidence not in ("actors", "code_phrase"):
                    conf *= 0.95
            out.append(
                Event(
                    id="",
                    code=cand.code,
                    root=cand.code[:2],
                    source=a.actor if a else None,
                    target=b.actor if b else None,
                    source_code=a.code if a else None,
                    target_code=b.code if b else None,
                    quad_class=info.get("quad_class"),
                    goldstein=lexicon.goldstein_for(cand.code),
                    plover=lexicon.plover_for(cand.code),
                    date=date,
                    date_basis=basis,
                    place=place_id,
                    place_name=place_name,
                    modality=mod.modality,
                    claimed_by=claimed_by,
                    sentence=(sent.start_char, sent.end_char),
                    trigger=(tok.idx, trigger_end),
                    rule=pat.id,
                    confidence=round(min(1.0, max(0.0, conf)), 3),
                )
            )
        return out

    def _verb_sides(self, cand: Candidate, preps) -> tuple[list[Token], list[Token], bool]:
        tok = cand.trigger
        src = sides.subjects(tok)
        tgt = list(cand.targets)
        passive = sides.is_passive(tok)
        if not tgt:
            if cand.obj is not None:
                obj = cand.obj
                tgt = sides.dative(tok)
                if not tgt:
                    hits = sides.prep_objects(tok, preps) or sides.prep_objects(obj, tuple(preps) + ("of",))
                    tgt = sides.with_conjuncts(hits[0][1]) if hits else []
                if not tgt:
                    tgt = [c for c in obj.children if c.dep_ == "poss"]
                if not src:
                    src = [
                        c
                        for c in obj.children
                        if c.dep_ in ("poss", "amod", "compound") and c.pos_ in ("PROPN", "ADJ")
                    ]
            elif passive:
                tgt = [c for c in tok.children if c.dep_ == "nsubjpass"]
                tgt = sides.with_conjuncts(tgt[0]) if tgt else []
            else:
                tgt = sides.direct_objects(tok) or sides.dative(tok)
                if not tgt:
                    hits = sides.prep_objects(tok, preps)
                    tgt = sides.with_conjuncts(hits[0][1]) if hits else []
        if not tgt and cand.code[:2] in ("01", "10", "11", "12", "02"):
            tgt = sides.clause_subject(tok)
        if not tgt:
            for c in tok.children:
                if c.dep_ == "xcomp":
                    tgt = sides.direct_objects(c) or sides.dative(c)
                    if not tgt:
                        hits = sides.prep_objects(c, tuple(preps) + ("to", "with"))
                        tgt = sides.with_conjuncts(hits[0][1]) if hits else []
                    if tgt:
                        break
        between = [p for _, p in sides.prep_objects(tok, ("between", "among"))]
        if not tgt and between:
            return src, sides.with_conjuncts(between[0]), True
        return src, tgt, False

    def _noun_sides(self, tok: Token, preps) -> tuple[list[Token], list[Token], bool]:
        src: list[Token] = [c for c in tok.children if c.dep_ == "poss"]
        if not src:
            src = [
                c
                for c in tok.children
                if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i and c.pos_ in ("PROPN", "ADJ")
            ]
        by = [p for _, p in sides.prep_objects(tok, ("by",))]
        if by:
            src = sides.with_conjuncts(by[0])
        head = tok.head
        if not src and head.i != tok.i and head.pos_ in ("VERB", "AUX"):
            if tok.dep_ in ("dobj",):
                src = sides.subjects(head)
            elif tok.dep_ == "nsubjpass":
                src = sides.agent(head)
        between = [p for _, p in sides.prep_objects(tok, ("between", "among"))]
        if between:
            both = sides.with_conjuncts(between[0])
            if src:
                return src, both, False
            return [], both, True
        hits = sides.prep_objects(tok, preps)
        tgt = sides.with_conjuncts(hits[0][1]) if hits else []
        if not tgt and head.i != tok.i:
            if tok.dep_ == "nsubj" and head.pos_ == "VERB":
                tgt = sides.direct_objects(head)
            elif tok.dep_ in ("dobj", "nsubjpass"):
                hits = sides.prep_objects(head, preps)
                tgt = sides.with_conjuncts(hits[0][1]) if hits else []
        return src, tgt, False


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _phrase_text(tok: Token) -> str:
    toks = [t for t in tok.subtree if t.dep_ not in ("relcl",)]
    return tok.doc[toks[0].i : toks[-1].i + 1].text


def _skip_sentence(sent: Span) -> bool:
    """Lists of links (a headline ticker, a menu) are not prose: their "sentences" join unrelated items."""
    text = sent.text
    return sum(text.count(b) for b in _BULLETS) >= 2


def _domestic(src: list[Side], tgt: list[Side], loc_code: str | None) -> tuple[list[Side], list[Side]]:
    """A side named only by its role ("demonstrators", "police") belongs to the country where the
    event happened, else to the other side's country: news names the country once, not per side."""

    def fill(sides_: list[Side], other: list[Side]) -> list[Side]:
        out = []
        known = next(
            (
                o.country
                for o in other
                if o.country != UNKNOWN and not o.code.startswith(("IGO", "NGO", "IMG"))
            ),
            None,
        )
        for s in sides_:
            if s.code.startswith(UNKNOWN) and len(s.code) > 3 and s.actor is None:
                country = loc_code or known
                if country:
                    s = Side(s.actor, country + s.code[3:], s.token, s.evidence + " (domestic)")
            out.append(s)
        return out

    return fill(src, tgt), fill(tgt, src)
