"""Keep the stored clusters equal to ``link.clusters.cluster_ids`` of the stored set.

The decisions are ``link/stored.py``'s; this module only fetches what they need and
writes what they decide, inside the transaction that stores an article: each new event
is filed under its blocking keys (table ``link_keys``), the events filed under its probe
keys are fetched with their clusters, and the clusters ``stored.join`` links are merged
under their smallest id; an event removed (a retraction, a new version) splits its old
cluster into the components of what remains. Flags follow their clusters. ``relink``
recomputes everything from the set (older databases, and a check).
"""

from __future__ import annotations

from collections.abc import Iterable

from eventwire.link import stored
from eventwire.model import Event
from eventwire.store.dialect import Connection

PROBE_CHUNK = 1000  # block keys per query (PostgreSQL takes at most 65,535 parameters)


def _events(con: Connection, sql: str, params: list[object]) -> list[Event]:
    return [Event.model_validate_json(r[0]) for r in con.execute(sql, params).fetchall()]


def _filed(con: Connection, keys: list[str]) -> list[stored.Filed]:
    """The stored events filed under any of ``keys``, with their clusters and those keys."""
    found: dict[str, tuple[str, str, set[str]]] = {}
    for at in range(0, len(keys), PROBE_CHUNK):
        chunk = keys[at:at + PROBE_CHUNK]
        marks = ", ".join(["?"] * len(chunk))
        # the keys' events first, then their rows: a join would hash every event's record
        pairs = con.execute(f"SELECT event_id, key FROM link_keys WHERE key IN ({marks})", chunk).fetchall()
        ids = sorted({eid for eid, _ in pairs} - found.keys())
        for at_id in range(0, len(ids), PROBE_CHUNK):
            some = ids[at_id:at_id + PROBE_CHUNK]
            for eid, rec, cid in con.execute(f"SELECT id, record, cluster_id FROM events WHERE id IN"
                                             f" ({', '.join(['?'] * len(some))})", some).fetchall():
                found[eid] = (rec, cid, set())
        for eid, key in pairs:
            if eid in found:  # as the join: a key without its event finds nothing
                found[eid][2].add(key)
    return [stored.Filed(Event.model_validate_json(rec), cid, frozenset(ks))
            for _, (rec, cid, ks) in sorted(found.items())]


def add_events(con: Connection, events: Iterable[Event]) -> None:
    """File new events (already inserted, each its own cluster) and merge their clusters."""
    events = list(events)
    rows = stored.filing(events)
    if rows:
        con.executemany("INSERT INTO link_keys VALUES (?, ?)", rows)
    keys = stored.probes(events)
    if not keys:
        return
    for merge in stored.join(events, _filed(con, keys)):
        marks = ", ".join(["?"] * len(merge.clusters))
        con.execute(f"UPDATE events SET cluster_id = ? WHERE cluster_id IN ({marks})",
                    [merge.into, *merge.clusters])
        _flag(con, merge.into)


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
        members = _events(con, "SELECT record FROM events WHERE cluster_id = ?", [cid])
        for part in stored.split(members):
            m = ", ".join(["?"] * len(part.members))
            con.execute(f"UPDATE events SET cluster_id = ?, flagged = ? WHERE id IN ({m})",
                        [part.id, part.flagged, *part.members])


def _flag(con: Connection, cluster_id: str) -> None:
    members = _events(con, "SELECT record FROM events WHERE cluster_id = ?", [cluster_id])
    con.execute("UPDATE events SET flagged = ? WHERE cluster_id = ?",
                [stored.flagged(members), cluster_id])


def relink(con: Connection) -> int:
    """Recompute every cluster, flag and blocking key from the stored set; the number of
    clusters."""
    events = _events(con, "SELECT record FROM events ORDER BY id", [])
    found = stored.recluster(events)
    con.execute("DELETE FROM link_keys")
    con.bulk_insert("link_keys", list(stored.filing(events)))
    con.execute("CREATE TEMP TABLE IF NOT EXISTS relinked (id VARCHAR, cluster_id VARCHAR, flagged BOOLEAN)")
    con.execute("DELETE FROM relinked")
    con.bulk_insert("relinked", [(eid, c.id, c.flagged) for c in found for eid in c.members])
    con.execute("UPDATE events SET cluster_id = r.cluster_id, flagged = r.flagged"
                " FROM relinked r WHERE events.id = r.id")
    return len(found)
