"""Linking a stored set as it changes: what storing or removing events does to the clusters.

The rules of linking live beside this module (``across.same_event``, the blocking keys
and the set function ``clusters.cluster_ids``); this module decides, from the events the
store hands it, what the store must write. Nothing here reads or writes a database:

- ``filing``: the blocks each event is filed under (the store keeps them in ``link_keys``);
- ``probes``: the blocks where new events' partners are filed (what the store fetches);
- ``join``: given the new events (each its own cluster yet) and the stored events filed
  under those blocks, with their clusters, which clusters merge, under which id;
- ``split``: how what remains of a cluster falls apart once some of its events are gone;
- ``recluster``: every cluster of a whole set, with its flag (``Store.relink``).

The store fetches, calls these, and writes the answer (``store/linking.py``). The clusters
are those of ``clusters.cluster_ids`` of the stored set whatever the order in which
articles arrive: merging under the smallest id is a union of components (exact under
additions), and a removal recomputes the components of the one cluster it touched.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from eventwire.link import clusters
from eventwire.model import Event


@dataclass(frozen=True)
class Filed:
    """A stored event found under some of the probed blocks, and its cluster."""

    event: Event
    cluster_id: str
    keys: frozenset[str]  # the probed blocks it is filed under


@dataclass(frozen=True)
class Merge:
    """Clusters that become one, under the smallest of their ids."""

    into: str
    clusters: tuple[str, ...]  # every cluster merged, ``into`` among them


@dataclass(frozen=True)
class Cluster:
    """A cluster as the store writes it: its id, its events, and its flag."""

    id: str
    members: tuple[str, ...]
    flagged: bool


def filing(events: Iterable[Event]) -> list[tuple[str, str]]:
    """(block key, event id) for every block each event is filed under."""
    return [(key, ev.id) for ev in events for key in clusters.index_keys(ev)]


def probes(events: Iterable[Event]) -> list[str]:
    """Every block where a partner of one of ``events`` may be filed."""
    return sorted({key for ev in events for key in clusters.probe_keys(ev)})


def join(new: Sequence[Event], filed: Iterable[Filed]) -> list[Merge]:
    """The merges that storing ``new`` makes: each new event (its own cluster so far)
    joins the clusters of the filed events it is linked to; a new event is compared
    only with the events filed under its own probe keys."""
    found = list(filed)
    groups = clusters.UnionFind([ev.id for ev in new] + [f.cluster_id for f in found])
    for ev in new:
        probed = set(clusters.probe_keys(ev))
        near = [(f.event, f.cluster_id) for f in found if f.event.id != ev.id and f.keys & probed]
        for cid in clusters.merge(ev, near):
            groups.union(ev.id, cid)
    members: dict[str, set[str]] = {}
    for cid in groups.parent:
        members.setdefault(groups.find(cid), set()).add(cid)
    return [Merge(root, tuple(sorted(ids))) for root, ids in sorted(members.items()) if len(ids) > 1]


def flagged(members: list[Event]) -> bool:
    """Is a cluster of these events flagged (its sources' figures disagree)?"""
    return clusters.flagged(members)


def split(members: list[Event]) -> list[Cluster]:
    """What remains of one cluster, as its connected components."""
    return _clusters(members)


def recluster(events: list[Event]) -> list[Cluster]:
    """Every cluster of a whole set of events, each with its flag."""
    return _clusters(events)


def _clusters(events: list[Event]) -> list[Cluster]:
    ids = clusters.cluster_ids(events)
    members: dict[str, list[Event]] = {}
    for ev in events:
        members.setdefault(ids[ev.id], []).append(ev)
    return [Cluster(root, tuple(ev.id for ev in evs), clusters.flagged(evs))
            for root, evs in sorted(members.items())]
