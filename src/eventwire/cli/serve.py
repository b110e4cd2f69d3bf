"""`eventwire serve`: the JSON API and the web page over a database file."""

from __future__ import annotations

import sys

import typer

from eventwire.cli.common import DB_OPTION, fail
from eventwire.serve.security import MAX_BODY_BYTES, TOKEN_ENV


def serve(
    db: str = DB_OPTION,
    host: str = typer.Option("127.0.0.1", help="address to listen on (beyond this machine "
                                                "only with a --token)"),
    port: int = typer.Option(8000, help="port to listen on"),
    wait: float = typer.Option(600.0, help="seconds to wait for a database another process is writing"),
    token: str | None = typer.Option(None, envvar=TOKEN_ENV, show_default=False,
                                     help="write token: uploads (POST /api/articles) need "
                                          "'Authorization: Bearer <token>'"),
    cors_origin: list[str] = typer.Option([], "--cors-origin",
                                          help="a site whose pages may call the API "
                                               "(repeat for several; default: none)"),
    max_body: int = typer.Option(MAX_BODY_BYTES, help="largest request body, in bytes"),
) -> None:
    """Serve the JSON API (/api, schema at /docs) and the web page (map, timeline, table).

    The server is the database's one writer while it runs: `eventwire ingest --db` and
    `eventwire watch --db` on the same file hand their articles to it."""
    import uvicorn

    from eventwire.errors import EventwireError, StoreBusyError
    from eventwire.serve.app import create_app
    from eventwire.serve.assets import missing_message, missing_vendor_assets
    from eventwire.serve.security import Access, check_listen
    from eventwire.store.database import Store

    access = Access(token=token or None, cors_origins=tuple(cors_origin), max_body_bytes=max_body)
    try:  # fail now, with the file or the option named, rather than on the first request
        check_listen(host, access)
        Store(db).close()
    except StoreBusyError:
        print(f"eventwire serve: {db} is being written by another process; waiting for it",
              file=sys.stderr)
    except EventwireError as e:
        fail(e)

    missing = missing_vendor_assets()
    if missing:
        print(f"eventwire serve: {missing_message(missing)}; showing the table only",
              file=sys.stderr)
    own = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    own = f"[{own}]" if ":" in own else own
    app = create_app(db, access=access, announce_url=f"http://{own}:{port}", wait_s=wait)
    # httptools and uvloop (pinned dependencies): a third of a kept-alive request's time
    # was h11's pure-Python parsing and the default event loop (benchmarks/bench_api.py)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False,
                http="httptools", loop="uvloop")


if __name__ == "__main__":  # `python -m eventwire.cli.serve` until the main CLI registers it
    typer.run(serve)
