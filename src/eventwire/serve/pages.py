"""The web page: the same queries as the API, rendered as HTML (Jinja2, autoescaped).

``/`` shows the filter form, the map, the timeline and the event table; ``/articles/{id}``
shows an article with the evidence of each field highlighted. The map and the timeline
are drawn in the browser (static/app.js) from the API with the page's own filters.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError

from eventwire.model import Claim, Event
from eventwire.serve.api import Con, Id
from eventwire.serve.app import found
from eventwire.serve.assets import BUILD_COMMAND, countries_geojson, missing_message
from eventwire.store import exports, queries
from eventwire.store.filters import HELP as FILTER_HELP
from eventwire.store.filters import Filters
from eventwire.store.queries import Span

router = APIRouter(include_in_schema=False)
TEMPLATES = Jinja2Templates(directory=Path(__file__).parent / "templates")
PAGE_ROWS = 500


def _vendor(request: Request) -> dict[str, Any]:
    missing = request.app.state.vendor_missing
    return {"vendor_ok": not missing, "vendor_message": missing_message(missing) if missing else "",
            "build_command": BUILD_COMMAND}


def form_filters(request: Request) -> Filters:
    """The filter form's fields; an empty field means no filter (the API is stricter)."""
    given = {k: v for k, v in request.query_params.items() if v.strip()}
    try:
        return Filters.model_validate(given)
    except ValidationError as e:
        raise RequestValidationError(e.errors()) from e


@router.get("/map/countries.geojson")
def countries(request: Request) -> Response:
    """The basemap's country outlines (built once, from the countryinfo package)."""
    if getattr(request.app.state, "countries", None) is None:
        request.app.state.countries = countries_geojson()
    return Response(request.app.state.countries, media_type="application/geo+json",
                    headers={"Cache-Control": "public, max-age=86400"})


@router.get("/", response_class=HTMLResponse)
def index(request: Request, con: Con, f: Annotated[Filters, Depends(form_filters)]
          ) -> HTMLResponse:
    page = queries.list_events(con, f, limit=PAGE_ROWS)
    choices = {
        "types": [r["t"] for r in queries.rows(
            con, "SELECT DISTINCT plover AS t FROM events UNION"
                 " SELECT DISTINCT acled_event_type FROM events WHERE acled_event_type IS NOT NULL"
                 " ORDER BY 1")],
        "statuses": [r["s"] for r in queries.rows(
            con, "SELECT DISTINCT status AS s FROM events ORDER BY 1")],
        "countries": [r["c"] for r in queries.rows(
            con, "SELECT DISTINCT country AS c FROM events WHERE country IS NOT NULL ORDER BY 1")],
    }
    return TEMPLATES.TemplateResponse(request, "index.html", {
        "page": page, "f": f, "qs": f.query_string(), "choices": choices,
        "dedup_help": FILTER_HELP["dedup"],
        "exporters": exports.registry().values(), **_vendor(request),
    })


@router.get("/events/{event_id}")
def event_page(con: Con, event_id: Id) -> RedirectResponse:
    detail = found(queries.get_event(con, event_id), "event", event_id)
    return RedirectResponse(f"/articles/{detail.article.id}?event={event_id}", status_code=303)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request, con: Con, article_id: Id,
    event: Annotated[str | None, Query(max_length=200)] = None,
    partial: bool = False,
) -> HTMLResponse:
    doc = found(queries.get_article(con, article_id), "article", article_id)
    chosen = [e for e in doc.events if e.id == event] or doc.events
    ids = {e.id for e in chosen}
    spans = [s for s in doc.spans if s.event_id is None or s.event_id in ids]
    fields = {e.id: sorted((s for s in doc.spans if s.event_id == e.id), key=lambda s: s.start)
              for e in doc.events}
    template = "article_body.html" if partial else "article.html"
    return TEMPLATES.TemplateResponse(request, template, {
        "doc": doc, "chosen": ids if event else set(), "fields": fields,
        "claims": {e.id: claim_rows(e) for e in doc.events},
        "segments": highlight(doc.text, spans), "partial": partial,
    })


# ---------------------------------------------------------------- claims


@dataclass(frozen=True)
class ClaimRow:
    """One party's word on an event, as the page shows it (the template escapes it)."""

    status: str
    source: str | None  # None: the article itself says so
    source_text: str | None
    via: str | None
    cue: str | None  # "said", "according to", "denied"...
    text: str
    start: int
    contested_by: tuple[str, ...]  # the other parties' claims: "Saudi officials (denied)"


def claim_rows(event: Event) -> list[ClaimRow]:
    """Every claim of ``event`` (a contested one has one per party); an event with no
    other claim shows its own: its status and source, told by its sentence."""
    claims = event.claims or (Claim(status=event.status, source=event.source,
                                    text=event.evidence.sentence, start=event.evidence.start,
                                    end=event.evidence.end),)
    said = [f"{c.source.name if c.source else 'the article'} ({c.status})" for c in claims]
    return [ClaimRow(status=c.status, source=c.source.name if c.source else None,
                     source_text=c.source.text if c.source else None,
                     via=c.source.via if c.source else None,
                     cue=c.source.verb if c.source else None, text=c.text, start=c.start,
                     contested_by=tuple(w for k, w in enumerate(said) if k != n)
                     if event.contested else ())
            for n, c in enumerate(claims)]


# ---------------------------------------------------------------- highlighting


@dataclass(frozen=True)
class Segment:
    """A stretch of text and the spans that cover all of it."""

    text: str
    spans: tuple[Span, ...]
    start: int  # offset in the article text (the anchor ``at-<start>`` links to)

    @property
    def classes(self) -> str:
        return " ".join(sorted({f"hl-{s.kind}" for s in self.spans}))

    @property
    def title(self) -> str:
        return "\n".join(dict.fromkeys(s.label for s in self.spans))


def highlight(text: str, spans: list[Span]) -> list[Segment]:
    """Cut the text at every span boundary; each piece knows the spans covering it."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = tuple(s for s in spans if s.start <= a and b <= s.end)
        out.append(Segment(text[a:b], covering, a))
    return out


def render_error(request: Request, status: int, message: str) -> str:
    """The HTML answer of the app's one error handler."""
    return TEMPLATES.get_template("error.html").render(
        request=request, status=status, message=message)
