"""Within one article: the same event told twice becomes one event.

News restates its lede ("X is in full control of Aleppo ... The fall of Aleppo marks
..."). A later event of the same type, place and time whose actors add nothing new is
folded into the first; the first records where it was told again.
"""

from __future__ import annotations

from eventwire.model import Actor, Event


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
        })
        kept[kept.index(twin)] = merged
    return kept
