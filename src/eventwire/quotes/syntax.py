"""Dependency-tree helpers shared by the quote finders: who is the subject of a cue, and so on."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.quotes.cues import (
    Multiword,
    cues,
    is_report_verb,
    is_speech_verb,
    is_verb,
    multiword_at,
    verb_lemma,
)

SENT_END = frozenset({".", "!", "?"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
# a verb in one of these relations has no subject of its own and shares its head's
_SHARES_SUBJECT = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl", "prep", "dep", "parataxis", "oprd"})
_PASS_THROUGH = frozenset({"dobj", "pobj", "attr"})  # nouns between a participle and its clause's verb


def subject_of(verb: Token, exclude: frozenset[int] | set[int] = frozenset(), depth: int = 0) -> Token | None:
    """The head token of the speaker phrase for a cue verb.

    Handles the passive agent ("was told by X"), participles and conjuncts that borrow their head's
    subject ("..., saying", "Putin was quoted as saying"), and relative clauses ("Trump, who said").
    Tokens in `exclude` (inside quotation marks) are never the speaker.
    """
    subjects = [
        c
        for c in verb.children
        if c.dep_ in SUBJECTS
        and (c.lower_ not in ("it", "there") or _document_speaks(verb, c))
        and c.i not in exclude
    ]
    if subjects:
        child = min(subjects, key=lambda c: abs(c.i - verb.i))
        if child.lower_ in RELATIVE:
            node = verb
            while node.dep_ != "relcl" and node.head.i != node.i:
                node = node.head
            if node.dep_ != "relcl":
                return None
            return _personal_antecedent(node.head) if child.lower_ in ("who", "whom") else node.head
        return child
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and verb.head.pos_ in ("PROPN", "NOUN", "PRON")
        and verb.head.dep_ in ("nsubj", "nsubjpass")
        and verb.head.i < verb.i
        and verb.head.i not in exclude
    ):
        # "said Don Ytterberg, the party chairman, explaining that ...": the participle is the speaker's
        return verb.head
    if (
        verb.dep_ in ("acl", "pcomp")
        and verb.tag_ == "VBG"
        and verb.head.i < verb.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and not any(t.text == "," for t in verb.doc[verb.head.i + 1 : verb.i])
    ):
        # "a super PAC backing Cruz", "the spectacle of Mr. Netanyahu denouncing the deal": the noun a
        # participle modifies, or the name right before it after "of", is the one doing it
        doer = _of_name_before(verb)
        if doer is not None and doer.i not in exclude:
            return doer
        if verb.dep_ == "acl" and _agentive(verb.head) and verb.head.i not in exclude:
            return verb.head
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and verb.i > 0
        and verb_lemma(verb) in _EVIDENCE
        and verb.head.i == verb.i - 1
        and verb.head.pos_ in ("NOUN", "PROPN")
        and verb.head.i not in exclude
    ):
        # "polls showing Clinton ahead", "no public information showing whether ...": what shows it
        return verb.head
    head = verb.head
    if (
        verb.dep_ == "conj"
        and head.dep_ == "ccomp"
        and is_report_verb(head.head)
        and is_report_verb(verb)
        and depth < 4
    ):
        # "Khan said Trump was ignorant of Islam and criticized him": the parse hangs the second cue
        # on the reported clause; it is the reporter's
        return subject_of(head.head, exclude, depth + 1)
    clause = main_clause_of_participle(verb)
    if clause is not None and depth < 4:
        return subject_of(clause, exclude, depth + 1)
    after_and = verb.i > 0 and verb.doc[verb.i - 1].pos_ == "CCONJ"  # "said ... but warned", parsed as ccomp
    if depth < 4 and (verb.dep_ in _SHARES_SUBJECT | _PASS_THROUGH or after_and) and verb.head.i != verb.i:
        # climb through "made a point of saying", "was quoted as saying", "..., saying"
        return subject_of(verb.head, exclude, depth + 1)
    if verb.dep_ == "relcl" and verb.head.i != verb.i:
        return verb.head
    return _stranded_subject(verb, exclude)


_AGENT_NOUNS = frozenset(
    "group pac supporter voter activist donor member people lawmaker critic opponent ally advocate "
    "backer organizer protester resident worker union".split()
)


def _of_name_before(verb: Token) -> Token | None:
    """ "the spectacle of Mayor Ruth Colby denouncing": the name standing right before a participle
    as the object of "of"."""
    if verb.i == 0:
        return None
    node = verb.doc[verb.i - 1]
    while node.dep_ in ("compound", "flat") and node.head.i > node.i:
        node = node.head
    if (
        node.pos_ == "PROPN"
        and node.dep_ == "pobj"
        and node.head.lower_ == "of"
        and node.right_edge.i == verb.i - 1
    ):
        return node
    return None


def _agentive(noun: Token) -> bool:
    """A noun that can act or take a stance itself: a name, a person, a group ("a super PAC", "the
    candidates"), not a thing made by someone ("a TV spot attacking X" is the sponsor's)."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in ("DATE", "TIME"):
        return False
    lemma = noun.lemma_.lower()
    return (
        noun.pos_ == "PROPN"
        or noun.ent_type_ in ("PERSON", "ORG", "NORP")
        or lemma in cues().role_nouns
        or lemma in cues().organization_words
        or lemma in _AGENT_NOUNS
    )


_EVIDENCE = frozenset({"show", "suggest", "indicate", "reveal", "demonstrate", "confirm", "find"})


def _document_speaks(verb: Token, subj: Token) -> bool:
    """ "It says: ...", "It reads: ...": a post, a sign or a letter named before speaks through "it"
    when the verb of saying opens a quotation with a colon (never the "it" of "it is said")."""
    doc = verb.doc
    return (
        subj.lower_ == "it"
        and subj.dep_ == "nsubj"
        and is_speech_verb(verb)
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].text == ":"
    )


def _ends_sentence(verb: Token) -> bool:
    doc = verb.doc
    end = verb.right_edge.i + 1
    return end >= verb.sent.end or all(t.is_punct or t.is_space for t in doc[end : verb.sent.end])


def main_clause_of_participle(verb: Token) -> Token | None:
    """ "X had a strong moment that could help him, forcefully denouncing the deal": a participle set
    off by a comma at the end of its clause tells what the sentence's subject did; the parse may hang
    it on a relative clause before it, whose subject (the relative word's noun) is not the one acting.
    Returns the verb of the clause around that relative clause, or None when the participle is not such."""
    doc = verb.doc
    left = verb.left_edge.i  # "..., forcefully denouncing"
    if verb.tag_ != "VBG" or left == 0 or doc[left - 1].text != ",":
        return None
    if verb.dep_ not in ("advcl", "conj", "xcomp", "dep", "acl"):
        return None
    if verb.head.dep_ in ("ccomp", "advcl") and _ends_sentence(verb):
        # "Trump questioned why the wife did not speak, implying that ...": a participle closing the
        # sentence after a comma tells what the main clause's subject did, not the embedded one's
        root = verb.sent.root
        return root if is_verb(root) and root.i < verb.i and root.i != verb.head.i else None
    if verb.head.dep_ != "relcl":
        return None
    node = verb.head
    for _ in range(4):  # out of the relative clause, then up from its noun to the verb that holds it
        if node.dep_ == "relcl":
            node = node.head
            continue
        if is_verb(node) and node.dep_ != "relcl":
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _stranded_subject(verb: Token, exclude) -> Token | None:
    """ "In an interview with hosts A and B, the candidate stated that ...": after a long fronted
    phrase the parse may hang the subject on that phrase (as an apposition) and leave the main verb
    with none; the noun phrase standing right before the finite verb is then its subject."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    prev = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    while prev is not None and prev.pos_ == "ADV" and prev.i > verb.sent.start:
        prev = verb.doc[prev.i - 1]
    if (
        prev is None
        or prev.pos_ not in ("NOUN", "PROPN")
        or prev.i in exclude
        or prev.dep_ not in ("appos", "conj", "pobj")
        or prev.ent_type_ in ("DATE", "TIME")
    ):
        return None
    return prev


def _personal_antecedent(noun: Token) -> Token:
    """ "one Democrat familiar with the discussion, who added ...": "who" is a person, so a thing
    the parse gave the relative clause to ("the discussion") yields to the person it modifies."""
    node = noun
    for _ in range(4):
        if node.pos_ in ("PROPN", "PRON") or node.ent_type_ in ("PERSON", "NORP", "ORG"):
            return node
        if node.dep_ not in ("pobj", "prep", "amod", "acl") or node.head.i == node.i:
            break
        node = node.head
    return node if node.pos_ in ("PROPN", "PRON") or node.ent_type_ in ("PERSON", "NORP", "ORG") else noun


def object_of_preposition(tok: Token) -> Token | None:
    """The object of the preposition in a multiword cue ("according to *X*")."""
    for t in [tok, *tok.subtree]:
        for child in t.children:
            if child.dep_ == "pobj":
                return child
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt


def find_cue(
    tokens: list[Token], backwards: bool = False, exclude: frozenset[int] | set[int] = frozenset()
) -> tuple[Token, int, Token | None] | None:
    """The reporting cue in `tokens` nearest to the quote: (cue token, cue end char, speaker head).

    `backwards` searches from the end, for the text before a quote.
    """
    order = range(len(tokens) - 1, -1, -1) if backwards else range(len(tokens))
    for i in order:
        tok = tokens[i]
        mw = multiword_at(tokens, i)
        if mw is not None:
            last = tokens[i + len(mw.words) - 1]
            return tok, last.idx + len(last.text), _multiword_speaker(tok, last, mw, exclude)
        if is_speech_verb(tok):
            return tok, tok.idx + len(tok.text), subject_of(tok, exclude) or fallback_speaker(tok, exclude)
        if (
            backwards
            and tok.tag_ in ("VBD", "VBZ", "VBP")
            and tok.i not in exclude
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        ):
            return None  # a clause of its own stands between the quote and any earlier cue
    return None


def _multiword_speaker(first: Token, last: Token, mw: Multiword, exclude) -> Token | None:
    if mw.speaker == "object":
        return object_of_preposition(last)
    verb = first if first.pos_ in ("VERB", "AUX") else first.head
    return subject_of(verb, exclude) or fallback_speaker(verb, exclude)


def _chunk_head(tok: Token) -> Token:
    node = tok
    while (
        node.dep_ in ("compound", "flat", "amod", "det", "poss")
        and node.head.i > node.i
        and node.head.i - tok.i < 6
    ):
        node = node.head
    return node


def fallback_speaker(cue: Token, exclude) -> Token | None:
    """When the parse gives the cue no subject: the name right after an inverted cue
    (""...," said retired neurosurgeon Ben Carson, asked about ..."), else the nearest subject
    before the cue in its sentence ("Flea shared the news, writing "..."")."""
    sent = cue.sent
    prev = cue.doc[cue.i - 1] if cue.i > sent.start else None
    if prev is not None and (prev.is_punct or prev.i in exclude):
        for tok in cue.doc[cue.i + 1 : min(sent.end, cue.i + 8)]:
            if tok.i in exclude:
                break
            if tok.pos_ in ("PROPN", "NOUN", "PRON") and tok.ent_type_ not in ("DATE", "TIME"):
                return _chunk_head(tok)
    for tok in reversed(cue.doc[sent.start : cue.i]):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.i not in exclude and tok.lower_ not in ("it", "there"):
            if tok.lower_ in RELATIVE:
                clause = tok.head
                return clause.head if clause.dep_ == "relcl" else None
            return tok
    return None


def governing_cue(tokens: list[Token]) -> Token | None:
    """The nearest reporting or framing verb above a quoted fragment in the tree, if any."""
    inside = {t.i for t in tokens}
    for tok in tokens:
        if tok.head.i in inside and tok.head.i != tok.i:
            continue
        node = tok.head
        steps = 0
        while steps < 6:
            if node.i not in inside:
                lemma = verb_lemma(node)
                if is_report_verb(node) or (node.pos_ == "VERB" and lemma in cues().framing):
                    return node
                if node.pos_ == "VERB" and any(c.dep_ in SUBJECTS for c in node.children):
                    break  # the fragment belongs to a clause of its own ("the crowd reprised the "chant"")
            if node.head.i == node.i:
                break
            node = node.head
            steps += 1
    return None


_NOMINAL = frozenset({"PROPN", "NOUN", "PRON"})


def _first_phrase_head(tokens: list[Token]) -> Token | None:
    """The head of the first noun phrase in `tokens`: its last noun before a comma or preposition
    ("screenwriter Cole *Haddon*", "a *spokesman* for the ministry", "Brent Bozell *III*, founder ...")."""
    head = None
    for tok in tokens:
        if head is not None and tok.lower_ in RELATIVE:
            break
        if tok.pos_ in _NOMINAL and tok.ent_type_ not in ("DATE", "TIME"):
            head = tok
        elif head is not None and (tok.is_punct or tok.pos_ in ("ADP", "VERB", "AUX", "SCONJ")):
            break
    return head


def attribution_after(
    tokens: list[Token], exclude: frozenset[int] | set[int] = frozenset()
) -> tuple[Token, int, Token | None] | None:
    """The attribution that follows a quote (""...," X said", ""...," said X", ""...," X answers").

    Word order decides the speaker when the parser, confused by the quotation, does not: the
    phrase between the quote and the cue, or the one right after an inverted cue.
    """
    for k, tok in enumerate(tokens):
        mw = multiword_at(tokens, k)
        lemma = verb_lemma(tok)
        if tok.dep_ in ("relcl", "acl") and k > 0:
            continue  # "X, who said ..., added": the cue of the apposition is not the attribution
        speech = is_speech_verb(tok) or (
            lemma in cues().speech and tok.pos_ == "NOUN" and k > 0 and tokens[k - 1].pos_ in _NOMINAL
        )
        if mw is None and not speech:
            continue
        if mw is not None:
            last = tokens[k + len(mw.words) - 1]
            end = last.idx + len(last.text)
            if mw.speaker == "object":
                return tok, end, object_of_preposition(last)
        else:
            end = tok.idx + len(tok.text)
        verb = tok if is_verb(tok) else None
        gap = [t for t in tokens[:k] if not t.is_punct]
        parsed = subject_of(verb, exclude) if verb is not None else None
        if gap:
            if parsed is not None and parsed.i in {t.i for t in tokens[:k]}:
                return tok, end, parsed
            return tok, end, _first_phrase_head(tokens[:k])
        if parsed is not None and parsed.i > tok.i:
            return tok, end, parsed
        return tok, end, _first_phrase_head(tokens[k + 1 :]) or parsed
    return None
