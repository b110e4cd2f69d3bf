"""Across articles: the same event told by several articles becomes one event cluster.

Two events of different articles are the same when they have the same PLOVER type, their
actors do not contradict each other, their times overlap (``SLACK`` either side, since
reports date an event by their own publication day) and either

- they happen in the same place (same gazetteer entry, or within ``MAX_KM``) within a
  day of each other, or
- they happen near each other (within ``NEAR_KM``, a metropolitan area or a county: one
  outlet names the neighbourhood, another the city; or two places of the same name that
  the gazetteer resolved apart, one outlet's "Lexington" another's) and say the same in
  other ways: their casualty figures agree, or their sentences share most of their
  words (``SIMILAR``).

Figures that disagree inside a cluster (34,000 evacuated by one source, 30,000 by
another) are contradictions: both are kept, each with its source, and the cluster is
flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from math import asin, cos, radians, sin, sqrt

from eventwire.model import Actor, Event

MAX_KM = 25.0
NEAR_KM = 60.0
SLACK = timedelta(days=2)
CLOSE = timedelta(days=1)  # the same place needs no other evidence within a day
SIMILAR = 0.25  # Jaccard overlap of the two sentences' content words
TOLERANCE = 0.10  # figures within 10% of each other agree
CASUALTIES = ("killed", "wounded")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = radians(lat1), radians(lat2)
    a = sin((p2 - p1) / 2) ** 2 + cos(p1) * cos(p2) * sin(radians(lon2 - lon1) / 2) ** 2
    return 12742 * asin(sqrt(a))


def _distance(a: Event, b: Event) -> float | None:
    """Kilometres between the two events' places: 0 for the same gazetteer entry or the
    same name in the same country, None when either has no point."""
    la, lb = a.location, b.location
    if la is None or lb is None:
        return None
    if la.gazetteer_id and la.gazetteer_id == lb.gazetteer_id:
        return 0.0
    if None in (la.lat, la.lon, lb.lat, lb.lon):
        return 0.0 if la.name == lb.name and la.country == lb.country else None
    return km(la.lat, la.lon, lb.lat, lb.lon)  # type: ignore[arg-type]


def _gap(a: Event, b: Event) -> timedelta | None:
    """Days between the two events' times (zero when they overlap), None if undated."""
    ta, tb = a.time, b.time
    if ta is None or tb is None:
        return None
    if ta.start <= tb.end and tb.start <= ta.end:
        return timedelta(0)
    return tb.start - ta.end if tb.start > ta.end else ta.start - tb.end


def _figures(ev: Event) -> dict[str, int]:
    out: dict[str, int] = {}
    for q in ev.quantities:
        if q.kind in CASUALTIES:
            out[q.kind] = max(out.get(q.kind, 0), q.value)
    return out


def _figures_agree(a: Event, b: Event) -> bool:
    fa, fb = _figures(a), _figures(b)
    shared = set(fa) & set(fb)
    return bool(shared) and all(fa[k] == fb[k] for k in shared)


def _words(ev: Event) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", ev.evidence.sentence.lower()) if w not in _COMMON}


_COMMON = frozenset({"said", "says", "police", "that", "with", "were", "was", "from", "have", "been",
                     "this", "they", "their", "when", "after", "about", "into", "there", "where",
                     "which", "would", "could", "also", "than", "then", "them", "will", "while"})


def similarity(a: Event, b: Event) -> float:
    """Jaccard overlap of the content words of the two events' sentences."""
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


VAGUE = frozenset({"person", "civilians", "other"})  # kinds outlets word differently


def _compatible(x: Actor | None, y: Actor | None) -> bool:
    """Actors contradict each other only when they are of different countries, or both
    are organised actors of different kinds (police against rebels); a person, civilians
    or an unresolved phrase ("a 91-year-old man" against "civilians") do not."""
    if x is None or y is None or x.name == y.name:
        return True
    if x.country and y.country and x.country != y.country:
        return False
    return x.kind == y.kind or x.kind in VAGUE or y.kind in VAGUE


def same_event(a: Event, b: Event) -> bool:
    """Do two events from different articles report the same happening?"""
    if a.article_id == b.article_id or a.type.plover != b.type.plover:
        return False
    if not (_compatible(a.actor1, b.actor1) and _compatible(a.actor2, b.actor2)):
        return False
    dist, gap = _distance(a, b), _gap(a, b)
    if gap is None or gap > SLACK:
        return False
    if (dist is None or dist > NEAR_KM) and _same_name(a, b):
        dist = NEAR_KM
    if dist is None or dist > NEAR_KM:
        return False
    if dist <= MAX_KM and gap <= CLOSE:
        return True
    return _figures_agree(a, b) or similarity(a, b) >= SIMILAR


def _same_name(a: Event, b: Event) -> bool:
    """The two places bear the same name, whatever the gazetteer made of each."""
    la, lb = a.location, b.location
    return la is not None and lb is not None and la.name.casefold() == lb.name.casefold()


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
