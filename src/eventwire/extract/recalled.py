"""A happening a sentence recalls to set the article's own event against: ``background``.

News tells its event beside others for context: "the incident came a day after a boy in
another state was shot", "the attack follows the killing of two guards", "the deadliest
shooting since 2007, when a gunman killed 32", "the first homicide since a man was
killed in May", "it was the latest in a string of shootings". The recalled happening is
not the article's: coded as ``asserted`` it links the article to another incident and
lends it that incident's counts and day. The cue is the clause structure, read on the
way up from the trigger (``child`` -> ``head``, as ``status.governing_cue``):

* set after: the trigger's clause or phrase hangs under a sequence verb ("come",
  "follow") through a sequence preposition or mark ("after", "since", "amid") or as
  the object of "follow", and that verb's subject names a happening ("the shooting
  came a day after ..."; "the arrest came a day after ..." tells the article's own
  happening and is left alone);
* measured since: the trigger is in a "since" phrase or clause of a superlative or
  ranking word ("the deadliest since", "the first homicide since"); "since the
  shooting, police have searched" hangs under a plain verb and is left alone;
* one of a series: the trigger is inside the "in" phrase of "the latest" ("the latest
  in a string of shootings"), or of a ranking word said of the subject ("it was the
  third in a series of attacks").

The words are data (``claim_cues.json``: ``sequence_verbs``, ``sequence_preps``,
``happening_nouns``, ``recency_words``); where they count is decided here.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.claim_cues import ClaimCues
from eventwire.model.candidates import StatusDecision, TextSpan

PREDICATE = frozenset({"attr", "acomp"})  # "it was the third (in ...)"
MODIFIER = frozenset({"amod", "advmod", "attr", "acomp", "nummod"})
SUBJECT = frozenset({"nsubj", "nsubjpass"})
SERIES = frozenset({"latest", "newest", "recent"})  # said of the article's event alone


def recalled_cue(head: Token, child: Token, cues: ClaimCues) -> StatusDecision | None:
    """``background`` when the clause reached through ``child`` is recalled by ``head``."""
    marker = _set_after(head, child, cues)
    if marker is not None:
        return _background(f"sequence:{head.lemma_.lower()} {marker}", head)
    if _since(child) and _measured(head, cues):
        return _background(f"since:{_rank_word(head, cues).lower_}", child)
    if child.dep_ == "prep" and child.lower_ == "in" and _series_head(head, cues):
        return _background(f"series:{head.lower_}", head)
    return None


def _background(reason: str, tok: Token) -> StatusDecision:
    return StatusDecision("background", reason, TextSpan(tok.text, tok.idx, tok.idx + len(tok.text)))


def _set_after(head: Token, child: Token, cues: ClaimCues) -> str | None:
    """The sequence word by which ``child`` is set before the happening ``head`` tells."""
    if head.lemma_.lower() not in cues.sequence_verbs or not _happening_subject(head, cues):
        return None
    if child.dep_ == "prep" and child.lower_ in cues.sequence_preps:
        return child.lower_
    if child.dep_ == "advcl":
        marks = [m.lower_ for m in child.children if m.dep_ == "mark"]
        return next((m for m in marks if m in cues.sequence_preps), None)
    if child.dep_ == "dobj":  # "the shooting follows the killing of ..."
        return "object"
    return None


def _happening_subject(verb: Token, cues: ClaimCues) -> bool:
    return any(c.dep_ in SUBJECT and c.lemma_.lower() in cues.happening_nouns for c in verb.children)


def _since(child: Token) -> bool:
    if child.dep_ == "prep":
        return child.lower_ == "since"
    return child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in child.children)


def _ranks(tok: Token, cues: ClaimCues) -> bool:
    return tok.tag_ == "JJS" or tok.lower_ in cues.recency_words


def _rank_word(head: Token, cues: ClaimCues) -> Token:
    """The superlative or ranking word of ``head`` (itself, a modifier, or its predicate's)."""
    if _ranks(head, cues):
        return head
    for c in head.children:
        if c.dep_ in MODIFIER and _ranks(c, cues):
            return c
        if c.dep_ in PREDICATE:
            found = next((m for m in c.children if m.dep_ in MODIFIER and _ranks(m, cues)), None)
            if found is not None:
                return found
            if _ranks(c, cues):
                return c
    return head


def _measured(head: Token, cues: ClaimCues) -> bool:
    """``head`` ranks the article's event: "the deadliest (since)", "the first homicide
    (since)", "was the worst (since)"."""
    return _rank_word(head, cues) is not head or _ranks(head, cues)


def _series_head(head: Token, cues: ClaimCues) -> bool:
    """"the latest (in ...)", or a ranking word said of the subject ("was the third (in ...)")."""
    if head.lower_ in SERIES:
        return True
    return head.dep_ in PREDICATE and _ranks(head, cues) and head.pos_ != "NOUN"

