"""Linking across articles: one event told twice is one cluster; disagreeing figures flag it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from eventwire.store.database import Store, contradictions

WIRE_A = (
    "Evacuation from besieged town ends\n\n"
    "About 4,500 people were evacuated from the besieged Syrian town of Madaya on Monday, "
    "the United Nations said.\n"
)
WIRE_B = (
    "Last buses leave Madaya\n\n"
    "More than 6,000 people were evacuated from Madaya in Syria on Monday, the Syrian Arab Red "
    "Crescent said, as the last buses left the town.\n"
)
OTHER = (
    "Aid convoy reaches northern city\n\n"
    "An aid convoy reached Aleppo on Monday with food for 20,000 people, the World Food "
    "Programme said.\n"
)


def test_same_event_two_sources_is_one_cluster_and_flagged(pipeline, tmp_path: Path) -> None:
    pub = date(2017, 4, 11)
    docs = [pipeline.process_text(t, published=pub, path=f"{n}.txt") for n, t in
            enumerate([WIRE_A, WIRE_B, OTHER])]
    with Store(tmp_path / "ew.duckdb") as store:
        for d in docs:
            store.add(d)
        evac = store.query(
            "SELECT article_id, cluster_id, flagged FROM events WHERE sentence LIKE '%evacuated%'"
            " AND sentence LIKE '%Madaya%'")
        assert len({r["article_id"] for r in evac}) == 2
        assert len({r["cluster_id"] for r in evac}) == 1
        assert all(r["flagged"] for r in evac)
        found = contradictions(store)
        figures = [f for fs in found.values() for f in fs if f.kind == "evacuated"]
        assert {(f.value, f.qualifier) for f in figures} == {(4500, "about"), (6000, "at_least")}
        assert {f.source for f in figures} == {"United Nations", "Syria Red Crescent Society"}
        total = store.count("events")
        assert len(store.events(dedup=True)) == total - 1


# Three local reports of one Saturday in one city, written for this test: two outlets
# tell one shooting (the same street, the same victim), the third another shooting.
SHOOTING_A = (
    "Man killed in Memphis shooting\n\n"
    "A 23-year-old man was shot and killed Saturday night on Maple Avenue in Memphis, "
    "police said.\n"
)
SHOOTING_B = (
    "Police name Maple Avenue victim\n\n"
    "Darnell Hayes, 23, died after he was shot on Maple Avenue in Memphis on Saturday "
    "night, police said.\n"
)
SHOOTING_C = (
    "Woman hurt at gas station\n\n"
    "Officers are looking for a gunman after a woman was wounded at a gas station on "
    "Lamar Avenue in Memphis on Saturday.\n"
)


def test_same_city_and_day_alone_do_not_link(pipeline, tmp_path: Path) -> None:
    """Place and day are not enough: a city's shootings of one day stay apart unless
    their reports share a mark of the happening (here the street and the age)."""
    pub = date(2016, 5, 9)
    docs = [pipeline.process_text(t, published=pub, path=f"m{n}.txt", outlet=f"outlet{n}.com")
            for n, t in enumerate([SHOOTING_A, SHOOTING_B, SHOOTING_C])]
    with Store(tmp_path / "ew.duckdb") as store:
        for d in docs:
            store.add(d)
        rows = store.query("SELECT article_id, cluster_id FROM events WHERE sentence LIKE '%shot%'"
                           " OR sentence LIKE '%wounded%'")
    cluster = {r["article_id"]: r["cluster_id"] for r in rows}
    a, b, c = (d.article.id for d in docs)
    assert {a, b, c} <= set(cluster)
    assert cluster[a] == cluster[b]
    assert cluster[c] != cluster[a]
