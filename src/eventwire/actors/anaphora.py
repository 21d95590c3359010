"""Role descriptions and pronouns that refer back to an actor named earlier.

"the top U.S. diplomat" joins the earlier person of the same country whose office it names (a
secretary of state or foreign minister is a diplomat); "the Russian foreign minister" joins the man
introduced as "Russian Foreign Minister Sergei Lavrov". Subject pronouns join the nearest compatible
earlier actor, preferring sentence subjects and skipping names inside quotations (in `"... with support
for Assad," he added` the "he" is the speaker of the previous sentence, not Assad).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from eventwire import lexicon as bundled
from eventwire.actors.coding import Coding
from eventwire.actors.mentions import Mention
from eventwire.nlp import doc_text

if TYPE_CHECKING:
    from eventwire.actors.resolve import Entity, _Resolver

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_QUOTE_MARKS = {'"', "\u201c", "\u201d", "``", "''", "\u201e"}
_WINDOW = 3  # sentences back a pronoun may reach
_SPEECH_VERBS = {
    "say", "add", "tell", "state", "insist", "argue", "warn", "claim", "note", "explain", "stress",
    "declare", "announce", "write", "reply", "respond", "continue", "conclude", "remark", "acknowledge",
}  # fmt: skip
_IT_VERBS = {
    "say", "add", "announce", "warn", "deny", "claim", "accuse", "launch", "attack", "reject", "call",
    "urge", "demand", "threaten", "agree", "sign", "condemn", "insist", "promise", "vow", "refuse",
    "decide", "plan", "send", "deploy", "impose", "report", "confirm", "state", "tell",
}  # fmt: skip


_FEMALE_WORDS = {
    "mrs",
    "ms",
    "miss",
    "queen",
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "princess",
    "lady",
    "dame",
    "she",
    "her",
}
_MALE_WORDS = {
    "mr",
    "king",
    "spokesman",
    "chairman",
    "congressman",
    "prince",
    "sir",
    "lord",
    "he",
    "him",
    "his",
}


@functools.lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    data = bundled.load_yaml("actors_given_names.yaml") or {}
    female, male = set(data.get("female") or []), set(data.get("male") or [])
    return {**{n: "f" for n in female - male}, **{n: "m" for n in male - female}}


def gender_of(e: Entity, doc: Doc) -> str | None:
    """'f', 'm' or None, from a given name, a title word or a pronoun already resolved to the person."""
    names = _given_names()
    votes = {"f": 0, "m": 0}
    for m in e.mentions:
        words = [doc[i].lower_.rstrip(".") for i in [*m.extra, *m.tokens]]
        for w in words:
            if w in _FEMALE_WORDS:
                votes["f"] += 1
            elif w in _MALE_WORDS:
                votes["m"] += 1
        if m.label == "PERSON" and m.end - m.start >= 2:
            g = names.get(doc[m.start].text)
            if g:
                votes[g] += 2
    if votes["f"] == votes["m"]:
        return None
    return "f" if votes["f"] > votes["m"] else "m"


def quoted_tokens(doc: Doc) -> list[bool]:
    """Which tokens sit inside quotation marks; an unclosed quote ends at its paragraph."""
    inside = [False] * len(doc)
    if not any(q in doc_text(doc) for q in ('"', "\u201c", "\u201d", "``", "''", "\u201e")):
        return inside
    strings = doc.vocab.strings
    words = [strings[h] for h in doc.to_array("ORTH")]
    starts = doc.to_array("IDX")
    text = doc_text(doc)
    state = False
    for i, word in enumerate(words):
        if word in _QUOTE_MARKS:
            if word == "\u201c":
                state = True
            elif word == "\u201d":
                state = False
            else:
                state = not state
            inside[i] = True
            continue
        inside[i] = state
        if "\n\n" in word or (i + 1 < len(words) and "\n\n" in text[starts[i] + len(word) : starts[i + 1]]):
            state = False
    return inside


def _sentence_ids(doc: Doc) -> list[int]:
    ids = [0] * len(doc)
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return ids
    n = 0
    for i, start in enumerate(doc.to_array("SENT_START")):  # 1 marks a sentence start
        if start == 1 and i > 0:
            n += 1
        ids[i] = n
    return ids


def _definite(doc: Doc, m: Mention) -> bool:
    first = doc[m.start - 1] if m.start > 0 else None
    return bool(m.text.lower().startswith("the ") or (first is not None and first.lower_ == "the"))


def resolve_descriptions(
    doc: Doc, mentions: list[Mention], resolver: _Resolver, code: Callable[[Entity], Coding]
) -> None:
    """Attach each role description to the earlier titled person it names, or make it an actor."""
    people = [e for e in resolver.entities if e.kind == "person" and e.mentions]
    coded = _CodingMemo(code)
    families = {id(e): set(coded(e).families) for e in people}
    # "his U.S. counterpart John Kerry": a counterpart holds the office of the person he is set against
    for e in people:
        if families[id(e)] <= {"counterpart"} and families[id(e)]:
            start = e.first
            earlier = [
                p for p in people if p is not e and p.first < start and families[id(p)] - {"counterpart"}
            ]
            if earlier:
                other = max(earlier, key=lambda p: max(m.start for m in p.mentions if m.start < start))
                families[id(e)] |= families[id(other)] - {"counterpart"}
    # sorted starts of each person's named mentions, kept up to date as descriptions join them
    starts = {id(e): sorted(x.start for x in e.mentions if x.label != "PRON") for e in people}
    for m in mentions:
        if m.label != "DESC":
            continue
        target = None
        if _definite(doc, m):
            target = _antecedent(m, people, families, coded, starts, resolver.lex.titles)
        if target is None:
            key = "desc:" + (m.text.lower() if _definite(doc, m) else f"{m.start}")
            target = resolver.entity(key, "person")
            if target not in people:
                people.append(target)
                families[id(target)] = set(m.coding.families)
                starts[id(target)] = []
        resolver.attach(target, m)
        bisect.insort(starts[id(target)], m.start)


class _CodingMemo:
    """An entity's coding, computed again only when a mention brings something new: a long page
    repeating one description ("the minister" thousands of times) would otherwise recode the entity,
    over all its mentions, for every one of them."""

    def __init__(self, code: Callable[[Entity], Coding]) -> None:
        self.code = code
        self.seen: dict[int, tuple[int, set[tuple], Coding]] = {}

    def __call__(self, e: Entity) -> Coding:
        hit = self.seen.get(id(e))
        if hit is not None:
            n, signatures, coding = hit
            new = {_signature(m) for m in e.mentions[n:]}
            if new <= signatures:  # a repeat of what was merged already changes nothing
                self.seen[id(e)] = (len(e.mentions), signatures, coding)
                return coding
        coding = self.code(e)
        self.seen[id(e)] = (len(e.mentions), {_signature(m) for m in e.mentions}, coding)
        return coding


def _signature(m: Mention) -> tuple:
    """What a mention contributes to its entity's coding (a name's text may select a lexicon entry)."""
    c = m.coding
    text = None if m.label in ("DESC", "PRON") else m.text
    known = c.known.name if c.known else None
    return (
        m.label,
        text,
        c.country,
        c.role,
        frozenset(c.families),
        c.title,
        c.kind,
        known,
        c.evidence,
        c.plural,
    )


def _antecedent(
    m: Mention,
    people: list[Entity],
    families: dict,
    code: Callable,
    starts: dict[int, list[int]],
    titles: dict[str, dict],
) -> Entity | None:
    # "the prime minister" refers back to a prime minister, not to any leader: the office its own title
    # names must be one the person holds (a wider family such as "leader" is for "the leader")
    entry = titles.get(m.coding.title or "")
    want = {entry["primary"]} if entry else m.coding.families
    country = m.coding.country
    best: tuple[int, Entity] | None = None
    fallback: tuple[int, Entity] | None = None
    for e in people:
        named = starts[id(e)]
        at = bisect.bisect_left(named, m.start)
        if at == 0:
            continue
        last = named[at - 1]
        c = code(e)
        if country and c.country and c.country != country:
            continue
        if want & families.get(id(e), set()):
            if best is None or last > best[0]:
                best = (last, e)
        elif country and c.country == country and (not m.coding.role or c.role in (m.coding.role, None)):
            if fallback is None or last > fallback[0]:
                fallback = (last, e)
    hit = best or fallback
    return hit[1] if hit else None


def resolve_pronouns(doc: Doc, resolver: _Resolver) -> None:
    """Subject pronouns (he, she, they, it of a speech or action verb) -> the nearest compatible actor."""
    quoted = quoted_tokens(doc)
    sent = _sentence_ids(doc)
    spans: list[tuple[int, int, Mention, Entity]] = []
    for e in resolver.entities:
        for m in e.mentions:
            if not quoted[m.head] and not _locative(doc[m.head]):
                spans.append((m.start, m.head, m, e))
    spans.sort(key=lambda s: s[0])
    starts = [s[0] for s in spans]
    sent_first: dict[int, int] = {}
    for i, n in enumerate(sent):
        sent_first.setdefault(n, i)
    genders: dict[int, str | None] = {}
    strings = doc.vocab.strings
    lowers = [strings[h] for h in doc.to_array("LOWER")]
    for i, low in enumerate(lowers):
        if low not in ("he", "she", "they", "it") or quoted[i]:
            continue
        tok = doc[i]
        if tok.dep_ not in _SUBJECT_DEPS:
            continue
        if low == "it" and (tok.head.lemma_ not in _IT_VERBS):
            continue
        best = None
        speech = tok.head.lemma_ in _SPEECH_VERBS
        lo = bisect.bisect_left(starts, sent_first[max(0, sent[i] - _WINDOW)])
        hi = bisect.bisect_left(starts, i)
        for start, head, m, e in spans[lo:hi]:  # only mentions within the sentence window
            dist = sent[tok.i] - sent[head]
            if dist > _WINDOW or not _compatible(low, e, m, doc):
                continue
            if low in ("he", "she"):
                g = genders.get(id(e), "?")
                if g == "?":
                    g = genders[id(e)] = gender_of(e, doc)
                if g is not None and g != ("m" if low == "he" else "f"):
                    continue
            not_subject = doc[head].dep_ not in _SUBJECT_DEPS
            # '"...," he added': the speaker is a subject of an earlier sentence, not a name in the quote
            rank = (not_subject, dist, -start) if speech else (dist, not_subject, -start)
            if best is None or rank < best[0]:
                best = (rank, e)
        if best is None:
            continue
        pron = Mention(tok.i, tok.i + 1, "PRON", tok.text, tok.i)
        resolver.attach(best[1], pron)
        at = bisect.bisect_right(starts, tok.i)
        starts.insert(at, tok.i)
        spans.insert(at, (tok.i, tok.i, pron, best[1]))


_LOCATIVE_PREPS = {
    "in",
    "at",
    "near",
    "across",
    "inside",
    "throughout",
    "within",
    "into",
    "around",
    "outside",
}


def _locative(tok) -> bool:
    """A name that only says where ("the war in Iraq") is no one a later "they" can be."""
    return tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE_PREPS


def _compatible(pronoun: str, e: Entity, m: Mention, doc: Doc) -> bool:
    if pronoun in ("he", "she"):
        return e.kind == "person" and doc[m.head].tag_ not in ("NNS", "NNPS")
    if pronoun == "they":
        return e.kind != "person" or doc[m.head].tag_ in ("NNS", "NNPS")
    return e.kind in ("organization", "state", "armed_group") and doc[m.head].tag_ not in ("NNS", "NNPS")


def resolve_own_country(doc: Doc, resolver: _Resolver, code: Callable[[Entity], Coding]) -> None:
    """ "his country" / "her country" after a person coded with a country -> that state."""
    text = doc_text(doc)
    if "his country" not in text and "her country" not in text and " nation" not in text:
        return
    for tok in doc:
        if tok.lower_ not in ("country", "nation") or not any(
            c.dep_ == "poss" and c.lower_ in ("his", "her") for c in tok.children
        ):
            continue
        owner = None
        for e in resolver.entities:
            if e.kind != "person":
                continue
            before = [m.start for m in e.mentions if m.start < tok.i and m.label != "PRON"]
            if before and (owner is None or max(before) > owner[0]):
                owner = (max(before), e)
        if owner is None or tok.i - owner[0] > 40:
            continue
        country = code(owner[1]).country
        if not country or country in ("IGO", "NGO", "IMG"):
            continue
        state = resolver.entity("state:" + country, "state", country=country)
        poss = next(c for c in tok.children if c.dep_ == "poss")
        start = min(poss.i, tok.i)
        if any(tok.i in m.tokens for e in resolver.entities for m in e.mentions):
            continue
        resolver.attach(state, Mention(start, tok.i + 1, "DESC", doc[start : tok.i + 1].text, tok.i))
