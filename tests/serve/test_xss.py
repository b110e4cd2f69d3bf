"""Markup in an article stays text: an article holding <script> and <img onerror> is
posted to a running server (with its write token, through the real pipeline), and in
headless Chromium neither the page nor the article panel runs any of it."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from .browser import chromium, chromium_path, running_server
from .conftest import build_db

pytestmark = [
    pytest.mark.skipif(chromium_path() is None,
                       reason="chromium not installed: run scripts/install_browser.sh"),
]

TOKEN = "xss-test-token"
ARTICLE = (
    "Shelling hits Aleppo <script>window.__xss = 'title'</script>\n\n"
    "Government artillery shelled eastern Aleppo on Wednesday, killing at least 12 "
    "civilians <img src=x onerror=\"window.__xss = 'img'\">, the Syrian Observatory for "
    "Human Rights said.\n\n"
    "\"The bombardment did not stop all night <script>window.__xss = 'quote'</script>,\" "
    "a resident said.\n"
)
INJECTED = ("[...document.querySelectorAll('script:not([src]), img[onerror], [onerror]')]"
            ".length")


def test_posted_markup_never_runs(tmp_path: Path) -> None:
    db = build_db(tmp_path / "db.duckdb")
    with running_server(db, tmp_path / "serve.log", env={"EVENTWIRE_TOKEN": TOKEN}) as base:
        denied = httpx.post(base + "/api/articles", json={"text": ARTICLE}, timeout=60)
        assert denied.status_code == 401
        r = httpx.post(base + "/api/articles", json={"text": ARTICLE, "published": "2016-12-14"},
                       headers={"Authorization": f"Bearer {TOKEN}"}, timeout=600)
        assert r.status_code == 200, r.text
        posted = r.json()
        assert posted["events"], posted
        with chromium(tmp_path / "profile") as b:
            b.goto(base + "/")
            b.wait("document.getElementById('map').dataset.markers !== undefined", "markers")
            row = f"#events tbody tr[data-event=\"{posted['events'][0]['id']}\"]"
            assert b.eval(f"!!document.querySelector('{row}')")
            b.eval(f"window.eventwireOpen('{posted['article_id']}', "
                   f"'{posted['events'][0]['id']}')")
            b.wait("!!document.querySelector('#panel #article-text')", "article panel")
            panel = b.eval("document.getElementById('panel').textContent")
            assert "<script>" in panel and "onerror" in panel  # shown as text
            assert b.eval(INJECTED) == 0
            b.goto(base + posted["url"])
            assert "<img src=x" in b.eval("document.body.textContent")
            assert b.eval(INJECTED) == 0
            b.eval("new Promise(r => setTimeout(r, 500))")
            assert b.eval("typeof window.__xss") == "undefined"
