"""Turn the head of a speaker phrase into an actor id and a name.

The Cast comes first: the actors stage knows names, surnames, descriptions and pronouns. What it
leaves unresolved is handled here with the discourse habit of news prose: "he said" and "the top
U.S. diplomat said" refer to the person quoted last, or else to the person named last as a
subject. A speaker that is no actor at all ("a spokesman for the ministry") keeps its phrase as name.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.lexicon import load_yaml
from eventwire.nlp import doc_text
from eventwire.quotes.cues import cues, is_report_verb

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "i", "me", "my"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our", "its"})
_DEFINITE = frozenset({"the", "this", "that"})


# News introduces a speaker with who they are ("Adam Green, co-founder of the PCCC, said"); the
# attribution corpora (PolNeAR) take that whole phrase as the source. The speaker's name then carries
# the introduction after the canonical name: "Adam Green, co-founder of the PCCC".
NAME_WITH_INTRODUCTION = True


def with_introduction(name: str, head: Token, cue: Token | None = None) -> str:
    """`name` followed by what introduces the mention at `head`: its apposition ("Adam Green,
    co-founder of the PCCC"), its place ("Paul Ryan of Wisconsin") or its relative clause."""
    intro = [
        c
        for c in head.children
        if c.i > head.i
        and (c.dep_ in ("appos", "relcl", "acl") or (c.dep_ == "prep" and c.lower_ in ("of", "from")))
    ]
    if not intro:
        return name
    first = intro[0]
    # to the end of the noun phrase, but not into a relative clause that is the attribution itself
    # ("Mike Lee, who declared ...")
    clause = [
        c
        for c in intro
        if c.dep_ in ("relcl", "acl")
        and ((cue is not None and cue.i in {t.i for t in c.subtree}) or is_report_verb(c))
    ]
    stop = min((c.left_edge.i for c in clause), default=None)
    begin = first.left_edge.i
    if stop is not None and stop <= begin:
        return name
    toks = [t for t in head.subtree if t.i >= begin and (stop is None or t.i < stop)]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if not toks or len(toks) > 30:
        return name
    sep = " " if first.dep_ == "prep" else ", "
    if doc_text(head.doc)[toks[0].idx : toks[-1].idx + len(toks[-1].text)] in name:
        return name
    return f"{name}{sep}{doc_text(head.doc)[toks[0].idx : toks[-1].idx + len(toks[-1].text)]}"


MAX_PHRASE_TOKENS = 30
_PHRASE_TAIL = frozenset({"ADV", "AUX", "PART", "PUNCT", "SPACE", "CCONJ"})


def phrase_before_cue(head: Token | None, cue: Token | None, content: tuple[int, int]) -> str | None:
    """The speaker phrase as the sentence writes it, from the speaker's first word to the cue
    ("Mr. Coffman, who represents a swing district in the Denver suburbs, said"), without the
    adverbs and auxiliaries before the cue ("also", "has") and never reaching into the content."""
    if head is None or cue is None or head.i >= cue.i or head.sent.start != cue.sent.start:
        return None
    doc = head.doc
    lo = min(head.left_edge.i, head.i)
    while lo < head.i and (doc[lo].idx < content[1] and doc[lo].idx >= content[0] or doc[lo].is_punct):
        lo += 1
    hi = cue.i - 1
    while hi > head.i and (doc[hi].pos_ in _PHRASE_TAIL or doc[hi].dep_ in ("aux", "neg", "advmod")):
        if doc[hi].tag_ == "POS" and doc[hi].head.i == head.i and cue.pos_ == "NOUN":
            break  # "Rubio's answer was that ...": the source as written is the possessive
        hi -= 1
    if any(doc[i].tag_ in ("VBD", "VBZ", "VBP", "MD") for i in range(head.right_edge.i + 1, hi + 1)):
        return None  # a clause of its own stands before the cue ("Flea shared the news, writing")
    if hi < lo or hi - lo + 1 > MAX_PHRASE_TOKENS:
        return None
    if any(content[0] <= doc[i].idx < content[1] for i in range(lo, hi + 1)):
        return None
    return doc_text(doc)[doc[lo].idx : doc[hi].idx + len(doc[hi].text)]


def phrase_after_cue(
    head: Token | None, cue: Token | None, quoted: set[int], cue_end: int | None = None
) -> str | None:
    """For an inverted attribution (""...," said Robert Reich, who served as labor secretary."):
    the speaker phrase from the speaker's first word to the end of the sentence, or to where the
    quotation resumes."""
    if head is None or cue is None or head.i <= cue.i or head.sent.start != cue.sent.start:
        return None
    doc = head.doc
    lo = head.i
    while lo - 1 > cue.i and doc[lo - 1].dep_ in ("compound", "amod", "det", "poss", "nmod", "case"):
        lo -= 1
    in_cue = cue_end or 0  # "according *to* X": the words of a multiword cue
    if any(
        not doc[i].is_punct and doc[i].pos_ not in ("ADV", "AUX") and doc[i].idx >= in_cue
        for i in range(cue.i + 1, lo)
    ):
        return None  # words other than the speaker's between the cue and the speaker
    hi = lo
    while hi + 1 < head.sent.end and doc[hi + 1].i not in quoted and not _clause_after_comma(doc, hi + 1):
        hi += 1
    if head.right_edge.i < hi and doc[head.right_edge.i + 1].text == "," and cue.i < head.i:
        # "had the backing of Mitt Romney, won Utah": the sentence goes on past the speaker's phrase
        after = doc[head.right_edge.i + 2] if head.right_edge.i + 2 < len(doc) else None
        if after is not None and after.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            hi = head.right_edge.i
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    if hi - lo + 1 > MAX_PHRASE_TOKENS:
        return None
    return doc_text(doc)[doc[lo].idx : doc[hi].idx + len(doc[hi].text)]


def _clause_after_comma(doc: Doc, i: int) -> bool:
    """ "said Don Ytterberg, the GOP chairman, explaining that ...": a participle after a comma starts
    an attribution of its own, not the speaker's description."""
    return (
        doc[i].text == ","
        and i + 1 < len(doc)
        and doc[i + 1].tag_ in ("VBG", "VBD", "VBZ", "VBN")
        and doc[i + 1].dep_ in ("acl", "advcl", "conj", "relcl")
    )


@dataclass
class Resolved:
    actor_id: str | None
    name: str | None
    kind: str | None = None  # the actor's kind, when known
    pos: int = -1  # char offset of the mention, for recency


def phrase_text(head: Token, cue: Token | None = None, clauses: bool = True) -> str:
    """The whole speaker phrase as written ("a spokesman for the ministry", "people familiar with
    the talks"), for speakers that are no actor of the Cast; never the attribution's own clause, and
    with `clauses=False` none of the relative clauses that follow it (", who added ...")."""
    toks = list(head.subtree)
    if not clauses:
        cut = [t.left_edge.i for t in head.subtree if t.dep_ == "relcl" and t.left_edge.i > head.i]
        if cut:
            toks = [t for t in toks if t.i < min(cut)]
    if cue is not None:
        own = [c for c in head.children if c.dep_ in ("relcl", "acl") and cue.i in {t.i for t in c.subtree}]
        if own:
            toks = [t for t in toks if t.i < own[0].left_edge.i]
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if not toks or len(toks) > 40:
        return head.text
    return doc_text(head.doc)[toks[0].idx : toks[-1].idx + len(toks[-1].text)]


def _described(name: str, head: Token) -> str:
    """A speaker named by a description ("the top U.S. diplomat said") keeps it beside the name it
    resolves to: "John Kerry (the top U.S. diplomat)"; the description is what the article wrote."""
    role = head.pos_ == "PROPN" and head.lemma_.lower() in cues().role_nouns  # "the Wisconsin Republican"
    if not NAME_WITH_INTRODUCTION or not (_common_noun(head) or role) or not name:
        return name
    phrase = phrase_text(head)
    bare = re.sub(r"^(the|a|an)\s+", "", phrase.lower())
    if len(phrase.split()) > 8 or bare in name.lower():
        return name
    return _with_phrase(name, phrase)


def _with_phrase(name: str, phrase: str) -> str:
    """ "Name (phrase)", without saying the name twice ("Alain Terzian (Alain Terzian, president of ...)"
    -> "Alain Terzian (president of ...)") and without a bare possessive of it ("people (people's)")."""
    bare = re.sub(r"['’]s?$", "", phrase.strip()).strip()
    if bare.lower() == name.lower():
        return name
    if phrase.lower().startswith(name.lower()):
        rest = phrase[len(name) :].lstrip(" ,;:-–—")
        if not rest:
            return name
        phrase = rest
    return f"{name} ({phrase})"


def _common_noun(tok: Token) -> bool:
    """A noun that is no name, even when the tagger calls a lowercase role noun ("mogul") a proper noun."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.text.islower())


def _as_written(name: str, head: Token, cue: Token | None) -> str:
    """A group or organization named with more than its name ("one Democrat familiar with the
    discussion", "a Suffolk University poll released Sunday") keeps the phrase beside the name."""
    if head.pos_ == "PRON":
        return name  # "they": a pronoun tells a reader nothing the name does not
    phrase = phrase_text(head, cue, clauses=False)
    last = re.findall(r"\w+", phrase.lower())[-1:]
    if not last or last[0] in re.findall(r"\w+", name.lower()) or len(phrase.split()) > 25:
        return name
    return _with_phrase(name, phrase)


def _after_mark(text: str) -> str | None:
    """The word after a closing quotation mark glued into one token, else None."""
    m = re.search(r"[\"\u201d\u2019]([A-Z][\w.'-]+)$", text)
    if m and re.fullmatch(r"(O|D|L|Mc|Mac)\u2019", text[: m.start() + 1]):
        return None  # "O\u2019Malley", "D\u2019Amato": an apostrophe inside a name, not a closing mark
    return m.group(1) if m and m.start() > 0 else None


def _names_word(name: str | None, word: str) -> bool:
    """Whether `word` (a proper noun of the speaker phrase) is a word of the actor's name."""
    words = set(re.findall(r"\w+", (name or "").lower()))
    mine = re.findall(r"\w+", word.lower())
    return not mine or any(w in words for w in mine)


def _person_like(r: Resolved) -> bool:
    """A recent speaker typed as an organization whose name could be a person's ("Bozell")."""
    if r.kind != "organization" or not r.name:
        return False
    words = r.name.split(",")[0].split()
    if any(len(w) > 1 and w.isupper() for w in words):
        return False  # "NRA", "ACLU": an acronym names an organization
    return (
        0 < len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and not any(w.lower().strip(".") in cues().organization_words for w in words)
    )


# role words that fit anyone in politics ("the Republican", "the candidate", "the former ...")
_GENERIC_ROLES = frozenset(
    "man woman official leader politician candidate nominee former republican democrat conservative "
    "liberal veteran hopeful contender challenger incumbent frontrunner front-runner star".split()
)


_FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
_MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})


@functools.lru_cache(maxsize=1)
def _given_names() -> tuple[frozenset[str], frozenset[str]]:
    """(female, male) given names of the actors stage's lexicon, read here only as a hint."""
    try:
        data = load_yaml("actors_given_names.yaml") or {}
    except Exception:  # the lexicon is another stage's; its absence only removes the hint
        return frozenset(), frozenset()
    female = frozenset(str(n).lower() for n in data.get("female") or ())
    male = frozenset(str(n).lower() for n in data.get("male") or ())
    return female - male, male - female


def _gender_clash(pronoun: str, name: str | None) -> bool:
    """Whether a "she" would go back to a man ("Jose Vargas", "Mr. Hale") or a "he" to a woman."""
    words = re.findall(r"[\w.]+", (name or "").split("(")[0])
    if not words:
        return False
    female, male = _given_names()
    first = words[0].lower().rstrip(".")
    titled_f = first in ("ms", "mrs", "miss")
    titled_m = first == "mr"
    given = words[1].lower() if (titled_f or titled_m) and len(words) > 1 else first
    if pronoun in _FEMALE_PRONOUNS:
        return titled_m or (given in male and not titled_f)
    if pronoun in _MALE_PRONOUNS:
        return titled_f or (given in female and not titled_m)
    return False


def _one_person(name: str | None) -> bool:
    """Whether a speaker phrase the Cast does not know could be one person: a name ("Ms. Ortiz"), or
    a singular description headed by a role ("a spokesman for the ministry")."""
    words = re.findall(r"[\w'-]+", (name or "").split(",")[0].split("(")[0])
    if not words:
        return False
    if any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and words[0][:1].isupper()):
        return True
    head = next((w.lower() for w in reversed(words) if w.lower() not in ("for", "of", "the", "a", "an")), "")
    return head in cues().role_nouns or any(w.lower() in cues().role_nouns for w in words)


def _unnamed(name: str | None) -> bool:
    """An actor known only by a description or pronoun ("the top defense official", "he")."""
    if not name:
        return True
    first = name.split()[0]
    return first[:1].islower() or first.lower() in ("the", "a", "an", "this", "that")


class SpeakerResolver:
    def __init__(self, doc: Doc, cast, quoted: set[int]) -> None:
        self.doc = doc
        self.cast = cast
        self.quoted = quoted
        self.history: list[Resolved] = []  # speakers resolved so far, in text order
        self._persons = self._person_subjects()

    def _actor(self, tok: Token):
        if self.cast is None:
            return None
        actor = self.cast.actor_of_token(tok)
        if actor is not None:
            return actor
        for c in tok.children:  # "the spokesman, John Kirby": the name stands in apposition
            if c.dep_ == "appos" and c.i > tok.i:
                actor = self.cast.actor_of_token(c)
                if actor is not None and actor.kind == "person":
                    return actor
        return None

    def _person_subjects(self) -> list[tuple[int, str, str]]:
        """(char offset, actor id, name) of person mentions standing outside quotes."""
        out = []
        if self.cast is None:
            return out
        for i, actor_id in sorted(self.cast.token_actor.items()):
            actor = self.cast.get(actor_id)
            tok = self.doc[i]
            if actor is None or actor.kind != "person" or i in self.quoted or _unnamed(actor.name):
                continue
            out.append((tok.idx, actor.id, actor.name))
        return out

    def resolve(self, head: Token | None, cue: Token | None = None) -> Resolved:
        if head is None or head.ent_type_ in ("DATE", "TIME"):
            return Resolved(None, None)  # a date the parse took for a subject ("Wednesday") speaks for no one
        glued = _after_mark(head.text)
        if glued is not None:  # "paranoia,”Clinton": the name is what follows the mark
            actor = self._actor_named(glued)
            if actor is not None:
                return self._remember(Resolved(actor.id, actor.name, actor.kind, head.idx))
            return self._remember(Resolved(None, glued, None, head.idx))
        actor = self._actor(head)
        if (
            actor is not None
            and actor.kind != "person"
            and head.tag_ in ("NN", "NNP")
            and self._is_role_description(head)
        ):
            actor = None  # "the Wisconsin Republican said": one member named before, not the party
        if (
            actor is not None
            and head.dep_ == "appos"
            and _common_noun(head)
            and self._is_role_description(head)
        ):
            # a description chosen as the speaker while the parse makes it another's apposition
            # ("hosts A and B, the candidate stated"): the apposition is the parse's error, not a fact
            actor = None
        if (
            actor is not None
            and head.pos_ == "PROPN"
            and not head.text.islower()
            and not _names_word(actor.name, head.text)
        ):
            actor = None  # a name the actors stage merged into another's ("Carly Fiorina Endorses Ted Cruz")
        if actor is not None and not _unnamed(actor.name):
            name = actor.name
            if actor.kind != "person" and head.tag_ in ("NNS", "NNPS"):
                name = phrase_text(head)  # "Democrats", "Obama aides": the group as written, not the party
            elif NAME_WITH_INTRODUCTION and actor.kind == "person":
                name = with_introduction(actor.name, head, cue)
            elif NAME_WITH_INTRODUCTION:
                name = _as_written(name, head, cue)
            name = _described(name, head)
            return self._remember(Resolved(actor.id, self._with_conjuncts(name, head), actor.kind, head.idx))
        low = head.lower_
        if low in PERSON_PRONOUNS or self._is_role_description(head):
            back = self._antecedent(head, person=True)
            if back is not None and low not in PERSON_PRONOUNS and self._other_role(back, head):
                back = None  # "the former mayor" is not the senator named before
            if back is not None:
                name = _described(self._canonical(back) or "", head)
                return self._remember(Resolved(back.actor_id, name, back.kind, head.idx))
            if actor is not None:
                return self._remember(Resolved(actor.id, actor.name, actor.kind, head.idx))
            text = head.text if head.pos_ == "PRON" else phrase_text(head, cue)
            return Resolved(None, text, None, head.idx)
        if low in GROUP_PRONOUNS:
            back = self._antecedent(head, person=False)
            if back is not None:
                return self._remember(Resolved(back.actor_id, self._canonical(back), back.kind, head.idx))
            return Resolved(None, head.text, None, head.idx)
        if actor is not None and head.pos_ != "PROPN":
            return self._remember(Resolved(actor.id, actor.name, actor.kind, head.idx))
        if actor is not None:  # a name the Cast only knows by a description: the name as written is better
            name = (
                with_introduction(phrase_text(head, cue), head, cue) if NAME_WITH_INTRODUCTION else head.text
            )
            return self._remember(Resolved(actor.id, name, actor.kind, head.idx))
        return self._remember(Resolved(None, phrase_text(head, cue), None, head.idx))

    def _with_conjuncts(self, name: str, head: Token) -> str:
        """Several speakers sharing one cue ("Moore, Washington and Banks applauded"): name them all."""
        others = []
        node = head
        for _ in range(8):
            conj = [c for c in node.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
            if not conj and head.pos_ == "PROPN":
                # "Julianne Moore, Kerry Washington, Amy Schumer and Elizabeth Banks": a list the parse
                # breaks with a name hung on the first as a modifier
                conj = [
                    c
                    for c in node.children
                    if c.dep_ in ("npadvmod", "appos")
                    and c.pos_ == "PROPN"
                    and c.i > node.i
                    and any(g.dep_ == "conj" for g in c.subtree)
                ]
            if not conj:
                break
            node = conj[0]
            actor = self._actor(node)
            other = actor.name if actor is not None and not _unnamed(actor.name) else node.text
            if other not in name and other not in others:
                others.append(other)
        if not others:
            return name
        return ", ".join([name, *others[:-1]]) + " and " + others[-1]

    def _other_role(self, back: Resolved, head: Token) -> bool:
        """Whether the person `back` is known by roles (from their name, description or the words
        before their mentions: "Senator Tom Hale") none of which is the role `head` names."""
        role = head.lemma_.lower()
        words = set(re.findall(r"\w+", (back.name or "").lower()))
        if self.cast is not None and back.actor_id is not None:
            for i, actor_id in self.cast.token_actor.items():
                if actor_id == back.actor_id:
                    words.add(self.doc[i].lower_)
                    words.update(t.lower_ for t in self.doc[max(0, i - 3) : i])
        roles = {w for w in words if w in cues().role_nouns} - _GENERIC_ROLES
        return bool(roles) and role not in roles and role not in _GENERIC_ROLES

    def _actor_named(self, name: str):
        """The one person of the Cast whose name ends with `name` (a surname), if exactly one."""
        if self.cast is None:
            return None
        hits = {a.id: a for a in self.cast.actors if a.kind == "person" and a.name.split()[-1:] == [name]}
        return next(iter(hits.values())) if len(hits) == 1 else None

    def _canonical(self, r: Resolved) -> str | None:
        actor = self.cast.get(r.actor_id) if self.cast is not None else None
        return actor.name if actor is not None else r.name

    def _is_role_description(self, head: Token) -> bool:
        if head.pos_ not in ("NOUN", "PROPN") or head.lemma_.lower() not in cues().role_nouns:
            return False
        if head.pos_ == "PROPN" and head.ent_type_ in ("ORG", "WORK_OF_ART", "FAC"):
            return False  # "the Daily Star", "the Evening Post": a name, though its last word is a role
        return any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in head.children)

    def _antecedent(self, head: Token, person: bool) -> Resolved | None:
        """The person quoted last or named last before `head`, whichever is nearer."""
        pos = head.idx
        best: Resolved | None = None
        for r in reversed(self.history):
            if r.pos >= pos or r.actor_id is None and r.name is None:
                continue
            if person and r.kind not in ("person", None) and not (pos - r.pos < 400 and _person_like(r)):
                continue
            if person and r.kind is None and r.actor_id is None and not _one_person(r.name):
                continue  # "the council", "teachers": a phrase that names no one person is no "she"
            if not person and r.kind == "person":
                continue
            if r.name and r.name.lower() in PERSON_PRONOUNS | GROUP_PRONOUNS:
                continue
            if person and _gender_clash(head.lower_, self._canonical(r) or r.name):
                continue  # "she" is not Jose Vargas
            best = r
            break
        if person:
            # a description ("the candidate") refers back past its own sentence: a person named in
            # the same sentence would stand in apposition to it, and the Cast would know
            limit = head.sent[0].idx if head.pos_ != "PRON" else pos
            named = [p for p in self._persons if p[0] < limit and not _gender_clash(head.lower_, p[2])]
            if named and (best is None or named[-1][0] > best.pos):
                # a person named after the last quote may be the new speaker; only as a sentence subject
                off, actor_id, name = named[-1]
                tok = self.doc.char_span(off, off + 1, alignment_mode="expand")
                root = tok[0] if tok is not None else None
                if best is None or (root is not None and self._is_subject(root)):
                    return Resolved(actor_id, name, "person", off)
        return best

    @staticmethod
    def _is_subject(tok: Token) -> bool:
        node = tok
        for _ in range(3):
            if node.dep_ in ("nsubj", "nsubjpass"):
                # a main-clause subject; "He thinks Cruz will win" does not make Cruz the topic
                return node.head.dep_ in ("ROOT", "conj")
            if node.dep_ not in ("compound", "flat", "appos") or node.head.i == node.i:
                return False
            node = node.head
        return False

    def _remember(self, r: Resolved) -> Resolved:
        self.history.append(r)
        return r
