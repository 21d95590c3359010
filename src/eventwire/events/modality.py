"""Modality of an event: asserted, claimed (with the speaker), hypothetical, negated or future.

Read from the path between the trigger and the sentence root: a negation on the trigger, a modal or
an "if/unless" on any clause above it, a "will" or an intention verb, and the first speech or
cognition verb governing it (whose subject is the claimant). Nothing is dropped: the event is kept
and marked, so a user decides what to count.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

SPEECH = {
    "say", "tell", "stress", "state", "claim", "report", "add", "announce", "declare", "insist", "assert",
    "note", "explain", "write", "reply", "respond", "confirm", "allege", "argue", "warn", "believe",
    "think", "suggest", "indicate", "maintain", "reiterate", "emphasize", "emphasise", "complain", "accuse",
    "deny", "admit", "acknowledge", "quote", "show", "reveal", "hope", "fear", "suspect", "understand",
    "learn", "estimate", "predict", "expect", "contend", "charge", "tweet", "testify", "recall", "conclude",
}  # fmt: skip
HYPOTHETICAL_MODALS = {"would", "could", "should", "might", "may", "must", "can", "'d", "ought"}
HYPOTHETICAL_MARKS = {"if", "unless", "whether", "lest"}
FUTURE_AUX = {"will", "shall", "'ll"}
INTENT_HEADS = {
    "plan", "intend", "vow", "pledge", "promise", "ready", "willing", "prepared", "agree", "offer",
    "decide", "aim", "going", "expect", "hope", "want", "seek", "prepare", "commit", "determined", "set",
    "propose", "threaten", "resolve", "undertake", "volunteer", "consent", "eager", "keen",
}  # fmt: skip
NEGATIONS = {"not", "n't", "never", "no", "nor", "neither"}
_CLAUSE_UP = {"xcomp", "conj", "pcomp", "advcl", "acomp", "ccomp", "relcl", "acl", "parataxis", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "oprd"}  # fmt: skip


@dataclass
class Modality:
    modality: str = "asserted"
    claimed_by: Token | None = None  # the speaker's head token


def _negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ in ("advmod", "det")) for c in tok.children):
        return True
    # "summoned no envoy", "no country sent troops": a participant negated by its determiner
    return any(
        c.dep_ in ("dobj", "nsubj", "nsubjpass")
        and any(d.dep_ == "det" and d.lower_ in ("no", "neither") for d in c.children)
        for c in tok.children
    )


def analyse(trigger: Token) -> Modality:
    out = Modality()
    negated = _negated(trigger)
    hypothetical = future = conditional = False
    would = reported = False
    speaker: Token | None = None
    t = trigger
    steps = 0
    while steps < 30:
        steps += 1
        for c in t.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in HYPOTHETICAL_MODALS:
                if c.lower_ in ("would", "'d"):
                    would = True
                elif c.lower_ == "should" and any(s.dep_ == "nsubj" and s.i > c.i for s in t.children):
                    conditional = True  # "should Russia strike": an inverted condition
                elif t.i == trigger.i or c.lower_ in ("could", "might", "may"):
                    hypothetical = True
            if c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS:
                conditional = True
            if c.dep_ == "aux" and c.lower_ in FUTURE_AUX:
                future = True
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in INTENT_HEADS:
            future = True
        if t.dep_ == "xcomp" and t.head.dep_ == "acomp" and t.head.lemma_.lower() in INTENT_HEADS:
            future = True
        if t.i != trigger.i and t.dep_ != "conj" and _negated(t) and steps <= 3 and t.dep_ in ("xcomp",):
            negated = True
        head = t.head
        if head.i == t.i:
            break
        if t.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in SPEECH:
            reported = True
            if speaker is None:
                speaker = _subject(head)
        if t.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            speaker = t  # pragma: no cover - "according to" has no clause to walk
        t = head
    # The sentence's root may itself be a speech verb attached as parataxis ("..., Lavrov said.")
    root = trigger.sent.root
    if speaker is None and root.i != trigger.i and trigger.lemma_.lower() not in SPEECH:
        for c in root.children:
            if c.dep_ in ("parataxis",) and c.lemma_.lower() in SPEECH:
                speaker = _subject(c)
        if speaker is None:
            for tok in trigger.sent:
                if tok.lower_ == "according" and tok.i + 2 < len(tok.doc) and tok.nbor(1).lower_ == "to":
                    speaker = next((c for c in tok.nbor(1).children if c.dep_ == "pobj"), None)
    if would and not conditional and speaker is None and not reported:
        conditional = True  # "would" with no speech verb above: a counterfactual or a condition
    elif would:
        future = True  # reported "will": "Iraq said it would allow the return of inspectors"
    if hypothetical or conditional:
        out.modality = "hypothetical"
    elif negated:
        out.modality = "negated"
    elif future:
        out.modality = "future"
    elif speaker is not None:
        out.modality = "claimed"
    out.claimed_by = speaker
    return out


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    return None
