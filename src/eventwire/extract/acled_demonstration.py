"""ACLED's demonstrations by the codebook: a demonstration where the demonstrators use
violence or damage property is a violent demonstration (Riots), whatever force met it;
force on demonstrators by others than state forces, mob violence; peaceful demonstrators
met with lethal force or serious injury, excessive force against protesters; dispersed,
tear-gassed or detained, a protest with intervention; else a peaceful protest. The course
of a demonstration is often told in the sentence after the one that names it, so both are
read. Read by ``acled_type.retype`` with the cue words of ``data/acled/cues.json``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.acled_cues import (
    ARRESTS, ATTACK, CLASH, EXCESSIVE, INTERVENTION, MOB, PEACEFUL, VIOLENT_DEMO, Cues, find,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from eventwire.model.candidates import Trigger


def sentence_and_next(sent: Span) -> Span:
    """The sentence and the one after it."""
    doc = sent.doc
    end = sent.end
    if end >= len(doc):
        return sent
    j = end + 1
    while j < len(doc) and not doc[j].is_sent_start:
        j += 1
    return doc[sent.start:j]


def _by_state(tok: Token, cues: Cues) -> bool:
    """The act of cue word ``tok`` is done by state forces: a state word in the subject
    (or agent) of its verb, or modifying it ("police violence")."""
    verb = tok
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    doers = [t for c in verb.children if c.dep_ in ("nsubj", "agent") for t in c.subtree]
    doers += [c for c in tok.children if c.dep_ in ("compound", "amod", "poss")]
    return bool(find(doers, cues.state))


def demonstration_type(sent: Span, cues: Cues) -> tuple[str, str]:
    """The codebook's sub-type of the demonstration told in ``sent`` (and the next one):
    demonstrators using violence, a violent demonstration; force on demonstrators by
    others than state forces ("a group attacked the rally"), mob violence; lethal force or
    serious injury, excessive force; dispersal or arrests, a protest with intervention."""
    words = list(sentence_and_next(sent))
    violent = [t for t in find(words, cues.violent) if _told(t, cues)]
    on_crowd = [t for t in violent if _on_crowd(t, cues)]
    if any(not _by_state(t, cues) and t not in on_crowd for t in violent):
        return VIOLENT_DEMO
    if any(not _by_state(t, cues) for t in on_crowd):
        return MOB
    if on_crowd or any(_told(t, cues) for t in find(words, cues.lethal)):
        return EXCESSIVE
    if any(_told(t, cues) for t in find(words, cues.intervention)):
        return INTERVENTION
    return PEACEFUL


def _told(tok: Token, cues: Cues) -> bool:
    """A cue that tells the course of the demonstration: not in what it is against or
    about, nor in what it demands or denounces ("against gun violence", "over the
    detention of", "calling for the release of detained activists", "protesting the
    killing of"), nor in a clause denied or only possible ("we must not allow them to be
    beaten", "police could use force")."""
    chain = [tok, *tok.ancestors]
    for anc in chain[:4]:
        if anc.dep_ == "pobj" and anc.head.lower_ in cues.about:
            return False
        if anc.dep_ in ("dobj", "obj", "pobj", "xcomp", "ccomp"):
            verb = anc.head.head if anc.dep_ == "pobj" else anc.head
            if verb.lemma_.lower() in cues.about_verbs:
                return False
    for anc in chain:
        if anc.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "neg" or c.dep_ == "aux" and c.tag_ == "MD" for c in anc.children):
            return False
    return True


def _on_crowd(tok: Token, cues: Cues) -> bool:
    """A violent act whose object is the demonstration ("attacked a peaceful rally")."""
    objs = [g for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass") for g in c.subtree]
    objs += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "against")
             for g in c.subtree]
    return bool(find(objs, cues.crowd))


def in_demonstration(sent: Span, trig: Trigger, cues: Cues) -> bool:
    """A trigger of force, arrest or clash whose sentence tells of a demonstration."""
    if trig.acled not in (CLASH, ATTACK, ARRESTS):
        return False
    return bool(find(list(sent), cues.crowd))
