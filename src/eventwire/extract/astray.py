"""Content the parse hung astray: words that belong to a cue's content but that the small
model attached elsewhere (a "that" clause hung on a noun, a bare infinitive coordinated
with the cue verb instead of with its infinitive). Used by ``extract.reported``.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.claim_tree import same_paragraph

Range = tuple[int, int]  # token indices, inclusive


# a finite verb (not the base form): a bare infinitive coordinated with it cannot be its
# own act ("wants to cut taxes, grow jobs": not "grow" as a second act of the subject)
NOT_BASE_FORM = frozenset({"VBZ", "VBD", "VBN", "VBG"})


def shared_infinitive_end(verb: Token, xcomp: Token) -> int:
    """The last token of a commitment's infinitive, with the bare infinitives the parse
    coordinated with the verb instead ("wants to cut taxes, grow jobs and create ..."):
    they share its "to"."""
    last = xcomp.right_edge.i
    if verb.tag_ not in NOT_BASE_FORM or xcomp.tag_ != "VB":
        return last
    for conj in verb.children:
        if conj.dep_ in ("conj", "dep") and conj.i > xcomp.i and conj.tag_ == "VB" \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in conj.children) \
                and same_paragraph(verb, conj):
            last = max(last, conj.right_edge.i)
    return last


def that_clause_astray(verb: Token) -> Range | None:
    """A "that" clause the parse hung on a noun after the verb instead of on the verb
    ("tweeted in the early hours that the reporter was a fraud", "told a meeting of
    leaders that few people understood"): a clause with its own subject, opened by a
    "that" taken for a complementiser, and no other verb between it and the cue."""
    doc = verb.doc
    for tok in doc[verb.i + 1 : verb.right_edge.i + 1]:
        if tok.pos_ in ("VERB", "AUX") and tok.lower_ != "that":
            return None
        if tok.lower_ != "that" or tok.dep_ not in ("mark", "advmod"):
            continue
        clause = tok.head
        if clause.dep_ in ("relcl", "acl", "advcl") and clause.i > tok.i and clause.pos_ in ("VERB", "AUX") \
                and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i for c in clause.children) \
                and same_paragraph(verb, clause):
            return tok.i + 1, clause.right_edge.i
        return None
    return None
