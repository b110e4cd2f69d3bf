"""Parse-tree helpers shared by attribution, quotes and status.

The small English model sometimes joins paragraphs into one sentence (on the seed it
hangs the body's first clause under the repeated headline). A dependency arc that
crosses a paragraph break is never trusted here: paragraphs are hard boundaries.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from eventwire.extract.claim_cues import ClaimCues
from eventwire.model.candidates import TextSpan
from eventwire.nlp.text import doc_text, entities_before

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# right-hand dependents that belong to a source's name: "the Committee of the Red Cross",
# "Amnesty and Human Rights Watch", "the Agency, or SANA"
NAME_RIGHT_DEPS = frozenset(
    {"prep", "pobj", "compound", "flat", "cc", "conj", "nummod", "npadvmod", "punct"}
)
NAME_PREPS = frozenset({"of", "for", "on", "in"})


def paragraph_starts(text: str) -> list[int]:
    """Character offsets where paragraphs start (0 first)."""
    return [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(text)]


def paragraph_of(doc: Doc, char: int) -> int:
    starts = doc.user_data.get("eventwire.paragraph_starts")
    if starts is None:  # computed once per Doc, kept with it (not in a module global)
        starts = paragraph_starts(doc_text(doc))
        doc.user_data["eventwire.paragraph_starts"] = starts
    return bisect_right(starts, char) - 1


def same_paragraph(a: Token, b: Token) -> bool:
    doc = a.doc
    return paragraph_of(doc, a.idx) == paragraph_of(doc, b.idx)


def governs(tok: Token) -> Token | None:
    """The head of ``tok`` if the arc stays inside the paragraph, else None."""
    head = tok.head
    if head.i == tok.i or not same_paragraph(tok, head):
        return None
    return head


def path_up(tok: Token) -> list[Token]:
    """``tok`` and its heads up to the root of its paragraph-bounded clause tree."""
    path = [tok]
    seen = {tok.i}
    head = governs(tok)
    while head is not None and head.i not in seen:
        path.append(head)
        seen.add(head.i)
        head = governs(head)
    return path


def segment(tok: Token) -> tuple[int, int]:
    """Token range ``[start, end)`` of the sentence of ``tok`` cut at paragraph breaks."""
    sent = tok.sent
    start, end = sent.start, sent.end
    para = paragraph_of(tok.doc, tok.idx)
    while start < tok.i and paragraph_of(tok.doc, tok.doc[start].idx) != para:
        start += 1
    k = tok.i
    while k < end and paragraph_of(tok.doc, tok.doc[k].idx) == para:
        k += 1
    return start, k


def text_span(doc: Doc, first: int, last: int) -> TextSpan:
    """TextSpan from token ``first`` to token ``last`` (inclusive)."""
    start = doc[first].idx
    end = doc[last].idx + len(doc[last].text)
    return TextSpan(doc_text(doc)[start:end], start, end)


def is_punct_or_space(tok: Token) -> bool:
    return tok.is_punct or tok.is_space or tok.is_quote


def name_span(head: Token) -> TextSpan:
    """The words naming a source or speaker headed by ``head``.

    Left dependents come whole; on the right only the parts of a name ("of the Red
    Cross", "or SANA"), not appositions or relative clauses ("Samir Khoury, a volunteer").
    """
    doc = head.doc
    first = head.left_edge.i
    while first < head.i and is_punct_or_space(doc[first]):
        first += 1
    last = head.i
    for child in head.rights:
        if child.dep_ not in NAME_RIGHT_DEPS:
            break
        if child.dep_ == "prep" and child.lower_ not in NAME_PREPS:
            break
        last = max(last, child.right_edge.i)
    while last > head.i and is_punct_or_space(doc[last]):
        last -= 1
    return text_span(doc, first, last)


def children(tok: Token, *deps: str) -> Iterator[Token]:
    return (c for c in tok.children if c.dep_ in deps)


def subject_of(verb: Token) -> Token | None:
    """The active subject of a verb, or the agent of a passive one ("by X")."""
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            return c
    for c in children(verb, "agent"):
        for p in children(c, "pobj"):
            return p
    return None


def according_to_object(tok: Token, cues: ClaimCues) -> Token | None:
    """X of an "according to X" dependent of ``tok``."""
    for c in tok.children:
        for seq in cues.according_to:
            if c.lower_ != seq[0] or len(seq) < 2:
                continue
            for p in c.children:
                if p.lower_ == seq[1]:
                    for obj in children(p, "pobj"):
                        return obj
    return None


def cited_object(verb: Token, cues: ClaimCues) -> Token | None:
    """X of "citing X" / "quoting X" attached to a reporting verb."""
    for c in verb.children:
        if c.lemma_.lower() in cues.citing_verbs and c.dep_ in ("advcl", "xcomp", "prep", "conj"):
            for obj in children(c, "dobj", "pobj"):
                return obj
    return None


def is_reporting_verb(tok: Token, cues: ClaimCues) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in cues.reporting_verbs


def resolve_pronoun(tok: Token, cues: ClaimCues, before: int | None = None) -> TextSpan | None:
    """The nearest preceding person (he/she) or organisation (they/it) named in the text.

    ``before``: a token index the antecedent must end before (the opening of a quote,
    so a name inside the quoted words is not taken for its speaker).
    """
    word = tok.lower_
    labels: tuple[str, ...]
    if word in cues.person_pronouns:
        labels = ("PERSON",)
    elif word in cues.group_pronouns:
        labels = ("ORG", "NORP", "GPE")
    else:
        return None
    doc = tok.doc
    limit = tok.i if before is None else min(tok.i, before)
    for ent in reversed(entities_before(doc, limit)):
        titled = word in cues.person_pronouns and _is_speaker_title(ent.root, cues)
        if ent.label_ in labels or titled:
            return name_span(_np_head(ent.root))
    return None


def _is_speaker_title(tok: Token, cues: ClaimCues) -> bool:
    return tok.lemma_.lower() in cues.speaker_nouns


def _np_head(tok: Token) -> Token:
    """Climb compound/flat arcs to the head noun of a name ("Idris" -> "Haddad")."""
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def source_span(tok: Token, cues: ClaimCues, before: int | None = None) -> TextSpan:
    """The words of a source: a pronoun is resolved to the name it stands for, a relative
    pronoun ("the Kenya Red Cross, which said") to the noun its clause hangs on."""
    if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        return name_span(tok.head.head)
    if tok.pos_ == "PRON":
        resolved = resolve_pronoun(tok, cues, before)
        if resolved is not None:
            return resolved
    return name_span(tok)
