"""`eventwire export`: stored events as ACLED CSV, GeoJSON, PLOVER JSON Lines or Parquet."""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from eventwire.store.database import Store
    from eventwire.store.exports import Exporter
    from eventwire.store.queries import Filters

DEFAULT_DB = Path("eventwire.duckdb")


def export(
    db: str = typer.Option(str(DEFAULT_DB), "--db", envvar="EVENTWIRE_DB", help=(
        "the database: a DuckDB file, or a PostgreSQL server's postgresql://USER@HOST/NAME")),
    format: str = typer.Option(  # noqa: A002
        "acled-csv", "--format", "-f",
        help="acled-csv | geojson | plover-jsonl | parquet | jsonl"),
    output: Path | None = typer.Option(None, "--output", "-o",
                                       help="file to write (default: standard output)"),
    since: date | None = typer.Option(None, formats=["%Y-%m-%d"], help="events on or after"),
    until: date | None = typer.Option(None, formats=["%Y-%m-%d"], help="events on or before"),
    country: str | None = typer.Option(None, help="ISO3 country code"),
    admin1: str | None = typer.Option(None, help="first-level region"),
    type: str | None = typer.Option(None, help="PLOVER category or ACLED (sub-)event type"),  # noqa: A002
    actor: str | None = typer.Option(None, help="words in an actor's name"),
    status: str | None = typer.Option(None, help="asserted, claimed, alleged..."),
    source: str | None = typer.Option(None, help="words in the source's name"),
    bbox: str | None = typer.Option(None, help="min_lon,min_lat,max_lon,max_lat"),
    q: str | None = typer.Option(None, "--text", help="words in the evidence sentence"),
) -> None:
    """Write the stored events matching the filters in one of the export formats."""
    from pydantic import ValidationError

    from eventwire.errors import EventwireError
    from eventwire.store import exports
    from eventwire.store.writer import open_reader
    from eventwire.store.queries import Filters

    registry = exports.registry()
    if format not in registry:
        raise typer.BadParameter(f"one of {', '.join(registry)}", param_hint="--format")
    from eventwire.store.dialect import exists

    if not exists(db):
        typer.echo(f"{db}: no such database (run `eventwire extract ... --db {db}` first)",
                   err=True)
        raise typer.Exit(1)
    try:
        filters = Filters(since=since, until=until, country=country, admin1=admin1, type=type,
                          actor=actor, status=status, source=source, bbox=bbox, q=q)
    except ValidationError as e:
        raise typer.BadParameter(e.errors()[0]["msg"]) from e
    exporter = registry[format]
    try:
        with open_reader(db) as store:
            if output is not None:
                n = exporter.write(store.con, filters, output)
            else:
                n = _to_stdout(exporter, store, filters)
    except EventwireError as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(1) from e
    typer.echo(f"{n} events written to {output or 'standard output'} ({format})", err=True)


def _to_stdout(exporter: Exporter, store: Store, filters: Filters) -> int:
    with tempfile.TemporaryDirectory(prefix="eventwire-export-") as tmp:
        path = Path(tmp) / f"events{exporter.suffix}"
        n = exporter.write(store.con, filters, path)
        sys.stdout.buffer.write(path.read_bytes())
        sys.stdout.flush()
    return n
