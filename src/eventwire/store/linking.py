"""Keep the stored clusters equal to ``link.clusters.cluster_ids`` of the stored set.

Inside the transaction that stores an article: each new event is filed under its
blocking keys (table ``link_keys``), compared with the events filed under its probe keys,
and the clusters it links are merged under their smallest id; an event removed (a
retraction, a new version) splits its old cluster into the components of what remains.
Flags follow their clusters. ``relink`` recomputes everything from the set (older
databases, and a check).
"""

from __future__ import annotations

from collections.abc import Iterable

from eventwire.link import clusters
from eventwire.model import Event
from eventwire.store.dialect import Connection


def _events(con: Connection, sql: str, params: list[object]) -> list[tuple[Event, str]]:
    return [(Event.model_validate_json(rec), cid) for rec, cid in con.execute(sql, params).fetchall()]


def add_events(con: Connection, events: Iterable[Event]) -> None:
    """File new events (already inserted, each its own cluster) and merge their clusters."""
    events = list(events)
    rows = [(key, ev.id) for ev in events for key in clusters.index_keys(ev)]
    if rows:
        con.executemany("INSERT INTO link_keys VALUES (?, ?)", rows)
    touched: set[str] = set()
    for ev in events:
        probes = clusters.probe_keys(ev)
        if not probes:
            continue
        marks = ", ".join(["?"] * len(probes))
        found = _events(con, "SELECT e.record, e.cluster_id FROM events e WHERE e.id IN"
                             f" (SELECT event_id FROM link_keys WHERE key IN ({marks})) AND e.id <> ?",
                        [*probes, ev.id])
        joined = clusters.merge(ev, found)
        if not joined:
            continue
        own = con.execute("SELECT cluster_id FROM events WHERE id = ?", [ev.id]).fetchone()
        ids = sorted(joined | {own[0] if own else ev.id})
        marks = ", ".join(["?"] * len(ids))
        con.execute(f"UPDATE events SET cluster_id = ? WHERE cluster_id IN ({marks})", [ids[0], *ids])
        touched = {c for c in touched if c not in ids} | {ids[0]}
    for cid in sorted(touched):
        _flag(con, cid)


def remove_events(con: Connection, ids: list[str]) -> None:
    """Delete events and everything filed under them; split the clusters they leave."""
    if not ids:
        return
    marks = ", ".join(["?"] * len(ids))
    left = [r[0] for r in con.execute(
        f"SELECT DISTINCT cluster_id FROM events WHERE id IN ({marks})", ids).fetchall()]
    for table, col in (("link_keys", "event_id"), ("actors", "event_id"),
                       ("quantities", "event_id"), ("events", "id")):
        con.execute(f"DELETE FROM {table} WHERE {col} IN ({marks})", ids)
    for cid in sorted(left):
        members = [ev for ev, _ in _events(
            con, "SELECT record, cluster_id FROM events WHERE cluster_id = ?", [cid])]
        parts = clusters.cluster_ids(members)
        for root in sorted(set(parts.values())):
            mine = [eid for eid, r in parts.items() if r == root]
            m = ", ".join(["?"] * len(mine))
            con.execute(f"UPDATE events SET cluster_id = ? WHERE id IN ({m})", [root, *mine])
            _flag(con, root)


def _flag(con: Connection, cluster_id: str) -> None:
    members = [ev for ev, _ in _events(
        con, "SELECT record, cluster_id FROM events WHERE cluster_id = ?", [cluster_id])]
    con.execute("UPDATE events SET flagged = ? WHERE cluster_id = ?",
                [clusters.flagged(members), cluster_id])


def relink(con: Connection) -> int:
    """Recompute every cluster, flag and blocking key from the stored set; the number of
    clusters."""
    events = [ev for ev, _ in _events(con, "SELECT record, cluster_id FROM events ORDER BY id", [])]
    ids = clusters.cluster_ids(events)
    con.execute("DELETE FROM link_keys")
    _bulk(con, "link_keys", [(key, ev.id) for ev in events for key in clusters.index_keys(ev)])
    con.execute("CREATE TEMP TABLE IF NOT EXISTS relinked (id VARCHAR, cluster_id VARCHAR, flagged BOOLEAN)")
    con.execute("DELETE FROM relinked")
    members: dict[str, list[Event]] = {}
    for ev in events:
        members.setdefault(ids[ev.id], []).append(ev)
    flags = {cid: clusters.flagged(evs) for cid, evs in members.items()}
    _bulk(con, "relinked", [(ev.id, ids[ev.id], flags[ids[ev.id]]) for ev in events])
    con.execute("UPDATE events SET cluster_id = r.cluster_id, flagged = r.flagged"
                " FROM relinked r WHERE events.id = r.id")
    return len(members)


def _bulk(con: Connection, table: str, rows: list[tuple[object, ...]]) -> None:
    con.bulk_insert(table, rows)
