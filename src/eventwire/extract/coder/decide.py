"""Where the learned coder decides: which event is a sentence's main one, its class, its roles.

The rules find the triggers (which words, where, which ACLED sub-type); the coder reads
the whole sentence and gives the class of the happening the sentence reports (CAMEO's
sentence label is the class of its main event). So the coder's class picks the main
event (``choose``):

1. a trigger whose class family (4 classes: material conflict, verbal conflict, material
   cooperation, verbal cooperation) is the coder's is the main event, the one highest in
   the parse among several; the rules' own type stands (mode, ACLED sub-type);
2. else, where the trigger highest in the parse is not the clause the sentence is about
   (the sentence's root verb is no trigger: "No group has claimed it, but ... carried out
   similar bombings"), the root verb is proposed as the main event in the coder's class
   and every trigger keeps its own type (the bombings stay an assault);
3. else the main trigger is retyped in the coder's class (the lexicon sense of its words
   with that class, else the class's generic PLOVER category), unless the coder is unsure;
   where the pair is one the rules keep (``KEEP_RULES``), or the trigger sits inside
   reported words, the trigger keeps its own type and carries the coder's class as the
   sentence's (CAMEO codes "said it would release" as an intent, "claimed that they had
   attacked" as a claim of responsibility, "violated a ceasefire" as material conflict).

A sentence with no trigger but a subject doing something (``worth_coding``) is coded too,
and the coder proposes its root verb as an event when it is sure of the class
(``propose``): "the ministry sent a team of doctors", "X said it was sceptical of ...";
material conflict only where the verb acts on an object ("launched cyber warfare against
X"), as coercion (no word of violence was found).
The main event carries the coder's class (``Trigger.quad``) and is marked main.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.extract.coder.labels import CLASS_PLOVER, four_class
from eventwire.extract.coder.runtime import EXTRACTOR, Coding
from eventwire.extract.eventcat import main_trigger
from eventwire.extract.triggers import predicative

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from eventwire.extract.triggers import EventTyper
    from eventwire.model.candidates import Trigger

# The coder retypes a trigger only when its own class family has at least
# MIN_CLASS_CONFIDENCE (the argmax of a 4-way choice can sit near 0.3).
MIN_CLASS_CONFIDENCE = 0.5
# A sentence without a trigger yields an event only when the coder is this sure of its
# family: a news article's sentences of background or colour should stay silent.
MIN_PROPOSE_CONFIDENCE = 0.7
# The classes the coder may propose an event of where no trigger says it: a violent event
# needs a word of violence (the coder reads the war around a sentence into it: "X has been
# emboldened by the victory"); at a sentence's root verb that is no trigger, only what a
# statement can be (a speech verb is never an act of cooperation or force).
PROPOSE_CLASSES = frozenset({0, 1, 2, 3})
# ... unless the coder is this sure of material conflict and the root verb acts on an
# object (``_material_act``): the event is then coercion, short of violence
MIN_PROPOSE_MATERIAL = 0.9
COERCE = "COERCE"
ROOT_CLASSES = frozenset({0, 1, 3})
# (rules' family, coder's family) pairs the coder never retypes. Material cooperation
# read as material conflict: the coder takes humanitarian acts told amid war (evacuations,
# releases) for the violence around them. Nor does a violent trigger become cooperation:
# "bombings" told beside a statement stay an assault (rule 2 above then gives the
# statement its own event where the sentence's root verb says it).
KEEP_RULES = frozenset({(2, 4), (4, 1), (4, 2)})
PROPOSED = f"{EXTRACTOR}.proposed"  # the extractor of an event proposed where no trigger was
MIN_ROLE_SCORE = 0.5  # a tagged role span below it is not used
# entity labels that make a subject someone who acts (a state, a group, a person)
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
SUBJECTS = ("nsubj", "nsubjpass")


def _denied(root: Token) -> bool:
    """"No group has claimed ...", "did not say": a root verb that tells nothing happened."""
    return any(c.dep_ == "neg" for c in root.children) or any(
        c.dep_ in SUBJECTS and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in root.children)


def _tells_an_act(root: Token) -> bool:
    """A root verb that may tell of an act: not denied ("No group has claimed ..."), nor a
    view held, a verb with a predicative complement ("considers X to be Y", "regards X as Y").
    A finite clause of "be" is what was said, not a view held: "said it is sceptical of"
    is a statement."""
    return root.pos_ in ("VERB", "AUX") and not (
        _denied(root) or predicative(root) and not _says_a_clause(root))


def _says_a_clause(root: Token) -> bool:
    """The verb's complement is a finite clause of "be" with a subject of its own ("said it
    is sceptical"), not an infinitive ("considers X to be Y") nor "as Y"."""
    comps = [c for c in root.children if c.dep_ in ("ccomp", "xcomp", "oprd")
             or c.dep_ == "prep" and c.lower_ == "as"]
    return bool(comps) and all(
        c.dep_ == "ccomp" and c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP", "VBD")
        and any(g.dep_ in SUBJECTS for g in c.children) for c in comps)


def worth_coding(sent: Span) -> bool:
    """Is a sentence without a trigger worth the coder's time? Its root is a verb whose
    subject names a person, group or state ("China's health ministry sent ...")."""
    root = sent.root
    if not _tells_an_act(root):
        return False
    return any(c.dep_ in SUBJECTS and any(w.ent_type_ in ACTOR_LABELS for w in c.subtree)
               for c in root.children)


def propose(sent: Span, coding: Coding, typer: EventTyper) -> Trigger | None:
    """The event the coder reads in a sentence without a trigger: its root verb, in the
    coder's class, when the coder is sure (``MIN_PROPOSE_CONFIDENCE``). Material conflict
    asks more (``_material_act``): no word of violence was found, so it is coercion."""
    if not worth_coding(sent):
        return None
    sure = family_probability(coding, four_class(coding.quad))
    if coding.quad in PROPOSE_CLASSES and sure >= MIN_PROPOSE_CONFIDENCE:
        return replace(_root_trigger(sent.root, coding, typer), extractor=PROPOSED)
    if coding.quad == 4 and sure >= MIN_PROPOSE_MATERIAL and _material_act(sent.root):
        trig = _root_trigger(sent.root, coding, typer)
        if trig.plover == CLASS_PLOVER[4]:  # no lexicon sense of the verb says violence
            trig = replace(trig, plover=COERCE, mode=None, acled=None)
        return replace(trig, extractor=PROPOSED)
    return None


def _material_act(root: Token) -> bool:
    """A root verb in the active voice doing something to a thing or people: it has a
    direct object ("launched cyber warfare", "closed its borders", "held civilians as
    shields"); not a passive ("has been emboldened by the victory")."""
    return any(c.dep_ in ("dobj", "obj") for c in root.children) \
        and not any(c.dep_ in ("nsubjpass", "auxpass") for c in root.children)


def choose(sent: Span, trigs: Sequence[Trigger], coding: Coding, typer: EventTyper,
           reporting: frozenset[str] = frozenset()) -> tuple[list[Trigger], Trigger | None]:
    """The sentence's triggers as the coder reads them, and the main one (see the module's
    docstring); the main trigger carries the coder's class. ``reporting``: lemmas of verbs
    that report or deny what their clause tells (a root among them is the report, whose
    content the triggers are: never an event of its own)."""
    trigs = list(trigs)
    want = four_class(coding.quad)
    agree = [t for t in trigs if four_class(typer.sentence_quad(sent, t)) == want]
    if agree:
        main = main_trigger(sent, agree)
        assert main is not None
        return _marked(trigs, main, replace(main, quad=coding.quad))
    main = main_trigger(sent, trigs)
    if main is None:
        return trigs, None
    root = sent.root
    if coding.quad in ROOT_CLASSES and main.token_i != root.i \
            and _tells_an_act(root) \
            and root.lemma_.lower() not in reporting \
            and all(t.token_i != root.i for t in trigs):
        new = _root_trigger(root, coding, typer)
        return sorted([*trigs, new], key=lambda t: t.start), new
    have = four_class(typer.sentence_quad(sent, main))
    if family_probability(coding, want) < MIN_CLASS_CONFIDENCE:
        return trigs, main
    if _reported(sent, main) or (have, want) in KEEP_RULES:
        # the trigger keeps its own type (what was said to happen, or the rules' sense
        # the coder may not overturn); the sentence's class is the coder's ("said it
        # would release" is an intent to cooperate, "claimed that they had attacked" a
        # claim of responsibility, "violated a ceasefire" material conflict)
        return _marked(trigs, main, replace(main, quad=coding.quad))
    new = replace(_sense(main, coding.quad, typer), quad=coding.quad)
    return _marked(trigs, main, new)


def _marked(trigs: list[Trigger], old: Trigger, new: Trigger) -> tuple[list[Trigger], Trigger]:
    return [new if t is old else t for t in trigs], new


def _root_trigger(root: Token, coding: Coding, typer: EventTyper) -> Trigger:
    from eventwire.model.candidates import Trigger

    bare = Trigger(start=root.idx, end=root.idx + len(root.text), token_i=root.i,
                   lemma=root.lemma_.lower(), plover=CLASS_PLOVER[coding.quad],
                   confidence=round(family_probability(coding, four_class(coding.quad)), 3),
                   extractor=EXTRACTOR)
    return replace(_sense(bare, coding.quad, typer), quad=coding.quad)


def _reported(sent: Span, trig: Trigger) -> bool:
    """Is the trigger inside reported words ("officials denied that anyone had been
    arrested")? The coder's class then reads the report, not the trigger's own event."""
    tok = sent.doc[trig.token_i]
    while tok.head.i != tok.i:
        if tok.dep_ in ("ccomp", "parataxis"):
            return True
        tok = tok.head
    return False


def family_probability(coding: Coding, family: int) -> float:
    """The coder's probability of a 4-class family (classes 0 and 1 together)."""
    return sum(p for q, p in enumerate(coding.probs) if four_class(q) == family)


def _sense(trig: Trigger, quad: int, typer: EventTyper) -> Trigger:
    """The trigger typed in the coder's class: a lexicon sense of the same words, else
    the class's generic category (no mode, no ACLED type: the words do not give them)."""
    want = four_class(quad)
    for entry in typer.lexicon.candidates(trig.lemma.split()[0]):
        if " ".join(entry.lemmas) == trig.lemma and not entry.is_stop \
                and four_class(entry.quad_class) == want:
            return replace(trig, plover=entry.plover, mode=entry.mode, acled=entry.acled,
                           extractor=EXTRACTOR)
    return replace(trig, plover=CLASS_PLOVER[quad], mode=None, acled=None, extractor=EXTRACTOR)


def role_spans(sent: Span, coding: Coding, trig: Trigger) -> tuple[Span | None, Span | None]:
    """The coder's source and target as spaCy spans of ``sent`` (None when not tagged,
    too weak, or overlapping the trigger's own words)."""
    out: list[Span | None] = []
    for role in ("source", "target"):
        tagged = coding.best(role)
        span = None
        if tagged is not None and tagged.score >= MIN_ROLE_SCORE:
            start, end = sent.start_char + tagged.start, sent.start_char + tagged.end
            if end <= trig.start or start >= trig.end:
                span = sent.doc.char_span(start, end, alignment_mode="expand")
        out.append(span)
    return out[0], out[1]
