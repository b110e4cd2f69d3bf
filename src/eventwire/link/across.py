"""Across articles: the same event told by several articles becomes one event cluster.

Two events are the same when they have the same PLOVER type, happen in the same place
(same gazetteer entry, or within ``MAX_KM`` of each other), at overlapping times (a day of
slack either side, since reports date an event by their own publication day), and their
actors do not contradict each other. Figures that disagree inside a cluster (34,000
evacuated by one source, 30,000 by another) are contradictions: both are kept, each with
its source, and the cluster is flagged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from math import asin, cos, radians, sin, sqrt

from eventwire.model import Actor, Event

MAX_KM = 25.0
SLACK = timedelta(days=1)
TOLERANCE = 0.10  # figures within 10% of each other agree


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = radians(lat1), radians(lat2)
    a = sin((p2 - p1) / 2) ** 2 + cos(p1) * cos(p2) * sin(radians(lon2 - lon1) / 2) ** 2
    return 12742 * asin(sqrt(a))


def _same_place(a: Event, b: Event) -> bool:
    la, lb = a.location, b.location
    if la is None or lb is None:
        return False
    if la.gazetteer_id and la.gazetteer_id == lb.gazetteer_id:
        return True
    if None in (la.lat, la.lon, lb.lat, lb.lon):
        return la.name == lb.name and la.country == lb.country
    return km(la.lat, la.lon, lb.lat, lb.lon) <= MAX_KM  # type: ignore[arg-type]


def _same_time(a: Event, b: Event) -> bool:
    ta, tb = a.time, b.time
    if ta is None or tb is None:
        return False
    return ta.start - SLACK <= tb.end and tb.start - SLACK <= ta.end


def _compatible(x: Actor | None, y: Actor | None) -> bool:
    if x is None or y is None:
        return True
    return x.name == y.name or (x.country == y.country and x.kind == y.kind)


def same_event(a: Event, b: Event) -> bool:
    """Do two events from different articles report the same happening?"""
    return (
        a.article_id != b.article_id
        and a.type.plover == b.type.plover
        and _same_place(a, b)
        and _same_time(a, b)
        and _compatible(a.actor1, b.actor1)
        and _compatible(a.actor2, b.actor2)
    )


@dataclass(frozen=True)
class Figure:
    kind: str
    value: int
    qualifier: str
    source: str | None
    event_id: str
    article_id: str | None


def conflicting_figures(events: list[Event]) -> list[Figure]:
    """Every figure of a kind on which the cluster's sources disagree (> 10% apart)."""
    by_kind: dict[str, list[Figure]] = {}
    for ev in events:
        for q in ev.quantities:
            by_kind.setdefault(q.kind, []).append(
                Figure(q.kind, q.value, q.qualifier, q.source, ev.id, ev.article_id))
    out: list[Figure] = []
    for figures in by_kind.values():
        values = [f.value for f in figures]
        if max(values) > min(values) * (1 + TOLERANCE):
            out.extend(figures)
    return out
