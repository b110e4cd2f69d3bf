"""ACLED's Agreement: an agreement between parties (a ceasefire, a peace deal, an exchange
of prisoners), also where the verb that made it has a type of its own ("struck an
accord"), and the violence such an agreement ends or follows, which is its background.
Read by ``acled_type.retype`` with the cue words of ``data/acled/cues.json``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.acled_cues import AGREEMENT, BATTLES, CIVILIANS, REMOTE, Cues, find

if TYPE_CHECKING:
    from spacy.tokens import Span

    from eventwire.model.candidates import Trigger


def agreement(sent: Span, trig: Trigger, cues: Cues) -> bool:
    """An agreement word told of a trigger of agreeing, or made the object of a verb of
    making one ("reached a truce"), whatever other type that verb was given."""
    tok = sent.doc[trig.token_i]
    if trig.acled is not None or (trig.plover not in cues.agree_plover
                                  and tok.lemma_.lower() not in cues.agree_verbs):
        return False
    near = [tok, *tok.children, *(g for c in tok.children for g in c.children)]
    return bool(find(near, cues.agreement))


def agreement_struck(sent: Span, trig: Trigger, cues: Cues) -> bool:
    """A verb of making an agreement given another type by its own word ("struck an
    accord", "sealed a deal"): its object, an agreement word, makes it the agreement."""
    tok = sent.doc[trig.token_i]
    if trig.acled is None or trig.acled == AGREEMENT or tok.lemma_.lower() not in cues.agree_verbs:
        return False
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    return bool(find(objs, cues.agreement))


def agreed_background(sent: Span, trig: Trigger, cues: Cues) -> bool:
    """Violence an agreement of the sentence ends or follows ("after weeks of clashes, the
    sides agreed to a truce", "a ceasefire ending months of fighting"): its background."""
    if trig.acled is None or trig.acled[0] not in (BATTLES, CIVILIANS, REMOTE):
        return False
    tok = sent.doc[trig.token_i]
    return any(a.lemma_.lower() in cues.agree_background or a.lower_ in cues.agree_background
               for a in list(tok.ancestors)[:3])
