"""The eventwire web app: a JSON API under ``/api`` and a web page over the same queries.

``create_app`` builds everything it needs from its arguments; nothing is opened or
loaded at import time. The database is opened when the app starts, the NLP pipeline
only on the first upload (then kept in ``app.state``).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from eventwire.errors import EventwireError, InputError, SetupError, StoreError
from eventwire.model import ArticleDoc
from eventwire.serve.assets import STATIC_DIR, leaflet_dir, missing_vendor_assets
from eventwire.serve.security import Access, BodyLimit, SecurityHeaders
from eventwire.store.database import Store

if TYPE_CHECKING:
    from eventwire.resolve.places.priors import OutletPriors


class Pipeline(Protocol):
    """What the upload endpoint needs of ``eventwire.pipeline.Pipeline``."""

    def process_text(
        self, text: str, published: Any = None, title: str | None = None, path: str = "upload", *,
        url: str | None = None, outlet: str | None = None, priors: Any = None,
    ) -> ArticleDoc: ...

    def process_html(self, html: str, published: Any = None, *, url: str | None = None,
                     outlet: str | None = None, priors: Any = None) -> ArticleDoc: ...


PipelineFactory = Callable[[], Pipeline]


def load_pipeline() -> Pipeline:
    """The project's pipeline (spaCy and all), loaded on first use."""
    try:
        from eventwire.pipeline import Pipeline as RealPipeline
    except ImportError as e:
        raise SetupError(f"the extraction pipeline is not available ({e})") from e
    return RealPipeline.load()  # type: ignore[no-any-return]


class AppState:
    """What the running app holds: the store, a write lock and the lazy pipeline."""

    def __init__(self, store: Store, pipeline_factory: PipelineFactory) -> None:
        self.store = store
        self.lock = threading.Lock()
        self._factory = pipeline_factory
        self._pipeline: Pipeline | None = None
        self._priors: OutletPriors | None = None

    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection of its own for one request (DuckDB cursors are per thread)."""
        with self.lock:
            cur = self.store.con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def pipeline(self) -> Pipeline:
        with self.lock:
            if self._pipeline is None:
                self._pipeline = self._factory()
            return self._pipeline

    def priors(self) -> OutletPriors:
        """The outlets' home regions learned from the stored articles; made again after
        each upload that stores an article."""
        with self.lock:
            if self._priors is None:
                self._priors = self.store.outlet_priors()
            return self._priors

    def add(self, doc: ArticleDoc) -> bool:
        with self.lock:
            stored = self.store.add(doc)
            if stored:
                self._priors = None
            return stored


def create_app(db: Path, pipeline_factory: PipelineFactory = load_pipeline, *,
               access: Access | None = None) -> FastAPI:
    """The app over the database file ``db`` (created if missing, opened on first use);
    ``access``: the write token, CORS origins and body limit (default: local, no token)."""
    from eventwire.serve import api, pages

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            opened = getattr(app.state, "ew", None)
            if opened is not None:
                opened.store.close()
                app.state.ew = None

    app = FastAPI(
        title="eventwire",
        summary="Sourced, geocoded event records from news articles",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.ew = None
    app.state.opening = threading.Lock()
    app.state.db = Path(db)
    app.state.pipeline_factory = pipeline_factory
    app.state.vendor_missing = missing_vendor_assets()
    app.state.access = access = access or Access()
    app.include_router(api.router)
    app.include_router(pages.router)
    leaflet = leaflet_dir()
    if leaflet is not None:  # before /static, which would take its paths
        app.mount("/static/vendor/leaflet", StaticFiles(directory=leaflet), name="leaflet")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_error_handlers(app)
    if access.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(access.cors_origins),
                           allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(BodyLimit, max_bytes=access.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


def app_state(app: FastAPI) -> AppState:
    """The app's store and pipeline holder, opened on the first request that needs it."""
    with app.state.opening:
        if app.state.ew is None:
            app.state.ew = AppState(Store(app.state.db), app.state.pipeline_factory)
        return app.state.ew  # type: ignore[no-any-return]


# ---------------------------------------------------------------- one error handler


def wants_json(request: Request) -> bool:
    """API paths, and callers that ask for JSON rather than HTML, get JSON errors."""
    if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_response(request: Request, status: int, message: str, detail: Any = None,
                   headers: dict[str, str] | None = None) -> Response:
    if wants_json(request):
        body: dict[str, Any] = {"error": message, "status": status}
        if detail is not None:
            body["detail"] = detail
        return JSONResponse(body, status_code=status, headers=headers)
    from eventwire.serve.pages import render_error

    return HTMLResponse(render_error(request, status, message), status_code=status,
                        headers=headers)


def allowed_methods(request: Request) -> list[str]:
    methods: set[str] = set()
    for route in request.app.router.routes:
        if isinstance(route, APIRoute) and route.matches(request.scope)[0] != Match.NONE:
            methods |= route.methods or set()
    return sorted(methods)


STATUS_OF: list[tuple[type[EventwireError], int]] = [
    (InputError, 422),
    (SetupError, 503),
    (StoreError, 500),
]


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        headers = dict(exc.headers or {})
        if exc.status_code == 405:  # every method of the path, not just the first route's
            headers["Allow"] = ", ".join(allowed_methods(request))
        return error_response(request, exc.status_code, str(exc.detail), headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors()
        ]
        message = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors)
        return error_response(request, 422, message or "invalid request", errors)

    @app.exception_handler(EventwireError)
    async def eventwire_error(request: Request, exc: EventwireError) -> Response:
        status = next((s for cls, s in STATUS_OF if isinstance(exc, cls)), 500)
        return error_response(request, status, str(exc))
