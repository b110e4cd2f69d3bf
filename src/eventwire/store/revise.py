"""A new version of a stored article: which of its events are still told.

When a URL already stored comes with another text, the new text is a new version of that
article (a correction, an update). Its events are matched to the previous version's: an
event still told keeps its id (and is ``revised`` if what it says changed), an event no
longer told is ``retracted``, and an event only the new text tells is ``added``.

An event is still told when the new version has an event of the same PLOVER type with the
same trigger word, in the same sentence (first pass), or else in the same order among the
events with that type and trigger (second pass: "killing five" -> "killing nine" changes
the sentence, not the event).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from eventwire.model import Event


@dataclass(frozen=True)
class Revision:
    """Old id -> the new event that tells it; old events no longer told."""

    kept: dict[str, Event]
    retracted: list[Event]
    added: list[Event]


def _trigger(ev: Event) -> str:
    return (ev.evidence.trigger or "").lower()


def _position(ev: Event) -> tuple[int, int]:
    return (ev.evidence.trigger_start or ev.evidence.start, ev.evidence.start)


def match(old: list[Event], new: list[Event]) -> Revision:
    """Pair the previous version's events with the new version's (see the module doc)."""
    old = sorted(old, key=_position)
    new = sorted(new, key=_position)
    kept: dict[str, Event] = {}
    used: set[str] = set()
    exact: dict[tuple[str, str, str], list[Event]] = defaultdict(list)
    for ev in new:
        exact[(ev.type.plover, _trigger(ev), ev.evidence.sentence)].append(ev)
    for ev in old:
        found = [n for n in exact[(ev.type.plover, _trigger(ev), ev.evidence.sentence)]
                 if n.id not in used]
        if found:
            kept[ev.id] = found[0]
            used.add(found[0].id)
    loose: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for ev in new:
        if ev.id not in used:
            loose[(ev.type.plover, _trigger(ev))].append(ev)
    for ev in old:
        if ev.id in kept:
            continue
        queue = loose[(ev.type.plover, _trigger(ev))]
        if queue:
            kept[ev.id] = queue.pop(0)
            used.add(kept[ev.id].id)
    retracted = [ev for ev in old if ev.id not in kept]
    added = [ev for ev in new if ev.id not in used]
    return Revision(kept=kept, retracted=retracted, added=added)


def substance(ev: Event) -> dict[str, object]:
    """What an event says, without where in the text it says it (offsets, ids)."""
    def who(a: object) -> object:
        return None if a is None else (getattr(a, "name", None), getattr(a, "country", None),
                                       getattr(a, "kind", None))

    loc, tm = ev.location, ev.time
    return {
        "type": (ev.type.plover, ev.type.mode, ev.type.acled),
        "status": ev.status,
        "actors": (who(ev.actor1), who(ev.actor2), tuple(who(a) for a in ev.associates)),
        "location": None if loc is None else (loc.name, loc.country, loc.admin1, loc.lat, loc.lon,
                                              loc.precision, loc.gazetteer_id),
        "time": None if tm is None else (tm.start, tm.end, tm.precision),
        "quantities": sorted((q.kind, q.value, q.qualifier) for q in ev.quantities),
        "source": None if ev.source is None else (ev.source.name, ev.source.via),
    }


def changed(before: Event, after: Event) -> bool:
    return substance(before) != substance(after)
