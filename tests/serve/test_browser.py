"""The web page in a real browser: map markers at Aleppo, a click opens the article with
its evidence highlighted, a filter narrows the table. Screenshots go to screenshots/."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from eventwire.serve.assets import missing_vendor_assets

from .browser import Browser, chromium, chromium_path, running_server
from .conftest import SEED_FILE, build_db
from .sample import shelling_doc

pytestmark = [
    pytest.mark.skipif(chromium_path() is None,
                       reason="chromium not installed: run scripts/install_browser.sh"),
]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
ALEPPO = (36.20, 37.16)
SHELLING_ID = shelling_doc().events[0].id

MARKERS = """(() => {
  const map = window.eventwireMap, box = document.getElementById('map').getBoundingClientRect();
  return [...document.querySelectorAll('path.ew-marker')].map(p => {
    const r = p.getBoundingClientRect();
    const lat = +p.dataset.lat, lon = +p.dataset.lon;
    const at = map.latLngToContainerPoint([lat, lon]);
    return {event: p.dataset.event, lat, lon, x: r.x + r.width / 2, y: r.y + r.height / 2,
            ex: box.x + at.x, ey: box.y + at.y};
  });
})()"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """`eventwire serve` on the samples plus the seed article run through the pipeline."""
    tmp = tmp_path_factory.mktemp("server")
    db = build_db(tmp / "served.duckdb", seed=SEED_FILE.exists())
    with running_server(db, tmp / "serve.log") as base:
        yield base


def marks_in_panel(b: Browser) -> list[tuple[str, str]]:
    return [tuple(m) for m in b.eval(
        "[...document.querySelectorAll('#panel #article-text mark')]"
        ".map(m => [m.className, m.textContent])")]


def test_map_article_and_filter(server: str, tmp_path: Path) -> None:
    if missing_vendor_assets():
        pytest.fail("map assets missing: pip install django-js-lib-leaflet (a pinned dependency)")
    total = httpx.get(server + "/api/events", params={"limit": 1}).json()["total"]
    with chromium(tmp_path / "profile") as b:
        b.goto(server + "/")
        b.wait("document.getElementById('map').dataset.markers !== undefined", "markers drawn")
        b.wait("document.querySelectorAll('.leaflet-overlay-pane path').length > 100",
               "basemap countries drawn")
        markers = b.eval(MARKERS)
        assert len(markers) >= 3
        aleppo = [m for m in markers
                  if abs(m["lat"] - ALEPPO[0]) < 0.1 and abs(m["lon"] - ALEPPO[1]) < 0.1]
        assert len(aleppo) >= 2, markers
        for m in markers:  # drawn where the map puts their place, not just tagged with it
            assert abs(m["x"] - m["ex"]) < 3 and abs(m["y"] - m["ey"]) < 3, m
        assert b.eval("document.querySelectorAll('#timeline rect.bar').length") >= 3
        assert b.eval("document.querySelectorAll('#events tbody tr[data-event]').length") == (
            min(total, 500))

        # click the marker on top at Aleppo: its article opens with the event's evidence
        top = aleppo[-1]
        b.click(top["x"], top["y"])
        b.wait("!!document.querySelector('#panel #article-text mark.hl-sentence')",
               "article opened in the panel")
        assert b.eval("document.getElementById('panel').dataset.event") == top["event"]
        assert b.eval(f"!!document.querySelector('#panel #event-{top['event']}.chosen')")
        assert any("hl-sentence" in cls for cls, _ in marks_in_panel(b))
        b.screenshot(SCREENSHOTS / "serve_map_marker.png")

        # the shelling event from the table: every field's words are highlighted
        b.eval("document.querySelector('#events tbody tr[data-event=\"%s\"]')"
               ".scrollIntoView({block: 'center'})" % SHELLING_ID)
        row = b.eval("(() => { const r = document.querySelector('#events tbody "
                     "tr[data-event=\"%s\"] td').getBoundingClientRect();"
                     " return [r.x + 5, r.y + r.height / 2]; })()" % SHELLING_ID)
        b.click(*row)
        b.wait(f"document.getElementById('panel').dataset.event === '{SHELLING_ID}'",
               "shelling article opened")
        marks = marks_in_panel(b)
        words = {k: text for cls, text in marks for k in cls.split() if k.startswith("hl-")
                 and k != "hl-sentence"}
        assert words == {"hl-actor1": "Government artillery", "hl-trigger": "shelled",
                         "hl-location": "Aleppo", "hl-time": "Wednesday",
                         "hl-quantity": "at least 12", "hl-actor2": "civilians",
                         "hl-source": "the Syrian Observatory for Human Rights",
                         "hl-quote": '"The bombardment did not stop all night,"'}, words
        b.eval("window.scrollTo(0, 0)")
        b.screenshot(SCREENSHOTS / "serve_map_article.png")

        # a filter typed into the form narrows the table (and the map)
        b.eval("document.querySelector('input[name=q]').focus()")
        b.call("Input.insertText", text="Saraqib")
        box = b.eval("(() => { const r = document.getElementById('apply')"
                     ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2];"
                     " })()")
        b.click(*box)
        b.wait("location.search.includes('q=Saraqib') && document.readyState === 'complete'",
               "filtered page")
        b.wait("document.getElementById('map').dataset.markers !== undefined", "markers drawn")
        rows = b.eval("[...document.querySelectorAll('#events tbody tr[data-event]')]"
                      ".map(r => r.textContent)")
        assert len(rows) == 1 and "Armed clash" in rows[0]
        assert b.eval("document.getElementById('map').dataset.markers") == "1"
        b.screenshot(SCREENSHOTS / "serve_filtered.png")


def test_plain_table_without_map_assets(tmp_path: Path) -> None:
    """Without the vendor files the page still lists events and says what to run."""
    from fastapi.testclient import TestClient

    from eventwire.serve.app import create_app

    app = create_app(build_db(tmp_path / "db.duckdb"))
    with TestClient(app) as client:
        app.state.vendor_missing = ["leaflet/leaflet.js"]
        page = client.get("/").text
        assert "pip install django-js-lib-leaflet" in page and 'id="map"' not in page
        assert page.count("<tr data-event=") == 3
        assert json.loads(client.get("/api/health").text)["map_assets"] is False
