"""The actors stage's public helpers, the user lexicon, the reference page and bad input."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from eventwire import nlp
from eventwire.actors import code_phrase, find_actors, load_lexicon
from eventwire.model import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def parse():
    return nlp.load()


@pytest.mark.parametrize(
    "text, phrase, code",
    [
        ("Syrian troops advanced.", "Syrian troops", "SYRMIL"),
        ("Protesters gathered.", "Protesters", "---OPP"),
        ("The Kremlin denied it.", "The Kremlin", "RUSGOV"),
        ("the Russian foreign ministry said", "the Russian foreign ministry", "RUSGOV"),
        ("the U.S.-led coalition struck", "the U.S.-led coalition", "USAMIL"),
        ("Kenyan police arrested him", "Kenyan police", "KENCOP"),
        ("Islamic State claimed it", "Islamic State", "IMG"),
        ("the UN refugee agency warned", "the UN refugee agency", "IGOUNO"),
        ("Taliban fighters attacked", "Taliban fighters", "AFGREBTAL"),
        ("Syrian opposition forces said", "Syrian opposition forces", "SYROPP"),
        ("Downing Street said", "Downing Street", "GBRGOV"),
    ],
)
def test_code_phrase(parse, text, phrase, code):
    doc = parse(text)
    span = doc.char_span(text.index(phrase), text.index(phrase) + len(phrase))
    got = code_phrase(span)
    assert got is not None and got[0].startswith(code), got
    assert got[3]  # evidence is never empty


def test_code_phrase_nothing_codable(parse):
    doc = parse("the weather was fine")
    assert code_phrase(doc[0:2]) is None


def test_user_lexicon_adds_an_armed_group(parse, tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "armed_groups:\n  - {name: Red Hand Brigade, code: IMGREBRHB, aliases: [RHB]}\n"
        "countries:\n  XKX: {names: [Freedonia], demonyms: [Freedonian]}\n",
        encoding="utf-8",
    )
    doc = parse("The RHB attacked a Freedonian convoy, and Freedonian soldiers fired back.")
    cast = find_actors(doc, extra_lexicons=[extra])
    by_name = {a.name: a for a in cast.actors}
    assert by_name["Red Hand Brigade"].code == "IMGREBRHB"
    assert by_name["Red Hand Brigade"].kind == "armed_group"
    assert any((a.code or "") == "XKXMIL" for a in cast.actors)
    assert load_lexicon([extra]) is load_lexicon([extra])  # built once


def test_every_token_of_every_mention_is_mapped(parse):
    text = (
        "U.S. Secretary of State Mary Cole met Russian officials in Geneva. The top U.S. diplomat said "
        "she was hopeful. Cole later flew home."
    )
    doc = parse(text)
    cast = find_actors(doc)
    cole = next(a for a in cast.actors if a.name == "Mary Cole")
    assert cole.code == "USAGOV"
    for start, end in cole.mentions:
        span = doc.char_span(start, end)
        assert all(cast.token_actor.get(t.i) == cole.id for t in span), span.text
    assert "The top U.S. diplomat" in cole.aliases
    she = next(t for t in doc if t.lower_ == "she")
    assert cast.actor_of_token(she) is cole


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "the rain fell all day and nobody came.",
        "Der Bundestag hat am Donnerstag das Gesetz beschlossen. Die Regierung sagte, sie sei zufrieden.",
        "俄罗斯外交部长拉夫罗夫周四表示。",
        '"""""" ,,,, ))) he she they it',
    ],
)
def test_bad_input_does_not_crash(parse, text):
    cast = find_actors(parse(text), Article(id="x", body=text))
    for a in cast.actors:
        assert a.id and a.name


def test_unparsed_doc_does_not_crash():
    doc = nlp.load().make_doc("Russian Foreign Minister Sergei Lavrov said he met John Kerry.")
    cast = find_actors(doc)
    assert isinstance(cast.actors, list)


@pytest.mark.slow
def test_two_hundred_thousand_words(parse):
    para = "Russian troops shelled the town, and Ukrainian officials said they would respond. " * 4 + "\n\n"
    text = para * (200_000 // len(para.split()) + 1)
    doc = parse(text)
    cast = find_actors(doc)
    assert any(a.code == "RUSMIL" for a in cast.actors)


def _score_module():
    path = SHARED / "tools" / "score.py"
    spec = importlib.util.spec_from_file_location("eventwire_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reference_page_actors(parse):
    seed = SHARED / "seed" / "000_80572a38002990f3.txt"
    gold_path = SHARED / "eval" / "seed.gold.json"
    if not seed.exists() or not gold_path.exists():
        pytest.skip("shared reference page not available")
    from eventwire.clean import clean
    from eventwire.model import RawDoc

    article = clean(RawDoc(id="seed", origin=str(seed), content=seed.read_text(encoding="utf-8")))
    cast = find_actors(parse(article.body), article)
    actors = [{"name": a.name, "aliases": a.aliases, "code": a.code, "kind": a.kind} for a in cast.actors]
    score = _score_module()
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["actors"]
    for ga in gold["must"]:
        hits = [a for a in actors if score.actor_matches(a, ga)]
        assert hits, f"{ga['name']} not found"
        assert any(score.code_ok(a, ga) for a in hits), f"{ga['name']} coded {[a['code'] for a in hits]}"
    for gf in gold["forbidden"]:
        assert not [a for a in actors if score.actor_matches(a, gf)], gf["name"]


def test_spacy_component():
    import spacy

    pipeline = spacy.load(nlp.DEFAULT_MODEL)
    pipeline.add_pipe("eventwire_actors")
    doc = pipeline("Kenyan police arrested three protesters in Nairobi.")
    assert any(a.code == "KENCOP" for a in doc._.actors)
