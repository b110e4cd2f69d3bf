"""Event triggers: lexicon matches over a parsed sentence, refined by parse rules.

``EventTyper.load()`` reads ``data/triggers.tsv`` once (and the sentence classifier, when
one is given); ``typer.triggers(sent)`` returns the sentence's typed triggers, sorted by
start and non-overlapping. The rules here are general mechanisms over the parse (which
words a phrase may skip, when "fall"/"control" denote territory, whose cue words refine
the ACLED sub-type); the words themselves live in the lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.errors import SetupError
from eventwire.extract.happenings import Support, absorbed, fold, read_support, support_parts
from eventwire.extract.lexicon import PLOVER_QUAD, Entry, Lexicon, load_lexicon
from eventwire.extract.roles import roles
from eventwire.model.candidates import Trigger
from eventwire.nlp.pipeline import data_path

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span, Token

    from eventwire.extract.eventcat import EventCat

EXTRACTOR = "lexicon.v1"
RULE_EXTRACTOR = "rule.v1"
SUPPORT_FILE = "eventloc/support_verbs.tsv"
SKIPPABLE = ("DET", "ADJ", "NUM", "PRON", "ADV", "PART")  # may sit inside a phrase
MAX_SKIP = 2
CONTROL_VERBS = ("take", "retake", "regain", "seize", "gain", "wrest", "assume", "recapture",
                 "establish", "impose", "extend")
PLACE_ENTS = ("GPE", "LOC", "FAC")
PERSON_ENTS = ("PERSON", "NORP")
TERRITORY = ("Battles", "Government regains territory")
OVERTAKE = ("Battles", "Non-state actor overtakes territory")
ATTACK = ("Violence against civilians", "Attack")
CLASH = ("Battles", "Armed clash")
WEAK_CONFIDENCE = 0.6
DESCRIPTIVE_DEPS = ("amod", "compound")
ABSORB_DEPS = ("pobj", "agent", "compound", "amod", "nmod", "dobj", "xcomp", "nsubj")
REMOTE = "Explosions/Remote violence"
ARREST = ("Strategic developments", "Arrests")
ABDUCT = ("Violence against civilians", "Abduction/forced disappearance")
SEIZURE = ("Strategic developments", "Other")
WEAPONS_SEIZED = ("Strategic developments", "Disrupted weapons use")
LOOTING = ("Strategic developments", "Looting/property destruction")
MEANS = {  # in order of precedence: "a suicide car bomb" is a suicide bomb
    "chemical": "Chemical weapon", "suicide": "Suicide bomb", "aerial": "Air/drone strike",
    "artillery": "Shelling/artillery/missile attack", "grenade": "Grenade",
    "explosive": "Remote explosive/landmine/IED",
}
NOT_BY_MEANS = ("occupy", "abduct", "arrest", "seize", "crowd-control")


@dataclass(frozen=True)
class Match:
    """A lexicon entry matched on tokens ``tokens`` (doc indices) with head ``head``."""

    entry: Entry
    tokens: tuple[int, ...]
    head: int


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _pos_ok(entry: Entry, tok: Token) -> bool:
    if entry.pos == "ANY":
        return True
    if len(entry.lemmas) > 1:  # a phrase: only a verb phrase asks its head to be a verb
        return entry.pos != "VERB" or tok.pos_ == "VERB"  # "fired at" yes, "a fire at" no
    if entry.pos == "VERB":
        return tok.pos_ == "VERB"
    if entry.pos == "NOUN":
        return tok.pos_ == "NOUN"
    return tok.pos_ == entry.pos


def _match_at(sent: Span, i: int, entry: Entry) -> tuple[int, ...] | None:
    """Doc indices of ``entry`` matched from token ``i``, allowing a few skippable words."""
    doc = sent.doc
    got = [i]
    j = i + 1
    for lemma in entry.lemmas[1:]:
        skipped = 0
        while j < sent.end and _lemma(doc[j]) != lemma and doc[j].lower_ != lemma:
            if doc[j].pos_ not in SKIPPABLE or skipped >= MAX_SKIP:
                return None
            skipped += 1
            j += 1
        if j >= sent.end:
            return None
        got.append(j)
        j += 1
    return tuple(got)


def _head_of(sent: Span, idx: tuple[int, ...]) -> int:
    """The token of a matched phrase whose syntactic head lies outside the phrase."""
    doc = sent.doc
    for i in idx:
        if doc[i].head.i not in idx or doc[i].head.i == i:
            return i
    return idx[-1]


class EventTyper:
    """Finds and types event triggers; built once, reused for every sentence."""

    def __init__(self, lexicon: Lexicon, model: EventCat | None = None,
                 nlp: Language | None = None, support: Support | None = None) -> None:
        self.lexicon = lexicon
        self.model = model
        self.nlp = nlp  # only ``classify(text)`` needs it, to parse the text
        # support verbs ("launched an attack"): words of the event, not events
        self.support = read_support(data_path(SUPPORT_FILE)) if support is None else support

    @classmethod
    def load(cls, model_path: Path | None = None, lexicon_path: Path | None = None,
             nlp: Language | None = None) -> EventTyper:
        """Read the lexicon (and the eventcat model, built by scripts/train_eventcat.py)."""
        lexicon = load_lexicon(lexicon_path or data_path("triggers.tsv"))
        model = None
        if model_path is not None:
            from eventwire.extract.eventcat import EventCat

            if not model_path.exists():
                raise SetupError(f"event classifier {model_path} not found: build it with "
                                 "`.venv/bin/python scripts/train_eventcat.py`")
            model = EventCat.load(model_path)
        return cls(lexicon, model, nlp)

    # ------------------------------------------------------------------ matching
    def matches(self, sent: Span) -> list[Match]:
        """Greedy longest-first lexicon matches; STOP phrases block what they cover."""
        doc = sent.doc
        found: list[Match] = []
        taken: set[int] = set()
        for i in range(sent.start, sent.end):
            if i in taken:
                continue
            tok = doc[i]
            for key in dict.fromkeys((_lemma(tok), tok.lower_)):
                hit = self._first_match(sent, i, key, taken)
                if hit is not None:
                    taken.update(hit.tokens)
                    found.append(hit)
                    break
        return [m for m in found if not m.entry.is_stop]

    def _first_match(self, sent: Span, i: int, key: str, taken: set[int]) -> Match | None:
        for entry in self.lexicon.candidates(key):
            idx = _match_at(sent, i, entry)
            if idx is None or taken.intersection(idx):
                continue
            head = _head_of(sent, idx)
            if not _pos_ok(entry, sent.doc[head]) or _dated_particle(sent, idx):
                continue
            return Match(entry, idx, head)
        return None

    # ------------------------------------------------------------------ API
    def triggers(self, sent: Span) -> list[Trigger]:
        """Typed triggers of ``sent``: character offsets into the Doc, sorted, disjoint."""
        out: list[Trigger] = []
        for m in self.matches(sent):
            trig = self._refine(sent, m)
            if trig is not None:
                out.append(trig)
        out.extend(self._control_triggers(sent, out))
        out = _absorb_modifiers(sent, out)
        out.sort(key=lambda t: (t.start, t.end))
        out = _disjoint(out)
        out = fold(sent, out, self._notes,
                   lambda t: self._cue(roles(sent, t)[1], self.lexicon.target_cues),
                   lambda t: self._cue(roles(sent, t)[0], self.lexicon.agent_cues))
        return support_parts(sent, out, self.support)

    def _notes(self, trig: Trigger) -> str:
        """The lexicon notes of the entry ``trig`` came from ("" for a rule's trigger)."""
        for entry in self.lexicon.candidates(trig.lemma.split()[0]):
            if " ".join(entry.lemmas) == trig.lemma and entry.plover == trig.plover:
                return entry.notes
        return ""

    def classify(self, text: str) -> tuple[str, float]:
        """The sentence's CAMEO quad class (``"0"``..``"4"``) and its probability."""
        if self.nlp is None:
            raise SetupError("EventTyper.classify(text) needs EventTyper.load(..., nlp=nlp)")
        return self.classify_span(self.nlp(text)[:])

    def classify_span(self, sent: Span) -> tuple[str, float]:
        """The quad class of a parsed sentence: eventcat.v1, else the main trigger's class."""
        from eventwire.extract.eventcat import features, main_trigger

        if self.model is not None:
            return self.model.predict_features(features(sent, self))
        main = main_trigger(sent, self.triggers(sent))
        return (str(self.sentence_quad(sent, main)), main.confidence) if main else ("0", 0.5)

    # ------------------------------------------------------------------ rules
    def _refine(self, sent: Span, m: Match) -> Trigger | None:
        doc = sent.doc
        head = doc[m.head]
        entry = m.entry
        if entry.lemmas == ("fall",) and not _has_place_of(head):
            return None  # "fall" is territorial only as "the fall of <place>"
        if len(m.tokens) == 1 and head.pos_ == "VERB" and head.dep_ in DESCRIPTIVE_DEPS:
            return None  # participle used as an adjective: "freezing conditions"
        if entry.plover == "SUPPORT" and head.dep_ == "acl":
            return None  # "rebels backed by the U.S.": a description, not an event
        if "clause:" in entry.notes and head.dep_ == "acl":
            return None  # "shells fired into the market": the shells are the act
        if "opinion" in entry.notes and predicative(head):
            return None  # "considers all rebels to be terrorists": a view held, not an act
        if len(m.tokens) == 1 and head.pos_ == "NOUN" and self._names_a_thing(head):
            return None  # "riot police", "protest leaders", "the opposition": who, not what
        wanted = _object_class(entry.notes)
        if wanted and self._acted_on_class(sent, head) not in wanted:
            return None  # "found weapons" is a disrupted weapons use, "found a way" nothing
        start = doc[m.tokens[0]].idx
        end = doc[m.tokens[-1]].idx + len(doc[m.tokens[-1]])
        weak = "weak" in entry.notes
        trig = Trigger(
            start=start, end=end, token_i=m.head, lemma=" ".join(entry.lemmas),
            plover=entry.plover, mode=entry.mode, acled=entry.acled,
            confidence=WEAK_CONFIDENCE if weak else 1.0, extractor=EXTRACTOR,
        )
        if entry.mode == "occupy":
            trig = self._territory(sent, trig, undergoer="undergoer" in entry.notes)
        elif trig.acled in (ATTACK, CLASH):
            trig = self._means(sent, self._victims(sent, trig))
        elif trig.plover == "ASSAULT":
            trig = self._means(sent, trig)  # "warplanes destroyed the depot": an air strike
        if trig.acled in (SEIZURE, LOOTING) and self._acted_on_class(sent, head) == "weapon":
            trig = replace(trig, acled=WEAPONS_SEIZED)  # "confiscated firearms", "destroyed an arms depot"
        return trig

    def _names_a_thing(self, tok: Token) -> bool:
        """An event noun used to name a party: a modifier of a noun for people ("riot
        police", "protest leaders"), or a word for a side ("the opposition") with no
        "to"/"against" of its own."""
        head = tok.head.lemma_.lower()
        if tok.dep_ == "compound" and (head in self.lexicon.agent_cues
                                       or self.lexicon.taken_cues.get(head) == "person"):
            return True
        return tok.lemma_.lower() in self.lexicon.agent_cues and not any(
            c.dep_ == "prep" and c.lower_ in ("to", "against") for c in tok.children)

    def _acted_on_class(self, sent: Span, tok: Token) -> str | None:
        """The cue class (weapon, post, territory, person) of what a verb acts on: its
        object, or its passive subject, read on any word of the phrase."""
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "obj")]
        for obj in objs:
            for t in [obj, *obj.subtree]:
                cue = self.lexicon.taken_cues.get(t.lemma_.lower())
                if cue in ("weapon", "post"):
                    return cue
            cue = self.lexicon.taken_cues.get(obj.lemma_.lower())
            if cue is not None:
                return cue
            if obj.ent_type_ in PLACE_ENTS or obj.pos_ == "PROPN" and not obj.ent_type_:
                return "place"  # a named place: "entered Aleppo"
        return None

    def _means(self, sent: Span, trig: Trigger) -> Trigger:
        """An attack by aircraft, artillery, explosives, gas, a suicide bomber or grenades
        is typed by its means, read on the agent ("jets struck"), an instrument ("shelled
        with mortars"), a modifier ("a gas attack") or what was used in it ("used chlorine
        in an attack")."""
        if trig.mode in NOT_BY_MEANS:
            return trig
        actor1, _ = roles(sent, trig)
        tok = sent.doc[trig.token_i]
        if trig.acled is not None and trig.acled[0] == REMOTE:
            return self._delivered(sent, trig, actor1)
        words = list(actor1) if actor1 is not None else []
        words += [c for c in tok.children if c.dep_ in ("compound", "amod")]
        for prep in (c for c in tok.children if c.dep_ in ("prep", "agent")
                     and c.lower_ in ("with", "by", "from")):
            words.extend(t for p in prep.children if p.dep_ == "pobj" for t in p.subtree)
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            used = tok.head.head  # "used gas in an attack"
            words.extend(t for c in used.children if c.dep_ == "dobj" for t in c.subtree)
        if "casualty" in self._notes(trig):  # a toll told with its cause: "killed when
            # forces used chlorine gas", "wounded as a grenade went off"
            words.extend(t for c in tok.children if c.dep_ == "advcl" for t in c.subtree)
        found = {self.lexicon.means_cues.get(w.lemma_.lower()) for w in words}
        for kind in MEANS:  # the most specific means first
            if kind in found:
                return replace(trig, acled=(REMOTE, MEANS[kind]))
        return trig

    def _delivered(self, sent: Span, trig: Trigger, actor1: Span | None) -> Trigger:
        """A remote attack whose word gives its means ("bombed", "bombarded") is an air
        strike when aircraft deliver it, read on the agent ("government aircraft bombed",
        "bombarded by gunships"); a chemical or suicide attack keeps its type."""
        assert trig.acled is not None
        if trig.acled[1] in (MEANS["chemical"], MEANS["suicide"], MEANS["aerial"]):
            return trig
        tok = sent.doc[trig.token_i]
        words = list(actor1) if actor1 is not None else []
        for prep in (c for c in tok.children if c.dep_ in ("prep", "agent")
                     and c.lower_ in ("by", "from")):
            words.extend(t for p in prep.children if p.dep_ == "pobj" for t in p.subtree)
        if any(self.lexicon.means_cues.get(w.lemma_.lower()) == "aerial" for w in words):
            return replace(trig, mode="aerial", acled=(REMOTE, MEANS["aerial"]))
        return trig

    def _territory(self, sent: Span, trig: Trigger, *, undergoer: bool = False) -> Trigger:
        """Who took what. A place taken is a territory change whose direction is the
        taker's (state forces regain, others overtake); a person taken is an arrest when the
        taker is state forces or police, an abduction when it is an armed group, undecided
        otherwise; any other thing taken is a seizure. ``undergoer``: the trigger's noun is
        said of the place ("the fall of X"), so the taker is the new holder, "to/by Y"."""
        doc = sent.doc
        tok = doc[trig.token_i]
        actor1, actor2 = roles(sent, trig)
        if undergoer:
            holder = _holder(tok)
            actor1 = doc[holder.left_edge.i:holder.i + 1] if holder is not None else None
        kind = self._cue(actor1, self.lexicon.agent_cues)
        if actor2 is not None and tok.pos_ == "VERB":
            taken = self._taken(actor2)
            if taken == "person":
                if kind == "state":
                    return replace(trig, plover="COERCE", mode="arrest", acled=ARREST)
                if kind == "nonstate":
                    return replace(trig, mode="abduct", acled=ABDUCT)
                return replace(trig, plover="COERCE", mode="seize", acled=None)
            if taken in ("thing", "weapon"):
                acled = WEAPONS_SEIZED if self._acted_on_class(sent, tok) == "weapon" else SEIZURE
                return replace(trig, plover="COERCE", mode="seize", acled=acled)
        if kind == "state":
            return replace(trig, acled=TERRITORY)
        if kind == "nonstate":
            return replace(trig, acled=OVERTAKE)
        return replace(trig, acled=None) if undergoer else trig

    def _taken(self, span: Span) -> str:
        """person | place | thing: what a capture or seizure took."""
        root = span.root
        if root.ent_type_ in PERSON_ENTS or root.ent_type_ == "" and root.pos_ == "PRON":
            return "person"
        if root.ent_type_ in (*PLACE_ENTS, "ORG") or root.pos_ == "PROPN" and not root.ent_type_:
            return "place"
        cue = self.lexicon.taken_cues.get(root.lemma_.lower())
        if cue == "territory":
            return "place"
        if cue == "person":
            return "person"  # "the suspect", "two soldiers", "journalists"
        return "thing"

    def _victims(self, sent: Span, trig: Trigger) -> Trigger:
        """Violence against civilians when the target is civilian; a clash when armed."""
        _, actor2 = roles(sent, trig)
        kind = self._cue(actor2, self.lexicon.target_cues)
        if kind == "civilian":
            return replace(trig, acled=ATTACK)
        if kind == "combatant":
            return replace(trig, acled=CLASH)
        return trig

    @staticmethod
    def _cue(span: Span | None, cues: dict[str, str]) -> str | None:
        if span is None:
            return None
        for tok in span:
            kind = cues.get(tok.lemma_.lower())
            if kind is not None:
                return kind
        return None

    def _control_triggers(self, sent: Span, have: list[Trigger]) -> list[Trigger]:
        """ "take/regain control of X" and "(be) in (full) control of X": territory."""
        doc = sent.doc
        used = {t.token_i for t in have}
        out = []
        for tok in sent:
            if tok.lemma_.lower() != "control" or tok.pos_ != "NOUN" or tok.i in used:
                continue
            gov = tok.head
            if not _has_place_of(tok) and not (tok.dep_ == "dobj" and _place_after(tok, gov)):
                continue
            seized = tok.dep_ == "dobj" and gov.lemma_.lower() in CONTROL_VERBS
            held = tok.dep_ == "pobj" and gov.lower_ == "in"
            if not (seized or held):
                continue
            first = gov if seized else gov
            trig = Trigger(
                start=first.idx, end=tok.idx + len(tok), token_i=tok.i, lemma="control",
                plover="ASSAULT", mode="occupy", acled=TERRITORY, confidence=0.8,
                extractor=RULE_EXTRACTOR,
            )
            trig = self._territory(sent, trig)
            out.append(trig if doc[tok.i].i not in used else trig)
        return out

    def sentence_quad(self, sent: Span, trig: Trigger | None) -> int:
        """Quad class of the sentence's main event: refusing to cooperate is rejecting
        (CAMEO 12), so a negated cooperative trigger ("will not lift the ban") is 3."""
        if trig is None:
            return 0
        q = self.quad_of(trig)
        tok = sent.doc[trig.token_i]
        negated = any(c.dep_ == "neg" for c in tok.children) or (
            tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("refuse", "decline"))
        return 3 if negated and q in (0, 1, 2) else q

    def quad_of(self, trig: Trigger) -> int:
        """CAMEO quad class of a trigger (lexicon's quad column, else PLOVER's class)."""
        for entry in self.lexicon.candidates(trig.lemma.split()[0]):
            if " ".join(entry.lemmas) == trig.lemma and entry.plover == trig.plover:
                return entry.quad_class
        return PLOVER_QUAD.get(trig.plover, 0)


def _object_class(notes: str) -> tuple[str, ...]:
    """The cue classes an ``object:<class>`` note asks for (a post may be any ground)."""
    for part in notes.split():
        if part.startswith("object:"):
            wanted = part.split(":", 1)[1]
            if wanted == "place":  # ground: a named place or a word for territory
                return ("place", "territory", "post")
            return ("post", "territory") if wanted == "post" else (wanted,)
    return ()


def _dated_particle(sent: Span, idx: tuple[int, ...]) -> bool:
    """ "called on Friday for ...": a preposition of the phrase that introduces a date is a
    time adjunct, not the phrase's particle ("call on")."""
    doc = sent.doc
    return any(doc[i].dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in doc[i].children)
        for i in idx[1:])


def predicative(tok: Token) -> bool:
    """A verb with a predicative complement: 'considers X to be Y' (a clause of 'be'),
    'regards X as Y' ('as' with an object of its own)."""
    return any((c.dep_ in {"ccomp", "xcomp", "oprd"} and c.lemma_ == "be") or c.dep_ == "oprd"
               or (c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pobj" for g in c.children))
               for c in tok.children)


def _holder(tok: Token) -> Token | None:
    """The new holder of a fallen place: "the fall of X to Y" / "by Y"."""
    for child in tok.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("to", "by"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _place_after(tok: Token, verb: Token) -> bool:
    """The "of/over X" right after ``tok`` hung by the parser on ``verb`` ("took control
    of three villages": "of" a child of "took"); a pronoun there ("of it") is the place
    named before."""
    nxt = tok.i + 1
    if nxt >= len(tok.doc) or tok.doc[nxt].head.i != verb.i or tok.doc[nxt].lower_ not in ("of", "over"):
        return False
    return any(p.dep_ == "pobj" and (p.ent_type_ in PLACE_ENTS or p.pos_ in ("PROPN", "NOUN")
                                     or p.lower_ in ("it", "them"))
               for p in tok.doc[nxt].children)


def _has_place_of(tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "over"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (pobj.ent_type_ in PLACE_ENTS or pobj.pos_ == "PROPN"
                                            or pobj.pos_ == "NOUN"):
                    return True
    return False


def _absorb_modifiers(sent: Span, trigs: list[Trigger]) -> list[Trigger]:
    """A trigger that only qualifies another of the same category ("an offensive backed by
    airpower", "agreed to a deal") gives its mode to that trigger instead of standing as
    an event of its own."""
    doc = sent.doc
    by_tok = {t.token_i: t for t in trigs}
    drop: set[int] = set()
    for t in trigs:
        tok = doc[t.token_i]
        if tok.dep_ not in ABSORB_DEPS:
            continue
        anc = tok
        for _ in range(4):
            if anc.head.i == anc.i:
                break
            anc = anc.head
            host = by_tok.get(anc.i)
            if host is not None and host.plover == t.plover and anc.i not in drop:
                if host.mode is None and t.mode is not None:
                    # the qualifier names the means: "a car bomb killed", "backed by airpower"
                    acled = t.acled if t.acled and t.acled[0] == REMOTE else host.acled
                    by_tok[anc.i] = replace(host, mode=t.mode, acled=acled)
                by_tok[anc.i] = absorbed(by_tok[anc.i], t)
                drop.add(t.token_i)
                break
    return [by_tok[t.token_i] for t in trigs if t.token_i not in drop]


def _disjoint(trigs: list[Trigger]) -> list[Trigger]:
    out: list[Trigger] = []
    for t in trigs:
        if out and t.start < out[-1].end:
            if (t.end - t.start) > (out[-1].end - out[-1].start):
                out[-1] = t
            continue
        out.append(t)
    return out
