"""Who did it and to whom: the tokens that fill source and target, read off the dependency parse.

Active and passive voice, coordination, control ("France is ready to cooperate": the subject of
"is"), relative clauses and prepositional objects are handled here; turning the tokens into actor codes
is `resolve.py`'s job.
"""

from __future__ import annotations

from spacy.tokens import Token

SUBJ = ("nsubj", "csubj")
OBJECT_CONTROL = {
    "urge", "ask", "order", "tell", "force", "persuade", "allow", "permit", "help", "enable", "invite",
    "encourage", "press", "pressure", "call", "instruct", "compel", "oblige", "require", "warn", "advise",
    "request", "beg", "implore", "convince", "lead", "push", "prompt", "authorize", "authorise", "want",
}  # fmt: skip
_CLIMB = ("xcomp", "conj", "pcomp", "advcl", "acomp", "prep", "ccomp_of_intent", "oprd")
SPEECH_LIKE = {
    "say", "complain", "add", "tell", "warn", "stress", "insist", "accuse", "deny", "announce", "declare",
    "criticize", "criticise", "urge", "demand", "note", "argue", "claim", "charge",
}  # fmt: skip
RELATIVE = {"who", "which", "that", "whom", "whose"}
_DOCUMENT_NOUNS = {
    "declaration", "statement", "letter", "resolution", "communique", "report", "message", "note", "petition",
    "motion", "appeal", "decree", "ultimatum",
}  # fmt: skip
LOCATIVE_PREPS = {"in", "near", "at", "inside", "across", "throughout", "outside", "around", "through"}


# "Israel is opposed to X", "Iraq is committed to Y": a state, read as active (the subject acts)
ADJECTIVAL_PASSIVES = {"oppose", "commit", "determine", "prepare", "dedicate", "devote", "resolve", "involve"}


def is_passive(verb: Token) -> bool:
    if verb.lemma_.lower() in ADJECTIVAL_PASSIVES and not any(c.dep_ == "agent" for c in verb.children):
        return False
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def with_conjuncts(tok: Token) -> list[Token]:
    """`tok` and the phrases coordinated with it ("Russia and Syria")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
            out.extend(with_conjuncts(c))
    return out


def agent(verb: Token) -> list[Token]:
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return with_conjuncts(p)
    return []


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """The acting side of `verb`: its subject, the agent of a passive, or the subject of the clause it
    depends on ("X agreed to cooperate", "X met Y and signed", "after meeting Y, X said")."""
    if is_passive(verb):
        found = agent(verb)
        if found:
            return found
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return []
    for c in verb.children:
        if c.dep_ in SUBJ or (c.dep_ == "nsubjpass" and not is_passive(verb)):
            if c.lower_ in RELATIVE and verb.dep_ == "relcl":
                return with_conjuncts(verb.head)
            if c.pos_ == "VERB":  # "The Red Cross operating in Iraq said": the parser's subject is the verb
                nested = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
                if nested:
                    return with_conjuncts(nested[0])
            return with_conjuncts(c)
    if depth > 4 or verb.head.i == verb.i:
        return []
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and verb.head.lemma_.lower() in _DOCUMENT_NOUNS
        and verb.head.dep_ == "dobj"
        and not any(c.dep_ == "poss" for c in verb.head.children)
    ):
        # "the PKK issued a declaration demanding that ...": whoever issued the document demands
        return subjects(verb.head.head, depth + 1)
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN")):
        if verb.dep_ == "relcl" or verb.tag_ == "VBG":
            return with_conjuncts(verb.head)
        return []
    if verb.dep_ == "xcomp":
        head = verb.head
        # object control: "urged Israel to withdraw" -> Israel withdraws
        for c in head.children:
            if c.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in OBJECT_CONTROL:
                return with_conjuncts(c)
        return subjects(head, depth + 1)
    if verb.dep_ == "conj" and verb.lemma_.lower() in SPEECH_LIKE:
        # "X said that Y appeared to ... and complained that ...": the complaint is X's
        h = verb.head
        while h.dep_ in ("conj", "xcomp") and h.head.i != h.i:
            h = h.head
        if h.dep_ == "ccomp" and h.head.lemma_.lower() in SPEECH_LIKE:
            return subjects(h.head, depth + 1)
    if verb.dep_ == "conj" and is_passive(verb.head) and not is_passive(verb):
        # "X was indicted by the court and will resign": the one who resigns is X, not the court
        patient = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        if patient:
            return with_conjuncts(patient[0])
    if verb.dep_ in ("conj", "advcl", "acomp", "oprd"):
        return subjects(verb.head, depth + 1)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        return subjects(verb.head.head, depth + 1)
    return []


def prep_objects(tok: Token, preps: set[str] | tuple[str, ...]) -> list[tuple[Token, Token]]:
    """(preposition, object) pairs under `tok` for the given prepositions, in order."""
    out = []
    order: dict[str, int] = {}
    for i, p in enumerate(preps):
        order.setdefault(p, i)  # the first mention of a preposition sets its rank
    heads = list(tok.children)
    # "pulled out of Somalia": the compound preposition "out of" hangs "of" under "out"
    heads += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "out" for g in c.children]
    for c in heads:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in order:
            for p in c.children:
                if p.dep_ == "pobj" and not is_time(p) and not (c.lower_ == "with" and _ally(p)):
                    out.append((c, p))
    # the pattern lists prepositions by preference: "complained to the UN over Israeli raids" -> raids
    return sorted(out, key=lambda cp: order[cp[0].lower_])


# "with Albania's help", "with the backing of the UN": whoever helps is an ally, not the one acted on
_ALLY_NOUNS = {"help", "support", "assistance", "backing", "cooperation", "co-operation", "blessing", "aid"}


def _ally(pobj: Token) -> bool:
    return pobj.lemma_.lower() in _ALLY_NOUNS


_TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    "tomorrow", "tonight", "morning", "evening", "night", "afternoon", "week", "month", "year", "day",
    "weekend", "time", "eve", "hour", "occasion", "anniversary",
}  # fmt: skip


def is_time(tok: Token) -> bool:
    """A date or time phrase ("on Wednesday", "on the eve of"), never a party to an event."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lemma_.lower() in _TIME_WORDS


def direct_objects(verb: Token) -> list[Token]:
    for c in verb.children:
        if c.dep_ == "dobj":
            return with_conjuncts(c)
    for c in verb.children:
        # "Obama called Russian President Putin": the parser may read the name as a predicate complement
        if c.dep_ == "oprd" and c.pos_ == "PROPN" and not any(d.dep_ == "dobj" for d in verb.children):
            return with_conjuncts(c)
    for c in verb.children:
        # "kidnapped up to 16 advisers": the parser hangs the object under "up to"
        if c.dep_ == "prt" and c.lower_ == "up":
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "to":
                    obj = next((o for o in p.children if o.dep_ == "pobj"), None)
                    if obj is not None and any(n.dep_ == "nummod" for n in obj.children):
                        return with_conjuncts(obj)
    return []


def dative(verb: Token) -> list[Token]:
    for c in verb.children:
        if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            return with_conjuncts(c)
    return []


def clause_subject(verb: Token) -> list[Token]:
    """Subject of a that-clause under `verb` ("complained that Moscow did not ...")."""
    for c in verb.children:
        if c.dep_ == "ccomp":
            for s in c.children:
                if s.dep_ in ("nsubj", "nsubjpass"):
                    return with_conjuncts(s)
    return []


# "in defiance of X", "in protest at X", "in retaliation for X": stances, not places; their object is
# the party the act is aimed at
STANCE_NOUNS = {
    "defiance", "protest", "retaliation", "response", "reprisal", "revenge", "opposition", "violation",
    "breach", "solidarity", "support", "reaction", "answer", "challenge", "contravention",
}  # fmt: skip
_NOT_PLACES = STANCE_NOUNS | {
    "effort", "bid", "attempt", "part", "favor", "favour", "line", "accordance", "view", "light", "wake",
    "face", "name", "interest", "memory", "honour", "honor", "exchange", "return", "order", "addition",
    "charge", "power", "control", "talk", "talks", "statement", "interview", "letter", "speech", "move",
}  # fmt: skip


def locative(tok: Token) -> Token | None:
    """The object of the first locative preposition on `tok` ("in Syria", "near the town of X"),
    skipping phrases that are not places ("in defiance of", "in an effort to")."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS:
            for p in c.children:
                if p.dep_ == "pobj" and not (p.pos_ == "NOUN" and p.lemma_.lower() in _NOT_PLACES):
                    return p
    return None


def stance_objects(verb: Token) -> list[Token]:
    """The party of "in defiance of X" / "in protest at X" / "in retaliation for X" on `verb`."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in STANCE_NOUNS:
                    for _, o in prep_objects(p, ("of", "at", "against", "for", "to", "over")):
                        return with_conjuncts(o)
    return []


def purpose_parties(verb: Token) -> list[list[Token]]:
    """Who a protest is aimed at, read from its purpose clause ("blocked a road to show their
    disapproval of US policies", "marched to denounce the government"): objects, then their PPs."""
    out: list[list[Token]] = []
    for c in verb.children:
        if c.dep_ not in ("advcl", "xcomp") or not any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children
        ):
            continue
        objs = [o for o in c.children if o.dep_ == "dobj"]
        for o in objs[:1]:
            out.append(with_conjuncts(o))
        for _, p in prep_objects(c, ("against", "at", "over", "to", "on", "for")):
            out.append(with_conjuncts(p))
        for o in objs[:1]:
            for _, p in prep_objects(o, ("of", "for", "against", "at", "over", "to", "with")):
                out.append(with_conjuncts(p))
                out.extend([[g] for g in p.children if g.dep_ == "poss"])
    return out
