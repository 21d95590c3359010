"""CAMEO coding of a phrase: its country, its role and the words that justify both.

Works on any run of tokens: a title before a name ("Russian Foreign Minister"), an apposition
("Russia's foreign minister"), a group phrase ("the Syrian pro-government military") or a body
("the U.S. State Department"). Country comes from demonyms, country names, possessives and seats of
power inside the phrase; role from the title, body or group noun, with modifiers ("defense",
"police") deciding over a generic office ("spokesman", "ministry").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventwire.actors.lexicon import KnownActor, Lexicon, load_lexicon, norm

_SKIP = {
    "the",
    "a",
    "an",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "this",
    "that",
    "these",
    "those",
}
_NEUTRAL_GROUPS = {"coalition", "alliance", "groups", "factions", "officers", "forces"}
# head nouns that turn a named group into a longer mention of the same actor ("the IS group", "IS militants")
GROUP_HEADS = {
    "group", "organization", "organisation", "movement", "network", "militia", "jihadists", "fighters",
    "militants", "members", "gunmen", "insurgents", "rebels", "guerrillas",
}  # fmt: skip  # a modifier decides
GENERIC_TITLES = {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "head",
    "chief",
    "director",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
}


@dataclass
class Coding:
    country: str | None = None
    role: str | None = None
    families: set[str] = field(default_factory=set)  # offices a later description may refer back with
    title: str | None = None  # the title phrase found ("foreign minister")
    kind: str | None = None  # person | organization | other, when the head noun says so
    known: KnownActor | None = None
    evidence: str | None = None
    plural: bool = False

    @property
    def code(self) -> str | None:
        if self.known and not self.country:  # "the UN's aid chief": the organisation's code
            return self.known.code
        if not (self.country or self.role):
            return None
        return (self.country or "---") + (self.role or "")

    def merged_with(self, other: Coding | None) -> Coding:
        """This coding, with what it lacks taken from `other` (text evidence first, lexicon second)."""
        if other is None:
            return self
        return Coding(
            country=self.country or other.country,
            role=self.role or other.role,
            families=self.families | other.families,
            title=self.title or other.title,
            kind=self.kind or other.kind,
            known=self.known or other.known,
            evidence=self.evidence or other.evidence,
            plural=self.plural,
        )


def _ngrams(words: list[str], max_n: int) -> list[tuple[int, int, str]]:
    """(start, end, phrase) for every word n-gram, longest first, then rightmost first."""
    out = []
    for n in range(min(max_n, len(words)), 0, -1):
        for i in range(len(words) - n, -1, -1):
            out.append((i, i + n, " ".join(words[i : i + n])))
    return out


def _hits(words: list[str], lex: Lexicon) -> tuple:
    """The title, body and group phrases that end the word list (a body may also precede a title)."""
    title_hit = body_hit = group_hit = None
    for start, end, phrase in _ngrams(words, lex.max_title_words):
        if title_hit is None and phrase in lex.titles and end == len(words):
            title_hit = (start, end, phrase)
        if body_hit is None and phrase in lex.bodies and (end == len(words) or title_hit is None):
            body_hit = (start, end, phrase)
        if group_hit is None and phrase in lex.groups and end == len(words):
            group_hit = (start, end, phrase)
    if body_hit and body_hit[1] != len(words) and not (title_hit and body_hit[1] <= title_hit[0]):
        body_hit = None  # a body word that only modifies the head ("military action") names no actor
    return title_hit, body_hit, group_hit


_STANCE_PREFIXES = ("anti", "pro", "non")


def stance_prefixed(tok: Token) -> bool:
    """ "anti-American", "pro-Russian": the name after a stance prefix, one token or three."""
    if "-" in tok.text and tok.text.split("-")[0].lower() in _STANCE_PREFIXES:
        return True
    doc = tok.doc
    return (
        tok.i >= 2
        and doc[tok.i - 1].text == "-"
        and not doc[tok.i - 1].whitespace_
        and doc[tok.i - 2].lower_ in _STANCE_PREFIXES
    )


def country_in(tokens: Sequence[Token], lex: Lexicon) -> tuple[str | None, Token | None]:
    """The first country named inside the tokens, by demonym, name, possessive or seat of power."""
    tokens = list(tokens)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if stance_prefixed(tok):
            i += 1  # "anti-American cleric", "pro-Russian rebels": a stance, not a nationality
            continue
        if tok.ent_type_ in ("GPE", "NORP", "ORG", "FAC", "LOC") and tok.ent_iob_ == "B":
            j = i + 1
            while j < len(tokens) and tokens[j].ent_iob_ == "I":
                j += 1
            text = " ".join(t.text for t in tokens[i:j] if t.text not in ("'s", "'"))
            code = lex.country_of(text) or lex.seats.get(norm(text))
            if code:
                return code, tok
        if tok.text[:1].isupper() or tok.text in ("U.S.", "U.K."):
            text = tok.text
            if "-" in text and not lex.country_of(text):  # "U.S.-led", "Saudi-backed"
                text = text.split("-")[0]
            code = lex.country_of(text) or lex.seats.get(norm(text))
            if code:
                return code, tok
            if i + 1 < len(tokens):
                pair = f"{tok.text} {tokens[i + 1].text}"
                code = lex.country_of(pair) or lex.seats.get(norm(pair))
                if code:
                    return code, tok
        i += 1
    return None, None


def code_tokens(tokens: Sequence[Token], lex: Lexicon | None = None) -> Coding:
    """Country and role of a phrase from its own words."""
    lex = lex or load_lexicon()
    tokens = [t for t in tokens if not t.is_space]
    coding = Coding()
    if not tokens:
        return coding
    country, _ = country_in(tokens, lex)
    coding.country = country
    words = [
        t.lower_ for t in tokens if t.lower_ not in _SKIP and not t.is_punct and t.text not in ("'s", "'")
    ]
    words = [w.replace("defence", "defense") if w.startswith("defence") else w for w in words]
    title_hit = body_hit = group_hit = None
    # the head is the phrase's last word, or the word before an "of" ("the defence minister of Poland")
    ends = [len(words)] + [i for i in range(len(words) - 1, 0, -1) if words[i] == "of"]
    for stop in ends:
        title_hit, body_hit, group_hit = _hits(words[:stop], lex)
        if title_hit or body_hit or group_hit:
            words = words[:stop]
            break
    modifier_role = next((lex.modifiers[w] for w in words if w in lex.modifiers), None)
    head = tokens[-1]
    if title_hit:
        entry = lex.titles[title_hit[2]]
        coding.title = title_hit[2]
        coding.families = set(entry["families"])
        coding.role = entry["role"]
        coding.kind = "person"
        if title_hit[2] in GENERIC_TITLES or coding.role == "GOV":
            if body_hit and body_hit[1] <= title_hit[0]:
                coding.role = lex.bodies[body_hit[2]]
            elif modifier_role:
                coding.role = modifier_role
        coding.plural = head.tag_ in ("NNS", "NNPS")
    elif group_hit and (not body_hit or group_hit[1] - group_hit[0] >= body_hit[1] - body_hit[0]):
        coding.role = lex.groups[group_hit[2]]
        coding.kind = "other"
        coding.plural = True
        if modifier_role and (coding.role in ("GOV", "CVL") or group_hit[2] in _NEUTRAL_GROUPS):
            coding.role = modifier_role
    elif body_hit:
        coding.role = lex.bodies[body_hit[2]]
        coding.kind = "organization"
        if modifier_role and coding.role in ("GOV", "PTY"):
            coding.role = modifier_role
    if not coding.role and coding.country:
        seat = next((t for t in tokens if lex.seats.get(norm(t.text))), None)
        if seat is not None and not lex.country_of(seat.text):
            coding.role = "GOV"
    if coding.country or coding.role:
        coding.evidence = " ".join(t.text for t in tokens).replace(" 's", "'s")
    return coding


def known_inside(
    tokens: Sequence[Token], lex: Lexicon, max_n: int = 6, any_kind: bool = False
) -> KnownActor | None:
    """The longest international organisation named inside a phrase ("United Nations" in "United Nations Emergency
    Relief Coordinator"), or None."""
    texts = [t.text for t in tokens]
    for n in range(min(max_n, len(texts)), 0, -1):
        for i in range(len(texts) - n + 1):
            hit = lex.known_actor(" ".join(texts[i : i + n]))
            if hit is not None and (hit.code[:3] in ("IGO", "NGO") or (any_kind and hit.kind != "person")):
                return hit
    return None


def code_phrase(
    span: Span | Sequence[Token], lex: Lexicon | None = None
) -> tuple[str, str | None, str | None, str] | None:
    """(code, country, role, evidence) for any noun phrase, or None when nothing in it is codable.

    "Syrian troops" -> ("SYRMIL", "SYR", "MIL", ...); "protesters" -> ("---OPP", None, "OPP", ...);
    "the Kremlin" -> ("RUSGOV", "RUS", "GOV", ...); "Islamic State" -> ("IMGMOSISI", None, None, ...).
    """
    lex = lex or load_lexicon()
    tokens = list(span)
    if not tokens:
        return None
    text = " ".join(t.text for t in tokens)
    known = lex.known_actor(text) or lex.known_actor(" ".join(t.text for t in tokens if t.lower_ != "the"))
    if known is None and tokens[-1].lower_ in GROUP_HEADS:  # "Taliban fighters", "IS militants"
        known = known_inside(tokens[:-1], lex, any_kind=True)
    if known:
        country = known.code[:3] if known.code[:3] in lex.country_label else None
        role = known.code[3:6] if country and len(known.code) >= 6 else None
        return known.code, country, role, f"lexicon: {known.name}"
    seat = lex.seats.get(norm(text))
    if seat and not lex.country_of(text):
        return seat + "GOV", seat, "GOV", f"seat of power: {text}"
    coding = code_tokens(tokens, lex)
    if coding.code is None:
        return None
    return coding.code, coding.country, coding.role, coding.evidence or text
