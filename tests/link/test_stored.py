"""link/stored.py: what storing events does to the clusters, decided without a database."""

from __future__ import annotations

from datetime import date
from itertools import permutations

from eventwire.link import clusters, stored
from eventwire.model import Event
from eventwire.model.records import EventType, Evidence, Location, Quantity, TimeRef

SENTENCE = "Gunmen killed five villagers in Kaduna on Monday, police said."


def _event(eid: str, article: str, killed: int = 5, far: bool = False) -> Event:
    place = (Location(name="Cape Town", country="ZAF", lat=-33.92, lon=18.42, precision="city") if far
             else Location(name="Kaduna", country="NGA", lat=10.52, lon=7.44, precision="city"))
    return Event(
        id=eid, article_id=article, type=EventType(plover="ASSAULT"), status="asserted",
        location=place,
        time=TimeRef(start=date(2021, 3, 1), end=date(2021, 3, 1), precision="day"),
        quantities=(Quantity(kind="killed", value=killed, text="five villagers", start=14, end=28),),
        evidence=Evidence(sentence=SENTENCE, start=0, end=len(SENTENCE)))


def _filed(events: list[Event], cluster_of: dict[str, str], probed: list[Event]) -> list[stored.Filed]:
    keys = set(stored.probes(probed))
    return [stored.Filed(ev, cluster_of[ev.id], frozenset(set(clusters.index_keys(ev)) & keys))
            for ev in events]


def test_join_merges_under_the_smallest_id_whatever_the_order() -> None:
    # two stored clusters the new event is linked to, and a far-away one it is not
    kept = [_event("b1", "A"), _event("c1", "B"), _event("a9", "C", far=True)]
    cluster_of = {"b1": "b1", "c1": "c1", "a9": "a9"}
    new = [_event("d1", "D", killed=9)]
    answers = {tuple(stored.join(new, _filed(list(order), cluster_of, new)))
               for order in permutations(kept)}
    assert answers == {(stored.Merge("b1", ("b1", "c1", "d1")),)}


def test_a_new_event_is_compared_only_with_what_its_blocks_hold() -> None:
    far = _event("e1", "E")
    new = [_event("f1", "F")]
    filed = [stored.Filed(far, "e1", frozenset({"a block the new event does not probe"}))]
    assert stored.join(new, filed) == []


def test_split_and_recluster_give_components_and_flags() -> None:
    events = [_event("b1", "A"), _event("c1", "B", killed=9), _event("a9", "C", far=True)]
    assert stored.recluster(events) == [stored.Cluster("a9", ("a9",), False),
                                        stored.Cluster("b1", ("b1", "c1"), True)]
    assert stored.split(events[1:]) == [stored.Cluster("a9", ("a9",), False),
                                        stored.Cluster("c1", ("c1",), False)]
