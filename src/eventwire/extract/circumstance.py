"""The edges of an object content: what trails the object of a speech act is the act's,
not the content's ("blasted the plan as a disgrace [Wednesday on a radio show]").

Used by ``extract.reported`` on the contents that hang on a verb or cue noun as its
object (``OBJECT_ARCS``); a content that is a reported clause keeps its own time.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.extract.claim_tree import DASHES

Range = tuple[int, int]  # token indices, inclusive

# the arcs where a content is what a verb or cue noun acts on ("blasted the plan as a
# disgrace", "a call for talks"), so
# that the time, the occasion or the writer's dashed aside after it is the speech act's
OBJECT_ARCS = frozenset({"dobj", "prep", "noun"})
TIME_ENTS = frozenset({"DATE", "TIME"})
OCCASION_PREPS = frozenset({"during"})
TIME_MARKS = frozenset({"as", "while", "when", "after", "before"})


def without_circumstance(doc: Doc, span: Range) -> Range:
    """``span`` less what trails the object of a speech act: its time or occasion ("as a
    disgrace [Wednesday on a radio show]", "the plan [during a campaign stop]"), or an
    aside set off by a dash that runs to the end ("the rules to burning the charter [- a
    charge that stung]"). Never inside quoted words, nor the first two tokens."""
    first, last = span
    for tok in doc[first + 2 : last + 1]:
        if sum(t.is_quote for t in doc[first : tok.i]) % 2:
            continue  # inside quoted words
        if tok.text in DASHES and tok.whitespace_ and doc[tok.i - 1].whitespace_ \
                and not any(t.text in DASHES for t in doc[tok.i + 1 : last + 1]):
            return first, tok.i - 1
        if tok.left_edge.i < first + 2 or not _circumstance(tok) or not _of_top_clause(tok, span):
            continue
        if _only_circumstance(doc, tok.right_edge.i + 1, last):
            return first, tok.left_edge.i - 1
    return span


def _of_top_clause(tok: Token, span: Range) -> bool:
    """Does ``tok`` hang on the content's own clause, not on a clause inside it ("accusing
    her of being asleep when calls came in [during the attack]": the calls' time)?"""
    first, last = span
    head = tok.head
    while first <= head.i <= last and head.head.i != head.i:
        if head.pos_ in ("VERB", "AUX") and first <= head.head.i <= last:
            return False
        head = head.head
    return tok.head.i != tok.i


def _only_circumstance(doc: Doc, start: int, last: int) -> bool:
    """Do tokens ``start..last`` hold no clause of their own, but for more time or
    occasion ("on a radio show", ", as he issued a statement")?"""
    k = start
    while k <= last:
        tok = doc[k]
        if _circumstance(tok) or tok.dep_ == "mark" and tok.lower_ in TIME_MARKS:
            k = max(k, (tok.head if tok.dep_ == "mark" else tok).right_edge.i) + 1
            continue
        if tok.pos_ in ("VERB", "AUX"):
            return False
        k += 1
    return True


def _circumstance(tok: Token) -> bool:
    """A time or an occasion phrase: "Wednesday", "on Monday", "during a stop"."""
    if tok.dep_ in ("npadvmod", "tmod") and tok.ent_type_ in TIME_ENTS:
        return True
    return tok.dep_ == "prep" and (tok.lower_ in OCCASION_PREPS or any(
        c.dep_ == "pobj" and c.ent_type_ in TIME_ENTS for c in tok.children))
