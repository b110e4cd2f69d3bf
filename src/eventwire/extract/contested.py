"""Who disagrees: one event with every party's claim, never one event per party.

* A **speech verb is no event of its own** when what it reports is one: in "the army
  denied that its troops had fired", "the party vowed to hold rallies", the denial and
  the vow are the status of the firing and the rallies (``speech_only``). Verbs that
  are acts in their own right — threaten, accuse, condemn, demand
  (``event_speech_verbs``) — stay events.
* A **noun that only names a side** ("the opposition", "the resistance": ``side_nouns``)
  is a party, not an event, unless it governs what is opposed ("opposition to the
  plan"); nor is a plural noun that an act of force is done to ("12 protesters were
  shot dead": the shooting's target, ``target_of_another``).
* **Contested events** (``contest``): an event that a later statement denies or
  contradicts keeps one record with a claim per party:

  - a ``denied`` event of the same kind as an event told just before it (same sentence
    or the ``REACH`` sentences before) is that event denied: the earlier event keeps its
    own claim and takes the denial as a second claim; the denied copy goes;
  - a reported content by another source, in the same sentence after a contrast ("but",
    "however", "while") or in the next sentence opening with one, that takes up a word of
    the event ("the drone" of "a drone attack") and says it failed or did not happen
    (a ``contradiction_verbs`` verb, or a negation) is a second claim with status
    ``denied``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.extract.claim_cues import ClaimCues
from eventwire.model import Claim, Event, Source
from eventwire.model.candidates import QuoteCandidate

REACH = 2  # sentences back in which a denial finds the event it denies
CONTRAST = frozenset({"but", "however", "while", "whereas", "although", "though", "yet"})
CLAUSAL = frozenset({"ccomp", "xcomp"})
GOVERNED_BY_SIDE = frozenset({"to", "against", "of", "from"})


def speech_only(tok: Token, trigger_tokens: Sequence[int], cues: ClaimCues) -> bool:
    """Is ``tok`` a reporting or denial verb (say, deny, vow...) whose clause holds another
    trigger? ("agreed to a deal to begin evacuating" stays: an agreement is an act.)"""
    lemma = tok.lemma_.lower()
    speech = lemma in cues.reporting_verbs or lemma in cues.denial_verbs
    if not speech or lemma in cues.event_speech_verbs:
        return False
    others = {i for i in trigger_tokens if i != tok.i}
    for child in tok.children:
        if child.dep_ in CLAUSAL and any(t.i in others for t in child.subtree):
            return True
    return False


def names_a_side(tok: Token, cues: ClaimCues) -> bool:
    """Is the noun ``tok`` a party ("the opposition said", "opposition supporters")?"""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in cues.side_nouns:
        return False
    return not any(c.dep_ == "prep" and c.lower_ in GOVERNED_BY_SIDE for c in tok.children)


TARGET_DEPS = frozenset({"nsubjpass", "dobj"})
FORCE = frozenset({"ASSAULT", "COERCE"})  # the PLOVER types of acts of force


def target_of_another(tok: Token, forceful: Sequence[int]) -> bool:
    """Is the plural noun ``tok`` ("protesters", "demonstrators") the one a trigger of
    force (``forceful``: the tokens of the sentence's ``FORCE`` triggers) is done
    to ("12 protesters were shot dead", "police dispersed the demonstrators")? Then it
    names that event's target, not a happening of its own."""
    if tok.tag_ not in ("NNS", "NNPS") or tok.dep_ not in TARGET_DEPS:
        return False
    head = tok.head
    return head.i != tok.i and head.i in forceful and head.pos_ == "VERB"


def contest(events: list[Event], doc: Doc, quotes: Sequence[QuoteCandidate],
            sources: dict[tuple[int, int], Source | None], cues: ClaimCues) -> list[Event]:
    """``events`` with denials folded into the events they deny and contradicting
    reports added as claims. ``sources``: the resolved source of each quote, by span."""
    events = _fold_denials(events, doc)
    return [_with_contradictions(ev, doc, quotes, sources, cues) for ev in events]


def own_claim(ev: Event) -> Claim:
    """The event's own claim: its status and source, told by its sentence."""
    ev_ = ev.evidence
    return Claim(status=ev.status, source=ev.source, text=ev_.sentence, start=ev_.start,
                 end=ev_.end, reason=ev.reasons.get("status"))


def _sentence_index(starts: list[int], char: int | None) -> int:
    """The index of the sentence holding character ``char`` (``starts``: the sentences'
    first characters, in order), found by bisection; -1 for none."""
    if char is None:
        return -1
    return bisect_right(starts, char) - 1


def _fold_denials(events: list[Event], doc: Doc) -> list[Event]:
    starts = [sent.start_char for sent in doc.sents]
    where = [_sentence_index(starts, e.evidence.trigger_start) for e in events]
    out: list[Event | None] = list(events)
    for k, ev in enumerate(events):
        if ev.status != "denied":
            continue
        target = next(
            (j for j in range(k - 1, -1, -1)
             if out[j] is not None and events[j].status != "denied"
             and events[j].type.plover == ev.type.plover and 0 <= where[k] - where[j] <= REACH),
            None,
        )
        if target is None:
            continue
        host = out[target]
        assert host is not None
        claims = host.claims or (own_claim(host),)
        out[target] = host.model_copy(update={"claims": (*claims, own_claim(ev))})
        out[k] = None
    return [e for e in out if e is not None]


def _with_contradictions(ev: Event, doc: Doc, quotes: Sequence[QuoteCandidate],
                         sources: dict[tuple[int, int], Source | None], cues: ClaimCues) -> Event:
    at = ev.evidence.trigger_start
    if at is None:
        return ev
    words = _event_words(doc, ev)
    added: list[Claim] = []
    for q in quotes:
        if q.text.start <= at or q.text.start > ev.evidence.end + 400:
            continue
        span = doc.char_span(q.text.start, q.text.end, alignment_mode="expand")
        if span is None or not _after_contrast(doc, ev, span.start) or not _denies(span, cues):
            continue
        if not words & {t.lemma_.lower() for t in span if t.pos_ in ("NOUN", "PROPN")}:
            continue
        source = sources.get((q.text.start, q.text.end))
        if source is not None and ev.source is not None and source.name == ev.source.name:
            continue
        added.append(Claim(status="denied", source=source, text=q.text.text, start=q.text.start,
                           end=q.text.end, reason="contradiction"))
    if not added:
        return ev
    return ev.model_copy(update={"claims": (*(ev.claims or (own_claim(ev),)), *added)})


def _event_words(doc: Doc, ev: Event) -> set[str]:
    start, end = ev.evidence.trigger_start, ev.evidence.trigger_end
    if start is None or end is None:
        return set()
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return set()
    words = {t.lemma_.lower() for t in span if t.pos_ in ("NOUN", "PROPN")}
    for t in span:  # "a drone attack", "shot down an army helicopter"
        words |= {c.lemma_.lower() for c in t.children
                  if c.dep_ in ("compound", "dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")}
    return words


def _after_contrast(doc: Doc, ev: Event, first: int) -> bool:
    """Is a contrast word between the event's trigger and token ``first``, in the same
    sentence or opening the next?"""
    at = ev.evidence.trigger_end or ev.evidence.end
    trig = doc.char_span(at - 1, at, alignment_mode="expand")
    if trig is None:
        return False
    there = doc[first].sent.start
    if there not in (trig.sent.start, trig.sent.end):
        return False
    return any(t.lower_ in CONTRAST for t in doc[trig.end:first])


def _denies(span: object, cues: ClaimCues) -> bool:
    for tok in span:  # type: ignore[attr-defined]
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX", "ADP") and lemma in cues.contradiction_verbs:
            return True
        if tok.dep_ == "prt" and tok.lower_ in cues.contradiction_verbs:  # "shot down"
            return True
        if tok.dep_ == "neg":
            return True
    return False
