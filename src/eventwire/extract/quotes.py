"""Quotes: direct quotes (with their speaker) and indirect speech.

Direct quotes are found on the characters, not the sentence split (the model joins a
closing quote to the next paragraph's sentence): straight ``"`` and curly ``“ ”`` marks
(two apostrophes standing for one straight mark), paragraph by paragraph. A quote still
open at the end of a paragraph, where the next paragraph opens with a quote mark,
continues there (the news convention); each
paragraph's part is its own ``QuoteCandidate`` so ``doc.text[start:end] == text`` holds,
and all parts of one quote share its speaker.

The speaker is the subject of a reporting verb right after the closing mark
("“A,” X said"), or right before the opening one ("X said: “A”"); a quote with
neither takes the speaker of the quote before it in the same paragraph
("“A,” X said. “B.”"). Indirect speech is the content of every attribution the parse shows
(``extract.reported``: "Assad said that ...", "according to X", "vowed to ...").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from eventwire.extract.claim_cues import ClaimCues, load_cues
from eventwire.extract.claim_tree import (
    according_to_object,
    is_saying_idiom,
    paragraph_starts,
    pronoun_words,
    same_paragraph,
    source_span,
    subject_of,
)
from eventwire.extract.reported import inside_direct, reported_contents
from eventwire.model.candidates import QuoteCandidate, TextSpan
from eventwire.nlp.text import doc_text

OPENERS = "“"
CLOSERS = "”"
STRAIGHT = '"'
SENTENCE_END = frozenset({".", "?", "!"})
SPEAKER_WINDOW = 12  # tokens between a quote mark and its reporting verb
MIN_WORDS = 4  # shorter quoted words without a speaker are scare quotes ("terrorists")
TRAILING = " \t\n,"
DOUBLED_CLOSE, DOUBLED_OPEN, DOUBLED_AS = "''", "``", ' "'


@dataclass
class Piece:
    """The quoted words inside one paragraph, between (or after) quote marks."""

    start: int
    end: int
    closed: bool
    group: int
    speaker: QuoteCandidate | None = field(default=None)


def find_quotes(doc: Doc, *, cues: ClaimCues | None = None) -> list[QuoteCandidate]:
    """Direct and indirect quotes of ``doc``, sorted by start (found once per Doc: the
    result is kept in ``doc.user_data``, since attribution and status ask for it per
    trigger)."""
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is not None:
        return list(cached)
    cues = cues or load_cues()
    direct = direct_quotes(doc, cues)
    indirect = indirect_quotes(doc, cues, direct)
    found = _last_speaker(doc, sorted(direct + indirect, key=lambda q: (q.text.start, q.text.end)))
    doc.user_data[_CACHE_KEY] = tuple(found)
    return found


_CACHE_KEY = "eventwire.quotes"


def direct_quotes(doc: Doc, cues: ClaimCues) -> list[QuoteCandidate]:
    pieces = quote_pieces(doc_text(doc))
    frames = [speaker_frame(doc, p, cues) for p in pieces]
    _share_speakers(doc, pieces, frames)
    quotes = []
    for piece, frame in zip(pieces, frames, strict=True):
        span = TextSpan(doc_text(doc)[piece.start : piece.end], piece.start, piece.end)
        if frame is None and len(span.text.split()) < MIN_WORDS:
            continue
        if frame is None:
            quotes.append(QuoteCandidate(text=span, speaker=None))
        else:
            quotes.append(replace(frame, text=span))
    return quotes


def quote_pieces(text: str) -> list[Piece]:
    """Quoted stretches paragraph by paragraph, grouped when a quote runs on. Two
    apostrophes (or two backticks) count as one straight quote mark: the convention of
    some papers' archives and of tokenised text."""
    text = marked(text)
    starts = paragraph_starts(text)
    ends = [s for s in starts[1:]] + [len(text)]
    pieces: list[Piece] = []
    group = -1
    carried = False  # the previous paragraph ended inside a quote
    for p_start, p_end in zip(starts, ends, strict=True):
        para = text[p_start:p_end]
        opens_with_mark = para.lstrip()[:1] in OPENERS + STRAIGHT
        open_at: int | None = None
        first = True
        for k, ch in enumerate(para):
            pos = p_start + k
            if open_at is None and (ch in OPENERS or (ch == STRAIGHT and _opens(para, k))):
                if not (first and carried and opens_with_mark):
                    group += 1
                open_at, first = pos + 1, False
            elif open_at is not None and (ch in CLOSERS or ch == STRAIGHT or ch in OPENERS):
                _add(pieces, text, open_at, pos, True, group)
                open_at = None
                if ch in OPENERS:  # a new quote opens without the last being closed
                    group += 1
                    open_at = pos + 1
        carried = open_at is not None
        if open_at is not None:
            _add(pieces, text, open_at, p_end, False, group)
    return pieces


def marked(text: str) -> str:
    """``text`` of the same length with each doubled apostrophe (or doubled backtick)
    read as a space and one straight quote mark."""
    return text.replace(DOUBLED_CLOSE, DOUBLED_AS).replace(DOUBLED_OPEN, DOUBLED_AS)


def _opens(para: str, k: int) -> bool:
    """A straight quote opens when it is followed by a word and not preceded by one."""
    before = para[k - 1] if k > 0 else " "
    after = para[k + 1] if k + 1 < len(para) else " "
    return not after.isspace() and (before.isspace() or before in "([—–-:")


def _add(pieces: list[Piece], text: str, start: int, end: int, closed: bool, group: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    if end > start:
        pieces.append(Piece(start, end, closed, group))


def speaker_frame(doc: Doc, piece: Piece, cues: ClaimCues) -> QuoteCandidate | None:
    """A speaker for ``piece`` from the reporting clause after it, else before it."""
    first, last = _token_range(doc, piece)
    if first is None or last is None:
        return None
    verb = _verb_after(doc, last, cues) if piece.closed else None
    if verb is None:
        verb = _verb_before(doc, first, cues)
    if verb is None:
        return None
    return _frame(verb, cues, before=first)


def _token_range(doc: Doc, piece: Piece) -> tuple[int | None, int | None]:
    span = doc.char_span(piece.start, piece.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, None
    return span.start, span.end - 1


def _verb_after(doc: Doc, last: int, cues: ClaimCues) -> Token | None:
    anchor = doc[last]
    k = last + 1
    while k < len(doc) and (doc[k].is_quote or doc[k].is_space or doc[k].text in ",.?!"):
        if doc[k].text in SENTENCE_END and not doc[k].is_quote and k > last + 1:
            return None
        k += 1
    for tok in doc[k : min(len(doc), k + SPEAKER_WINDOW)]:
        if not same_paragraph(anchor, tok) or tok.text in SENTENCE_END or tok.is_quote:
            return None
        if _is_quote_verb(tok, cues) and subject_of(tok) is not None:
            return tok
    return None


def _verb_before(doc: Doc, first: int, cues: ClaimCues) -> Token | None:
    anchor = doc[first]
    k = first - 1
    while k >= 0 and (doc[k].is_quote or doc[k].is_space):
        k -= 1
    if k < 0 or not (doc[k].text in ":," or _is_quote_verb(doc[k], cues)):
        return None
    colon = doc[k].text == ":"
    if colon:  # "X said:" closing the paragraph before the quote
        anchor = doc[k]
    for tok in reversed(doc[max(0, k - SPEAKER_WINDOW) : k + 1]):
        if not same_paragraph(anchor, tok) or tok.text in SENTENCE_END or tok.is_quote:
            return None
        if (_is_quote_verb(tok, cues) or colon and _gives_words(tok, cues)) and subject_of(tok) is not None:
            return tok
    return None


def _gives_words(verb: Token, cues: ClaimCues) -> bool:
    """A verb whose object names what is said, before a colon ("made the following
    comment:", "issued a statement:"): the quote after the colon is those words."""
    return verb.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in cues.content_nouns for c in verb.children)


def _is_quote_verb(tok: Token, cues: ClaimCues) -> bool:
    lemma = tok.lemma_.lower()
    verbs = cues.quote_verbs | cues.reporting_verbs
    return tok.pos_ in ("VERB", "AUX") and lemma in verbs or is_saying_idiom(tok, cues)


def _frame(verb: Token, cues: ClaimCues, before: int, direct: bool = True) -> QuoteCandidate:
    subject = subject_of(verb)
    assert subject is not None  # callers pick verbs with a subject
    channel = according_to_object(verb, cues)
    speaker = source_span(subject, cues, before=before)
    return QuoteCandidate(
        text=TextSpan("", 0, 0),
        speaker=speaker,
        via=source_span(channel, cues) if channel is not None else None,
        direct=direct,
        verb=verb.text,
        words=pronoun_words(subject, cues, speaker),
    )


def _share_speakers(doc: Doc, pieces: list[Piece], frames: list[QuoteCandidate | None]) -> None:
    """Parts of one quote share a speaker; a quote without one takes the last one's in
    the same paragraph ("“A,” X said. “B.”"), or in the paragraph before when the quote
    opens its own paragraph."""
    by_group: dict[int, QuoteCandidate] = {}
    for piece, frame in zip(pieces, frames, strict=True):
        if frame is not None and piece.group not in by_group:
            by_group[piece.group] = frame
    starts = paragraph_starts(doc_text(doc))
    for k, piece in enumerate(pieces):
        if frames[k] is None and piece.group in by_group:
            frames[k] = by_group[piece.group]
        elif frames[k] is None and k > 0 and frames[k - 1] is not None:
            gap = _paragraph(starts, piece.start) - _paragraph(starts, pieces[k - 1].start)
            if gap == 0 or gap == 1 and _opens_paragraph(doc_text(doc), starts, piece.start):
                frames[k] = frames[k - 1]


def _last_speaker(doc: Doc, found: list[QuoteCandidate]) -> list[QuoteCandidate]:
    """A direct quote still without a speaker takes the last one named before it in its
    paragraph or the one before ("Smith said the talks had failed. “We tried.”")."""
    starts = paragraph_starts(doc_text(doc))
    last: QuoteCandidate | None = None
    out = []
    for q in found:
        if q.direct and q.speaker is None and last is not None and last.speaker is not None:
            gap = _paragraph(starts, q.text.start) - _paragraph(starts, last.text.start)
            if gap <= 1:
                q = replace(q, speaker=last.speaker, via=last.via, verb=last.verb, words=last.words)
        if q.speaker is not None and q.arc != "xcomp":
            last = q
        out.append(q)
    return out


def _opens_paragraph(text: str, starts: list[int], char: int) -> bool:
    """Does the quote at ``char`` open its paragraph (a quote running on from the last
    speaker's paragraph: the news convention)?"""
    start = starts[_paragraph(starts, char)]
    return not marked(text[start:char]).strip().strip("\"“")


def _paragraph(starts: list[int], char: int) -> int:
    return sum(1 for s in starts if s <= char) - 1


def indirect_quotes(
    doc: Doc, cues: ClaimCues, direct: list[QuoteCandidate]
) -> list[QuoteCandidate]:
    """Reported content, paraphrase or partly quoted (``extract.reported``), less what lies
    inside a direct quote; one candidate per span."""
    found: dict[tuple[int, int], QuoteCandidate] = {}
    for cand in reported_contents(doc, cues):
        key = (cand.text.start, cand.text.end)
        if key not in found and not inside_direct(cand.text, direct):
            found[key] = cand
    return list(found.values())
