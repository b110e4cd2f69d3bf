"""The store, on DuckDB and on PostgreSQL: all-or-nothing per article, nothing stored twice, filters."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.errors import StoreError
from eventwire.model import (
    Actor,
    Article,
    ArticleDoc,
    Event,
    EventType,
    Evidence,
    Location,
    Quantity,
    TimeRef,
)
from eventwire.store.database import Store

TEXT = "Gunmen killed five villagers in Kaduna on Monday, police said."


def _doc(article_id: str = "a1", event_ids: tuple[str, ...] = ("e1",)) -> ArticleDoc:
    art = Article(id=article_id, title="Attack", text=TEXT, published=date(2021, 3, 2))
    evs = tuple(
        Event(
            id=eid,
            type=EventType(plover="ASSAULT", acled=("Violence against civilians", "Attack")),
            status="asserted",
            actor1=Actor(name="Unidentified Armed Group (Nigeria)", country="NGA", kind="militia",
                         text="Gunmen", start=0, end=6),
            location=Location(name="Kaduna", country="NGA", lat=10.52, lon=7.44, precision="city"),
            time=TimeRef(start=date(2021, 3, 1), end=date(2021, 3, 1), precision="day", text="Monday"),
            quantities=(Quantity(kind="killed", value=5, text="five villagers", start=14, end=28),),
            evidence=Evidence(sentence=TEXT, start=0, end=len(TEXT)),
        )
        for eid in event_ids
    )
    return ArticleDoc(article=art, events=evs)


def test_add_is_idempotent(db_target: str) -> None:
    with Store(db_target) as store:
        assert store.add(_doc()) is True
        assert store.add(_doc()) is False
        assert (store.count("articles"), store.count("events"), store.count("quantities")) == (1, 1, 1)
        ev = store.events()[0]
        assert ev.quantities[0].value == 5 and ev.actor1 is not None and ev.actor1.kind == "militia"


def test_failed_article_leaves_nothing_half_written(db_target: str) -> None:
    with Store(db_target) as store:
        store.add(_doc("a1", ("e1",)))
        with pytest.raises(StoreError, match="cannot store article a2"):
            store.add(_doc("a2", ("e2", "e2")))  # second insert violates the primary key
        assert store.count("articles") == 1
        assert store.count("events") == 1
        assert not store.has_article("a2")


def test_event_filters(db_target: str) -> None:
    with Store(db_target) as store:
        store.add(_doc())
        assert len(store.events(country="nga")) == 1
        assert store.events(country="SYR") == []
        assert len(store.events(since=date(2021, 3, 1), until=date(2021, 3, 1))) == 1
        assert store.events(since=date(2021, 3, 2)) == []
        assert store.events(type="PROTEST") == []
        # --type means one thing everywhere: a PLOVER category, an ACLED event or sub-event type
        assert [len(store.events(type=t)) for t in ("assault", "Violence against civilians", "attack")] == [1, 1, 1]
        assert len(store.events(actor="armed group")) == 1 and store.events(actor="army") == []
        with pytest.raises(TypeError, match="plover"):
            store.events(plover="ASSAULT")  # not a filter: never silently ignored


def test_reopen_keeps_data(db_target: str) -> None:
    path = db_target
    with Store(path) as store:
        store.add(_doc())
    with Store(path, read_only=True) as store:
        assert store.count("events") == 1
