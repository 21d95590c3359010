"""Toponym recognition: which phrases of the article name places.

Two sources: spaCy's GPE/LOC/FAC entities, and capitalised word runs that match a gazetteer name the model
missed or mislabelled ("Homs" tagged ORG). A run is taken only when the sentence supports it (a locative
preposition, a "City, State" qualifier, a "province"/"county" word) or the place is big or a country or
region, and never when the actors stage made it a person. Common words that are also place names
("Reading", "Mobile") need both a location entity and a locative cue.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventwire.geo.gazetteer import PRIMARY, Gazetteer
from eventwire.geo.names import key
from eventwire.lexicon import path as lexicon_path
from eventwire.nlp import doc_text

PLACE_LABELS = ("GPE", "LOC", "FAC")
LOCATIVE = {
    "in",
    "at",
    "near",
    "from",
    "to",
    "into",
    "across",
    "outside",
    "inside",
    "around",
    "throughout",
    "toward",
    "towards",
    "via",
    "through",
    "within",
    "between",
    "outskirts",
    "onto",
    "over",
    "along",
    "off",
    "beyond",
    "visit",
    "visited",
    "visiting",
    "reach",
    "reached",
    "arrived",
    "left",
    "entered",
    "bombed",
    "captured",
}
# nouns after which "of X" places X ("the provinces of Homs", "north of Aleppo", "the city of London")
PLACE_NOUNS = {
    "city",
    "cities",
    "town",
    "towns",
    "village",
    "villages",
    "province",
    "provinces",
    "state",
    "states",
    "region",
    "regions",
    "county",
    "counties",
    "district",
    "districts",
    "capital",
    "outskirts",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "suburbs",
    "center",
    "centre",
    "heart",
    "streets",
    "people",
    "residents",
    "governorate",
    "municipality",
    "area",
    "areas",
    "part",
    "parts",
    "port",
    "island",
    "islands",
    "republic",
    "kingdom",
    "mayor",
    "governor",
    "premier",
}
TYPE_WORDS = {
    "province": "ADM1",
    "provinces": "ADM1",
    "state": "ADM1",
    "region": "ADM1",
    "governorate": "ADM1",
    "oblast": "ADM1",
    "prefecture": "ADM1",
    "territory": "ADM1",
    "county": "ADM2",
    "district": "ADM2",
    "city": "PPL",
    "town": "PPL",
    "village": "PPL",
    "township": "PPL",
    "municipality": "PPL",
}
DIRECTIONS = {
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "upper",
    "lower",
    "greater",
    "downtown",
    "rural",
    "coastal",
}


@functools.lru_cache(maxsize=8)
def _word_list(name: str) -> frozenset[str]:
    lines = lexicon_path(name).read_text(encoding="utf-8").splitlines()
    return frozenset(key(w) for w in lines if w.strip() and not w.startswith("#"))


def common_words() -> frozenset[str]:
    return _word_list("geo_common_words.txt")


def person_names() -> frozenset[str]:
    return _word_list("geo_person_names.txt")


@dataclass
class Mention:
    """A phrase that may name a place, with the clues the resolver weighs."""

    start: int  # char offsets into the body
    end: int
    text: str
    i: int  # token range
    j: int
    label: str | None  # spaCy entity label, None for a gazetteer match outside entities
    cands: list[tuple[int, int]]  # (gazetteer row, name kind)
    cue: bool = False  # a locative preposition or "city of" places it
    type_feature: str | None = None  # ADM1/ADM2/PPL from "X province", "X County", "city of X"
    qualifier: Mention | None = None  # "Paris, Ky." -> the mention of "Ky."
    fuzzy: bool = False
    extra: dict = field(default_factory=dict)


def _is_cap(tok: Token) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop a leading "the" and a trailing possessive or punctuation from an entity."""
    while tokens and (tokens[0].lower_ in ("the", "a") or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].lower_ in ("'s", "’s", "'", "’") or tokens[-1].is_punct and tokens[-1].text != "."
    ):
        tokens = tokens[:-1]
    return tokens


def _text(doc: Doc, tokens: list[Token]) -> tuple[int, int, str]:
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    if tokens[-1].text.endswith(".") and len(tokens[-1].text) > 1 and not _abbrev_with_dot(tokens[-1].text):
        end -= 1  # "Syria." at a sentence end: the period is not part of the name
    return start, end, doc_text(doc)[start:end]


def _abbrev_with_dot(text: str) -> bool:
    return text.count(".") >= 2 or len(text) <= 5  # "U.S.", "Ky.", "Calif." keep their dots


_WHEN = ("DATE", "TIME")  # "Thursday's Sun": a date the recogniser found is no place (Thursday Island)
DATELINE_DASHES = {"—", "–", "-", "--", ":", "(", ","}


def _is_dateline(doc: Doc, i: int, j: int) -> bool:
    """An all-capitals place opening a paragraph, before a dash ("BANTAM — A mason was...")."""
    if not all(t.text.isupper() for t in doc[i:j] if t.is_alpha):
        return False
    if i > 0 and "\n" not in doc[i - 1].text_with_ws and "\n" not in doc[i - 1].whitespace_:
        return False
    return j < len(doc) and doc[j].text in DATELINE_DASHES


STRONG, WEAK, NO = 2, 1, 0


class Recognizer:
    def __init__(self, gaz: Gazetteer, min_scan_population: int = 20000):
        self.gaz = gaz
        self.min_scan_population = min_scan_population

    # ------------------------------------------------------------------------------------------
    def find(self, doc: Doc, cast=None) -> list[Mention]:
        taken: set[int] = set()
        mentions: list[Mention] = []
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                for m in self._from_entity(doc, ent):
                    if not taken.intersection(range(m.i, m.j)):
                        mentions.append(m)
                        taken.update(range(m.i, m.j))
        ent_of = {t.i: e for e in doc.ents for t in e}
        mentions += self._scan(doc, taken, ent_of)
        mentions += self._hyphen_prefixes(doc, taken | {t for m in mentions for t in range(m.i, m.j)})
        mentions.sort(key=lambda m: m.i)
        mentions = [self._extend(doc, m, mentions) for m in mentions]
        for m in mentions:
            self._clues(doc, m)
        self._qualifiers(doc, mentions)
        status = [self._status(doc, m, ent_of, cast) for m in mentions]
        # one sense per discourse: a name that is surely a place here makes its weaker mentions places too
        established = {key(m.text) for m, st in zip(mentions, status, strict=True) if st == STRONG}
        return [
            m
            for m, st in zip(mentions, status, strict=True)
            if st == STRONG or (st == WEAK and key(m.text) in established)
        ]

    def _from_entity(self, doc: Doc, ent: Span) -> list[Mention]:
        tokens = _trim(list(ent))
        if not tokens:
            return []
        # "Edmonton, Alberta" tagged as one entity: each side is its own toponym
        if any(t.text == "," for t in tokens):
            out, part = [], []
            for t in [*tokens, None]:
                if t is None or t.text == ",":
                    if part:
                        out += self._entity_part(doc, _trim(part), ent.label_)
                    part = []
                else:
                    part.append(t)
            return out
        return self._entity_part(doc, tokens, ent.label_)

    def _entity_part(self, doc: Doc, tokens: list[Token], label: str) -> list[Mention]:
        if not tokens:
            return []
        primary_only = label == "FAC"
        m = self._mention(doc, tokens, label, primary_only)
        if m:
            return [m]
        # "northern Syria", "Homs province", "Greater London": the longest capitalised part that is a place
        for n in range(len(tokens) - 1, 0, -1):
            for s in range(0, len(tokens) - n + 1):
                part = tokens[s : s + n]
                if not _is_cap(part[0]) or part[0].lower_ in DIRECTIONS and s == 0 and n > 1:
                    continue
                rest = tokens[:s] + tokens[s + n :]
                if not all(t.lower_ in DIRECTIONS or t.lower_ in TYPE_WORDS or t.is_punct for t in rest):
                    continue
                m = self._mention(doc, part, label, primary_only)
                if m:
                    return [m]
        if label in ("GPE", "LOC") and len(tokens) <= 3 and all(_is_cap(t) for t in tokens):
            start, end, text = _text(doc, tokens)  # unknown name: kept for the fuzzy match
            return [Mention(start, end, text, tokens[0].i, tokens[-1].i + 1, label, [])]
        return []

    def _mention(
        self, doc: Doc, tokens: list[Token], label: str | None, primary_only: bool
    ) -> Mention | None:
        start, end, text = _text(doc, tokens)
        cands = self.gaz.candidates(text)
        if primary_only and not any(kind == PRIMARY for _, kind in cands):
            return None  # recognised by a main name only; once recognised, every reading competes
        if text.isupper() and len(text.replace(".", "")) <= 3:  # "UN", "IS": only country/state codes
            cands = [(r, k) for r, k in cands if self.gaz.rows[r][7] in ("PCLI", "PCLS", "ADM1")]
        if not cands:
            return None
        return Mention(start, end, text, tokens[0].i, tokens[-1].i + 1, label, cands)

    def _scan(self, doc: Doc, taken: set[int], ent_of: dict[int, Span]) -> list[Mention]:
        """Capitalised runs outside place entities that are, or start or end with, a gazetteer name."""
        out: list[Mention] = []
        i, n = 0, len(doc)
        while i < n:
            if i in taken or not _is_cap(doc[i]) or doc[i].ent_type_ in _WHEN:
                i += 1
                continue
            j = i
            while (
                j < n and j not in taken and _is_cap(doc[j]) and doc[j].ent_type_ not in _WHEN and j - i < 8
            ):
                j += 1
            run = list(doc[i:j])
            for m in self._run_mentions(doc, run, ent_of):
                out.append(m)
            i = j
        return out

    def _hyphen_prefixes(self, doc: Doc, taken: set[int]) -> list[Mention]:
        """ "U.S.-led", "Turkish-backed" stay one token; a place before such a suffix is a toponym."""
        out = []
        for tok in doc:
            if tok.i in taken or "-" not in tok.text or not _is_cap(tok):
                continue
            head, _, tail = tok.text.rpartition("-")
            if tail.lower() not in HYPHEN_SUFFIXES or not head:
                continue
            cands = self.gaz.candidates(head)
            if any(
                self.gaz.rows[r][7] in ("PCLI", "PCLS", "ADM1") or self.gaz.rows[r][6] >= 100_000
                for r, _ in cands
            ):
                m = Mention(tok.idx, tok.idx + len(head), head, tok.i, tok.i + 1, None, cands, cue=True)
                out.append(m)
        return out

    def _run_mentions(self, doc: Doc, run: list[Token], ent_of: dict[int, Span]) -> list[Mention]:
        def label_of(toks: list[Token]) -> str | None:
            return ent_of[toks[0].i].label_ if toks[0].i in ent_of else None

        whole = _trim(run[1:] if len(run) > 1 and run[0].is_sent_start and run[0].lower_ in STARTERS else run)
        if whole:
            m = self._mention(doc, whole, label_of(whole), primary_only=True)
            if m:
                return [m]
            m = self._mention(doc, whole, label_of(whole), primary_only=False)
            if m:  # known only by an alternate spelling ("Hama" for Hamah): needs the sentence to place it
                m.extra["alternate"] = True
                return [m]
        if len(run) < 2 or label_of(run) == "PERSON":
            return []
        # a place inside a name: "Queensland Police Service", "Toronto General Hospital", "Skate Canada"
        for size in range(min(3, len(run) - 1), 0, -1):
            for start in sorted(range(len(run) - size + 1), key=lambda s: (s not in (0, len(run) - size), s)):
                part = _trim(run[start : start + size])
                if not part:
                    continue
                m = self._mention(doc, part, label_of(part), primary_only=True)
                if not m:
                    continue
                middle = start not in (0, len(run) - size)
                broad = any(self.gaz.rows[r][7] in ("PCLI", "ADM1") for r, _ in m.cands)
                if middle and not broad:
                    continue  # only a country or state is trusted in the middle of a name ("Skate Canada Cup")
                m.extra["embedded"] = "start" if start == 0 else "inside"
                return [m]
        return []

    def _extend(self, doc: Doc, m: Mention, mentions: list[Mention]) -> Mention:
        """Grow a mention over neighbouring capitalised words when the longer name is a place too
        ("West" + "Virginia", "Southern" + "California" is not, "Eastern Cape" is)."""
        used = {t for o in mentions if o is not m for t in range(o.i, o.j)}
        i, j = m.i, m.j
        changed = True
        while changed:
            changed = False
            for a, b in ((i - 1, j), (i, j + 1)):
                if a < 0 or b > len(doc) or a in used or (b - 1) in used or b - a > 6:
                    continue
                edge = doc[a] if a < i else doc[b - 1]
                if not _is_cap(edge) or (a < i and edge.lower_ == "the"):
                    continue  # a sentence-initial "The" is no part of the name ("The Edinburgh-based")
                grown = self._mention(doc, list(doc[a:b]), m.label, primary_only=True)
                if grown:
                    i, j, changed = a, b, True
                    m = Mention(
                        grown.start, grown.end, grown.text, a, b, m.label, grown.cands, extra=dict(m.extra)
                    )
                    break
        return m

    # ------------------------------------------------------------------------------------------
    def _clues(self, doc: Doc, m: Mention) -> None:
        k = m.i - 1
        while k >= 0 and doc[k].lower_ in {"the", "and", "or", ",", "of"} | DIRECTIONS:
            if doc[k].lower_ in DIRECTIONS and k == m.i - 1:
                m.cue = True  # "eastern Aleppo", "northern Syria"
            if (
                doc[k].lower_ == "of"
                and k > 0
                and (doc[k - 1].text == "," or doc[k - 1].like_num or doc[k - 1].ent_type_ == "PERSON")
            ):
                m.cue = True  # "William Goble, 26, of Edmonton": where a person is from
                break
            if doc[k].lower_ == "of" and k > 0 and doc[k - 1].lower_ in PLACE_NOUNS:
                m.cue = True
                ptype = TYPE_WORDS.get(doc[k - 1].lower_)
                if ptype:
                    m.type_feature = ptype
                break
            k -= 1
        if k >= 0 and (doc[k].lower_ in LOCATIVE or doc[k].lower_ in DIRECTIONS):
            m.cue = True
        if m.j < len(doc) and doc[m.j].lower_ in TYPE_WORDS:
            m.type_feature = TYPE_WORDS[doc[m.j].lower_]
            m.cue = True
        if _is_dateline(doc, m.i, m.j):
            m.cue = True
            m.extra["dateline"] = True

    def _qualifiers(self, doc: Doc, mentions: list[Mention]) -> None:
        """ "Paris, Ky." / "Homs, Syria": the second names the first's state or country."""
        for a, b in zip(mentions, mentions[1:], strict=False):
            if b.i == a.j + 1 and doc[a.j].text == ",":
                feats = {self.gaz.rows[r][7] for r, _ in b.cands}
                a_country = any(self.gaz.rows[r][7] in ("PCLI", "PCLS") for r, _ in a.cands)
                if a_country and not feats & {"ADM1", "ADM2"}:
                    pass  # "Russia, U.S. officials...": a country is not qualified by another country
                elif feats & {"ADM1", "PCLI", "PCLS", "ADM2"}:
                    a.qualifier = b
                    a.cue = True
                    b.cue = True
                    b.extra["qualifies"] = True
            # a coordinated place shares its neighbour's cue ("in Homs and Hama")
            if a.cue and b.i <= a.j + 2 and all(t.lower_ in ("and", "or", ",") for t in doc[a.j : b.i]):
                b.cue = True
                b.type_feature = b.type_feature or a.type_feature

    def _status(self, doc: Doc, m: Mention, ent_of: dict[int, Span], cast) -> int:
        k = key(m.text)
        rows = self.gaz.rows
        feats = {rows[r][7] for r, _ in m.cands}
        big = max((rows[r][6] for r, kind in m.cands if kind == PRIMARY), default=0)
        broad = bool(feats & {"PCLI", "PCLS", "ADM1", "CONT", "RGN"})
        placed = m.cue or m.qualifier is not None or bool(m.type_feature)
        actor = cast.actor_of_token(doc[m.i]) if cast is not None else None
        if actor is None and cast is not None:
            actor = cast.actor_of_token(doc[m.j - 1])
        kind = getattr(actor, "kind", None)
        if k in common_words() and not m.extra.get("qualifies"):
            return STRONG if m.label in ("GPE", "LOC") and (m.cue or m.qualifier is not None) else NO
        if kind == "person" and actor is not None:
            if key(actor.name) == k and placed and (big >= 10_000 or broad) and k not in person_names():
                return STRONG  # a bare place name the model took for a person, placed by the sentence
            if key(actor.name) == k or (
                k in key(actor.name).split() and not (broad and m.label in ("GPE", "LOC"))
            ):
                return NO  # the actors stage resolved this very name to a person
            if m.label in ("GPE", "LOC"):
                kind = None  # "New York Gov. Mario Cuomo": the place is a modifier inside a role description
        label = m.label
        if label == "PERSON" and kind == "state" and broad:
            label = None  # "Tunisia was one of the first...": the actors stage knows it is a country
        if label == "PERSON" or kind == "person":
            return STRONG if placed and k not in person_names() else WEAK
        if m.extra.get("alternate"):
            return STRONG if placed and m.label != "PERSON" and kind != "person" else WEAK
        if m.extra.get("embedded"):
            # "Toronto General Hospital", "Enfield Council": a town of some size opening a name is named
            county = "ADM2" in feats and k.split()[-1] in ("county", "parish", "borough")
            opening = m.extra["embedded"] == "start" and (big >= self.min_scan_population or county)
            return STRONG if broad or opening else WEAK
        if m.label in PLACE_LABELS:
            # a city as the subject of a statement is the government speaking ("Washington said")
            return STRONG  # "Damascus said": metonymy still names the place (as geoparsing corpora count it)
        # a gazetteer match the model did not call a place
        if k in person_names():
            return STRONG if placed else WEAK
        if placed:
            return STRONG
        if m.label in ("ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"):
            # "Enfield Council", "the Winnipeg Free Press", "Cannes Grand Prix": a known town opening a
            # name still names the town (the recogniser's name says it is no sentence-initial word)
            return STRONG if broad or big >= self.min_scan_population else WEAK
        if doc[m.i].is_sent_start and not broad:
            return WEAK
        return STRONG if broad or big >= self.min_scan_population else WEAK


HYPHEN_SUFFIXES = {
    "led",
    "based",
    "backed",
    "born",
    "bound",
    "made",
    "run",
    "owned",
    "funded",
    "controlled",
    "held",
    "brokered",
    "sponsored",
    "style",
    "area",
    "bred",
    "raised",
}
STARTERS = {
    "in",
    "at",
    "from",
    "near",
    "outside",
    "across",
    "inside",
    "throughout",
    "when",
    "after",
    "before",
}
