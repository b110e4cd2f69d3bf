"""The API against its own OpenAPI schema (schemathesis, bounded): no server error, and
responses that match the schema. Uploads go through a stand-in pipeline, with the
server's write token.

The schema is loaded at import (schemathesis parametrizes at collection; its
``from_fixture`` does not work with pytest 9), over an app whose database is a fresh copy
of the sample; the app opens it on the first request.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from eventwire.serve.app import create_app
from eventwire.serve.security import Access

from .conftest import build_db
from .test_api import StubPipeline

_TMP = tempfile.TemporaryDirectory(prefix="eventwire-schemathesis-")
TOKEN = "schemathesis-write-token"
# a shared server's set-up: uploads need the token (schemathesis also checks that a
# request without it, or with a wrong one, is refused)
APP = create_app(build_db(Path(_TMP.name) / "db.duckdb"), StubPipeline,
                 access=Access(token=TOKEN))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def _close_app() -> Iterator[None]:
    yield
    if APP.state.ew is not None:
        APP.state.ew.store.close()
    _TMP.cleanup()


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_api_conforms_to_its_schema(case: schemathesis.Case) -> None:
    # a generous read timeout: CI machines are shared, and the first upload opens the store
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
