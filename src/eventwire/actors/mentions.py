"""Actor mentions in a parsed article: names, known actors, seats of power, group and role phrases.

A mention is a run of tokens plus what the text says about it (its title, its coding). Names come from
the named-entity recogniser and from the lexicon of known actors (which also catches what the model
misses, such as "IS" or "ISIL"); common-noun actors ("Russian air forces", "protesters", "the top U.S.
diplomat") come from noun chunks whose head is a role noun of the lexicon.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventwire.actors.coding import GENERIC_TITLES, GROUP_HEADS, Coding, code_tokens, country_in, known_inside
from eventwire.actors.lexicon import KnownActor, Lexicon, norm
from eventwire.nlp import doc_text

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
_ACTING_DEPS = {"nsubj", "nsubjpass", "poss", "dobj", "dative", "agent", "iobj", "csubj"}
_ACTING_PREPS = {"from", "by", "with", "of", "to", "against", "between", "and", "for", "toward", "towards"}
_DETERMINERS = {"the", "a", "an"}


@dataclass
class Mention:
    start: int  # token index
    end: int  # token index, exclusive
    label: str  # PERSON ORG GPE NORP FAC LOC KNOWN SEAT GROUP DESC PRON
    text: str  # the surface name (without a leading "the" or a trailing "'s")
    head: int  # token index of the syntactic head
    coding: Coding = field(default_factory=Coding)
    known: KnownActor | None = None
    country: str | None = None  # for states and seats: the CAMEO country
    extra: list[int] = field(default_factory=list)  # title/apposition tokens that also refer to it
    entity: int | None = None  # id() of its entity, set by resolution

    @property
    def tokens(self) -> range:
        return range(self.start, self.end)


@functools.lru_cache(maxsize=8)
def _known_patterns(lex: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    """Two regexes over the lexicon's names, compiled once per lexicon: case-insensitive names (a hit
    must still hold a capital) and short upper-case acronyms that match only as written ("IS")."""

    def alternation(names) -> str:
        names = sorted(set(names), key=len, reverse=True)
        return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)

    insensitive = [*lex.known.keys(), *lex.seats.keys()]
    loose = re.compile(rf"(?<![\w-])(?:the\s+)?({alternation(insensitive)})(?![\w])", re.I)
    strict = re.compile(rf"(?<![\w-])({alternation(lex.case_sensitive.keys())})(?![\w])")
    return loose, strict


def _core(span: Span) -> tuple[int, int]:
    """Token range of a name without a leading article and a trailing possessive."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in _DETERMINERS:
        start += 1
    while end > start and span.doc[end - 1].text in ("'s", "'", "’s"):
        end -= 1
    return start, end


_PLACE_NAMED_NOUNS = {
    "exchange", "market", "bourse", "club", "team", "side", "firm", "company", "bank", "university", "school",
    "hospital", "airport", "zoo", "museum", "marathon", "office", "branch", "store", "restaurant", "hotel",
    "stadium", "port", "studio", "festival", "orchestra", "theatre", "theater", "newspaper",
}  # fmt: skip


def acting(tok: Token) -> bool:
    """A place name used as an actor: subject, object, possessor or agent, not a location."""
    dep = tok.dep_
    while dep == "conj" and tok.head.i != tok.i:
        tok = tok.head
        dep = tok.dep_
    if dep in _ACTING_DEPS:
        return True
    if dep == "pobj":
        return tok.head.lower_ in _ACTING_PREPS
    if dep in ("compound", "amod", "nmod"):  # "Kremlin spokesman": it stands for the government
        # "the London exchange", "a Paris club": a city naming a firm, a team or a venue is a place
        return tok.head.pos_ in ("NOUN", "PROPN") and tok.head.lemma_.lower() not in _PLACE_NAMED_NOUNS
    return False


def _known_matches(doc: Doc, lex: Lexicon) -> list[tuple[int, int, KnownActor | None, str | None]]:
    """(start, end, known actor, seat country) token ranges for lexicon names found in the text."""
    loose, strict = _known_patterns(lex)
    text = doc_text(doc)
    found: list[tuple[int, int, KnownActor | None, str | None]] = []
    for m in strict.finditer(text):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None:
            found.append((span.start, span.end, lex.case_sensitive[m.group(1)], None))
    for m in loose.finditer(text):
        surface = m.group(1)
        if not any(c.isupper() for c in surface):  # a proper name keeps its capitals
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None:
            continue
        key = norm(surface)
        known = lex.known.get(key)
        seat = None if known else lex.seats.get(key)
        found.append((span.start, span.end, known, seat))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out, last_end = [], -1
    for f in found:
        if f[0] >= last_end:
            out.append(f)
            last_end = f[1]
    return out


def _title_tokens(doc: Doc, start: int, end: int, chunks: dict[int, Span]) -> list[int]:
    """Tokens before a name inside its noun phrase ("Russian Foreign Minister" Sergei Lavrov)."""
    chunk = chunks.get(end - 1) or chunks.get(start)
    if chunk is not None and chunk.start < start:
        return [i for i in range(chunk.start, start) if doc[i].lower_ not in _DETERMINERS]
    # the parser sometimes leaves a long title out of the chunk ("U.S. Secretary of State Mary Cole")
    head = doc[start:end].root
    out: list[int] = []
    i = start - 1
    while i >= 0 and start - i <= 8 and not doc[i].is_punct and doc[i].pos_ not in ("VERB", "AUX"):
        tok = doc[i]
        if not (tok.head.i == head.i or any(a.i == head.i for a in tok.ancestors)):
            break
        out.append(i)
        i -= 1
    return [i for i in reversed(out) if doc[i].lower_ not in _DETERMINERS]


def _apposition_tokens(doc: Doc, head: Token, chunks: dict[int, Span]) -> list[int]:
    """A title in apposition: "X, Russia's foreign minister" or "his U.S. counterpart John Kerry"."""
    out: list[int] = []
    candidates = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        candidates.append(head.head)
    for c in candidates:
        if c.ent_type_ in ("PERSON", "GPE", "LOC") or c.pos_ not in ("NOUN", "PROPN"):
            continue
        chunk = chunks.get(c.i)
        lo, hi = (chunk.start, chunk.end) if chunk is not None else (c.i, c.i + 1)
        for child in c.children:  # "the foreign minister of France"
            if child.dep_ == "prep" and child.lower_ == "of" and child.i >= hi:
                hi = max(hi, min(child.right_edge.i + 1, child.i + 8))
        out.extend(
            i for i in range(lo, hi) if not (head.i - 8 < i <= head.i and doc[i].ent_type_ == "PERSON")
        )
    return out


def _country_after(head: Token, lex: Lexicon) -> Coding | None:
    """The country of a post-modifier: "Prime Minister Mark Daly of Canada", "Gen. Ann Hill of the
    U.S. Army" (a title before the name said the office, the phrase after it says whose)."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i <= head.i:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.right_edge.i - prep.i > 6:
            continue
        country, _ = country_in(list(head.doc[prep.i + 1 : obj.right_edge.i + 1]), lex)
        if country:
            return Coding(country=country, evidence=head.doc[prep.i : obj.right_edge.i + 1].text)
    return None


# "(R-Texas)", ", D-N.Y.,": the party and state tag US papers put after a member of Congress
_PARTY_TAG = re.compile(r"\s*[(,]\s*[RDI]-\s?[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\s*[),]")


def _us_party_tag(doc: Doc, end: int) -> Coding | None:
    """A US legislator marked by a party and state tag right after the name."""
    if end >= len(doc):
        return None
    start = doc[end].idx
    m = _PARTY_TAG.match(doc_text(doc), start)
    if m is None:
        return None
    return Coding(
        country="USA", role="LEG", families={"lawmaker", "legislator"}, evidence=m.group().strip(" ,")
    )


_HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "gen",
    "col",
    "lt",
    "maj",
    "capt",
    "sgt",
    "rev",
    "sen",
    "rep",
    "gov",
    "pres",
    "prof",
    "mister",
}
_NOT_NAMES = {"state", "shadow", "government", "parliament", "ministry", "department", "council", "court"}
_DOCUMENT_HEADS = {"charter", "convention", "treaty", "resolution", "agreement", "act", "accord", "protocol"}
_STRONG_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}


def _hyphen_start(doc: Doc, last: int, floor: int) -> int:
    """First token of the hyphenated word ending at `last` ("Kilroy", "-", "Silk" -> "Kilroy")."""
    first = last
    while first - 2 >= floor and doc[first - 1].text == "-" and not doc[first - 2].whitespace_:
        if doc[first - 1].whitespace_:
            break
        first -= 2
    return first


def _place_words(doc: Doc) -> set[str]:
    """First words of names the recogniser reads as places ("Homs province"): such a word alone is no
    person or organisation in this article."""
    return {e.text.split()[0].lower() for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC") and e.text}


_ACTOR_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "agent", "dative", "attr", "appos"}


def _lexicon_people(doc: Doc, lex: Lexicon, ents: list[Span]) -> tuple[list[Span], set[str]]:
    """Names of the people lexicon the recogniser missed or took for a place ("Ocalan" as GPE, "Modi"
    as nothing): PERSON spans, so the lexicon can code them. Never a country or seat name. Also returns
    the words made people, which are then no place words of this article."""
    out: list[Span] = []
    made: set[str] = set()
    covered: set[int] = set()
    for e in ents:
        key = norm(e.text)
        if e.label_ in ("GPE", "NORP", "LOC") and key in lex.people and not lex.country_of(e.text):
            if key not in lex.seats:
                e = Span(doc, e.start, e.end, label="PERSON")
                made.add(e.text.split()[0].lower())
        out.append(e)
        covered.update(range(e.start, e.end))
    for tok in doc:
        if tok.i in covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            continue
        if tok.dep_ not in _ACTOR_DEPS and not (tok.dep_ == "conj" and tok.head.ent_type_ == "PERSON"):
            continue  # a surname in a list of players ("Douglas, Blair, Stewart") is nobody's alias
        if norm(tok.text) in lex.people and not lex.country_of(tok.text) and norm(tok.text) not in lex.seats:
            out.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
            made.add(tok.lower_)
    return out, made


class _Finder:
    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.chunks: dict[int, Span] = {}
        self.noun_chunks = list(doc.noun_chunks) if doc.has_annotation("DEP") else []
        for ch in self.noun_chunks:
            for i in range(ch.start, ch.end):
                self.chunks[i] = ch
        self.taken = [False] * len(doc)
        self.mentions: list[Mention] = []
        self.places = _place_words(doc)
        self.known_at: dict[int, KnownActor] = {}

    def claim(self, start: int, end: int) -> bool:
        if any(self.taken[start:end]):
            return False
        for i in range(start, end):
            self.taken[i] = True
        return True

    def run(self) -> list[Mention]:
        ents, made = _lexicon_people(
            self.doc, self.lex, [e for e in self.doc.ents if e.label_ in NAME_LABELS]
        )
        self.places -= made
        # a country or demonym the recogniser calls a person or organisation ("Ugandan") is a state
        statelike = {id(e) for e in ents if e.label_ in ("PERSON", "ORG") and self.lex.country_of(e.text)}
        self.known_names(ents)
        self.names([e for e in ents if e.label_ == "PERSON" and id(e) not in statelike])
        self.surnames()
        self.names([e for e in ents if e.label_ == "ORG" and id(e) not in statelike])
        self.common_nouns()
        self.names([e for e in ents if e.label_ not in ("PERSON", "ORG") or id(e) in statelike])
        self.mentions.sort(key=lambda m: m.start)
        return self.mentions

    # 1. names from the lexicon (known actors, seats of power), extended to "the IS group"
    def known_names(self, ents: list[Span]) -> None:
        doc, lex, chunks = self.doc, self.lex, self.chunks
        ent_at = {i: e for e in ents for i in range(e.start, e.end)}
        for start, end, known, seat in _known_matches(doc, lex):
            head = doc[start:end].root
            ent = ent_at.get(start) or ent_at.get(end - 1)
            if ent is not None:
                core = _core(ent)
                outside = [t for t in doc[core[0] : core[1]] if not start <= t.i < end]
                if outside and any(t.text[:1].isupper() for t in outside):
                    continue  # "U.S. State Department": the longer name is the actor
            if seat and not acting(head) and (head.ent_type_ in ("GPE", "LOC") or lex.country_of(head.text)):
                continue  # a capital used as a place: geo's business, not an actor
            if seat and not acting(head) and doc[start].ent_type_ in ("GPE", "LOC"):
                continue
            chunk = chunks.get(end - 1)
            text = doc[start:end].text
            ext_end = end
            if chunk is not None and chunk.root.i >= end and chunk.root.lower_ in GROUP_HEADS:
                ext_end = chunk.root.i + 1
                lo = chunk.start if chunk.start < start else start
                text = doc[lo:ext_end].text
                start = lo
            if not self.claim(start, ext_end):
                continue
            label = "SEAT" if seat else "KNOWN"
            m = Mention(start, ext_end, label, text, doc[start:ext_end].root.i, known=known)
            if seat:
                m.country = seat
                m.coding = Coding(country=seat, role="GOV", kind="state", evidence=f"seat of power: {text}")
            elif known is not None:
                for i in range(start, ext_end):
                    self.known_at[i] = known
            self.mentions.append(m)

    # 2. named entities
    def names(self, ents: list[Span]) -> None:
        doc, lex, taken = self.doc, self.lex, self.taken
        for ent in ents:
            start, end = _core(ent)
            if ent.label_ == "PERSON":  # "Archbishop Desmond Tutu": the title is not part of the name
                while end - start > 1 and (
                    doc[start].lower_.rstrip(".") in _HONORIFICS or doc[start].lower_ in lex.titles
                ):
                    start += 1
            if start >= end or any(taken[start:end]):
                continue
            text = doc[start:end].text
            head = doc[start:end].root
            label = ent.label_
            country = lex.country_of(text)
            seat = lex.seats.get(norm(text))
            one_word = end - start == 1
            if label in ("GPE", "LOC", "FAC") and not country:
                if seat and acting(head):
                    label = "SEAT"
                elif head.dep_ not in _STRONG_DEPS:
                    continue
            if label in ("PERSON", "ORG") and one_word and text.lower() in self.places and not country:
                continue
            if not text[:1].isalpha() or (label == "PERSON" and not text[:1].isupper()):
                continue  # "$280bn" read as a person
            if label == "ORG" and one_word and (text.lower() in lex.titles or text.lower() in _NOT_NAMES):
                continue  # "State", "Secretary": pieces of a title, not organisations
            if label in ("ORG", "FAC", "LOC") and head.lower_ in _DOCUMENT_HEADS:
                continue
            if label == "NORP" and not country:
                if head.tag_ not in ("NNPS", "NNS") and not head.dep_.startswith("nsubj"):
                    continue
            if label in ("ORG", "PERSON") and country:
                label = "GPE"
            m = Mention(start, end, label, text, head.i)
            if label in ("GPE", "NORP") and country:
                m.country = country
            elif label == "SEAT":
                m.country = seat
                m.coding = Coding(country=seat, role="GOV", kind="state", evidence=f"seat of power: {text}")
            else:
                context = _title_tokens(doc, start, end, self.chunks)
                appos = _apposition_tokens(doc, head, self.chunks)
                if label == "PERSON":
                    # an organisation named in the title stays its own actor ("State Department" spokesman)
                    m.extra = [i for i in context + appos if not taken[i] and doc[i].ent_type_ != "ORG"]
                    own = code_tokens([doc[i] for i in context], lex) if context else Coding()
                else:
                    m.extra = [i for i in appos if not taken[i]]
                    own = code_tokens([doc[i] for i in context] + list(doc[start:end]), lex)
                if appos:
                    affiliate = next((self.known_at[i] for i in appos if i in self.known_at), None)
                    affiliate = affiliate or known_inside([doc[i] for i in appos], lex)
                    if affiliate is not None and affiliate.kind == "armed_group" and label != "PERSON":
                        own = Coding(known=affiliate, evidence=doc[appos[0] : appos[-1] + 1].text)
                    else:
                        own = own.merged_with(code_tokens([doc[i] for i in appos], lex))
                        if affiliate is not None and not own.country:  # "X, the UN relief coordinator"
                            own.known = affiliate
                            own.evidence = doc[appos[0] : appos[-1] + 1].text
                if label == "PERSON" and not own.country:
                    own = own.merged_with(
                        _country_after(head, lex)
                        or _us_party_tag(doc, end)
                        or self._party_title(context, own)
                    )
                if label != "PERSON" and own.code is None:
                    inside = known_inside(list(doc[start:end]), lex)
                    if inside is not None:
                        own = Coding(known=inside, evidence=f"{text} (part of {inside.name})")
                m.coding = own
                for i in m.extra:
                    taken[i] = True
            taken[start:end] = [True] * (end - start)
            self.mentions.append(m)

    def _party_title(self, context: list[int], own: Coding) -> Coding | None:
        """ "Labour leader Tom Hale", "U.N. official Ann Cole": a named party or organisation in the
        title says whose the office is. A generic office of a party ("leader", "spokesman") is a party
        role (PTY); a state office keeps its own role ("Labour Prime Minister" is GOV)."""
        known = next((self.known_at[i] for i in context if i in self.known_at), None)
        if known is None:
            return None
        evidence = f"{own.evidence or ''} ({known.name})".strip()
        if known.code[:3] not in self.lex.country_label:  # an international body: its own code
            return Coding(known=known, evidence=evidence)
        role = own.role
        if known.code[3:6] and (role is None or own.title in GENERIC_TITLES):
            role = known.code[3:6]
            own.role = None  # the body's role replaces the generic one the title word gave
        return Coding(country=known.code[:3], role=role, evidence=evidence)

    def surnames(self) -> None:
        """A surname the recogniser missed or mislabelled ("Cole" as PRODUCT) after "Mary Cole"; a
        hyphenated surname ("Kilroy-Silk", three tokens) is matched whole."""
        doc, taken = self.doc, self.taken
        known: dict[str, set[str]] = {}  # last token -> whole surnames ending with it
        for m in self.mentions:
            if m.label == "PERSON" and m.end - m.start >= 2:
                first = _hyphen_start(doc, m.end - 1, m.start + 1)
                known.setdefault(doc[m.end - 1].text, set()).add(doc[first : m.end].text)
        if not known:
            return
        strings = doc.vocab.strings
        for i, word in enumerate(strings[h] for h in doc.to_array("ORTH")):
            if word not in known or taken[i]:
                continue
            tok = doc[i]
            first = _hyphen_start(doc, i, 0)
            if tok.pos_ == "PROPN" and doc[first : i + 1].text in known[word] and not any(taken[first:i]):
                for j in range(first, i + 1):
                    taken[j] = True
                self.mentions.append(Mention(first, i + 1, "PERSON", doc[first : i + 1].text, tok.i))

    def _country_of_taken(self, start: int, end: int) -> str | None:
        """Country of a name already found inside a phrase: a titled person or a known person."""
        for m in self.mentions:
            if m.start < end and m.end > start and m.label == "PERSON":
                if m.coding.country:
                    return m.coding.country
                fallback = self.lex.people.get(norm(m.text))
                if fallback is not None and fallback.code[:3] in self.lex.country_label:
                    return fallback.code[:3]
        return None

    # 3. common-noun actors: groups, bodies and role descriptions, heads of chunks or possessors in them
    def common_nouns(self) -> None:
        doc, lex, taken = self.doc, self.lex, self.taken
        heads = _head_words(lex)
        pos = doc.to_array("POS")
        noun, propn = doc.vocab.strings["NOUN"], doc.vocab.strings["PROPN"]
        for i, word in enumerate(_lower_words(doc)):
            if word not in heads or taken[i] or pos[i] not in (noun, propn):
                continue
            root = doc[i]
            if root.ent_type_ in _NOT_ACTOR_ENTS or root.ent_type_ in NAME_LABELS:
                continue
            chunk = self.chunks.get(root.i)
            if chunk is not None and chunk.root.i == root.i:
                start = chunk.start
            elif root.dep_ == "poss" or (chunk is None and root.dep_ in ("nsubj", "dobj", "pobj")):
                start = root.left_edge.i
            else:
                continue
            end = root.i + 1
            owner_country = None
            if any(taken[start:end]):
                owner_country = self._country_of_taken(start, end)  # "the Assad regime" -> SYR
                start = max(i for i in range(start, end) if taken[i]) + 1
            while start < root.i and (
                doc[start].lower_ in _DETERMINERS or doc[start].is_punct or doc[start].text in ("'s", "s")
            ):
                start += 1
            end = _title_with_of(doc, root, end, lex)  # "the leader of the opposition" is one title
            words = list(doc[start:end])
            coding = code_tokens(words, lex)
            if coding.role is None:
                continue
            if not coding.country and owner_country and coding.kind != "person":
                coding.country = owner_country
                coding.evidence = doc[root.left_edge.i : end].text
            label = "DESC" if coding.kind == "person" and not coding.plural else "GROUP"
            for child in root.children:  # "the foreign minister of France", "security forces in Guinea"
                # ("officials from Austria": the named origin beats any later fallback to the context)
                if child.dep_ == "prep" and child.lower_ in ("of", "in", "from") and not coding.country:
                    if child.lower_ == "in" and label == "DESC":
                        continue
                    place = [t for t in child.subtree if t.i != child.i][:4]
                    coding.country, _ = country_in(place, lex)
            nxt = doc[root.i + 1] if root.i + 1 < len(doc) else None
            if not coding.country and nxt is not None and nxt.lower_ == "from" and nxt.dep_ == "prep":
                # "received officials from Lithuania": the parser may hang the origin on the verb
                coding.country, _ = country_in([t for t in nxt.subtree if t.i != nxt.i][:4], lex)
            if start > 0 and doc[start - 1].lower_ == "the" and not taken[start - 1]:
                start -= 1  # "the top U.S. diplomat": the article is part of the description
            self.claim(start, end)
            self.mentions.append(Mention(start, end, label, doc[start:end].text, root.i, coding=coding))


def _title_with_of(doc: Doc, root: Token, end: int, lex: Lexicon) -> int:
    """End of a title written with "of" ("leader of the opposition", "chief of staff") when the lexicon
    has it whole; else `end` unchanged."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return end
    for stop in range(end + 2, min(len(doc), end + 5) + 1):
        words = [root.lower_, "of", *(t.lower_ for t in doc[end + 1 : stop])]
        bare = [w for w in words if w not in _DETERMINERS]
        if " ".join(words) in lex.titles or " ".join(bare) in lex.titles:
            return stop
    return end


_NOT_ACTOR_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}


def _lower_words(doc: Doc) -> list[str]:
    """Lower-case words by token index, without building a Token object per word."""
    strings = doc.vocab.strings
    return [strings[h] for h in doc.to_array("LOWER")]


@functools.lru_cache(maxsize=8)
def _head_words(lex: Lexicon) -> frozenset[str]:
    """Last words of every title, group and body phrase: only such a word can head an actor phrase."""
    words = set()
    for table in (lex.titles, lex.groups, lex.bodies):
        for phrase in table:
            words.add(phrase.split()[-1])
    return frozenset(words | {w.replace("defense", "defence") for w in words})


def find_mentions(doc: Doc, lex: Lexicon) -> list[Mention]:
    """Every actor mention of the article, in text order, no two sharing a token."""
    return _Finder(doc, lex).run()
