"""The DuckDB store: one transaction per article, so nothing is ever half-written.

Re-ingesting an article already stored (same content hash) stores nothing twice.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from eventwire.errors import StoreError
from eventwire.link.across import SLACK, Figure, conflicting_figures, same_event
from eventwire.model import Actor, ArticleDoc, Event
from eventwire.model.records import Place

if TYPE_CHECKING:
    from eventwire.resolve.places.priors import OutletPriors

SCHEMA_VERSION = "1"
FACTUAL = frozenset({"asserted", "claimed", "alleged"})


def _schema_sql() -> str:
    return (resources.files("eventwire.store") / "schema.sql").read_text(encoding="utf-8")


def _open_error(path: str, e: duckdb.Error) -> str:
    """One line: why the file cannot be opened, and what to do."""
    held = re.search(r"Conflicting lock is held in .*?\(PID (\d+)\)", str(e))
    if held:  # DuckDB: one process at a time has a file open for writing
        return (f"{path}: another process (PID {held.group(1)}) has this database open; "
                "run again once it has finished (one process writes a DuckDB file at a time)")
    return f"{path}: cannot open the database ({' '.join(str(e).split())})"


class Store:
    """An eventwire database file (DuckDB)."""

    def __init__(self, path: Path | str, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as e:
            raise StoreError(_open_error(self.path, e)) from e
        if not read_only:
            self.con.execute(_schema_sql())
            self.con.execute(
                "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                [SCHEMA_VERSION],
            )

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def has_article(self, article_id: str) -> bool:
        row = self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None

    def add(self, doc: ArticleDoc) -> bool:
        """Store one article with everything found in it; False if it was already stored."""
        if self.has_article(doc.article.id):
            return False
        try:
            with self.transaction() as con:
                _insert_article(con, doc)
                for ev in doc.events:
                    _link(con, ev)
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: cannot store article {doc.article.id} ({e})") from e
        return True

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
                lon=lon, feature=feature, gazetteer_id=gid, adjectival=bool(adjectival), reason=reason,
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

    def events(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        country: str | None = None,
        plover: str | None = None,
        status: str | None = None,
        source: str | None = None,
        limit: int | None = None,
        dedup: bool = False,
    ) -> list[Event]:
        """Stored events, filtered, ordered by date then id; ``dedup``: one per cluster
        (the same event told by several articles)."""
        where, params = event_filters(
            since=since, until=until, country=country, plover=plover, status=status, source=source
        )
        if dedup:
            where += (" AND " if where else "WHERE ") + (
                "id = (SELECT min(x.id) FROM events x WHERE x.cluster_id = events.cluster_id)")
        sql = f"SELECT record FROM events {where} ORDER BY date_start NULLS LAST, id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [Event.model_validate_json(r["record"]) for r in self.query(sql, params)]


def event_filters(**f: Any) -> tuple[str, list[Any]]:
    """WHERE clause for the common event filters (shared by the CLI and the API)."""
    clauses, params = [], []
    if f.get("since"):
        clauses.append("coalesce(date_end, date_start) >= ?")
        params.append(f["since"])
    if f.get("until"):
        clauses.append("date_start <= ?")
        params.append(f["until"])
    for key, col in (("country", "country"), ("plover", "plover"), ("status", "status")):
        if f.get(key):
            clauses.append(f"upper({col}) = upper(?)")
            params.append(f[key])
    if f.get("source"):
        clauses.append("(source ILIKE ? OR source_via ILIKE ?)")
        params += [f"%{f['source']}%"] * 2
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _insert_article(con: duckdb.DuckDBPyConnection, doc: ArticleDoc) -> None:
    a = doc.article
    con.execute(
        "INSERT INTO articles (id, title, published, published_inferred, published_reason,"
        " outlet, url, path, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [a.id, a.title, a.published, a.published_inferred, a.published_reason, a.outlet,
         a.url, a.path, a.text],
    )
    for ev in doc.events:
        _insert_event(con, ev, a.id)
    for p in doc.places:
        con.execute(
            "INSERT INTO places (article_id, text, start_char, end_char, name, country, admin1, lat, lon,"
            " feature, gazetteer_id, adjectival, reason, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [a.id, p.text, p.start, p.end, p.name, p.country, p.admin1, p.lat, p.lon,
             p.feature, p.gazetteer_id, p.adjectival, p.reason, p.score],
        )
    for q in doc.quotes:
        sp = q.speaker
        con.execute(
            "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [a.id, sp.name if sp else None, sp.country if sp else None,
             sp.kind if sp else None, q.via, q.direct, q.text, q.start, q.end],
        )
    for t in doc.times:
        con.execute(
            "INSERT INTO times VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [a.id, t.text, t.start, t.end, t.start_date, t.end_date, t.precision, t.value],
        )


def _insert_event(con: duckdb.DuckDBPyConnection, ev: Event, article_id: str) -> None:
    loc, tm, src = ev.location, ev.time, ev.source
    acled = ev.type.acled or (None, None)
    # fatalities of this event only: not a war's toll told as background, nor a denied,
    # negated or planned killing
    killed = [q.value for q in ev.quantities if q.kind == "killed"] if ev.status in FACTUAL else []
    con.execute(
        "INSERT INTO events VALUES (" + ", ".join(["?"] * 32) + ")",
        [
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
            ev.id, False,
        ],
    )
    roles = [("actor1", ev.actor1), ("actor2", ev.actor2)]
    roles += [("associate", a) for a in ev.associates]
    for role, actor in roles:
        if actor is not None:
            con.execute(
                "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [ev.id, role, actor.name, actor.country, actor.kind, actor.inter, actor.text,
                 actor.start, actor.end],
            )
    for q in ev.quantities:
        con.execute(
            "INSERT INTO quantities VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [ev.id, q.kind, q.value, q.qualifier, q.source, q.text, q.start, q.end],
        )


def _link(con: duckdb.DuckDBPyConnection, ev: Event) -> None:
    """Join ``ev`` to the cluster of an event already stored that reports the same
    happening (another article), and flag the cluster if their figures disagree."""
    if ev.time is None or ev.location is None:
        return
    slack = SLACK.days
    found = con.execute(
        "SELECT record, cluster_id FROM events WHERE plover = ? AND article_id <> ?"
        " AND date_start <= ? + ? * INTERVAL 1 DAY AND date_end >= ? - ? * INTERVAL 1 DAY"
        " AND (country = ? OR country IS NULL) ORDER BY id",
        [ev.type.plover, ev.article_id, ev.time.end, slack, ev.time.start, slack, ev.location.country],
    ).fetchall()
    cluster = next((c for rec, c in found if same_event(ev, Event.model_validate_json(rec))), None)
    if cluster is None:
        return
    con.execute("UPDATE events SET cluster_id = ? WHERE id = ?", [cluster, ev.id])
    members = [Event.model_validate_json(r[0]) for r in con.execute(
        "SELECT record FROM events WHERE cluster_id = ? ORDER BY id", [cluster]).fetchall()]
    if conflicting_figures(members):
        con.execute("UPDATE events SET flagged = true WHERE cluster_id = ?", [cluster])


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


def _actor_cols(actor: Actor | None) -> tuple[str | None, str | None, str | None]:
    if actor is None:
        return (None, None, None)
    return (actor.name, actor.country, actor.kind)
