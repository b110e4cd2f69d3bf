"""The server as a shared service: write token, refusal to listen beyond this machine
without one, request body limit, CORS off by default, headers on every response."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eventwire.errors import ConfigError
from eventwire.serve.app import create_app
from eventwire.serve.security import Access, check_listen, is_loopback

from .conftest import build_db
from .test_api import StubPipeline

TEXT = {"text": "Shelling hit Aleppo on Monday.\nGovernment artillery shelled the city."}


@pytest.fixture
def guarded(tmp_path: Path) -> Iterator[TestClient]:
    access = Access(token="s3cret-token", max_body_bytes=20_000)
    with TestClient(create_app(build_db(tmp_path / "db.duckdb"), StubPipeline,
                               access=access)) as c:
        yield c


def test_writes_need_the_token(guarded: TestClient) -> None:
    assert guarded.post("/api/articles", json=TEXT).status_code == 401
    wrong = guarded.post("/api/articles", json=TEXT, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    assert "token" in wrong.json()["error"]
    # checked before the body: a bad body without the token is still 401, not 422
    assert guarded.post("/api/articles", json={}).status_code == 401
    ok = guarded.post("/api/articles", json=TEXT,
                      headers={"Authorization": "Bearer s3cret-token"})
    assert ok.status_code == 200, ok.text
    assert guarded.get("/api/events").status_code == 200  # reads stay open


def test_body_limit_by_length_and_by_stream(guarded: TestClient) -> None:
    auth = {"Authorization": "Bearer s3cret-token"}
    big = {"text": "Shelling hit Aleppo. " * 2_000}
    r = guarded.post("/api/articles", json=big, headers=auth)
    assert r.status_code == 413 and "20,000 bytes" in r.json()["error"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"text": "'
        for _ in range(100):
            yield b"Shelling hit Aleppo. " * 20
        yield b'"}'

    r = guarded.post("/api/articles", content=chunks(),
                     headers={**auth, "Content-Type": "application/json"})
    assert r.status_code == 413, r.text


def test_cors_off_unless_configured(tmp_path: Path) -> None:
    db = build_db(tmp_path / "db.duckdb")
    origin = {"Origin": "https://elsewhere.example"}
    with TestClient(create_app(db, StubPipeline)) as c:
        r = c.get("/api/events", headers=origin)
        assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
    access = Access(cors_origins=("https://elsewhere.example",))
    with TestClient(create_app(db, StubPipeline, access=access)) as c:
        r = c.get("/api/events", headers=origin)
        assert r.headers["access-control-allow-origin"] == "https://elsewhere.example"
        other = c.get("/api/events", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_security_headers(tmp_path: Path) -> None:
    with TestClient(create_app(build_db(tmp_path / "db.duckdb"), StubPipeline)) as c:
        page = c.get("/")
        assert page.status_code == 200
        assert "script-src 'self'" in page.headers["content-security-policy"]
        assert page.headers["x-content-type-options"] == "nosniff"
        assert c.get("/api/health").headers["x-content-type-options"] == "nosniff"


def test_listening_beyond_localhost_needs_a_token() -> None:
    for host in ("127.0.0.1", "localhost", "::1", "127.0.0.2"):
        assert is_loopback(host)
        check_listen(host, Access())
    for host in ("0.0.0.0", "::", "192.168.1.20", "example.org"):
        assert not is_loopback(host)
        with pytest.raises(ConfigError, match="--token"):
            check_listen(host, Access())
        check_listen(host, Access(token="t"))


def test_serve_refuses_to_start_open_to_the_network(tmp_path: Path) -> None:
    from eventwire.cli.main import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"),
                                      "--host", "0.0.0.0"], env={"EVENTWIRE_TOKEN": ""})
    assert result.exit_code == 2
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "EVENTWIRE_TOKEN" in lines[0], result.output
    assert "Traceback" not in result.output
