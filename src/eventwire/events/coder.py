"""The event coder: match the pattern lexicon against each sentence's dependency parse.

For every verb (and event noun) whose lemma has patterns, the most specific pattern whose shape fits
wins; its source and target come from grammatical roles (`sides.py`), are coded as actors
(`resolve.py`), and the event gets its modality, date and place. Patterns are compiled once into dicts
keyed by lemma, so a sentence costs one dict lookup per token plus work only where a trigger is found.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from eventwire import lexicon
from eventwire.actors import load_lexicon
from eventwire.events import context, dates, modality, patterns, sides
from eventwire.events.actorcode import UNKNOWN, Side
from eventwire.events.compose import FRAMES, compose
from eventwire.events.resolve import Resolver
from eventwire.model import Article, Event
from eventwire.nlp import doc_text

DEFAULT_TARGET_PREPS = {
    "01": ("to", "about", "on"), "02": ("to", "on"), "03": ("with", "to"), "04": ("with", "to"),
    "05": ("with", "to", "for"), "06": ("with", "to"), "07": ("to", "for"), "08": ("to", "from"),
    "09": ("into", "of", "on"), "10": ("on", "from", "of", "to"), "11": ("of", "against", "for", "over", "about"),
    "12": ("of", "to"), "13": ("with", "against", "to"), "14": ("against",), "15": ("against", "on", "along"),
    "16": ("with", "on", "against", "to", "from"), "17": ("on", "against", "from", "with"), "18": ("on", "against"),
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
_TARGET_ROOTS_NEEDED = {"01"}
_DOMESTIC_ROOTS = {"14", "15", "17"}
BACKGROUND_DEPS = {"relcl", "acl"}  # a bare statement with no addressee is not worth an event


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
    purpose: Candidate | None = None  # "staged rallies to demand X": the demand that says against whom
    topic: Candidate | None = None  # "host a meeting between X and Y": the event noun that names the parties


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


_QUANTITY = {
    "ton", "tonne", "dollar", "euro", "pound", "yen", "million", "billion", "thousand", "hundred", "number",
    "amount", "package", "shipment", "batch", "consignment", "lot", "unit", "load", "supply", "kind", "sort",
    "type", "worth", "round", "series", "wave", "spate", "string", "flurry", "volley", "barrage", "couple",
    "day", "week", "month", "hour", "year", "kg", "kilogram", "part", "group", "first", "set", "dozen", "score",
}  # fmt: skip


def object_keys(obj: Token) -> list[str]:
    """Lookup keys of an object, looking through measures: "25,000 tons of food aid" is food aid."""
    keys = noun_keys(obj)
    # "aid deliveries", "a military aid program": a compound modifier can carry the meaning
    keys = keys + [c.lemma_.lower() for c in obj.children if c.dep_ == "compound"]
    seen = 0
    while obj.lemma_.lower() in _QUANTITY and seen < 3:
        seen += 1
        nxt = None
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                nxt = next((p for p in c.children if p.dep_ == "pobj"), None)
        money = _money_in(obj)
        if nxt is None and money is not None:
            # "$2 billion in military aid": the sum is measured in what it buys, which names the act
            inner = noun_keys(money) + [c.lemma_.lower() for c in money.children if c.dep_ == "compound"]
            return inner + [k for k in keys if k not in inner]
        if nxt is None:
            break
        obj = nxt
        keys = keys + noun_keys(obj) + [c.lemma_.lower() for c in obj.children if c.dep_ == "compound"]
    return keys


_MONEY = {
    "dollar",
    "euro",
    "pound",
    "yen",
    "million",
    "billion",
    "trillion",
    "thousand",
    "$",
    "franc",
    "rupee",
}


def _money_in(obj: Token) -> Token | None:
    """The noun after "in" on a sum of money ("$2 billion in loans"), else None."""
    if obj.lemma_.lower() not in _MONEY:
        return None
    return next(
        (
            p
            for c in obj.children
            if c.dep_ == "prep" and c.lower_ == "in"
            for p in c.children
            if p.dep_ == "pobj"
        ),
        None,
    )


_CARRIER_NOUNS = {
    "mission",
    "effort",
    "efforts",
    "process",
    "bid",
    "initiative",
    "operation",
    "campaign",
    "plan",
    "drive",
}
_SYMMETRIC = {"040", "041", "046", "050", "057", "060", "061", "062", "064"}
_OBJECT_PREPS = ("on", "against", "to", "for", "with", "from", "of")


def _object_chain(obj: Token) -> list[Token]:
    """The object and the nouns it measures: "70 million dollars of aid for Romania" -> dollars, aid."""
    out = [obj]
    while obj.lemma_.lower() in _QUANTITY and len(out) < 4:
        nxt = next(
            (
                p
                for c in obj.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
            ),
            None,
        )
        nxt = nxt if nxt is not None else _money_in(obj)
        if nxt is None:
            break
        out.append(nxt)
        obj = nxt
    return out[::-1]


def _object_owner(obj: Token) -> list[Token]:
    """Whose request/proposal/ultimatum the object is: "a U.S. request", "calls by X", "Israel's plan"."""
    poss = [
        c for c in obj.children if c.dep_ == "poss" and c.pos_ != "PRON"
    ]  # "their strike" is the subject's
    if poss:
        return poss
    by = [p for _, p in sides.prep_objects(obj, ("by", "from"))]
    if by:
        return sides.with_conjuncts(by[0])
    return [
        c
        for c in obj.children
        if c.dep_ in ("amod", "compound", "nmod")
        and c.i < obj.i
        and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE"))
    ]


class EventCoder:
    """Codes CAMEO events from a parsed article. Build once (patterns are validated and compiled here)."""

    def __init__(self, extra_patterns: list[str | Path] | tuple = ()):
        self.extra_patterns = list(extra_patterns or [])
        self.lexicon = patterns.load(self.extra_patterns)
        # what one attacks with words ("the decision", "the cost"): the object list of a bundled pattern
        entry = self.lexicon.entries.get("disapprove.attack_words") or {}
        self._said_things = frozenset(w.lower() for w in entry.get("object") or [])

    def coverage(self) -> dict:
        return self.lexicon.coverage()

    # -- entry point --------------------------------------------------------------------------
    def code(self, doc: Doc, article: Article, cast, places) -> list[Event]:
        resolver = Resolver(doc, cast, places)
        events: list[Event] = []
        seen: dict[tuple, Event] = {}
        topic = context.doc_topic(doc)
        for sent in doc.sents:
            if _skip_sentence(sent):
                continue
            for ev in _main_events(
                [
                    (cand, ev)
                    for cand in self._candidates(sent)
                    for ev in self._events(cand, sent, article, resolver)
                    if not context.figurative(cand.trigger, ev, topic)
                ]
            ):
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
            if (
                tok.lemma_.lower() in _LEAVE_VERBS
                and tok.dep_ == "xcomp"
                and tok.head.lemma_.lower() in _COMMAND_VERBS | {"tell", "give"}
            ):
                # "ordered the French ambassador to leave the country": an expulsion, done by the order
                expel = self.lexicon.verbs.get("expel")
                cand = self._match_verb(tok.head, expel) if expel else None
                if cand is not None and cand.obj is not None:
                    found[tok.head.i] = cand
                    continue
            if (tok.pos_ == "VERB" or tok.tag_.startswith("VB")) and not _nominalized(tok):
                pats = self._verb_patterns(tok)
                if pats:
                    cand = self._match_verb(tok, pats)
                    reported = (
                        tok.dep_ in ("parataxis", "ccomp")
                        and tok.lemma_.lower() == "protest"
                        and tok.head.pos_ in ("VERB", "AUX")
                        and not any(c.dep_ == "ccomp" for c in tok.children)
                    )
                    if (
                        cand
                        and cand.code[:2] == "14"
                        and (any(c.dep_ == "ccomp" for c in tok.children) or reported)
                    ):
                        # "a rights group protested that the authorities fail to ...": a complaint, not a
                        # demonstration; the one complained about is the clause's subject
                        cand.code = "114"
                        cand.targets = (
                            [s for s in tok.head.children if s.dep_ in ("nsubj", "nsubjpass")][:1]
                            if reported
                            else sides.clause_subject(tok)
                        )
                    if cand:
                        found[tok.i] = cand
                        if cand.obj is not None:
                            for o in sides.with_conjuncts(cand.obj):
                                # "launched artillery, mortar and rocket fire": all one act
                                consumed.update(t.i for t in _object_chain(o))
        for tok in sent:
            if tok.i in found or tok.i in consumed or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if any(c.dep_ == "neg" or c.lower_ == "no" for c in tok.children):
                continue
            if _in_name(tok):
                continue  # "the Ceasefire Violations Committee", "the Peace Corps": a name, not an event
            if _generic_subject(tok):
                continue  # "strikes of that kind would question ...": strikes in general, none that happened
            keys = noun_keys(tok)
            if tok.lemma_.lower() == "strike" and tok.dep_ == "pobj" and tok.head.lower_ == "on":
                keys = ["labour strike", *keys]  # "workers were on strike": no air strike
            for key in keys:
                pats = self.lexicon.nouns.get(key)
                if pats:
                    head = tok.head
                    if (
                        tok.dep_ == "compound"
                        and head.pos_ == "NOUN"
                        and head.lemma_.lower() in _CARRIER_NOUNS
                    ):
                        tok = head  # "a mediation mission between X and Y": the mission carries the roles
                    found[tok.i] = Candidate(tok, pats[0], pats[0].code)
                    break
        self._obligations(sent, found)
        self._verbal_attacks(found)
        self._compose(found)
        self._drop_framed_contents(found)
        self._fold_purposes(found)
        self._fold_consequences(found)
        self._drop_topics(found)
        self._drop_background(found)
        self._drop_purpose_repeats(found)
        return sorted(found.values(), key=lambda c: c.trigger.i)

    def _drop_purpose_repeats(self, found: dict[int, Candidate]) -> None:
        """ "telephoned the Turkish president to discuss the crisis", "met X to discuss Y": a purpose of
        the same kind as its act is that act again, not a second event with other parties."""
        for cand in list(found.values()):
            t = cand.trigger
            if t.dep_ not in ("advcl", "xcomp") or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in t.children
            ):
                continue
            head = found.get(t.head.i)
            if head is not None and head is not cand and head.code[:2] == cand.code[:2]:
                found.pop(t.i, None)

    def _drop_framed_contents(self, found: dict[int, Candidate]) -> None:
        """ "rejected an appeal to lay down arms", "would not meet demands to release prisoners": the
        act a request or offer asks for is what the rejecting (accepting, meeting) is about, not an event
        of its own. "said the US must be ready to mediate": an obligation's content is not done either."""
        for cand in list(found.values()):
            frame = cand.frame
            if frame is not None and frame.pos_ == "NOUN" and frame.dep_ in ("dobj", "pobj", "nsubjpass"):
                gov = frame.head.head if frame.dep_ == "pobj" else frame.head
                other = found.get(gov.i)
                if other is not None and other is not cand and other.code[:2] not in ("01", "02"):
                    found.pop(cand.trigger.i, None)
        for ob in [c for c in found.values() if c.pattern is OBLIGATION]:
            todo = [ob.trigger]
            while todo:
                t = todo.pop()
                for c in t.children:
                    if c.dep_ in ("xcomp", "acomp"):
                        found.pop(c.i, None)
                        todo.append(c)

    def _drop_topics(self, found: dict[int, Candidate]) -> None:
        """An event noun that is what another event is about ("opposed the deployment of a force",
        "called for sanctions", "condemned the attack") is that event's topic, not a second event."""
        for cand in list(found.values()):
            t = cand.trigger
            if not cand.pattern.nominal or t.dep_ not in ("dobj", "pobj", "nsubjpass"):
                continue
            if t.dep_ == "pobj" and t.head.lower_ not in _TOPIC_PREPS:
                continue  # "closed the border because of fighting": a cause, not what the act is about
            gov = t.head.head if t.dep_ == "pobj" and t.head.dep_ in ("prep", "dative") else t.head
            other = found.get(gov.i)
            if other is not None and other is not cand and not other.pattern.nominal:
                if other.code[:2] in ("01", "02"):
                    continue  # "insisted on its demand that ...": the demand is the event, not the saying
                other.topic = other.topic or cand
                found.pop(t.i, None)

    def _drop_background(self, found: dict[int, Candidate]) -> None:
        """Events told in a relative clause ("the city, which rebels shelled last year, ...") are
        background to the sentence's own event; they are not coded."""
        for cand in list(found.values()):
            t = cand.trigger
            if t.dep_ in ("csubj", "csubjpass") and t.tag_ == "VBG":
                # "removing the sanctions is out of the question": an act talked about, not done
                found.pop(t.i, None)
                continue
            if (
                t.dep_ == "acl"
                and t.head.lemma_.lower() in _ATTEMPT_NOUNS
                and cand.code[:2] in ("18", "19", "20")
                and t.head.dep_ in ("nsubj", "nsubjpass", "dobj", "ROOT")
            ):
                # "an attempt to assassinate the governor was thwarted": the attempt is the news
                if cand.code == "186":
                    cand.code = "185"
                continue
            for _ in range(6):
                if t.dep_ in BACKGROUND_DEPS and not (
                    t.dep_ == "acl" and (_speech_head(t.head) or t.head.lemma_.lower() in NOUN_FRAMES)
                ):
                    # (the content of "a warning that X must ..." is the news, not background)
                    found.pop(cand.trigger.i, None)
                    break
                if t.head.i == t.i:
                    break
                t = t.head

    def _fold_consequences(self, found: dict[int, Candidate]) -> None:
        """ "Rebels shelled Juba, killing 20 people": the killing is the shelling's toll, not a second
        event with another target."""
        violent = ("18", "19", "20")
        for cand in list(found.values()):
            t = cand.trigger
            head = found.get(t.head.i)
            if (
                cand.pattern.nominal
                and t.dep_ in ("nsubj", "nsubjpass")
                and head is not None
                and head is not cand
                and cand.code[:2] in violent
                and head.code[:2] in violent
            ):
                # "a roadside bombing killed two soldiers": the bombing and the killing are one attack
                head.loc = head.loc or cand.loc
                found.pop(t.i, None)
                continue
            if cand.code[:2] not in violent or t.dep_ not in ("advcl", "conj"):
                continue
            if t.tag_ != "VBG" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                continue  # a clause with its own subject is an event of its own
            head = found.get(t.head.i)
            if head is not None and head is not cand and head.code[:2] in violent:
                victim = next((c for c in t.children if c.dep_ == "dobj"), None)
                aimed = head.targets or any(
                    c.dep_ in ("dobj", "nsubjpass") and c.i != (head.obj.i if head.obj is not None else -1)
                    for c in head.trigger.children
                )
                if victim is not None and not aimed:
                    # "20 sorties were carried out, hitting eight IS targets": whom the act hit
                    head.targets = sides.with_conjuncts(victim)
                found.pop(t.i, None)

    def _fold_purposes(self, found: dict[int, Candidate]) -> None:
        """A protest staged "to demand X" / "calling for X" is one protest event whose target is X's
        addressee, not a protest plus a separate demand."""
        protests = {c.trigger.i: c for c in found.values() if c.code[:2] == "14"}
        if not protests:
            return
        for cand in list(found.values()):
            if cand.code[:2] not in ("10", "11", "12") or cand.trigger.dep_ not in (
                "advcl",
                "xcomp",
                "acl",
                "pcomp",
                "relcl",
            ):
                continue
            t = cand.trigger
            for _ in range(3):
                t = t.head
                hit = protests.get(t.i) or next(
                    (protests[c.i] for c in t.children if c.i in protests and c.dep_ in ("dobj", "nsubj")),
                    None,
                )
                if hit is not None:
                    hit.purpose = cand
                    found.pop(cand.trigger.i, None)
                    break

    def _verb_patterns(self, tok: Token) -> list[patterns.Pattern] | None:
        """Patterns for a verb; when the lemmatizer slips ("staged" -> "stag"), try the word's own stem."""
        verbs = self.lexicon.verbs
        pats = verbs.get(tok.lemma_.lower())
        if pats:
            return pats
        low = tok.lower_
        if not low.endswith(("s", "d", "ing")):
            return verbs.get(low)  # no inflection to undo: "produce" is not "prod" + "uce"
        for stem in (low, low[:-1], low[:-2], low[:-3] + "e", low[:-3], low[:-3] + "y"):
            if len(stem) > 2 and stem in verbs:
                return verbs[stem]
        return None

    def _match_verb(self, tok: Token, pats: list[patterns.Pattern]) -> Candidate | None:
        words: set[str] | None = None
        passive = sides.is_passive(tok)
        obj = None
        for c in tok.children:
            if c.dep_ == "dobj" or (passive and c.dep_ == "nsubjpass"):
                obj = c
                break
        key_list = object_keys(obj) if obj is not None else []
        for conj in sides.with_conjuncts(obj)[1:] if obj is not None else []:
            # "provided photographs and military intelligence": any coordinated object can name the act
            key_list += [k for k in object_keys(conj) if k not in key_list]
        obj_keys = set(key_list)
        rank = {k: i for i, k in reversed(list(enumerate(key_list)))}
        best: tuple[tuple[int, int], Candidate] | None = None
        for pat in pats:
            prep_tok = None
            if pat.words:
                if words is None:
                    words = set()
                    for c in tok.children:
                        if c.dep_ == "prep" and _temporal(c):
                            continue  # "called Putin on Monday" is no "call on"
                        words.update((c.lower_, c.lemma_.lower()))
                        if c.dep_ in _WORD_DEPS:
                            for g in c.children:
                                words.update((g.lower_, g.lemma_.lower()))
                        elif c.dep_ in ("advcl", "ccomp") and c.left_edge.dep_ == "mark":
                            # "called for the embargo to be lifted": the parser hangs "for" on the clause
                            words.add(c.left_edge.lower_)
                if not set(pat.words) <= words:
                    continue
                if (
                    len(pat.words) > 1
                    and pat.words[0] in patterns.PREPOSITIONS
                    and not _particle(tok, pat.words[0])
                ):
                    continue  # "gave $300 million in aid to Kenya" is no "give in to"
                if pat.words[-1] in patterns.PREPOSITIONS:
                    prep_tok = next(
                        (
                            c
                            for c in tok.children
                            if c.dep_ in ("prep", "prt", "agent") and c.lower_ == pat.words[-1]
                        ),
                        None,
                    )
                    if prep_tok is None and not _preposition_near(tok, pat.words[-1]):
                        continue  # "wanted to go out": the "to" of an infinitive makes no "go to"
            if (
                pat.code[:2] == "12"
                and pat.words
                and pat.words[-1] in ("of", "from")
                and _leaves_a_place(tok)
            ):
                continue  # "troops pulled out of the town": a retreat, not a rejection
            if pat.objects:
                if obj is None or not (obj_keys & pat.objects):
                    continue
            if pat.object_kind and not _object_fits(tok, obj, passive, pat.object_kind):
                continue
            if pat.object_kind == "actor" and pat.words and pat.words[-1] in patterns.PREPOSITIONS:
                place_prep = prep_tok or next(
                    (
                        g
                        for c in tok.children
                        for g in c.children
                        if g.dep_ == "prep" and g.lower_ == pat.words[-1]
                    ),
                    None,
                )
                if place_prep is not None and not _somewhere(_pobj(place_prep), place_prep):
                    continue  # "came to an end", "came close to buying": no visit
            if pat.prep:
                prep_tok = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in pat.prep), None)
                if prep_tok is None:
                    continue
            cand = Candidate(tok, pat, pat.code, obj=obj if pat.objects else None)
            if prep_tok is not None:
                cand.targets = sides.with_conjuncts(p) if (p := _pobj(prep_tok)) is not None else []
                if prep_tok.dep_ == "prt":
                    cand.targets = sides.direct_objects(tok)
            # most constrained pattern first; among equals, the one naming the object most exactly
            # ("food aid" beats "aid")
            score = (pat.specificity, -min((rank[k] for k in obj_keys & pat.objects), default=0))
            if best is None or score > best[0]:
                best = (score, cand)
        return best[1] if best else None

    def _verbal_attacks(self, found: dict[int, Candidate]) -> None:
        """ "launched an attack on the cost of the asylum system": an attack on a policy, a decision or a
        record is criticism (111); the words are the object list of the `disapprove.attack_words` pattern."""
        said_things = self._said_things
        if not said_things:
            return
        for cand in found.values():
            if cand.code[:2] not in ("18", "19"):
                continue
            heads = [cand.trigger] + ([cand.obj] if cand.obj is not None else [])
            for head in heads:
                obj = next(
                    (_pobj(c) for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "against")),
                    None,
                )
                if (
                    obj is not None
                    and not _someone(obj)
                    and said_things & {t.lemma_.lower() for t in _of_chain(obj)}
                ):
                    cand.code = "111"
                    break

    def _obligations(self, sent: Span, found: dict[int, Candidate]) -> None:
        """ "X declared that China must drop barriers": an obligation a speaker lays on someone is a
        demand, even when the demanded act has no pattern of its own."""
        for tok in sent:
            if tok.i in found or tok.dep_ not in ("ccomp", "acl") or not _obliged(tok) or _inverted(tok):
                continue
            if not _speech_head(tok.head) or not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                continue
            subject = next(c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass"))
            stative = tok.lemma_.lower() in _STATIVE_VERBS and not any(
                t.dep_ == "xcomp" and t.pos_ == "VERB" for t in tok.subtree
            )  # "must be ready to mediate" asks for an act; "should be in charge" does not
            if not _someone(subject) and subject.pos_ != "PRON":
                continue  # "structural reform should also help": a thing is asked nothing
            if stative or (subject.lower_ in _NO_ONE_OBLIGED and subject.pos_ in ("PRON", "DET", "NOUN")):
                continue  # "the citizen should be in charge", "we should come down hard": no one is asked
            found[tok.i] = Candidate(tok, OBLIGATION, OBLIGATION.code)

    def _compose(self, found: dict[int, Candidate]) -> None:
        """Re-code events embedded under intention/refusal/demand/threat verbs ("agreed to meet"),
        obligations reported by a speaker ("X said Y must withdraw"), and "will" + cooperation."""
        for cand in list(found.values()):
            tok = cand.trigger
            if (
                not cand.pattern.nominal
                and tok.lemma_.lower() in _PROMISE_VERBS
                and cand.code[:2] in ("04", "05", "06", "07", "08")
            ):
                # "Syria offered its troops to Lebanon", "pledged $10 million": a promise, not yet the deed
                cand.code = compose("intent", cand.code) or cand.code
            carrier = tok
            if cand.pattern.nominal:
                if tok.dep_ not in ("dobj", "nsubjpass") or tok.head.pos_ != "VERB":
                    continue
                carrier = tok.head
            elif tok.pos_ != "VERB" and not tok.tag_.startswith("VB"):
                continue
            head = carrier.head
            family = None
            to_clause = (
                carrier.dep_ == "advcl"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in carrier.children)
                and not any(c.dep_ == "dobj" for c in head.children)  # "offered troops to help": a purpose
                and FRAMES.get(head.lemma_.lower()) in ("threaten", "intent", "reject")
            )
            if (
                carrier.dep_ in ("xcomp", "ccomp")
                or (carrier.dep_ == "acl" and _speech_head(head))
                or to_clause  # "have sworn to fight": the parser may hang the infinitive as an adverbial
            ) and head.i != carrier.i:
                family = FRAMES.get(head.lemma_.lower())
                if carrier.dep_ == "ccomp" and family != "demand":
                    family = None
                if (
                    carrier.dep_ in ("ccomp", "acl")
                    and family is None
                    and _obliged(carrier)
                    and not _inverted(carrier)
                ):
                    if _speech_head(head):
                        family = "demand"
            if (
                family is None
                and not cand.pattern.nominal
                and carrier.dep_ == "acl"
                and head.pos_ == "NOUN"
                and carrier.tag_ == "VB"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in carrier.children)
            ):
                # "reached a consensus to exchange data", "rejected an appeal to lay down arms",
                # "a threat to cut aid": the noun frames the act as a verb would
                family = NOUN_FRAMES.get(head.lemma_.lower())
            if (
                family is None
                and carrier.dep_ == "ccomp"
                and head.pos_ == "VERB"
                and carrier.tag_ in ("VB", "VBP")
            ):
                # "reiterated its demand that Israel ease restrictions": the parser hangs the that-clause on
                # the verb; the demand noun it carries frames the act
                noun = next((c for c in head.children if c.dep_ == "dobj"), None)
                if noun is not None and NOUN_FRAMES.get(noun.lemma_.lower()) == "demand":
                    family = "demand"
            if (
                family == "demand"
                and carrier.dep_ == "ccomp"
                and not (_obliged(carrier) or carrier.tag_ == "VB")
            ):
                family = None  # "was told that soldiers beat detainees" reports, it does not demand
            if (
                family == "demand"
                and head.lemma_.lower() == "warn"
                and carrier.dep_ == "ccomp"
                and any(
                    c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall", "would")
                    for c in carrier.children
                )
            ):
                family = "threaten"  # "warned that police will no longer tolerate rallies": a threat
            if family == "demand" and head.lemma_.lower() in _COMMAND_VERBS and cand.code[:2] in _COERCIVE:
                # "the government ordered the paper to suspend publication": an authority's order to
                # restrict, expel or attack is that act, done by whoever gave the order
                family = "order"
            if family:
                new = compose(family, cand.code)
                if new:
                    cand.code = new
                cand.frame = head
                found.pop(head.i, None)
                for other in list(found.values()):
                    # "issued a warning that X must ...": the issuing is the frame, not an event of its own
                    if (
                        other.obj is not None
                        and other.obj.i == head.i
                        and other is not cand
                        and other.trigger.lemma_.lower() in _ISSUE_VERBS
                        and other.code[:2] not in ("12",)
                    ):
                        found.pop(other.trigger.i, None)
            elif any(
                c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "would") for c in carrier.children
            ) and not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in carrier.children):
                # "will withdraw its force unless Y arranges a ceasefire": a conditioned promise is a threat
                conditioned = any(
                    c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
                    for c in carrier.children
                )
                decided = (
                    carrier.dep_ == "ccomp"
                    and head.lemma_.lower() in ("announce", "decide")
                    and cand.code[:2] in ("16", "17")
                    and any(c.dep_ == "aux" and c.lower_ == "would" for c in carrier.children)
                )
                # "announced it would prohibit all aid": a decision reported in the past, not a threat
                new = None if decided else compose("threaten" if conditioned else "future", cand.code)
                if new:
                    cand.code = new

    # -- from a trigger to events -------------------------------------------------------------
    def _events(self, cand: Candidate, sent: Span, article: Article, resolver: Resolver) -> list[Event]:
        tok, pat = cand.trigger, cand.pattern
        root = cand.code[:2]
        preps = pat.target_preps or DEFAULT_TARGET_PREPS.get(root, ())
        if pat.nominal:
            src_toks, tgt_first, reciprocal = self._noun_sides(tok, preps)
            tgt_options = [tgt_first] if tgt_first else []
        else:
            src_toks, tgt_options, reciprocal = self._verb_sides(cand, preps)
        family = None
        if cand.frame is not None:
            carrier = tok.head if pat.nominal else tok
            frame_src = sides.subjects(cand.frame)
            if not frame_src and cand.frame.pos_ == "NOUN" and cand.frame.dep_ in ("dobj", "nsubjpass"):
                frame_src = sides.subjects(cand.frame.head)  # "X issued a warning that Y must ..."
            family = FRAMES.get(cand.frame.lemma_.lower(), "demand")
            if family == "demand" and cand.frame.lemma_.lower() in _COMMAND_VERBS and root in _COERCIVE:
                family = "order"
                tgt_options = [sides.direct_objects(cand.frame)] + tgt_options
            if cand.code[:2] == "10":
                addressee = []
                if carrier.dep_ in ("ccomp", "acl"):
                    addressee = [c for c in carrier.children if c.dep_ in ("nsubj", "nsubjpass")]
                addressee = (
                    addressee
                    or sides.direct_objects(cand.frame)
                    or [p for _, p in sides.prep_objects(cand.frame, ("on", "upon", "to"))]
                )
                told = []
                if cand.frame.pos_ == "NOUN" and cand.frame.head.i != cand.frame.i:
                    # "issued a warning to Serbia that it must ...": the one warned, when "it" echoes X
                    verb = cand.frame.head
                    told = sides.dative(verb) or [p for _, p in sides.prep_objects(verb, ("to",))]
                    told = [p for t in told for p in ([_pobj(t)] if t.dep_ == "dative" and _pobj(t) else [t])]
                lead = [sides.with_conjuncts(addressee[0])] if addressee else []
                if told:
                    lead.append(sides.with_conjuncts(told[0]))
                tgt_options = lead + tgt_options
            if frame_src:
                src_toks = frame_src
        if cand.purpose is not None:
            p = cand.purpose
            _, more, _ = self._verb_sides(
                p, p.pattern.target_preps or DEFAULT_TARGET_PREPS.get(p.code[:2], ())
            )
            tgt_options = tgt_options + more
        src = resolver.sides(src_toks)
        src_ids = {s.token for s in src}
        src_actors = {s.actor for s in src if s.actor}
        src_codes = {s.country for s in src}
        tgt: list[Side] = []
        resolved = []
        for option in tgt_options:
            # "X would boycott contact with Y", "X threatened an offensive in its war with Y": a
            # possessive or pronoun naming the source again is not the one acted on
            found = [
                t
                for t in resolver.sides(option)
                if t.token not in src_ids
                and not (
                    t.evidence in ("pronoun", "possessor")
                    and ((t.actor and t.actor in src_actors) or t.country in src_codes)
                )
            ]
            if found:
                resolved.append(found)
        # an option naming a country beats one that is only a role ("all official contact with the US")
        tgt = next(
            (o for o in resolved if any(not t.code.startswith(UNKNOWN) for t in o)),
            resolved[0] if resolved else [],
        )
        if not tgt and cand.topic is not None:
            topic = cand.topic
            _, more, _ = self._noun_sides(
                topic.trigger, topic.pattern.target_preps or DEFAULT_TARGET_PREPS.get(topic.code[:2], ())
            )
            tgt = [t for t in resolver.sides(more) if t.token not in src_ids]
        doc = sent.doc
        if code_root_is_threat(cand.code) and (
            not tgt
            or all(
                doc[t.token].head.lower_ in sides.LOCATIVE_PREPS
                or (t.actor is None and doc[t.token].pos_ == "NOUN")
                for t in tgt
            )
        ):
            # "threatened to halt talks unless Israel withdraws", "threatened to ban voting in East Jerusalem
            # if Hamas ran": the condition names the one threatened, before any place the act is in
            for anchor in (tok, cand.frame):
                found_cond = []
                for cond in _conditions(anchor):
                    found_cond = [
                        t
                        for t in resolver.sides(cond)
                        if t.token not in src_ids
                        and t.country != UNKNOWN
                        and not (t.evidence in ("pronoun", "possessor") and t.country in src_codes)
                    ]
                    if found_cond:
                        break
                if found_cond:
                    tgt = found_cond
                    break
        # where it happened
        loc = sides.locative(tok) or (sides.locative(cand.obj) if cand.obj is not None else None)
        if loc is None and not pat.nominal:
            # "blocked streets in Hong Kong": the place is on the object
            loc = next((sides.locative(o) for o in sides.direct_objects(tok)[:1]), None)
        if loc is None and pat.nominal and tok.dep_ in ("dobj", "nsubjpass") and tok.head is not tok:
            loc = sides.locative(tok.head)
        if loc is None and cand.frame is not None:
            loc = sides.locative(cand.frame)
        if loc is None:
            # "a roadside bombing near Samarra killed ...": the subject's place is the event's place
            for subj in src_toks[:1]:
                if subj.pos_ == "NOUN":
                    loc = sides.locative(subj)
        loc_code, place_id = resolver.place_code(loc) if loc is not None else (None, None)
        place_name = _phrase_text(loc.head if loc.head.dep_ == "prep" else loc) if loc is not None else None
        # the locative rule: an event "in Syria" with no other target targets that state
        if not tgt and loc_code and not (_mutual(cand) and len(src) >= 2):
            tgt = [Side(None, loc_code, loc.i, "locative")]
        if root in ("17", "18", "19", "20") and loc_code is None:
            # "Palestinian bombers killed 23 people when they blew themselves up in Tel Aviv",
            # "protesters set fire to the US embassy in Baghdad": a side nobody places is of the place the
            # sentence names, not of the other side's country
            tgt = _placed_by_sentence(tgt, src, resolver.sentence_places(sent))
            src = _placed_by_sentence(src, tgt, resolver.sentence_places(sent))
        # a visit or a meeting happens where the visitor is not at home: the place says nothing of the source
        away = cand.code[:2] == "04" or cand.code[:3] == "036"
        src, tgt = _domestic(src, tgt, loc_code, resolver.sentence_countries(sent), away)
        src, tgt = _named_first(src), _named_first(tgt)
        if not src and root in ("18", "19", "20"):
            # "a roadside bomb near Samarra killed ...": no named attacker, the attack is local
            here = loc_code or next(iter(resolver.sentence_countries(sent)), None)
            if here:
                src = [Side(None, here, tok.i, "place of attack")]
        if not src and root == "17" and loc_code and sides.is_passive(tok) and not pat.nominal:
            # "a missionary was arrested in Lebanon": arrests and expulsions are the local state's acts
            src = [Side(None, loc_code + "GOV", tok.i, "state of the place")]
        home = src[0].country if len(src) == 1 and src[0].country != UNKNOWN else None
        if home in ("IGO", "NGO", "IMG"):
            home = None  # an organisation has no home territory
        domestic = root in _DOMESTIC_ROOTS or (home and set(resolver.sentence_countries(sent)) <= {home})
        if not tgt and domestic and home and not code_is_symmetric(cand.code) and root not in ("01", "03"):
            # a protest, a curfew, an arrest with no one named: aimed at home
            tgt = [Side(None, src[0].country, src[0].token, "domestic")]
        stood_down = False
        if tgt and src and cand.code.startswith(_STAND_DOWN):
            # "rebels surrendered in Soroti", "Serb forces withdrew from Gorazde", "X resigned": one
            # does not retreat from or resign to one's own country; the place is no party
            home_codes = {s.country for s in src}
            kept = [t for t in tgt if not (t.code == t.country and t.country in home_codes)]
            stood_down, tgt = len(kept) < len(tgt), kept
        if not src and not tgt:
            return []
        if code_is_symmetric(cand.code) and not tgt and len(src) < 2 and not reciprocal:
            return []  # "the cabinet met on Sunday": a body meeting alone consults nobody
        if root in _TARGET_ROOTS_NEEDED and not tgt:
            return []
        bound = (
            cand.frame is not None
            or tok.dep_ in ("dobj", "nsubjpass")
            or (tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB" and tok.head.lower_ in _TOPIC_PREPS)
        )
        if pat.nominal and not (
            reciprocal
            or (stood_down and all(s.country != UNKNOWN for s in src))
            or (
                # a noun that is no verb's object and under no frame ("insisted unrest there reflected
                # ...") is not aimed at home just because nobody else is named
                ([t for t in tgt if t.evidence != "domestic" or bound] or len(src) >= 2)
                and src
                and all(s.country != UNKNOWN for s in src + tgt)
            )
        ):
            return []  # a bare event noun ("the war", "talks") names a topic more often than an event
        pairs: list[tuple[Side | None, Side | None]]
        if len({s.country for s in src}) >= 2 and code_is_symmetric(pat.code) and not cand.targets:
            # "X and Y failed to reach agreement on the fate of Z": a joint act of the two is mutual
            tgt = []
        if not tgt and (reciprocal or (len(src) >= 2 and _mutual(cand))):
            pairs = [(a, b) for a in src for b in src if a is not b and a.code != b.code]
            if len({s.country for s in src}) > 2 and not code_is_symmetric(cand.code):
                # "X and Y clashed" is mutual; four countries "worst hit" do not all fight each other
                pairs = []
        elif not src and len(tgt) >= 2 and reciprocal:
            pairs = [(a, b) for a in tgt for b in tgt if a is not b and a.code != b.code]
        else:
            pairs = [(a, b) for a in (src or [None]) for b in (tgt or [None])]
        pairs = [
            (a, b) for a, b in pairs if not (a and b and a.code == b.code and a.actor == b.actor and a.actor)
        ]
        if code_is_symmetric(cand.code):
            # talking, signing, cooperating: both parties do it ("X held talks with Y" -> Y with X too)
            pairs += [(b, a) for a, b in pairs if a and b and (b, a) not in pairs]
        mod = modality.analyse(cand.frame if cand.frame is not None else tok)
        if family == "intent" and mod.modality in ("asserted", "claimed"):
            mod.modality = "future"
        code = cand.code
        if code == "062" and len({s.country for s in src}) < 2 and not _has_partner(tok, cand.obj):
            # "Chinese warships held drills near Taiwan": exercises with no partner show force (150), one way
            code = "150"
            pairs = [(a, b) for a, b in pairs if a is None or a in src]
        if code[:3] == "083" and src and all(s.code[3:6] == "BUS" for s in src):
            return []  # "JPMorgan quit as adviser", "Fujitsu is quitting the market": firms do not resign
        if code[:2] == "15" and src and all(s.code[3:6] in _CIVIL_ROLES for s in src):
            return []  # a show of force is the armed forces' or the police's: "residents were alert"
        if code == "145" and src and all(s.code[3:6] in _ARMED_ROLES for s in src):
            # "rebels and government troops clashed": armed men fight; a riot is civilians'
            code = "190"
        if code == "143" and not cand.obj and any(s.code[3:6] in _ARMED_ROLES for s in src):
            # "the U.S.-led coalition struck": armed forces that strike attack; workers strike
            code = "190"
        if code[:3] in ("042", "043") and src_toks and _is_force(src_toks[0]):
            # "NATO peacekeeping troops arrived in Bosnia": a deployment, not a visit
            code = "074" if _is_peacekeeping(src_toks[0]) else "154"
        if cand.purpose is not None and code in patterns.PROTEST_CODES and cand.purpose.code[:3] == "104":
            # "demonstrated to demand his resignation": a protest for leadership change (1411)
            code = code + cand.purpose.code[3:4] if len(cand.purpose.code) == 4 else code
        if mod.modality == "negated" and code[:2] in ("03", "04", "05", "06", "07", "08"):
            # "will not accept refugees", "refused to meet": a refusal is itself an event (12x)
            code = compose("reject", code) or "120"
            mod.modality = "claimed" if mod.claimed_by is not None else "asserted"
        claimed_by = None
        if mod.claimed_by is not None:
            speaker = resolver.side(mod.claimed_by)
            claimed_by = speaker[0].actor if speaker else None
            if claimed_by is None and resolver.cast is not None:
                actor = resolver.cast.actor_of_token(mod.claimed_by)
                claimed_by = actor.id if actor else None
        date, basis = dates.resolve(tok, sent, article.published)
        info = lexicon.event_codes().get(code, {})
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
                    code=code,
                    root=code[:2],
                    source=a.actor if a else None,
                    target=b.actor if b else None,
                    source_code=a.code if a else None,
                    target_code=b.code if b else None,
                    quad_class=info.get("quad_class"),
                    goldstein=lexicon.goldstein_for(code),
                    plover=lexicon.plover_for(code),
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

    def _verb_sides(self, cand: Candidate, preps) -> tuple[list[Token], list[list[Token]], bool]:
        """Source tokens and the target candidates in order of preference; the first that resolves
        to an actor is the target ("rejected Hussein's proposal for a cease-fire" -> Hussein)."""
        tok = cand.trigger
        src = sides.subjects(tok)
        options: list[list[Token]] = []

        def add(tokens: list[Token]) -> None:
            if tokens:
                options.append(tokens)

        def add_hits(hits) -> None:
            for _, p in hits:
                add(sides.with_conjuncts(p))

        add(list(cand.targets))
        passive = sides.is_passive(tok)
        if cand.obj is not None:
            obj = cand.obj
            add(sides.dative(tok))
            add_hits(sides.prep_objects(tok, preps))
            if cand.code[:3] == "192":
                # "captured a Karen guerrilla stronghold on the Thai border": whose place it was, before
                # anything located around it
                add(sides.with_conjuncts(obj))
            obj_preps = tuple(preps) + _OBJECT_PREPS
            if obj.lemma_.lower() in _AGENT_NOUNS:
                # "demanded the withdrawal of Serbian forces from Bosnia": who is to withdraw is the target
                obj_preps = ("of", *obj_preps)
            if cand.code[:3] == "192":  # "a stronghold on the Thai border": where the place is, not whose
                obj_preps = tuple(p for p in obj_preps if p not in ("on", "in", "along", "near"))
            for noun in [n for o in sides.with_conjuncts(obj) for n in _object_chain(o)]:
                add_hits(sides.prep_objects(noun, obj_preps))
            add(_object_owner(obj))
            if obj.lemma_.lower() in _PARTY_NOUNS or obj.ent_type_ in ("PERSON", "NORP"):
                add(sides.with_conjuncts(obj))  # "hosted officials from X", "expelled diplomats": a party
            if not src:
                src = [
                    c
                    for c in obj.children
                    if c.dep_ in ("poss", "amod", "compound") and c.pos_ in ("PROPN", "ADJ")
                ]
        elif passive:
            subj = [c for c in tok.children if c.dep_ == "nsubjpass"]
            add(sides.with_conjuncts(subj[0]) if subj else [])
            add_hits(sides.prep_objects(tok, preps))
            for s in subj[:1]:
                # "a camp for Congolese refugees was attacked": the people the place is for or of
                add_hits(sides.prep_objects(s, ("for", "of")))
        else:
            add(sides.direct_objects(tok))
            add(sides.dative(tok))
            add_hits(sides.prep_objects(tok, preps))
            # "boycott contact with the United States", "launch an offensive in its war with Iraq":
            # the party hangs off the object or the prepositional phrase
            for o in sides.direct_objects(tok)[:1]:
                add_hits(sides.prep_objects(o, tuple(preps) + _OBJECT_PREPS + ("by",)))
                # "denounced Serbia's suppression of ...": the owner of the deed is the one acted on
                add(_object_owner(o))
            for _, p in sides.prep_objects(tok, ("as",)):
                # "denounced as an ugly crime Serbia's suppression" (parsed "as" + pobj, the deed in apposition)
                for q in [p, *(c for c in p.children if c.dep_ == "appos")]:
                    add(_object_owner(q))
            for _, p in sides.prep_objects(tok, preps):
                add_hits(sides.prep_objects(p, ("with", "against", "on")))
        if cand.code[:2] in ("01", "10", "11", "12", "02"):
            add(sides.clause_subject(tok))
        add(sides.stance_objects(tok))
        if cand.code[:2] == "14":
            for option in sides.purpose_parties(tok):
                add(option)
        if cand.code[:2] == "07" or cand.code[:3] == "033":
            # "send material to help defend Saudi Arabia": the purpose names who is helped
            for c in tok.children:
                if c.dep_ in ("advcl", "xcomp") and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children
                ):
                    for inner in [c, *(g for g in c.children if g.dep_ == "xcomp")]:
                        add(sides.direct_objects(inner))
        for c in tok.children:
            if c.dep_ == "xcomp":
                add(sides.direct_objects(c))
                add(sides.dative(c))
                add_hits(sides.prep_objects(c, tuple(preps) + ("to", "with", "on", "against")))
                for o in sides.direct_objects(c)[:1]:
                    add_hits(sides.prep_objects(o, tuple(preps) + _OBJECT_PREPS))
                    for _, p in sides.prep_objects(o, ("in",)):
                        add_hits(sides.prep_objects(p, ("with", "against")))
        # "mobilized reservists for a possible war against Iraq": the party of a nested war or campaign
        for _, p in sides.prep_objects(tok, ("for", "in", "to", "into", "during")):
            add_hits(sides.prep_objects(p, ("against",)))
        # last resort: a recipient the pattern does not list ("lift embargoes on sales ... to Iran, Libya")
        add_hits(sides.prep_objects(tok, ("to",)))
        between = [p for _, p in sides.prep_objects(tok, ("between", "among"))]
        if not options and between:
            return src, [sides.with_conjuncts(between[0])], True
        return src, options, False

    def _noun_sides(self, tok: Token, preps) -> tuple[list[Token], list[Token], bool]:
        src: list[Token] = [c for c in tok.children if c.dep_ == "poss"]
        if not src:
            src = [
                c
                for c in tok.children
                if c.dep_ in ("amod", "compound", "nmod")
                and c.i < tok.i
                and (c.pos_ == "PROPN" or (c.pos_ == "ADJ" and c.text[:1].isupper()))  # not "ethnic"
            ]
        by = [p for _, p in sides.prep_objects(tok, ("by",))]
        if by:
            src = sides.with_conjuncts(by[0])
        head = tok.head
        engaged = None
        if not src and tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() in _ENGAGE:
            # "forces were engaged in ethnic cleansing", "took part in the attack": the doer is the subject
            verb = head.head
            if verb.lemma_.lower() == "part" and verb.head.i != verb.i:
                verb = verb.head
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            src = sides.with_conjuncts(subj[0]) if subj else sides.subjects(verb)
            engaged = verb
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
        if not hits:
            # "the withdrawal of forces from Panama": the party hangs off the "of" phrase
            for _, inner in sides.prep_objects(tok, ("of",)):
                hits = [h for h in sides.prep_objects(inner, preps) if h[0].lower_ != "of"]
        if not hits and engaged is not None:
            hits = [h for h in sides.prep_objects(engaged, preps) if h[1].i != tok.i]
        tgt = sides.with_conjuncts(hits[0][1]) if hits else []
        if not tgt and head.i != tok.i:
            if tok.dep_ == "nsubj" and head.pos_ == "VERB":
                tgt = sides.direct_objects(head)
            elif tok.dep_ in ("dobj", "nsubjpass"):
                hits = sides.prep_objects(head, preps)
                tgt = sides.with_conjuncts(hits[0][1]) if hits else []
        return src, tgt, False


_PROMISE_VERBS = {"offer", "promise", "pledge", "propose", "vow"}
_PARTY_NOUNS = {
    "official", "diplomat", "minister", "delegation", "leader", "envoy", "president", "counterpart",
    "ambassador", "journalist", "worker", "refugee", "inspector", "observer", "monitor", "delegate",
    "negotiator", "representative", "visitor", "team", "mission", "national", "citizen", "prisoner",
}  # fmt: skip
_COMMAND_VERBS = {"order", "instruct", "command", "direct"}
_LEAVE_VERBS = {"leave", "quit", "depart", "exit"}
# acts named by a noun whose "of" phrase is the one who acts: the withdrawal of X, the resignation of Y
_AGENT_NOUNS = {
    "withdrawal", "pullout", "pull-out", "resignation", "departure", "disarmament", "surrender", "retreat",
    "compliance", "cooperation", "demobilization", "demobilisation", "redeployment",
}  # fmt: skip
_ATTEMPT_NOUNS = {"attempt", "bid", "plot"}
_COERCIVE = {"15", "16", "17"}
_STAND_DOWN = ("087", "0831")  # retreat, ceasefire, demobilize, surrender; resign
_TOPIC_PREPS = {"for", "on", "to", "against", "over", "about", "into", "with"}
_ISSUE_VERBS = {
    "issue", "deliver", "send", "give", "make", "sound", "repeat", "reiterate", "renew", "voice", "reach",
    "announce", "express", "strike", "forge", "hammer",
}  # fmt: skip
NOUN_FRAMES = {
    **dict.fromkeys(
        ["agreement", "consensus", "deal", "decision", "plan", "pledge", "promise", "commitment", "offer",
         "willingness", "readiness", "intention", "proposal", "accord", "understanding"],
        "intent",
    ),
    **dict.fromkeys(["demand", "call", "appeal", "request", "order", "plea", "invitation"], "demand"),
    **dict.fromkeys(["threat", "vow", "ultimatum"], "threaten"),
    **dict.fromkeys(["refusal"], "reject"),
}  # fmt: skip
_ENGAGE = {
    "engage", "involve", "participate", "part", "join", "resort", "persist", "implicate", "embroil",
    # "negotiators return to Geneva for talks": those who travel for an event hold it
    "return", "travel", "arrive", "fly", "head", "gather", "come", "go", "meet", "sit", "convene", "converge",
}  # fmt: skip
_SPEECH_NOUNS = {
    "reminder", "warning", "demand", "call", "appeal", "statement", "declaration", "message", "letter",
    "ultimatum", "note", "insistence", "position", "view",
}  # fmt: skip
OBLIGATION = patterns.Pattern(id="frame.obligation", code="100", lemma="", confidence=0.45, source="coder")


_NAME_ENTS = {"ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"}


def _has_partner(verb: Token, obj: Token | None) -> bool:
    """ "held exercises with the US", "joint drills", "fought alongside Kurdish forces": a partner."""
    for t in (verb, obj):
        if t is None:
            continue
        if any(c.dep_ == "prep" and c.lower_ in ("with", "alongside") for c in t.children):
            return True
        if any(c.lower_ in ("joint", "combined", "bilateral", "multinational") for c in t.children):
            return True
    return False


_PLACE_NOUNS = {
    "town", "city", "village", "area", "region", "country", "territory", "province", "base", "camp", "zone",
    "district", "capital", "enclave", "border", "port", "island", "strip", "valley", "neighbourhood",
    "neighborhood",
}  # fmt: skip


def _leaves_a_place(verb: Token) -> bool:
    """ "pulled out of the town", "backed out of Afghanistan": the thing left is a place."""
    for t in verb.subtree:
        if (
            t.dep_ == "pobj"
            and t.head.lower_ in ("of", "from")
            and t.head.head.i in (verb.i, *(c.i for c in verb.children))
        ):
            return t.lemma_.lower() in _PLACE_NOUNS or t.ent_type_ in ("GPE", "LOC")
    return False


def _particle(verb: Token, word: str) -> bool:
    """`word` hangs on the verb itself as its particle, not on its object or after it ("gave $300 million
    in aid to Kenya" is no "give in to"; "gave in to demands" is)."""
    first_obj = min((c.i for c in verb.children if c.dep_ == "dobj"), default=len(verb.doc))
    return any(
        c.lower_ == word and c.dep_ in ("prt", "prep", "advmod") and (c.dep_ == "prt" or c.i < first_obj)
        for c in verb.children
    )


def _nominalized(tok: Token) -> bool:
    """ "evacuated the wounded", "the accused": a participle with a determiner names people, not an act;
    "a hijacked ship", "the besieged town": a participle before its noun describes it."""
    if tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBG", "JJ") and tok.head.i > tok.i:
        return True
    return tok.tag_ in ("VBN", "VBG") and any(c.dep_ == "det" and c.i == tok.i - 1 for c in tok.children)


def _in_name(tok: Token) -> bool:
    """A capitalised word inside a name ("Ceasefire Violations Committee") or tagged as part of one."""
    if tok.ent_type_ in _NAME_ENTS and tok.ent_iob_ != "O":
        return True
    return (
        tok.is_title
        and tok.dep_ in ("compound", "nmod")
        and tok.head.pos_ == "PROPN"
        and tok.head.is_title
        and tok.i > tok.sent.start
    )


def _speech_head(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return (
        lemma in modality.SPEECH
        or lemma in ("issue", "reiterate")
        or (tok.pos_ == "NOUN" and lemma in _SPEECH_NOUNS)
    )


_ARMED_ROLES = ("MIL", "REB", "INS", "UAF", "SEP")
_CIVIL_ROLES = ("CVL", "OPP", "LAB", "EDU", "MED", "BUS", "REF", "HLH", "REL", "AGR", "ENV", "HRI")
_MUTUAL_LEMMAS = {
    "clash", "fight", "battle", "skirmish", "exchange", "agree", "negotiate", "talk", "meet", "reconcile",
    "disagree", "quarrel", "feud", "spar", "trade", "argue", "dispute", "compete", "war", "cooperate",
}  # fmt: skip
_MUTUAL_WORDS = {
    "agreement", "ceasefire", "cease-fire", "truce", "deal", "accord", "pact", "treaty", "talks", "joint",
    "each", "another", "mutual", "bilateral", "together",
}  # fmt: skip
_STATIVE_VERBS = {
    "be", "have", "remain", "seem", "feel", "become", "think", "know", "exist", "stay", "realise", "realize",
    "understand", "believe", "remember", "learn",
}  # fmt: skip
_NO_ONE_OBLIGED = {
    "we",
    "i",
    "us",
    "it",
    "this",
    "that",
    "there",
    "everyone",
    "everybody",
    "people",
    "nobody",
    "one",
}
_FORCE_NOUNS = {
    "troop", "troops", "soldier", "soldiers", "peacekeeper", "peacekeepers", "force", "forces", "contingent",
    "battalion", "brigade", "unit", "units", "deployment", "marine", "marines", "warship", "warships",
    "paratrooper", "paratroopers", "detachment", "patch", "batch", "convoy",
}  # fmt: skip


def _is_force(tok: Token) -> bool:
    """A side that is a body of troops ("the first deployment of NATO troops", "Bangladeshi soldiers")."""
    if tok.lemma_.lower() in _FORCE_NOUNS or tok.lower_ in _FORCE_NOUNS:
        if tok.lemma_.lower() in ("deployment", "patch", "batch", "convoy", "contingent"):
            return any(
                t.lemma_.lower() in _FORCE_NOUNS - {"deployment", "patch", "batch"} for t in tok.subtree
            )
        return True
    return False


def _is_peacekeeping(tok: Token) -> bool:
    return any("peacekeep" in t.lower_ or t.lower_ in ("observer", "observers") for t in tok.subtree)


def code_root_is_threat(code: str) -> bool:
    return code[:2] == "13"


def _conditions(anchor: Token | None) -> list[list[Token]]:
    """Subjects of the if/unless clauses hanging from `anchor`."""
    if anchor is None:
        return []
    out = []
    for c in anchor.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
            out.extend(sides.with_conjuncts(s) for s in c.children if s.dep_ in ("nsubj", "nsubjpass"))
    return out


def code_is_symmetric(code: str) -> bool:
    return code in _SYMMETRIC


def _obliged(verb: Token) -> bool:
    """A clause stating an obligation ("Libya must hand over", "Iraq should cooperate")."""
    return any(c.dep_ == "aux" and c.lower_ in ("must", "should", "ought") for c in verb.children)


def _inverted(verb: Token) -> bool:
    """ "should Russia strike": a modal before its subject is a condition, not an obligation."""
    aux = [c.i for c in verb.children if c.dep_ == "aux"]
    subj = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(aux and subj and min(aux) < min(subj))


def _object_fits(verb: Token, obj: Token | None, passive: bool, kind: str) -> bool:
    """ "held two suspects" is an arrest, "hold 10% of the seats" is not; "demonstrated outside the
    embassy" is a protest, "demonstrated its resolve" or "it was demonstrated that" is not."""
    if kind == "none":
        return obj is None and not passive and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
    if obj is None:
        return kind == "actor"  # "shares closed higher", "helped boost profits": no one is acted on
    return kind == "some" or any(_someone(t) for t in _object_chain(obj))  # "thousands of refugees"


def _somewhere(tok: Token | None, prep: Token) -> bool:
    """The object of "travel to", "arrive in": someone, or a named place ("Nairobi", "the Kremlin");
    not an act ("came close to buying")."""
    if tok is None:
        return not any(c.dep_ == "pcomp" for c in prep.children)
    return _someone(tok) or tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.pos_ == "PROPN"


def _someone(tok: Token) -> bool:
    """A noun that names people or an organised actor: a name, a personal pronoun, a role noun."""
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ == "NUM":
        return True
    if tok.tag_ == "PRP":
        return tok.lower_ not in ("it", "itself")
    if tok.lower_.endswith("-year-old") or tok.lower_.endswith("-year-olds"):
        return True  # "killed a 16-year-old"
    lemma = tok.lemma_.lower()
    words = (tok.lower_, lemma, lemma + "s")  # the lexicons list some role nouns in the plural only
    return any(w in _person_nouns() for w in words)


@functools.lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Role nouns of the actor lexicon (troops, officials, journalists) and the plain person nouns."""
    actors = load_lexicon()
    plain = lexicon.load_yaml("events_person_nouns.yaml")["person_nouns"]
    return frozenset([*actors.groups, *actors.titles, *plain])


def _mutual(cand: Candidate) -> bool:
    """Co-subjects act on each other only when the act is mutual: meeting, signing, cooperating,
    clashing ("Russia and China signed", "rebels and troops clashed"); "Syrian troops and Russian jets
    attacked the village" is two attackers of a third party."""
    if code_is_symmetric(cand.code) or cand.trigger.lemma_.lower() in _MUTUAL_LEMMAS:
        return True
    if cand.frame is not None and cand.frame.lemma_.lower() in _MUTUAL_LEMMAS | _MUTUAL_WORDS:
        return True  # "Jordan and Britain agreed to hold exercises"
    # "failed to reach agreement", "violated the ceasefire", "held joint exercises", "blamed each other":
    # the act's own object says so ("called for a ceasefire" is a demand on someone else)
    objects = [c for c in cand.trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if cand.obj is not None:
        objects.append(cand.obj)
    return any(t.lemma_.lower() in _MUTUAL_WORDS for o in objects for t in o.subtree)


def _of_chain(tok: Token) -> list[Token]:
    """A noun and the nouns it governs through "of" ("the cost of the asylum system" -> cost, system)."""
    out = [tok]
    while len(out) < 4:
        nxt = next((_pobj(c) for c in out[-1].children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if nxt is None:
            break
        out.append(nxt)
    return out


def _preposition_near(verb: Token, word: str) -> bool:
    """The pattern's preposition is one: on a word the verb governs ("seized control of", "pulled out
    of") or marking a clause ("called for the embargo to be lifted"), not an infinitive's "to"."""
    for c in verb.children:
        if c.dep_ in ("advcl", "ccomp") and c.left_edge.dep_ == "mark" and c.left_edge.lower_ == word:
            return True
        if c.dep_ in _WORD_DEPS and any(
            g.lower_ == word and g.dep_ in ("prep", "prt", "agent", "dative") for g in c.children
        ):
            return True
    return False


def _generic_subject(tok: Token) -> bool:
    """An event noun that is the subject of a modal verb and names no party ("Strikes of that kind would
    question Russia's intentions"): a kind of act talked about, not an act."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    modal = any(
        c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may", "can") for c in tok.head.children
    )
    party = any(
        c.dep_ in ("poss", "compound", "amod", "nmod")
        and (c.ent_type_ or c.pos_ == "PROPN")
        or (c.dep_ == "prep" and c.lower_ in ("by", "on", "against"))
        for c in tok.children
    )
    return modal and not party


def _temporal(prep: Token) -> bool:
    """A preposition that only dates the act ("on Monday", "in March")."""
    obj = _pobj(prep)
    return obj is not None and obj.ent_type_ in ("DATE", "TIME")


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _phrase_text(tok: Token) -> str:
    toks = [t for t in tok.subtree if t.dep_ not in ("relcl",)]
    return tok.doc[toks[0].i : toks[-1].i + 1].text


_SUBORDINATE_DEPS = {"advcl", "acl", "relcl", "pcomp", "pobj", "ccomp", "csubj", "npadvmod", "parataxis"}


def clause_depth(tok: Token) -> int:
    """How many subordinate clauses (or prepositional phrases) lie between `tok` and the sentence root.
    A clause reported by a speech verb ("X said Y attacked Z") is the news itself, so it is not counted."""
    depth = 0
    t = tok
    for _ in range(30):
        if t.head.i == t.i:
            break
        if t.dep_ in _SUBORDINATE_DEPS and not (
            t.dep_ in ("ccomp", "parataxis", "acl") and _speech_head(t.head)
        ):
            depth += 1
        t = t.head
    return depth


def _main_events(found: list[tuple[Candidate, Event]]) -> list[Event]:
    """A news sentence reports one main event (or several coordinated ones); events in its subordinate
    clauses and phrases ("after the attack on X", "which Y had rejected") are background, kept only
    when the main clause has none. A bare statement with no addressee adds nothing when the sentence
    codes something more specific."""
    # a verbal or cooperative act between parties no one can place ("the firm allowed users to ...",
    # "sought bankruptcy protection") is business or tech news, not news of states; violence, protest
    # and coercion by unplaced groups ("gunmen attacked ...") are kept
    found = [
        (c, e) for c, e in found if _placed(e.source_code) or _placed(e.target_code) or e.root in _UNPLACED_OK
    ]
    if len(found) <= 1:
        return [ev for _, ev in found]
    counted = [(c, e) for c, e in found if e.modality not in ("hypothetical", "negated")]
    pool = counted or found
    depth = {
        id(c): clause_depth(
            c.trigger.head if c.pattern.nominal and c.trigger.dep_ in ("dobj", "nsubjpass") else c.trigger
        )
        for c, _ in found
    }
    best = min(depth[id(c)] for c, _ in pool)
    keep = [(c, e) for c, e in found if depth[id(c)] <= best]
    # statements and appeals (01, 02) have no PLOVER type: beside a coded event they only repeat it
    specific = [(c, e) for c, e in keep if e.root not in ("01", "02")]
    out = [e for _, e in (specific or keep)]
    # "summoned Niger's envoy to complain of inaction": of two acts of one kind by one side, the one
    # that names who it is aimed at says it all; a copy aimed at nobody (or at home) adds nothing
    aimed = {
        (_country(e.source_code), _kind(e))
        for e in out
        if e.target_code and _country(e.target_code) != _country(e.source_code)
    }
    return [
        e
        for e in out
        if not (
            (_country(e.source_code), _kind(e)) in aimed
            and (not e.target_code or _country(e.target_code) == _country(e.source_code))
        )
    ]


_UNPLACED_OK = {"14", "15", "17", "18", "19", "20"}


def _placed(code: str | None) -> bool:
    return bool(code) and not code.startswith(UNKNOWN)


def _country(code: str | None) -> str:
    return (code or "")[:3]


def _kind(e: Event) -> str:
    return (e.plover or {}).get("type") or e.root if isinstance(e.plover, dict) else e.root


def _skip_sentence(sent: Span) -> bool:
    """Lists of links (a headline ticker, a menu) are not prose: their "sentences" join unrelated
    items. The test is on the whole line, as the parser may split a ticker anywhere."""
    text = doc_text(sent.doc)
    start = text.rfind("\n", 0, sent.start_char) + 1
    end = text.find("\n", sent.end_char)
    line = text[start : end if end >= 0 else len(text)]
    return sum(line.count(b) for b in _BULLETS) >= 2


def _placed_by_sentence(sides_: list[Side], other: list[Side], places: list[str]) -> list[Side]:
    """Role-only sides take the first place the sentence names that is not the other side's country."""
    theirs = {s.country for s in other if s.country != UNKNOWN}
    if not theirs or not any(s.code.startswith(UNKNOWN) for s in sides_):
        return sides_
    place = next((c for c in places if c not in theirs), None)
    if place is None:
        return sides_
    return [
        Side(s.actor, place + s.code[3:], s.token, s.evidence + " (place)")
        if s.code.startswith(UNKNOWN)
        else s
        for s in sides_
    ]


def _named_first(found: list[Side]) -> list[Side]:
    """ "demolished Palestinian homes and civilian buildings": a side whose country was only filled in
    from context adds nothing beside one of the same country named in the text."""
    named = {s.country for s in found if "(domestic)" not in s.evidence}
    return [s for s in found if s.actor or "(domestic)" not in s.evidence or s.country not in named]


def _domestic(
    src: list[Side], tgt: list[Side], loc_code: str | None, sentence_countries: list[str], away: bool = False
) -> tuple[list[Side], list[Side]]:
    """A side named only by its role ("demonstrators", "police") or by a name the lexicons do not
    place belongs to the country where the event happened, else (for a role) to the other side's
    country, else to the first country the sentence names: news names the country once, not per side."""

    def fill(sides_: list[Side], other: list[Side], loc_code: str | None) -> list[Side]:
        out = []
        known = next(
            (
                o.country
                for o in other or sides_  # "the military and the MILF clashed": a partner of the same list
                if o.country != UNKNOWN and not o.code.startswith(("IGO", "NGO", "IMG"))
            ),
            None,
        )
        for s in sides_:
            if s.code.startswith(UNKNOWN):
                role = s.code[3:]
                country = loc_code or (known if role else None) or next(iter(sentence_countries), None)
                if country:
                    s = Side(s.actor, country + role, s.token, s.evidence + " (domestic)")
            out.append(s)
        return out

    if away:
        # a visitor is not of the country visited: neither the place nor the host's country says where the
        # visitor is from; another country the sentence names may ("French deputies held talks in Bucharest")
        hosts = {loc_code} | {t.country for t in tgt}
        elsewhere = [c for c in sentence_countries if c not in hosts]
        return _domestic(src, [], None, elsewhere)[0], fill(tgt, src, loc_code)
    return fill(src, tgt, loc_code), fill(tgt, src, loc_code)
