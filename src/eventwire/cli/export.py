"""`eventwire export`: stored events as ACLED CSV, GeoJSON, PLOVER JSON Lines or Parquet."""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime
from pathlib import Path

import typer

from eventwire.cli.common import (
    ACTOR, ADMIN1, BBOX, COUNTRY, DB_OPTION, DEDUP, SINCE, SOURCE, STATUS, TEXT, TYPE, UNTIL, fail,
    filters, need_database)


def export(
    db: str = DB_OPTION,
    format: str = typer.Option(  # noqa: A002
        "acled-csv", "--format", "-f",
        help="acled-csv | geojson | plover-jsonl | parquet | jsonl"),
    output: Path | None = typer.Option(None, "--output", "-o",
                                       help="file to write (default: standard output)"),
    since: datetime | None = SINCE,
    until: datetime | None = UNTIL,
    country: str | None = COUNTRY,
    admin1: str | None = ADMIN1,
    type: str | None = TYPE,  # noqa: A002
    actor: str | None = ACTOR,
    status: str | None = STATUS,
    source: str | None = SOURCE,
    bbox: str | None = BBOX,
    q: str | None = TEXT,
    dedup: bool = DEDUP,
) -> None:
    """Write the stored events matching the filters in one of the export formats."""
    from eventwire.errors import EventwireError
    from eventwire.store import exports
    from eventwire.store.writer import open_reader

    registry = exports.registry()
    if format not in registry:
        raise typer.BadParameter(f"one of {', '.join(registry)}", param_hint="--format")
    need_database(db)
    chosen = filters(since=since, until=until, country=country, admin1=admin1, type=type,
                     actor=actor, status=status, source=source, bbox=bbox, q=q, dedup=dedup)
    exporter = registry[format]
    try:
        with open_reader(db) as store:
            if output is not None:
                n = exporter.write(store.con, chosen, output)
            else:
                with tempfile.TemporaryDirectory(prefix="eventwire-export-") as tmp:
                    path = Path(tmp) / f"events{exporter.suffix}"
                    n = exporter.write(store.con, chosen, path)
                    sys.stdout.buffer.write(path.read_bytes())
                    sys.stdout.flush()
    except EventwireError as e:
        fail(e)
    typer.echo(f"{n} events written to {output or 'standard output'} ({format})", err=True)
