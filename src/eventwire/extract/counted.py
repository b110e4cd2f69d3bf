"""Which of a sentence's event triggers each count of people belongs to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.model.candidates import QuantityCandidate, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Span


def assign_quantities(sent: Span, trigs: list[Trigger], counts: list[QuantityCandidate]) -> list[int]:
    """Each count goes to the trigger that governs it, else the nearest trigger: the
    index into ``trigs`` of each count's owner."""
    owners = []
    for q in counts:
        assert q.token_i is not None, "find_quantities gives every count its token"
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
