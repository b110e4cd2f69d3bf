"""The people an article names in full with an age, carried on its lead event
(``link.names``): found with their spans, kept off officials and other events, and
linking reports whose event sentences do not name them, in any order."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import permutations

from eventwire.link import across, clusters, stored
from eventwire.link.names import named_in, with_names
from eventwire.model import Article, Event
from eventwire.model.records import EventType, Evidence, Location, TimeRef

DAY = date(2020, 3, 14)
MAPLETON = Location(name="Mapleton", country="USA", admin1="Utah", lat=40.13, lon=-111.58, precision="city")
FARAWAY = Location(name="Orchard Falls", country="USA", admin1="Iowa", lat=42.17, lon=-95.79,
                   precision="city")
# the same town put by the gazetteer in another state
WRONG = Location(name="Mapleton", country="USA", admin1="Iowa", lat=42.17, lon=-95.79, precision="city")

FIRST = ("A woman was shot dead on Friday night at a house on Birch Lane in Mapleton. "
         "Police identified her as Marta Lindqvist, 44, of Mapleton. "
         "Chief Dana Whitfield, 52, said officers arrested her neighbour, 38-year-old Owen Creed. "
         "Last year a man was shot near the same park, police said. "
         "Her sister Elena Brandt asked for privacy.")
LATER = ("A Mapleton man pleaded guilty on Monday to manslaughter. "
         "Owen Creed admitted firing the shot that killed Marta Lindqvist in March.")
OTHER = ("Gunfire outside a tavern in Mapleton killed a man late on Friday. "
         "He was named as Rufus Hale, 61. No one has been arrested.")


def _article(aid: str, text: str) -> Article:
    return Article(id=aid, text=text, published=DAY)


def _event(eid: str, article: Article, sentence: str, place: Location, day: date = DAY,
           status: str = "asserted") -> Event:
    at = article.text.index(sentence)
    return Event(id=eid, article_id=article.id, type=EventType(plover="ASSAULT"), status=status,  # type: ignore[arg-type]
                 location=place, time=TimeRef(start=day, end=day, precision="day"),
                 evidence=Evidence(sentence=sentence, start=at, end=at + len(sentence)))


def test_the_article_names_its_parties_with_their_spans_and_not_its_officials() -> None:
    art = _article("a", FIRST)
    found = named_in(art, "Mapleton")
    assert [(n.name, n.aged) for n in found] == [
        ("marta lindqvist", True), ("owen creed", True), ("elena brandt", False)]
    for n in found:
        assert art.text[n.start:n.end] == n.text
    assert "dana whitfield" not in {n.name for n in found}  # a title before the name


def test_only_the_lead_event_carries_the_names() -> None:
    art = _article("a", FIRST)
    lead = _event("e1", art, "A woman was shot dead on Friday night at a house on Birch Lane in Mapleton.", MAPLETON)
    recalled = _event("e2", art, "Last year a man was shot near the same park, police said.", MAPLETON,
                      status="background")
    got = {e.id: e for e in with_names([recalled, lead], art, lambda e: e.status == "asserted")}
    assert {n.name for n in got["e1"].named} == {"marta lindqvist", "owen creed", "elena brandt"}
    assert got["e2"].named == ()
    assert with_names([recalled], art, lambda e: e.status == "asserted") == [recalled]


def _linked_every_way(events: list[Event]) -> set[frozenset[str]]:
    """The clusters of the set, checked equal to the store's joins in every order."""
    ids = clusters.cluster_ids(events)
    want = {frozenset(e.id for e in events if ids[e.id] == root) for root in set(ids.values())}
    for order in permutations(events):
        cluster_of: dict[str, str] = {}
        for new in order:
            keys = set(stored.probes([new]))
            filed = [stored.Filed(e, cluster_of[e.id], frozenset(set(clusters.index_keys(e)) & keys))
                     for e in order if e.id in cluster_of]
            cluster_of[new.id] = new.id
            for merge in stored.join([new], filed):
                for eid, cid in cluster_of.items():
                    if cid in merge.clusters:
                        cluster_of[eid] = merge.into
        assert {frozenset(e for e in cluster_of if cluster_of[e] == c) for c in set(cluster_of.values())} == want
    return want


def test_a_later_report_links_by_a_name_its_event_sentence_does_not_give() -> None:
    first, later, other = _article("a", FIRST), _article("b", LATER), _article("c", OTHER)
    shot = _event("e1", first, "A woman was shot dead on Friday night at a house on Birch Lane in Mapleton.",
                  MAPLETON)
    plea = _event("e2", later, "A Mapleton man pleaded guilty on Monday to manslaughter.", WRONG,
                  day=DAY + timedelta(days=60))
    bar = _event("e3", other, "Gunfire outside a tavern in Mapleton killed a man late on Friday.", MAPLETON)
    bare = [shot, plea, bar]
    assert not across.same_event(shot, plea)  # neither sentence names anyone
    lead = lambda e: True  # noqa: E731  (each article here has one event)
    named = [with_names([e], art, lead)[0] for e, art in zip(bare, (first, later, other), strict=True)]
    assert across.same_event(named[0], named[1])
    assert not across.same_event(named[0], named[2]) and not across.same_event(named[1], named[2])
    assert _linked_every_way(named) == {frozenset({"e1", "e2"}), frozenset({"e3"})}


def test_a_trial_years_later_in_the_same_town_links_by_the_name_and_not_elsewhere() -> None:
    art = _article("a", "Kara Doyle, 19, was shot dead outside a diner in Mapleton on Friday.")
    shot = _event("f1", art, art.text, MAPLETON)
    trial = _article("b", "A jury convicted a Mapleton man of the murder of Kara Doyle, 19, on Tuesday.")
    verdict = _event("f2", trial, trial.text, MAPLETON, day=DAY + timedelta(days=800))
    away = _event("f3", _article("c", trial.text), trial.text, FARAWAY, day=DAY + timedelta(days=400))
    assert across._gap(shot, verdict) > across.LATER
    assert across.same_event(shot, verdict)
    assert not across.same_event(shot, away)  # 1,100 km away, two years on
    assert _linked_every_way([shot, verdict, away]) == {frozenset({"f1", "f2"}), frozenset({"f3"})}


def test_a_name_in_the_possessive_is_the_same_name() -> None:
    text = "Deputies said Duane Okafor's wife called 911 from the farmhouse."
    assert across._full_names(text, set()) == {"duane okafor"}
    [(start, end, name)] = list(across.name_spans(text, set()))
    assert text[start:end] == "Duane Okafor" and name == "duane okafor"


def test_a_name_given_an_age_in_neither_article_does_not_link() -> None:
    one = _article("a", "A man was wounded at a gas station in Mapleton on Friday. A witness, Jo Park, saw it.")
    two = _article("b", "Two men were arrested after a robbery in Mapleton on Friday. Jo Park filmed it.")
    first = with_names([_event("g1", one, one.text.split(". ")[0] + ".", MAPLETON)], one, lambda e: True)[0]
    second = with_names([_event("g2", two, two.text.split(". ")[0] + ".", MAPLETON)], two, lambda e: True)[0]
    assert [(n.name, n.aged) for n in first.named] == [("jo park", False)]
    assert not across.named_alike(first, second)
