"""Linking by a person named in both reports, and by a region-wide place: written reports
of invented events, built as records (no pipeline), through the set function, the
blocking and the store's incremental join alike."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import permutations

from eventwire.link import across, clusters, stored
from eventwire.model import Actor, Event
from eventwire.model.records import EventType, Evidence, Location, Quantity, TimeRef

DAY = date(2019, 6, 8)
HILLTOWN = Location(name="Hilltown", country="USA", admin1="Ohio", lat=40.10, lon=-82.90, precision="city")
# the same name the gazetteer put in another state, 1,000 km away
ELSEWHERE = Location(name="Hilltown", country="USA", admin1="Iowa", lat=41.60, lon=-93.60, precision="city")
OHIO = Location(name="Ohio", country="USA", admin1="Ohio", lat=40.37, lon=-82.99, precision="admin1")
BROOKDALE = Location(name="Brookdale", country="USA", admin1="Ohio", lat=40.02, lon=-82.80, precision="city")
RIVERSIDE = Location(name="Riverside", country="USA", admin1="Ohio", lat=41.45, lon=-81.70, precision="city")


def _event(eid: str, sentence: str, place: Location, day: date = DAY, killed: int | None = None,
           victim: str | None = None) -> Event:
    qs = (Quantity(kind="killed", value=killed, text="killed", start=0, end=6),) if killed else ()
    actor = None
    if victim is not None:
        at = sentence.index(victim)
        actor = Actor(name=victim, kind="person", text=victim, start=at, end=at + len(victim))
    return Event(
        id=eid, article_id=f"art-{eid}", type=EventType(plover="ASSAULT"), status="asserted",
        location=place, time=TimeRef(start=day, end=day, precision="day"), quantities=qs,
        actor2=actor, evidence=Evidence(sentence=sentence, start=0, end=len(sentence)))


def _clusters_every_way(events: list[Event]) -> set[frozenset[str]]:
    """The clusters of the set, checked equal to the store's joins in every order."""
    ids = clusters.cluster_ids(events)
    want = {frozenset(e.id for e in events if ids[e.id] == root) for root in set(ids.values())}
    for order in permutations(events):
        cluster_of: dict[str, str] = {}
        for new in order:
            known = [e for e in order if e.id in cluster_of]
            keys = set(stored.probes([new]))
            filed = [stored.Filed(e, cluster_of[e.id], frozenset(set(clusters.index_keys(e)) & keys))
                     for e in known]
            cluster_of[new.id] = new.id
            for merge in stored.join([new], filed):
                for eid, cid in cluster_of.items():
                    if cid in merge.clusters:
                        cluster_of[eid] = merge.into
        got = {frozenset(e for e in cluster_of if cluster_of[e] == c) for c in set(cluster_of.values())}
        assert got == want
    return want


def test_a_victim_named_in_both_links_across_a_wrong_place_and_a_later_day() -> None:
    first = _event("a1", "A 31-year-old woman, Ana Reyes, was shot dead on Saturday night in Hilltown.",
                   HILLTOWN, killed=1, victim="Ana Reyes")
    update = _event("b1", "Ana Reyes, 31, was shot outside her home, the charges say.", ELSEWHERE,
                    day=DAY + timedelta(days=40))
    other = _event("c1", "Officers found a 19-year-old man with gunshot wounds near a gas station in Hilltown.",
                   HILLTOWN, killed=1)
    assert across.same_event(first, update)
    assert not across.same_event(first, other) and not across.same_event(update, other)
    assert _clusters_every_way([first, update, other]) == {frozenset({"a1", "b1"}), frozenset({"c1"})}


def test_a_name_said_by_an_official_or_never_surely_a_person_does_not_link() -> None:
    # the same spokesman speaks of two shootings of one week
    one = _event("a2", "Sgt. Tom Walsh, 44, said a man was shot on Elm Street.", HILLTOWN)
    two = _event("b2", "Sgt. Tom Walsh, 44, said a woman was wounded on the east side.", RIVERSIDE,
                 day=DAY + timedelta(days=5))
    # a name with no age and in no event's party: a hotline, a park, a team
    three = _event("c2", "Anyone who saw the shooting may call Tip Line Hotline Ohio.", HILLTOWN)
    four = _event("d2", "A man was shot near the Mill Creek Park entrance; call Tip Line Hotline.", RIVERSIDE,
                  day=DAY + timedelta(days=3))
    assert not across.persons(one, strong=True)
    assert _clusters_every_way([one, two, three, four]) == {frozenset({e}) for e in ("a2", "b2", "c2", "d2")}


def test_a_region_wide_place_meets_a_place_inside_it() -> None:
    state = _event("a3", "A 17-year-old Ohio boy was shot dead on Saturday, troopers said.", OHIO, killed=1)
    town = _event("b3", "The 17-year-old was shot dead at a party in Riverside.", RIVERSIDE, killed=1)
    assert across.km(OHIO.lat, OHIO.lon, RIVERSIDE.lat, RIVERSIDE.lon) > across.NEAR_KM  # type: ignore[arg-type]
    assert across.same_event(state, town)
    assert _clusters_every_way([state, town]) == {frozenset({"a3", "b3"})}


def test_a_report_months_later_in_the_same_place_tells_the_same_happening_again() -> None:
    shot = _event("a4", "A 7-year-old girl, Lily Moss, was shot dead on Saturday in a drive-by in Hilltown.",
                  HILLTOWN, killed=1, victim="Lily Moss")
    charged = _event("b4", "Two men were charged on Monday in the death of the 7-year-old, Lily Moss.",
                     HILLTOWN, day=DAY + timedelta(days=200))
    # the same age in the same town, with nothing else alike: another shooting
    another = _event("c4", "A 7-year-old boy was wounded by a stray bullet on Maple Avenue.", HILLTOWN,
                     day=DAY + timedelta(days=150))
    assert across.same_event(shot, charged)
    assert not across.same_event(shot, another) and not across.same_event(charged, another)
    assert _clusters_every_way([shot, charged, another]) == {frozenset({"a4", "b4"}), frozenset({"c4"})}


def test_the_same_age_in_the_same_place_a_week_later_links_and_the_other_sex_does_not() -> None:
    first = _event("a4", "A 3-year-old boy was shot on Tuesday at a home in Hilltown and died.",
                   HILLTOWN, killed=1)
    week = _event("b4", "The mother of the 3-year-old who shot himself with her handgun was charged.",
                  HILLTOWN, day=DAY + timedelta(days=8))
    girl = _event("c4", "A 3-year-old girl was wounded by a stray bullet in Hilltown.",
                  HILLTOWN, day=DAY + timedelta(days=9))
    far = _event("d4", "A 3-year-old boy was shot on Tuesday at a home in Riverside.", RIVERSIDE)
    # a neighbouring town of the same metropolitan area, within MAX_KM, a week later
    beside = _event("e4", "Deputies said a 3-year-old was hurt when a pistol went off in a Brookdale garage.",
                    BROOKDALE, day=DAY + timedelta(days=7))
    assert 0 < across.km(HILLTOWN.lat, HILLTOWN.lon, BROOKDALE.lat, BROOKDALE.lon) < across.MAX_KM  # type: ignore[arg-type]
    assert across.same_event(first, week)
    assert not across.same_event(first, girl)
    assert not across.same_event(first, far)
    assert not across.same_event(first, beside)
    found = _clusters_every_way([first, week, far])
    assert frozenset({"a4", "b4"}) in found and frozenset({"d4"}) in found


def _placeless(eid: str, sentence: str, place: Location | None, day: date = DAY,
               wounded: int | None = None) -> Event:
    qs = (Quantity(kind="wounded", value=wounded, text="wounded", start=0, end=7),) if wounded else ()
    return Event(
        id=eid, article_id=f"art-{eid}", type=EventType(plover="ASSAULT"), status="asserted",
        location=place, time=TimeRef(start=day, end=day, precision="day"), quantities=qs,
        evidence=Evidence(sentence=sentence, start=0, end=len(sentence)))


def test_a_report_with_no_place_links_by_figures_marks_and_words_within_a_day() -> None:
    """A report with no place (no dateline) meets the report of its town when both give
    the same figure, a mark (the age) and words beyond the day; another town's shooting of
    that day, with another age, and the same report three days on, stay apart."""
    town = _placeless("a6", "A 4-year-old boy accidentally shot himself with a pistol in Hilltown on Sunday.",
                      HILLTOWN, wounded=1)
    wire = _placeless("b6", "Police said the 4-year-old boy found the pistol under a bed and shot himself Sunday.",
                      None, wounded=1)
    other = _placeless("c6", "A 19-year-old man was shot outside a bar in Riverside on Sunday.", RIVERSIDE,
                       wounded=1)
    late = _placeless("d6", wire.evidence.sentence, None, day=DAY + timedelta(days=3), wounded=1)
    assert not across.pointed(wire) and across.pointed(town)
    assert across.same_event(town, wire)
    assert not across.same_event(wire, other)
    assert not across.same_event(town, late)
    assert _clusters_every_way([town, wire, other, late]) == {
        frozenset({"a6", "b6"}), frozenset({"c6"}), frozenset({"d6"})}


def test_one_wire_sentence_carried_by_two_outlets_links_without_a_place() -> None:
    """Much the same sentence (``COPIED``) within a day links a report with no place,
    figures or marks aside; a sentence that merely shares the common words does not."""
    one = _placeless("a7", "Gunfire broke out after a basketball tournament ended late Saturday, leaving "
                     "several teenagers hurt, police said.", HILLTOWN)
    two = _placeless("b7", "Gunfire broke out after a basketball tournament ended late Saturday, leaving "
                     "several teenagers hurt.", None)
    three = _placeless("c7", "Gunfire broke out late Saturday at a party, police said.", None)
    assert across.similarity(one, two) >= across.COPIED
    assert across.same_event(one, two)
    assert not across.same_event(one, three) and not across.same_event(two, three)
    assert _clusters_every_way([one, two, three]) == {frozenset({"a7", "b7"}), frozenset({"c7"})}
