"""Contested events are stored whole (one event, a claim per party) and listed by
``contested``, which the ``contradictions`` command and the API read."""

from __future__ import annotations

from datetime import date

from eventwire.store.database import Store, contested
from eventwire.store.queries import get_event

TEXT = ("Witnesses said soldiers burned dozens of homes in a village near Bamenda on Tuesday. "
        "The army denied that its soldiers had burned any homes.")


def test_contested_event_is_stored_with_its_claims(pipeline, db_target: str) -> None:
    doc = pipeline.process_text(TEXT, published=date(2023, 6, 8), title="Village")
    with Store(db_target) as store:
        assert store.add(doc)
        found = contested(store)
        assert len(found) == 1
        statuses = sorted(c.status for c in found[0].claims)
        assert statuses == ["asserted", "denied"]
        detail = get_event(store.con, found[0].id)
        assert detail is not None and detail.event.claims == found[0].claims
