"""People told one by one beside a count: a list set off by semicolons ("killed his
wife, Jane Roe; his son, John Roe; and a neighbour": 3) and one more person of the same
fate ("three were shot and the fourth was grazed": 4). Used by
``eventwire.extract.quantities``; the words ("other", "second", ...) live in
``data/quantities.json`` (``one_more``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.model.candidates import QuantityCandidate, TextSpan
from eventwire.nlp.text import doc_text

if TYPE_CHECKING:
    from collections.abc import Set

    from spacy.tokens import Span, Token


def one_more_word(tok: Token, words: Set[str]) -> bool:
    """An ordinal or "other" standing for a person of its own: "the fourth was grazed",
    "the other was wounded" (with no noun after it; "the second car" is no person)."""
    return (tok.lower_ in words and tok.tag_ in ("JJ", "NN", "RB")
            and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in tok.children))


def listed(tok: Token) -> list[Token]:
    """The people of a list set off by semicolons after ``tok``, each with its own
    apposition: "killed his wife, Jane Roe; his son, John Roe; and a neighbour" (the
    parser makes each later item an apposition of the first, the last their conjunct)."""
    out = []
    for c in tok.children:
        if c.dep_ == "appos" and c.i > tok.i and c.left_edge.i > 0 and tok.doc[c.left_edge.i - 1].text == ";":
            out += [c, *(d for d in c.conjuncts if d.i > c.i)]
    return out


def marked_one_more(tok: Token, words: Set[str]) -> bool:
    """A person told as one beside those already counted: "another", "the fourth",
    "a second man", "another woman", "the other victim"."""
    if (tok.lower_ == "another" and tok.pos_ == "PRON") or one_more_word(tok, words):
        return True
    return any((c.dep_ == "det" and c.lower_ == "another") or (c.dep_ == "amod" and c.lower_ in words)
               for c in tok.children)


def one_more_joined(found: list[QuantityCandidate], sent: Span, words: Set[str]) -> list[QuantityCandidate]:
    """One more person of the same fate joins the sentence's count before it: "three
    people were shot and the fourth was grazed" is 4 hit, "one man was wounded and the
    other was hurt" 2; the count keeps the earlier one's "hit" (those hit less those who
    died are the wounded)."""
    out: list[QuantityCandidate] = []
    for q in found:
        tok = sent.doc[q.token_i] if q.token_i is not None else None
        prev = next((p for p in reversed(out) if p.kind == q.kind), None)
        if (tok is None or prev is None or q.value != 1 or q.kind not in ("killed", "wounded")
                or not marked_one_more(tok, words)):
            out.append(q)
            continue
        start, end = prev.span.start, max(prev.span.end, q.span.end)
        joined = QuantityCandidate(prev.kind, prev.value + 1, prev.qualifier,
                                   TextSpan(doc_text(sent.doc)[start:end], start, end),
                                   token_i=prev.token_i, extra=prev.extra)
        out[out.index(prev)] = joined
    return out
