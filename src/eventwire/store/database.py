"""The DuckDB store: one transaction per article, so nothing is ever half-written.

Re-ingesting an article already stored (same content hash) stores nothing twice; the same
URL with another text is a new version of that article (``store/revise.py``): its events
are added, revised or retracted, and each change is recorded in ``changes``. Clusters
(the same event told by several articles) are kept equal to a function of the stored set:
``link/stored.py`` decides, ``store/linking.py`` fetches and writes; so the same articles
give the same database in any order. Reading goes through ``store/queries.py`` with the
filters of ``store/filters.py``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.errors import StoreBusyError, StoreError
from eventwire.link.across import Figure, conflicting_figures
from eventwire.model import Actor, Article, ArticleDoc, Event
from eventwire.model.records import Place, StoredEvent
from eventwire.store import dialect, linking, queries, revise
from eventwire.store.dialect import Connection
from eventwire.store.filters import Filters

if TYPE_CHECKING:
    from eventwire.resolve.places.priors import OutletPriors

SCHEMA_VERSION = "2"
FACTUAL = frozenset({"asserted", "claimed", "alleged"})


def schema_sql() -> str:
    return (resources.files("eventwire.store") / "schema.sql").read_text(encoding="utf-8")


def _open_error(path: str, e: Exception) -> str:
    """One line: why the file cannot be opened, and what to do."""
    held = re.search(r"Conflicting lock is held in .*?\(PID (\d+)\)", str(e))
    if held:  # DuckDB: one process at a time has a file open for writing
        return (f"{path}: another process (PID {held.group(1)}) has this database open; "
                "run again once it has finished (one process writes a DuckDB file at a time)")
    return f"{path}: cannot open the database ({' '.join(str(e).split())})"


class Store:
    """An eventwire database: a DuckDB file, or a PostgreSQL database
    (``postgresql://...``); the SQL is the same, ``store/dialect.py`` holds what differs."""

    def __init__(self, path: Path | str, read_only: bool = False) -> None:
        self.path = str(path)
        shown = dialect.shown(path)
        try:
            self.con = dialect.connect(path, read_only=read_only)
        except dialect.errors() as e:
            if is_lock_error(e):
                raise StoreBusyError(_open_error(shown, e)) from e
            raise StoreError(_open_error(shown, e)) from e
        # a PostgreSQL reader makes the (empty) schema too: a server has no file to miss
        if not read_only or self.con.dialect.multi_writer:
            try:
                self._create()
            except dialect.errors() as e:
                self.con.close()
                raise StoreError(_open_error(shown, e)) from e

    def _create(self) -> None:
        ddl = self.con.dialect.schema(schema_sql())
        if self.con.dialect.multi_writer:
            # one writer at a time makes the tables; and only when this schema is not
            # there yet (PostgreSQL's ALTER TABLE locks the table against the server's
            # readers even when there is nothing to add)
            made = hashlib.sha256(ddl.encode("utf-8")).hexdigest()[:16]
            if self._schema_made() != made:
                with dialect.transaction(self.con):
                    self.con.script(ddl)
                    self.con.execute("INSERT INTO meta VALUES ('schema_made', ?) ON CONFLICT (key)"
                                     " DO UPDATE SET value = excluded.value", [made])
        else:
            self.con.script(ddl)
        self.con.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                         [SCHEMA_VERSION])
        if self._unfiled():  # a database made before link_keys: cluster it as a set
            self.relink()

    def _schema_made(self) -> str | None:
        """The hash of the schema last made in this (PostgreSQL) database, if any."""
        row = self.con.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()
        if not (row and row[0]):
            return None
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_made'").fetchone()
        return str(row[0]) if row else None

    @classmethod
    def over(cls, con: Connection, path: str) -> Store:
        """A store over a connection already open (a server's writer cursor)."""
        store = cls.__new__(cls)
        store.path, store.con = path, con
        return store

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction (PostgreSQL: writers commit one at a time)."""
        with dialect.transaction(self.con) as con:
            yield con

    def _unfiled(self) -> bool:
        row = self.con.execute("SELECT (SELECT count(*) FROM events) > 0 AND"
                               " (SELECT count(*) FROM link_keys) = 0").fetchone()
        return bool(row and row[0])

    def has_article(self, article_id: str) -> bool:
        row = self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None

    def known(self) -> Known:
        """Every stored article id (all versions) and each URL's current version: what
        lets a re-ingest skip an article before it is parsed."""
        ids = {r[0] for r in self.con.execute("SELECT id FROM articles").fetchall()}
        urls = dict(self.con.execute(
            "SELECT url, id FROM articles WHERE url IS NOT NULL AND superseded_by IS NULL").fetchall())
        return Known(ids, urls)

    def add(self, doc: ArticleDoc) -> bool:
        """Store one article with everything found in it; False if it was already stored."""
        return self.put(doc).kind != "duplicate"

    def put(self, doc: ArticleDoc) -> Stored:
        """Store one article (a new one, or a new version of a stored URL) in one
        transaction, with its events linked and its changes recorded."""
        if self.has_article(doc.article.id):
            return Stored("duplicate", doc.article.id)
        try:
            with self.transaction() as con:
                # again inside: another writer may have stored it meanwhile (PostgreSQL)
                if self.has_article(doc.article.id):
                    return Stored("duplicate", doc.article.id)
                return _put(con, doc)
        except dialect.errors() as e:
            raise StoreError(f"{dialect.shown(self.path)}: cannot store article {doc.article.id} ({e})") from e

    def relink(self) -> int:
        """Recompute every cluster from the stored set (``store/linking.py``)."""
        with self.transaction() as con:
            return linking.relink(con)

    def dataset_version(self) -> int:
        """The number of the last change: a new version with every change stored."""
        row = self.con.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()
        return int(row[0]) if row else 0

    def outlet_priors(self) -> OutletPriors:
        """Each outlet's home region, learned from the places of its stored articles (see
        ``resolve/places/priors.py``): what a local paper's earlier stories name helps
        place the ambiguous names of its next ones."""
        from eventwire.resolve.places.priors import OutletPriors, article_outlet

        priors = OutletPriors()
        rows = self.con.execute(
            "SELECT a.id, a.outlet, a.url, p.text, p.start_char, p.end_char, p.name, p.country, p.admin1,"
            " p.lat, p.lon, p.feature, p.gazetteer_id, p.adjectival, p.reason, p.score"
            " FROM articles a JOIN places p ON p.article_id = a.id ORDER BY a.id, p.start_char").fetchall()
        by_article: dict[str, tuple[str | None, list[Place]]] = {}
        for (aid, outlet, url, text, start, end, name, country, admin1, lat, lon, feature, gid,
             adjectival, reason, score) in rows:
            key = article_outlet(url, outlet)
            if key is None:
                continue
            by_article.setdefault(aid, (key, []))[1].append(Place(
                text=text, start=start, end=end, name=name, country=country, admin1=admin1, lat=lat,
                lon=lon, feature=feature, gazetteer_id=gid, adjectival=bool(adjectival), **Place.reason_fields(reason),
                score=score))
        for key, places in by_article.values():
            priors.add(key, places)
        return priors

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        cols = [d[0] for d in cur.description or []]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def count(self, table: str) -> int:
        if table not in {"articles", "events", "actors", "quantities", "places", "quotes", "times"}:
            raise ValueError(f"unknown table {table!r}")
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def events(self, limit: int | None = None, **filters: Any) -> list[StoredEvent]:
        """Stored events matching ``filters`` (the fields of ``store.filters.Filters``), by
        date then id: the same query the CLI, the API and the exports make."""
        unknown = set(filters) - set(Filters.model_fields)
        if unknown:
            raise TypeError(f"not an event filter: {', '.join(sorted(unknown))}")
        return queries.events_records(self.con, Filters(**filters), limit)


def is_lock_error(e: Exception) -> bool:
    return "lock" in str(e).lower()


@dataclass
class Known:
    """Stored article ids (every version) and each URL's current article id."""

    ids: set[str] = field(default_factory=set)
    urls: dict[str, str] = field(default_factory=dict)

    def wants(self, art: Article) -> bool:
        """Is this article worth parsing: new text (a new article, or a new version)?"""
        return art.id not in self.ids

    def note(self, art: Article) -> None:
        self.ids.add(art.id)
        if art.url:
            self.urls[art.url] = art.id


@dataclass(frozen=True)
class Stored:
    """What storing one article did: ``stored`` (new), ``revised`` (a new version of a
    URL), or ``duplicate``; the changes it recorded."""

    kind: str
    article_id: str
    version: int = 1
    added: int = 0
    revised: int = 0
    retracted: int = 0


def _insert_article(con: Connection, doc: ArticleDoc, version: int) -> None:
    """The article and its places, quotes and times: one statement a table (``executemany``)."""
    a = doc.article
    con.execute(
        "INSERT INTO articles (id, title, published, published_inferred, published_reason,"
        " outlet, url, path, text, version, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [a.id, a.title, a.published, a.published_inferred, a.published_reason, a.outlet,
         a.url, a.path, a.text, version, _now()],
    )
    con.executemany(
        "INSERT INTO places (article_id, text, start_char, end_char, name, country, admin1, lat, lon,"
        " feature, gazetteer_id, adjectival, reason, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [[a.id, p.text, p.start, p.end, p.name, p.country, p.admin1, p.lat, p.lon,
          p.feature, p.gazetteer_id, p.adjectival, p.reason, p.score] for p in doc.places])
    con.executemany(
        "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [[a.id, q.speaker.name if q.speaker else None, q.speaker.country if q.speaker else None,
          q.speaker.kind if q.speaker else None, q.via, q.direct, q.text, q.start, q.end]
         for q in doc.quotes])
    con.executemany(
        "INSERT INTO times VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [[a.id, t.text, t.start, t.end, t.start_date, t.end_date, t.precision, t.value] for t in doc.times])


def _insert_events(con: Connection, events: list[Event], article_id: str,
                   stamps: dict[str, tuple[int, datetime]]) -> None:
    """The events of one article with their actors and quantities, one statement a table;
    ``stamps``: each event's last change (``change_seq``, ``changed_at``), if any."""
    con.executemany(
        f"INSERT INTO events ({EVENT_COLUMNS}, change_seq, changed_at) VALUES (" + ", ".join(["?"] * 37) + ")",
        [_event_row(ev, article_id) + list(stamps.get(ev.id, (None, None))) for ev in events])
    con.executemany(
        "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [[ev.id, role, actor.name, actor.country, actor.kind, actor.inter, actor.text, actor.start, actor.end]
         for ev in events
         for role, actor in [("actor1", ev.actor1), ("actor2", ev.actor2), *(("associate", a) for a in ev.associates)]
         if actor is not None])
    con.executemany(
        "INSERT INTO quantities VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [[ev.id, q.kind, q.value, q.qualifier, q.source, q.text, q.start, q.end] for ev in events for q in ev.quantities])


def _event_row(ev: Event, article_id: str) -> list[Any]:
    loc, tm, src = ev.location, ev.time, ev.source
    acled = ev.type.acled or (None, None)
    # fatalities of this event only: not a war's toll told as background, nor a denied,
    # negated or planned killing
    killed = [q.value for q in ev.quantities if q.kind == "killed"] if ev.status in FACTUAL else []
    return [
        ev.id, article_id, ev.type.plover, ev.type.mode, acled[0], acled[1], ev.status,
        *_actor_cols(ev.actor1), *_actor_cols(ev.actor2),
        loc.name if loc else None, loc.country if loc else None,
        loc.admin1 if loc else None, loc.lat if loc else None, loc.lon if loc else None,
        loc.precision if loc else None, loc.gazetteer_id if loc else None,
        tm.start if tm else None, tm.end if tm else None, tm.precision if tm else None,
        max(killed) if killed else None,
        src.name if src else None, src.via if src else None,
        ev.evidence.sentence, ev.evidence.start, ev.evidence.end,
        json.dumps(ev.model_dump(mode="json")),
        ev.id, False, *ev.inter_codes,
    ]


def contradictions(store: Store) -> dict[str, list[Figure]]:
    """Flagged clusters: for each, every disagreeing figure with its source."""
    out: dict[str, list[Figure]] = {}
    rows = store.query("SELECT cluster_id, record FROM events WHERE flagged ORDER BY cluster_id, id")
    clusters: dict[str, list[Event]] = {}
    for r in rows:
        clusters.setdefault(r["cluster_id"], []).append(Event.model_validate_json(r["record"]))
    for cid, members in clusters.items():
        out[cid] = conflicting_figures(members)
    return out


def contested(store: Store) -> list[Event]:
    """Events on which the parties disagree: one event, a claim per party (a denial, a
    contradicting report), each with its source and status."""
    rows = store.query("SELECT record FROM events WHERE record LIKE '%\"claims\": [{%' ORDER BY id")
    found = [Event.model_validate_json(r["record"]) for r in rows]
    return [ev for ev in found if ev.contested]


def _actor_cols(actor: Actor | None) -> tuple[str | None, str | None, str | None]:
    if actor is None:
        return (None, None, None)
    return (actor.name, actor.country, actor.kind)


EVENT_COLUMNS = (
    "id, article_id, plover, mode, acled_event_type, acled_sub_event_type, status,"
    " actor1, actor1_country, actor1_kind, actor2, actor2_country, actor2_kind,"
    " location, country, admin1, lat, lon, geo_precision, gazetteer_id,"
    " date_start, date_end, time_precision, fatalities, source, source_via,"
    " sentence, start_char, end_char, record, cluster_id, flagged, inter1, inter2, interaction"
)


def _now() -> datetime:
    """Now in UTC, without its zone (the store's times are all UTC)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _put(con: Connection, doc: ArticleDoc) -> Stored:
    """Insert an article, revise the previous version of its URL, link, record changes."""
    art = doc.article
    previous = con.execute(
        "SELECT id, version FROM articles WHERE url = ? AND superseded_by IS NULL",
        [art.url]).fetchone() if art.url else None
    version = int(previous[1] or 1) + 1 if previous else 1
    _insert_article(con, doc, version)
    old: list[Event] = []
    if previous:
        con.execute("UPDATE articles SET superseded_by = ? WHERE id = ?", [art.id, previous[0]])
        old = [Event.model_validate_json(r[0]) for r in con.execute(
            "SELECT record FROM events WHERE article_id = ? ORDER BY id", [previous[0]]).fetchall()]
    rev = revise.match(old, list(doc.events))
    before = {ev.id: ev for ev in old}
    kept = {new.id: old_id for old_id, new in rev.kept.items()}
    events = [ev.model_copy(update={"id": kept.get(ev.id, ev.id)}) for ev in doc.events]
    linking.remove_events(con, [ev.id for ev in old])
    log = _ChangeLog(con, art, version)
    kept_ids = []
    for ev in events:
        if ev.id not in before:
            log.record("added", ev)
        elif revise.changed(before[ev.id], ev):
            log.record("revised", ev)
        else:
            kept_ids.append(ev.id)
    for ev in rev.retracted:
        log.record("retracted", ev)
    _insert_events(con, events, art.id, log.stamps)
    log.write()
    for eid in kept_ids:
        log.keep(eid)
    linking.add_events(con, events)
    return Stored("revised" if previous else "stored", art.id, version,
                  added=log.counts["added"], revised=log.counts["revised"],
                  retracted=log.counts["retracted"])


class _ChangeLog:
    """Appends to ``changes`` and stamps each current event with its last change: the
    rows are gathered (``record``) and written at once (``write``); ``stamps`` go in with
    the events' own rows."""

    def __init__(self, con: Connection, art: Article, version: int) -> None:
        self.con, self.art, self.version = con, art, version
        row = con.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()
        self.seq = int(row[0]) if row else 0
        self.at = _now()
        self.counts = {"added": 0, "revised": 0, "retracted": 0}
        self.rows: list[list[Any]] = []
        self.stamps: dict[str, tuple[int, datetime]] = {}

    def record(self, kind: str, ev: Event) -> None:
        self.seq += 1
        self.counts[kind] += 1
        self.rows.append([self.seq, self.at, kind, ev.id, self.art.id, self.art.url, self.version,
                          ev.model_dump_json()])
        if kind != "retracted":
            self.stamps[ev.id] = (self.seq, self.at)

    def write(self) -> None:
        self.con.executemany("INSERT INTO changes VALUES (?, ?, ?, ?, ?, ?, ?, ?)", self.rows)

    def keep(self, event_id: str) -> None:
        """An event the new version tells unchanged keeps its last change."""
        row = self.con.execute(
            "SELECT seq, changed_at FROM changes WHERE event_id = ? AND kind <> 'retracted'"
            " ORDER BY seq DESC LIMIT 1", [event_id]).fetchone()
        if row:
            self.con.execute("UPDATE events SET change_seq = ?, changed_at = ? WHERE id = ?",
                             [row[0], row[1], event_id])
