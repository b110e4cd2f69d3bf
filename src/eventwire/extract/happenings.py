"""One event per happening: fold the triggers of a sentence that tell one happening.

A sentence often names one happening several times: its toll ("struck the town, killing
nine people"; "were killed when a roadside bomb went off"), its purpose ("an offensive to
retake the city"), the items of one accusation ("accused of executions and destroying
hospitals"), the violence around a protest ("police fired tear gas at protesters"). Coding
each word as an event doubles the happening (PETRARCH-style coders are known for it). Here
the triggers of one happening become one trigger: the act keeps its place and, where the
others tell more of it, their type (the toll's victims, the protest's turn to violence).
The quantities a folded trigger governed go to the trigger that stays (the pipeline gives
each count to the trigger that governs it, else the nearest).

Every rule reads the parse and the lexicon's notes and cue classes; no word is spelled here.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span, Token

    from eventwire.model.candidates import Trigger

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
ADVERBIAL = ("advcl", "acl", "pcomp")  # a relative clause tells of its noun, not the act
VIOLENT = ("ASSAULT", "COERCE")
PROTESTS = "Protests"
VIOLENT_DEMO = ("Riots", "Violent demonstration")
EXCESSIVE = (PROTESTS, "Excessive force against protesters")
INTERVENTION = (PROTESTS, "Protest with intervention")
STATE = "state"
REMOTE = "Explosions/Remote violence"
LOOTING = ("Strategic developments", "Looting/property destruction")
WEAPONS_SEIZED = ("Strategic developments", "Disrupted weapons use")
MAX_UP = 8


def absorbed(host: Trigger, *gone: Trigger) -> Trigger:
    """``host`` with the words of the triggers folded into it among its parts."""
    spans = [*host.parts, *((g.start, g.end) for g in gone), *(p for g in gone for p in g.parts)]
    return replace(host, parts=tuple(sorted(set(spans))))


def clause_of(tok: Token) -> Token:
    """The head of the clause ``tok`` is in: the nearest verb (itself included) with a
    subject of its own, else the sentence root."""
    cur = tok
    for _ in range(MAX_UP):
        if cur.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECTS for c in cur.children):
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def linked(a: Token, b: Token) -> bool:
    """``a`` and ``b`` tell one happening's parts: the same clause, or one clause is an
    adverbial clause of the other ("killed when a bomb went off"), or of a passive clause
    joined to the other ("one was killed and two were hurt when a mine exploded")."""
    return bool({t.i for t in _clauses(a)} & {t.i for t in _clauses(b)})


def _clauses(tok: Token) -> list[Token]:
    """The clause of ``tok`` and the clauses it hangs from as an adverbial clause or as a
    passive conjunct."""
    out = [clause_of(tok)]
    for _ in range(3):
        c = out[-1]
        passive_conj = c.dep_ == "conj" and any(k.dep_ == "nsubjpass" for k in c.children)
        if c.head.i == c.i or not (c.dep_ in ADVERBIAL or passive_conj):
            break
        out.append(clause_of(c.head))
    return out


def descends(tok: Token, anc: Token) -> bool:
    return any(a.i == anc.i for a in tok.ancestors)


def is_casualty(t: Trigger, notes: Callable[[Trigger], str]) -> bool:
    return t.plover == "ASSAULT" and "casualty" in notes(t)


def intended(tok: Token) -> bool:
    """An act only aimed at: a to-infinitive ("to retake") or a gerund complement ("the
    goal of retaking")."""
    return tok.dep_ == "pcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def fold(sent: Span, trigs: list[Trigger], notes: Callable[[Trigger], str],
         victims: Callable[[Trigger], str | None],
         agent_kind: Callable[[Trigger], str | None]) -> list[Trigger]:
    """The sentence's triggers with those of one happening folded together. ``notes``: the
    lexicon notes of a trigger; ``victims``: civilian|combatant from its target;
    ``agent_kind``: state|nonstate from its agent."""
    doc = sent.doc
    keep = {t.token_i: t for t in trigs}
    order = [t.token_i for t in trigs]

    def alive(i: int) -> bool:
        return i in keep

    # a toll folds into the act it follows from; two tolls of one clause into the first
    for c in trigs:
        if not alive(c.token_i) or not is_casualty(c, notes):
            continue
        ctok = doc[c.token_i]
        acts = [keep[i] for i in order if alive(i) and i != c.token_i
                and keep[i].plover == "ASSAULT" and linked(doc[i], ctok)]
        causes = [a for a in acts if not is_casualty(a, notes)]
        tolls = [a for a in acts if is_casualty(a, notes) and a.token_i < c.token_i]
        host = min(causes, key=lambda a: abs(a.token_i - c.token_i)) if causes else (
            tolls[0] if tolls else None)
        if host is None:
            continue
        keep[host.token_i] = absorbed(_with_victims(host, c, victims), c)
        del keep[c.token_i]
    # tolls alone ("seven were killed, and eleven wounded in mortar shells"): one
    # happening, typed by the means one of them names, kept at the first
    tolls = [keep[i] for i in order if alive(i) and keep[i].plover == "ASSAULT"]
    if len(tolls) > 1 and all(is_casualty(t, notes) for t in tolls):
        means = next((t.acled for t in tolls if t.acled and t.acled[0] == REMOTE), None)
        if means is not None:
            first = tolls[0]
            keep[first.token_i] = absorbed(replace(first, acled=means, mode=first.mode or next(
                t.mode for t in tolls if t.acled == means)), *tolls[1:])
            for t in tolls[1:]:
                del keep[t.token_i]
    # an act only aimed at folds into the act of its clause ("an offensive to retake")
    for v in trigs:
        vtok = doc[v.token_i]
        if not alive(v.token_i) or v.plover != "ASSAULT" or not intended(vtok):
            continue
        aims = [i for i in order if alive(i) and i != v.token_i and keep[i].plover == "ASSAULT"
                and not intended(doc[i]) and linked(doc[i], vtok)]
        if aims:
            keep[aims[0]] = absorbed(keep[aims[0]], keep[v.token_i])
            del keep[v.token_i]
    # the items of one accusation are one alleged happening
    for r in trigs:
        if r.plover != "ACCUSE" or not alive(r.token_i):
            continue
        items = [i for i in order if alive(i) and keep[i].plover in VIOLENT
                 and (descends(doc[i], doc[r.token_i]) or _coordinated(doc[i], doc[r.token_i]))
                 and not _own_subject(doc[i])]
        for i in items[1:]:
            keep[items[0]] = absorbed(keep[items[0]], keep[i])
            del keep[i]
    # what a weapons seizure took ("seized rifles and a grenade") is no attack
    for w in trigs:
        if alive(w.token_i) and w.acled == WEAPONS_SEIZED:
            for i in order:
                if alive(i) and i != w.token_i and descends(doc[i], doc[w.token_i]):
                    keep[w.token_i] = absorbed(keep[w.token_i], keep[i])
                    del keep[i]
    # "the fall of X marks ...": a happening named as the subject of a comment on it is
    # told elsewhere; it stays only when the sentence tells nothing else
    for n in trigs:
        if alive(n.token_i) and len(keep) > 1 and _referred_to(doc[n.token_i], keep):
            del keep[n.token_i]
    _fold_protest(doc, keep, order, agent_kind, notes)
    return [keep[i] for i in order if alive(i)]


def _referred_to(tok: Token, keep: dict[int, Trigger]) -> bool:
    """A definite event noun with an "of" argument, subject of a verb that is no event
    and says nothing that happened of it."""
    verb = tok.head
    if not (tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") and verb.i not in keep
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)):
        return False
    # what the verb says of it is no happening ("marks a turning point"), unlike "ended
    # the siege"; a relative clause there tells of its own noun
    said = [t for c in verb.children if c.i != tok.i and c.dep_ not in SUBJECTS
            for t in c.subtree if not any(a.dep_ == "relcl" for a in (t, *t.ancestors)
                                          if a.i != verb.i and descends(a, verb))]
    return not any(t.i in keep for t in said)


def _own_subject(tok: Token) -> bool:
    """A clause with a subject of its own tells its own happening ("condemned the bombing
    and said its forces had arrested two suspects"), not an item of the charge."""
    return any(c.dep_ in SUBJECTS for c in tok.children)


def _coordinated(tok: Token, verb: Token) -> bool:
    """``tok`` is a conjunct of ``verb`` with no subject of its own (parsers attach the
    second item of a list of charges to the accusing verb)."""
    return tok.dep_ == "conj" and tok.head.i == verb.i and not any(
        c.dep_ in SUBJECTS for c in tok.children)


def _with_victims(host: Trigger, toll: Trigger,
                  victims: Callable[[Trigger], str | None]) -> Trigger:
    """The act, typed by the toll's means when the toll names them and the act does not
    ("killed and wounded in air strikes"); a destruction of property by the toll's violence
    (people killed outweigh a house burned); else by the toll's victims when the act's own
    target does not decide."""
    if toll.acled and toll.acled[0] == REMOTE and (host.acled is None or host.acled[0] != REMOTE):
        return replace(host, acled=toll.acled, mode=host.mode or toll.mode)
    if host.acled == LOOTING and toll.acled and toll.acled[0] in ("Battles", "Violence against civilians"):
        return replace(host, acled=toll.acled)  # "killed the chief and burned his house": the killing
    if host.acled is None or host.acled[0] not in ("Battles", "Violence against civilians"):
        return host
    if victims(host) is not None:
        return host
    kind = victims(toll)
    if kind == "civilian":
        return replace(host, acled=("Violence against civilians", "Attack"))
    if kind == "combatant":
        return replace(host, acled=("Battles", "Armed clash"))
    return host


def _fold_protest(doc: Doc, keep: dict[int, Trigger], order: list[int],
                  agent_kind: Callable[[Trigger], str | None],
                  notes: Callable[[Trigger], str]) -> None:
    """A protest and the violence around it are one happening, typed by who used force:
    the protesters (violent demonstration), state forces firing, beating or killing
    (excessive force), state forces dispersing or detaining (protest with intervention)."""
    protests = [i for i in order if i in keep and keep[i].plover == "PROTEST"
                and keep[i].acled is not None]
    if not protests:
        return
    host = keep[protests[0]]
    for i in protests[1:]:  # "demonstrators detained during the rally": one protest
        if linked(doc[i], doc[host.token_i]):  # typed by the stronger ("turned violent")
            other = keep[i].acled
            if other is not None:
                host = replace(host, acled=_stronger(host.acled, other))
            host = absorbed(host, keep[i])
            del keep[i]
    protests = [i for i in protests if i in keep]
    keep[host.token_i] = replace(keep[host.token_i], parts=host.parts)
    force = [keep[i] for i in order if i in keep and keep[i].plover in VIOLENT]
    if not force:
        return
    typed = host.acled
    for t in force:
        if not any(linked(doc[p], doc[t.token_i]) for p in protests):
            continue
        kind = agent_kind(t)
        if t.acled in (EXCESSIVE, INTERVENTION):
            typed = _stronger(typed, t.acled)
        elif "reciprocal" in notes(t) and _with_protesters(doc, t, protests):
            typed = _stronger(typed, VIOLENT_DEMO)  # "police clashed with protesters"
        elif kind == STATE and t.plover == "ASSAULT":
            typed = _stronger(typed, EXCESSIVE)
        elif kind == STATE and t.acled and t.acled[1] == "Arrests":
            typed = _stronger(typed, INTERVENTION)
        elif kind != STATE and t.plover == "ASSAULT" and _by_protesters(doc, t, protests):
            typed = _stronger(typed, VIOLENT_DEMO)
        elif kind is None and is_casualty(t, notes):  # "injured as police dispersed a march"
            typed = _stronger(typed, EXCESSIVE)
        else:
            continue
        host = absorbed(host, t)
        del keep[t.token_i]
    keep[host.token_i] = replace(host, acled=typed)


# ACLED's codebook: demonstrators who use violence make a violent demonstration whatever
# force met them; excessive force is force against peaceful protesters
RANK = {INTERVENTION: 1, EXCESSIVE: 2, VIOLENT_DEMO: 3}


def _with_protesters(doc: Doc, t: Trigger, protests: list[int]) -> bool:
    """A fight both sides wage whose other side is the protest: a protest word in its
    "with"/"between" object or its subject ("clashed with protesters", "clashes between
    police and demonstrators")."""
    tok = doc[t.token_i]
    sides = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
             for g in c.subtree]
    sides += [g for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for g in c.subtree]
    return any(doc[p].i == g.i for p in protests for g in sides)


def _stronger(a: tuple[str, str] | None, b: tuple[str, str]) -> tuple[str, str]:
    return b if a is None or RANK.get(b, 0) > RANK.get(a, 0) else a


def _by_protesters(doc: Doc, t: Trigger, protests: list[int]) -> bool:
    """The protesters did it: a protest word in the act's subject ("protesters clashed
    with police"), a protest verb of the act's clause ("rallied and pelted the forces"),
    or the act told as part of the protest ("clashes during the protest")."""
    tok = doc[t.token_i]
    clause = clause_of(tok)
    own = [c for c in tok.children if c.dep_ in ("nsubj", "csubj", "agent")]
    if not own and tok.pos_ == "VERB":  # "rallied and pelted": the clause's subject
        own = [c for c in clause.children if c.dep_ in ("nsubj", "csubj")]
    subjects = own
    for p in (doc[i] for i in protests):
        if any(p.i == s.i or descends(p, s) for s in subjects):
            return True
        if p.pos_ == "VERB" and clause_of(p).i == clause.i:
            return True
        if descends(p, tok) and not _acted_on(p, tok):
            return True
    return False


def _acted_on(tok: Token, act: Token) -> bool:
    """``tok`` sits in an object or prepositional object below ``act`` (through any
    conjoined verb: "attacked and injured a march")."""
    chain: list[Token] = []
    for anc in [tok, *tok.ancestors]:
        if anc.i == act.i:
            return any(t.dep_ in ("dobj", "obj", "pobj", "nsubjpass", "dative") for t in chain)
        chain.append(anc)
    return False


# --- the words of a happening that are no trigger of their own ------------------------
# "ISIS launched an assault in X, targeting the airport": the assault is the event; the
# verb that launched it and the participle telling what it targeted are its words. They
# become parts of the event (``Trigger.parts``), never events of their own.

Support = dict[str, tuple[tuple[tuple[str, ...], str], ...]]
NOUN_ROLES = {"object": ("dobj", "nsubjpass"), "subject": ("nsubj",)}
ADJUNCTS = ("advcl", "acl", "xcomp")


def read_support(path: Path) -> Support:
    """``data/eventloc/support_verbs.tsv``: first lemma -> ((whole phrase, role), ...)."""
    rows: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    for line in lines[1:]:
        phrase, role = line.split("\t")[:2]
        words = tuple(phrase.split())
        rows.setdefault(words[0], []).append((words, role.strip()))
    return {k: tuple(v) for k, v in rows.items()}


def _supports(verb: Token, role: str, support: Support) -> bool:
    """Is ``verb`` a support verb in ``role``, with the particle or object its phrase needs?"""
    for words, r in support.get(verb.lemma_.lower(), ()):
        if r == role and all(any(c.lemma_.lower() == w and c.dep_ in ("prt", "dobj", "prep")
                                 for c in verb.children) for w in words[1:]):
            return True
    return False


def support_parts(sent: Span, trigs: list[Trigger], support: Support) -> list[Trigger]:
    """Each trigger with the support verb of its event noun and the participles that tell
    what it did among its parts (words that are triggers themselves stay events)."""
    doc = sent.doc
    taken = {t.token_i for t in trigs}
    out = []
    for t in trigs:
        tok = doc[t.token_i]
        anchors = [tok]
        words = []
        if tok.pos_ in ("NOUN", "PROPN"):
            # "launched a wave of attacks": the noun the event noun counts stands for it
            noun = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" \
                and tok.head.head.pos_ == "NOUN" and tok.head.head.i not in taken else tok
            verb = noun.head
            role = next((r for r, deps in NOUN_ROLES.items() if noun.dep_ in deps), None)
            if verb.i != noun.i and verb.pos_ in ("VERB", "AUX") and verb.i not in taken \
                    and role is not None and _supports(verb, role, support):
                anchors.append(verb)
            # "an offensive that targeted the districts": a relative clause of the noun
            for c in tok.children:
                if c.dep_ == "relcl" and c.i not in taken and any(
                        g.dep_ in ("nsubj", "nsubjpass") and g.tag_ == "WDT" for g in c.children) \
                        and _supports(c, "subject", support):
                    words.append((c.idx, c.idx + len(c)))
        words += [(a.idx, a.idx + len(a)) for a in anchors[1:]]
        for a in anchors:
            for c in a.children:
                # "..., targeting the town"; "began the assault by targeting the hill"
                adjuncts = [c] if c.dep_ in ADJUNCTS else [
                    g for g in c.children if g.dep_ == "pcomp"] if c.dep_ == "prep" and c.lower_ == "by" else []
                words += [(g.idx, g.idx + len(g)) for g in adjuncts
                          if g.tag_ == "VBG" and g.i not in taken
                          and not any(k.dep_ in SUBJECTS for k in g.children)
                          and _supports(g, "adjunct", support)]
        out.append(replace(t, parts=tuple(sorted({*t.parts, *words}))) if words else t)
    return out
