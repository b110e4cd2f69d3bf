"""Every built-in pipeline component, registered here and nowhere else.

Like spaCy's ``registrations.py``: importing a stage registers nothing; this module lists
each component under a versioned name with the ``ArticleState`` fields it requires and
assigns, and ``DEFAULT`` gives the order ``Pipeline`` runs them in (checked by
``registry.check`` when the pipeline is built). The bodies are call lines: the rules
live in the stages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from eventwire.assemble import sentence_events
from eventwire.extract.attribution import QuoteIndex
from eventwire.extract.coder.decide import PROPOSED, worth_coding
from eventwire.extract.contested import FORCE, contest, names_a_side, speech_only, target_of_another
from eventwire.extract.quotes import find_quotes
from eventwire.link.names import with_names
from eventwire.link.within import FACTS, attach_counts, is_violent, merge_repeats
from eventwire.model.candidates import Attribution, Trigger
from eventwire.model.spans import SpanIndex
from eventwire.registry import ArticleState, Component, Parts
from eventwire.resolve.parties import ActorContext, PartyNamer
from eventwire.resolve.places import article_focus
from eventwire.resolve.places.geoparse import REGISTERED_NAME as GEOCODE
from eventwire.resolve.places.priors import article_outlet
from eventwire.resolve.timex import dated_by_lede, find_times, own_day, story_times

if TYPE_CHECKING:
    from spacy.tokens import Span


def _namer(parts: Parts, state: ArticleState) -> PartyNamer:
    return PartyNamer(parts.actors, ActorContext(state.place_index, state.country))


def times(parts: Parts, state: ArticleState) -> None:
    state.times = find_times(state.text, state.article.published)
    state.time_index = SpanIndex(state.times)


def places(parts: Parts, state: ArticleState) -> None:
    art = state.article
    state.places = parts.geoparser.parse(
        state.doc, state.text, hints={"title": art.title, "outlet_domain": article_outlet(art.url, art.outlet)},
        priors=state.priors)
    state.place_index = SpanIndex(state.places)
    state.focus = article_focus(state.places)
    state.country = state.focus.country if state.focus else None


def quotes(parts: Parts, state: ArticleState) -> None:
    state.quotes = QuoteIndex(find_quotes(state.doc, cues=parts.cues))


def quote_records(parts: Parts, state: ArticleState) -> None:
    """The quotes (the headline's too: "Senator Ruiz: talks failed") with their speakers
    named, and each quote's source (for ``contest``)."""
    named = _namer(parts, state)
    state.quote_records = [named.quote(q) for q in state.quotes]
    state.said = {(q.text.start, q.text.end): named.source(
        Attribution(q.speaker, q.verb or "said", q.via) if q.speaker else None, state.article.outlet)
        for q in state.quotes}


def triggers(parts: Parts, state: ArticleState) -> None:
    """The body's sentences with their triggers, less a speech verb alone or a side's
    name (no event)."""
    start = state.article.body_start
    state.sentences = [(sent, _candidates(parts, sent)) for sent in state.doc.sents
                       if sent.start_char >= start and sent.text.strip()]


def _candidates(parts: Parts, sent: Span) -> list[Trigger]:
    trigs = parts.typer.triggers(sent)
    at = [t.token_i for t in trigs]
    force = [t.token_i for t in trigs if t.plover in FORCE]
    return [t for t in trigs if not speech_only(sent.doc[t.token_i], at, parts.cues)
            and not names_a_side(sent.doc[t.token_i], parts.cues)
            and not target_of_another(sent.doc[t.token_i], force)]


def code(parts: Parts, state: ArticleState) -> None:
    """The learned coder's reading of the sentences with a candidate event or a subject
    doing something (``decide.worth_coding``), each read alone (``coder.runtime``), keyed
    by the sentence's first token; nothing on the rules-only path."""
    sents = [sent for sent, trigs in state.sentences if trigs or worth_coding(sent)]
    if parts.coder is None or not sents:
        state.codings = {}
        return
    codes = parts.coder.code([sent.text for sent in sents])
    state.codings = {sent.start: c for sent, c in zip(sents, codes, strict=True)}


def events(parts: Parts, state: ArticleState) -> None:
    named = _namer(parts, state)
    found = []
    for sent, trigs in state.sentences:
        found.extend(sentence_events(parts, state, named, sent, trigs, state.codings.get(sent.start)))
    state.events = found


def lede(parts: Parts, state: ArticleState) -> None:
    state.events = dated_by_lede(state.events, state.article.published, not_dating=frozenset({PROPOSED}),
                                 stated=story_times(state.doc, state.times, state.article.body_start,
                                                    state.article.published),
                                 lead=lambda e: e.status in FACTS and is_violent(e),
                                 own=lambda e: own_day(state.doc, e))


def contested(parts: Parts, state: ArticleState) -> None:
    state.events = contest(state.events, state.doc, state.quotes, state.said, parts.cues)


def within(parts: Parts, state: ArticleState) -> None:
    state.events = merge_repeats(attach_counts(state.events, state.orphans, state.hit,
                                               parts.quantities.number_words, state.victims))


def names(parts: Parts, state: ArticleState) -> None:
    state.events = with_names(state.events, state.article, lambda e: e.status in FACTS and is_violent(e))


def _c(name: str, run: Callable[[Parts, ArticleState], None], requires: set[str],
       assigns: set[str]) -> Component:
    return Component(name, run, frozenset(requires), frozenset(assigns))


BUILTINS: dict[str, Component] = {c.name: c for c in (
    _c("timex.find.v1", times, {"text", "article"}, {"times", "time_index"}),
    _c(GEOCODE, places, {"doc", "text", "article", "priors"}, {"places", "place_index", "focus", "country"}),
    _c("quotes.find.v1", quotes, {"doc"}, {"quotes"}),
    _c("quotes.speakers.v1", quote_records, {"quotes", "article", "place_index", "country"},
       {"quote_records", "said"}),
    _c("events.triggers.v1", triggers, {"doc", "article"}, {"sentences"}),
    _c("events.coder.v1", code, {"sentences"}, {"codings"}),
    _c("events.assemble.v1", events,
       {"sentences", "codings", "article", "quotes", "place_index", "time_index", "focus", "country"},
       {"events", "orphans", "hit", "victims"}),
    _c("timex.lede.v1", lede, {"events", "article", "doc", "times"}, {"events"}),
    _c("claims.contest.v1", contested, {"events", "doc", "quotes", "said"}, {"events"}),
    _c("link.within.v1", within, {"events", "orphans", "hit", "victims"}, {"events"}),
    _c("link.names.v1", names, {"events", "article"}, {"events"}),
)}

DEFAULT = ("timex.find.v1", GEOCODE, "quotes.find.v1", "quotes.speakers.v1", "events.triggers.v1",
           "events.coder.v1", "events.assemble.v1", "timex.lede.v1", "claims.contest.v1", "link.within.v1",
           "link.names.v1")
