"""What stages read of a spaCy ``Doc`` again and again, worked out once per ``Doc``.

``Doc.text`` joins every token's text on each call, and ``Doc.ents`` builds every entity
span from every token: O(tokens) each. Code that slices the article text once per
mention or trigger (``doc.text[a:b]``), or looks for an entity per pronoun, was then
quadratic in the article's length. These helpers keep the answer beside the ``Doc`` (in
a weak-keyed table, so it goes when the ``Doc`` goes, and nothing is added to the
``Doc``'s own data) the first time and return it afterwards. They are for a ``Doc`` the
pipeline has finished: its text never changes, nor its entities afterwards.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


@dataclass
class _Facts:
    text: str | None = None
    ents: tuple[Span, ...] | None = None
    ent_starts: list[int] = field(default_factory=list)
    ent_ends: list[int] = field(default_factory=list)


# A cache, not state: each entry is a pure function of its Doc and dies with it.
_FACTS: WeakKeyDictionary[Doc, _Facts] = WeakKeyDictionary()


def _facts(doc: Doc) -> _Facts:
    facts = _FACTS.get(doc)
    if facts is None:
        facts = _FACTS[doc] = _Facts()
    return facts


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per ``Doc``."""
    facts = _facts(doc)
    if facts.text is None:
        facts.text = doc.text
    return facts.text


def remember_text(doc: Doc, text: str) -> None:
    """Record ``text`` as the text of ``doc`` (the caller made the doc from it)."""
    if len(text) == (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0):
        _facts(doc).text = text


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per ``Doc``."""
    facts = _facts(doc)
    if facts.ents is None:
        facts.ents = tuple(doc.ents)
        facts.ent_starts = [e.start for e in facts.ents]
        facts.ent_ends = [e.end for e in facts.ents]
    return facts.ents


def entities_before(doc: Doc, limit: int) -> tuple[Span, ...]:
    """The entities that end at or before token ``limit``, in text order."""
    ents = entities(doc)
    return ents[:bisect_right(_facts(doc).ent_ends, limit)]


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity that holds token ``i``, if any."""
    ents = entities(doc)
    k = bisect_right(_facts(doc).ent_starts, i) - 1
    return ents[k] if k >= 0 and ents[k].start <= i < ents[k].end else None


def sentence_chunks(sent: Span) -> list[Span]:
    """``sent.noun_chunks`` without its walk over the whole ``Doc``: spaCy's ``Span``
    property filters every noun chunk of the document, O(document) per sentence. The
    language's own noun-chunk iterator, given the sentence, yields the same chunks."""
    from spacy.tokens import Span

    doc = sent.doc
    chunks = getattr(doc, "noun_chunks_iterator", None)
    if chunks is None or not doc.has_annotation("DEP"):
        return list(sent.noun_chunks)  # spaCy's own error or answer
    return [Span(doc, start, end, label=label) for start, end, label in chunks(sent)]
