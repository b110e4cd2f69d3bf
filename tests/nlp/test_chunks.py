"""Long texts are parsed in pieces and joined: offsets stay exact, nothing is refused."""

from __future__ import annotations

from eventwire.nlp.pipeline import chunk_bounds, parse
from eventwire.nlp.text import doc_text, entities, entity_at


def test_chunk_bounds_cover_the_text_at_breaks() -> None:
    text = ("Troops entered the town. " * 40 + "\n\n") * 30
    bounds = chunk_bounds(text, 3_000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert all(b - a <= 3_000 for a, b in bounds)
    assert all(text[:b].endswith("\n\n") for _, b in bounds[:-1])  # paragraph breaks first
    nospace = "a" * 10_000
    assert chunk_bounds(nospace, 3_000) == [(0, 3000), (3000, 6000), (6000, 9000), (9000, 10000)]


def test_parse_joins_pieces_with_offsets_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    para = ("Government forces shelled Aleppo on Monday, the Syrian Observatory for Human "
            "Rights said. ")
    text = "Headline\n" + (para * 5 + "\n\n") * 12 + "Headline\n" + "x" * 5_000
    (doc,) = parse(nlp, [text], chunk_chars=2_000)
    assert doc.text == text and doc_text(doc) == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    ents = entities(doc)
    assert sum(e.text == "Syrian Observatory for Human Rights" for e in ents) == 60
    assert all(text[e.start_char:e.end_char] == e.text for e in ents)
    assert entity_at(doc, ents[-1].start) == ents[-1]
    sents = list(doc.sents)
    assert all(text[s.start_char:s.end_char] == s.text for s in sents)
