"""Territory changes the codebook types otherwise than by who took the ground.

**Non-violent transfer of territory**: territory acquired "without engaging in violent
interaction". A territory change of a sentence (government regains, non-state actor
overtakes) is a non-violent transfer where the sentence says so:

- the taking is told "without" a word of fighting ("took three villages without any
  fighting", "entered without a shot being fired"), or as unopposed;
- or the ground was handed over ("regained the district when the mission handed it
  over"), and the sentence tells no act of violence (ground won in a battle the sentence
  tells is no transfer, whatever was handed over). A withdrawal of the other side alone
  says too little: the codebook's transfer and a territory change both follow one.

**Movement and violence against civilians**: a verb of moving in on a place ("stormed a
village", "raided a town") told with violence against civilians of its clause or a clause
joined to it ("... and shot dead two herders") is that attack: the violent act against
civilians is what the report codes, not the movement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.acled_cues import BATTLES, CIVILIANS, REMOTE, TAKEN, Cues, find
from eventwire.extract.happenings import clause_of, linked

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span, Token

    from eventwire.model.candidates import Trigger

VIOLENT_TYPES = frozenset({BATTLES, CIVILIANS, REMOTE})


def peaceful_taking(sent: Span, trig: Trigger, trigs: Sequence[Trigger], cues: Cues) -> bool:
    """``trig``, a territory change, is told as taken without violence (see the module)."""
    if trig.acled not in TAKEN:
        return False
    words = list(sent)
    if find(words, cues.unopposed) or any(_without_fighting(w, cues) for w in words):
        return True
    doc = sent.doc
    others = [o for o in trigs if o is not trig]
    if any(_violent(doc[o.token_i], o) for o in others):
        return False
    return any(t.pos_ == "VERB" and t.i != trig.token_i for t in find(words, cues.handover))


def _without_fighting(tok: Token, cues: Cues) -> bool:
    """"without (any) fighting", "without a shot": "without" and a word of fighting in
    what it governs."""
    if tok.lower_ != "without":
        return False
    return bool(find(list(tok.subtree)[1:], cues.without_fighting))


def _violent(tok: Token, trig: Trigger) -> bool:
    """An act of violence told as done (not "without fighting", not another taking)."""
    if trig.acled is None or trig.acled[0] not in VIOLENT_TYPES or trig.acled in TAKEN:
        return False
    return not any(a.lower_ == "without" for a in list(tok.ancestors)[:3])


def movement_on_civilians(sent: Span, trig: Trigger, attacks: Sequence[Trigger],
                          cues: Cues) -> bool:
    """``trig``, a territory change by a verb of moving in (``cues.movement``), told with
    an attack on civilians (one of ``attacks``) of its clause, a clause linked to it or a
    clause joined to it by "and"."""
    if trig.acled not in TAKEN or trig.lemma not in cues.movement:
        return False
    doc = sent.doc
    tok = doc[trig.token_i]
    head = clause_of(tok)
    joined = {head.i, *(c.i for c in head.conjuncts)}
    return any(o is not trig and (clause_of(doc[o.token_i]).i in joined
                                                 or linked(doc[o.token_i], tok))
               for o in attacks)
