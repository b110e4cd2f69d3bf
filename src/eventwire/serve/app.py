"""The eventwire web app: a JSON API under ``/api`` and a web page over the same queries.

``create_app`` builds everything it needs from its arguments; nothing is opened or
loaded at import time. The database is opened when the app starts, the NLP pipeline
only on the first upload (then kept in ``app.state``).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import anyio
import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from eventwire.errors import EventwireError, InputError, SetupError, StoreBusyError, StoreError
from eventwire.model import ArticleDoc
from eventwire.serve.answers import Answers, AnswerCache
from eventwire.serve.assets import STATIC_DIR, leaflet_dir, missing_vendor_assets
from eventwire.serve.security import Access, BodyLimit, SecurityHeaders
from eventwire.store import dialect
from eventwire.store.database import Known, Store, Stored
from eventwire.store.queries import dataset_version
from eventwire.store.dialect import Connection
from eventwire.store.writer import announce, withdraw

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
T = TypeVar("T")
VERSION_EVERY = 1.0  # seconds between looks at the last change stored by other writers (PostgreSQL)


def load_pipeline() -> Pipeline:
    """The project's pipeline (spaCy and all), loaded on first use."""
    try:
        from eventwire.pipeline import Pipeline as RealPipeline
    except ImportError as e:
        raise SetupError(f"the extraction pipeline is not available ({e})") from e
    return RealPipeline.load()  # type: ignore[no-any-return]


class AppState:
    """What the running app holds: the store, the one writer (its own cursor, its own
    lock: readers never wait for a write), the answers made since the last write
    (``serve/answers.py``) and the lazy pipeline."""

    def __init__(self, store: Store, pipeline_factory: PipelineFactory) -> None:
        self.store = store
        self.lock = threading.Lock()
        self.write_lock = threading.Lock()
        self.writer = Store.over(store.con.cursor(), store.path)
        self._factory = pipeline_factory
        self._pipeline: Pipeline | None = None
        self._priors: OutletPriors | None = None
        self.answers = Answers()
        self._version_checked = float("-inf")
        self._version_seen = -1

    def cursor(self) -> Iterator[Connection]:
        """A connection of its own for one request (DuckDB cursors are per thread; a
        PostgreSQL connection from the store's pool)."""
        with self.lock:
            cur = self.store.con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def read(self, fn: Callable[[Connection], T]) -> T:
        """``fn`` over a connection of its own (in a worker thread)."""
        for con in self.cursor():
            return fn(con)
        raise AssertionError("cursor() yields once")

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
        return self.put(doc).kind != "duplicate"

    def put(self, doc: ArticleDoc) -> Stored:
        """Store a document (the server is the database's one writer)."""
        with self.write_lock:
            done = self.writer.put(doc)
        if done.kind != "duplicate":
            with self.lock:
                self._priors = None
            self.answers.new_generation()
        return done

    def fresh_answers(self) -> Answers:
        """The answers kept for the data as stored now. On DuckDB this server is the one
        writer and ``put`` starts each new generation. On PostgreSQL other processes write
        too: the last change's number is read at most every ``VERSION_EVERY`` seconds and a
        new number starts a new generation, so their events show within that time."""
        if self.store.con.dialect.multi_writer:
            now = time.monotonic()
            if now - self._version_checked >= VERSION_EVERY:
                self._version_checked = now
                version = self.read(dataset_version)
                if version != self._version_seen:
                    self._version_seen = version
                    self.answers.new_generation()
        return self.answers

    def known(self) -> Known:
        with self.write_lock:
            return self.writer.known()


def create_app(db: Path | str, pipeline_factory: PipelineFactory = load_pipeline, *,
               access: Access | None = None, announce_url: str | None = None,
               wait_s: float = 600.0) -> FastAPI:
    """The app over the database file ``db`` (created if missing, opened on first use).
    ``access``: the write token, CORS origins and body limit (default: local, no token).
    ``announce_url``: the server's own address; the app then opens the database at
    start-up (waiting up to ``wait_s`` while an ingest commits), becomes its one writer
    and announces itself beside it (``store/writer.py``)."""
    from eventwire.serve import api, handoff, pages

    where = dialect.target(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        ann = None
        if announce_url is not None:
            await asyncio.to_thread(open_waiting, app, wait_s)
        if announce_url is not None and isinstance(where, Path):
            # a PostgreSQL database takes many writers: ingest writes to it directly
            ann = announce(where, announce_url)
            app.state.writer_token = ann.token
        try:
            yield
        finally:
            if ann is not None and isinstance(where, Path):
                withdraw(where, ann)
            opened = getattr(app.state, "ew", None)
            if opened is not None:
                opened.writer.close()
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
    app.state.db = where
    app.state.pipeline_factory = pipeline_factory
    app.state.vendor_missing = missing_vendor_assets()
    app.state.writer_token = None
    app.state.access = access = access or Access()
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=6)
    app.add_middleware(AnswerCache, answers_of=_answers)
    app.include_router(api.router)
    app.include_router(handoff.router)
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


def open_waiting(app: FastAPI, wait_s: float) -> AppState:
    """Open the database, waiting while another process commits to it."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            return app_state(app)
        except StoreBusyError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


async def opened(app: FastAPI) -> AppState:
    """``app_state`` for an async route: the database opened in a worker thread if needed."""
    state: AppState | None = app.state.ew
    return state if state is not None else await anyio.to_thread.run_sync(app_state, app)


def _answers(scope: Any) -> Answers | None:
    state: AppState | None = scope["app"].state.ew
    return state.fresh_answers() if state is not None else None


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


def found(value: T | None, what: str, key: str) -> T:
    """``value``, or the app's 404 answer: "no event 'abc'"."""
    if value is None:
        raise StarletteHTTPException(404, f"no {what} {key!r}")
    return value


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
    (StoreBusyError, 503),  # another process holds the file for a moment: retry
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
        retry = {"Retry-After": "1"} if isinstance(exc, StoreBusyError) else None
        return error_response(request, status, str(exc), headers=retry)
