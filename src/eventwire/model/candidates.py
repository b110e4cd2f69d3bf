"""Candidates: what the extract stage finds before the resolve stage names it.

Offsets are character offsets into the article text (``[start, end)``).
Token indices refer to the spaCy ``Doc`` of that text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.model.records import Status


@dataclass(frozen=True)
class TextSpan:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Trigger:
    """An event-denoting word or phrase with its type."""

    start: int
    end: int
    token_i: int  # index of the head token of the trigger in the Doc
    lemma: str
    plover: str
    mode: str | None = None
    acled: tuple[str, str] | None = None
    confidence: float = 1.0
    extractor: str = "lexicon.v1"
    quad: int | None = None  # CAMEO quad class (0-4) where the learned coder read it
    # the other words of the sentence that tell this same happening (character spans): a
    # toll or an aim folded into the act, the verb that launched the offensive
    parts: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Attribution:
    """Who the article says reports something: "X said", "according to X"."""

    source: TextSpan
    verb: str  # said / reported / according to / accused
    via: TextSpan | None = None  # nested: "X said ..., according to SANA" -> via SANA
    token_i: int | None = None  # the reporting verb token
    # the source speaks of its own act ("X claimed responsibility for"): X is actor1 too
    agency: bool = False


@dataclass(frozen=True)
class StatusDecision:
    status: Status
    reason: str  # "negation:not" / "hedge:reportedly" / "future:will" / "accused_of" ...
    cue: TextSpan | None = None


@dataclass(frozen=True)
class QuoteCandidate:
    text: TextSpan  # the quoted words (without the quote marks)
    speaker: TextSpan | None
    via: TextSpan | None = None
    direct: bool = True
    verb: str | None = None
    # how the content hangs on its cue: "quote" (quote marks), "ccomp", "xcomp" (a
    # commitment: "vowed to ..."), "dobj", "prep", "parenthetical", "before",
    # "according", "noun"
    arc: str = "quote"
    # the words standing for the speaker where they are not its name: a pronoun ("he
    # said") whose ``speaker`` is the name it was resolved to; None where they are the name
    words: TextSpan | None = None


@dataclass(frozen=True)
class QuantityCandidate:
    kind: str
    value: int
    qualifier: str
    span: TextSpan
    token_i: int | None = None
    extra: dict[str, str] = field(default_factory=dict)
