"""What every `eventwire` command shares: the database option, the event filters'
options, and one way to fail.

Exit codes, the same for every command:

- 0: done;
- 1: the command ran but had nothing to work on: every input was skipped (each named
  on its own line);
- 2: the command could not run: a bad option, no database at ``--db``, a database that
  cannot be opened, a server that will not start. One line on standard error says why,
  naming the file or the option, and what to do.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console

from eventwire.store.filters import HELP, Filters

DEFAULT_DB = Path("eventwire.duckdb")
DB_HELP = "the database: a DuckDB file, or a PostgreSQL server's postgresql://USER@HOST/NAME"
DB_OPTION = typer.Option(str(DEFAULT_DB), "--db", envvar="EVENTWIRE_DB", help=DB_HELP)

NOTHING_READ = 1
CANNOT_RUN = 2

err = Console(stderr=True)


def fail(message: object, code: int = CANNOT_RUN) -> NoReturn:
    """Say why on one line of standard error and end the command with ``code``."""
    err.print(f"[red]error:[/red] {' '.join(str(message).split())}", highlight=False,
              soft_wrap=True)
    raise typer.Exit(code)


def need_database(db: str) -> None:
    """Fail, saying what to do, when there is no database at ``db``."""
    from eventwire.store.dialect import exists

    if not exists(db):
        fail(f"{db}: no such database; run `eventwire ingest FILE --db {db}` first")


# the event filters' options, one meaning each (``store/filters.py``), for `events` and `export`
SINCE = typer.Option(None, formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help=HELP["since"])
UNTIL = typer.Option(None, formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help=HELP["until"])
COUNTRY = typer.Option(None, help=HELP["country"])
ADMIN1 = typer.Option(None, help=HELP["admin1"])
TYPE = typer.Option(None, "--type", help=HELP["type"])
ACTOR = typer.Option(None, help=HELP["actor"])
STATUS = typer.Option(None, help=HELP["status"])
SOURCE = typer.Option(None, help=HELP["source"])
BBOX = typer.Option(None, help=HELP["bbox"])
TEXT = typer.Option(None, "--text", help=HELP["q"])
DEDUP = typer.Option(False, "--dedup", help=HELP["dedup"])


def filters(**given: object) -> Filters:
    """The event filters given as options; a bad one is a usage error naming it."""
    from pydantic import ValidationError

    days = {k: v.date() if isinstance(v, datetime) else v for k, v in given.items()}
    try:
        return Filters.model_validate(days)
    except ValidationError as e:
        first = e.errors()[0]
        name = "--text" if first["loc"][0] == "q" else f"--{first['loc'][0]}"
        raise typer.BadParameter(first["msg"], param_hint=name) from e
