"""The API against its own OpenAPI schema (schemathesis, bounded): no server error, and
responses that match the schema. Uploads go through a stand-in pipeline.

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

from .conftest import build_db
from .test_api import StubPipeline

_TMP = tempfile.TemporaryDirectory(prefix="eventwire-schemathesis-")
APP = create_app(build_db(Path(_TMP.name) / "db.duckdb"), StubPipeline)
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
    case.call_and_validate()
