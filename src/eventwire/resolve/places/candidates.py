"""An event's candidate places beyond the geoparser's resolved ones.

The event-place chooser (``location.choose``) picks among the places of the event's
sentence. A place the gazetteer cannot resolve ("the village of X" where the gazetteer
has no X, a street in an article that names no city) or that the geoparser never took as
a mention (a place entity of the parser whose name the gazetteer lacks) is still where the
sentence says the event happened. Such words are offered to the chooser as unresolved
candidates (``Place.lat`` None), marked so it can weigh them apart; when one wins, the
event keeps its words and span and takes the coordinates of the place that contains it
(``location.unresolved_location``). These candidates exist only for the choice: they are
not added to the article's places.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.model.records import Place
from eventwire.resolve.places.attach import PLACE_NOUNS

UNRESOLVED_HOW = frozenset({"not_in_gazetteer", "local_without_city", "sentence_words"})
WORD_LABELS = frozenset({"GPE", "LOC", "FAC"})
# after "the village of", a name the parser takes for a person or an organisation is still the place
_NOT_PLACE_LABELS = frozenset({"NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY",
                               "QUANTITY", "PERCENT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"})
_LINKS = frozenset({"-", "al", "el", "ad", "as", "ar", "an", "ash", "at", "de", "la", "du", "bin", "ibn", "'s"})
_LEAD = ("the ", "The ")
MAX_WORDS = 5


def unresolved(p: Place) -> bool:
    """An unresolved mention that may still be an event's place: a name the gazetteer lacks,
    a street without a city, or sentence words; never adjectival, never in an organisation's name."""
    return p.lat is None and not p.adjectival and not p.in_org and p.how in UNRESOLVED_HOW


def sentence_words(sent: Span, places: list[Place]) -> list[Place]:
    """The sentence's place words that no mention covers: a place entity of the parser
    (GPE, LOC, FAC), or the capitalised name after a place noun and "of" ("the village of
    X"); each unresolved (``how="sentence_words"``), in text order."""
    covered = [(p.start, p.end) for p in places if not p.in_org]
    out: dict[tuple[int, int], Place] = {}
    for start, end in [*_entity_spans(sent), *_named_after_place_noun(sent)]:
        if (start, end) in out or any(min(end, e) > max(start, s) for s, e in covered):
            continue
        text = sent.doc.text[start:end]
        out[(start, end)] = Place(text=text, start=start, end=end, how="sentence_words")
    return [out[k] for k in sorted(out)]


def _entity_spans(sent: Span) -> list[tuple[int, int]]:
    spans = []
    for ent in sent.ents:
        if ent.label_ not in WORD_LABELS or not any(t.text[:1].isupper() for t in ent):
            continue
        start, text = ent.start_char, ent.text
        for lead in _LEAD:
            if text.startswith(lead):
                start, text = start + len(lead), text[len(lead):]
        if text.strip():
            spans.append((start, start + len(text.rstrip())))
    return spans


def _named_after_place_noun(sent: Span) -> list[tuple[int, int]]:
    """"the town of X", "the district of X Y": the capitalised run after the noun and "of"."""
    spans = []
    for tok in sent:
        if tok.lower_ not in PLACE_NOUNS or tok.i + 2 >= sent.end or tok.nbor().lower_ != "of":
            continue
        run = _capital_run(sent, tok.i + 2)
        if run:
            spans.append((run[0].idx, run[-1].idx + len(run[-1])))
    return spans


def _capital_run(sent: Span, i: int) -> list[Token]:
    doc = sent.doc
    run: list[Token] = []
    while i < sent.end and len(run) < MAX_WORDS:
        tok = doc[i]
        if tok.ent_type_ in _NOT_PLACE_LABELS:
            break
        if tok.text[:1].isupper() and tok.is_alpha or (run and tok.lower_ in _LINKS and i + 1 < sent.end
                                                        and doc[i + 1].text[:1].isupper()):
            run.append(tok)
            i += 1
            continue
        break
    while run and run[-1].lower_ in _LINKS:
        run.pop()
    return run
