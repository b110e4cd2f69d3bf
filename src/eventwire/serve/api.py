"""The JSON API (``/api``): thin routes over ``eventwire.store.queries`` and the exporters."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path as PathParam, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from eventwire.model import ArticleDoc, Event, Quote
from eventwire.serve.app import app_state, found, opened
from eventwire.serve.security import write_access
from eventwire.store import changes, exports, queries
from eventwire.store.dialect import Connection
from eventwire.store.filters import Filters, IsoDate
from eventwire.store.queries import CountBy

router = APIRouter(prefix="/api", tags=["api"])


class ErrorBody(BaseModel):
    error: str
    status: int
    detail: Any = None


ERRORS: dict[int | str, dict[str, Any]] = {404: {"model": ErrorBody, "description": "not found"}}


def connection(request: Request) -> Iterator[Connection]:
    yield from app_state(request.app).cursor()


Con = Annotated[Connection, Depends(connection)]
EventFilters = Annotated[Filters, Query()]
Limit = Annotated[int, Query(ge=1, le=10_000, description="rows per page")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="rows to skip")]
Words = Annotated[str | None, Query(max_length=500)]
Id = Annotated[str, PathParam(max_length=200)]


Cursor = Annotated[str | None, Query(max_length=210, pattern=queries.CURSOR_PATTERN, description=(
    "next_cursor of the previous page: keyset paging, stable while events are added"))]


@router.get("/events", response_model=queries.EventPage, summary="Events, filtered",
            response_class=Response, responses={200: {"model": queries.EventPage}})
async def events(request: Request, f: EventFilters, limit: Limit = queries.PAGE_DEFAULT,
                 offset: Offset = 0, cursor: Cursor = None) -> Response:
    # async: an answer already made for this generation of the data is sent from the event
    # loop, without a worker thread or a database cursor (``serve/answers.py``)
    state = await opened(request.app)
    answers, filters = state.fresh_answers(), f.model_dump_json()

    def page(con: Connection) -> bytes:
        total = answers.memo(("total", filters), lambda: queries.count_events(con, f))
        version = answers.memo(("version",), lambda: queries.dataset_version(con))
        try:
            listed = queries.list_events(con, f, limit=limit, offset=offset, cursor=cursor,
                                         total=total, version=version)
        except ValueError as e:
            raise HTTPException(422, f"cursor: {e}") from e
        return listed.model_dump_json().encode("utf-8")

    key = ("events", filters, limit, offset, cursor)
    body = await answers.page(key, lambda: state.read(page))
    answers.alias(request, key)  # the same query string is answered before routing next time
    return body.response(request.headers.get("accept-encoding", ""))


@router.get("/changes", response_model=changes.ChangePage,
            summary="Events added, revised and retracted, in order, with the article version")
def change_feed(con: Con, since: Annotated[changes.IsoTime | None, Query(
                    description="changes made at or after this time (ISO 8601; UTC if no zone)")] = None,
                after: Annotated[int, Query(ge=0, le=2**62, description="next_after of the previous page")] = 0,
                limit: Annotated[int, Query(ge=1, le=10_000)] = 1000) -> changes.ChangePage:
    return changes.list_changes(con, since=since, after=after, limit=limit)


@router.get("/events/{event_id}", response_model=queries.EventDetail, responses=ERRORS,
            summary="One event with its evidence spans")
def event(con: Con, event_id: Id) -> queries.EventDetail:
    return found(queries.get_event(con, event_id), "event", event_id)


@router.get("/articles", response_model=list[queries.ArticleInfo], summary="Articles")
def articles(con: Con, q: Words = None, limit: Limit = 100, offset: Offset = 0
             ) -> list[queries.ArticleInfo]:
    return queries.list_articles(con, q, limit=limit, offset=offset)


@router.get("/articles/{article_id}", response_model=queries.ArticleDetail, responses=ERRORS,
            summary="One article with its text and every evidence span")
def article(con: Con, article_id: Id) -> queries.ArticleDetail:
    return found(queries.get_article(con, article_id), "article", article_id)


@router.get("/quotes", response_model=list[queries.QuoteRow], summary="Quotes")
def quotes(con: Con, speaker: Words = None, q: Words = None, limit: Limit = 100,
           offset: Offset = 0) -> list[queries.QuoteRow]:
    return queries.list_quotes(con, speaker, q, limit=limit, offset=offset)


@router.get("/actors", response_model=list[queries.ActorRow], summary="Actors of the events")
def actors(con: Con, f: EventFilters, limit: Limit = 100) -> list[queries.ActorRow]:
    return queries.list_actors(con, f, limit=limit)


@router.get("/places", response_model=list[queries.PlaceCount], summary="Places mentioned")
def places(con: Con, q: Words = None, limit: Limit = 100) -> list[queries.PlaceCount]:
    return queries.list_places(con, q, limit=limit)


@router.get("/counts", response_model=list[queries.CountRow],
            summary="Events and fatalities per day, month, type, country or status")
def counts(con: Con, f: EventFilters, by: CountBy = "day") -> list[queries.CountRow]:
    return queries.counts(con, f, by)


ExportFormat = Enum(  # type: ignore[misc]
    "ExportFormat", {name.replace("-", "_"): name for name in exports.registry()}, type=str
)


@router.get("/export/{format}", summary="Download the events matching the filters",
            response_class=Response,
            responses={200: {"content": {e.media_type.split(";")[0]: {}
                                         for e in exports.registry().values()}}})
def export(con: Con, format: ExportFormat, f: EventFilters) -> Response:  # noqa: A002
    exporter = exports.registry()[format.value]
    with tempfile.TemporaryDirectory(prefix="eventwire-export-") as tmp:
        path = Path(tmp) / f"events{exporter.suffix}"
        exporter.write(con, f, path)
        body = path.read_bytes()
    version = queries.dataset_version(con)
    return Response(body, media_type=exporter.media_type, headers={
        "Content-Disposition": f'attachment; filename="events{exporter.suffix}"',
        "X-Eventwire-Dataset-Version": str(version)})


class Health(BaseModel):
    articles: int
    events: int
    map_assets: bool


@router.get("/health", response_model=Health, summary="Counts, and whether the map can show")
def health(request: Request, con: Con) -> Health:
    n = queries.rows(con, "SELECT (SELECT count(*) FROM articles) AS a,"
                          " (SELECT count(*) FROM events) AS e")[0]
    return Health(articles=n["a"], events=n["e"], map_assets=not request.app.state.vendor_missing)


# ---------------------------------------------------------------- upload


class _Upload(BaseModel):
    # python-re: "has a non-space character" means the same as in str.strip()
    model_config = ConfigDict(extra="forbid", regex_engine="python-re")

    published: IsoDate | None = Field(None, description="publication date (else inferred)")
    url: str | None = Field(None, max_length=2_000, description=(
        "the article's address: a new text at a stored address is a new version of that "
        "article (its events are revised, see /api/changes)"))
    outlet: str | None = Field(None, max_length=300, description="the outlet's name or address, if no url")


# An upload must hold a letter or digit: the pattern is written with explicit ASCII
# classes because JSON Schema's and the validator's ideas of ``\S`` differ on control
# characters such as U+001E.


class TextUpload(_Upload):
    """An article as plain text."""

    text: str = Field(min_length=1, max_length=2_000_000, pattern=r"[A-Za-z0-9]",
                      description="plain article text, the title on its first line")
    title: str | None = Field(None, max_length=1_000)


class HtmlUpload(_Upload):
    """An article as the HTML of its page."""

    html: str = Field(min_length=1, max_length=5_000_000, pattern=r"[A-Za-z0-9]",
                      description="the article page's HTML")


class UploadResult(BaseModel):
    article_id: str
    stored: bool = Field(description="false when the same article was already stored")
    title: str | None
    events: list[Event]
    quotes: list[Quote]
    url: str = Field(description="the article's page")


@router.post("/articles", response_model=UploadResult, summary="Process and store an article",
             dependencies=[Depends(write_access)],
             responses={400: {"model": ErrorBody, "description": "body is not JSON"},
                        401: {"model": ErrorBody, "description": "the server's write token is missing or wrong"},
                        413: {"model": ErrorBody, "description": "request body over the server's limit"},
                        422: {"model": ErrorBody, "description": "unreadable article"},
                        503: {"model": ErrorBody, "description": "pipeline not available"}})
def upload(request: Request, body: TextUpload | HtmlUpload) -> UploadResult:
    state = app_state(request.app)
    pipe = state.pipeline()
    # no outlet priors learned from what is stored so far: the same articles give the
    # same places whatever order they arrive in (README, "A living database")
    doc: ArticleDoc
    if isinstance(body, TextUpload):
        doc = pipe.process_text(body.text, published=body.published, title=body.title, path="upload",
                                url=body.url, outlet=body.outlet)
    else:
        doc = pipe.process_html(body.html, published=body.published, url=body.url, outlet=body.outlet)
    stored = state.add(doc)
    return UploadResult(
        article_id=doc.article.id, stored=stored, title=doc.article.title,
        events=list(doc.events), quotes=list(doc.quotes), url=f"/articles/{doc.article.id}",
    )
