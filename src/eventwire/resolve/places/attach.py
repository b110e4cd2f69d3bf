"""Which of a sentence's places is the place of one event: the syntax between them.

``attachment(doc, trigger_i, place_start, place_end)`` says how a place hangs on the
event's trigger in the dependency parse, as a sortable rank (lower is better):

- ``other_clause``: the path from the place up to the trigger's clause passes through
  another verb: 1 for an adverbial clause ('killed when the convoy was hit near X'), 2 for
  a relative or complement one ('a councillor who lived in Y', 'said in Z');
- ``modifies_place``: the place hangs on another place of the sentence, whose container
  or reference point it is ('a farm in Bonda, on the outskirts of the city of Santa
  Marta', 'Mafraq in western Baquba', '110 km east of Y', 'the capital of the state of
  Z'): the place it modifies is the event's;
- ``reference``: the place follows a distance or direction ('south of Baghdad', '70 km
  west of Mosul'): a reference point, not where it happened;
- ``not_locative``: nothing locative ties it to the event: no locative preposition on the
  way, nor is it the trigger's own argument ('a US soldier', 'a councillor from Leiza',
  'talks with Pakistan'); such a place is no event's own place when the sentence has no
  better one, and ``location.event_location`` then falls back to the article's focus.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "on", "across", "around", "throughout",
                            "within", "into", "over", "along", "between", "onto", "toward", "towards",
                            "through", "off", "beyond", "behind", "amid", "nearby"})
PLACE_NOUNS = frozenset({"town", "city", "village", "area", "areas", "part", "parts", "half", "outskirts", "region",
                         "province", "district", "capital", "neighbourhood", "neighborhood", "suburb", "suburbs",
                         "centre", "center", "heart", "streets", "countryside", "governorate", "state", "county",
                         "territory", "port", "camp", "municipality", "locality", "localities", "villages", "towns"})
REFERENCE_HEADS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                             "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile",
                             "outskirts", "border", "borders", "edge", "far"})
ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass", "nsubj", "obj", "attr", "npadvmod", "advmod", "pobj", "obl"})
VERB_POS = frozenset({"VERB"})
MAX_HOPS = 12


@dataclass(frozen=True, order=True)
class Attachment:
    other_clause: int  # 0 the trigger's clause; 1 an adverbial clause ('when ... near X'); 2 another
    modifies_place: bool
    reference: bool
    not_locative: bool
    modifier: bool = False  # the place only modifies a noun ('an Abuja home', "Baghdad's bridges")


def _place_root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def attachment(doc: Doc, trigger_i: int, start: int, end: int,
               other_places: list[tuple[int, int]]) -> Attachment:
    """How the place at ``[start, end)`` hangs on the trigger token ``trigger_i``;
    ``other_places``: the sentence's other places' spans."""
    tok = _place_root(doc, start, end)
    if tok is None:
        return Attachment(2, False, False, True)
    trigger = doc[trigger_i]
    above_trigger = {t.i for t in trigger.ancestors} | {trigger.i}
    other_tokens = {i for s, e in other_places for i in _token_range(doc, s, e)}
    own = set(_token_range(doc, start, end))
    clause, modifies, reference, locative = 0, False, False, False
    modifier = tok.dep_ in MODIFIER_DEPS
    node, hops = tok, 0
    while node.i not in above_trigger and node.head.i != node.i and hops < MAX_HOPS:
        head = node.head
        if node.dep_ == "pobj" and (head.lower_ in LOCATIVE_PREPS
                                    or (head.lower_ == "of" and head.head.lower_ in PLACE_NOUNS)
                                    or (head.lower_ == "from" and head.head.i == trigger.i)):
            locative = True  # 'in X'; 'shelled the town of X'; 'evacuated from X' (not 'a man from X')
        if node.dep_ in ARGUMENT_DEPS and head.i == trigger.i and (node.i in own or locative or modifier):
            locative = True  # 'captured X', 'X was stormed'; 'stormed the outskirts of X'; 'destroyed a Baghdad restaurant'
        if node.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in REFERENCE_HEADS:
            reference = True
        if head.i in other_tokens and head.i not in own:
            modifies = True
        if head.pos_ in VERB_POS and head.i not in above_trigger and not _coordinated(head, trigger):
            clause = max(clause, 1 if head.dep_ == "advcl" else 2)
        node, hops = head, hops + 1
    if node.i in above_trigger and node.i != trigger.i:
        # the place hangs above the trigger (the trigger is in a clause under it)
        clause = max([clause, *(_own_clause(t) for t in [trigger, *_between(trigger, node)])])
    return Attachment(clause, modifies, reference, not locative, modifier)


MODIFIER_DEPS = frozenset({"compound", "poss", "amod", "nmod"})
CLAUSE_DEPS = frozenset({"relcl", "ccomp", "csubj", "parataxis"})


def _own_clause(verb: Token) -> int:
    """0 for a participle ('blew himself up in Jerusalem, killing 11') or a coordinated
    verb; 1 for an adverbial clause with its own subject ('... in Ramadi, when the officer
    died'); 2 for a relative or complement clause."""
    if verb.dep_ in CLAUSE_DEPS:
        return 2
    return int(verb.dep_ == "advcl" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children))


def _coordinated(verb: Token, trigger: Token) -> bool:
    """'killed three and raped ten in Darfur': verbs joined by a conjunction share a clause."""
    return (verb.dep_ == "conj" and verb.head.i == trigger.i) or (trigger.dep_ == "conj" and trigger.head.i == verb.i)


def _between(low: Token, high: Token) -> list[Token]:
    """Tokens strictly between ``low`` and its ancestor ``high`` on the head chain."""
    out, node = [], low.head
    while node.i != high.i and node.head.i != node.i:
        out.append(node)
        node = node.head
    return out


def _token_range(doc: Doc, start: int, end: int) -> range:
    span = doc.char_span(start, end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)
