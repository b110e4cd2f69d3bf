"""The article page shows who says so for every event: each claim's source, cue and
status, and for a contested event the parties that contest it, all as escaped text."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from eventwire.model import Claim, Source
from eventwire.serve.app import create_app
from eventwire.store.database import Store

from .sample import shelling_doc


def _contested_doc():
    doc = shelling_doc()
    clash = next(e for e in doc.events if e.status == "claimed")
    own = Claim(status="claimed", source=clash.source, text=clash.evidence.sentence,
                start=clash.evidence.start, end=clash.evidence.end)
    # a source whose words hold markup: shown as text, never run
    rebels = Source(name="<b>Jaysh al-Fatah</b>", text="<b>rebels</b>", verb="denied")
    denial = Claim(status="denied", source=rebels, text=clash.evidence.sentence,
                   start=clash.evidence.start, end=clash.evidence.end)
    events = tuple(e.model_copy(update={"claims": (own, denial)}) if e.id == clash.id else e
                   for e in doc.events)
    return doc.model_copy(update={"events": events}), clash.id


def test_page_shows_claims_source_cue_status_and_contest(tmp_path: Path) -> None:
    doc, clash_id = _contested_doc()
    db = tmp_path / "db.duckdb"
    with Store(db) as store:
        store.add(doc)
    with TestClient(create_app(db)) as client:
        page = client.get(f"/articles/{doc.article.id}", params={"event": clash_id}).text
    section = page.split(f'id="event-{clash_id}"')[1].split("</section>")[0]
    assert "— contested" in section
    assert "Syrian state media" in section and "reported" in section  # source and cue
    assert "claimed" in section and "denied" in section
    assert "contested by &lt;b&gt;Jaysh al-Fatah&lt;/b&gt; (denied)" in section
    assert "contested by Syrian state media (claimed)" in section
    assert "<b>" not in section
    # an event no one contests shows its own claim: the source the article names
    shelling = next(e for e in doc.events if e.id != clash_id)
    own = page.split(f'id="event-{shelling.id}"')[1].split("</section>")[0]
    assert "Syrian Observatory for Human Rights" in own and "contested" not in own
