"""Phrases of a sentence -> actors, in the article's context (its places, its country).

The dictionary (``actors.ActorDictionary``) names a phrase alone; this module holds the
rules that need the article around it: a phrase that is a place below country level names
where, not who; coordinated phrases give associates; the other side of a territorial event;
the backers of an actor; the actor behind a source or a quote's speaker.

    named = PartyNamer(dictionary, ActorContext(SpanIndex(places), country))
    actor, associates = named.actors(span)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.extract.roles import names_a_party
from eventwire.model import Actor, Place, Quote, Source
from eventwire.model.candidates import Attribution, QuoteCandidate, TextSpan
from eventwire.model.spans import SpanIndex
from eventwire.nlp.text import sentence_chunks
from eventwire.resolve.actors import ActorDictionary

if TYPE_CHECKING:
    from spacy.tokens import Span

# ACLED sub-event types in which one side takes ground from another.
TERRITORIAL = frozenset({
    "Government regains territory", "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
})
STATE_KINDS = frozenset({"government", "military", "police"})
ARMED_KINDS = frozenset({"rebels", "militia"})


@dataclass(frozen=True)
class ActorContext:
    """What of the article an actor's resolution reads: its places by offset and the
    country it is about (``article_focus``)."""

    places: SpanIndex[Place]
    country: str | None


@dataclass(frozen=True)
class PartyNamer:
    """The actors a sentence's phrases name, for one article."""

    dictionary: ActorDictionary
    context: ActorContext

    def actors(self, span: Span | None) -> tuple[Actor | None, list[Actor]]:
        """The actor a phrase names; coordinated phrases ("Russia and Syria") give the
        first conjunct as the actor and the others as associates."""
        if span is None:
            return None, []
        found = [a for a in (self.actor(s) for s in conjuncts(span)) if a is not None]
        if not found:
            return None, []
        return found[0], found[1:]

    def actor(self, span: Span) -> Actor | None:
        """The actor a phrase names; a phrase that is just a place below country level
        ("Aleppo") names where, not who."""
        if any(p.feature != "country" and not p.adjectival and p.lat is not None
               for p in self.context.places.at(span.start_char, span.end_char)):
            return None
        label = span.root.ent_type_ or None
        return self.dictionary.resolve(span.text, span.start_char, span.end_char,
                                       context_country=self.context.country, label=label)

    def named(self, span: TextSpan | None) -> Actor | None:
        """The actor words found by offset name (a source, a speaker), if any."""
        if span is None:
            return None
        return self.dictionary.resolve(span.text, span.start, span.end,
                                       context_country=self.context.country)

    def words(self, span: Span, named: list[Actor]) -> Actor | None:
        """The actor a phrase names, else the phrase itself as an actor of kind other; none
        where it holds a place ("of Aleppo": where, not who) or words of an actor already
        named in another role ("Russia and Syria had been accused": the accused)."""
        head = span.root.idx
        if not names_a_party(span) and any(
                p.feature != "country" and not p.adjectival and p.start <= head < p.end
                for p in self.context.places.within(span.start_char, span.end_char)):
            return None
        for a in named:
            if a.start is not None and a.end is not None \
                    and a.start < span.end_char and span.start_char < a.end:
                return None
        return self.actors(span)[0] or _other(span.text, span.start_char, span.end_char)

    def prefer(self, coded: Span | None, parsed: Span | None) -> Span | None:
        """The coder's span where it names a known kind of actor; the parse's where only
        the parse's does ("the besieged town of X" is a place, "4,500 people" civilians)."""
        if coded is None:
            return parsed
        actor = self.actors(coded)[0]
        if actor is not None and actor.kind != "other":
            return coded
        other = self.actors(parsed)[0] if parsed is not None else None
        return parsed if other is not None and other.kind != "other" else coded if actor else parsed

    def opponent(self, sent: Span, actor1: Actor | None, acled: tuple[str, str] | None) -> Actor | None:
        """The other side of a territorial event (``TERRITORIAL``): the first armed actor
        of the opposite camp named in the sentence (the side that lost or gave up the
        ground); none for any other event."""
        if actor1 is None or acled is None or acled[1] not in TERRITORIAL:
            return None
        wanted = ARMED_KINDS if actor1.kind in STATE_KINDS else STATE_KINDS
        for chunk in sentence_chunks(sent):
            for part in conjuncts(chunk):
                actor = self.actor(part)
                if actor is not None and actor.kind in wanted:
                    return actor
        return None

    def backers(self, sent: Span, actor1: Actor | None) -> list[Actor]:
        """Supporters named as "backed by X" / "with the support of X"."""
        out = []
        for tok in sent:
            if tok.lemma_ in self.dictionary.backing_verbs:
                for agent in (c for c in tok.children if c.dep_ == "agent"):
                    for obj in (c for c in agent.children if c.dep_ == "pobj"):
                        np = obj.doc[obj.left_edge.i : obj.i + 1]
                        actor = self.actor(np)
                        if actor and (actor1 is None or actor.name != actor1.name):
                            out.append(actor)
        return out

    def source(self, attr: Attribution | None, outlet: str | None) -> Source | None:
        """Who the article says reports it, named by the dictionary where it can be."""
        if attr is None:
            return None
        actor = self.named(attr.source)
        via = self.named(attr.via)
        return Source(
            name=actor.name if actor else attr.source.text,
            text=attr.source.text, start=attr.source.start, end=attr.source.end,
            kind=actor.kind if actor else None, country=actor.country if actor else None,
            via=(via.name if via else attr.via.text) if attr.via else None,
            verb=attr.verb, outlet=outlet,
        )

    def quote(self, q: QuoteCandidate) -> Quote:
        """A quote with its speaker named, else kept as its words."""
        speaker = self.named(q.speaker)
        if speaker is None and q.speaker is not None:
            speaker = _other(q.speaker.text, q.speaker.start, q.speaker.end)
        if speaker is not None and q.words is not None:
            # "he said": the pronoun's words and span, the name it stands for
            speaker = speaker.model_copy(update={"text": q.words.text, "start": q.words.start,
                                                 "end": q.words.end})
        via = self.named(q.via)
        return Quote(speaker=speaker, via=(via.name if via else q.via.text) if q.via else None,
                     text=q.text.text, start=q.text.start, end=q.text.end, direct=q.direct)


def _other(text: str, start: int, end: int) -> Actor:
    """Words unknown to the dictionary, kept as an actor of kind other."""
    return Actor(name=text, text=text, start=start, end=end, kind="other")


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
