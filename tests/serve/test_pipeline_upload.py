"""Upload through the real pipeline: the seed article posted to the API comes back as
events at Aleppo, stored, with evidence spans that quote the text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from eventwire.serve.app import create_app

from .conftest import SEED_FILE

pipeline = pytest.importorskip("eventwire.pipeline")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    if not SEED_FILE.exists():
        pytest.skip(f"seed article not found at {SEED_FILE}")
    db = tmp_path_factory.mktemp("upload") / "db.duckdb"
    with TestClient(create_app(db)) as c:
        yield c


def test_seed_upload(client: TestClient) -> None:
    text = SEED_FILE.read_text(encoding="utf-8")
    r = client.post("/api/articles", json={"text": text})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["stored"] is True and body["events"]
    aleppo = [e for e in body["events"] if e["location"] and e["location"]["name"] == "Aleppo"]
    assert aleppo and abs(aleppo[0]["location"]["lat"] - 36.20) < 0.05
    assert abs(aleppo[0]["location"]["lon"] - 37.16) < 0.05
    assert client.get("/api/events").json()["total"] == len(body["events"])
    art = client.get(f"/api/articles/{body['article_id']}").json()
    assert art["spans"]
    for span in art["spans"]:
        assert art["text"][span["start"]:span["end"]] == span["text"], span
    page = client.get(body["url"])
    assert page.status_code == 200 and "hl-sentence" in page.text
    again = client.post("/api/articles", json={"text": text})
    assert again.json()["stored"] is False


def test_unreadable_upload_is_422(client: TestClient) -> None:
    r = client.post("/api/articles", json={"html": "<html><body><script>x()</script></body></html>"})
    assert r.status_code in (200, 422), r.text
    if r.status_code == 422:
        assert r.json()["error"]


def test_an_upload_is_placed_the_same_whatever_was_stored_before(client: TestClient) -> None:
    """Places do not depend on arrival order: earlier uploads from a local paper
    ('Pineville, La.', 'Rapides Parish') do not move the bare 'Alexandria' of its next
    upload (outlet priors are not learned at ingest time, README)."""
    url = "https://www.example-parish-upload.com/story/"

    def alexandria(what: str, **source: str) -> tuple[str, str]:
        text = f"Firefighters in Alexandria said a fire destroyed a {what} on Friday."
        r = client.post("/api/articles", json={"text": text, "title": "Fire", **source})
        assert r.status_code == 200 and r.json()["stored"], r.text
        places = client.get(f"/api/articles/{r.json()['article_id']}").json()["places"]
        p = next(p for p in places if p["text"] == "Alexandria")
        return p["country"], p["admin1"]

    before = alexandria("warehouse", url=f"{url}8")
    for n, text in enumerate([
            "Deputies arrested a man in Pineville, La., on Tuesday after a chase through Rapides Parish.",
            "The school board of Rapides Parish met in Ball, La., to approve the new budget.",
            "A bridge near Boyce, La., will close for repairs, the Rapides Parish police jury said."]):
        r = client.post("/api/articles", json={"text": text, "title": f"Local report {n}", "url": f"{url}{n}"})
        assert r.status_code == 200, r.text
    assert alexandria("barn", url=f"{url}9") == before


def test_a_corrected_upload_is_a_revision_in_the_change_feed(client: TestClient) -> None:
    url = "https://news.example.org/2021/03/goma-clashes"
    first = ("Clashes near Goma\n\nRebels attacked an army post near Goma on Monday, killing four "
             "soldiers, the army said.\n")
    fixed = ("Clashes near Goma\n\nRebels attacked an army post near Goma on Monday, killing seven "
             "soldiers, the army said on Tuesday.\n")
    seen = client.get("/api/changes").json()["dataset_version"]
    for text in (first, fixed):
        r = client.post("/api/articles", json={"text": text, "url": url, "published": "2021-03-02"})
        assert r.status_code == 200 and r.json()["stored"], r.text
    feed = client.get("/api/changes", params={"after": seen}).json()
    kinds = [(c["kind"], c["version"]) for c in feed["changes"]]
    assert ("added", 1) in kinds and ("revised", 2) in kinds
    revised = next(c for c in feed["changes"] if c["kind"] == "revised")
    event = client.get(f"/api/events/{revised['event_id']}").json()["event"]
    assert [q["value"] for q in event["quantities"] if q["kind"] == "killed"] == [7]
    assert feed["dataset_version"] == max(c["seq"] for c in feed["changes"])
    rows = client.get("/api/events", params={"q": "army post"}).json()["events"]
    assert revised["event_id"] in {r["id"] for r in rows}
    assert {r["article_id"] for r in rows} == {revised["article_id"]}  # only the current version
    assert all(r["cluster_id"] and r["change_seq"] for r in rows)
