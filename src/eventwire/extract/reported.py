"""Reported content: what a source says, paraphrased or in part quoted.

An attribution is a source, a cue and a content. The cue decides, from the parse, which
words are the content:

* a reporting verb's clausal complement: "Officials said (that) the road was cut";
* a parenthetical reporting clause: its host clause ("The road, officials said, is cut");
* a clause before "<clause>, X said." when the parse lost the link;
* a commitment verb's ``xcomp``: "The party vowed to hold rallies" (``arc="xcomp"``:
  its subject is the actor of what it vows, not a reporter of it);
* a verb that takes its content as object or prepositional object: "denied the
  report", "warned of reprisals", "called for a ceasefire", "railed against the deal"
  (the verb–preposition pairs are data: ``prep_content_pairs``);
* "according to X": the clause it hangs on, without the "according to X" phrase;
* a cue noun with a clause or a prepositional object: "the army's claim that ...",
  "a statement by X that ...", "the party's criticism of the raids", "FBI criticism of";
* a paragraph (or headline) that opens with a name and a colon: "Senator Ruiz: the
  talks have failed" (a headline's speaker, a transcript's turn): the rest of the
  paragraph is what the named person or body says.

The source is the subject of the cue verb (of the verb it is coordinated with, or of
the clause a "saying ..." participle hangs on), the agent of a passive one, or the
owner of a cue noun; pronouns are resolved to the nearest compatible mention
(``claim_tree.source_span``).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from eventwire.extract.claim_cues import ClaimCues
from eventwire.extract.astray import shared_infinitive_end, that_clause_astray
from eventwire.extract.circumstance import OBJECT_ARCS, without_circumstance
from eventwire.extract.claim_tree import (
    according_to_object,
    is_punct_or_space,
    is_saying_idiom,
    paragraph_starts,
    pronoun_words,
    same_paragraph,
    source_span,
    subject_of,
    text_span,
)
from eventwire.model.candidates import QuoteCandidate, TextSpan
from eventwire.nlp.text import doc_text

Range = tuple[int, int]  # token indices, inclusive
CLAUSE_PREPS = frozenset({"of", "about"})
# "the ministry's criticism of the raids", "the army's claims about the dead"
NOUN_PREPS = frozenset({"of", "about", "over", "on", "against", "for"})
# what completes an object: "accused the army of", "blasted the media for", "compared
# him to", "showed her with a lead" (not where or when: "on Sunday", "in Gaza")
OBJECT_PREPS = frozenset({"of", "about", "as", "for", "with", "to"})
OWNER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
MIN_TOKENS = 1
PROFORMS = frozenset({"so", "yes", "no"})  # a word standing for a whole answer or clause
COLON_SPEAKER_TOKENS = 6  # "Senator Ana Ruiz:", "Red Cross spokesman:" at most
SPEAKER_ENTS = frozenset({"PERSON", "ORG"})


def reported_contents(doc: Doc, cues: ClaimCues) -> list[QuoteCandidate]:
    """Every (source, cue, content) the parse shows, as indirect quote candidates."""
    found: list[QuoteCandidate] = []
    for tok in doc:
        if _is_cue_verb(tok, cues):
            found.extend(_verb_contents(tok, cues))
        elif tok.lower_ == "according":
            found.extend(_according_contents(tok, cues))
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in cues.content_nouns:
            found.extend(_noun_contents(tok, cues))
    found.extend(_colon_contents(doc, cues))
    return found


def _colon_contents(doc: Doc, cues: ClaimCues) -> Iterator[QuoteCandidate]:
    """"<name>: <words>" opening a paragraph: the words are the name's. The name is a
    person or a body (not a place or a date: "Syria: rebels take town" names a topic),
    at most ``COLON_SPEAKER_TOKENS`` tokens before the colon; in the headline a proper
    or capitalised noun will do, less the labels of a kind of piece ("Analysis:", ``headline_labels``)."""
    text = doc_text(doc)
    ends = paragraph_starts(text)[1:] + [len(text)]
    for start, end in zip(paragraph_starts(text), ends, strict=True):
        stop = len(text[:end].rstrip())
        if stop <= start:  # a paragraph of nothing but whitespace (blanked page furniture)
            continue
        span = doc.char_span(start, stop, alignment_mode="expand")
        if span is None or len(span) < 3:
            continue
        first = span.start
        while first < span.end and doc[first].is_space:
            first += 1
        colon = next((t.i for t in doc[first : min(span.end, first + COLON_SPEAKER_TOKENS + 1)]
                      if t.text == ":"), None)
        if colon is None or colon == first or colon + 1 >= span.end:
            continue
        prefix = doc[first:colon]
        names = [t for t in prefix if t.ent_type_ in SPEAKER_ENTS]
        if not names and start == 0 and prefix.text.lower() not in cues.headline_labels:
            # the headline names its speaker as it can ("Factwatch: ..."): a proper
            # or capitalised noun will do where the model tagged no entity
            names = [t for t in prefix if t.pos_ == "PROPN" or t.pos_ == "NOUN" and t.is_title]
        if not names or any(t.ent_type_ in ("GPE", "LOC", "DATE", "TIME") for t in prefix):
            continue
        speaker = text_span(doc, first, colon - 1)
        f, last = _trim(doc, (colon + 1, span.end - 1))
        if last - f + 1 < 2:
            continue
        yield QuoteCandidate(text=text_span(doc, f, last), speaker=speaker, direct=False,
                             verb=":", arc="colon")


def _is_cue_verb(tok: Token, cues: ClaimCues) -> bool:
    lemma = tok.lemma_.lower()
    return tok.pos_ in ("VERB", "AUX") and (
        lemma in cues.reporting_verbs or lemma in cues.quote_verbs or lemma in cues.belief_verbs
        or lemma in cues.object_content_verbs or lemma in cues.commitment_verbs
        or lemma in cues.prep_pair_verbs
    ) or is_saying_idiom(tok, cues)


def speaker_of(verb: Token, cues: ClaimCues | None = None) -> Token | None:
    """The subject of a cue verb, borrowed from the verb it is coordinated with or the
    clause a participle ("..., saying ...") hangs on. A speech participle that the parse
    hung inside a reported clause ("analysts said the talks stalled, citing ...") is the
    reporter's: its speaker is the reporting verb's subject."""
    node: Token | None = verb
    head = verb.head
    if (cues is not None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj")
            and head.dep_ == "ccomp" and head.head.i != head.i and _is_cue_verb(head.head, cues)
            and _before_speech_participle(head, cues) < verb.i):
        node = head.head
    for _ in range(4):
        if node is None:
            return None
        subject = subject_of(node)
        if subject is not None:
            return subject
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ in ("NOUN", "PROPN"):
            # "donors backing the governor", "a PAC supporting the senator": the noun
            # the participle hangs on
            return node.head
        if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.dep_ == "prep":
            # "began by saying", "responded by telling them": the verb the "by" hangs on
            node = node.head.head if node.head.head.i != node.head.i else None
        elif node.dep_ == "conj" or (node.dep_ in ("advcl", "xcomp") and node.tag_ == "VBG"):
            node = node.head if node.head.i != node.i else None
        elif node.dep_ == "xcomp":  # "continued to say", "declined to say"
            node = node.head if node.head.i != node.i else None
        else:
            return None
    return None


def _candidate(verb: Token, subject: Token | None, cues: ClaimCues, span: Range, arc: str,
               label: str | None = None) -> QuoteCandidate | None:
    doc = verb.doc
    span = _without_aside(doc, span, verb)
    if arc in OBJECT_ARCS:
        span = without_circumstance(doc, span)
    first, last = _trim(doc, span)
    if last - first + 1 < MIN_TOKENS or not all(same_paragraph(verb, doc[k]) for k in (first, last)):
        return None
    speaker = source_span(subject, cues, before=first) if subject is not None else None
    return QuoteCandidate(
        text=text_span(doc, first, last),
        speaker=speaker,
        via=source_span(channel, cues) if (channel := according_to_object(verb, cues)) is not None
        else None,
        direct=False,
        verb=label or verb.text,
        arc=arc,
        words=pronoun_words(subject, cues, speaker) if subject is not None and speaker is not None else None,
    )


# what a comma sets off at the end of a content: the writer's aside, not the source's words
ASIDE_DEPS = frozenset({"relcl", "appos"})
ASIDE_RELATIVES = frozenset({"who", "whom", "whose", "which"})


def _without_aside(doc: Doc, span: Range, verb: Token) -> Range:
    """``span`` less a trailing aside the writer adds to its last noun: a relative
    clause or apposition set off by a comma that runs to the content's end ("demanded
    that Obama pledge not to pardon Clinton[, who has not been charged]", "resources
    could be spent with NATO[, the alliance that ...]"). Not inside a direct quote's
    words, and not the clause of the cue itself."""
    first, last = span
    for tok in doc[first : last + 1]:
        if tok.dep_ not in ASIDE_DEPS or tok.i == verb.i or not first <= tok.head.i < tok.left_edge.i:
            continue
        if tok.dep_ == "relcl" and tok.doc[tok.left_edge.i].lower_ not in ASIDE_RELATIVES:
            continue  # "measures, where other countries would ...": part of what is said
        comma = tok.left_edge.i - 1
        if comma > first and doc[comma].text == "," and tok.right_edge.i >= last - 1 \
                and not any(t.is_quote for t in doc[first:last + 1]) and comma - first >= 2:
            return first, comma - 1
    return first, last


def _trim(doc: Doc, span: Range) -> Range:
    first, last = span
    while first < last and (doc[first].dep_ == "mark" or is_punct_or_space(doc[first])
                            or doc[first].lower_ in ("that", "to") and doc[first].dep_ in ("mark", "aux")):
        first += 1
    while last > first and (is_punct_or_space(doc[last]) or doc[last].dep_ == "cc"):
        last -= 1
    return first, last


def _verb_contents(verb: Token, cues: ClaimCues) -> Iterator[QuoteCandidate]:
    subject = speaker_of(verb, cues)
    if subject is None:
        # "Asked whether the talks had failed, ...", "he was asked if ...": the words
        # asked or told are reported, by someone the sentence does not name
        if verb.tag_ == "VBN" and verb.lemma_.lower() in cues.quote_verbs:
            yield from _unnamed_contents(verb, cues)
        return
    lemma = verb.lemma_.lower()
    spans: list[tuple[Range, str]] = []
    for child in verb.children:
        if _coordinated_report(child, cues):
            continue
        if child.dep_ == "ccomp" or _indirect_question(child):
            spans.append(((child.left_edge.i, _before_speech_participle(child, cues)), "ccomp"))
        elif (child.dep_ == "dobj" and child.pos_ == "PRON" and lemma in cues.object_content_verbs
              and (pred := _object_predicate(verb, child)) is not None):
            # "called him a liar", "calling them rapists": whom, and what they are called
            spans.append(((child.i, pred.right_edge.i), "dobj"))
        elif _for_clause(child) and f"{lemma} for" in cues.prep_content_pairs:
            # "called for the army to withdraw": the parse makes "for" a clause mark
            spans.append(((child.left_edge.i, child.right_edge.i), "prep"))
        elif child.lower_ in PROFORMS and child.i > verb.i and child.dep_ in ("advmod", "intj", "dobj") \
                and lemma in cues.reporting_verbs | cues.quote_verbs | cues.belief_verbs:
            # "the minister said so", "he said no", "I think so": the word stands for what is said
            spans.append(((child.i, child.i), "dobj"))
        elif child.dep_ == "xcomp" and lemma in cues.commitment_verbs:
            spans.append(((child.left_edge.i, shared_infinitive_end(verb, child)), "xcomp"))
        elif (child.dep_ == "nsubjpass" and lemma in cues.object_content_verbs and child.pos_ != "PRON"
              and any(c.dep_ == "agent" for c in verb.children)):
            # "the plan was endorsed by the council": what is endorsed, by whom
            spans.append(((child.left_edge.i, child.right_edge.i), "passive"))
        elif child.dep_ == "dobj" and lemma in cues.object_content_verbs and child.pos_ != "PRON":
            spans.append((_object_span(verb, child), "dobj"))
        elif child.dep_ == "prep" and not _after_quote(verb) and (
            lemma in cues.prep_content_verbs and child.lower_ in CLAUSE_PREPS
            or f"{lemma} {child.lower_}" in cues.prep_content_pairs  # "called for", "railed against"
        ):
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")
                    and c.pos_ != "PRON" and c.ent_type_ not in ("DATE", "TIME")]
            if objs and not any(c.dep_ == "neg" for c in verb.children):
                # ("did not respond to the request": nothing is said)
                spans.append(((objs[0].left_edge.i, child.right_edge.i), "prep"))
    if not spans and verb.head.i != verb.i and (verb.dep_ == "parataxis" or _as_clause(verb, cues)) \
            and (not any(c.dep_ in ("xcomp", "dobj") for c in verb.children) or is_saying_idiom(verb, cues)):
        # a bare reporting clause ("the army said,"), not "continues to press"
        spans.append((_host_clause(verb), "parenthetical"))
    if not any(arc == "ccomp" for _, arc in spans) and _saying(lemma, cues):
        astray = that_clause_astray(verb)
        if astray is not None:
            spans.append((astray, "ccomp"))
    if not spans and lemma in cues.reporting_verbs:
        before = _clause_before(verb, subject)
        if before is not None:
            spans.append((before, "before"))
    for span, arc in spans:
        cand = _candidate(verb, subject, cues, span, arc)
        if cand is not None:
            yield cand


def _saying(lemma: str, cues: ClaimCues) -> bool:
    """A verb of saying or believing (what follows "that" is its content)."""
    return lemma in cues.reporting_verbs or lemma in cues.quote_verbs or lemma in cues.belief_verbs


def _coordinated_report(child: Token, cues: ClaimCues) -> bool:
    """"A said they were worried, and B said ...": the parse hung B's report under A's
    verb; a cue verb with its own subject after "and"/"but" reports for B."""
    doc = child.doc
    k = child.left_edge.i - 1
    return (child.dep_ == "ccomp" and _is_cue_verb(child, cues) and k > 0
            and any(c.dep_ == "nsubj" for c in child.children)
            and (doc[k].dep_ == "cc" or doc[k].lower_ in ("and", "but", "while")))


def _after_quote(verb: Token) -> bool:
    """"“It is fine,” he said of the plan": the quoted words are what is said, the
    plan only what they are about."""
    doc = verb.doc
    first = min([verb.i] + [c.left_edge.i for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i])
    return any(t.is_quote for t in doc[max(verb.sent.start, first - 3) : first])


def _indirect_question(child: Token) -> bool:
    """"asked workers if they planned to attend": the parse hangs the question as an
    adverbial clause with "if" or "whether"."""
    return child.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("if", "whether") and m.i == child.left_edge.i
        for m in child.children)


def _for_clause(child: Token) -> bool:
    """An infinitive clause opened by "for" ("for the army to withdraw")."""
    first = child.doc[child.left_edge.i]
    return child.dep_ == "advcl" and first.lower_ == "for" and first.dep_ == "mark" \
        and first.head.i == child.i


def _object_predicate(verb: Token, obj: Token) -> Token | None:
    """What an object is called or described as: "called him (a liar)"."""
    return next((c for c in verb.children if c.i > obj.i and c.dep_ in ("oprd", "ccomp", "xcomp")
                 and c.pos_ in ("NOUN", "PROPN", "ADJ")), None)


def _unnamed_contents(verb: Token, cues: ClaimCues) -> Iterator[QuoteCandidate]:
    for child in verb.children:
        if child.dep_ == "ccomp" or _indirect_question(child):
            span = (child.left_edge.i, child.right_edge.i)
        elif child.dep_ == "prep" and f"{verb.lemma_.lower()} {child.lower_}" in cues.prep_content_pairs:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp") and c.pos_ != "PRON"]
            if not objs:
                continue
            span = (objs[0].left_edge.i, child.right_edge.i)
        else:
            continue
        cand = _candidate(verb, None, cues, span, "unnamed")
        if cand is not None:
            yield cand


def _before_speech_participle(clause: Token, cues: ClaimCues) -> int:
    """The last token of ``clause`` before a trailing ", citing ...", ", saying ...",
    ", contradicting ..." participle: the reporter's own act, not what is reported."""
    last = clause.right_edge.i
    doc = clause.doc
    for child in clause.children:
        lemma = child.lemma_.lower()
        if (child.i > clause.i and child.tag_ == "VBG" and child.dep_ in ("advcl", "xcomp", "conj")
                and child.left_edge.i > 0 and doc[child.left_edge.i - 1].text == ","
                and (lemma in cues.reporting_verbs or lemma in cues.quote_verbs
                     or lemma in cues.citing_verbs or lemma in cues.contradiction_verbs)):
            last = min(last, child.left_edge.i - 2)
        elif (child.i > clause.i and child.dep_ == "conj" and _is_cue_verb(child, cues)
              and any(c.dep_ == "nsubj" for c in child.children)):
            # "A said they were worried, and B said ...": B's report is not A's words
            end = child.left_edge.i - 1
            while end > clause.i and (doc[end].dep_ == "cc" or is_punct_or_space(doc[end])):
                end -= 1
            last = min(last, end)
    return max(clause.i, last)


def _object_span(verb: Token, obj: Token) -> Range:
    """The object and what completes it ("accused the army of shelling the town",
    "blasted the media for its reports")."""
    last = obj.right_edge.i
    for child in verb.children:
        if child.i > obj.i and child.dep_ in ("prep", "oprd", "xcomp", "ccomp", "acomp") and (
            child.dep_ != "prep" or child.lower_ in OBJECT_PREPS
        ):
            last = max(last, child.right_edge.i)
    return obj.left_edge.i, last


def _as_clause(verb: Token, cues: ClaimCues) -> bool:
    """"As analysts have noted, <clause>": a reporting verb in an "as" clause reports the
    clause it hangs on."""
    lemma = verb.lemma_.lower()
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
        and (lemma in cues.reporting_verbs or lemma in cues.quote_verbs or lemma in cues.belief_verbs
             or is_saying_idiom(verb, cues))


def _host_clause(verb: Token) -> Range:
    """The clause a parenthetical reporting verb interrupts or follows, without it."""
    host = verb.head
    first, last = host.left_edge.i, host.right_edge.i
    own_first, own_last = verb.left_edge.i, verb.right_edge.i
    if own_first <= first:
        first = own_last + 1
    if own_last >= last:
        last = own_first - 1
    return first, max(first, last)


def _clause_before(verb: Token, subject: Token) -> Range | None:
    """"<clause>, X reported." when the parse lost the link (clause, comma, subject, verb)."""
    doc = verb.doc
    if subject.i > verb.i or not _ends_sentence(verb):
        return None
    comma = subject.left_edge.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    first = comma - 1
    sent = doc[comma].sent
    while first > 0 and same_paragraph(verb, doc[first - 1]) and doc[first - 1].sent == sent:
        first -= 1
    if comma - 1 - first < 2:
        return None
    return first, comma - 1


def _ends_sentence(verb: Token) -> bool:
    """Nothing but time words, adverbs or "in a statement" between ``verb`` and the full stop."""
    for tok in verb.doc[verb.i + 1 : verb.sent.end]:
        if tok.is_punct or tok.is_space:
            return tok.text in (".", "!", "?", '"', "”")
        if not (tok.ent_type_ in ("DATE", "TIME") or tok.dep_ in ("advmod", "npadvmod", "prep", "pobj",
                                                                  "det", "amod", "compound")):
            return False
    return True


def _according_contents(tok: Token, cues: ClaimCues) -> Iterator[QuoteCandidate]:
    """"X happened, according to Y": the clause ``according`` hangs on, less the phrase."""
    objs = [p for c in tok.children if c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
    host = tok.head
    if not objs or host.i == tok.i:
        return
    first, last = host.left_edge.i, host.right_edge.i
    own_first, own_last = tok.left_edge.i, tok.right_edge.i
    left = (first, own_first - 1)
    right = (own_last + 1, last)
    span = left if left[1] - left[0] >= right[1] - right[0] else right
    if span[1] < span[0]:
        return
    cand = _candidate(tok, objs[0], cues, span, "according", label="according to")
    if cand is not None:
        yield cand


def _noun_contents(noun: Token, cues: ClaimCues) -> Iterator[QuoteCandidate]:
    """"the ministry's claim that ...", "a statement by the army that ..."."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")):
            owner = next((p for p in prep.children if p.dep_ == "pobj"), None)
    if owner is None:  # "FBI criticism of ...": a name before the noun owns it
        owner = next((c for c in noun.children if c.dep_ == "compound" and c.i < noun.i
                      and c.ent_type_ in OWNER_ENTS), None)
    if owner is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() not in cues.denial_verbs \
            and not _is_cue_verb(noun.head, cues):
        # "the ministry issued a statement that ...", "X sounded a call for ...": the
        # one who issues it owns it (not "rejected the claim that": someone else's)
        owner = subject_of(noun.head)
    if owner is None:
        return
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "advcl") and any(m.dep_ == "mark" for m in child.children):
            span = (child.left_edge.i, child.right_edge.i)
        elif child.dep_ == "prep" and child.lower_ in NOUN_PREPS and child.i > noun.i:
            # "the party's criticism of the raids", "the army's denial of the reports"
            objs = [p for p in child.children if p.dep_ in ("pobj", "pcomp") and p.pos_ != "PRON"]
            if not objs:
                continue
            span = (objs[0].left_edge.i, objs[0].right_edge.i)
        else:
            continue
        cand = _candidate(noun, owner, cues, span, "noun")
        if cand is not None:
            yield cand


def inside_direct(span: TextSpan, direct: list[QuoteCandidate]) -> bool:
    """Does ``span`` lie within a direct quote (then it is that quote, or its speaker's
    clause, and not a content of its own)?"""
    return any(q.text.start - 2 <= span.start and span.end <= q.text.end + 2 for q in direct)
