"""Within one article: the same event told twice becomes one event.

News restates its lede ("X is in full control of Aleppo ... The fall of Aleppo marks
..."). A later event of the same type, place and time whose actors add nothing new is
folded into the first; the first records where it was told again.

A count told in a sentence with no event of its own ("The man died at the hospital",
"The fifth man was pronounced dead") belongs to the violent event told before it (else
the first one after it); the people that event hit, less those who died, are its
wounded ("five men were shot ... the fifth man was pronounced dead": 1 killed, 4
wounded). A person named as wounded and, elsewhere in the article, named among the dead
is one victim who died: the wounded count goes; so does one person counted as wounded
by a pronoun ("he was shot") or by the words of a count of the dead. Tolls told in several sentences net
too: "seven people were shot, five fatally" beside a toll of six dead elsewhere is 1
wounded, and "five people were hospitalized" beside "one of the five people has died"
is 4 wounded. The killer's own death told in a sentence of its own ("He then killed
himself") is one more dead beside the count of those he killed, told elsewhere ("killed
his wife and three children": 5; see ``eventwire.extract.selves``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from eventwire.extract.selves import REFLEXIVE
from eventwire.model import Actor, Event, Evidence, Quantity
from eventwire.resolve.inter import recoded

VIOLENT_PLOVER = frozenset({"ASSAULT", "FIGHT"})
VIOLENT_ACLED = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
CASUALTIES = frozenset({"killed", "wounded"})
FACTS = frozenset({"asserted", "claimed", "alleged"})


# statuses that tell the same kind of fact: a restatement may move between them
_FACT = {"asserted": "fact", "claimed": "fact"}


def _key(ev: Event) -> tuple[object, ...]:
    loc = ev.location
    tm = ev.time
    return (ev.type.plover, ev.type.acled, _FACT.get(ev.status, ev.status), loc.name if loc else None,
            tm.start if tm else None, tm.end if tm else None)


def _compatible(a: Actor | None, b: Actor | None) -> bool:
    return a is None or b is None or a.name == b.name


def _adds_nothing(first: Event, later: Event) -> bool:
    return (
        _compatible(first.actor1, later.actor1)
        and _compatible(first.actor2, later.actor2)
        and not later.quantities
    )


def merge_repeats(events: list[Event]) -> list[Event]:
    """Drop restatements; the kept event lists their evidence spans in ``reasons``."""
    kept: list[Event] = []
    for ev in events:
        twin = next((k for k in kept if _key(k) == _key(ev) and _adds_nothing(k, ev)), None)
        if twin is None:
            kept.append(ev)
            continue
        told = twin.reasons.get("also_told_at", "")
        span = f"{ev.evidence.start}-{ev.evidence.end}"
        merged = twin.model_copy(update={
            "reasons": {**twin.reasons, "also_told_at": f"{told},{span}" if told else span},
            "actor1": twin.actor1 or ev.actor1,
            "actor2": twin.actor2 or ev.actor2,
            "evidence": _with_words(twin.evidence, ev.evidence),
        })
        kept[kept.index(twin)] = recoded(merged)  # an actor filled in: its inter code too
    return kept


def _with_words(kept: Evidence, gone: Evidence) -> Evidence:
    """A restatement in the same sentence ("a car bomb was detonated"): its trigger is one
    of the kept event's words."""
    if gone.start != kept.start or gone.trigger_start is None or gone.trigger_end is None:
        return kept
    words = {*kept.parts, (gone.trigger_start, gone.trigger_end), *gone.parts}
    return kept.model_copy(update={"parts": tuple(sorted(words))})


def is_violent(ev: Event) -> bool:
    return ev.type.plover in VIOLENT_PLOVER or bool(ev.type.acled and ev.type.acled[0] in VIOLENT_ACLED)


def _owner(events: list[Event], q: Quantity) -> int | None:
    """The violent factual event told last before ``q``, else the first after it."""
    fit = [n for n, e in enumerate(events) if is_violent(e) and e.status in FACTS]
    before = [n for n in fit if events[n].evidence.start <= q.start]
    if before:
        return max(before, key=lambda n: events[n].evidence.start)
    return min(fit, key=lambda n: events[n].evidence.start) if fit else None


def _shot_dead(q: Quantity, killers: Mapping[tuple[int, int], int]) -> int:
    """The dead of a toll that the killer shot: the toll less his own death in it."""
    return q.value - killers.get((q.start, q.end), 0)


def _net(quantities: Iterable[Quantity], hit: dict[tuple[int, int], int], dead: int,
         killers: Mapping[tuple[int, int], int]) -> tuple[Quantity, ...]:
    """Wounded counted as hit ("were shot") less the happening's dead told elsewhere; a
    count its own sentence already netted ("seven people were shot, five fatally": 2)
    nets again against a larger toll of the happening told elsewhere (6 dead: 1). The
    killer's own death is not among those hit (``killers``)."""
    qs = tuple(quantities)
    dead = max([dead] + [_shot_dead(q, killers) for q in qs if q.kind == "killed"])
    if not dead:
        return qs
    out = []
    for q in qs:
        taken = hit.get((q.start, q.end))
        if q.kind == "wounded" and taken is not None:
            hurt = q.value + taken  # all the people hit
            if hurt <= dead:
                continue
            q = q.model_copy(update={"value": min(q.value, hurt - dead)})
        out.append(q)
    return tuple(out)


_PARTITIVE = re.compile(r"^(\w+) of (?:the|those|these) (\w+)\b", re.IGNORECASE)


def _number(word: str, number_words: Mapping[str, int]) -> int | None:
    return int(word) if word.isdigit() else number_words.get(word.lower())


def _died_among(q: Quantity, number_words: Mapping[str, int]) -> tuple[int, int] | None:
    """A death told among a group counted before ("one of the five people has died"):
    the group's size and the dead among it."""
    m = _PARTITIVE.match(q.text) if q.kind == "killed" else None
    if m is None:
        return None
    part, whole = _number(m.group(1), number_words), _number(m.group(2), number_words)
    return (whole, part) if part is not None and whole is not None and 0 < part <= whole else None


def _updated(events: list[Event], told: list[tuple[Quantity, ...]], hit: dict[tuple[int, int], int],
             number_words: Mapping[str, int]) -> list[tuple[Quantity, ...]]:
    """An update that one of a counted group has died ("five people were hospitalized
    ... one of the five people has died") leaves the rest of the group wounded: each
    count of that group as wounded on the happening's day is the group less its dead (a
    count of people hit nets against the day's dead anyway)."""
    facts = [is_violent(ev) and ev.status in FACTS for ev in events]
    deaths: dict[tuple[object, int], int] = {}
    for ev, qs, fact in zip(events, told, facts, strict=True):
        for among in (_died_among(q, number_words) for q in qs if fact):
            if among is not None:
                key = (_day(ev), among[0])
                deaths[key] = max(deaths.get(key, 0), among[1])
    if not deaths:
        return told
    out = []
    for ev, qs, fact in zip(events, told, facts, strict=True):
        gone = {n: deaths.get((_day(ev), q.value), 0) if fact and q.kind == "wounded"
                and (q.start, q.end) not in hit else 0 for n, q in enumerate(qs)}
        out.append(tuple(q.model_copy(update={"value": q.value - gone[n]}) if gone[n] else q
                         for n, q in enumerate(qs) if gone[n] < q.value))
    return out


def _names(text: str) -> set[str]:
    return {w for w in re.findall(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", text)}


def _dead_named(events: list[Event], told: list[tuple[Quantity, ...]]) -> set[str]:
    """The names of the people the article's factual violent events count as killed."""
    return {w for ev, qs in zip(events, told, strict=True) if is_violent(ev) and ev.status in FACTS
            for q in qs if q.kind == "killed" for w in _names(q.text)}


def _named_dead(q: Quantity, dead: set[str]) -> bool:
    """A single person counted as wounded whose name is among the dead ("the boy shot
    Craig Roberts" beside "Craig Roberts was killed"): one victim, who died."""
    words = q.text.split()
    return (q.kind == "wounded" and q.value == 1 and bool(words)
            and words[-1][:1].isupper() and words[-1] in dead)


_PRONOUNS = frozenset({"he", "she", "him", "her"})


def _dead_told(events: list[Event], told: list[tuple[Quantity, ...]]) -> set[str]:
    """The words (lower case) of the counts of the dead of the article's factual violent
    events."""
    return {q.text.lower() for ev, qs in zip(events, told, strict=True) if is_violent(ev) and ev.status in FACTS
            for q in qs if q.kind == "killed"}


def _told_dead(q: Quantity, dead: set[str]) -> bool:
    """A single person counted as wounded, in an article that counts dead, by a pronoun
    ("when he was shot") or by the very words of a count of the dead ("critically
    injured a 16-year-old" beside "killed a 16-year-old"): the victim who died, told
    again (a bare number, "one", is no such words)."""
    text = q.text.lower()
    return (q.kind == "wounded" and q.value == 1 and bool(dead)
            and (text in _PRONOUNS or (len(text.split()) > 1 and text in dead)))


def _day(ev: Event) -> object:
    return ev.time.start if ev.time is not None else None


def _with_killer(events: list[Event], told: list[tuple[Quantity, ...]],
                 victims: Mapping[tuple[int, int], int]) -> tuple[list[tuple[Quantity, ...]], dict[tuple[int, int], int]]:
    """The killer's death by his own hand ("he killed himself"), told on a factual
    violent event, adds one to the largest toll of its day when that toll counts those
    an agent killed (``victims``: span -> the killer's deaths already in it, "killed
    his wife and three children": 0); a toll of the dead ("two people were found dead")
    may already hold him and stays. Also gives each toll's killer deaths."""
    killers = {span: n for span, n in victims.items() if n}
    facts = [is_violent(ev) and ev.status in FACTS for ev in events]
    days = {_day(ev) for ev, qs, fact in zip(events, told, facts, strict=True) if fact
            and any(q.kind == "killed" and q.text.lower() in REFLEXIVE for q in qs)}
    out = list(told)
    for day in days:
        tolls = [(n, m) for n, (ev, qs, fact) in enumerate(zip(events, told, facts, strict=True))
                 if fact and _day(ev) == day for m, q in enumerate(qs) if q.kind == "killed"]
        n, m = max(tolls, key=lambda t: (told[t[0]][t[1]].value, victims.get(_span(told[t[0]][t[1]]), 1)))
        q = told[n][m]
        if victims.get(_span(q)) == 0:
            out[n] = tuple(p.model_copy(update={"value": p.value + 1}) if k == m else p for k, p in enumerate(out[n]))
            killers[_span(q)] = 1
    return out, killers


def _span(q: Quantity) -> tuple[int, int]:
    return q.start, q.end


def attach_counts(events: list[Event], orphans: list[Quantity], hit: dict[tuple[int, int], int],
                  number_words: Mapping[str, int],
                  victims: Mapping[tuple[int, int], int] | None = None) -> list[Event]:
    """Give each casualty count told without an event of its own to the event it tells
    of (see the module docstring); ``hit``: spans of counts of people hit, each with the
    dead its own sentence already took from it; ``number_words``: the quantity lexicon's
    (``data/quantities.json``), to read "one of the five". The violent factual events of
    one article on one day are taken for one happening: its dead, wherever told (a factual event of any type: "a student is
    dead and two people are in custody"), are not among its wounded; ``victims``: spans
    of counts of those an agent killed, which the killer's own death told apart joins."""
    extra: dict[int, list[Quantity]] = {}
    for q in orphans:
        n = _owner(events, q) if q.kind in CASUALTIES else None
        if n is not None:
            extra.setdefault(n, []).append(q)
    told = _updated(events, [ev.quantities + tuple(extra.get(n, ())) for n, ev in enumerate(events)], hit,
                    number_words)
    told, killers = _with_killer(events, told, victims or {})
    dead: dict[object, int] = {}
    for ev, qs in zip(events, told, strict=True):
        if ev.status in FACTS:
            most = max((_shot_dead(q, killers) for q in qs if q.kind == "killed"), default=0)
            dead[_day(ev)] = max(dead.get(_day(ev), 0), most)
    named, words = _dead_named(events, told), _dead_told(events, told)
    out = []
    for n, (ev, qs) in enumerate(zip(events, told, strict=True)):
        if qs != ev.quantities or any(_named_dead(q, named) or _told_dead(q, words) for q in qs):
            qs = tuple(q for q in qs if not (_named_dead(q, named) or _told_dead(q, words)))
            ev = ev.model_copy(update={"quantities": qs})
        if extra.get(n) or any((q.start, q.end) in hit for q in qs):
            ev = ev.model_copy(update={"quantities": _net(qs, hit, dead.get(_day(ev), 0), killers)})
        out.append(ev)
    return out
