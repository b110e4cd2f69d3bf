"""Parse-tree helpers shared by attribution, quotes and status.

The small English model sometimes joins paragraphs into one sentence (on the seed it
hangs the body's first clause under the repeated headline). A dependency arc that
crosses a paragraph break is never trusted here: paragraphs are hard boundaries.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from eventwire.extract.claim_cues import ClaimCues
from eventwire.model.candidates import TextSpan
from eventwire.nlp.text import doc_text, entities

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
    for tok in doc[first : head.i]:  # "WASHINGTON — Sen. Ruiz": not the dateline
        if _dateline_dash(tok):
            first = tok.i + 1
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
    """The active subject of a verb, or the agent of a passive one ("by X"). A dateline
    the parse took for a subject ("LONDON (Reuters) - Ana Ruiz said", "CAIRO, May 2 -
    The ministry said") gives way to the words after its dash."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        before = [c for c in subjects if c.i < verb.i]
        return _past_dateline(before[-1] if before else subjects[0], verb)
    for c in children(verb, "agent"):
        for p in children(c, "pobj"):
            return p
    return None


DASHES = frozenset({"-", "\u2013", "\u2014", "--"})
DATELINE_TOKENS = 12  # a dateline's dash lies this near the paragraph's start


def _past_dateline(subject: Token, verb: Token) -> Token:
    """The subject after a dateline's dash, when ``subject`` reaches over one."""
    if verb.i <= subject.i:
        return subject
    doc = verb.doc
    dashes = [t.i for t in doc[subject.i + 1 : verb.i] if _dateline_dash(t)]
    if not dashes:
        return subject
    after = range(dashes[-1] + 1, verb.i)
    heads = [doc[k] for k in after if doc[k].head.i not in after and doc[k].pos_ in ("NOUN", "PROPN", "PRON")]
    return heads[-1] if heads else subject


def _dateline_dash(tok: Token) -> bool:
    """A dash standing apart ("LONDON - ", not "state-run") near its paragraph's start."""
    return tok.text in DASHES and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_) \
        and bool(tok.whitespace_) and _near_start(tok)


def _near_start(tok: Token) -> bool:
    """Does ``tok`` lie within ``DATELINE_TOKENS`` of its paragraph's start?"""
    k = tok.i - DATELINE_TOKENS - 1
    return k < 0 or not same_paragraph(tok.doc[k], tok)


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


def is_saying_idiom(tok: Token, cues: ClaimCues) -> bool:
    """A verb that says together with its object ("as one farmer put it")."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "VERB" and any(
        c.dep_ == "dobj" and f"{lemma} {c.lower_}" in cues.saying_idioms for c in tok.children)


def resolve_pronoun(tok: Token, cues: ClaimCues, before: int | None = None) -> TextSpan | None:
    """The mention a he/she (a person) or they/it (a group) stands for.

    In the pronoun's own sentence, the nearest compatible mention before it; in earlier
    sentences (up to ``PRONOUN_REACH`` back) the most salient one: a compatible mention
    that is a subject, the last such in the nearest sentence, before any other.
    ``before``: a token index the antecedent must end before (the opening of a quote,
    so a name inside the quoted words is not taken for its speaker).
    """
    word = POSSESSIVE.get(tok.lower_, tok.lower_)  # "his claim": the claim of whom "he" is
    if word not in cues.person_pronouns and word not in cues.group_pronouns:
        return None
    doc = tok.doc
    limit = tok.i if before is None else min(tok.i, before)
    fits = _mentions_before(doc, word, cues, limit)
    if not fits:
        return None
    sent_start = tok.sent.start
    same = [ent for ent in fits if ent.start >= sent_start]
    if same:  # the subject of the sentence before a place or an object named after it
        subjects = [ent for ent in same if _np_head(ent.root).dep_ in ("nsubj", "nsubjpass")]
        return name_span(_np_head((subjects or same)[-1].root))
    reach = _sentence_starts(doc, sent_start)
    earlier = [ent for ent in fits if ent.start >= reach]
    subjects = [ent for ent in earlier if _np_head(ent.root).dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        last_sent = subjects[-1].sent.start
        chosen = [e for e in subjects if e.sent.start == last_sent][0]
        return name_span(_np_head(chosen.root))
    return name_span(_np_head(fits[-1].root))


def _mentions_before(doc: Doc, word: str, cues: ClaimCues, limit: int) -> list[Span]:
    """The compatible mentions that end at or before token ``limit``, in text order; the
    article's mentions are found once per Doc and kind of pronoun (long articles)."""
    key = "eventwire.mentions." + ("person" if word in cues.person_pronouns else "group")
    found = doc.user_data.get(key)
    if found is None:
        mentions = _mentions(doc, word, cues)
        found = (mentions, [m.end for m in mentions])
        doc.user_data[key] = found
    mentions, ends = found
    return mentions[:bisect_right(ends, limit)]


def _mentions(doc: Doc, word: str, cues: ClaimCues) -> list[Span]:
    """Compatible mentions: named entities, and for he/she also a proper-noun subject the
    model did not tag ("Colonel Ana Ruiz briefed ...")."""
    quoted = quoted_ranges(doc)
    found = [ent for ent in entities(doc) if _compatible(ent, word, cues)]
    if word == "they":  # "Critics of the plan said ... they": a plural noun that is a subject
        covered = {t.i for ent in entities(doc) for t in ent}
        found.extend(doc[tok.left_edge.i : tok.i + 1] for tok in doc
                     if tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ in ("NNS", "NNPS")
                     and tok.i not in covered and tok.left_edge.i <= tok.i)
    if word in cues.person_pronouns:
        covered = {t.i for ent in entities(doc) for t in ent}
        for tok in doc:
            if tok.dep_ == "nsubj" and tok.pos_ == "PROPN" and tok.i not in covered:
                first = min(c.i for c in tok.children if c.dep_ in ("compound", "flat")) \
                    if any(c.dep_ in ("compound", "flat") for c in tok.children) else tok.i
                found.append(doc[first : tok.i + 1])
    # a name inside quoted words is someone the speaker talks about, not a speaker
    found = [m for m in found if not any(a <= m.start_char < b for a, b in quoted)]
    return sorted(found, key=lambda s: (s.end, s.start))


def quoted_ranges(doc: Doc) -> list[tuple[int, int]]:
    """The article's direct-quote pieces as character ranges, found once per Doc."""
    ranges = doc.user_data.get("eventwire.quoted_ranges")
    if ranges is None:  # computed once per Doc, kept with it
        from eventwire.extract.quotes import quote_pieces

        ranges = [(p.start, p.end) for p in quote_pieces(doc_text(doc))]
        doc.user_data["eventwire.quoted_ranges"] = ranges
    return ranges


POSSESSIVE = {"his": "he", "her": "she", "its": "it", "their": "they"}
PRONOUN_REACH = 3  # sentences back in which a subject is taken before the nearest mention


def _compatible(ent: Span, word: str, cues: ClaimCues) -> bool:
    if word in cues.person_pronouns:
        return ent.label_ == "PERSON" or _is_speaker_title(ent.root, cues)
    # a name used as a modifier ("Republican lawmakers", "U.S. senator") is not the group;
    # "they" speak as people or bodies, not as a place ("they said" is not Chicago)
    labels = ("ORG", "NORP") if word == "they" else ("ORG", "NORP", "GPE")
    return ent.label_ in labels and ent.root.dep_ not in ("amod", "compound")


def _sentence_starts(doc: Doc, sent_start: int) -> int:
    """Token index where the sentence ``PRONOUN_REACH`` before the one at ``sent_start`` begins."""
    start = sent_start
    for _ in range(PRONOUN_REACH):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start


def _is_speaker_title(tok: Token, cues: ClaimCues) -> bool:
    return tok.lemma_.lower() in cues.speaker_nouns


def _np_head(tok: Token) -> Token:
    """Climb compound/flat arcs to the head noun of a name ("Idris" -> "Haddad")."""
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def pronoun_words(tok: Token, cues: ClaimCues, speaker: TextSpan) -> TextSpan | None:
    """The words of a personal pronoun ("he", "they") that ``source_span`` resolved to the
    name ``speaker``: the speaker as the sentence names it. None for a name, a relative,
    or a pronoun left unresolved (then ``speaker`` is those words)."""
    if tok.pos_ != "PRON" or tok.tag_ in ("WDT", "WP"):
        return None
    if tok.lower_ not in cues.person_pronouns and tok.lower_ not in cues.group_pronouns:
        return None
    words = text_span(tok.doc, tok.i, tok.i)
    return None if (words.start, words.end) == (speaker.start, speaker.end) else words


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
