"""Who says so: the source the article names for a trigger, and through whom.

``attribution(doc, i)`` walks from the trigger up the dependency tree (never across a
paragraph break) and collects every reporting frame that governs it:

* a reporting verb with a subject whose complement holds the trigger
  ("the army said it had retaken", "..., Syrian state media reported");
* an "according to X" dependent ("killed 12, according to the Observatory");
* a parenthetical reporting clause hung on the path ("Gunmen, witnesses said, stormed");
* else, the speaker of the smallest quote or reported content (``extract.reported``) that
  holds the trigger: every event inside an attributed content carries its source;
* else, a stated intention that governs it ("the party vowed to hold rallies", "the
  council plans to release", "X called on Y to apologize"): the one who states it is the
  source (and, through ``acting_subject``, the actor of what it vows itself). A report
  around the intention outranks it ("officials said the army plans to deploy": the
  officials are the source, the army the actor).

The innermost frame is the source; the next one out (or the "according to X" of the
same verb, or the subject of a verb "citing X") is ``via``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import overload

from spacy.tokens import Doc, Span, Token

from eventwire.extract.claim_cues import ClaimCues, load_cues
from eventwire.extract.claim_tree import (
    according_to_object,
    cited_object,
    is_punct_or_space,
    is_reporting_verb,
    path_up,
    segment,
    source_span,
    subject_of,
)
from eventwire.model.candidates import Attribution, QuoteCandidate, TextSpan

# arcs by which a clause can hang under a reporting verb and still be what it reports
NOT_REPORTED_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "agent", "npadvmod"})
PARENTHETICAL_DEPS = frozenset({"parataxis", "advcl"})
COMMITMENT_ARCS = frozenset({"xcomp"})
# right-hand dependents where the words naming a subject end
SUBJECT_ENDS = frozenset({"relcl", "acl", "appos", "punct", "advcl", "parataxis"})


@dataclass(frozen=True)
class Frame:
    """One reporting frame: who, with which verb, and an inner channel if named."""

    source: TextSpan
    verb: str
    token_i: int | None
    via: TextSpan | None = None
    agency: bool = False  # the source speaks of its own act (a vow, a claim of responsibility)


def attribution(
    doc: Doc,
    trigger_i: int,
    *,
    cues: ClaimCues | None = None,
    quotes: Sequence[QuoteCandidate] | None = None,
) -> Attribution | None:
    """The source the article names for the trigger at token ``trigger_i``, or None."""
    cues = cues or load_cues()
    claimed = responsibility(doc[trigger_i], cues)
    if claimed is not None:
        return claimed
    frames = frames_for(doc[trigger_i], cues)
    if not frames:
        frame = quote_frame(doc, trigger_i, cues, quotes) or intention_frame(doc[trigger_i], cues)
        if frame is None:
            return None
        frames = [frame]
    inner = frames[0]
    via = inner.via
    if via is None and len(frames) > 1:
        via = frames[1].source
    return Attribution(source=inner.source, verb=inner.verb, via=via, token_i=inner.token_i,
                       agency=inner.agency)


def frames_for(trigger: Token, cues: ClaimCues) -> list[Frame]:
    """Reporting frames governing ``trigger``, innermost first."""
    frames: list[Frame] = []
    path = path_up(trigger)
    on_path = {t.i for t in path}
    came_by: str | None = None
    for node in path:
        frame = verb_frame(node, cues) if _reports(node, trigger, came_by, cues) else None
        if frame is not None:
            frames.append(frame)
        elif (obj := according_to_object(node, cues)) is not None:
            frames.append(Frame(source_span(obj, cues), "according to", obj.i))
        for child in node.children:
            if child.i not in on_path and child.dep_ in PARENTHETICAL_DEPS:
                frame = verb_frame(child, cues)
                if frame is not None and not _contains(child, trigger):
                    frames.append(frame)
        came_by = node.dep_
    if not frames:
        frames.extend(sentence_frames(trigger, on_path, cues))
    return frames


def _reports(node: Token, trigger: Token, came_by: str | None, cues: ClaimCues) -> bool:
    """Can ``node`` be the reporting verb of what hangs under it by ``came_by``?

    Not through its subject ("officials who visited ... said"), nor through the ``xcomp``
    of a commitment verb: "the insurgents threatened to attack" is the actor's own
    intent, not a report (while "the ministry denied carrying out" is one). A trigger
    is not its own report when the speech is an act: in "the coalition threatened to
    strike" the coalition is the one who threatens (actor1), the article the one who
    says so; only a plain report is ("SANA reported", with a clause or no object).
    """
    if node.i == trigger.i:
        lemma = node.lemma_.lower()
        if lemma in cues.event_speech_verbs | cues.denial_verbs | cues.commitment_verbs:
            return False
        deps = {c.dep_ for c in node.children}
        return bool(deps & {"ccomp", "parataxis"}) or "dobj" not in deps
    if came_by == "xcomp" and node.lemma_.lower() in cues.plan_verbs:
        return False
    if came_by == "conj" and trigger.dep_ == "conj" and trigger.head.i == node.i:
        # "rebels vowed to attack, and the army warned ...": a verb coordinated with a
        # reporting verb is an act of its own, not what that verb reports
        return False
    return came_by not in NOT_REPORTED_DEPS


def intention_frame(trigger: Token, cues: ClaimCues) -> Frame | None:
    """The innermost stated intention the trigger lies in: a commitment verb whose
    ``xcomp`` holds it ("Clinton pledged to push for an amendment", "the centre plans to
    release its analysis", "the family called on police to release the videos")."""
    below: Token | None = None
    for node in path_up(trigger):
        if below is not None and below.dep_ == "xcomp" and node.lemma_.lower() in cues.commitment_verbs \
                and not _passive(node):
            subject = _intending_subject(node)
            if subject is None:
                return None
            # no agency: who acts is left to the roles (``acting_subject`` where they
            # found no one), which keep a coordinated subject's parts apart
            return Frame(source_span(subject, cues), node.text, node.i)
        below = node
    return None


def _intending_subject(verb: Token) -> Token | None:
    """The subject of a commitment verb, or of the verb it is coordinated with or hangs
    on as a participle ("..., promising to meet", "..., encouraging supporters to vote")."""
    node = verb
    for _ in range(3):
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        if node.dep_ not in ("conj", "advcl", "xcomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def acting_subject(sent: Span, trigger_i: int, cues: ClaimCues) -> Span | None:
    """Who acts, when the role rules found no one and speech names them: the subject of
    a speech act that is an event ("the coalition threatened"), or of the commitment
    verb whose ``xcomp`` the trigger is ("the coalition threatened to strike")."""
    doc = sent.doc
    tok = doc[trigger_i]
    for _ in range(3):  # "vowed to hold rallies", "decided to ease curfew hours": who does it
        if tok.dep_ == "xcomp" or tok.dep_ not in ("dobj", "conj", "compound") or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in cues.commitment_verbs | cues.threat_verbs:
        subject = _intending_subject(tok.head)
    elif doc[trigger_i].lemma_.lower() in cues.event_speech_verbs:
        subject = next((c for c in doc[trigger_i].children if c.dep_ == "nsubj"), None)
    else:
        return None
    if subject is None or subject.pos_ == "PRON" or not sent.start <= subject.i < sent.end:
        return None
    last = subject.i
    for child in subject.rights:  # "Republicans in Congress", not "..., who said"
        if child.dep_ in SUBJECT_ENDS:
            break
        last = child.right_edge.i
    while last > subject.i and is_punct_or_space(doc[last]):
        last -= 1
    return doc[subject.left_edge.i : last + 1]


def responsibility(trigger: Token, cues: ClaimCues) -> Attribution | None:
    """"X claimed (denied) responsibility for <trigger>": X speaks of its own act.

    The attribution comes back with ``agency=True``: X is the event's actor1 as well as
    its source, and the status follows the verb (claimed, or denied).
    """
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.lower_ != "for":
        return None
    noun = prep.head
    if noun.lemma_.lower() not in cues.responsibility_nouns or noun.dep_ not in ("dobj", "nsubjpass"):
        return None
    verb = noun.head
    subject = subject_of(verb)
    if subject is None:
        return None
    return Attribution(source=source_span(subject, cues), verb=verb.text, token_i=verb.i,
                       agency=True)


def verb_frame(verb: Token, cues: ClaimCues) -> Frame | None:
    """The frame of a reporting verb with a subject (or agent), else None."""
    if not is_reporting_verb(verb, cues):
        return None
    subject = subject_of(verb)
    if subject is None:
        return None
    speaker = source_span(subject, cues)
    channel = according_to_object(verb, cues)
    cited = cited_object(verb, cues)
    if cited is not None:  # "state television said, citing a military source"
        return Frame(source_span(cited, cues), verb.text, verb.i, via=speaker)
    via = source_span(channel, cues) if channel is not None else None
    return Frame(speaker, verb.text, verb.i, via=via)


def sentence_frames(trigger: Token, on_path: set[int], cues: ClaimCues) -> list[Frame]:
    """A reporting clause of the trigger's sentence that the parse did not hang above it.

    "The government is in full control ..., Syrian state media reported" parsed with the
    first clause under the headline: the sentence-level reporting verb still governs it.
    """
    doc = trigger.doc
    start, end = segment(trigger)
    found: list[tuple[int, Frame]] = []
    for tok in doc[start:end]:
        if tok.i in on_path:
            continue
        head = tok.head
        top = head.i == tok.i or not (start <= head.i < end) or tok.dep_ == "parataxis"
        if not top:
            continue
        frame = verb_frame(tok, cues)
        if frame is not None and start <= (subject_of(tok) or tok).i < end:
            found.append((abs(tok.i - trigger.i), frame))
    found.sort(key=lambda pair: pair[0])
    return [frame for _, frame in found[:1]]


class QuoteIndex(Sequence[QuoteCandidate]):
    """An article's quotes, with those that may hold a character found by offset: a
    trigger's quote is looked up without a walk over every quote of the article."""

    def __init__(self, quotes: Iterable[QuoteCandidate]) -> None:
        self._quotes = list(quotes)
        spans = sorted((q.text.start, n) for n, q in enumerate(self._quotes))
        self._starts = [start for start, _ in spans]
        self._order = [n for _, n in spans]
        self._longest = max((q.text.end - q.text.start for q in self._quotes), default=0)

    def __len__(self) -> int:
        return len(self._quotes)

    @overload
    def __getitem__(self, i: int) -> QuoteCandidate: ...

    @overload
    def __getitem__(self, i: slice) -> list[QuoteCandidate]: ...

    def __getitem__(self, i: int | slice) -> QuoteCandidate | list[QuoteCandidate]:
        return self._quotes[i]

    def holding(self, char: int) -> list[QuoteCandidate]:
        """The quotes whose text holds offset ``char``, in the order given."""
        lo = bisect_left(self._starts, char - self._longest)
        hi = bisect_right(self._starts, char)
        found = sorted(n for n in self._order[lo:hi] if char < self._quotes[n].text.end)
        return [self._quotes[n] for n in found]


def quote_frame(
    doc: Doc, trigger_i: int, cues: ClaimCues, quotes: Sequence[QuoteCandidate] | None
) -> Frame | None:
    """The speaker of the smallest quote or reported content that holds the trigger.

    A commitment ("the party vowed to hold rallies") is left out: its subject is the
    actor of what it vows (``acting_subject``), and the article the one who says so.
    """
    if quotes is None:
        from eventwire.extract.quotes import find_quotes

        quotes = find_quotes(doc, cues=cues)
    char = doc[trigger_i].idx
    pool = quotes.holding(char) if isinstance(quotes, QuoteIndex) else quotes
    holding = [q for q in pool if q.speaker is not None and q.arc not in COMMITMENT_ARCS
               and q.text.start <= char < q.text.end]
    if not holding:
        return None
    quote = min(holding, key=lambda q: (q.text.end - q.text.start, not q.direct))
    assert quote.speaker is not None
    return Frame(quote.speaker, quote.verb or "said", None, via=quote.via)


def _contains(root: Token, tok: Token) -> bool:
    if not root.left_edge.i <= tok.i <= root.right_edge.i:
        return False
    return any(t.i == tok.i for t in root.subtree)
