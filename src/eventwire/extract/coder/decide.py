"""Where the learned coder decides: the class family of a sentence's main event, its roles.

The rules find the triggers (which words, where, which ACLED sub-type); the coder reads
the whole sentence. When the two disagree on the main event's class family (4 classes:
material conflict, verbal conflict, material cooperation, verbal cooperation), the coder
is confident in its family and gives the rules' family little probability, the coder wins: the main trigger takes the lexicon sense of its own
words that has the coder's class, else the class's generic PLOVER category. Agreement
leaves the rules' finer type (mode, ACLED sub-type) untouched. A trigger inside reported
words (a clausal complement: "officials denied that anyone had been arrested") keeps its
rules' type: the coder's class then reads the report, not that event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.extract.coder.labels import CLASS_PLOVER, four_class
from eventwire.extract.coder.runtime import EXTRACTOR, Coding
from eventwire.extract.eventcat import main_trigger

if TYPE_CHECKING:
    from spacy.tokens import Span

    from eventwire.extract.triggers import EventTyper
    from eventwire.model.candidates import Trigger

# The coder overrides the lexicon only when it is sure on both counts: its own class family
# has at least MIN_CLASS_CONFIDENCE and the rules' family at most MAX_RULE_PROBABILITY.
# Chosen on the tune part (scripts: see MODEL_CARD.md): looser bounds gained a little there,
# where the coder is over-confident, having been trained on it.
MIN_CLASS_CONFIDENCE = 0.8
MAX_RULE_PROBABILITY = 0.1
# (rules' family, coder's family) pairs the coder never overrides. Material cooperation
# read as material conflict: the coder takes humanitarian acts told amid war (evacuations,
# releases) for the violence around them, and on the tune part it was the rarest of its
# corrections (4 of 145 sentences), so the lexicon's cooperative sense stands.
# Nor does a violent trigger become cooperation: "bombings" told beside a statement ("No
# group has claimed ..., but IS has carried out similar bombings") stay an assault; the
# coder's statement class reads the sentence, not that word.
KEEP_RULES = frozenset({(2, 4), (4, 1), (4, 2)})
MIN_ROLE_SCORE = 0.5  # a tagged role span below it is not used


def retype(sent: Span, trigs: Sequence[Trigger], coding: Coding,
           typer: EventTyper) -> list[Trigger]:
    """``trigs`` with the main trigger retyped where the coder's class family differs."""
    main = main_trigger(sent, list(trigs))
    if main is None or _reported(sent, main):
        return list(trigs)
    want, have = four_class(coding.quad), four_class(typer.sentence_quad(sent, main))
    if want == have or (have, want) in KEEP_RULES \
            or family_probability(coding, want) < MIN_CLASS_CONFIDENCE \
            or family_probability(coding, have) > MAX_RULE_PROBABILITY:
        return list(trigs)
    new = _sense(main, coding.quad, typer)
    return [new if t is main else t for t in trigs]


def _reported(sent: Span, trig: Trigger) -> bool:
    """Is the trigger inside reported words ("officials denied that anyone had been
    arrested")? The coder's class then reads the report, not the trigger's own event."""
    tok = sent.doc[trig.token_i]
    while tok.head.i != tok.i:
        if tok.dep_ in ("ccomp", "parataxis"):
            return True
        tok = tok.head
    return False


def family_probability(coding: Coding, family: int) -> float:
    """The coder's probability of a 4-class family (classes 0 and 1 together)."""
    return sum(p for q, p in enumerate(coding.probs) if four_class(q) == family)


def _sense(trig: Trigger, quad: int, typer: EventTyper) -> Trigger:
    """The trigger typed in the coder's class: a lexicon sense of the same words, else
    the class's generic category (no mode, no ACLED type: the words do not give them)."""
    want = four_class(quad)
    for entry in typer.lexicon.candidates(trig.lemma.split()[0]):
        if " ".join(entry.lemmas) == trig.lemma and not entry.is_stop \
                and four_class(entry.quad_class) == want:
            return replace(trig, plover=entry.plover, mode=entry.mode, acled=entry.acled,
                           extractor=EXTRACTOR)
    return replace(trig, plover=CLASS_PLOVER[quad], mode=None, acled=None, extractor=EXTRACTOR)


def role_spans(sent: Span, coding: Coding, trig: Trigger) -> tuple[Span | None, Span | None]:
    """The coder's source and target as spaCy spans of ``sent`` (None when not tagged,
    too weak, or overlapping the trigger's own words)."""
    out: list[Span | None] = []
    for role in ("source", "target"):
        tagged = coding.best(role)
        span = None
        if tagged is not None and tagged.score >= MIN_ROLE_SCORE:
            start, end = sent.start_char + tagged.start, sent.start_char + tagged.end
            if end <= trig.start or start >= trig.end:
                span = sent.doc.char_span(start, end, alignment_mode="expand")
        out.append(span)
    return out[0], out[1]
