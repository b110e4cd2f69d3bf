"""Event clusters as a function of the SET of events, never of their arrival order.

Two events are linked when ``across.same_event`` says they tell the same happening
(asked with the two in id order, so the answer cannot depend on which came first). A
cluster is a connected component of that graph and its id is its smallest member id:
adding the same events in any order, in any batches, gives the same clusters, and a
cluster's contradiction flag is a function of its members.

Finding the links stays near-linear through blocking: an event is compared only with
events of the same PLOVER type whose time windows (widened by ``across.SLACK``) overlap
and whose place falls in the same or a neighbouring grid cell (cells wider than
``across.NEAR_KM``, the farthest it links), or that share its gazetteer entry, or its place name (in any country:
two places of one name may be linked); an event with no place with a point meets every
event of its days (``_unplaced_keys``). Blocking only ever narrows the pairs asked: it must keep every pair that
``same_event`` could accept (the tests check it on real text).

``cluster_ids`` computes the clusters of a whole set (the reference, and ``Store.relink``);
the store keeps them up to date one article at a time with ``merge`` and ``split``, and
the two agree by construction (components under additions are exact; a removal
recomputes the components of the one cluster it touched).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from eventwire.link import across
from eventwire.model import Event

KM_PER_DEGREE = 111.2


def linked(a: Event, b: Event) -> bool:
    """The same-event predicate, asked in id order (symmetric whatever it becomes)."""
    first, second = (a, b) if a.id <= b.id else (b, a)
    return across.same_event(first, second)


def linkable(ev: Event) -> bool:
    """Only an event with a time and a place can be linked to another."""
    return ev.time is not None and ev.location is not None


def cell_degrees() -> float:
    """Grid cell size in degrees of latitude: wider than the largest linking distance."""
    return max(across.NEAR_KM / KM_PER_DEGREE, 0.01) * 1.01


def cell(lat: float, lon: float) -> tuple[int, int]:
    """The grid cell of a point. A row's longitude cells are as wide as ``NEAR_KM`` at the
    most poleward edge of the row and its neighbours, so that the 3 x 3 cells around a
    point hold every point within ``NEAR_KM`` (the antimeridian is not wrapped)."""
    size = cell_degrees()
    row = math.floor(lat / size)
    edge = min((abs(row) + 2) * size, 89.0)
    return row, math.floor(lon / (size / math.cos(math.radians(edge))))


def place_keys(ev: Event) -> list[tuple[object, ...]]:
    """The blocking keys of an event's place: gazetteer entry, name, and grid cell."""
    loc = ev.location
    if loc is None:
        return []
    keys: list[tuple[object, ...]] = [("name", across.core_name(loc.name))]
    if loc.gazetteer_id:
        keys.append(("gid", loc.gazetteer_id))
    if loc.lat is not None and loc.lon is not None:
        keys.append(("cell", *cell(loc.lat, loc.lon)))
    region = across.region(ev)
    if region is not None:  # a region-wide place meets the places inside it (``across._within``)
        keys.append(("in", *region))
        if loc.precision == "admin1":
            keys.append(("wide", *region))
    return keys


def _probe_keys(ev: Event) -> list[tuple[object, ...]]:
    """Keys under which an event looks for partners: its own, and the neighbouring cells
    (at every latitude row touched, since longitude cells differ by row)."""
    loc = ev.location
    keys = [k for k in place_keys(ev) if k[0] not in ("cell", "in", "wide")]
    region = across.region(ev)
    if region is not None:
        keys.append(("wide", *region))
        if loc is not None and loc.precision == "admin1":
            keys.append(("in", *region))
    if loc is None or loc.lat is None or loc.lon is None:
        return keys
    size = cell_degrees()
    for dlat in (-size, 0.0, size):
        lat = max(-90.0, min(90.0, loc.lat + dlat))
        row, col = cell(lat, loc.lon)
        keys.extend(("cell", row, col + d) for d in (-1, 0, 1))
    return keys


LONG_DAYS = 62  # a longer time window (a month, a year) is blocked by month, not by day


def _months(start: date, end: date, tag: str) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append((tag, y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _long(start: date, end: date) -> bool:
    return (end - start).days > LONG_DAYS


def time_keys(ev: Event) -> list[tuple[object, ...]]:
    """Where an event is filed: a short one under each day of its window and each month
    it touches ("ms"), a long one (a month, a year) under its months only ("ml")."""
    assert ev.time is not None
    start, end = ev.time.start, ev.time.end
    if _long(start, end):
        return _months(start, end, "ml")
    days = [("day", start + timedelta(days=n)) for n in range((end - start).days + 1)]
    return days + _months(start, end, "ms")


def _probe_times(ev: Event) -> list[tuple[object, ...]]:
    """Where an event looks for partners, over its window widened by the slack: a short
    one under the days (short partners) and the long months; a long one under the months
    of both kinds. Every pair whose widened windows overlap meets in one of them."""
    assert ev.time is not None
    start, end = ev.time.start - across.SLACK, ev.time.end + across.SLACK
    if _long(ev.time.start, ev.time.end):
        return _months(start, end, "ml") + _months(start, end, "ms")
    days = [("day", start + timedelta(days=n)) for n in range((end - start).days + 1)]
    return days + _months(start, end, "ml")


def _name_keys(ev: Event, probe: bool) -> list[tuple[object, ...]]:
    """Keys of the names an event's sentence gives (``across.named_alike``): filed under
    its persons ("P") and its capitalised words ("W") in each month of its time; probing
    over the months of its time widened by ``across.NAME_SLACK``, the persons among the
    others' capitalised words and its capitalised words among the others' persons."""
    if not across.nameable(ev):
        return []
    assert ev.time is not None
    start, end = ev.time.start, ev.time.end
    if probe:
        start, end = start - across.NAME_SLACK, end + across.NAME_SLACK
    return [(*t, "person", name) for t in _months(start, end, "nm") for name in across.persons(ev)]


def _later_keys(ev: Event, probe: bool) -> list[tuple[object, ...]]:
    """Keys of ``across.told_again`` (at any time): each place key with each lasting mark
    (a person named in full, an age); probing under the neighbouring places too."""
    if not linkable(ev):
        return []
    places = _probe_keys(ev) if probe else place_keys(ev)
    return [("later", *p, m) for p in places for m in sorted(across.lasting_marks(ev))]


def _key(plover: str, t: tuple[object, ...], place: tuple[object, ...]) -> str:
    return "|".join(str(x) for x in (plover, *t, *place))


def _unplaced_keys(ev: Event, probe: bool) -> list[tuple[object, ...]]:
    """Keys of an event with no place with a point (``across.pointed``), which the place
    keys cannot meet: every brief event is filed under its days ("any"), one without a
    point under its days too ("unplaced"); an event without a point probes the days
    ("any") and one with a point the unplaced ones, over its window widened by
    ``across.CLOSE``."""
    if not across.brief(ev):
        return []
    assert ev.time is not None
    start, end = ev.time.start, ev.time.end
    if probe:
        start, end = start - across.CLOSE, end + across.CLOSE
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    tags = (["unplaced" if across.pointed(ev) else "any"] if probe
            else ["any"] if across.pointed(ev) else ["any", "unplaced"])
    return [(tag, d) for tag in tags for d in days]


def index_keys(ev: Event) -> list[str]:
    """The blocks an event is filed under (the store keys them in ``link_keys``)."""
    if ev.time is None:
        return []
    keys = {_key(ev.type.plover, n, ()) for n in _name_keys(ev, probe=False) + _later_keys(ev, probe=False)
            + _unplaced_keys(ev, probe=False)}
    if linkable(ev):
        keys.update(_key(ev.type.plover, t, p) for t in time_keys(ev) for p in place_keys(ev))
    return sorted(keys)


def probe_keys(ev: Event) -> list[str]:
    """The blocks where an event's possible partners are filed."""
    if ev.time is None:
        return []
    keys = {_key(ev.type.plover, n, ()) for n in _name_keys(ev, probe=True) + _later_keys(ev, probe=True)
            + _unplaced_keys(ev, probe=True)}
    if linkable(ev):
        keys.update(_key(ev.type.plover, t, p) for t in _probe_times(ev) for p in _probe_keys(ev))
    return sorted(keys)


def candidate_pairs(events: list[Event]) -> set[tuple[int, int]]:
    """Index pairs (i < j) that share a type, a time key and a place key."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, ev in enumerate(events):
        for key in index_keys(ev):
            index[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, ev in enumerate(events):
        for key in probe_keys(ev):
            for j in index.get(key, ()):
                if j != i:
                    pairs.add((min(i, j), max(i, j)))
    return pairs


class UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {x: x for x in items}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the smaller id is the root: it is the cluster id
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def cluster_ids(events: list[Event]) -> dict[str, str]:
    """Every event's cluster id (its component's smallest event id), for a whole set."""
    uf = UnionFind(ev.id for ev in events)
    for i, j in candidate_pairs(events):
        if linked(events[i], events[j]):
            uf.union(events[i].id, events[j].id)
    return {ev.id: uf.find(ev.id) for ev in events}


def merge(new: Event, candidates: Iterable[tuple[Event, str]]) -> set[str]:
    """The clusters ``new`` joins: those of the candidates it is linked to."""
    return {cid for ev, cid in candidates if ev.id != new.id and linked(new, ev)}


def flagged(members: list[Event]) -> bool:
    """A cluster is flagged when its sources give figures that disagree."""
    return len({m.article_id for m in members}) > 1 and bool(across.conflicting_figures(members))


__all__ = ["cluster_ids", "candidate_pairs", "flagged", "index_keys", "linkable", "linked", "merge", "probe_keys"]
