"""Actor roles from the dependency parse: who acts (actor1) and who is acted on (actor2).

``roles(sent, trigger)`` reads the parse around the trigger's head token:

- verbal trigger: actor1 = ``nsubj`` (or the ``by``-agent of a passive), else the subject
  inherited from the governing verb (``xcomp``/``conj``/``advcl``); actor2 = ``dobj``,
  ``nsubjpass``, or the object of ``against``/``on``/``with``/``to``/``at``.
- nominal trigger ("the fall of Aleppo", "an offensive", "a meeting"): actor1 = possessor,
  an actor-like modifier ("Israeli strikes"), the ``by``-agent, or the subject of the verb
  that governs it ("X launched an offensive"); actor2 = object of ``on``/``against``/``of``
  /``with``.

Each actor comes back as the noun phrase span: the head's subtree with relative clauses,
participial clauses and material after a comma trimmed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from eventwire.model.candidates import Trigger

SUBJ = ("nsubj", "csubj")
PASSIVE_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "obj", "dative")
TARGET_PREPS = ("against", "on", "upon", "at", "with", "to", "into", "toward", "towards")
NOMINAL_TARGET_PREPS = ("on", "against", "of", "with", "upon", "at", "into", "to")
ACTOR_ENTS = ("NORP", "GPE", "ORG", "PERSON")
TRIM_DEPS = ("relcl", "acl", "advcl", "appos", "punct", "cc")
INHERIT_DEPS = ("xcomp", "conj", "advcl", "ccomp", "pcomp")


def phrase(sent: Span, head: Token) -> Span:
    """The noun phrase of ``head``: its subtree minus clauses and comma-separated parts."""
    left, right = head.i, head.i
    for child in head.children:
        if child.dep_ in TRIM_DEPS and child.dep_ != "cc":
            continue
        if child.dep_ == "cc" or (child.i > head.i and _comma_between(head, child)):
            continue
        left = min(left, child.left_edge.i)
        right = max(right, child.right_edge.i)
    # conjuncts ("Russia and Syria") belong to the phrase
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            right = max(right, _np_right(child))
    left = max(left, sent.start)
    right = min(right, sent.end - 1)
    doc = sent.doc
    # never cross a paragraph break (a headline glued to the first sentence)
    for i in range(head.i - 1, left - 1, -1):
        if doc[i].is_space and "\n" in doc[i].text:
            left = i + 1
            break
    for i in range(head.i + 1, right + 1):
        if doc[i].is_space and "\n" in doc[i].text:
            right = i - 1
            break
    while right > left and doc[right].is_punct:
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    return doc[left:right + 1]


def _np_right(tok: Token) -> int:
    right = tok.i
    for child in tok.rights:
        if child.dep_ in TRIM_DEPS:
            break
        right = max(right, child.right_edge.i)
    return right


def _comma_between(head: Token, child: Token) -> bool:
    doc = head.doc
    return any(doc[i].text == "," for i in range(head.i + 1, child.left_edge.i))


def _child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    for child in tok.children:
        if child.dep_ in deps:
            return child
    return None


def _prep_object(tok: Token, preps: tuple[str, ...]) -> Token | None:
    for child in tok.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in preps:
            pobj = _child(child, ("pobj", "pcomp"))
            if pobj is not None:
                return pobj
    return None


def _agent(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            pobj = _child(child, ("pobj",))
            if pobj is not None:
                return pobj
    return None


def _is_passive(tok: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJ or c.dep_ == "auxpass" for c in tok.children)


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """The acting subject of ``verb``, inherited from governing verbs when absent."""
    if _is_passive(verb):
        agent = _agent(verb)
        if agent is not None:
            return agent
    else:
        subj = _child(verb, SUBJ)
        if subj is not None:
            return subj
    if depth < 3 and verb.dep_ in INHERIT_DEPS and verb.head is not verb:
        return _subject(verb.head, depth + 1)
    return None


def _verbal_roles(tok: Token) -> tuple[Token | None, Token | None]:
    if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "the missiles fired by X": noun = patient
        return _agent(tok), tok.head
    if tok.dep_ == "acl" and tok.tag_ == "VBG":  # "militants attacking X": noun = agent
        return tok.head, _child(tok, OBJ) or _prep_object(tok, TARGET_PREPS)
    actor1 = _subject(tok)
    if _is_passive(tok):
        actor2 = _child(tok, PASSIVE_SUBJ)
    else:
        actor2 = _child(tok, OBJ) or _prep_object(tok, TARGET_PREPS)
    if actor2 is None:
        xcomp = _child(tok, ("xcomp",))
        if xcomp is not None:
            actor2 = _child(xcomp, OBJ) or _prep_object(xcomp, TARGET_PREPS)
    return actor1, actor2


def _nominal_roles(tok: Token) -> tuple[Token | None, Token | None]:
    actor1 = _child(tok, ("poss",)) or _agent(tok)
    if actor1 is None:
        for child in tok.lefts:
            if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in ACTOR_ENTS:
                actor1 = child
    actor2 = _prep_object(tok, NOMINAL_TARGET_PREPS)
    gov = tok.head
    if tok.dep_ in ("pobj",) and gov.dep_ == "prep":
        gov = gov.head
    if actor1 is None and tok.dep_ in ("dobj", "attr", "pobj", "nsubjpass") and gov.pos_ in (
        "VERB", "AUX"
    ):
        actor1 = _subject(gov)
    if actor2 is None and gov is not tok and gov.pos_ in ("VERB", "AUX"):
        actor2 = _prep_object(gov, ("against", "on"))
    return actor1, actor2


def roles(sent: Span, trigger: Trigger) -> tuple[Span | None, Span | None]:
    """(actor1, actor2) noun-phrase spans for ``trigger`` in ``sent``; None where absent."""
    tok = sent.doc[trigger.token_i]
    if tok.pos_ in ("VERB", "AUX"):
        a1, a2 = _verbal_roles(tok)
    else:
        a1, a2 = _nominal_roles(tok)
    return _span(sent, a1, tok), _span(sent, a2, tok)


def _span(sent: Span, head: Token | None, trigger: Token) -> Span | None:
    if head is not None and head.tag_ in ("WDT", "WP") and head.head.dep_ == "relcl":
        head = head.head.head  # "the war, which has killed": the relative's antecedent
    if head is None or not (sent.start <= head.i < sent.end):
        return None
    span = phrase(sent, head)
    if span.start <= trigger.i < span.end and head.i != trigger.i:
        # the phrase swallowed the trigger: keep the part before it
        span = sent.doc[span.start:trigger.i] if trigger.i > head.i else sent.doc[head.i:span.end]
    return span if len(span) else None
