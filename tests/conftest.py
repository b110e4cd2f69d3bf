"""Shared fixtures: the spaCy pipeline and the full eventwire pipeline, built once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
GOLD = Path(os.environ.get("EVENTWIRE_GOLD", SHARED / "gold"))
SEED = SHARED / "corpus" / "seed" / "000_8057f10ad668c9f6.txt"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline.load()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    return SEED


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not GOLD.exists():
        pytest.skip(f"gold data not found at {GOLD}")
    return GOLD


# ---------------------------------------------------------------- PostgreSQL, started for real

PG_BIN = Path(os.environ.get("EVENTWIRE_PG_BIN", "/usr/lib/postgresql/15/bin"))


class PostgresServer:
    """A throw-away PostgreSQL server: ``initdb`` in a temporary folder, a free port on
    127.0.0.1, its socket in that folder. As root (CI containers), the server runs as the
    ``postgres`` system user (Debian's package makes it), since it refuses to run as root."""

    def __init__(self, folder: Path) -> None:
        import socket

        self.folder, self.data = folder, folder / "data"
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}"
        self._n = 0

    def _run(self, *args: str) -> None:
        import subprocess

        cmd = [str(PG_BIN / args[0]), *args[1:]]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)}: {done.stderr or done.stdout}")

    def start(self) -> None:
        import shutil

        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--locale=C.UTF-8")
        # a test server: durability off (fsync), so a test database is made in milliseconds
        opts = (f"-p {self.port} -h 127.0.0.1 -k {self.folder} -c fsync=off"
                " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"),
                  "-o", opts, "-w", "-t", "60", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def new_database(self) -> str:
        """The address of a new, empty database."""
        import psycopg

        self._n += 1
        name = f"ew{os.getpid()}_{self._n}"
        with psycopg.connect(f"{self.url}/postgres", autocommit=True) as con:
            con.execute(f"CREATE DATABASE {name} TEMPLATE template0")
        return f"{self.url}/{name}"


@pytest.fixture(scope="session")
def postgres():
    """One PostgreSQL server for the test session (scripts/install_postgres.sh installs it).
    Its folder is a temporary folder of its own (pytest's are private to their owner, and
    the server may run as another user), removed at the end."""
    import shutil
    import tempfile

    if not (PG_BIN / "initdb").exists():
        pytest.fail(f"PostgreSQL not found in {PG_BIN}: run scripts/install_postgres.sh")
    folder = Path(tempfile.mkdtemp(prefix="eventwire-pg-"))
    folder.chmod(0o755)
    server = PostgresServer(folder)
    try:
        server.start()
        yield server
    finally:
        if (server.data / "postmaster.pid").exists():
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["duckdb", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty database on each backend: a DuckDB file, a PostgreSQL database."""
    if request.param == "duckdb":
        return str(tmp_path / "ew.duckdb")
    return request.getfixturevalue("postgres").new_database()  # type: ignore[no-any-return]
