"""Reported speech: "X said (that) ...", "..., X said.", "according to X, ...".

The content is read off the parse: the clausal complement of a reporting verb, or, when the
attribution trails the sentence, everything before it. Clauses that are mostly inside quotation
marks are left to the direct finder; clauses holding a quoted fragment become partial quotes.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.nlp import doc_text
from eventwire.quotes.candidate import Candidate, indirect_from_tokens
from eventwire.quotes.cues import cues, is_object_cue, is_report_verb, is_speech_verb, is_verb, verb_lemma
from eventwire.quotes.syntax import main_clause_of_participle, object_of_preposition, subject_of

MIN_CONTENT_TOKENS = 3
_TRIM = frozenset({",", ";", ":", "-", "\u2013", "\u2014", "(", ")"})


def _trim(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].is_space or tokens[0].text in _TRIM):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_space or tokens[-1].text in _TRIM or tokens[-1].text == "."):
        tokens = tokens[:-1]
    return tokens


def _candidate(
    doc: Doc,
    tokens: list[Token],
    cue: Token,
    cue_end: int,
    speaker: Token | None,
    via: str,
    minimum: int = MIN_CONTENT_TOKENS,
):
    tokens = _trim(sorted(tokens, key=lambda t: t.i))
    words = [t for t in tokens if not t.is_punct]
    if len(words) < minimum:
        return None
    if all(t.ent_type_ in ("DATE", "TIME") for t in words):
        return None  # "promised Sunday", "announced on Monday": when, not what
    return indirect_from_tokens(doc, tokens, cue, cue_end, speaker, via)


_UNSET = object()


_ASKED = frozenset({"ask", "question", "press", "pressed", "quiz"})  # what the one asked undergoes


def _passive(verb: Token) -> bool:
    """A cue in the passive ("was asked", "Sanders, asked about ..."): its subject is what is
    reported on, not who reports."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if (
        verb.tag_ == "VBN"
        and verb.dep_ in ("acl", "advcl")
        and not any(c.dep_ == "aux" for c in verb.children)
    ):
        return True
    if (  # "Cruz, when asked about the plan, ...": a reduced clause the parse took for a relative one
        (verb.tag_ == "VBN" or verb.lemma_.lower() in _ASKED and verb.doc[verb.i - 1].lower_ == "when")
        and verb.dep_ == "relcl"
        and not any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in verb.children)
    ):
        return True
    # "Carson, asked about the story, said ...": a participle set off by commas, which the parser
    # may take for the main verb with the name as its subject
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    return (
        verb.tag_ in ("VBN", "VBD")
        and verb.lemma_.lower() in _ASKED
        and prev is not None
        and prev.text == ","
        and any(c.dep_ == "nsubj" and c.i < prev.i for c in verb.children)
        and not any(c.dep_ == "aux" for c in verb.children)
        and any(c.dep_ in ("dep", "conj", "parataxis") and c.i > verb.i and is_verb(c) for c in verb.children)
    )


def speaker_of(verb: Token, quoted: set[int]):
    """The speaker head of a cue verb; `_UNSET` when the verb is passive with no agent (the
    attribution has no source in the text)."""
    if _passive(verb):
        for child in verb.children:
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        return _UNSET
    return subject_of(verb, quoted)


def _complement(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i > verb.i:
            return child
    return None


MAX_THAT_GAP = 12  # tokens between a verb of saying and a "that" its parse did not attach to it


def _that_clause(verb: Token, quoted: set[int]) -> list[Token] | None:
    """ "said on NBC's ''Meet the Press'' on Sunday that ...": the that-clause after a verb of saying
    across adjuncts, when the parse attached it elsewhere."""
    doc = verb.doc
    for t in doc[verb.i + 1 : min(verb.sent.end, verb.i + 1 + MAX_THAT_GAP)]:
        if t.lower_ == "that" and t.dep_ == "mark":
            return [x for x in t.head.subtree if x.i >= t.i]
        if t.i not in quoted and (is_verb(t) or t.text in (".", ";", "?", "!")):
            return None
    return None


def _trailing(verb: Token) -> list[Token] | None:
    """For "<clause>, X said ...": the clause, when the attribution hangs off its verb."""
    head = verb.head
    if verb.dep_ not in ("parataxis", "ccomp", "advcl", "conj") or head.i == verb.i or head.i > verb.i:
        return None
    if not is_report_verb(verb):
        return None
    if any(c.dep_ in ("dobj", "xcomp") and c.i > verb.i for c in verb.children):
        return None  # "..., hoping to win", "..., citing polls": the verb's own object is the content
    left = min(t.i for t in verb.subtree)
    before = verb.doc[left - 1] if left > 0 else None
    if before is None or before.text not in (",", "\u2014", "\u2013"):
        return None
    sent = verb.sent
    return list(verb.doc[sent.start : left])


def _parenthetical(verb: Token) -> tuple[list[Token], list[Token]] | None:
    """For "<words>, X says, <words>.": the attribution set off by commas inside the clause it
    reports, parsed as hanging off the clause's verb after it; the content is both sides."""
    head = verb.head
    if verb.dep_ not in ("parataxis", "ccomp", "advcl") or head.i <= verb.i:
        return None
    sub = list(verb.subtree)
    lo, hi = sub[0].i, sub[-1].i
    doc = verb.doc
    while hi > verb.i and doc[hi].is_punct:
        hi -= 1
    while lo < verb.i and doc[lo].is_punct:
        lo += 1
    if lo == 0 or doc[lo - 1].text != "," or hi + 1 >= len(doc) or doc[hi + 1].text != ",":
        return None
    sent = verb.sent
    left, right = list(doc[sent.start : lo - 1]), list(doc[hi + 2 : sent.end])
    if len([t for t in left if not t.is_punct]) < 2 or len([t for t in right if not t.is_punct]) < 2:
        return None
    return left, right


def _root_before(verb: Token) -> list[Token] | None:
    """For "<clause>, X said." parsed with "said" as the root and the clause as its ccomp before it."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i < verb.i:
            tokens = list(child.subtree)
            if (
                verb.doc[tokens[-1].i + 1].text in (",", "\u2014", "\u2013")
                if tokens[-1].i + 1 < len(verb.doc)
                else False
            ):
                return tokens
    return None


def _special_verb(doc: Doc, tok: Token, quoted: set[int]) -> Candidate | None:
    """Verbs whose attribution has a shape of its own ("seems", phrasal cues, "hit him for", "looks
    to", "viewed as"): the first shape that fits, tried in that order."""
    lemma = verb_lemma(tok)
    finders = (
        (_SEEM, lambda: _seems(doc, tok)),
        (cues().phrasal, lambda: _phrasal(doc, tok, quoted)),
        (_HITTING, lambda: _hit_for(doc, tok, quoted)),
        (_SEEKING, lambda: _looks_to(doc, tok, quoted)),
        (cues().as_verbs, lambda: _viewed_as(doc, tok, quoted)),
    )
    for lemmas, find in finders:
        if lemma in lemmas:
            cand = find()
            if cand:
                return cand
    return None


def find_indirect(doc: Doc, quoted: set[int], used_cues: set[int]) -> list[Candidate]:
    """Reported clauses; `quoted` holds the token indices inside quotation marks, `used_cues` the
    cues already attributing a direct quote."""
    out: list[Candidate] = []
    for tok in doc:
        if tok.i in quoted or tok.i in used_cues:
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            cand = _according(doc, tok, quoted)
            if cand:
                out.append(cand)
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in cues().nouns | cues().stance_nouns:
            cand = _noun_content(doc, tok, quoted) if tok.lemma_.lower() in cues().nouns else None
            if cand is None and tok.lemma_.lower() in cues().stance_nouns:
                cand = _stance_noun(doc, tok, quoted)
            if cand:
                out.append(cand)
            continue
        if tok.pos_ == "ADJ" and tok.lower_ in cues().stance_adjectives and tok.dep_ == "acomp":
            cand = _stance_adjective(doc, tok, quoted)
            if cand:
                out.append(cand)
            continue
        special = _special_verb(doc, tok, quoted) if is_verb(tok) else None
        if special is not None:
            out.append(special)
            continue
        if not is_report_verb(tok) and not is_object_cue(tok):
            continue
        if _idiom_or_no_source(tok):
            continue
        if verb_lemma(tok) in cues().direct_only:
            continue
        cue_end = tok.idx + len(tok.text)
        comp = _complement(tok)
        tokens = list(comp.subtree) if comp is not None else []
        closing = [t for t in tokens if t.tag_ == "VBG" and _closes_for(t, tok)]
        if closing:  # "..., implying that ...": what the reporter did besides, not what was reported
            tokens = [t for t in tokens if t.i < closing[0].left_edge.i - 1]
        if (
            comp is not None
        ):  # "... was ignorant and criticized him": a second cue of the reporter is not content
            cut = {
                t.i
                for c in comp.children
                if c.dep_ == "conj"
                and is_report_verb(c)
                and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
                for t in c.subtree
            }
            if cut:
                tokens = [
                    t
                    for t in tokens
                    if t.i not in cut and t.i < min(cut) - (1 if doc[min(cut) - 1].pos_ == "CCONJ" else 0)
                ]
        if is_speech_verb(tok) and sum(1 for t in tokens if t.i in quoted) * 2 >= len(tokens):
            # no complement, or a quoted title taken for it ("said on ''Meet the Press'' that ...")
            tokens = _that_clause(tok, quoted) or tokens
        if tokens:
            spk = speaker_of(tok, quoted)
            cand = _candidate(doc, tokens, tok, cue_end, None if spk is _UNSET else spk, "ccomp")
            if cand:
                out.append(cand)
            continue
        before = _root_before(tok) or _trailing(tok) if is_report_verb(tok) else None
        if before is not None and subject_of(tok, quoted) is not None:
            cand = _candidate(doc, before, tok, cue_end, subject_of(tok, quoted), "trailing")
            if cand:
                out.append(cand)
            continue
        around = _parenthetical(tok) if is_report_verb(tok) else None
        if around is not None and subject_of(tok, quoted) is not None:
            cand = _candidate(doc, around[0] + around[1], tok, cue_end, subject_of(tok, quoted), "inserted")
            if cand:
                left, right = _trim(around[0]), _trim(around[1])
                if left and right:  # the reported words around the attribution, joined
                    cand.text = (
                        f"{doc_text(doc)[left[0].idx : left[-1].idx + len(left[-1].text)]} "
                        + (doc_text(doc)[right[0].idx : right[-1].idx + len(right[-1].text)])
                    )
                out.append(cand)
            continue
        if is_object_cue(tok):
            cand = _object_content(doc, tok, cue_end, quoted)
            if cand:
                out.append(cand)
    cues_taken = {c.cue.i for c in out if c.cue is not None}
    for sent in doc.sents:
        cand = _trailing_by_form(doc, sent, quoted)
        if cand is not None and cand.cue.i not in cues_taken:
            out.append(cand)
    return out


# forms of reporting verbs the tagger, at a sentence's end, may take for nouns ("..., records show.")
_TRAILING_FORMS = frozenset(
    "show shows showed suggest suggests indicate indicates say says said report reports reported "
    "found find finds add adds added note notes noted".split()
)
_NP_WORDS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "CCONJ"})


def _trailing_by_form(doc: Doc, sent, quoted: set[int]) -> Candidate | None:
    """ "A company gave $5,000 to the PAC in June, campaign finance records show.": an attribution
    closing its sentence after a comma, read by the words' form when the parse took the verb for a
    noun; the clause before the comma is what was reported, the noun phrase its source."""
    toks = [t for t in sent if not t.is_space]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if len(toks) < 6:
        return None
    cue = toks[-1]
    if cue.lower_ not in _TRAILING_FORMS or is_verb(cue) or cue.i in quoted:
        return None
    k = len(toks) - 2
    while k >= 0 and toks[k].pos_ in _NP_WORDS and toks[k].text != ",":
        k -= 1
    if k < 3 or toks[k].text != "," or k == len(toks) - 2 or len(toks) - 2 - k > 6:
        return None
    source = toks[len(toks) - 2]
    if source.pos_ not in ("NOUN", "PROPN"):
        return None
    content = toks[:k]
    if any(t.i in quoted for t in content):
        return None
    return _candidate(doc, content, cue, cue.idx + len(cue.text), source, "trailing")


_IDIOM_SUBJECTS = frozenset({"that", "all", "this"})
_JUDGEMENT_ADJECTIVES = frozenset(
    {"soon", "early", "hard", "difficult", "fair", "safe", "easy", "impossible"}
)


def _closes_for(participle: Token, verb: Token) -> bool:
    """Whether a participle closing the sentence is what `verb`'s subject did besides reporting."""
    main = main_clause_of_participle(participle)
    return main is not None and main.i == verb.i


def _idiom_or_no_source(verb: Token) -> bool:
    """Verbs of saying that report nothing: "That said, ...", "All told, ...", "it is too soon to
    say how ...", and a date standing as subject ("Wednesday added one more twist")."""
    doc = verb.doc
    if verb_lemma(verb) == "add" and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "up":
        return True  # "deficits would add up to $1.5 trillion": a sum, not a remark
    if (
        verb.lower_ in ("seeing", "considering", "given")
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].lower_
        in (
            "as",
            "that",
            "how",
        )
    ):
        return True  # "seeing as reports ...", "considering that ...": a conjunction, not a cue
    if verb.lower_ in ("said", "told") and verb.i > 0 and verb.i + 1 < len(doc):
        prev, nxt = doc[verb.i - 1], doc[verb.i + 1]
        if prev.lower_ in _IDIOM_SUBJECTS and nxt.text == "," and (prev.i == 0 or prev.is_sent_start):
            return True
    if (
        verb.dep_ == "xcomp"
        and verb.head.lower_ in _JUDGEMENT_ADJECTIVES
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        return True
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        subj is not None
        and subj.ent_type_ in ("DATE", "TIME")
        and subj.pos_ == "PROPN"
        and not any(c.dep_ in ("compound", "poss") for c in subj.children)
    )


# "accused X of ...", "criticized X for ...", "sees X as ...", "compared X to ...": the preposition
# after the object carries the rest of what is said about it
_TALK = frozenset({"talk", "speak", "write", "say", "explain", "complain", "respond", "reply"})
_CHARGE_PREPOSITIONS = frozenset({"of", "for", "as", "to"})
# a person as the object of a stance verb is what the stance is about ("have never trusted him",
# "endorsed her"), unlike "said that" or "added it", which point at content stated elsewhere
_PERSONAL = frozenset({"him", "her", "them", "us", "me", "you"})
_NAMING = frozenset({"call", "dub", "label", "term", "brand", "nickname"})
_RELATIVE_WORDS = frozenset({"that", "which", "what", "who", "whom"})


_AUDIENCE = frozenset(
    {
        "reporter",
        "journalist",
        "supporter",
        "voter",
        "crowd",
        "audience",
        "member",
        "people",
        "official",
        "leader",
        "lawmaker",
        "student",
        "worker",
        "viewer",
        "listener",
        "donor",
        "delegate",
        "colleague",
        "friend",
        "aide",
        "staff",
        "staffer",
        "follower",
        "fan",
        "group",
        "committee",
        "interviewer",
        "host",
        "panel",
        "congregation",
    }
)


def _addressee_like(obj: Token) -> bool:
    """An object that names who is spoken to (a person, a group, an audience) rather than what is said."""
    return (
        obj.pos_ in ("PRON", "PROPN")
        or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or obj.lemma_.lower() in _AUDIENCE | cues().role_nouns
    )


def _object_content(doc: Doc, verb: Token, cue_end: int, quoted: set[int]) -> Candidate | None:
    """What a verb of saying or stance takes as object: its infinitive ("vowed to act"), its object
    ("announced a series of steps"; not the addressee of "told reporters"), or a prepositional
    object ("called for action")."""
    if (
        verb.dep_ == "xcomp"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not (verb.head.lower_ == "used" and verb.head.tag_ == "VBD")  # "used to support X": a habit
        and not _took_to_a_medium(verb.head)
    ):
        return None  # "sought to inform X of Y": an aim, not something said
    speaker = speaker_of(verb, quoted)
    if speaker is None:
        return None
    if speaker is _UNSET:
        speaker = None
    lemma = verb_lemma(verb)
    patient = _passive_patient(verb, lemma)
    if patient is not None and speaker is not None:
        # "Cruz was endorsed by Carly Fiorina": what the agent stands for is the passive's subject
        return _candidate(doc, list(patient.subtree), verb, cue_end, speaker, "passive", minimum=1)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    split = _possessive_split(verb, objects)
    if split:  # "tweeted her thanks to the president", parsed as "tweeted her" + "thanks"
        return _candidate(doc, split, verb, cue_end, speaker, "dobj", minimum=2)
    if lemma in cues().addressee:
        objects = [
            o for o in objects if not _addressee_like(o)
        ]  # "told reporters", not "urged a strong stand"
    for child in verb.children:
        if child.dep_ == "xcomp" and child.i > verb.i and any(a.dep_ == "aux" for a in child.children):
            return _candidate(doc, _without_conjoined_cues(child), verb, cue_end, speaker, "xcomp", minimum=2)
        if (
            child.dep_ in ("xcomp", "ccomp")
            and child.i > verb.i
            and child.tag_ == "VBG"
            and is_speech_verb(verb)
        ):
            # "reported raising $9 million", "denied taking the money": a gerund of what is said
            return _candidate(doc, list(child.subtree), verb, cue_end, speaker, "gerund", minimum=2)
        if (
            child.dep_ == "advcl"
            and child.i > verb.i
            and is_speech_verb(verb)
            and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in child.children)
        ):  # "asked if Trump benefits from ...": the question asked
            return _candidate(doc, list(child.subtree), verb, cue_end, speaker, "question", minimum=2)
    for child in verb.children:
        if (
            child.dep_ == "advcl"
            and child.i > verb.i
            and any(m.dep_ == "mark" and m.lower_ == "for" and m.i == verb.i + 1 for m in child.children)
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)
        ):  # "called for the council to reject the plan": who is to do what
            tokens = [t for t in child.subtree if t.i > verb.i + 1]
            return _candidate(doc, tokens, verb, doc[verb.i + 1].idx + 3, speaker, "prep", minimum=2)
    named = _named_as(verb, objects)
    if named:  # "calling it the mark of a desperate campaign": the thing and what it is called
        return _candidate(doc, named, verb, cue_end, speaker, "named", minimum=2)
    if lemma in _NAMING:
        objects = []  # "as they call each other", "called reporters": no name given, nothing said
    if (
        objects
        and objects[0].pos_ in ("PRON", "DET")
        and len(list(objects[0].subtree)) == 1
        and not (objects[0].lower_ in _PERSONAL and lemma in cues().object and lemma not in cues().addressee)
        and not any(
            c.dep_ == "prep" and c.lower_ in _CHARGE_PREPOSITIONS and c.i == objects[0].i + 1
            for c in verb.children
        )
    ):
        objects = []  # "said that", "added it": a pointer to content stated elsewhere
    if objects:
        tokens = list(objects[0].subtree)
        # "accused Mr. Trump of running a campaign of hatred", "criticized him for saying ...": the
        # charge belongs to what is said
        reason = [
            c
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in _CHARGE_PREPOSITIONS and c.i == tokens[-1].i + 1
        ]
        if reason:
            tokens += list(reason[0].subtree)
        return _candidate(doc, tokens, verb, cue_end, speaker, "dobj", minimum=1)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in cues().object_prepositions and child.i > verb.i:
            objs = [
                c
                for c in child.children
                if c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in ("DATE", "TIME")  # "reported on Sunday"
            ]
            if child.lower_ in ("to", "with") and verb_lemma(verb) in cues().addressee | _TALK:
                objs = []  # "talking to reporters": who is spoken to
            if objs:
                cue_end = child.idx + len(child.text)
                tokens = list(objs[0].subtree)
                if child.lower_ == "for":
                    tokens = _with_infinitive(tokens)
                return _candidate(doc, tokens, verb, cue_end, speaker, "prep", minimum=1)
    return None


_HITTING = frozenset({"hit", "hammer", "pound", "ding", "rap", "needle", "jab", "pummel", "batter"})


def _hit_for(doc: Doc, verb: Token, quoted: set[int]) -> Candidate | None:
    """ "None of his rivals hit him for it", "hitting the businessman on everything from his tan to
    ...": a verb of striking with a person as object and what they are faulted for is an attack in
    words; the person and the charge are the content. Without the charge it is a blow ("hit a wall")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or not (
        obj.pos_ in ("PRON", "PROPN") or _addressee_like(obj) or obj.lemma_ in cues().role_nouns
    ):
        return None
    charge = next(
        (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "on", "over") and c.i > obj.i),
        None,
    )
    if charge is None or charge.i != obj.right_edge.i + 1:
        return None
    spk = speaker_of(verb, quoted)
    if spk is None or spk is _UNSET:
        return None
    tokens = list(obj.subtree) + list(charge.subtree)
    return _candidate(doc, tokens, verb, verb.idx + len(verb.text), spk, "charge", minimum=2)


_SEEKING = frozenset({"look", "aim", "hope", "strive", "move"})


def _looks_to(doc: Doc, verb: Token, quoted: set[int]) -> Candidate | None:
    """ "Cruz looks to build on his momentum", "moved to block the rule": an aim its subject pursues,
    the infinitive after the verb; "looks to be" is an impression, not an aim."""
    inf = next(
        (
            c
            for c in verb.children
            if c.dep_ == "xcomp"
            and c.i > verb.i
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ),
        None,
    )
    if inf is None or inf.lemma_ in ("be", "have") or verb_lemma(verb) in cues().object:
        return None
    spk = speaker_of(verb, quoted)
    if spk is None or spk is _UNSET:
        return None
    if not (spk.pos_ in ("PRON", "PROPN") or spk.tag_ in ("NNS", "NNPS") or _addressee_like(spk)):
        return None  # "the race looks to tighten": only people and groups pursue an aim
    return _candidate(
        doc, _without_conjoined_cues(inf), verb, verb.idx + len(verb.text), spk, "aim", minimum=2
    )


def _without_conjoined_cues(head: Token) -> list[Token]:
    """The subtree of a reported verb without a conjoined cue of its own ("to preserve their dignity and
    thinking about what's next"): that second cue is an attribution of its own."""
    tokens = list(head.subtree)
    for c in head.children:
        if c.dep_ == "conj" and is_verb(c) and (is_report_verb(c) or verb_lemma(c) in cues().phrasal):
            cut = c.left_edge.i
            if cut > 0 and head.doc[cut - 1].pos_ == "CCONJ":
                cut -= 1
            tokens = [t for t in tokens if t.i < cut]
            break
    return tokens


def _took_to_a_medium(verb: Token) -> bool:
    """ "took to Twitter to applaud the move", "went on Fox News to defend him": the infinitive is what
    the subject did there, not an aim."""
    return verb_lemma(verb) in ("take", "go", "turn", "head") and any(
        c.dep_ == "prep" and c.lower_ in ("to", "on") for c in verb.children
    )


def _with_infinitive(tokens: list[Token]) -> list[Token]:
    """ "a plea for the GOP to unite behind him": the infinitive after the object of "for" says what
    the object is to do, though the parse hangs it on the main verb; it belongs to the content."""
    if not tokens:
        return tokens
    last = max(t.i for t in tokens)
    doc = tokens[0].doc
    if last + 2 >= len(doc) or doc[last + 1].lower_ != "to" or doc[last + 1].dep_ != "aux":
        return tokens
    verb = doc[last + 1].head
    if verb.i <= last + 1 or not is_verb(verb):
        return tokens
    return tokens + [t for t in verb.subtree if t.i > last]


def _passive_patient(verb: Token, lemma: str) -> Token | None:
    """The subject of a stance verb in the passive with its agent named ("was endorsed by X", "is
    backed by a union"); None for verbs whose passive subject is the one spoken to ("was told")."""
    if lemma not in cues().object or lemma in cues().addressee:
        return None
    if not any(c.dep_ == "agent" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lower_ in _RELATIVE_WORDS or subj.lower_ in ("it", "this"):
        return None
    return subj


def _possessive_split(verb: Token, objects: list[Token]) -> list[Token] | None:
    """ "tweeted her thanks to the president": the parse may take "her" for the object and hang the
    noun it determines on the verb; the two together are the object."""
    if len(objects) != 1 or objects[0].lower_ != "her" or verb_lemma(verb) in cues().addressee:
        return None
    doc = verb.doc
    nxt = doc[objects[0].i + 1] if objects[0].i + 1 < len(doc) else None
    if nxt is None or nxt.pos_ != "NOUN" or nxt.head.i != verb.i:
        return None
    return [objects[0]] + list(nxt.subtree)


def _named_as(verb: Token, objects: list[Token]) -> list[Token] | None:
    """ "Others call it the nerd prom", "dubbed the plan a giveaway": a verb of naming with an object
    and the name or judgement given to it (the parse's object predicate); both are the content."""
    if not objects or objects[0].lower_ in _RELATIVE_WORDS:
        return None  # "a clip that the judge called "distasteful"": the thing named stands elsewhere
    pred = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp") and c.i > objects[0].i), None)
    if (
        pred is None
        or pred.pos_ not in ("NOUN", "PROPN", "ADJ")
        or any(c.dep_ == "aux" for c in pred.children)
    ):
        return None
    return sorted(list(objects[0].subtree) + list(pred.subtree), key=lambda t: t.i)


def _according(doc: Doc, tok: Token, quoted: set[int]) -> Candidate | None:
    to = doc[tok.i + 1]
    speaker = object_of_preposition(to)
    phrase = sorted({tok.i, to.i} | {t.i for t in to.subtree} | {t.i for t in tok.subtree})
    lo, hi = phrase[0], phrase[-1]
    sent = tok.sent
    before = list(doc[sent.start : lo])
    after = list(doc[hi + 1 : sent.end])
    tokens = after if len(after) >= len(before) else before
    if tokens is before and not any(t.i in quoted for t in before) and sent.start > 0:
        # ""... in?" O'Malley said, according to the Sun": the parse ended the sentence at the "?"
        # inside the quote; the quote just before is what the paper reports
        prev = [t for t in doc[doc[sent.start - 1].sent.start : sent.start] if t.i in quoted]
        if prev and prev[-1].i >= sent.start - 2 and any(is_speech_verb(t) for t in before):
            tokens = prev + before
    inside = [t for t in tokens if t.i in quoted]
    if inside and any(is_speech_verb(t) and t.i not in quoted for t in tokens):
        # ""...," O'Malley said, according to the Sun": the paper reports the same quote
        return _candidate(doc, inside, tok, to.idx + len(to.text), speaker, "according-quote")
    return _candidate(doc, tokens, tok, to.idx + len(to.text), speaker, "according")


def _clause_with_that(head: Token, deps: tuple[str, ...]) -> Token | None:
    """The clause after `head`, among its `deps` children, that opens with "that"."""
    return next(
        (
            c
            for c in head.children
            if c.dep_ in deps
            and c.i > head.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )


def _noun_content(doc: Doc, noun: Token, quoted: set[int]) -> Candidate | None:
    """ "his claim that ...": the that-clause of a noun of saying, said by its possessor or by the
    subject of the verb that has the noun as object ("Trump repeated his warning that ...")."""
    clause = _clause_with_that(noun, ("acl", "ccomp", "relcl"))
    if clause is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        # "His view is that the tax is unfair": the noun's clause stands after the copula
        clause = _clause_with_that(noun.head, ("ccomp", "attr"))
        if clause is not None:
            speaker = next((c for c in noun.children if c.dep_ == "poss"), None)
            if speaker is None:
                return None
            return _candidate(doc, list(clause.subtree), noun, noun.idx + len(noun.text), speaker, "noun")
    if clause is None:
        return None
    speaker = next((c for c in noun.children if c.dep_ == "poss"), None)
    if speaker is None and noun.dep_ in ("dobj", "nsubj") and noun.head.pos_ in ("VERB", "AUX"):
        speaker = subject_of(noun.head, quoted) if noun.dep_ == "dobj" else None
    if speaker is None:
        return None
    return _candidate(doc, list(clause.subtree), noun, noun.idx + len(noun.text), speaker, "noun")


def _stance_noun(doc: Doc, noun: Token, quoted: set[int]) -> Candidate | None:
    """ "threw her support behind Cruz", "his criticism of the plan": the prepositional object of a
    noun of stance, held by its possessor or by the subject of the verb that has the noun as object."""
    prep = next(
        (
            c
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in cues().stance_prepositions and c.i > noun.i
        ),
        None,
    )
    verb = noun.head if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX") else None
    if (
        prep is None and verb is not None
    ):  # "threw her support behind Cruz": the preposition hangs off the verb
        prep = next(
            (
                c
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ in cues().stance_prepositions and c.i > noun.i
            ),
            None,
        )
    objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")] if prep is not None else []
    # "her plan to increase investment", "Obama's decision not to follow through": an infinitive
    infinitive = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "relcl", "xcomp")
            and c.i > noun.i
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ),
        None,
    )
    if not objs and infinitive is None:
        return None
    if objs and prep.lower_ == "of" and verb is not None and verb_lemma(verb) in _RECEIVE:
        # "She has the endorsement of the unions": the unions endorse her
        holder = speaker_of(verb, quoted)
        if holder is None or holder is _UNSET:
            return None
        holder_phrase = [t for t in holder.subtree if t.i <= holder.i]  # "Mayor Lina Park", not its clauses
        return _candidate(doc, holder_phrase, noun, prep.idx + len(prep.text), objs[0], "received", minimum=1)
    speaker = next((c for c in noun.children if c.dep_ == "poss"), None)
    if speaker is None and verb is not None and verb_lemma(verb) in _UNDERGO:
        pass  # "the firms drew scrutiny for their tactics": the subject is the stance's target, not its holder
    elif speaker is None and verb is not None:
        spk = speaker_of(verb, quoted)
        speaker = None if spk is _UNSET else spk
    if (
        speaker is None
        and noun.dep_ == "pobj"
        and noun.head.lower_ in _MANNER
        and is_verb(noun.head.head)
        and noun.lemma_.lower() not in _PURPOSE
    ):
        # "chimed in with criticism of X", "in a halfhearted endorsement of X, she added": the stance
        # is the manner of the subject's act
        spk = speaker_of(noun.head.head, quoted)
        speaker = None if spk is _UNSET else spk
    unheld_attitude = not objs and infinitive is not None and noun.lemma_.lower() in _ATTITUDES
    if speaker is None and not (objs and _unheld_stance(noun, prep, objs[0])) and not unheld_attitude:
        return None  # "the collective reluctance to engage" still reports an attitude, with no source
    if not objs:
        return _candidate(doc, list(infinitive.subtree), noun, noun.idx + len(noun.text), speaker, "aim", 2)
    tokens = _with_infinitive(list(objs[0].subtree)) if prep.lower_ == "for" else list(objs[0].subtree)
    return _candidate(doc, tokens, noun, prep.idx + len(prep.text), speaker, "stance", minimum=1)


# verbs whose subject undergoes a stance someone else holds ("faced criticism for", "drew scrutiny")
_UNDERGO = frozenset(
    {"face", "draw", "garner", "attract", "receive", "get", "earn", "endure", "weather", "invite", "court"}
)
# verbs whose subject receives a stance held by the noun's "of" object ("won the backing of the party")
_RECEIVE = frozenset({"have", "win", "receive", "get", "earn", "secure", "gain", "land", "enjoy", "accept"})


_ATTITUDES = frozenset(
    {
        "reluctance",
        "willingness",
        "unwillingness",
        "desire",
        "eagerness",
        "readiness",
        "refusal",
        "desperation",
    }
)
_MANNER = frozenset({"with", "in", "through", "via"})  # "responded with criticism of", "in an endorsement of"
_PURPOSE = frozenset({"bid", "attempt", "effort", "order", "hope"})  # "in a bid to appeal": why, not a stance
# nouns of intent whose "of" object is who holds the intent ("the plan of the leading candidate")
_HELD_BY_OF = frozenset(
    "plan proposal decision request concern call push demand appeal plea intention desire attempt bid "
    "determination commitment willingness reluctance refusal unwillingness turn".split()
)


def _unheld_stance(noun: Token, prep: Token, obj: Token) -> bool:
    """A stance nobody in the sentence holds ("criticism of the soldier's parents", "opposition to the
    trade deals"): PolNeAR-style attribution marks it with no source. Not when the "of" object is the
    holder itself ("the plan of Mr. Trump") or a time ("a decision on Monday")."""
    if obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() in ("event", "events"):
        return False
    holder_like = obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ in ("PERSON", "ORG", "NORP")
    return not (prep.lower_ == "of" and holder_like and noun.lemma_.lower() in _HELD_BY_OF)


def _viewed_as(doc: Doc, verb: Token, quoted: set[int]) -> Candidate | None:
    """ "Obama sees Netanyahu as captured by a hard-line philosophy", "compared Trump to Clinton":
    the object and what it is seen as."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects:
        return None
    obj = objects[0]
    right = obj.right_edge.i
    nxt = doc[right + 1] if right + 1 < len(doc) else None
    if (
        nxt is not None
        and right + 2 < len(doc)
        and (nxt.lower_, doc[right + 2].lower_) in (("that", "way"), ("this", "way"), ("the", "same"))
        or nxt is not None
        and nxt.lower_ == "differently"
    ):  # "did not see it that way", "viewed the race differently": a view of its own
        spk = speaker_of(verb, quoted)
        if spk is None:
            return None
        end = right + 1 if nxt.lower_ == "differently" else right + 2
        tokens = list(obj.subtree) + list(doc[right + 1 : end + 1])
        return _candidate(
            doc, tokens, verb, verb.idx + len(verb.text), None if spk is _UNSET else spk, "as", minimum=2
        )
    if (
        nxt is None
        or nxt.lower_ not in ("as", "to")
        or nxt.head.i not in (verb.i, obj.i)
        and nxt.head.head.i != verb.i
    ):
        return None
    phrase = nxt if nxt.head.i in (verb.i, obj.i) else nxt.head
    spk = speaker_of(verb, quoted)
    if spk is None:
        return None
    tokens = list(obj.subtree) + [t for t in phrase.subtree if t.i > right]
    return _candidate(
        doc, tokens, verb, verb.idx + len(verb.text), None if spk is _UNSET else spk, "as", minimum=2
    )


def _phrasal(doc: Doc, verb: Token, quoted: set[int]) -> Candidate | None:
    """ "fired back at Trump's comments", "took issue with the report": the object of the
    preposition that ends a phrasal cue."""
    for tail in cues().phrasal[verb_lemma(verb)]:
        end = verb.i + len(tail)
        if end >= len(doc) or [t.lower_ for t in doc[verb.i + 1 : end + 1]] != list(tail):
            continue
        prep = doc[end]
        objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if not objs and prep.dep_ == "prt":  # "laid out his vision": the verb's own object
            objs = [c for c in verb.children if c.dep_ == "dobj"]
        tokens = list(objs[0].subtree) if objs else _that_clause(verb, quoted)  # "made clear that ..."
        if not tokens and not objs and prep.pos_ == "ADJ":  # "made it clear they did not agree"
            clause = next((c for c in prep.children if c.dep_ in ("ccomp", "advcl") and c.i > prep.i), None)
            tokens = list(clause.subtree) if clause is not None else None
        if not tokens:
            return None
        spk = speaker_of(verb, quoted)
        if spk is None:
            return None
        speaker = None if spk is _UNSET else spk
        return _candidate(doc, tokens, verb, prep.idx + len(prep.text), speaker, "phrasal", 1)
    return None


def _stance_adjective(doc: Doc, adj: Token, quoted: set[int]) -> Candidate | None:
    """ "X was critical of the plan", "is confident that she will win", "are eager to move on": the
    complement of a predicate of stance, held by the subject of its copula."""
    content = None
    cue_end = adj.idx + len(adj.text)
    for child in adj.children:
        if child.i < adj.i:
            continue
        if child.dep_ == "prep" and child.lower_ in cues().stance_prepositions | {"with", "at"}:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                content, cue_end = list(objs[0].subtree), child.idx + len(child.text)
                break
        if child.dep_ in ("xcomp", "ccomp"):
            content = list(child.subtree)
            break
    if not content:
        return None
    spk = speaker_of(adj.head, quoted)
    if spk is None or spk is _UNSET:
        return None
    if not (spk.pos_ in ("PRON", "PROPN") or spk.tag_ in ("NNS", "NNPS") or _addressee_like(spk)):
        return None  # "the road was open to traffic": only people and groups hold a stance
    return _candidate(doc, content, adj, cue_end, spk, "stance-adj", minimum=1)


_SEEM = frozenset({"seem", "appear"})


def _seems(doc: Doc, verb: Token) -> Candidate | None:
    """ "The court seemed ready to say ...", "the tool kit has appeared to fail him": an impression
    with no source in the text; the content is the subject with what it seems to do."""
    if verb.dep_ in ("ccomp", "xcomp") and is_report_verb(verb.head):
        return None  # "his team said the committee appears to ...": the impression is the reporter's
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    comp = next(
        (c for c in verb.children if c.dep_ in ("xcomp", "acomp", "oprd") and c.i > verb.i),
        None,
    )
    if subj is None or comp is None or subj.lower_ in ("it", "there") or subj.pos_ == "PRON":
        return None
    left, right = _trim(list(subj.subtree)), _trim(list(comp.subtree))
    if not left or not right or len(right) < 2:
        return None
    cand = _candidate(doc, left + right, verb, verb.idx + len(verb.text), None, "seems", minimum=3)
    if cand:
        cand.text = (
            f"{doc_text(doc)[left[0].idx : left[-1].idx + len(left[-1].text)]} "
            f"{doc_text(doc)[right[0].idx : right[-1].idx + len(right[-1].text)]}"
        )
    return cand
