"""Actor roles from the dependency parse: who acts (actor1) and who is acted on (actor2).

``roles(sent, trigger)`` reads the parse around the trigger's head token:

- verbal trigger: actor1 = ``nsubj`` (or the ``by``-agent of a passive), else the subject
  inherited from the governing verb (``xcomp``/``conj``/``advcl``). actor2, in order:
  when the direct object is a thing (not actor-like), a party it goes to ("provided aid to
  X", dative "gave X aid") or, for a withdrawal, the place left ("from X"); else the first
  actor-like phrase among the ``dobj``, the verb's ``to``/``with``/``against``/``on``
  objects, what the object bears on ("a ban on X", "an appeal lodged by X", "X's
  request"), the governing verb's object for control verbs ("called X to discuss"), the
  target of an ``xcomp`` chain ("agreed to lift sanctions on X"), and a place "in X" when
  the object is a singular thing or absent ("a curfew in X"); else what a thing object
  bears on, the ``dobj`` itself, the ``xcomp`` target, the first prepositional object.
  Passive: the ``nsubjpass``.
- nominal trigger ("the fall of Aleppo", "an offensive", "a meeting"): actor1 = possessor,
  an actor-like modifier ("Israeli strikes"), the ``by``-agent, or the subject of the verb
  that governs it ("X launched an offensive"); actor2 = object of ``on``/``against``/``of``
  /``with`` on the noun or on its governing verb.

"Actor-like" is read from the parse alone: a named entity of a person, group or place kind,
a proper noun, a personal pronoun, a counted noun ("six soldiers"), or a noun modified by
such a name ("Philippine Army soldiers").

Each actor comes back as the noun phrase span: the head's subtree with relative clauses,
participial clauses, material after a comma and across a paragraph break trimmed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from eventwire.model.candidates import Trigger

SUBJ = ("nsubj", "csubj")
PASSIVE_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "obj", "dative")
RECIPIENT_PREPS = ("to", "with", "against", "on", "upon", "at", "into", "toward", "towards",
                   "for")
RECIPIENT_TO = ("to", "into")
OBJECT_TARGET_PREPS = ("on", "against", "with", "to", "into", "toward", "towards", "about",
                       "over", "for")
FROM_TARGET = ("RETREAT",)  # "withdrew troops from X": the place left is acted on
TARGET_PREPS = ("against", "on", "upon", "at", "with", "to", "into", "toward", "towards")
NOMINAL_TARGET_PREPS = ("on", "against", "of", "with", "upon", "at", "into", "to")
ACTOR_ENTS = ("NORP", "GPE", "ORG", "PERSON", "LOC", "FAC")
TRIM_DEPS = ("relcl", "acl", "advcl", "appos", "punct", "cc")
INHERIT_DEPS = ("xcomp", "conj", "advcl", "ccomp", "pcomp")
CONTROL_DEPS = ("xcomp", "advcl")
NON_ACTOR_ENTS = ("DATE", "TIME", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")
PRONOUN_AGREEMENT = {"him": "person", "her": "person", "he": "person", "she": "person",
                     "them": "plural", "they": "plural", "it": "named"}
RECIPROCAL = ("CONSULT", "AGREE", "COOPERATE")  # "X and Y met": both parties are both roles


def is_actor_like(tok: Token) -> bool:
    """A phrase head that can name a party: from the parse and entity labels only."""
    if tok.ent_type_ in NON_ACTOR_ENTS:
        return False
    if tok.ent_type_ in ACTOR_ENTS or tok.pos_ == "PROPN":
        return True
    if tok.pos_ == "PRON" and tok.tag_ == "PRP":
        return True
    return tok.pos_ == "NOUN" and any(
        c.dep_ == "nummod" or (c.dep_ in ("compound", "amod", "poss") and c.ent_type_ in ACTOR_ENTS)
        for c in tok.children
    )


def phrase(sent: Span, head: Token) -> Span:
    """The noun phrase of ``head``: its subtree minus clauses and comma-separated parts."""
    left, right = head.i, head.i
    for child in head.children:
        if child.dep_ in TRIM_DEPS or _is_date_modifier(child):
            continue
        if child.i > head.i and _comma_between(head, child):
            continue
        left = min(left, child.left_edge.i)
        right = max(right, child.right_edge.i)
    for child in head.children:  # conjuncts ("Russia and Syria") belong to the phrase
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
    while left < head.i and doc[left].ent_type_ in NON_ACTOR_ENTS and doc[left].dep_ != "nummod":
        left += 1  # "On 17 July 2017 Russia's Supreme Court": the date is not the actor
    while right > left and doc[right].is_punct:
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    return doc[left:right + 1]


def _is_date_modifier(tok: Token) -> bool:
    """ "on Tuesday", "last week": time attached to a noun is never part of the actor."""
    if tok.ent_type_ in NON_ACTOR_ENTS and tok.dep_ in ("npadvmod", "nmod", "compound"):
        return tok.i > tok.head.i
    return tok.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in tok.children
    )


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


def _prep_objects(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of the given prepositions under ``tok``; dates and numbers never count."""
    out = []
    for child in tok.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in preps:
            out += [c for c in child.children
                    if c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in NON_ACTOR_ENTS]
    return out


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
    if depth < 3 and verb.dep_ in INHERIT_DEPS and verb.head.i != verb.i:
        return _subject(verb.head, depth + 1)
    return None


def _first_actor(cands: list[Token | None]) -> Token | None:
    for c in cands:
        if c is not None and is_actor_like(c):
            return c
    return None


def _recipients(tok: Token) -> list[Token]:
    """ "gave Kenya aid", "provided aid to Kenya", "sent troops into Mali": who receives."""
    out: list[Token] = []
    for child in tok.children:
        if child.dep_ == "dative" and child.pos_ != "ADP":
            out.append(child)
        elif child.dep_ == "dative" or (child.dep_ == "prep" and child.lower_ in RECIPIENT_TO):
            out += [c for c in child.children if c.dep_ == "pobj"]
    return [o for o in out if o.ent_type_ not in NON_ACTOR_ENTS]


def _is_party(tok: Token) -> bool:
    """A recipient that can be a party: actor-like, or a plural noun ("to refugees")."""
    return is_actor_like(tok) or tok.tag_ in ("NNS", "NNPS")


def _object_targets(obj: Token) -> list[Token]:
    """Whom the object thing bears on: "a ban on X", "aid to X", "an appeal lodged by X",
    "X's request"."""
    cands = _prep_objects(obj, OBJECT_TARGET_PREPS)
    for acl in obj.children:
        if acl.dep_ == "acl":
            cands += _prep_objects(acl, OBJECT_TARGET_PREPS)
            agent = _agent(acl)
            if agent is not None:
                cands.append(agent)
    agent = _agent(obj)
    if agent is not None:
        cands.append(agent)
    poss = _child(obj, ("poss",))
    if poss is not None and poss.pos_ != "PRON":
        cands.append(poss)
    return cands


def _direct_object(tok: Token) -> Token | None:
    obj = _child(tok, ("dobj", "obj"))
    if obj is None:
        obj = _child(tok, ("dative",))
        if obj is not None and obj.pos_ == "ADP":
            return None
    return obj


def _verbal_target(tok: Token, plover: str = "", depth: int = 0) -> Token | None:
    obj = _direct_object(tok)
    if obj is not None and not is_actor_like(obj):
        # "provided training to X": the thing given is not the target (a person sent is:
        # "deported 300 migrants to X")
        recips = [r for r in _recipients(tok) + _recipients(obj) if _is_party(r)]
        if plover in FROM_TARGET:
            recips += _prep_objects(tok, ("from",))
        if recips:
            return recips[0]
    preps = RECIPIENT_PREPS + (("from",) if plover in FROM_TARGET else ())
    cands: list[Token | None] = [obj, *_prep_objects(tok, preps)]
    thing = obj is not None and not is_actor_like(obj)
    obj_targets = _object_targets(obj) if obj is not None else []
    cands += obj_targets
    if tok.dep_ in CONTROL_DEPS and tok.head.pos_ == "VERB":
        cands.append(_child(tok.head, ("dobj",)))
    xcomp = _child(tok, ("xcomp",))
    sub = None
    if xcomp is not None and depth < 3:  # "agreed to lift the ban on X", "urged X to"
        sub = _verbal_target(xcomp, plover, depth + 1)
        cands.append(sub)
    if obj is None or (thing and obj.tag_ == "NN"):  # "a curfew in X", "sought refuge in X"
        cands += _prep_objects(tok, ("in",))
        if obj is not None:
            cands += _prep_objects(obj, ("in",))
    found = _first_actor(cands)
    if found is not None:
        return found
    if thing and obj_targets:  # "lifted the ban on imports": the thing's target
        return obj_targets[0]
    if obj is not None and obj.ent_type_ not in NON_ACTOR_ENTS:
        return obj
    if sub is not None:
        return sub
    rest = _prep_objects(tok, TARGET_PREPS)
    return rest[0] if rest else None


def _verbal_roles(tok: Token, plover: str) -> tuple[Token | None, Token | None]:
    if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "the missiles fired by X": noun = patient
        return _agent(tok), tok.head
    if tok.dep_ == "acl" and tok.tag_ == "VBG":  # "militants attacking X": noun = agent
        return tok.head, _verbal_target(tok, plover)
    actor1 = _subject(tok)
    if _is_passive(tok):
        return actor1, _child(tok, PASSIVE_SUBJ)
    return actor1, _verbal_target(tok, plover)


def _governor(tok: Token) -> Token:
    gov = tok.head
    if tok.dep_ == "pobj" and gov.dep_ == "prep":
        gov = gov.head
    return gov


def _nominal_roles(tok: Token) -> tuple[Token | None, Token | None]:
    gov = _governor(tok)
    verbal_gov = gov.i != tok.i and gov.pos_ in ("VERB", "AUX")
    actor1 = _agent(tok)
    poss = _child(tok, ("poss",))
    if actor1 is None and poss is not None and poss.pos_ != "PRON":
        actor1 = poss
    if actor1 is None:
        for child in tok.lefts:
            if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in ACTOR_ENTS:
                actor1 = child
    if actor1 is None and verbal_gov and tok.dep_ in ("dobj", "attr", "pobj", "nsubjpass"):
        actor1 = _subject(gov)
    if actor1 is None:
        actor1 = poss
    cands: list[Token | None] = list(_prep_objects(tok, NOMINAL_TARGET_PREPS))
    if verbal_gov:
        if tok.dep_ != "dobj":  # "pounded X with airstrikes": the verb's object is hit
            cands.append(_child(gov, ("dobj",)))
        cands += _prep_objects(gov, ("against", "on", "with", "to"))
    actor2 = _first_actor(cands) or (cands[0] if cands else None)
    return actor1, actor2


def roles(sent: Span, trigger: Trigger) -> tuple[Span | None, Span | None]:
    """(actor1, actor2) noun-phrase spans for ``trigger`` in ``sent``; None where absent."""
    tok = sent.doc[trigger.token_i]
    if tok.pos_ in ("VERB", "AUX"):
        a1, a2 = _verbal_roles(tok, trigger.plover)
    else:
        a1, a2 = _nominal_roles(tok)
    if (a1 is not None and trigger.plover in RECIPROCAL and _child(a1, ("conj",))
            and (a2 is None or not is_actor_like(a2))):
        a2 = a1  # "Trump and King Abdullah met", "X and Y signed a deal": each on the other
    return _span(sent, a1, tok), _span(sent, a2, tok)


def antecedent(sent: Span, pron: Token) -> Token | None:
    """The nearest noun phrase before a third-person pronoun in the sentence that agrees
    with it ("called the envoy and urged him" -> envoy); None when there is none."""
    want = PRONOUN_AGREEMENT.get(pron.lower_)
    if want is None:
        return None
    for tok in reversed(sent.doc[sent.start:pron.i]):
        if tok.dep_ in ("compound", "poss") or tok.head.i == pron.i:
            continue
        if _agrees(tok, want):
            return tok
    return None


def _agrees(tok: Token, want: str) -> bool:
    if want == "person":
        return tok.ent_type_ == "PERSON"  # scanning leftwards: the name's last word first
    if want == "plural":
        return tok.tag_ in ("NNS", "NNPS") and tok.ent_type_ not in NON_ACTOR_ENTS
    return tok.ent_type_ in ("ORG", "GPE") and tok.dep_ != "compound"


def _span(sent: Span, head: Token | None, trigger: Token) -> Span | None:
    if head is not None and head.tag_ in ("WDT", "WP") and head.head.dep_ == "relcl":
        head = head.head.head  # "the war, which has killed": the relative's antecedent
    if head is not None and head.tag_ == "PRP":  # the gold and the reader want the name
        head = antecedent(sent, head) or head
    if head is None or not (sent.start <= head.i < sent.end):
        return None
    span = phrase(sent, head)
    if span.start <= trigger.i < span.end and head.i != trigger.i:
        # the phrase swallowed the trigger: keep the part on the head's side
        span = sent.doc[span.start:trigger.i] if trigger.i > head.i else sent.doc[head.i:span.end]
    return span if len(span) else None


# prepositions that make a place a party to an act ("an ultimatum to Washington", "withdrew
# from Sinai", "borders with Togo"), unlike those that tell where it happened ("in", "at")
PARTY_PREPS = ("to", "toward", "towards", "against", "with", "from", "on")


def names_a_party(span: Span) -> bool:
    """Does a place name stand for a party to the act, by its role in the clause: the
    verb's direct object ("threatened to shell Haifa") or the object of a preposition of
    direction or opposition (``PARTY_PREPS``), not of place ("killed in Aleppo")?"""
    root = span.root
    if root.dep_ in ("dobj", "dative", "obj"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in PARTY_PREPS
