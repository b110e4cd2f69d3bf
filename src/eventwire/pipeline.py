"""Compose the stages: Article -> spaCy Doc -> candidates -> resolved records -> ArticleDoc.

Stages import ``eventwire.model``, not each other; this module is the one place that
wires them. Expensive parts (spaCy model, gazetteer, dictionaries) are built once in
``Pipeline.load`` and passed in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from eventwire.extract.attribution import attribution
from eventwire.extract.claim_cues import ClaimCues, load_cues
from eventwire.extract.quantities import QuantityLexicon, find_quantities
from eventwire.extract.quotes import find_quotes
from eventwire.extract.roles import roles
from eventwire.extract.status import status
from eventwire.extract.triggers import EventTyper
from eventwire.model import (
    Actor,
    Article,
    ArticleDoc,
    Event,
    EventType,
    Evidence,
    Place,
    Quantity,
    Quote,
    Source,
)
from eventwire.model.candidates import Attribution, QuoteCandidate, TextSpan, Trigger
from eventwire.nlp.pipeline import load_pipeline
from eventwire.resolve.actors import ActorDictionary
from eventwire.resolve.places import Geoparser, article_focus, event_location, load_gazetteer
from eventwire.resolve.timex import event_time, find_times, infer_published

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span


@dataclass
class Pipeline:
    nlp: Language
    typer: EventTyper
    actors: ActorDictionary
    quantities: QuantityLexicon
    geoparser: Geoparser
    cues: ClaimCues

    @classmethod
    def load(cls) -> Pipeline:
        """Build every expensive part once (model, gazetteer, dictionaries)."""
        return cls(
            nlp=load_pipeline(),
            typer=EventTyper.load(),
            actors=ActorDictionary.load(),
            quantities=QuantityLexicon.load(),
            geoparser=Geoparser(load_gazetteer()),
            cues=load_cues(),
        )

    # -- entry points ---------------------------------------------------------------

    def process(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[ArticleDoc]:
        """ArticleDocs in input order; spaCy runs over the batch with ``nlp.pipe``."""
        batch: list[Article] = []
        for art in articles:
            batch.append(self._dated(art))
            if len(batch) >= batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def process_text(self, text: str, published: date | None = None, title: str | None = None,
                     path: str = "text") -> ArticleDoc:
        from eventwire.ingest.readers import make_article

        art = make_article(text, path, title=title, published=published, headline_first=title is None)
        return next(self.process([art]))

    def process_html(self, html: str, published: date | None = None, path: str = "upload.html") -> ArticleDoc:
        from eventwire.ingest.readers import read_html

        art = next(iter(read_html(html.encode("utf-8"), path)))
        if published:
            art = art.model_copy(update={"published": published})
        return next(self.process([art]))

    # -- stages ---------------------------------------------------------------------

    @staticmethod
    def _dated(art: Article) -> Article:
        """Infer the publication date from the text when none was given, and say so."""
        if art.published is not None:
            return art
        found, reason = infer_published(art.text)
        return art.model_copy(update={"published": found, "published_inferred": found is not None,
                                      "published_reason": reason})

    def _run(self, batch: list[Article]) -> Iterator[ArticleDoc]:
        texts = [blank(a.text, a.boilerplate) for a in batch]
        for art, doc in zip(batch, self.nlp.pipe(texts), strict=True):
            yield self._article(art, doc)

    def _article(self, art: Article, doc: Doc) -> ArticleDoc:
        times = find_times(doc.text, art.published)
        places = self.geoparser.parse(doc, doc.text, hints={"title": art.title, "outlet_domain": art.url})
        focus = article_focus(places)
        country = focus.country if focus else None
        qcands = find_quotes(doc, cues=self.cues)
        quotes = [self._quote(q, country) for q in qcands if q.text.start >= art.body_start]
        ctx = _Context(art, doc, times, places, focus, country, qcands)
        events: list[Event] = []
        for sent in doc.sents:
            if sent.end_char <= art.body_start or not sent.text.strip():
                continue
            events.extend(self._sentence_events(sent, ctx))
        return ArticleDoc(article=art, events=tuple(events), quotes=tuple(quotes),
                          places=tuple(places), times=tuple(times))

    def _sentence_events(self, sent: Span, ctx: _Context) -> list[Event]:
        trigs = self.typer.triggers(sent)
        if not trigs:
            return []
        counts = find_quantities(sent, self.quantities)
        owner = _assign_quantities(sent, trigs, counts)
        return [self._event(sent, t, [c for c, k in zip(counts, owner, strict=True) if k == n], ctx)
                for n, t in enumerate(trigs)]

    def _event(self, sent: Span, trig: Trigger, counts: list, ctx: _Context) -> Event:
        doc = sent.doc
        a1_span, a2_span = roles(sent, trig)
        actor1, assoc1 = self._actors(a1_span, ctx.country)
        actor2, assoc2 = self._actors(a2_span, ctx.country)
        attr = attribution(doc, trig.token_i, cues=self.cues, quotes=ctx.quotes)
        decision = status(doc, trig.token_i, attr, a1_span.text if a1_span is not None else None)
        source = self._source(attr, ctx.article.outlet, ctx.country)
        quantities = tuple(
            Quantity(kind=q.kind, value=q.value, qualifier=q.qualifier,  # type: ignore[arg-type]
                     text=q.span.text, start=q.span.start, end=q.span.end,
                     source=source.name if source else None)
            for q in counts
        )
        location = event_location(ctx.places, sent.start_char, sent.end_char, ctx.focus)
        when = event_time(ctx.times, sent.start_char, sent.end_char, ctx.article.published,
                          anchor=trig.start)
        reasons = {}
        if location is None:
            reasons["location"] = "no place in the sentence or the article"
        if when is None:
            reasons["time"] = "no time expression and no publication date"
        return Event(
            id=_event_id(ctx.article.id, trig),
            type=EventType(plover=trig.plover, mode=trig.mode, acled=trig.acled),
            status=decision.status,
            actor1=actor1,
            actor2=actor2,
            associates=tuple(assoc1 + assoc2 + self._backers(sent, ctx.country, actor1)),
            location=location,
            time=when,
            quantities=quantities,
            source=source,
            evidence=Evidence(sentence=sent.text, start=sent.start_char, end=sent.end_char,
                              trigger=trig_text(doc, trig), trigger_start=trig.start,
                              trigger_end=trig.end, extractor=trig.extractor,
                              confidence=trig.confidence),
            article_id=ctx.article.id,
            reasons={**reasons, "status": decision.reason},
        )

    # -- resolution helpers ---------------------------------------------------------

    def _actors(self, span: Span | None, country: str | None) -> tuple[Actor | None, list[Actor]]:
        """The actor a phrase names; coordinated phrases ("Russia and Syria") give the
        first conjunct as the actor and the others as associates."""
        if span is None:
            return None, []
        found = [a for a in (self._actor(s, country) for s in conjuncts(span)) if a is not None]
        if not found:
            return None, []
        return found[0], found[1:]

    def _actor(self, span: Span, country: str | None) -> Actor | None:
        label = span.root.ent_type_ or None
        return self.actors.resolve(span.text, span.start_char, span.end_char,
                                   context_country=country, label=label)

    def _backers(self, sent: Span, country: str | None, actor1: Actor | None) -> list[Actor]:
        """Supporters named as "backed by X" / "with the support of X"."""
        out = []
        for tok in sent:
            if tok.lemma_ in self.actors.backing_verbs:
                for agent in (c for c in tok.children if c.dep_ == "agent"):
                    for obj in (c for c in agent.children if c.dep_ == "pobj"):
                        np = obj.doc[obj.left_edge.i : obj.i + 1]
                        actor = self._actor(np, country)
                        if actor and (actor1 is None or actor.name != actor1.name):
                            out.append(actor)
        return out

    def _named(self, span: TextSpan | None, country: str | None) -> Actor | None:
        if span is None:
            return None
        return self.actors.resolve(span.text, span.start, span.end, context_country=country)

    def _source(self, attr: Attribution | None, outlet: str | None, country: str | None) -> Source | None:
        if attr is None:
            return None
        actor = self._named(attr.source, country)
        via = self._named(attr.via, country)
        return Source(
            name=actor.name if actor else attr.source.text,
            text=attr.source.text, start=attr.source.start, end=attr.source.end,
            kind=actor.kind if actor else None, country=actor.country if actor else None,
            via=(via.name if via else attr.via.text) if attr.via else None,
            verb=attr.verb, outlet=outlet,
        )

    def _quote(self, q: QuoteCandidate, country: str | None) -> Quote:
        speaker = self._named(q.speaker, country)
        if speaker is None and q.speaker is not None:
            speaker = Actor(name=q.speaker.text, text=q.speaker.text, start=q.speaker.start,
                            end=q.speaker.end, kind="other")
        via = self._named(q.via, country)
        return Quote(speaker=speaker, via=(via.name if via else q.via.text) if q.via else None,
                     text=q.text.text, start=q.text.start, end=q.text.end, direct=q.direct)


@dataclass(frozen=True)
class _Context:
    article: Article
    doc: Doc
    times: list
    places: list[Place]
    focus: Place | None
    country: str | None
    quotes: list[QuoteCandidate]


def blank(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    """Replace boilerplate ranges by spaces: offsets stay exact, the words are gone."""
    chars = list(text)
    for start, end in ranges:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def conjuncts(span: Span) -> list[Span]:
    """"Russia and Syria" -> [Russia, Syria]; a plain phrase -> [itself]."""
    root = span.root
    heads = [root] + [t for t in root.conjuncts if span.start <= t.i < span.end]
    if len(heads) == 1:
        return [span]
    heads.sort(key=lambda t: t.i)
    out = []
    for n, h in enumerate(heads):
        start = span.start if n == 0 else min(t.i for t in h.subtree if t.i >= span.start)
        end = h.i + 1
        out.append(span.doc[start:end])
    return out


def trig_text(doc: Doc, trig: Trigger) -> str:
    return doc.text[trig.start : trig.end]


def _assign_quantities(sent: Span, trigs: list[Trigger], counts: list) -> list[int]:
    """Each count goes to the trigger that governs it, else the nearest trigger."""
    owners = []
    for q in counts:
        tok = sent.doc[q.token_i]
        ancestors = {t.i for t in tok.ancestors}
        governing = [n for n, t in enumerate(trigs) if t.token_i in ancestors]
        if governing:
            owners.append(max(governing, key=lambda n: trigs[n].token_i if trigs[n].token_i < tok.i else -1))
        else:
            owners.append(min(range(len(trigs)), key=lambda n: abs(trigs[n].token_i - tok.i)))
    return owners


def _event_id(article_id: str, trig: Trigger) -> str:
    key = f"{article_id}:{trig.start}:{trig.end}:{trig.plover}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


__all__ = ["Pipeline", "blank", "conjuncts"]
