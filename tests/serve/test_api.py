"""The JSON API and the pages, in process: filters, evidence spans, errors in the
caller's format, and upload through a stand-in pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire.errors import EmptyInputError, SetupError
from eventwire.model import ArticleDoc
from eventwire.serve.app import create_app

from .conftest import build_db
from .sample import SHELLING_TEXT, shelling_doc


class StubPipeline:
    """Returns the hand-made shelling article for any text; counts its loads."""

    loads = 0

    def __init__(self) -> None:
        StubPipeline.loads += 1

    def process_text(self, text: str, published: Any = None, title: str | None = None,
                     path: str = "upload", **source: Any) -> ArticleDoc:
        if not text.strip():
            raise EmptyInputError(path)
        return shelling_doc()

    def process_html(self, html: str, published: Any = None, **source: Any) -> ArticleDoc:
        return shelling_doc()


@pytest.fixture
def client(db_target: str) -> Iterator[TestClient]:
    StubPipeline.loads = 0
    with TestClient(create_app(build_db(db_target), StubPipeline)) as c:
        yield c


def test_events_and_filters(client: TestClient) -> None:
    page = client.get("/api/events").json()
    assert page["total"] == 3 and [e["date_start"] for e in page["events"]] == [
        "2016-12-13", "2016-12-14", "2016-12-15"]

    def total(**params: str) -> int:
        r = client.get("/api/events", params=params)
        assert r.status_code == 200, r.text
        return int(r.json()["total"])

    assert total(since="2016-12-14") == 2 and total(until="2016-12-13") == 1
    assert total(country="syr") == 3 and total(admin1="Idlib") == 1
    assert total(type="ASSAULT") == 2 and total(type="Armed clash") == 1
    assert total(actor="jaysh") == 1 and total(status="claimed") == 1
    assert total(source="observatory") == 1 and total(q="artillery") == 1
    assert total(bbox="37,36,37.5,36.5") == 2 and total(q="100%") == 0
    assert total(bbox="-500,-100,500,100") == 3  # clamped to the globe
    assert total(bbox="37,30,36,40") == 2  # west > east: across the antimeridian
    assert total(dedup="true") == len({e["cluster_id"] for e in page["events"]})
    assert total(limit="1")
    assert client.get("/api/events", params={"limit": "1"}).json()["events"][0]["location"] == (
        "Saraqib")


def test_event_rows_carry_acled_inter_codes(client: TestClient) -> None:
    rows = {e["acled_sub_event_type"]: e for e in client.get("/api/events").json()["events"]}
    shelling, clash = rows["Shelling/artillery/missile attack"], rows["Armed clash"]
    # the event's own codes; a record without them (stored before them): its actors' codes
    assert (shelling["inter1"], shelling["inter2"], shelling["interaction"]) == (1, 7, 17)
    assert (clash["inter1"], clash["inter2"], clash["interaction"]) == (2, 1, 12)
    aid = rows["Other"]  # a sole actor: ten times its code
    assert (aid["inter1"], aid["inter2"], aid["interaction"]) == (8, None, 80)


def test_bad_filters_answer_422_json(client: TestClient) -> None:
    for params in ({"bbox": "1,2"}, {"bbox": "a,b,c,d"}, {"since": "yesterday"},
                   {"since": "0"}, {"limit": "0"}):
        r = client.get("/api/events", params=params)
        assert r.status_code == 422 and r.json()["error"], params


def test_event_and_article_evidence(client: TestClient) -> None:
    eid = client.get("/api/events", params={"type": "Battles"}).json()["events"][0]["id"]
    ev = client.get(f"/api/events/{eid}").json()
    assert ev["event"]["location"]["name"] == "Saraqib"
    assert {s["kind"] for s in ev["spans"]} >= {"sentence", "actor1", "actor2", "location",
                                                "time", "quantity", "source"}
    art = client.get(f"/api/articles/{ev['article']['id']}").json()
    assert art["text"] == SHELLING_TEXT and len(art["events"]) == 2
    for span in art["spans"]:  # every highlighted span quotes the text exactly
        assert art["text"][span["start"]:span["end"]] == span["text"], span
    assert [q["speaker"] for q in art["quotes"]] == ["Ahmad al-Khatib"]


def test_lists_and_counts(client: TestClient) -> None:
    assert len(client.get("/api/articles").json()) == 2
    assert client.get("/api/articles", params={"q": "red cross"}).json()[0]["events"] == 1
    assert client.get("/api/quotes", params={"speaker": "khatib"}).json()[0]["text"].startswith(
        '"The bombardment')
    actors = {a["name"]: a["events"] for a in client.get("/api/actors").json()}
    assert actors["Military Forces of Syria"] == 2
    assert [p["name"] for p in client.get("/api/places").json()] == ["Aleppo", "Saraqib"]
    days = client.get("/api/counts", params={"by": "day"}).json()
    assert [(d["key"], d["events"], d["fatalities"]) for d in days] == [
        ("2016-12-13", 1, 5), ("2016-12-14", 1, 12), ("2016-12-15", 1, 0)]
    by_type = client.get("/api/counts", params={"by": "type"}).json()
    assert {d["key"]: d["events"] for d in by_type} == {"AID": 1, "ASSAULT": 2}


def test_export_endpoint(client: TestClient) -> None:
    r = client.get("/api/export/acled-csv", params={"type": "Battles"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.text.count("\n") == 2 and "Saraqib" in r.text
    assert client.get("/api/export/geojson").json()["type"] == "FeatureCollection"
    assert client.get("/api/export/parquet").content[:4] == b"PAR1"
    assert client.get("/api/export/xlsx").status_code == 422


def test_errors_in_the_callers_format(client: TestClient) -> None:
    api = client.get("/api/articles/nope")
    assert api.status_code == 404 and api.json() == {"error": "no article 'nope'", "status": 404}
    page = client.get("/articles/nope")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert "no article &#39;nope&#39;" in page.text
    assert client.get("/articles/nope", headers={"accept": "application/json"}).json()[
        "status"] == 404


def test_pages(client: TestClient) -> None:
    index = client.get("/", params={"type": "Battles", "since": ""})
    assert index.status_code == 200 and index.text.count("<tr data-event=") == 1
    aid = client.get("/api/articles").json()[0]["id"]
    art = client.get(f"/articles/{aid}").text
    assert 'class="hl ' in art and "<script" not in art.split("<body>")[1].split("</main>")[0]
    # the form's "one row per event" box: one row per cluster, kept checked, and the map's
    # and timeline's query (data-qs) asks for the same
    clusters = {e["cluster_id"] for e in client.get("/api/events").json()["events"]}
    merged = client.get("/", params={"dedup": "true"}).text
    assert merged.count("<tr data-event=") == len(clusters)
    assert 'name="dedup" value="true" checked' in merged and 'data-qs="dedup=true"' in merged
    assert 'name="dedup" value="true" checked' not in client.get("/").text
    eid = client.get("/api/events").json()["events"][0]["id"]
    moved = client.get(f"/events/{eid}", follow_redirects=False)
    assert moved.status_code == 303 and f"event={eid}" in moved.headers["location"]


def test_upload_stores_once_and_loads_pipeline_once(db_target: str) -> None:
    app = create_app(db_target, StubPipeline)
    StubPipeline.loads = 0
    with TestClient(app) as client:
        assert StubPipeline.loads == 0  # not at start: on first upload
        r = client.post("/api/articles", json={"text": SHELLING_TEXT, "published": "2016-12-15"})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["stored"] is True and len(body["events"]) == 2
        assert client.get("/api/events").json()["total"] == 2
        again = client.post("/api/articles", json={"html": "<p>" + SHELLING_TEXT + "</p>"})
        assert again.json()["stored"] is False and StubPipeline.loads == 1
        assert client.get(body["url"]).status_code == 200


def test_upload_errors(client: TestClient) -> None:
    assert client.post("/api/articles", json={}).status_code == 422
    assert client.post("/api/articles", json={"text": "a", "html": "<p>a</p>"}).status_code == 422
    assert client.post("/api/articles", json={"text": " ", "title": "x"}).status_code == 422


def test_upload_without_pipeline_is_503(tmp_path: Path) -> None:
    def broken() -> StubPipeline:
        raise SetupError("spaCy model missing: run scripts/setup.sh")

    with TestClient(create_app(tmp_path / "db.duckdb", broken)) as client:
        r = client.post("/api/articles", json={"text": "Shelling hit Aleppo on Monday."})
        assert r.status_code == 503 and "scripts/setup.sh" in r.json()["error"]


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/articles",
            "/api/articles/{article_id}", "/api/quotes", "/api/actors", "/api/places",
            "/api/counts", "/api/export/{format}"} <= set(paths)
    assert "post" in paths["/api/articles"] and "/" not in paths
    # each filter documented once (store/filters.py), the same words as the CLI's --help
    from eventwire.store.filters import HELP

    params = {p["name"]: p.get("description") for p in paths["/api/events"]["get"]["parameters"]}
    assert all(params[name] == words for name, words in HELP.items())
