"""The change feed: every event added, revised or retracted, with the article version
that caused it (``eventwire changes``, ``GET /api/changes``)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Annotated, Literal

from pydantic import Field, field_validator

from eventwire.model import Event
from eventwire.store.dialect import Connection
from eventwire.store.filters import iso_only
from eventwire.store.queries import Row, dataset_version, rows


IsoTime = Annotated[datetime, iso_only(datetime, "a time as ISO 8601 (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)")]


class ChangeRow(Row):
    """One change to the current events, and the article version that caused it."""

    seq: int
    changed_at: datetime
    kind: Literal["added", "revised", "retracted"]
    event_id: str
    article_id: str
    url: str | None
    version: int | None
    event: Event = Field(description="the event after the change (as it was, if retracted)")

    @field_validator("changed_at")
    @classmethod
    def _utc(cls, v: datetime) -> datetime:
        return v.replace(tzinfo=timezone.utc) if v.tzinfo is None else v


class ChangePage(Row):
    changes: list[ChangeRow]
    next_after: int | None = Field(None, description="pass as ?after= for the next page")
    dataset_version: int


def list_changes(con: Connection, since: datetime | None = None,
                 after: int = 0, limit: int = 1000) -> ChangePage:
    """Changes in the order they were made: since a time (UTC), after a change number."""
    clauses: list[str] = ["seq > ?"]
    params: list[object] = [after]
    if since is not None:
        if since.tzinfo is not None:
            since = since.astimezone(timezone.utc).replace(tzinfo=None)
        clauses.append("changed_at >= ?")
        params.append(since)
    found = rows(con, "SELECT seq, changed_at, kind, event_id, article_id, url, version, record"
                      f" FROM changes WHERE {' AND '.join(clauses)} ORDER BY seq LIMIT ?",
                 [*params, limit + 1])
    more = len(found) > limit
    found = found[:limit]
    changes = [ChangeRow(event=Event.model_validate_json(r.pop("record")), **r) for r in found]
    version = dataset_version(con)
    return ChangePage(changes=changes, next_after=changes[-1].seq if more else None,
                      dataset_version=version)
