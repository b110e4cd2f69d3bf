"""The one who kills dying by his own hand, told beside those he killed: "killed four
people before turning the gun on himself" is 5 dead (a toll of the dead counts the
killer when he dies). Used by ``eventwire.extract.quantities``; the shapes of a death
by one's own hand ("turned the gun on himself", "committed suicide", "took his own
life") live in ``data/quantities.json`` (``self_death``).

A count of those an agent killed ("he killed his wife and three children", "were shot
dead by a gunman") is marked ``victims``: a death by his own hand told in a sentence of
its own ("He then killed himself") adds one to it (``eventwire.link.within``), where a
count of the dead ("two people were found dead") may already hold him."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.model.candidates import QuantityCandidate, TextSpan
from eventwire.nlp.text import doc_text

if TYPE_CHECKING:
    from collections.abc import Mapping, Set

    from spacy.tokens import Span, Token

REFLEXIVE = frozenset({"himself", "herself"})


def _shaped(tok: Token, shapes: Mapping[str, Set[str]]) -> bool:
    """"turned the gun on himself", "committing suicide", "took his own life": the
    verb's lemma names the object lemmas that make it a death by one's own hand (a life
    taken must be "own"); a verb's lemma with " on" needs "on" and a reflexive ("turned
    the gun on himself", not "on the officers")."""
    if tok.lower_ in REFLEXIVE and tok.dep_ == "pobj" and tok.head.lower_ == "on":
        verb = tok.head.head
        return any(c.dep_ == "dobj" and c.lemma_.lower() in shapes.get(verb.lemma_.lower() + " on", ())
                   for c in verb.children)
    if tok.dep_ != "dobj" or tok.lemma_.lower() not in shapes.get(tok.head.lemma_.lower(), ()):
        return False
    return tok.lemma_.lower() != "life" or any(c.lower_ == "own" for c in tok.children)


def self_death(sent: Span, shapes: Mapping[str, Set[str]], killed: Set[int]) -> Token | None:
    """The word that tells the killer died by his own hand: a reflexive object of a
    killing (``killed``: the indices of the sentence's reflexive objects counted as
    killed, "then killed himself") or one of ``shapes``."""
    return next((t for t in sent if t.i in killed or _shaped(t, shapes)), None)


def _clause_head(tok: Token) -> Token:
    t = tok
    while t.dep_ in ("nummod", "quantmod", "conj", "appos", "compound", "amod", "det", "prep", "pobj") \
            and t.head.i != t.i and not (t.dep_ == "pobj" and t.head.head.pos_ == "VERB"):
        t = t.head
    return t


def is_victims(tok: Token, killing: Set[str]) -> bool:
    """Is the count at ``tok`` those an agent killed: the object of an active killing
    ("killed his wife and three children", "killing four of them", "fatally shot two
    men"), or the subject of a passive one with its agent ("were shot dead by a man")?
    ``killing``: the lemmas of verbs that kill or hit (not "left five dead": the toll of
    a happening, which may hold the killer)."""
    head = _clause_head(tok)
    verb = head.head
    if verb.lemma_.lower() not in killing:
        return False
    if head.dep_ == "dobj":
        return True
    return head.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in verb.children)


def with_killer(found: list[QuantityCandidate], sent: Span, shapes: Mapping[str, Set[str]],
                killing: Set[str]) -> list[QuantityCandidate]:
    """Those an agent killed and, in the same sentence, his own death are one toll:
    "killed four of them before turning the gun on himself" is 5; the count alone of
    his death ("himself") goes. Other counts of those an agent killed are marked
    ``victims`` (see the module docstring)."""
    doc = sent.doc
    reflexive = {q.token_i for q in found if q.kind == "killed" and q.token_i is not None
                 and doc[q.token_i].lower_ in REFLEXIVE}
    own = self_death(sent, shapes, reflexive)
    victims = [q for q in found if q.kind == "killed" and q.token_i is not None and q.token_i not in reflexive
               and is_victims(doc[q.token_i], killing)]
    if own is None:
        return [replace(q, extra={**q.extra, "victims": "yes"}) if q in victims else q for q in found]
    held = [q for q in victims if not q.span.start <= own.idx < q.span.end]
    if not held:
        return found
    most = max(held, key=lambda q: q.value)
    start, end = most.span.start, max(most.span.end, own.idx + len(own.text))
    joined = replace(most, value=most.value + 1, span=TextSpan(doc_text(doc)[start:end], start, end),
                     extra={**most.extra, "with_killer": "yes"})
    return [joined if q is most else q for q in found if q.token_i not in reflexive]
