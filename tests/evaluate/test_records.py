"""The record-level harness (ACLED-style gold): matching and per-field scores."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from eventwire.evaluate.records import evaluate, main
from eventwire.model import Actor, Event, EventType, Evidence, Location, Quantity, TimeRef


def _event(eid: str, acled: tuple[str, str], day: date, lat: float, killed: int | None,
           status: str = "asserted") -> Event:
    qs = (Quantity(kind="killed", value=killed, text="x", start=0, end=1),) if killed else ()
    return Event(
        id=eid, type=EventType(plover="ASSAULT", acled=acled), status=status,  # type: ignore[arg-type]
        actor1=Actor(name="Military Forces of Mali", country="MLI", kind="military", text="troops"),
        location=Location(name="Gao", country="MLI", lat=lat, lon=0.04, precision="city"),
        time=TimeRef(start=day, end=day, precision="day"), quantities=qs,
        evidence=Evidence(sentence="x", start=0, end=1),
    )


def test_fields_are_scored_over_matched_pairs() -> None:
    gold = [{"id": "a", "events": [
        {"acled_type": "Battles", "acled_sub_event_type": "Armed clash", "actor1": "Military Forces of Mali",
         "actor1_kind": "military", "lat": 16.27, "lon": 0.04, "date": "2020-05-02", "fatalities": 10},
        {"acled_type": "Protests", "date": "2020-05-03"},
    ]}]
    predicted = {"a": [
        _event("e1", ("Battles", "Armed clash"), date(2020, 5, 2), 16.27, 11),
        _event("e2", ("Battles", "Armed clash"), date(2020, 5, 9), 14.0, None),
        _event("e3", ("Battles", "Armed clash"), date(2020, 5, 2), 16.27, 10, status="alleged"),
    ]}
    s = evaluate(predicted, gold)
    assert (s.gold, s.predicted, s.matched) == (2, 2, 1)  # the alleged event is no fact
    rates = {k: t.rate() for k, t in s.fields.items()}
    assert rates["sub_event_type"] == 1.0 and rates["actor1_name"] == 1.0
    assert rates["location_25km"] == 1.0 and rates["date_exact"] == 1.0
    assert rates["fatalities_exact"] == 0.0 and rates["fatalities_10pct"] == 1.0


def test_end_to_end_on_own_articles(tmp_path: Path) -> None:
    text = ("Gunmen killed 9 villagers in an attack on a market in Maiduguri on Sunday, "
            "police said.")
    rows = [{"id": "m1", "text": text, "title": "Market attack", "published": "2021-06-08",
             "events": [{"acled_type": "Violence against civilians", "lat": 11.85, "lon": 13.16,
                         "date": "2021-06-06", "fatalities": 9}]}]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    figures = main(gold)
    assert figures["matched"] == 1
    assert figures["date_exact"] == 1.0 and figures["fatalities_exact"] == 1.0
    assert figures["location_25km"] == 1.0
