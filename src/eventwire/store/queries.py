"""Read-side queries for the API, the web page and the exports.

Each function takes an open connection (a per-request cursor in the server) and the
event filters (``store/filters.py``, the same for the CLI, the API, the page and the
exports) and returns typed records, so every reader renders the same data computed once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date, datetime, timezone
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from eventwire.model import Event
from eventwire.model.records import StoredEvent
from eventwire.store.dialect import Connection, Dialect
from eventwire.store.filters import Filters, has, where_clause

CountBy = Literal["day", "month", "type", "acled", "country", "status"]


def rows(con: Connection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cur = con.execute(sql, list(params))
    cols = [d[0] for d in cur.description or []]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


# ---------------------------------------------------------------- records returned


class Row(BaseModel):
    model_config = ConfigDict(frozen=True)


class EventRow(Row):
    """One event as a flat row (the table, the map and the timeline)."""

    id: str
    article_id: str
    article_title: str | None
    plover: str
    mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    inter1: int | None = Field(None, description="ACLED inter code of actor1 (1 State forces ... 8 External/other forces)")
    inter2: int | None = Field(None, description="ACLED inter code of actor2")
    interaction: int | None = Field(None, description="ACLED interaction: both codes, lower first (a sole actor: 10x)")
    status: str
    actor1: str | None
    actor1_country: str | None
    actor1_kind: str | None
    actor2: str | None
    actor2_country: str | None
    actor2_kind: str | None
    location: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geo_precision: str | None
    date_start: date | None
    date_end: date | None
    time_precision: str | None
    fatalities: int | None
    source: str | None
    source_via: str | None
    sentence: str | None
    start_char: int | None
    end_char: int | None
    cluster_id: str | None = Field(None, description="the event as told by every article: its smallest event id")
    flagged: bool | None = Field(None, description="the cluster's sources give figures that disagree")
    change_seq: int | None = Field(None, description="the number of its last change (/api/changes)")
    changed_at: datetime | None = Field(None, description="when it last changed (UTC)")

    @field_validator("changed_at")
    @classmethod
    def _utc(cls, v: datetime | None) -> datetime | None:
        return v.replace(tzinfo=timezone.utc) if v is not None and v.tzinfo is None else v


class EventPage(Row):
    total: int
    limit: int
    offset: int
    events: list[EventRow]
    next_cursor: str | None = Field(None, description=(
        "pass as ?cursor= for the next page (stable under concurrent writes); null on the last page"))
    dataset_version: int = Field(0, description="the number of the last change stored")


EVENT_COLUMNS = ", ".join(
    f"e.{name}" for name in EventRow.model_fields if name not in ("article_title",)
)
PAGE_DEFAULT = 100


CURSOR_PATTERN = r"^([0-9]{1,7})?~[0-9A-Za-z_-]{1,200}$"


def encode_cursor(date_start: date | None, event_id: str) -> str:
    """Where a page ended: the day (as a day number; none for undated) and the id."""
    return f"{date_start.toordinal() if date_start else ''}~{event_id}"


def decode_cursor(cursor: str) -> tuple[date | None, str]:
    """The (date, id) a page ended on; ValueError if the cursor is not of this form."""
    if not re.fullmatch(CURSOR_PATTERN, cursor):
        raise ValueError("not a cursor this server gave")
    day, event_id = cursor.split("~", 1)
    if not day:
        return None, event_id
    return date.fromordinal(min(max(int(day), 1), date.max.toordinal())), event_id


def _after(cursor: str) -> tuple[str, list[Any]]:
    """Keyset condition: rows after the cursor in (date_start NULLS LAST, id) order."""
    day, event_id = decode_cursor(cursor)
    if day is None:
        return "(e.date_start IS NULL AND e.id > ?)", [event_id]
    return ("(e.date_start > ? OR (e.date_start = ? AND e.id > ?) OR e.date_start IS NULL)",
            [day, day, event_id])


def count_events(con: Connection, f: Filters) -> int:
    """How many events match the filters."""
    where, params = where_clause(f)
    return int(rows(con, f"SELECT count(*) AS n FROM events e {where}", params)[0]["n"])


def list_events(
    con: Connection, f: Filters, limit: int = PAGE_DEFAULT, offset: int = 0,
    cursor: str | None = None, *, total: int | None = None, version: int | None = None,
) -> EventPage:
    """A page of events in (date, id) order: by ``cursor`` (keyset, what a client paging
    through a growing database should use) or by ``offset``. ``total`` and ``version``:
    the filters' ``count_events`` and the ``dataset_version``, when the caller knows them."""
    where, params = where_clause(f)
    page_where, page_params = where, list(params)
    if cursor:
        cond, extra = _after(cursor)
        page_where = f"{where} AND {cond}" if where else f"WHERE {cond}"
        page_params += extra
        offset = 0
    # the page's rows first, the article titles joined to those rows only: joining before
    # the top-N carried every matching event through the join (on 100,000 events: 24.6 vs
    # 18.1 ms of CPU, 155 vs 102 ms on a loaded machine; benchmarks/bench_api.py's database)
    found = rows(
        con,
        f"SELECT p.*, (SELECT a.title FROM articles a WHERE a.id = p.article_id) AS article_title"
        f" FROM (SELECT {EVENT_COLUMNS} FROM events e {page_where}"
        " ORDER BY e.date_start NULLS LAST, e.id LIMIT ? OFFSET ?) p"
        " ORDER BY p.date_start NULLS LAST, p.id",
        [*page_params, limit + 1, offset],
    )
    more = len(found) > limit
    found = found[:limit]
    last = found[-1] if found else None
    total = count_events(con, f) if total is None else total
    version = dataset_version(con) if version is None else version
    return EventPage(
        total=total, limit=limit, offset=offset, events=[EventRow(**r) for r in found],
        next_cursor=encode_cursor(last["date_start"], last["id"]) if more and last else None,
        dataset_version=version,
    )


STORED_COLUMNS = "record, cluster_id, flagged, change_seq, changed_at"


def stored_event(row: dict[str, Any]) -> StoredEvent:
    """An event row (``STORED_COLUMNS``) as the record the store shows."""
    data = json.loads(row["record"])
    data.update(cluster_id=row["cluster_id"], flagged=bool(row["flagged"]),
                change_seq=row["change_seq"], changed_at=row["changed_at"])
    return StoredEvent.model_validate(data)


def events_records(con: Connection, f: Filters, limit: int | None = None) -> list[StoredEvent]:
    """Full event records with their cluster and last change (the CLI, the exports), by
    date then id; at most ``limit`` of them."""
    where, params = where_clause(f)
    sql = f"SELECT {STORED_COLUMNS} FROM events e {where} ORDER BY date_start NULLS LAST, id"
    if limit:
        sql += " LIMIT ?"
        params = [*params, limit]
    return [stored_event(r) for r in rows(con, sql, params)]


def dataset_version(con: Connection) -> int:
    """The number of the last change stored: it grows with every change."""
    return int(rows(con, "SELECT coalesce(max(seq), 0) AS v FROM changes")[0]["v"])


# ---------------------------------------------------------------- articles and spans


class ArticleInfo(Row):
    id: str
    title: str | None
    published: date | None
    published_inferred: bool | None
    outlet: str | None
    url: str | None
    path: str | None
    ingested_at: datetime | None = Field(description="when it was stored (UTC)")
    events: int = 0

    @field_validator("ingested_at")
    @classmethod
    def _utc(cls, v: datetime | None) -> datetime | None:
        """The store keeps UTC times without their zone: say which zone they are in."""
        return v.replace(tzinfo=timezone.utc) if v is not None and v.tzinfo is None else v


class Span(Row):
    """A highlighted stretch of the article text, and what it is evidence of."""

    kind: Literal[
        "sentence", "trigger", "actor1", "actor2", "associate", "location", "time",
        "quantity", "source", "quote", "place", "timex",
    ]
    start: int
    end: int
    text: str
    label: str
    event_id: str | None = None


class QuoteRow(Row):
    article_id: str
    speaker: str | None
    speaker_country: str | None
    speaker_kind: str | None
    via: str | None
    direct: bool | None
    text: str
    start_char: int | None
    end_char: int | None


class PlaceRow(Row):
    text: str
    start_char: int | None
    end_char: int | None
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    feature: str | None
    reason: str | None


class TimeRow(Row):
    text: str
    start_char: int | None
    end_char: int | None
    start_date: date | None
    end_date: date | None
    precision: str | None
    value: str | None


class ArticleDetail(Row):
    article: ArticleInfo
    text: str
    events: list[Event]
    quotes: list[QuoteRow]
    places: list[PlaceRow]
    times: list[TimeRow]
    spans: list[Span]


ARTICLE_COLUMNS = (
    "a.id, a.title, a.published, a.published_inferred, a.outlet, a.url, a.path, a.ingested_at,"
    " (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events"
)


def list_articles(
    con: Connection, q: str | None = None, limit: int = 100, offset: int = 0
) -> list[ArticleInfo]:
    where, params = "", []
    if q:
        where, params = f"WHERE {has('a.title')} OR {has('a.text')}", [q, q]
    found = rows(
        con,
        f"SELECT {ARTICLE_COLUMNS} FROM articles a {where}"
        " ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [ArticleInfo(**r) for r in found]


def get_article(con: Connection, article_id: str) -> ArticleDetail | None:
    found = rows(con, f"SELECT {ARTICLE_COLUMNS}, a.text FROM articles a WHERE a.id = ?", [article_id])
    if not found:
        return None
    text = found[0].pop("text")
    events = events_records(con, Filters(article=article_id))
    quotes = [QuoteRow(**r) for r in rows(
        con, "SELECT * FROM quotes WHERE article_id = ? ORDER BY start_char, end_char, speaker, via",
        [article_id])]
    places = [PlaceRow(**r) for r in rows(
        con, "SELECT text, start_char, end_char, name, country, admin1, lat, lon, feature, reason"
        " FROM places WHERE article_id = ? ORDER BY start_char, end_char, name, country", [article_id])]
    times = [TimeRow(**r) for r in rows(
        con, "SELECT text, start_char, end_char, start_date, end_date, precision, value"
        " FROM times WHERE article_id = ? ORDER BY start_char, end_char, start_date", [article_id])]
    spans = [*[s for ev in events for s in event_spans(ev)], *quote_spans(quotes)]
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    return ArticleDetail(
        article=ArticleInfo(**found[0]), text=text, events=events, quotes=quotes,
        places=places, times=times, spans=sorted(spans, key=lambda s: (s.start, -s.end)),
    )


def event_spans(ev: Event) -> list[Span]:
    """Every field of an event that points at words of the article."""
    out: list[Span] = []

    def add(kind: Any, start: int | None, end: int | None, text: str | None, label: str) -> None:
        if start is not None and end is not None and end > start:
            out.append(Span(kind=kind, start=start, end=end, text=text or "", label=label,
                            event_id=ev.id))

    e = ev.evidence
    add("sentence", e.start, e.end, e.sentence, f"{ev.type.plover} ({ev.status})")
    add("trigger", e.trigger_start, e.trigger_end, e.trigger, "trigger")
    for role, actor in (("actor1", ev.actor1), ("actor2", ev.actor2)):
        if actor:
            add(role, actor.start, actor.end, actor.text, f"{role}: {actor.name}")
    for actor in ev.associates:
        add("associate", actor.start, actor.end, actor.text, f"associate: {actor.name}")
    if ev.location:
        loc = ev.location
        add("location", loc.start, loc.end, loc.text, f"location: {loc.name}")
    if ev.time:
        t = ev.time
        add("time", t.span_start, t.span_end, t.text, f"time: {t.start} ({t.precision})")
    for qt in ev.quantities:
        add("quantity", qt.start, qt.end, qt.text, f"{qt.kind}: {qt.value} ({qt.qualifier})")
    if ev.source:
        add("source", ev.source.start, ev.source.end, ev.source.text, f"source: {ev.source.name}")
    return out


def quote_spans(quotes: Sequence[QuoteRow]) -> list[Span]:
    return [
        Span(kind="quote", start=q.start_char, end=q.end_char, text=q.text,
             label=f"quote: {q.speaker or 'unknown speaker'}" + (f" via {q.via}" if q.via else ""))
        for q in quotes
        if q.start_char is not None and q.end_char is not None and q.end_char > q.start_char
    ]


class EventDetail(Row):
    event: Event
    article: ArticleInfo
    spans: list[Span]


def get_event(con: Connection, event_id: str) -> EventDetail | None:
    found = rows(
        con,
        f"SELECT e.record, {ARTICLE_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE e.id = ?",
        [event_id],
    )
    if not found:
        return None
    ev = Event.model_validate_json(found[0].pop("record"))
    return EventDetail(event=ev, article=ArticleInfo(**found[0]), spans=event_spans(ev))


# ---------------------------------------------------------------- lists and counts


class ActorRow(Row):
    name: str
    country: str | None
    kind: str | None
    events: int


class PlaceCount(Row):
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    mentions: int


class CountRow(Row):
    key: str | None
    events: int
    fatalities: int


def list_quotes(
    con: Connection, speaker: str | None = None, q: str | None = None,
    limit: int = 100, offset: int = 0,
) -> list[QuoteRow]:
    clauses, params = [], []
    if speaker:
        clauses.append(f"({has('speaker')} OR {has('via')})")
        params += [speaker, speaker]
    if q:
        clauses.append(has("text"))
        params.append(q)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    found = rows(con, f"SELECT * FROM quotes {where} ORDER BY article_id, start_char, end_char, speaker, via"
                 " LIMIT ? OFFSET ?",
                 [*params, limit, offset])
    return [QuoteRow(**r) for r in found]


def list_actors(con: Connection, f: Filters, limit: int = 100) -> list[ActorRow]:
    where, params = where_clause(f)
    found = rows(
        con,
        "SELECT x.name, x.country, x.kind, count(DISTINCT x.event_id) AS events FROM actors x"
        f" WHERE x.event_id IN (SELECT e.id FROM events e {where})"
        " GROUP BY x.name, x.country, x.kind ORDER BY events DESC, x.name, x.country, x.kind LIMIT ?",
        [*params, limit],
    )
    return [ActorRow(**r) for r in found]


def list_places(
    con: Connection, q: str | None = None, limit: int = 100
) -> list[PlaceCount]:
    where, params = "WHERE name IS NOT NULL", []
    if q:
        where += f" AND ({has('name')} OR {has('text')})"
        params += [q, q]
    found = rows(
        con,
        "SELECT name, country, admin1, min(lat) AS lat, min(lon) AS lon,"
        f" count(*) AS mentions FROM places {where} GROUP BY name, country, admin1"
        " ORDER BY mentions DESC, name, country, admin1 LIMIT ?",
        [*params, limit],
    )
    return [PlaceCount(**r) for r in found]


_COUNT_KEYS: dict[str, str] = {
    "type": "plover",
    "acled": "acled_event_type",
    "country": "country",
    "status": "status",
}


def _count_key(dialect: Dialect, by: str) -> str:
    if by == "day":
        return dialect.day("date_start")
    if by == "month":
        return dialect.month("date_start")
    return _COUNT_KEYS[by]


def counts(con: Connection, f: Filters, by: CountBy = "day") -> list[CountRow]:
    where, params = where_clause(f)
    key = _count_key(con.dialect, by)
    found = rows(
        con,
        f"SELECT {key} AS key, count(*) AS events,"
        " CAST(coalesce(sum(fatalities), 0) AS BIGINT) AS fatalities"
        f" FROM events e {where} GROUP BY 1 ORDER BY 1 NULLS LAST",
        params,
    )
    return [CountRow(**r) for r in found]
