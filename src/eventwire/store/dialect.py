"""The two databases the store runs on, and everything in which they differ.

The store writes its SQL once, in DuckDB's spelling (``?`` placeholders, ``schema.sql``'s
types). A ``Connection`` runs it on DuckDB as it is (the embedded default, a file) or on
PostgreSQL (``postgresql://...``, a shared server) through psycopg 3, translated here:

* placeholders ``?`` -> ``%s`` (and a literal ``%`` -> ``%%``), outside string literals;
* schema types: ``DOUBLE`` -> ``DOUBLE PRECISION``, ``JSON`` -> ``TEXT`` (records are kept
  as the exact text written, as DuckDB keeps them), ``VARCHAR`` -> ``TEXT COLLATE "C"``
  (byte order, as DuckDB sorts: both give the same rows in the same order);
* date formatting (``day``, ``month``), bulk inserts (DuckDB reads a CSV file,
  PostgreSQL takes ``COPY``), and Parquet (DuckDB writes it; PostgreSQL's rows are
  written through an in-memory DuckDB of the same schema);
* writers: DuckDB lets one process write a file; PostgreSQL takes many writers, whose
  transactions take one advisory lock so that they commit one at a time (links and the
  change feed's numbers are computed against everything committed before).

Nothing else in the store names a database.
"""

from __future__ import annotations

import csv
import re
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
WRITE_LOCK = 0x6576_7477  # "evtw": the advisory lock PostgreSQL writers take
POOL_IDLE = 8  # idle PostgreSQL connections a server keeps for its readers


def is_postgres(target: Path | str) -> bool:
    """Is ``target`` a PostgreSQL address (``postgresql://...``) rather than a file?"""
    return str(target).startswith(POSTGRES_SCHEMES)


def target(db: Path | str) -> Path | str:
    """The database ``db`` names: a PostgreSQL address as given, else a file's path."""
    return str(db) if is_postgres(db) else Path(db)


def exists(target: Path | str) -> bool:
    """Is there a database at ``target``? (A server is assumed to be there.)"""
    return is_postgres(target) or Path(target).exists()


def shown(target: Path | str) -> str:
    """The target as it may be printed: a PostgreSQL address without its password."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", str(target))


@lru_cache(maxsize=1024)
def postgres_sql(sql: str) -> str:
    """DuckDB-spelled SQL for psycopg: ``?`` -> ``%s`` and ``%`` -> ``%%`` outside
    single-quoted literals, ``%`` -> ``%%`` inside them too."""
    out: list[str] = []
    quoted = False
    for ch in sql:
        if ch == "'":
            quoted = not quoted
            out.append(ch)
        elif ch == "%":
            out.append("%%")
        elif ch == "?" and not quoted:
            out.append("%s")
        else:
            out.append(ch)
    return "".join(out)


_PG_TYPES = [
    (re.compile(r"\bDOUBLE\b"), "DOUBLE PRECISION"),
    (re.compile(r"\bJSON\b"), "TEXT"),
    (re.compile(r"\bVARCHAR\b"), 'TEXT COLLATE "C"'),
]


def postgres_schema(ddl: str) -> str:
    """``schema.sql`` (DuckDB types) in PostgreSQL's types (see the module doc)."""
    for pattern, repl in _PG_TYPES:
        ddl = pattern.sub(repl, ddl)
    return ddl


class Dialect:
    """What differs between the databases; DuckDB's behaviour is the default."""

    name = "duckdb"
    multi_writer = False  # may several processes write at once?

    def sql(self, sql: str) -> str:
        return sql

    def schema(self, ddl: str) -> str:
        return ddl

    def begin(self) -> list[str]:
        """The statements that open a write transaction."""
        return ["BEGIN TRANSACTION"]

    def day(self, column: str) -> str:
        """SQL: a date column as ``YYYY-MM-DD`` text."""
        return f"strftime({column}, '%Y-%m-%d')"

    def month(self, column: str) -> str:
        return f"strftime({column}, '%Y-%m')"


class PostgresDialect(Dialect):
    name = "postgresql"
    multi_writer = True

    def sql(self, sql: str) -> str:
        return postgres_sql(sql)

    def schema(self, ddl: str) -> str:
        return postgres_schema(ddl)

    def begin(self) -> list[str]:
        return ["BEGIN", f"SELECT pg_advisory_xact_lock({WRITE_LOCK})"]

    def day(self, column: str) -> str:
        return f"to_char({column}, 'YYYY-MM-DD')"

    def month(self, column: str) -> str:
        return f"to_char({column}, 'YYYY-MM')"


DUCKDB = Dialect()
POSTGRES = PostgresDialect()


def errors() -> tuple[type[Exception], ...]:
    """The exceptions a database fault raises, on either database."""
    import psycopg

    return (duckdb.Error, psycopg.Error)


# an INSERT of one row of parameters: "INSERT INTO t (a, b) VALUES " and "?, ?"
_VALUES = re.compile(r"(INSERT INTO [^;]*? VALUES )\((\?(?:, \?)*)\)", re.S)
MANY_ROWS = 500  # rows per statement of ``Connection.executemany`` on DuckDB


class Connection:
    """One open database: ``execute`` runs the store's SQL in this database's dialect.

    ``cursor()`` gives a connection for one thread (a request): a DuckDB cursor, or a
    PostgreSQL connection of a small pool kept by this one; ``close()`` on it gives it
    back.
    """

    def __init__(self, raw: Any, dialect: Dialect, target: str,
                 pool: _Pool | None = None, borrowed: bool = False) -> None:
        self.raw, self.dialect, self.target, self._pool = raw, dialect, target, pool
        self.borrowed = borrowed  # a pool's connection: ``close`` gives it back

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; the result has ``fetchone``, ``fetchall`` and
        ``description``."""
        return self.raw.execute(self.dialect.sql(sql), list(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for each of ``rows``. On DuckDB an ``INSERT ... VALUES (?, ...)``
        goes as one statement of many rows (``MANY_ROWS`` at a time): DuckDB's own
        ``executemany`` runs the statement once per row, and each run costs about a
        millisecond of CPU however small (the writer stored an article in 200 ms)."""
        if not rows:
            return
        if self.dialect is POSTGRES:
            with self.raw.cursor() as cur:
                cur.executemany(self.dialect.sql(sql), rows)
            return
        values = _VALUES.fullmatch(sql.strip())
        if values is None:
            self.raw.executemany(sql, rows)
            return
        one = f"({values.group(2)})"
        for at in range(0, len(rows), MANY_ROWS):
            chunk = rows[at:at + MANY_ROWS]
            self.raw.execute(values.group(1) + ", ".join([one] * len(chunk)), [v for row in chunk for v in row])

    def script(self, sql: str) -> None:
        """Several statements without parameters (the schema)."""
        self.raw.execute(sql)

    def cursor(self) -> Connection:
        if self.dialect is POSTGRES:
            pool = self._pool if self._pool is not None else _Pool(self.target)
            self._pool = pool
            return Connection(pool.take(), POSTGRES, self.target, pool=pool, borrowed=True)
        return Connection(self.raw.cursor(), DUCKDB, self.target)

    def close(self) -> None:
        """Close (a pool's connection: give it back; the pool's owner: close them all)."""
        if self._pool is not None and self.borrowed:
            if not self._pool.give(self.raw):
                self.raw.close()
            return
        if self._pool is not None:
            self._pool.close()
        self.raw.close()

    def bulk_insert(self, table: str, rows: list[tuple[object, ...]]) -> None:
        """Insert many rows at once (no pandas or pyarrow): COPY, or a CSV file."""
        if not rows:
            return
        if self.dialect is POSTGRES:
            with self.raw.cursor() as cur, cur.copy(f"COPY {table} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        with tempfile.TemporaryDirectory(prefix="eventwire-bulk-") as tmp:
            path = Path(tmp) / "rows.csv"
            with path.open("w", newline="", encoding="utf-8") as fh:
                csv.writer(fh).writerows(rows)
            self.raw.execute(f"INSERT INTO {table} SELECT * FROM read_csv(?, header = false,"
                             " all_varchar = true, quote = '\"', escape = '\"')", [str(path)])

    def write_parquet(self, sql: str, params: Sequence[Any], path: Path, schema: str) -> None:
        """Write a query's rows as Parquet: DuckDB writes it; PostgreSQL's rows go
        through an in-memory DuckDB holding ``schema`` (so the columns keep their types)."""
        if self.dialect is not POSTGRES:
            self.raw.sql(sql, params=list(params)).write_parquet(str(path))
            return
        cur = self.execute(sql, params)
        cols = [d[0] for d in cur.description or []]
        found = cur.fetchall()
        mem = duckdb.connect()
        try:
            mem.execute(schema)
            mem.execute("CREATE TABLE out AS SELECT e.*, 0::BIGINT AS dataset_version"
                        " FROM events e LIMIT 0")
            if found:
                marks = ", ".join(["?"] * len(cols))
                mem.executemany(f"INSERT INTO out ({', '.join(cols)}) VALUES ({marks})", found)
            mem.sql("SELECT * FROM out").write_parquet(str(path))
        finally:
            mem.close()


class _Pool:
    """Idle PostgreSQL connections, given to one thread at a time."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.idle: list[Any] = []
        self.lock = threading.Lock()
        self.closed = False

    def take(self) -> Any:
        with self.lock:
            while self.idle:
                raw = self.idle.pop()
                if not raw.closed:
                    return raw
        return _pg_connect(self.target)

    def close(self) -> None:
        with self.lock:
            idle, self.idle = self.idle, []
            self.closed = True
        for raw in idle:
            raw.close()

    def give(self, raw: Any) -> bool:
        """Keep ``raw`` for the next taker; False if it should be closed instead."""
        import psycopg

        if raw.closed or raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            return False
        with self.lock:
            if self.closed or len(self.idle) >= POOL_IDLE:
                return False
            self.idle.append(raw)
        return True


def _pg_connect(target: str) -> Any:
    import psycopg

    # autocommit: every statement stands alone unless the store opens a transaction
    # (``Store.transaction``), as on DuckDB; UTC and ISO dates whatever the server's defaults
    return psycopg.connect(target, autocommit=True,
                           options="-c timezone=UTC -c datestyle=ISO,YMD")


def connect(target: Path | str, read_only: bool = False) -> Connection:
    """Open the database at ``target``: a DuckDB file or a PostgreSQL address."""
    if is_postgres(target):
        return Connection(_pg_connect(str(target)), POSTGRES, str(target))
    return Connection(duckdb.connect(str(target), read_only=read_only), DUCKDB, str(target))


@contextmanager
def transaction(con: Connection) -> Iterator[Connection]:
    """A write transaction (on PostgreSQL: one writer at a time, see the module doc)."""
    for stmt in con.dialect.begin():
        con.execute(stmt)
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
