"""Turn the tokens of an event side into actors with CAMEO codes, for one document.

Order of trust: the actors stage (`Cast` with a code, then `eventwire.actors.code_phrase` if it exists),
then this stage's lexical fallback (`actorcode.py`). People named without a title ("Lavrov") take the
code their fuller mention earned ("Russian Foreign Minister Sergei Lavrov"); pronouns take the code of
the nearest earlier subject. A side whose country cannot be found is "---" (plus a role when known).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.events import actorcode
from eventwire.events.actorcode import PRONOUNS, UNKNOWN, Side, combine, lexical_codes, phrase_tokens
from eventwire.events.sides import with_conjuncts

try:  # the actors stage may offer a phrase coder; use it when it is there
    from eventwire.actors import code_phrase as _code_phrase  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on the actors stage's progress
    _code_phrase = None

_PERSON_PRON = {"he", "she", "him", "her", "his"}
_THING_PRON = {"it", "its"}
_SKIP_HEADS = {"who", "which", "that", "this", "these", "those", "one", "some", "all", "both", "what"}


_PLACE_NOUNS = {
    "town", "city", "village", "district", "province", "region", "area", "camp", "neighbourhood",
    "neighborhood", "suburb", "capital", "port", "enclave", "island", "valley", "state", "county",
}  # fmt: skip


class Resolver:
    def __init__(self, doc: Doc, cast, places=()):
        self.doc = doc
        self.cast = cast
        self.places = list(places or [])
        self._memo: dict[int, list[Side]] = {}
        self._actor_code: dict[str, str | None] = {}
        self._surname: dict[str, str] | None = None
        self._sent_cache: dict[tuple, list[str]] = {}

    # -- public -------------------------------------------------------------------------------
    def sides(self, tokens: list[Token]) -> list[Side]:
        out: list[Side] = []
        for t in _through_partitives(tokens):
            for s in self._shared_modifier(t, self.side(t)):
                if all(s.code != o.code or s.actor != o.actor for o in out):
                    out.append(s)
        return out

    def _shared_modifier(self, tok: Token, found: list[Side]) -> list[Side]:
        """ "Israeli helicopters and tanks": a bare conjunct shares the first conjunct's modifier, so it
        takes that one's country when it has none of its own."""
        if tok.dep_ != "conj" or any(s.country != UNKNOWN for s in found):
            return found
        if any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in tok.children) or tok.pos_ != "NOUN":
            return found
        head = tok.head
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        if head.pos_ != "NOUN" or not any(c.dep_ in ("amod", "compound", "nmod") for c in head.children):
            return found
        first = [s for s in self.side(head) if s.country != UNKNOWN]
        if not first:
            return found
        role = found[0].code[3:] if found else ""
        return [
            Side(
                found[0].actor if found else None,
                combine(first[0].country, role or None),
                tok.i,
                "shared modifier",
            )
        ]

    def side(self, tok: Token, depth: int = 0) -> list[Side]:
        if tok.i in self._memo:
            return self._memo[tok.i]
        self._memo[tok.i] = []  # guards against cycles
        result = self._side(tok, depth)
        self._memo[tok.i] = result
        return result

    def place_code(self, tok: Token) -> tuple[str | None, str | None]:
        """(country code, place id) of a location phrase headed by `tok`."""
        phrase = list(tok.subtree)
        start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
        inside = [p for p in self.places if any(start <= s[0] and s[1] <= end for s in p.spans or [])]
        # the most specific place named ("the Syrian provinces of Homs and Hama": Homs, not Syria)
        inside.sort(
            key=lambda p: (
                str(getattr(p, "feature", "") or "").startswith(("PCL", "CONT", "RGN")),
                min(s[0] for s in p.spans),
            )
        )
        place_id = inside[0].id if inside else None
        country = next(
            (c for p in inside if (c := actorcode.country_of_iso2(getattr(p, "country", None)))), None
        )
        codes, _, _ = lexical_codes([t for t in phrase if t.dep_ not in ("relcl",)])
        codes = [c for c in codes if len(c) == 3 and c not in actorcode.regions()]
        return (codes[0] if codes else country), place_id

    def sentence_countries(self, sent) -> list[str]:
        """Countries the sentence names (places and demonyms), in order: the fallback for sides the
        lexicons cannot place."""
        key = ("sent", sent.start)
        if key not in self._sent_cache:
            toks = [t for t in sent if t.ent_type_ in ("GPE", "NORP", "LOC") or t.pos_ == "PROPN"]
            codes, _, _ = lexical_codes(toks) if toks else ([], None, "")
            self._sent_cache[key] = [c for c in codes if len(c) == 3 and c not in actorcode.regions()]
        return self._sent_cache[key]

    def sentence_places(self, sent) -> list[str]:
        """Countries of the places (not the peoples) the sentence names, in order."""
        key = ("places", sent.start)
        if key not in self._sent_cache:
            out: list[str] = []
            for ent in sent.ents:
                if ent.label_ in ("GPE", "LOC"):
                    codes, _, _ = lexical_codes(list(ent))
                    out.extend(
                        c for c in codes if len(c) == 3 and c not in actorcode.regions() and c not in out
                    )
            self._sent_cache[key] = out
        return self._sent_cache[key]

    # -- internals ----------------------------------------------------------------------------
    def _side(self, tok: Token, depth: int) -> list[Side]:
        if tok.lower_ in _SKIP_HEADS and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "relcl":
            return self.side(tok.head.head, depth + 1)
        if tok.lemma_.lower() in actorcode.NOT_PARTIES:
            return []  # "restrictions on the Russian language": a language, not Russia
        if tok.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "NUM", "X") or tok.lower_ in _SKIP_HEADS:
            return []
        actor = self.cast.actor_of_token(tok) if self.cast is not None else None
        if actor is None and tok.lemma_.lower() in _PLACE_NOUNS:
            named = self._named_place(tok)
            if named:
                return [Side(None, named, tok.i, "place named")]
        phrase = phrase_tokens(tok)
        other_role = None
        ethnic = any(t.lower_ == "ethnic" for t in phrase)
        home = self._residence(tok, actor)
        if home:
            return [Side(None, home, tok.i, "residence")]
        if actor is not None and actor.code and not _coordinated(phrase) and not ethnic:
            if not actor.code.startswith(UNKNOWN):
                return [Side(actor.id, actor.code, tok.i, "actors")]
            other_role = actor.code[3:6] or None
        if (actor is None or not actor.code or actor.code.startswith(UNKNOWN)) and self.cast is not None:
            # "the APEC forum", "the Asia-Pacific Economic Cooperation forum", "the UN refugee agency":
            # an organisation named in the modifiers is the party, before any region its name contains
            for t in phrase:
                if t.i < tok.i and t.dep_ in ("compound", "nmod", "appos", "amod") and tok.pos_ == "NOUN":
                    org = self.cast.actor_of_token(t)
                    if org is not None and org.code and org.code.startswith(("IGO", "NGO", "IMG")):
                        return [Side(org.id, org.code, tok.i, "actors")]
        if (
            _code_phrase is not None
            and tok.lower_ not in PRONOUNS
            and not any(t.lower_ == "ethnic" for t in phrase)
        ):
            try:
                hit = _code_phrase(phrase)
            except Exception:  # the other stage's helper must not break event coding
                hit = None
            if hit and hit[0] and not hit[0].startswith(UNKNOWN) and not _coordinated(phrase):
                return [Side(actor.id if actor else None, hit[0], tok.i, "code_phrase")]
            if hit and hit[0]:
                other_role = other_role or hit[2]
        if tok.lower_ in PRONOUNS and tok.pos_ == "PRON":
            if depth > 2:
                return []
            ante = self._antecedent(tok)
            if ante is None:
                return []
            return [
                Side(actor.id if actor else s.actor, s.code, tok.i, "pronoun")
                for s in self.side(ante, depth + 1)
            ]
        codes, role, evidence = lexical_codes(phrase)
        role = role or other_role
        if not codes and actor is not None:
            known = self._code_of_actor(actor)
            if known:
                return [Side(actor.id, known, tok.i, "actor mentions")]
        if not codes:
            owner = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in PRONOUNS), None)
            if owner is not None and depth <= 2:
                ante = self._antecedent(owner)
                if ante is not None:
                    got = self.side(ante, depth + 1)
                    if got:
                        return [
                            Side(
                                actor.id if actor else None, combine(got[0].country, role), tok.i, "possessor"
                            )
                        ]
        if codes:
            aid = actor.id if actor else None
            use = codes[:1]
            if _coordinated(phrase):
                # only the coordinated modifiers name the parties ("Turkish and Greek sides of Cyprus")
                mods = [t for t in phrase if t.i < tok.i and t.dep_ in ("amod", "compound", "conj", "nmod")]
                use = lexical_codes(mods)[0] or codes[:1]
            return [Side(aid, combine(c, role), tok.i, evidence) for c in use]
        origin = _adjacent_origin(tok)
        if origin:
            return [Side(actor.id if actor else None, combine(origin, role), tok.i, "origin")]
        if actor is not None:
            return [Side(actor.id, UNKNOWN + (role or ""), tok.i, "unknown country")]
        if role:
            return [Side(None, UNKNOWN + role, tok.i, "role noun")]
        if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            return [Side(None, UNKNOWN, tok.i, "entity")]
        if tok.dep_ == "nsubj" and tok.tag_ in ("NNS", "NNPS"):
            return [Side(None, UNKNOWN, tok.i, "unplaced group")]  # "fundamentalists", "farmers"
        return []

    def _named_place(self, tok: Token) -> str | None:
        """ "the town of Rafah", "the village of Kafr Nabl": the country of the place it names."""
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ == "PROPN":
                    code, _ = self.place_code(obj)
                    return code
        return None

    def _residence(self, tok: Token, actor) -> str | None:
        """ "The Albanians of southern Serbia", "Kurds in Iraq": a people named with where they live
        belongs to that state, not to the state its name comes from."""
        if tok.tag_ not in ("NNPS", "NNS") or actor is None or actor.kind != "state":
            return None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "in"):
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    # the place's own name, not its modifiers ("the Israeli-occupied West Bank")
                    name = [t for t in p.subtree if t.i == p.i or (t.dep_ == "compound" and t.head.i == p.i)]
                    codes, _, _ = lexical_codes(name)
                    codes = [x for x in codes if len(x) == 3 and x not in actorcode.regions()]
                    if codes and codes[0] != (actor.code or "")[:3]:
                        return codes[0]
        return None

    def _code_of_actor(self, actor) -> str | None:
        if actor.id in self._actor_code:
            return self._actor_code[actor.id]
        self._actor_code[actor.id] = None
        code = None
        for span in actor.mentions or []:
            tok = self._token_at(span)
            if tok is None:
                continue
            codes, role, _ = lexical_codes(phrase_tokens(tok))
            if codes:
                code = combine(codes[0], role)
                break
        if code is None and actor.kind == "person":
            code = self._surnames().get(actor.name.split()[-1].lower()) if actor.name.split() else None
        self._actor_code[actor.id] = code
        return code

    def _surnames(self) -> dict[str, str]:
        """Last name -> code, from person actors whose own mentions carry a country."""
        if self._surname is None:
            self._surname = {}
            for a in getattr(self.cast, "actors", []):
                if a.kind != "person" or len(a.name.split()) < 2:
                    continue
                code = self._code_of_actor(a)
                if code:
                    self._surname.setdefault(a.name.split()[-1].lower(), code)
        return self._surname

    def _token_at(self, span) -> Token | None:
        s = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        return s.root if s is not None and len(s) else None

    def _antecedent(self, pron: Token) -> Token | None:
        """The nearest earlier subject (same sentence first, then the two before) that fits the pronoun."""
        want_person = pron.lower_ in _PERSON_PRON
        want_thing = pron.lower_ in _THING_PRON
        sent = pron.sent
        start = sent.start
        for _ in range(2):
            if start > 0:
                start = self.doc[start - 1].sent.start
        fallback: Token | None = None
        for i in range(pron.i - 1, start - 1, -1):
            t = self.doc[i]
            if t.dep_ not in ("nsubj", "nsubjpass", "poss", "dobj", "pobj") or t.pos_ not in (
                "PROPN",
                "NOUN",
            ):
                continue
            is_person = t.ent_type_ == "PERSON"
            if want_person and not is_person and t.ent_type_ in ("GPE", "ORG", "NORP"):
                continue
            if want_thing and is_person:
                continue
            if (
                want_person
                and not is_person
                and t.pos_ == "NOUN"
                and t.lemma_.lower()
                not in (
                    "minister",
                    "president",
                    "official",
                    "leader",
                    "spokesman",
                    "diplomat",
                    "envoy",
                    "secretary",
                )
            ):
                continue
            # the subject of the clause governing the pronoun is the favourite antecedent
            if t.dep_ in ("nsubj", "nsubjpass") or t.sent != pron.sent:
                return fallback if fallback is not None and t.sent != pron.sent else t
            if fallback is None and want_thing and t.ent_type_ in ("GPE", "ORG", "NORP"):
                fallback = t  # "a reminder to Iraq that it must ...": the named state in the sentence
        return fallback


def _coordinated(phrase: list[Token]) -> bool:
    """A phrase naming several parties through coordinated modifiers ("Hungarian and Romanian officials")."""
    return any(c.dep_ == "conj" and c.head.dep_ in ("amod", "compound", "nmod") for c in phrase)


def conjuncts(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        out.extend(with_conjuncts(t))
    return out


_PARTITIVES = {
    "score", "dozen", "hundred", "thousand", "million", "number", "some", "many", "most", "several", "few",
    "handful", "couple", "band", "batch", "part", "rest", "majority",
}  # fmt: skip


def _through_partitives(tokens: list[Token]) -> list[Token]:
    """ "scores of Sierra Leonean and Liberian refugees": the parties are the "of" phrase and its
    conjuncts, not the quantity word."""
    out: list[Token] = []
    for t in tokens:
        inner = None
        if t.lemma_.lower() in _PARTITIVES or t.pos_ == "NUM":
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    inner = next((p for p in c.children if p.dep_ == "pobj"), None)
        out.extend(with_conjuncts(inner) if inner is not None else [t])
    return out


def _adjacent_origin(tok: Token) -> str | None:
    """ "received officials from Lithuania": an origin right after the noun, even when the parser hangs
    it on the verb."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ != "from" or nxt.dep_ != "prep":
        return None
    codes, _, _ = lexical_codes([t for t in nxt.subtree if t.i != nxt.i][:4])
    codes = [c for c in codes if len(c) == 3 and c not in actorcode.regions()]
    return codes[0] if codes else None
