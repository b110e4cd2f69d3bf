"""Compose the stages: Article -> spaCy Doc -> candidates -> resolved records -> ArticleDoc.

Stages import ``eventwire.model``, not each other; this module is the one place that
wires them. Expensive parts (spaCy model, gazetteer, dictionaries) are built once in
``Pipeline.load`` and passed in.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from eventwire.extract.attribution import QuoteIndex, acting_subject, attribution
from eventwire.extract.claim_cues import ClaimCues, load_cues
from eventwire.extract.contested import contest, names_a_side, speech_only
from eventwire.extract.coder.decide import PROPOSED, choose, propose, role_spans, worth_coding
from eventwire.extract.coder.runtime import Coding, EventCoder
from eventwire.extract.quantities import QuantityLexicon, find_quantities
from eventwire.extract.quotes import find_quotes
from eventwire.extract.roles import names_a_party, roles
from eventwire.extract.status import status
from eventwire.extract.triggers import EventTyper
from eventwire.link.within import attach_counts, merge_repeats
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
    Time,
)
from eventwire.model.candidates import Attribution, QuoteCandidate, TextSpan, Trigger
from eventwire.nlp.pipeline import add_place_labels, load_pipeline, parse
from eventwire.nlp.text import doc_text, sentence_chunks
from eventwire.resolve.actors import ActorDictionary
from eventwire.resolve.places import (
    Gazetteer,
    Geoparser,
    article_focus,
    event_location,
    not_actors,
    load_gazetteer,
)
from eventwire.resolve.places.priors import OutletPriors, article_outlet
from eventwire.resolve.timex import article_time, event_time, find_times, infer_published, recalled

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
    priors: OutletPriors | None = None  # outlets' home regions, from the store (ingest)
    coder: EventCoder | None = None  # the learned event coder; None: rules only (--fast)

    @classmethod
    def load(cls, priors: OutletPriors | None = None, *, fast: bool = False) -> Pipeline:
        """Build every expensive part once (model, gazetteer, dictionaries); ``priors``:
        the outlets' home regions learned from stored articles (``Store.outlet_priors``);
        ``fast``: rules and lexicon only, without the learned event coder."""
        coder = None if fast else EventCoder()  # checked first: a missing model fails fast
        nlp = load_pipeline()
        gazetteer = load_gazetteer()
        actors = ActorDictionary.load()
        add_place_labels(nlp, lambda name: _is_place(gazetteer, name))
        return cls(
            nlp=nlp,
            typer=EventTyper.load(),
            actors=actors,
            quantities=QuantityLexicon.load(),
            geoparser=Geoparser(gazetteer),
            cues=load_cues(),
            priors=priors,
            coder=coder,
        )

    # -- entry points ---------------------------------------------------------------

    def process(self, articles: Iterable[Article], batch_size: int = 16,
                priors: OutletPriors | None = None) -> Iterator[ArticleDoc]:
        """ArticleDocs in input order; spaCy runs over the batch with ``nlp.pipe``.
        ``priors``: outlets' home regions for these articles, else the pipeline's own."""
        priors = self.priors if priors is None else priors
        batch: list[Article] = []
        for art in articles:
            batch.append(self._dated(art))
            if len(batch) >= batch_size:
                yield from self._run(batch, priors)
                batch = []
        if batch:
            yield from self._run(batch, priors)

    def process_text(self, text: str, published: date | None = None, title: str | None = None,
                     path: str = "text", *, url: str | None = None, outlet: str | None = None,
                     priors: OutletPriors | None = None) -> ArticleDoc:
        from eventwire.ingest.readers import make_article

        art = make_article(text, path, title=title, published=published, headline_first=title is None,
                           url=url, outlet=outlet)
        return next(self.process([art], priors=priors))

    def process_html(self, html: str, published: date | None = None, path: str = "upload.html", *,
                     url: str | None = None, outlet: str | None = None,
                     priors: OutletPriors | None = None) -> ArticleDoc:
        from eventwire.ingest.readers import read_html

        art = next(iter(read_html(html.encode("utf-8"), path, url=url)))
        update = {k: v for k, v in (("published", published), ("outlet", outlet), ("url", url)) if v}
        if update:
            art = art.model_copy(update=update)
        return next(self.process([art], priors=priors))

    # -- stages ---------------------------------------------------------------------

    @staticmethod
    def _dated(art: Article) -> Article:
        """Infer the publication date from the text when none was given, and say so."""
        if art.published is not None:
            return art
        found, reason = infer_published(art.text)
        return art.model_copy(update={"published": found, "published_inferred": found is not None,
                                      "published_reason": reason})

    def _run(self, batch: list[Article], priors: OutletPriors | None) -> Iterator[ArticleDoc]:
        texts = [blank(a.text, a.boilerplate) for a in batch]
        for art, doc in zip(batch, parse(self.nlp, texts), strict=True):
            yield self._article(art, doc, priors)

    def _article(self, art: Article, doc: Doc, priors: OutletPriors | None) -> ArticleDoc:
        text = doc_text(doc)
        times = find_times(text, art.published)
        places = self.geoparser.parse(doc, text, hints={"title": art.title,
                                                            "outlet_domain": article_outlet(art.url, art.outlet)},
                                      priors=priors)
        focus = article_focus(places)
        country = focus.country if focus else None
        qcands = QuoteIndex(find_quotes(doc, cues=self.cues))
        ctx = _Context(art, doc, times, places, focus, country, qcands, _SpanIndex(places), _SpanIndex(times))
        quotes = [self._quote(q, ctx) for q in qcands if q.text.start >= art.body_start]
        found = [(sent, self._candidates(sent)) for sent in doc.sents
                 if sent.start_char >= art.body_start and sent.text.strip()]
        codings = self._code([sent for sent, trigs in found if trigs or worth_coding(sent)])
        events: list[Event] = []
        for sent, trigs in found:
            events.extend(self._sentence_events(sent, trigs, codings.get(sent.start), ctx))
        said = {(q.text.start, q.text.end): self._source(
            Attribution(q.speaker, q.verb or "said", q.via) if q.speaker else None, art.outlet, ctx)
            for q in qcands}
        events = contest(_dated_by_lede(events, art.published), doc, qcands, said, self.cues)
        events = attach_counts(events, ctx.orphans, ctx.hit)
        return ArticleDoc(article=art, events=tuple(merge_repeats(events)), quotes=tuple(quotes),
                          places=tuple(places), times=tuple(times))

    def _candidates(self, sent: Span) -> list[Trigger]:
        """The sentence's triggers, less a speech verb alone or a side's name: no event."""
        trigs = self.typer.triggers(sent)
        at = [t.token_i for t in trigs]
        return [t for t in trigs if not speech_only(sent.doc[t.token_i], at, self.cues)
                and not names_a_side(sent.doc[t.token_i], self.cues)]

    @property
    def _reporting(self) -> frozenset[str]:
        """Verbs that report or deny, less those that are acts in their own right."""
        cues = self.cues
        return (cues.reporting_verbs | cues.denial_verbs) - cues.event_speech_verbs

    def _code(self, sents: list[Span]) -> dict[int, Coding]:
        """The learned coder's reading of the sentences with a candidate event or a
        subject doing something (``decide.worth_coding``), each read alone
        (``coder.runtime``), keyed by the sentence's first token; nothing on the rules-only
        path."""
        if self.coder is None or not sents:
            return {}
        codes = self.coder.code([sent.text for sent in sents])
        return {sent.start: code for sent, code in zip(sents, codes, strict=True)}

    def _sentence_events(self, sent: Span, trigs: list[Trigger], coding: Coding | None,
                         ctx: _Context) -> list[Event]:
        counts = find_quantities(sent, self.quantities)
        ctx.hit.update((q.span.start, q.span.end) for q in counts
                       if q.extra.get("hit") and "less_dead" not in q.extra)
        proposed = propose(sent, coding, self.typer) if coding is not None and not trigs else None
        if proposed is not None:
            trigs = [proposed]
        if not trigs:  # "the man died at the hospital": the count of the event told before
            ctx.orphans.extend(Quantity(kind=q.kind, value=q.value, qualifier=q.qualifier,  # type: ignore[arg-type]
                                        text=q.span.text, start=q.span.start, end=q.span.end)
                               for q in counts)
            return []
        main = None
        if coding is not None:
            trigs, main = choose(sent, trigs, coding, self.typer, self._reporting)
        owner = _assign_quantities(sent, trigs, counts)
        parties = [self._parties(sent, t, ctx, coding if t is main else None) for t in trigs]
        # a place named as an actor ("Russia and Syria had been accused") is not where
        # any event of the sentence happened; the place a physical act lands on ("stormed
        # the city of X", "patrolled the streets of Y", "attack Syria") is where it happened
        taken = [(a.start, a.end) for t, p in zip(trigs, parties, strict=True)
                 for a in p.actors(keep_target=t.plover not in PLACED_ON)
                 if a.start is not None and a.end is not None]
        places = not_actors(ctx.place_index.within(sent.start_char, sent.end_char), taken,
                            doc_text(sent.doc))
        return [
            self._event(sent, t, p, [c for c, k in zip(counts, owner, strict=True) if k == n],
                        places, ctx, main=t is main)
            for n, (t, p) in enumerate(zip(trigs, parties, strict=True))
        ]

    def _parties(self, sent: Span, trig: Trigger, ctx: _Context,
                 coding: Coding | None = None) -> _Parties:
        """Who acts, on whom, with whom, and who says so, for one trigger; for the main
        event, the learned coder's source and target where it tagged them."""
        a1_span, a2_span = roles(sent, trig)
        c1 = c2 = None
        if coding is not None:
            c1, c2 = role_spans(sent, coding, trig)
            a1_span, a2_span = self._prefer(c1, a1_span, ctx), self._prefer(c2, a2_span, ctx)
        attr = attribution(sent.doc, trig.token_i, cues=self.cues, quotes=ctx.quotes)
        if a1_span is not None and attr is not None and a1_span.start_char == attr.source.start:
            a1_span = None  # the one who reports is not, by that, the one who acts
        actor1, assoc1 = self._actors(a1_span, ctx)
        spoken = acting_subject(sent, trig.token_i, self.cues) if actor1 is None else None
        if spoken is not None and (attr is None or not attr.agency):
            a1_span = spoken  # "the coalition threatened (to strike)": who speaks acts
            actor1, assoc1 = self._actors(spoken, ctx)
            if actor1 is None:  # unknown to the dictionary: the words themselves
                actor1 = Actor(name=spoken.text, text=spoken.text, start=spoken.start_char,
                               end=spoken.end_char, kind="other")
        if attr is not None and attr.agency:  # "X claimed responsibility for", "X vowed to": X acts
            src = attr.source
            actor1, assoc1 = self._named(src, ctx) or Actor(
                name=src.text, text=src.text, start=src.start, end=src.end, kind="other"), []
        actor2, assoc2 = self._actors(a2_span, ctx)
        if actor2 is None and trig.acled and trig.acled[1] in TERRITORIAL:
            actor2 = self._opponent(sent, actor1, ctx)
        # the main event: the coder's tagged source and target where nothing else named
        # them (words unknown to the dictionary: "resident fellow at the institute"); the
        # one who reports acts only in a statement (the coder's verbal classes)
        reporter = attr is not None and c1 is not None and c1.start_char <= attr.source.start < c1.end_char
        named = [a for a in (actor1, actor2, *assoc1, *assoc2) if a is not None]
        if actor1 is None and c1 is not None and (not reporter or trig.quad in VERBAL):
            actor1 = self._words(c1, ctx, named)
        if actor2 is None and c2 is not None:
            actor2 = self._words(c2, ctx, named + ([actor1] if actor1 else []))
        backers = self._backers(sent, ctx, actor1)
        return _Parties(a1_span.text if a1_span is not None else None, actor1, actor2,
                        tuple(assoc1 + assoc2 + backers), attr)

    def _words(self, span: Span, ctx: _Context, named: list[Actor]) -> Actor | None:
        """The actor a phrase names, else the phrase itself as an actor of kind other; none
        where it holds a place ("of Aleppo": where, not who) or words of an actor already
        named in another role ("Russia and Syria had been accused": the accused)."""
        head = span.root.idx
        if not names_a_party(span) and any(
                p.feature != "country" and not p.adjectival and p.start <= head < p.end
                for p in ctx.place_index.within(span.start_char, span.end_char)):
            return None
        for a in named:
            if a.start is not None and a.end is not None \
                    and a.start < span.end_char and span.start_char < a.end:
                return None
        return self._actors(span, ctx)[0] or Actor(name=span.text, text=span.text,
                                                   start=span.start_char, end=span.end_char,
                                                   kind="other")

    def _prefer(self, coded: Span | None, parsed: Span | None, ctx: _Context) -> Span | None:
        """The coder's span where it names a known kind of actor; the parse's where only
        the parse's does ("the besieged town of X" is a place, "4,500 people" civilians)."""
        if coded is None:
            return parsed
        actor = self._actors(coded, ctx)[0]
        if actor is not None and actor.kind != "other":
            return coded
        other = self._actors(parsed, ctx)[0] if parsed is not None else None
        return parsed if other is not None and other.kind != "other" else coded if actor else parsed

    def _event(self, sent: Span, trig: Trigger, parties: _Parties, counts: list,
               places: list[Place], ctx: _Context, *, main: bool = False) -> Event:
        doc = sent.doc
        attr = parties.attribution
        decision = status(doc, trig.token_i, attr, parties.actor1_text)
        source = self._source(attr, ctx.article.outlet, ctx)
        quantities = tuple(
            Quantity(kind=q.kind, value=q.value, qualifier=q.qualifier,  # type: ignore[arg-type]
                     text=q.span.text, start=q.span.start, end=q.span.end,
                     source=source.name if source else None)
            for q in counts
        )
        location = event_location(places, sent.start_char, sent.end_char, ctx.focus, doc=doc,
                                  trigger=trig.token_i)
        when = event_time(ctx.time_index.within(sent.start_char, sent.end_char),
                          sent.start_char, sent.end_char, ctx.article.published,
                          anchor=trig.start)
        reasons = {"status": decision.reason}
        acled = trig.acled
        if acled is not None and decision.status == "planned" and decision.reason.startswith("threat:"):
            # "threatened to strike Sanaa": the threat is the THREATEN event (a strategic
            # development); the strike has not happened, so it is no battle or air strike
            acled = None
            reasons["acled"] = f"threatened, not done ({decision.reason})"
        context = recalled(when, ctx.article.published) if decision.status in ("asserted", "claimed") else None
        if context is not None:  # a happening recalled for context is no event of the news
            decision = replace(decision, status="background")
            reasons["status"] = f"context: {context}"
        if location is None:
            reasons["location"] = "no place in the sentence or the article"
        if when is None:
            reasons["time"] = "no time expression and no publication date"
        return Event(
            id=_event_id(ctx.article.id, trig),
            type=EventType(plover=trig.plover, mode=trig.mode, acled=acled, quad=trig.quad),
            status=decision.status,
            actor1=parties.actor1,
            actor2=parties.actor2,
            associates=parties.associates,
            location=location,
            time=when,
            quantities=quantities,
            source=source,
            evidence=Evidence(**_sentence_span(sent),
                              trigger=trig_text(doc, trig), trigger_start=trig.start,
                              trigger_end=trig.end, extractor=trig.extractor,
                              confidence=trig.confidence, main=main),
            article_id=ctx.article.id,
            reasons=reasons,
        )

    # -- resolution helpers ---------------------------------------------------------

    def _actors(self, span: Span | None, ctx: _Context) -> tuple[Actor | None, list[Actor]]:
        """The actor a phrase names; coordinated phrases ("Russia and Syria") give the
        first conjunct as the actor and the others as associates."""
        if span is None:
            return None, []
        found = [a for a in (self._actor(s, ctx) for s in conjuncts(span)) if a is not None]
        if not found:
            return None, []
        return found[0], found[1:]

    def _actor(self, span: Span, ctx: _Context) -> Actor | None:
        """The actor a phrase names; a phrase that is just a place below country level
        ("Aleppo") names where, not who."""
        if any(p.feature != "country" and not p.adjectival and p.lat is not None
               for p in ctx.place_index.at(span.start_char, span.end_char)):
            return None
        label = span.root.ent_type_ or None
        return self.actors.resolve(span.text, span.start_char, span.end_char,
                                   context_country=ctx.country, label=label)

    def _opponent(self, sent: Span, actor1: Actor | None, ctx: _Context) -> Actor | None:
        """The other side of a territorial event: the first armed actor of the opposite
        camp named in the sentence (the side that lost or gave up the ground)."""
        if actor1 is None:
            return None
        state = {"government", "military", "police"}
        wanted = {"rebels", "militia"} if actor1.kind in state else state
        for chunk in sentence_chunks(sent):
            for part in conjuncts(chunk):
                actor = self._actor(part, ctx)
                if actor is not None and actor.kind in wanted:
                    return actor
        return None

    def _backers(self, sent: Span, ctx: _Context, actor1: Actor | None) -> list[Actor]:
        """Supporters named as "backed by X" / "with the support of X"."""
        out = []
        for tok in sent:
            if tok.lemma_ in self.actors.backing_verbs:
                for agent in (c for c in tok.children if c.dep_ == "agent"):
                    for obj in (c for c in agent.children if c.dep_ == "pobj"):
                        np = obj.doc[obj.left_edge.i : obj.i + 1]
                        actor = self._actor(np, ctx)
                        if actor and (actor1 is None or actor.name != actor1.name):
                            out.append(actor)
        return out

    def _named(self, span: TextSpan | None, ctx: _Context) -> Actor | None:
        if span is None:
            return None
        return self.actors.resolve(span.text, span.start, span.end, context_country=ctx.country)

    def _source(self, attr: Attribution | None, outlet: str | None, ctx: _Context) -> Source | None:
        if attr is None:
            return None
        actor = self._named(attr.source, ctx)
        via = self._named(attr.via, ctx)
        return Source(
            name=actor.name if actor else attr.source.text,
            text=attr.source.text, start=attr.source.start, end=attr.source.end,
            kind=actor.kind if actor else None, country=actor.country if actor else None,
            via=(via.name if via else attr.via.text) if attr.via else None,
            verb=attr.verb, outlet=outlet,
        )

    def _quote(self, q: QuoteCandidate, ctx: _Context) -> Quote:
        speaker = self._named(q.speaker, ctx)
        if speaker is None and q.speaker is not None:
            speaker = Actor(name=q.speaker.text, text=q.speaker.text, start=q.speaker.start,
                            end=q.speaker.end, kind="other")
        via = self._named(q.via, ctx)
        return Quote(speaker=speaker, via=(via.name if via else q.via.text) if q.via else None,
                     text=q.text.text, start=q.text.start, end=q.text.end, direct=q.direct)


@dataclass(frozen=True)
class _Parties:
    actor1_text: str | None
    actor1: Actor | None
    actor2: Actor | None
    associates: tuple[Actor, ...]
    attribution: Attribution | None

    def actors(self, *, keep_target: bool = True) -> list[Actor]:
        target = self.actor2 if keep_target else None
        return [a for a in (self.actor1, target, *self.associates) if a is not None]


# PLOVER types of acts done at the place they are done to: their target, when a place,
# is where they happened.
PLACED_ON = frozenset({"ASSAULT", "FIGHT", "MOBILIZE", "PROTEST", "COERCE"})


VERBAL = frozenset({0, 1, 3})  # CAMEO quad classes of statements, meetings, verbal conflict

# ACLED sub-event types in which one side takes ground from another.
TERRITORIAL = frozenset({
    "Government regains territory", "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
})


@dataclass(frozen=True)
class _Context:
    article: Article
    doc: Doc
    times: list
    places: list[Place]
    focus: Place | None
    country: str | None
    quotes: QuoteIndex
    place_index: _SpanIndex[Place]
    time_index: _SpanIndex[Time]
    orphans: list[Quantity] = field(default_factory=list)  # counts told without an event
    hit: set[tuple[int, int]] = field(default_factory=set)  # spans of counts of people hit


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Spanned)


class _SpanIndex(Generic[S]):
    """The article's places or times by offset: a sentence's, a phrase's, found without a
    walk over all of the article's (which made long articles quadratic)."""

    def __init__(self, items: list[S]) -> None:
        self._items = sorted(items, key=lambda x: x.start)  # stable: ties keep their order
        self._starts = [x.start for x in self._items]
        self._spans: dict[tuple[int, int], list[S]] = {}
        for x in items:
            self._spans.setdefault((x.start, x.end), []).append(x)

    def within(self, start: int, end: int) -> list[S]:
        """The items that start in ``[start, end)``, in text order."""
        return self._items[bisect_left(self._starts, start):bisect_left(self._starts, end)]

    def at(self, start: int, end: int) -> list[S]:
        """The items whose span is exactly ``[start, end)``."""
        return self._spans.get((start, end), [])


MIN_POPULATION = 1000  # a NORP name is retagged as a place only if it is a town or larger


def _is_place(gazetteer: Gazetteer, name: str) -> bool:
    """A NORP entity that is really a place: a known town, region or country by that
    name, and no demonym ("Syrian" is the country's adjective, not a place)."""
    if gazetteer.demonym(name):
        return False
    return any((c.entry.pop >= MIN_POPULATION or c.entry.feature in ("country", "admin1")) and not c.alternate
               for c in gazetteer.lookup(name))  # 'Christian' is no county's main name


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


def _sentence_span(sent: Span) -> dict[str, object]:
    """The sentence's words without the whitespace spaCy keeps around them."""
    text = sent.text
    lead = len(text) - len(text.lstrip())
    core = text.strip()
    start = sent.start_char + lead
    return {"sentence": core, "start": start, "end": start + len(core)}


def trig_text(doc: Doc, trig: Trigger) -> str:
    return doc_text(doc)[trig.start : trig.end]


def _assign_quantities(sent: Span, trigs: list[Trigger], counts: list) -> list[int]:
    """Each count goes to the trigger that governs it, else the nearest trigger."""
    owners = []
    for q in counts:
        tok = sent.doc[q.token_i]
        ancestors = {t.i for t in tok.ancestors}
        # the counted noun itself ("12 protesters were shot") is not the event counted
        governing = [n for n, t in enumerate(trigs) if t.token_i in ancestors
                     and t.token_i != tok.head.i] or [n for n, t in enumerate(trigs) if t.token_i in ancestors]
        if governing:
            owners.append(max(governing, key=lambda n: trigs[n].token_i if trigs[n].token_i < tok.i else -1))
        else:
            owners.append(min(range(len(trigs)), key=lambda n: abs(trigs[n].token_i - tok.i)))
    return owners


def _dated_by_lede(events: list[Event], published: date | None) -> list[Event]:
    """Events without a time of their own take the story's day of the happening (see
    ``article_time``) rather than the publication date. An event the coder proposed for a
    sentence without a trigger (a statement, an aside) does not date the story."""
    focus = article_time([e.time for e in events if e.evidence.extractor != PROPOSED], published)
    if focus is None:
        return events
    return [e.model_copy(update={"time": focus}) if e.time is not None and e.time.reason == "publication_date"
            else e for e in events]


def _event_id(article_id: str, trig: Trigger) -> str:
    key = f"{article_id}:{trig.start}:{trig.end}:{trig.plover}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


__all__ = ["Pipeline", "blank", "conjuncts"]
