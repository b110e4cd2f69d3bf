"""The event filters: one meaning for each, shared by the CLI, the API, the page and the
exports (``Filters``), and the SQL they stand for (``where_clause``).

Every filter is optional; given together they all must hold. Words filters (``actor``,
``source``, ``q``) match the words as given, case-insensitively, with no wildcards; names
(``country``, ``admin1``, ``type``, ``status``) match whole, case-insensitively.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator


def iso_only(kind: type[date], message: str) -> BeforeValidator:
    """A validator that takes ``kind`` (a date or a datetime) as ISO 8601 text only:
    pydantic alone also takes numbers as Unix times."""

    def check(value: Any) -> Any:
        if isinstance(value, str):
            try:
                return kind.fromisoformat(value)
            except ValueError as e:
                raise ValueError(message) from e
        if isinstance(value, kind) or value is None:
            return value
        raise ValueError(message)

    return BeforeValidator(check)


IsoDate = Annotated[date, iso_only(date, "a date as YYYY-MM-DD")]
BBOX_PATTERN = r"^-?[0-9]+(\.[0-9]+)?(,-?[0-9]+(\.[0-9]+)?){3}$"

# what each filter means, said once: the API's OpenAPI descriptions and the CLI's --help
HELP = {
    "since": "events ending on or after this date (YYYY-MM-DD)",
    "until": "events starting on or before this date (YYYY-MM-DD)",
    "country": "ISO3 code of the event's country, e.g. SYR",
    "admin1": "the event's first-level region, e.g. Aleppo",
    "type": "PLOVER category (ASSAULT), ACLED event type (Battles) or ACLED sub-event type"
            " (Armed clash)",
    "actor": "words in the name of one of the event's actors, or in the words naming it",
    "status": "asserted, claimed, alleged, denied, negated, planned or background",
    "source": "words in the name of the event's source, or of the outlet it came through",
    "bbox": "min_lon,min_lat,max_lon,max_lat (west > east crosses the antimeridian)",
    "q": "words in the evidence sentence",
    "article": "the id of the article that tells the event",
    "dedup": "one event per cluster (the same event told by several articles): its smallest id",
}


class Filters(BaseModel):
    """The event filters shared by the CLI, the API, the page and the exports."""

    # unknown query parameters (the page's own) are ignored, not an error
    model_config = ConfigDict(frozen=True, extra="ignore")

    since: IsoDate | None = Field(None, description=HELP["since"])
    until: IsoDate | None = Field(None, description=HELP["until"])
    country: str | None = Field(None, max_length=100, description=HELP["country"])
    admin1: str | None = Field(None, max_length=200, description=HELP["admin1"])
    type: str | None = Field(None, max_length=200, description=HELP["type"])
    actor: str | None = Field(None, max_length=200, description=HELP["actor"])
    status: str | None = Field(None, max_length=40, description=HELP["status"])
    source: str | None = Field(None, max_length=200, description=HELP["source"])
    bbox: str | None = Field(None, max_length=200, pattern=BBOX_PATTERN, examples=["35,35,38,37"],
                             description=HELP["bbox"])
    q: str | None = Field(None, max_length=500, description=HELP["q"])
    article: str | None = Field(None, max_length=200, description=HELP["article"])
    dedup: bool = Field(False, description=HELP["dedup"])

    @field_validator("bbox")
    @classmethod
    def _check_bbox(cls, v: str | None) -> str | None:
        if v:
            parse_bbox(v)
        return v

    def query_string(self) -> str:
        """The filters as a URL query string (links to exports and the API)."""
        return urlencode({k: str(v).lower() if isinstance(v, bool) else str(v)
                          for k, v in self.model_dump().items() if v not in (None, "", False)})


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """``"min_lon,min_lat,max_lon,max_lat"``: four numbers, clamped to the globe's range.

    A box whose west edge is east of its east edge crosses the antimeridian; latitudes
    given the wrong way round are swapped.
    """
    if not re.fullmatch(BBOX_PATTERN, text):
        raise ValueError("bbox needs four numbers: min_lon,min_lat,max_lon,max_lat")
    w, s, e, n = (float(p) for p in text.split(","))
    w, e = (min(180.0, max(-180.0, v)) for v in (w, e))
    s, n = sorted(min(90.0, max(-90.0, v)) for v in (s, n))
    return w, s, e, n


def where_clause(f: Filters, alias: str = "e") -> tuple[str, list[Any]]:
    """WHERE clause over ``events AS <alias>`` for the filters (empty when none is given)."""
    clauses: list[str] = []
    params: list[Any] = []
    if f.since:
        clauses.append("coalesce(date_end, date_start) >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("date_start <= ?")
        params.append(f.until)
    for column in ("country", "admin1", "status"):
        if getattr(f, column):
            clauses.append(f"lower({column}) = lower(?)")
            params.append(getattr(f, column))
    if f.type:
        clauses.append("(lower(plover) = lower(?) OR lower(acled_event_type) = lower(?)"
                       " OR lower(acled_sub_event_type) = lower(?))")
        params += [f.type] * 3
    if f.actor:
        clauses.append(f"{alias}.id IN (SELECT event_id FROM actors WHERE {has('name')} OR {has('text')})")
        params += [f.actor] * 2
    if f.source:
        clauses.append(f"({has('source')} OR {has('source_via')})")
        params += [f.source] * 2
    if f.bbox:
        w, s, e, n = parse_bbox(f.bbox)
        joint = "AND" if w <= e else "OR"  # OR: the box crosses the antimeridian
        clauses.append(f"(lon >= ? {joint} lon <= ?) AND lat BETWEEN ? AND ?")
        params += [w, e, s, n]
    if f.q:
        clauses.append(has("sentence"))
        params.append(f.q)
    if f.article:
        clauses.append("article_id = ?")
        params.append(f.article)
    if f.dedup:
        clauses.append(f"{alias}.id = (SELECT min(x.id) FROM events x WHERE x.cluster_id = {alias}.cluster_id)")
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def has(column: str) -> str:
    """SQL: the column contains the parameter's words, case-insensitively, no wildcards."""
    return f"strpos(lower({column}), lower(?)) > 0"
