"""Acceptance on the repo's own sample articles: the pipeline is not shaped around one story.

The articles in examples/ were written for this project in news style (a bombing with
casualties, a protest, an arrest); each test checks what a careful coder takes from them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.engines.local import BatchReport, run
from eventwire.model import ArticleDoc, Event

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PUBLISHED = date(2026, 3, 6)  # a Friday


@pytest.fixture(scope="module")
def docs(pipeline) -> dict[str, ArticleDoc]:
    report = BatchReport()
    out = {Path(str(d.article.path)).stem: d for d in run(pipeline.process, [EXAMPLES], report, PUBLISHED)}
    assert report.skipped == []
    return out


def counts(ev: Event) -> set[tuple[str, int, str]]:
    return {(q.kind, q.value, q.qualifier) for q in ev.quantities}


def test_bombing_casualties_place_and_source(docs: dict[str, ArticleDoc]) -> None:
    doc = docs["bombing_kabul"]
    violent = [e for e in doc.events if e.type.plover == "ASSAULT" and e.status == "asserted"]
    assert any(e.type.acled == ("Explosions/Remote violence", "Suicide bomb") for e in violent)
    found = set().union(*(counts(e) for e in violent))
    assert ("killed", 14, "at_least") in found and ("wounded", 32, "exact") in found
    killing = next(e for e in violent if ("killed", 14, "at_least") in counts(e))
    assert killing.location is not None and (killing.location.name, killing.location.country) == ("Kabul", "AFG")
    assert killing.time is not None and killing.time.start == PUBLISHED
    assert killing.source is not None and killing.source.kind == "police" and killing.source.country == "AFG"


def test_bombing_quote_speaker(docs: dict[str, ArticleDoc]) -> None:
    quote = next(q for q in docs["bombing_kabul"].quotes if q.text.startswith("The attacker entered"))
    assert quote.speaker is not None and quote.speaker.country == "AFG"


def test_protest_size_place_and_injuries(docs: dict[str, ArticleDoc]) -> None:
    doc = docs["protest_nairobi"]
    march = next(e for e in doc.events if e.type.plover == "PROTEST" and e.status == "asserted")
    assert ("people", 2000, "at_least") in counts(march)
    assert march.location is not None and (march.location.name, march.location.country) == ("Nairobi", "KEN")
    assert march.time is not None and march.time.start == date(2026, 3, 3)  # "on Tuesday"
    injured = [q for e in doc.events for q in e.quantities if q.kind == "wounded"]
    assert injured and injured[0].value == 23 and injured[0].source == "Kenya Red Cross Society"


def test_protest_threat_is_planned(docs: dict[str, ArticleDoc]) -> None:
    strike = [e for e in docs["protest_nairobi"].events if "general strike" in e.evidence.sentence
              and e.type.plover in {"PROTEST", "THREATEN"}]
    assert strike and all(e.status != "asserted" or e.type.plover == "THREATEN" for e in strike)


def test_arrest_count_actor_and_source(docs: dict[str, ArticleDoc]) -> None:
    doc = docs["arrest_caracas"]
    arrest = next(e for e in doc.events if e.type.acled == ("Strategic developments", "Arrests"))
    assert ("arrested", 11, "exact") in counts(arrest)
    assert arrest.actor1 is not None and arrest.actor1.kind == "police" and arrest.actor1.country == "VEN"
    assert arrest.actor2 is None or arrest.actor2.kind != "rebels"
    assert arrest.source is not None and "Foro Penal" in arrest.source.text
    assert arrest.location is not None and arrest.location.country == "VEN"


def test_denial_is_not_a_fact(docs: dict[str, ArticleDoc]) -> None:
    """The officials' denial is a claim on the arrest it denies (one event, two voices),
    never an asserted event of its own."""
    events = docs["arrest_caracas"].events
    from_denial = [e for e in events if "denied" in e.evidence.sentence and e.type.plover == "COERCE"]
    assert all(e.status == "denied" for e in from_denial)
    contested = [e for e in events if e.type.plover == "COERCE" and e.contested]
    denials = [c for e in contested for c in e.claims if c.status == "denied"]
    assert from_denial or denials
    assert all(c.source is not None and "ministry" in c.source.text.lower() for c in denials)
