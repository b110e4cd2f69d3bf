"""Claim status of an event trigger: asserted, claimed, alleged, denied, negated,
planned or background.

Cues come from the parse, not from word lists alone. Walking up from the trigger:

* in the trigger's own clause (the trigger, and the verbs it hangs under through
  object, prepositional and ``xcomp`` arcs): a ``neg`` child, a negative subject or
  object ("no one", "nobody"), a hedge adverb or adjective, a modal ``aux``
  (will/would: planned; may/might have: alleged), an "if" clause, a lasting state
  ("still", perfect "since 2012", a stative verb in the present);
* on the way up, the governing word: a failure verb (``xcomp`` of fail/refuse), a plan or
  threat verb, a denial verb, an accusation verb or noun, a passive raising verb ("were
  said to"), an opinion verb ("considers ... to be"), "without", a relative clause on a
  duration noun ("the war, which has killed ..."), a happening the article's event is
  set after or ranked against ("came a day after ...", "the deadliest since ...":
  ``recalled``).

The innermost cue wins, except that a denial outranks the allegation it rejects ("denied
reports that ..."). With no cue, an attributed trigger whose actor is its own source is
``claimed`` ("the army said it had retaken"), and so is an act whose source claims
responsibility for it ("X claimed responsibility for the attack"; "denied
responsibility" gives ``denied``); any other attributed trigger stays ``asserted`` with
its source (a report by police, a news agency, a rights group).
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from eventwire.extract.attribution import attribution as find_attribution
from eventwire.extract.claim_cues import ClaimCues, load_cues
from eventwire.extract.claim_tree import path_up, quoted_ranges
from eventwire.extract.recalled import recalled_cue
from eventwire.model.candidates import Attribution, StatusDecision, TextSpan

# arcs along which the trigger's own clause extends upwards (its negation and modality
# are those of the verb it is the object of, or the verb it is an xcomp of)
LOCAL_UP = frozenset(
    {"dobj", "pobj", "prep", "attr", "oprd", "nsubjpass", "compound", "amod", "nmod",
     "appos", "acomp", "pcomp", "dative", "agent", "xcomp", "conj"}
)
# arcs by which a clause is the complement of the word above it
COMPLEMENT = frozenset(
    {"xcomp", "ccomp", "dobj", "prep", "pobj", "pcomp", "acl", "oprd", "attr", "nsubjpass",
     "dative", "conj"}
)
CLAUSAL = frozenset({"xcomp", "ccomp", "oprd"})
NOUN_CLAUSE = frozenset({"relcl", "acl"})
YEAR = re.compile(r"^(1[89]|20)\d\d$")


def status(
    doc: Doc,
    trigger_i: int,
    attribution: Attribution | None = None,
    actor_text: str | None = None,
    *,
    cues: ClaimCues | None = None,
) -> StatusDecision:
    """The status of the event told by the trigger at token ``trigger_i``.

    ``attribution``: the trigger's attribution if already known (found here if None);
    ``actor_text``: the words of the event's actor, to tell a claim ("the army said it
    had retaken") from a report.
    """
    cues = cues or load_cues()
    trigger = doc[trigger_i]
    decision = scoped_cue(trigger, cues)
    if decision is not None and not decision.reason.startswith("claim_verb"):
        return decision
    if attribution is None:
        attribution = find_attribution(doc, trigger_i, cues=cues)
    if attribution is not None and attribution.agency and attribution.token_i is not None:
        verb = doc[attribution.token_i].lemma_.lower()  # "X claimed responsibility for"
        if verb in cues.denial_verbs:
            return StatusDecision("denied", f"responsibility:{verb}", attribution.source)
        return StatusDecision("claimed", f"responsibility:{verb}", attribution.source)
    intent = _intended_by(trigger, attribution, cues)
    if intent is not None:  # "X offered to mediate": what X means to do
        return intent
    if attribution is not None and self_reported(trigger, attribution, actor_text, cues):
        return StatusDecision("claimed", f"self_report:{attribution.verb}", attribution.source)
    if decision is not None:
        return decision
    if attribution is not None:
        return StatusDecision("asserted", f"reported:{attribution.verb}", attribution.source)
    return StatusDecision("asserted", "no_cue")


def _intended_by(trigger: Token, attribution: Attribution | None, cues: ClaimCues) -> StatusDecision | None:
    """``planned`` when the attribution's cue is a commitment verb whose ``xcomp`` holds
    the trigger ("offered to mediate", "resolved to rebuild")."""
    if attribution is None or attribution.token_i is None:
        return None
    below = None
    for node in path_up(trigger):
        if node.i == attribution.token_i:
            if below is not None and below.dep_ == "xcomp" and node.lemma_.lower() in cues.commitment_verbs:
                return _cue("planned", f"commitment:{node.lemma_.lower()}", node)
            return None
        below = node
    return None


def scoped_cue(trigger: Token, cues: ClaimCues) -> StatusDecision | None:
    """The innermost status cue governing ``trigger`` (a denial outranks an allegation)."""
    found: list[StatusDecision] = []
    local = True
    previous: Token | None = None
    for node in path_up(trigger):
        if previous is not None:
            cue = governing_cue(node, previous, cues)
            if cue is not None:
                found.append(cue)
        if local:
            cue = local_cue(node, trigger, cues)
            if cue is not None:
                found.append(cue)
        local = local and node.dep_ in LOCAL_UP
        previous = node
    if not found:
        return None
    first = found[0]
    if first.status == "alleged":
        denial = next((d for d in found[1:] if d.status == "denied"), None)
        if denial is not None:
            return denial
    return first


def _cue(status: str, reason: str, tok: Token) -> StatusDecision:
    end = tok.idx + len(tok.text)
    cue = TextSpan(tok.text, tok.idx, end)
    return StatusDecision(status, reason, cue)  # type: ignore[arg-type]


def local_cue(node: Token, trigger: Token, cues: ClaimCues) -> StatusDecision | None:
    """A cue on ``node`` itself: negation, hedge, modality, condition, lasting state."""
    for check in (_negation, _hedge, _modality, _background):
        cue = check(node, trigger, cues)
        if cue is not None:
            return cue
    return None


def _negation(node: Token, trigger: Token, cues: ClaimCues) -> StatusDecision | None:
    for child in node.children:
        word = child.lower_
        if child.dep_ == "neg" and word in cues.negators:
            return _cue("negated", f"negation:{word}", child)
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and _is_nobody(child, cues):
            return _cue("negated", f"negation:{word}", child)
        nominal = node.pos_ in ("NOUN", "PROPN")
        if child.dep_ == "det" and word in cues.negative_determiners and nominal:
            return _cue("negated", f"negation:{word}", child)
    return None


def _is_nobody(tok: Token, cues: ClaimCues) -> bool:
    if tok.lower_ in cues.negative_pronouns:
        return True
    dets = [c for c in tok.children if c.dep_ == "det"]
    return any(d.lower_ in cues.negative_determiners for d in dets)


def _hedge(node: Token, trigger: Token, cues: ClaimCues) -> StatusDecision | None:
    for child in node.children:
        word = child.lower_
        if child.dep_ == "advmod" and word in cues.hedge_adverbs:
            return _cue("alleged", f"hedge:{word}", child)
        if child.dep_ == "amod" and word in cues.hedge_adjectives:
            return _cue("alleged", f"hedge:{word}", child)
    if node.i == trigger.i and node.lemma_.lower() in cues.accusation_verbs and _passive(node):
        if not any(c.dep_ == "agent" for c in node.children):  # "had been accused of"
            return _cue("alleged", f"accused:{node.lower_}", node)
    return None


def _modality(node: Token, trigger: Token, cues: ClaimCues) -> StatusDecision | None:
    auxes = [c for c in node.children if c.dep_ == "aux"]
    for k, aux in enumerate(auxes):
        word = aux.lower_
        if word not in cues.future_modals:
            continue
        perfect = any(a.lemma_ == "have" for a in auxes[k + 1 :])
        if perfect and word in cues.hedge_modals:
            return _cue("alleged", f"hedge:{word} have", aux)
        return _cue("planned", f"future:{word}", aux)
    for child in node.children:
        if child.dep_ == "mark" and child.lower_ in cues.conditional_marks:
            return _cue("planned", f"conditional:{child.lower_}", child)
    return None


def _background(node: Token, trigger: Token, cues: ClaimCues) -> StatusDecision | None:
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in node.children)
    for child in node.children:
        if child.dep_ == "advmod" and child.lower_ in cues.background_adverbs:
            return _cue("background", f"lasting:{child.lower_}", child)
        lasting = perfect or node.tag_ in ("VBZ", "VBP")
        if child.dep_ == "prep" and child.lower_ in ("since", "for") and lasting:
            for obj in child.children:
                long_ago = YEAR.match(obj.text) or obj.lower_ in cues.background_since_units
                if obj.dep_ == "pobj" and long_ago:
                    return _cue("background", f"lasting:{child.lower_} {obj.text}", child)
        if child.dep_ == "nsubj" and perfect and child.lemma_.lower() in cues.duration_nouns:
            return _cue("background", f"duration_subject:{child.lemma_}", child)
    if node.i == trigger.i and node.lemma_.lower() in cues.stative_verbs:
        if node.tag_ in ("VBZ", "VBP") or perfect:
            return _cue("background", f"state:{node.lemma_}", node)
    return None


def governing_cue(head: Token, child: Token, cues: ClaimCues) -> StatusDecision | None:
    """A cue in the word the trigger's clause hangs under (``child`` -> ``head``)."""
    recalled = recalled_cue(head, child, cues)  # "came a day after ...", "the deadliest since"
    if recalled is not None:
        return recalled
    lemma = head.lemma_.lower()
    dep = child.dep_
    if dep in NOUN_CLAUSE:
        if lemma in cues.duration_nouns:
            return _cue("background", f"duration:{lemma}", head)
        if lemma in cues.accusation_nouns:
            return _cue("alleged", f"accusation:{lemma}", head)
        if lemma in cues.plan_nouns:
            return _cue("planned", f"plan:{lemma}", head)
        return None
    if dep in ("pobj", "pcomp") and head.lower_ in cues.failure_prepositions:
        return _cue("negated", f"failure:{head.lower_}", head)
    if dep not in COMPLEMENT:
        return None
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        return _verb_cue(head, lemma, dep, cues)
    return None


def _verb_cue(head: Token, lemma: str, dep: str, cues: ClaimCues) -> StatusDecision | None:
    if lemma in cues.denial_verbs:
        return _cue("denied", f"denial:{lemma}", head)
    if lemma in cues.accusation_verbs:
        return _cue("alleged", f"accused:{lemma}", head)
    if dep not in CLAUSAL and dep not in ("prep", "pcomp", "pobj"):
        return None
    if lemma in cues.failure_verbs:
        return _cue("negated", f"failure:{lemma}", head)
    if dep in CLAUSAL and lemma in cues.hedge_raising_verbs and _passive(head):
        return _cue("alleged", f"hedge:{head.lower_} to", head)
    if dep in CLAUSAL and lemma in cues.opinion_verbs:
        return _cue("alleged", f"opinion:{lemma}", head)
    if lemma in cues.threat_verbs and dep == "xcomp":
        return _cue("planned", f"threat:{lemma}", head)
    if lemma in cues.plan_verbs and dep in ("xcomp", "prep", "pcomp", "pobj"):
        return _cue("planned", f"plan:{lemma}", head)
    if head.pos_ == "ADJ" and lemma in cues.plan_adjectives and dep == "xcomp":
        return _cue("planned", f"plan:{lemma}", head)
    if dep == "ccomp" and lemma in cues.allegation_reporting_verbs:
        return _cue("alleged", f"claim_verb:{lemma}", head)
    return None


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def self_reported(
    trigger: Token, attribution: Attribution, actor_text: str | None, cues: ClaimCues
) -> bool:
    """Is the source the actor of the event ("the army said it had retaken")?"""
    if actor_text is not None:
        words = _content_words(actor_text)
        if actor_text.strip().lower() in cues.self_pronouns:
            return True
        return bool(words) and bool(words & _content_words(attribution.source.text))
    subject = active_subject(trigger)
    if subject is None:
        return False
    # in quoted words only "we"/"our" point at the speaker; in reported speech "it",
    # "they", "its" point back at the subject of the reporting verb
    selves = cues.first_person_pronouns if _in_direct_quote(trigger, cues) else cues.self_pronouns
    if subject.lower_ in selves:
        return True
    if any(c.dep_ == "poss" and c.lower_ in selves for c in subject.children):
        return True
    return subject.lemma_.lower() in _content_words(attribution.source.text)


def _in_direct_quote(tok: Token, cues: ClaimCues) -> bool:
    return any(start <= tok.idx < end for start, end in quoted_ranges(tok.doc))


def active_subject(trigger: Token) -> Token | None:
    """The agent-subject of the trigger's clause (none for a passive)."""
    for node in path_up(trigger):
        for child in node.children:
            if child.dep_ == "nsubj":
                return child
        if _passive(node) or node.dep_ not in LOCAL_UP:
            return None
    return None


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[a-z]+", text.lower())
    return {w for w in words if w not in STOP_WORDS and w != "s"}
