"""Exporters: stored events out as ACLED-style CSV, GeoJSON, PLOVER JSON Lines or Parquet.

An exporter is registered by versioned name, like spaCy's components, in :func:`registry`
(no registration at import time); the CLI and the API look exporters up there by their
short name. As datasette computes a table once and hands it to a renderer, the events a
request selects are computed once (``event_table``) and an exporter's ``render`` draws
them as text; ``write(con, filters, path)`` does both into a file. Parquet is the one
exporter written by the database itself (the events table's own columns).
"""

from __future__ import annotations

import csv
import json
from datetime import timezone
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import pycountry
from pydantic import BaseModel, ConfigDict

from eventwire.model import Actor, Event
from eventwire.model.records import StoredEvent
from eventwire.store.database import schema_sql
from eventwire.store.dialect import Connection
from eventwire.store.filters import Filters, where_clause
from eventwire.store.queries import dataset_version, events_records, rows


@dataclass(frozen=True)
class EventTable:
    """The events one request selects, computed once: what every renderer draws."""

    events: list[StoredEvent]
    dataset_version: int


def event_table(con: Connection, f: Filters, limit: int | None = None) -> EventTable:
    return EventTable(events_records(con, f, limit), dataset_version(con))


Render = Callable[[EventTable, TextIO], None]
Writer = Callable[[Connection, Filters, Path], int]


@dataclass(frozen=True)
class Exporter:
    name: str  # short name used by the CLI and the API ("acled-csv")
    version: str  # registered name ("export.acled_csv.v1")
    media_type: str
    suffix: str
    description: str
    render: Render | None = None  # draws an event table as text
    written: Writer | None = None  # or writes the file itself (Parquet)

    def write(self, con: Connection, f: Filters, path: Path) -> int:
        """Write the events matching ``f`` to ``path``; how many."""
        if self.render is None:
            assert self.written is not None
            return self.written(con, f, path)
        table = event_table(con, f)
        with path.open("w", newline="", encoding="utf-8") as fh:
            self.render(table, fh)
        return len(table.events)


# ---------------------------------------------------------------- ACLED CSV

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)

# ACLED codebook: the disorder type each event type belongs to.
DISORDER_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
# ACLED codebook: 1 = day, 2 = week (or a few days), 3 = month or longer
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "quarter": 3, "year": 3}
# ACLED codebook: 1 = the place itself (town), 2 = near / a district, 3 = a region's capital
GEO_PRECISION = {"point": 1, "city": 1, "admin2": 2, "admin1": 3, "country": 3}


class AcledRow(BaseModel):
    """One row of an ACLED-compatible CSV; empty cells are None."""

    model_config = ConfigDict(frozen=True)

    event_id_cnty: str
    event_date: str | None = None
    year: int | None = None
    time_precision: int | None = None
    disorder_type: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str | None = None
    iso: int | None = None
    region: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str | None = None
    source_scale: str | None = None
    notes: str | None = None
    fatalities: int = 0
    tags: str | None = None
    timestamp: int | None = None


def acled_row(ev: Event, timestamp: int | None = None) -> AcledRow:
    """An event in ACLED's columns, filled where eventwire knows the value."""
    loc, tm = ev.location, ev.time
    etype, sub = ev.type.acled or (None, None)
    country = _country(loc.country if loc else None)
    inter1, inter2, interaction = ev.inter_codes
    killed = [q.value for q in ev.quantities if q.kind == "killed"]
    civilian = etype == "Violence against civilians" or (
        ev.actor2 is not None and ev.actor2.kind == "civilians"
    )
    return AcledRow(
        event_id_cnty=ev.id,
        event_date=tm.start.isoformat() if tm else None,
        year=tm.start.year if tm else None,
        time_precision=TIME_PRECISION.get(tm.precision) if tm else None,
        disorder_type=DISORDER_TYPE.get(etype or ""),
        event_type=etype,
        sub_event_type=sub,
        actor1=ev.actor1.name if ev.actor1 else None,
        assoc_actor_1=_names(ev.associates),
        inter1=inter1,
        actor2=ev.actor2.name if ev.actor2 else None,
        inter2=inter2,
        interaction=interaction,
        civilian_targeting="Civilian targeting" if civilian else None,
        iso=int(country.numeric) if country else None,
        country=getattr(country, "common_name", country.name) if country else (
            loc.country if loc else None),
        admin1=loc.admin1 if loc else None,
        location=loc.name if loc else None,
        latitude=loc.lat if loc else None,
        longitude=loc.lon if loc else None,
        geo_precision=GEO_PRECISION.get(loc.precision) if loc else None,
        source=_source(ev),
        notes=ev.evidence.sentence,
        fatalities=max(killed) if killed else 0,
        tags="; ".join(f"{k}={v}" for k, v in _tags(ev) if v),
        timestamp=timestamp,
    )


def _country(iso3: str | None) -> Any:
    return pycountry.countries.get(alpha_3=iso3) if iso3 else None


def _names(actors: Iterable[Actor]) -> str | None:
    return "; ".join(a.name for a in actors) or None


def _source(ev: Event) -> str | None:
    if ev.source is None:
        return None
    parts = [ev.source.name, ev.source.via, ev.source.outlet]
    return "; ".join(dict.fromkeys(p for p in parts if p))


def _tags(ev: Event) -> list[tuple[str, str | None]]:
    return [("status", ev.status), ("plover", ev.type.plover), ("mode", ev.type.mode)]


def _timestamp(ev: StoredEvent) -> int | None:
    """Unix time of the event's last change (ACLED's ``timestamp``)."""
    if ev.changed_at is None:
        return None
    return int(ev.changed_at.replace(tzinfo=timezone.utc).timestamp())


def render_acled_csv(table: EventTable, fh: TextIO) -> None:
    out = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS)
    out.writeheader()
    for ev in table.events:
        row = acled_row(ev, _timestamp(ev))
        out.writerow({k: "" if v is None else v for k, v in row.model_dump().items()})


def read_acled_csv(path: Path) -> list[AcledRow]:
    """Rows of an ACLED-style CSV (ours or ACLED's own), empty cells as None."""
    with path.open(newline="", encoding="utf-8") as fh:
        return [
            AcledRow.model_validate({k: (v if v != "" else None) for k, v in r.items()
                                     if k in AcledRow.model_fields})
            for r in csv.DictReader(fh)
        ]


# ---------------------------------------------------------------- GeoJSON, PLOVER, Parquet


def geojson_feature(ev: Event) -> dict[str, object]:
    loc = ev.location
    point = loc is not None and loc.lat is not None and loc.lon is not None
    props = acled_row(ev).model_dump(exclude={"latitude", "longitude", "timestamp"})
    props["article_id"] = ev.article_id
    props["status"] = ev.status
    props["plover"] = ev.type.plover
    if isinstance(ev, StoredEvent):
        props["cluster_id"] = ev.cluster_id
        props["timestamp"] = _timestamp(ev)
    return {
        "type": "Feature",
        "id": ev.id,
        "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]} if point and loc else None,
        "properties": props,
    }


def render_geojson(table: EventTable, fh: TextIO) -> None:
    doc = {"type": "FeatureCollection", "dataset_version": table.dataset_version,
           "features": [geojson_feature(e) for e in table.events]}
    fh.write(json.dumps(doc, ensure_ascii=False))


def plover_record(ev: Event) -> dict[str, object]:
    """PLOVER-style event: category and mode, actors, place, date, and the sentence."""

    def actor(a: Actor | None) -> dict[str, object] | None:
        return None if a is None else {"name": a.name, "country": a.country, "type": a.kind,
                                       "text": a.text}

    loc, tm = ev.location, ev.time
    return {
        "id": ev.id,
        "date": tm.start.isoformat() if tm else None,
        "date_precision": tm.precision if tm else None,
        "event_type": ev.type.plover,
        "mode": ev.type.mode,
        "context": [],
        "status": ev.status,
        "actor1": actor(ev.actor1),
        "actor2": actor(ev.actor2),
        "associates": [actor(a) for a in ev.associates],
        "location": None if loc is None else {
            "name": loc.name, "country": loc.country, "admin1": loc.admin1, "lat": loc.lat,
            "lon": loc.lon, "precision": loc.precision, "geonameid": loc.gazetteer_id},
        "quantities": [{"kind": q.kind, "value": q.value, "qualifier": q.qualifier}
                       for q in ev.quantities],
        "source": ev.source.name if ev.source else None,
        "article_id": ev.article_id,
        "text": ev.evidence.sentence,
        **({"cluster_id": ev.cluster_id, "timestamp": _timestamp(ev)}
           if isinstance(ev, StoredEvent) else {}),
    }


def render_plover_jsonl(table: EventTable, fh: TextIO) -> None:
    for ev in table.events:
        fh.write(json.dumps(plover_record(ev), ensure_ascii=False) + "\n")


def write_parquet(con: Connection, f: Filters, path: Path) -> int:
    """The events table's columns (with the full record as JSON), via DuckDB: no pyarrow."""
    where, params = where_clause(f)
    n = rows(con, f"SELECT count(*) AS n FROM events e {where}", params)[0]["n"]
    con.write_parquet(f"SELECT e.*, {dataset_version(con)} AS dataset_version FROM events e"
                      f" {where} ORDER BY date_start NULLS LAST, id", params, path, schema_sql())
    return int(n)


def render_jsonl(table: EventTable, fh: TextIO) -> None:
    """Full event records (the DESIGN.md contract), one JSON document per line."""
    for ev in table.events:
        fh.write(json.dumps({**ev.model_dump(mode="json"), "dataset_version": table.dataset_version},
                            ensure_ascii=False) + "\n")


def registry() -> dict[str, Exporter]:
    """Every built-in exporter by short name: the one place they are registered."""
    built_in = [
        Exporter("acled-csv", "export.acled_csv.v1", "text/csv; charset=utf-8", ".csv",
                 "ACLED-compatible CSV (ACLED's column names)", render=render_acled_csv),
        Exporter("geojson", "export.geojson.v1", "application/geo+json", ".geojson",
                 "GeoJSON FeatureCollection of event points", render=render_geojson),
        Exporter("plover-jsonl", "export.plover_jsonl.v1", "application/x-ndjson", ".jsonl",
                 "PLOVER-style events, one JSON object per line", render=render_plover_jsonl),
        Exporter("parquet", "export.parquet.v1", "application/vnd.apache.parquet", ".parquet",
                 "the events table as Parquet (DuckDB)", written=write_parquet),
        Exporter("jsonl", "export.records_jsonl.v1", "application/x-ndjson", ".jsonl",
                 "full eventwire event records, one per line", render=render_jsonl),
    ]
    return {e.name: e for e in built_in}


def export(con: Connection, name: str, f: Filters, path: Path) -> int:
    """Write the events matching ``f`` to ``path`` with the exporter ``name``; the count."""
    exporters = registry()
    if name not in exporters:
        raise KeyError(f"unknown export format {name!r}: one of {', '.join(exporters)}")
    return exporters[name].write(con, f, path)
