"""ACLED sub-event types by the codebook's definitions, read over a sentence's triggers.

The lexicon types each trigger by its own words ("protest": a peaceful protest, "killed":
an armed clash or an attack by its victims). ACLED's codebook types a happening by what
the whole report says of it; this pass applies its definitions to the triggers of one
sentence, with the cue words of ``data/acled/cues.json``:

- **demonstrations**: a demonstration where the demonstrators use violence or damage
  property is a violent demonstration (Riots), whatever force met it; peaceful
  demonstrators met with lethal force or serious injury, excessive force against
  protesters; dispersed, tear-gassed or detained, a protest with intervention; else a
  peaceful protest. The course of a demonstration is often told in the sentence after the
  one that names it, so both are read. Arrests and force against the demonstrators, and
  clashes with them, are the demonstration, not events of other types
  (``acled_demonstration``).
- **means**: violence whose sentence names its means is typed by the most specific of
  them (chemical weapon, suicide bomb, air/drone strike, shelling, grenade, remote
  explosive): "attacks with poisonous gas ... killed", "rockets fired ... explosions".
- **not political violence**: a toll or a blast whose sentence gives a cause that is no
  violence (a quake, a factory blast) and names no means or party of war has no ACLED type.
- **agreements**: an agreement between parties (a ceasefire, a peace deal, an exchange
  of prisoners) is ACLED's Agreement, also where the verb that made it has a type of its
  own ("struck an accord"); the violence it ends is its background (``acled_agreement``).
- **territory**: ground taken without fighting or handed over is a non-violent transfer;
  a movement on a place told with violence against civilians is that attack
  (``acled_territory``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.extract.acled_cues import (
    AGREEMENT, ARRESTS, ATTACK, BATTLES, BY_MEANS, CIVILIANS, CLASH, Cues, DISTINCTIVE,
    DOERLESS, GROUND_EXTRACTOR, LOOTING, MOB, OVERTAKE, PROTESTS, REMOTE, RIOTS, SEIZURE,
    SEXUAL, TAKEN, TERRITORY, TRANSFER, USED_EXTRACTOR, VIOLENT_PLOVER, WEAPONS_SEIZED, find,
    load_cues, token_keys,
)
from eventwire.extract.acled_agreement import agreed_background, agreement, agreement_struck
from eventwire.extract.acled_demonstration import (
    demonstration_type, in_demonstration, sentence_and_next,
)
from eventwire.extract.acled_territory import movement_on_civilians, peaceful_taking
from eventwire.extract.happenings import clause_of, linked
from eventwire.extract.roles import roles
from eventwire.model.candidates import Trigger

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span, Token


def _means_type(sent: Span, trig: Trigger, cues: Cues) -> tuple[str, str] | None:
    """The most specific means named in the trigger's clauses, where it makes the
    trigger's type more specific (a clash or an attack by its means; a remote attack by a
    means ranked before its own: a suicide bomber's blast is a suicide bomb)."""
    if trig.acled not in BY_MEANS and (trig.acled is None or trig.acled[0] != REMOTE):
        return None
    order = [sub for sub, _ in cues.means]
    rank = order.index(trig.acled[1]) if trig.acled[1] in order else len(order)
    tok = sent.doc[trig.token_i]
    window = list(sentence_and_next(sent))
    generic = tok.lemma_.lower() in cues.generic_blast
    for sub, phrases in cues.means[:rank]:
        # a chemical agent or a suicide attacker named anywhere in the report of an attack
        # makes it that attack; the other means only in the act's own clause (a bare
        # blast word: in a clause linked to it)
        wide = sub in DISTINCTIVE
        if any(not _tear_gas(t) and (wide or _same_clause(t, tok) or generic and linked(t, tok))
               for t in find(window if wide else list(sent), phrases)):
            return (REMOTE, sub)
    return None


def _same_clause(word: Token, act: Token) -> bool:
    """``word`` tells of ``act`` itself: in the act's clause, not in a clause of its own
    joined to it ("seized a town, while a bomb killed five": the bomb is not the seizure's)."""
    return clause_of(word).i == clause_of(act).i


def _tear_gas(tok: Token) -> bool:
    return tok.i > 0 and tok.doc[tok.i - 1].lower_ == "tear"


def _not_conflict(sent: Span, trig: Trigger, cues: Cues) -> bool:
    """A toll or blast with a cause that is no violence and no means or party of war."""
    if trig.acled is None or trig.acled[0] not in (BATTLES, CIVILIANS, REMOTE) and trig.acled != LOOTING:
        return False
    words = list(sentence_and_next(sent))  # "... were killed. Another 22 were hurt in the accident"
    if not find(words, cues.causes) or find(words, cues.armed):
        return False
    return not any(find(words, phrases) for sub, phrases in cues.means
                   if sub != "Shelling/artillery/missile attack")


def _on_civilians(sent: Span, trig: Trigger, cues: Cues) -> bool:
    """A clash whose target is civilians or their places ("attacked a college campus",
    "fired on a group of farmers"), or whose sentence names civilian victims and no armed
    side as target."""
    if trig.acled != CLASH:
        return False
    tok = sent.doc[trig.token_i]
    heads = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")
             and not trig.start <= c.idx < trig.end]  # "opened fire": "fire" is the act's own
    heads += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "at")
              for g in c.children if g.dep_ == "pobj"]
    heads += [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]  # "a group of farmers"
    if heads:
        words = [t for h in heads for t in h.subtree]
        return bool(find(heads, cues.civilian)) and not find(words, cues.combatant)
    actor, _ = roles(sent, trig)
    others = [t for t in sent if actor is None or not (actor.start <= t.i < actor.end)]
    victims = [t for t in find(others, cues.civilian) if token_keys(t)[0] not in cues.civilian_places]
    return bool(victims) and not find(others, cues.combatant)


def _cause_type(sent: Span, trig: Trigger, trigs: Sequence[Trigger],
                cues: Cues) -> tuple[str, str] | None:
    """A toll told beside the remote attack that caused it takes its type ("a militant was
    killed when an explosive device detonated")."""
    if trig.acled not in (CLASH, ATTACK) or not find([sent.doc[trig.token_i]], cues.casualty):
        return None
    tok = sent.doc[trig.token_i]
    tolls = _toll_clauses(tok)
    remote = [o for o in trigs if o is not trig and o.acled is not None and o.acled[0] == REMOTE]
    for other in remote:
        if any(linked(sent.doc[other.token_i], t) for t in tolls):
            return other.acled
    if not _doerless(tok):
        return None
    if remote:
        return remote[0].acled
    alone = not any(o is not trig and o.acled is not None for o in trigs)
    return _next_means(sent, cues) if alone and not _toll_of_event(tok, cues) else None


def _next_means(sent: Span, cues: Cues) -> tuple[str, str] | None:
    """The most specific means named in the sentence after ``sent`` ("Two were killed on
    Sunday. The bomb had been planted ..."): the cause of a toll told alone."""
    after = list(sentence_and_next(sent))[len(sent):]
    for sub, phrases in cues.means:
        if any(not _tear_gas(t) for t in find(after, phrases)):
            return (REMOTE, sub)
    return None


def _toll_of_event(tok: Token, cues: Cues) -> bool:
    """A toll told "in"/"during" a happening ("killed in fighting", "died in the raid"),
    not a place or a time: its cause is told there, not in the next sentence."""
    objs = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "amid", "after")
            for o in c.children if o.dep_ == "pobj"]
    return any(o.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME")
               and not find([o], cues.ground) for o in objs)


def _doerless(tok: Token) -> bool:
    """A toll told without who caused it ("a policeman was killed", "two died"): its
    cause is the attack its sentence tells, wherever the parser hangs that attack."""
    if tok.lemma_.lower() in DOERLESS:
        return True
    return not any(c.dep_ in ("nsubj", "agent") for c in tok.children)


def _toll_clauses(tok: Token) -> list[Token]:
    """``tok`` and the conjuncts of its clause: a toll told in two joined clauses shares
    their cause ("three were killed and two others wounded when a bomb exploded": the
    bomb's clause hangs from the second)."""
    head = clause_of(tok)
    return [tok, head, *head.conjuncts]


def _sexual(sent: Span, trig: Trigger, cues: Cues) -> bool:
    if trig.acled is None or trig.acled[0] not in (BATTLES, CIVILIANS) or trig.acled == SEXUAL:
        return False
    tok = sent.doc[trig.token_i]
    return any(linked(t, tok) for t in find(list(sent), cues.sexual))


def _territory(sent: Span, trig: Trigger, cues: Cues) -> tuple[str, str] | None:
    """A seizure of ground ("gained ground", "taken over four localities") is a
    territory change, by who took it (state forces: regained; others: overtaken)."""
    if trig.acled != SEIZURE:
        return None
    tok = sent.doc[trig.token_i]
    taken = [t for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass") for t in c.subtree]
    if not find(taken, cues.ground) and not any(t.ent_type_ in ("GPE", "LOC") for t in taken):
        return None
    rest = [t for t in sent if t not in taken]
    if find(rest, cues.nonstate):
        return OVERTAKE
    if find(rest, cues.state_force):
        return TERRITORY
    return None


def _ground_of(tok: Token, cues: Cues) -> bool:
    """What ``tok`` acts on, or what it is said of in the passive, is ground or a place."""
    taken = [t for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass") for t in c.subtree]
    return bool(find(taken, cues.ground)) or any(t.ent_type_ in ("GPE", "LOC") for t in taken)


def _transfer(sent: Span, trig: Trigger, trigs: Sequence[Trigger],
              cues: Cues) -> tuple[str, str] | None:
    """Territory by the codebook: a battle linked to a territory change of its sentence
    ("fighting the insurgents and capturing two villages") is that change; ground handed
    over ("the district was handed over to ...") is a non-violent transfer."""
    doc = sent.doc
    tok = doc[trig.token_i]
    if trig.acled == CLASH or _battle_by_means(tok, trig, cues):
        for o in trigs:
            if o is not trig and o.acled in TAKEN and linked(doc[o.token_i], tok):
                return o.acled
        return None
    if trig.acled is None and trig.plover in ("COOPERATE", "CONCEDE", "RETREAT") \
            and find(list(doc[tok.i:tok.i + 3]), cues.handover)[:1] == [tok] and _ground_of(tok, cues):
        return TRANSFER
    return None


def _weapon_of_thing(sent: Span, trig: Trigger, cues: Cues) -> bool:
    """A weapon word modifying a noun for a thing or an arrangement ("a missile pact",
    "the drone programme") names no attack."""
    if trig.acled is None or trig.acled[0] != REMOTE:
        return False
    tok = sent.doc[trig.token_i]
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("compound", "amod", "nmod") \
        and tok.head.lemma_.lower() in cues.not_acts


def _left_no_ground(sent: Span, trig: Trigger, cues: Cues) -> bool:
    """A withdrawal from what is no ground ("withdrew from the pact", "pulled out of the
    talks") transfers no territory (a pronoun, "from which", may be ground)."""
    if trig.acled != TRANSFER:
        return False
    tok = sent.doc[trig.token_i]
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of")]
    preps += [p for c in tok.children if c.dep_ == "prt" for p in c.children if p.dep_ == "prep"]
    objs = [o for p in preps for o in p.children if o.dep_ == "pobj"]
    left = [g for o in objs for g in o.subtree]
    return bool(objs) and not any(o.pos_ == "PRON" for o in objs) and not find(
        left, cues.ground) and not any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in left)


def _stormed_place(sent: Span, trig: Trigger, cues: Cues) -> tuple[str, str] | None:
    """Ground "taken" that is a place of civilians ("gunmen stormed a university") is no
    territory change: by other than state forces it is an attack on civilians; a
    territory verb typed by a blast told beside it ("seized a district, while a bomb
    killed five") keeps its territory change."""
    if trig.mode != "occupy" or trig.acled is None:
        return None
    tok = sent.doc[trig.token_i]
    taken = [t for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass") for t in c.subtree]
    if trig.acled in TAKEN and not find(taken, cues.ground) \
            and any(token_keys(t)[0] in cues.civilian_places for t in taken) \
            and _taker(sent, tok, cues) != TERRITORY:
        return ATTACK
    if trig.acled[0] == REMOTE and find(taken, cues.ground):
        return _taker(sent, tok, cues)
    return None


def _battle_by_means(tok: Token, trig: Trigger, cues: Cues) -> bool:
    """A word of battle ("clashing") typed remote by a means told around it."""
    if trig.acled is None or trig.acled[0] != REMOTE or trig.plover != "ASSAULT":
        return False
    return tok.lemma_.lower() not in cues.generic_blast and not any(
        find([tok], phrases) for _, phrases in cues.means)


def _ordinary_crime(sent: Span, trig: Trigger, cues: Cues) -> bool:
    """Police work on ordinary crime (an arrest whose sentence names an ordinary offence
    or its goods and nothing armed or political), or an attack on a computer system:
    neither is ACLED's political violence or a strategic development."""
    if trig.acled == ARRESTS:
        words = list(sent)
        return bool(find(words, cues.offences)) and not find(words, cues.political)
    if trig.acled in (CLASH, ATTACK):
        tok = sent.doc[trig.token_i]
        hit = [t for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass") for t in c.subtree]
        hit += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                for g in c.subtree]
        return bool(find(hit, cues.cyber))
    return False


def with_weapons_used(sent: Span, trigs: Sequence[Trigger], cues: Cues | None = None) -> list[Trigger]:
    """``trigs`` and the attacks told only as a weapon used ("forces used chlorine gas
    against the district"): a verb of use whose object names a means, where neither the
    verb nor its object is already a trigger, as an event of the most specific means
    named (in text order with the others where one is found)."""
    cues = cues or load_cues()
    taken = {t.token_i for t in trigs}
    found = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in cues.use_verbs or verb.i in taken:
            continue
        objs = [g for c in verb.children if c.dep_ in ("dobj", "obj") for g in c.subtree]
        if not objs or any(g.i in taken for g in objs):
            continue
        sub = next((sub for sub, phrases in cues.means
                    if any(not _tear_gas(t) for t in find(objs, phrases))), None)
        if sub is not None:
            found.append(Trigger(start=verb.idx, end=verb.idx + len(verb), token_i=verb.i,
                                 lemma=verb.lemma_.lower(), plover="ASSAULT", acled=(REMOTE, sub),
                                 extractor=USED_EXTRACTOR))
    return sorted([*trigs, *found], key=lambda t: t.start) if found else list(trigs)


def with_ground_taken(sent: Span, trigs: Sequence[Trigger], cues: Cues | None = None) -> list[Trigger]:
    """``trigs`` and the territory changes told by a verb of taking ground back ("troops
    recovered the town"; ``cues.retake``) that is no trigger or one of no ACLED type:
    typed by who took the ground (``_taker``), in text order."""
    cues = cues or load_cues()
    have = {t.token_i: t for t in trigs}
    found = {}
    for tok in find(list(sent), cues.retake):
        if tok.pos_ != "VERB" or (tok.i in have and have[tok.i].acled not in (None, SEIZURE)):
            continue
        if not _ground_of(tok, cues):
            continue
        new = _taker(sent, tok, cues)
        found[tok.i] = Trigger(start=tok.idx, end=tok.idx + len(tok), token_i=tok.i,
                               lemma=tok.lemma_.lower(), plover="ASSAULT", mode="occupy",
                               acled=new, extractor=GROUND_EXTRACTOR) if tok.i not in have \
            else replace(have[tok.i], acled=new)
    if not found:
        return list(trigs)
    kept = [found.pop(t.token_i, t) for t in trigs]
    return sorted([*kept, *found.values()], key=lambda t: t.start)


def _taker(sent: Span, tok: Token, cues: Cues) -> tuple[str, str]:
    """Ground taken by state forces, or by a state named as the doer ("the country
    regained"), is regained by the government; by others, overtaken."""
    doers = [g for c in tok.children if c.dep_ in ("nsubj", "agent") for g in c.subtree]
    if find(doers, cues.nonstate):
        return OVERTAKE
    if find(doers, cues.state_force) or any(g.ent_type_ in ("GPE", "NORP") for g in doers):
        return TERRITORY
    return OVERTAKE if doers else TERRITORY


def _mob(sent: Span, trig: Trigger, cues: Cues) -> bool:
    """Violence or destruction by a mob ("an angry mob vandalized", "murdered by vigilantes")."""
    if trig.acled is None or trig.acled[0] not in (BATTLES, CIVILIANS) and trig.acled != LOOTING:
        return False
    actor, _ = roles(sent, trig)
    tok = sent.doc[trig.token_i]
    doers = list(actor) if actor is not None else []
    doers += [g for c in tok.children if c.dep_ == "agent" for g in c.subtree]
    return bool(find(doers, cues.mob))


def _weapons_taken(sent: Span, trig: Trigger, trigs: Sequence[Trigger]) -> tuple[str, str] | None:
    """A weapon word that is what a seizure took ("IEDs and mortars were found") is the
    seizure, not an attack; a generic seizure told with a specific violent act of its
    clause or of a clause linked to it ("a crackdown ... recaptured the district", "gunmen
    stormed a hotel, killing twelve guests") is that act."""
    doc = sent.doc
    tok = doc[trig.token_i]
    for other in trigs:
        if other is trig or other.acled is None:
            continue
        host = doc[other.token_i]
        if other.acled == WEAPONS_SEIZED and trig.acled is not None and trig.acled[0] == REMOTE \
                and tok.pos_ in ("NOUN", "PROPN") and _object_of(tok, host):
            return WEAPONS_SEIZED
        if trig.acled == SEIZURE and trig.plover in VIOLENT_PLOVER \
                and other.acled[0] in (BATTLES, REMOTE, CIVILIANS) and linked(tok, host):
            return other.acled
    return None


def _object_of(tok: Token, verb: Token) -> bool:
    for anc in [tok, *tok.ancestors]:
        if anc.head.i == verb.i:
            return anc.dep_ in ("dobj", "obj", "nsubjpass", "conj")
        if anc.dep_ not in ("conj", "appos", "compound", "amod"):
            return False
    return False


def retype(sent: Span, trigs: Sequence[Trigger], main: Trigger | None = None,
           cues: Cues | None = None) -> tuple[list[Trigger], Trigger | None]:
    """The sentence's triggers with ACLED sub-types by the codebook (see the module), and
    ``main`` (one of them, or None) as retyped."""
    cues = cues or load_cues()
    out = []
    new_main = None
    demo: tuple[str, str] | None = None
    attacks = [t for t in trigs if t.acled == ATTACK or _on_civilians(sent, t, cues)]
    for trig in trigs:
        new = trig.acled
        if trig.acled is not None and trig.acled[0] in (PROTESTS, RIOTS) and trig.acled[1] != (
                "Mob violence") or in_demonstration(sent, trig, cues):
            demo = demo or demonstration_type(sent, cues)
            new = demo
        elif agreement_struck(sent, trig, cues):
            new = AGREEMENT
        elif _not_conflict(sent, trig, cues) or _ordinary_crime(sent, trig, cues) \
                or _weapon_of_thing(sent, trig, cues) or _left_no_ground(sent, trig, cues):
            new = None
        elif movement_on_civilians(sent, trig, attacks, cues):
            new = ATTACK
        elif (place := _stormed_place(sent, trig, cues)) is not None:
            new = place
        elif (ground := _territory(sent, trig, cues)) is not None:
            new = ground
        elif (moved := _transfer(sent, trig, trigs, cues)) is not None:
            new = moved
        elif (taken := _weapons_taken(sent, trig, trigs)) is not None:
            new = taken
        elif _mob(sent, trig, cues):
            new = MOB
        elif _sexual(sent, trig, cues):
            new = SEXUAL
        elif (cause := _cause_type(sent, trig, trigs, cues)) is not None:
            new = cause
        elif (means := _means_type(sent, trig, cues)) is not None:
            new = means
        elif _on_civilians(sent, trig, cues):
            new = ATTACK
        elif agreement(sent, trig, cues):
            new = AGREEMENT
        if new in TAKEN and peaceful_taking(sent, replace(trig, acled=new), trigs, cues):
            new = TRANSFER
        kept = trig if new == trig.acled else replace(trig, acled=new)
        if trig is main:
            new_main = kept
        out.append(kept)
    if any(t.acled == AGREEMENT for t in out):
        quiet = [n for n, t in enumerate(out) if agreed_background(sent, t, cues)]
        for n in quiet:
            if out[n] is new_main:
                new_main = replace(out[n], acled=None)
                out[n] = new_main
            else:
                out[n] = replace(out[n], acled=None)
    return out, new_main
