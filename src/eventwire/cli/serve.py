"""`eventwire serve`: the JSON API and the web page over a database file."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

DEFAULT_DB = Path("eventwire.duckdb")


def serve(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="the eventwire database file"),
    host: str = typer.Option("127.0.0.1", help="address to listen on"),
    port: int = typer.Option(8000, help="port to listen on"),
) -> None:
    """Serve the JSON API (/api, schema at /docs) and the web page (map, timeline, table)."""
    import uvicorn

    from eventwire.errors import EventwireError
    from eventwire.serve.app import create_app
    from eventwire.serve.assets import missing_message, missing_vendor_assets
    from eventwire.store.database import Store

    try:  # fail now, with the file named, rather than on the first request
        Store(db).close()
    except EventwireError as e:
        print(f"eventwire serve: {e}", file=sys.stderr)
        raise typer.Exit(1) from e

    missing = missing_vendor_assets()
    if missing:
        print(f"eventwire serve: {missing_message(missing)}; showing the table only",
              file=sys.stderr)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


if __name__ == "__main__":  # `python -m eventwire.cli.serve` until the main CLI registers it
    typer.run(serve)
