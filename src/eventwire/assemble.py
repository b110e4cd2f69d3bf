"""One sentence's candidates and the article's resolved parts -> Event records.

The glue between ``extract`` (triggers, roles, attribution, counts, status) and ``resolve``
(actors, places, times) for one sentence: who acts on whom (``parties``), which counts
and places are the event's, and the ``Event`` record with a reason for each missing
field. Like ``pipeline`` and ``registrations`` it may import every stage; the rules
themselves live in the stages (``resolve.parties``, ``extract.counted``, ...).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventwire.extract.acled_type import retype as acled_retype
from eventwire.extract.acled_type import with_ground_taken, with_weapons_used
from eventwire.extract.attribution import acting_subject, attribution
from eventwire.extract.coder.decide import choose, propose, role_spans
from eventwire.extract.counted import assign_quantities
from eventwire.extract.quantities import find_quantities
from eventwire.extract.roles import roles
from eventwire.extract.status import status
from eventwire.model import Actor, Event, EventType, Evidence, Place, Quantity
from eventwire.model.candidates import Attribution, QuantityCandidate, Trigger
from eventwire.nlp.text import doc_text
from eventwire.resolve.parties import PartyNamer
from eventwire.resolve.inter import inter_codes, sided_type
from eventwire.resolve.places import event_location, not_actors
from eventwire.resolve.places.candidates import sentence_words
from eventwire.resolve.timex import event_time, governs, recalled, reported

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from eventwire.extract.coder.runtime import Coding
    from eventwire.registry import ArticleState, Parts

# PLOVER types of acts done at the place they are done to: their target, when a place,
# is where they happened.
PLACED_ON = frozenset({"ASSAULT", "FIGHT", "MOBILIZE", "PROTEST", "COERCE"})

VERBAL = frozenset({0, 1, 3})  # CAMEO quad classes of statements, meetings, verbal conflict


@dataclass(frozen=True)
class Parties:
    actor1_text: str | None
    actor1: Actor | None
    actor2: Actor | None
    associates: tuple[Actor, ...]
    attribution: Attribution | None

    def actors(self, *, keep_target: bool = True) -> list[Actor]:
        target = self.actor2 if keep_target else None
        return [a for a in (self.actor1, target, *self.associates) if a is not None]


def reporting(parts: Parts) -> frozenset[str]:
    """Verbs that report or deny, less those that are acts in their own right."""
    cues = parts.cues
    return (cues.reporting_verbs | cues.denial_verbs) - cues.event_speech_verbs


def sentence_events(parts: Parts, state: ArticleState, named: PartyNamer, sent: Span,
                    trigs: list[Trigger], coding: Coding | None) -> list[Event]:
    """The sentence's events; its counts without an event go to ``state.orphans`` and
    the spans of counts of people hit to ``state.hit``, each with the sentence's dead
    already taken from it ("seven people were shot, five fatally": 5); the spans of
    counts of those an agent killed go to ``state.victims``."""
    counts = find_quantities(sent, parts.quantities)
    state.hit.update({(q.span.start, q.span.end): int(q.extra.get("less_dead", "0"))
                      for q in counts if q.extra.get("hit")})
    state.victims.update({(q.span.start, q.span.end): int(q.extra.get("with_killer") == "yes")
                          for q in counts if q.extra.get("victims") or q.extra.get("with_killer")})
    trigs = with_weapons_used(sent, trigs)  # "forces used chlorine gas against ..."
    trigs = with_ground_taken(sent, trigs)  # "troops recovered the town"
    proposed = propose(sent, coding, parts.typer) if coding is not None and not trigs else None
    if proposed is not None:
        trigs = [proposed]
    if not trigs:  # "the man died at the hospital": the count of the event told before
        state.orphans.extend(Quantity(kind=q.kind, value=q.value, qualifier=q.qualifier,  # type: ignore[arg-type]
                                      text=q.span.text, start=q.span.start, end=q.span.end)
                             for q in counts)
        return []
    main = None
    if coding is not None:
        trigs, main = choose(sent, trigs, coding, parts.typer, reporting(parts))
    trigs, main = acled_retype(sent, trigs, main)
    owner = assign_quantities(sent, trigs, counts)
    found = [parties(parts, state, named, sent, t, coding if t is main else None) for t in trigs]
    # a place named as an actor ("Russia and Syria had been accused") is not where
    # any event of the sentence happened; the place a physical act lands on ("stormed
    # the city of X", "patrolled the streets of Y", "attack Syria") is where it happened
    taken = [(a.start, a.end) for t, p in zip(trigs, found, strict=True)
             for a in p.actors(keep_target=t.plover not in PLACED_ON)
             if a.start is not None and a.end is not None]
    mentioned = state.place_index.within(sent.start_char, sent.end_char)
    # the sentence's place words no mention covers are candidates of its events' places only
    places = not_actors(mentioned + sentence_words(sent, mentioned), taken, doc_text(sent.doc))
    return [
        event(state, named, sent, t, p, [c for c, k in zip(counts, owner, strict=True) if k == n],
              places, main=t is main)
        for n, (t, p) in enumerate(zip(trigs, found, strict=True))
    ]


def parties(parts: Parts, state: ArticleState, named: PartyNamer, sent: Span, trig: Trigger,
            coding: Coding | None = None) -> Parties:
    """Who acts, on whom, with whom, and who says so, for one trigger; for the main
    event, the learned coder's source and target where it tagged them."""
    a1_span, a2_span = roles(sent, trig)
    c1 = c2 = None
    if coding is not None:
        c1, c2 = role_spans(sent, coding, trig)
        a1_span, a2_span = named.prefer(c1, a1_span), named.prefer(c2, a2_span)
    attr = attribution(sent.doc, trig.token_i, cues=parts.cues, quotes=state.quotes)
    if a1_span is not None and attr is not None and a1_span.start_char == attr.source.start:
        a1_span = None  # the one who reports is not, by that, the one who acts
    actor1, assoc1 = named.actors(a1_span)
    spoken = acting_subject(sent, trig.token_i, parts.cues) if actor1 is None else None
    if spoken is not None and (attr is None or not attr.agency):
        a1_span = spoken  # "the coalition threatened (to strike)": who speaks acts
        actor1, assoc1 = named.actors(spoken)
        if actor1 is None:  # unknown to the dictionary: the words themselves
            actor1 = Actor(name=spoken.text, text=spoken.text, start=spoken.start_char,
                           end=spoken.end_char, kind="other")
    if attr is not None and attr.agency:  # "X claimed responsibility for", "X vowed to": X acts
        src = attr.source
        actor1, assoc1 = named.named(src) or Actor(
            name=src.text, text=src.text, start=src.start, end=src.end, kind="other"), []
    actor2, assoc2 = named.actors(a2_span)
    if actor2 is None:
        actor2 = named.opponent(sent, actor1, trig.acled)
    # the main event: the coder's tagged source and target where nothing else named
    # them (words unknown to the dictionary: "resident fellow at the institute"); the
    # one who reports acts only in a statement (the coder's verbal classes)
    reporter = attr is not None and c1 is not None and c1.start_char <= attr.source.start < c1.end_char
    known = [a for a in (actor1, actor2, *assoc1, *assoc2) if a is not None]
    if actor1 is None and c1 is not None and (not reporter or trig.quad in VERBAL):
        actor1 = named.words(c1, known)
    if actor2 is None and c2 is not None:
        actor2 = named.words(c2, known + ([actor1] if actor1 else []))
    backers = named.backers(sent, actor1)
    return Parties(a1_span.text if a1_span is not None else None, actor1, actor2,
                   tuple(assoc1 + assoc2 + backers), attr)


def event(state: ArticleState, named: PartyNamer, sent: Span, trig: Trigger, found: Parties,
          counts: list[QuantityCandidate], places: list[Place], *, main: bool = False) -> Event:
    """The Event record of one trigger, with a reason for each field left empty."""
    doc = sent.doc
    art = state.article
    attr = found.attribution
    decision = status(doc, trig.token_i, attr, found.actor1_text)
    source = named.source(attr, art.outlet)
    quantities = tuple(
        Quantity(kind=q.kind, value=q.value, qualifier=q.qualifier,  # type: ignore[arg-type]
                 text=q.span.text, start=q.span.start, end=q.span.end,
                 source=source.name if source else None)
        for q in counts
    )
    location = event_location(places, sent.start_char, sent.end_char, state.focus, doc=doc,
                              trigger=trig.token_i, parts=trig.parts)
    when = event_time(state.time_index.within(sent.start_char, sent.end_char),
                      sent.start_char, sent.end_char, art.published, anchor=trig.start,
                      skip=lambda t: reported(doc, t.start, t.end, trig.token_i,
                                              today=art.published is not None and t.start_date == art.published),
                      own=lambda t: governs(doc, t.start, t.end, trig.token_i))
    reasons = {"status": decision.reason}
    acled = sided_type(trig.acled, found.actor1, found.actor2)  # attack or battle: who was hit
    if acled is not None and decision.status == "planned" and decision.reason.startswith("threat:"):
        # "threatened to strike Sanaa": the threat is the THREATEN event (a strategic
        # development); the strike has not happened, so it is no battle or air strike
        acled = None
        reasons["acled"] = f"threatened, not done ({decision.reason})"
    context = recalled(when, art.published) if decision.status in ("asserted", "claimed") else None
    if context is not None:  # a happening recalled for context is no event of the news
        decision = replace(decision, status="background")
        reasons["status"] = f"context: {context}"
    if location is None:
        reasons["location"] = "no place in the sentence or the article"
    if when is None:
        reasons["time"] = "no time expression and no publication date"
    return Event(
        id=event_id(art.id, trig),
        type=EventType(plover=trig.plover, mode=trig.mode, acled=acled, quad=trig.quad,
                       **inter_codes(acled, found.actor1, found.actor2).fields()),
        status=decision.status,
        actor1=found.actor1,
        actor2=found.actor2,
        associates=found.associates,
        location=location,
        time=when,
        quantities=quantities,
        source=source,
        evidence=Evidence(**sentence_span(sent),
                          trigger=trig_text(doc, trig), trigger_start=trig.start,
                          trigger_end=trig.end, extractor=trig.extractor,
                          confidence=trig.confidence, main=main, parts=trig.parts),
        article_id=art.id,
        reasons=reasons,
    )


def sentence_span(sent: Span) -> dict[str, object]:
    """The sentence's words without the whitespace spaCy keeps around them."""
    text = sent.text
    lead = len(text) - len(text.lstrip())
    core = text.strip()
    start = sent.start_char + lead
    return {"sentence": core, "start": start, "end": start + len(core)}


def trig_text(doc: Doc, trig: Trigger) -> str:
    return doc_text(doc)[trig.start : trig.end]


def event_id(article_id: str, trig: Trigger) -> str:
    key = f"{article_id}:{trig.start}:{trig.end}:{trig.plover}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]
