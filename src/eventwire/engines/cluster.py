"""A Spark standalone cluster on this machine: a master and N workers, started with
pyspark's own ``spark-class``, bound to loopback; for tests, benchmarks and trying
``--engine spark --master spark://…`` without a cluster of one's own.

    with standalone_cluster(workers=2, folder=Path("/tmp/spark")) as cluster:
        print(cluster.url)            # spark://127.0.0.1:PORT

Each worker offers ``cores`` cores and ``memory`` of executor memory; the executors run
this interpreter with ``python_path`` in front (the checkout's ``src`` for a development
tree). Logs and the workers' folders (each executor's ``stderr``) are under ``folder``.
Everything is stopped when the block ends.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from eventwire.engines.spark_session import check_java, check_pyspark
from eventwire.errors import SetupError

START_TIMEOUT = 120.0  # seconds for the master and every worker to be up
MASTER = "org.apache.spark.deploy.master.Master"
WORKER = "org.apache.spark.deploy.worker.Worker"


@dataclass(frozen=True)
class Cluster:
    url: str  # spark://127.0.0.1:PORT
    work: tuple[Path, ...]  # each worker's folder: its executors' logs


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cluster_env(python_path: list[Path] | None = None) -> dict[str, str]:
    """The environment of the cluster's processes (and of a driver started to use it)."""
    import pyspark

    env = dict(os.environ)
    paths = [str(p) for p in python_path or []] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
    env.update(SPARK_HOME=str(Path(pyspark.__file__).parent), SPARK_LOCAL_IP="127.0.0.1",
               PYSPARK_PYTHON=sys.executable)
    if paths:
        env["PYTHONPATH"] = os.pathsep.join(paths)
    return env


@contextmanager
def standalone_cluster(folder: Path, workers: int = 2, cores: int = 1, memory: str = "1g",
                       python_path: list[Path] | None = None) -> Iterator[Cluster]:
    """A started master with ``workers`` registered workers; stopped at the end."""
    check_pyspark()
    check_java()
    env = cluster_env(python_path)
    spark_class = str(Path(env["SPARK_HOME"]) / "bin" / "spark-class")
    url = f"spark://127.0.0.1:{free_port()}"
    folder.mkdir(parents=True, exist_ok=True)
    work = tuple(folder / f"worker{n}" for n in range(1, workers + 1))
    commands = [[spark_class, MASTER, "--host", "127.0.0.1", "--port", url.rsplit(":", 1)[1],
                 "--webui-port", str(free_port())]]
    commands += [[spark_class, WORKER, url, "--host", "127.0.0.1", "--cores", str(cores),
                  "--memory", memory, "--webui-port", str(free_port()), "--work-dir", str(w)]
                 for w in work]
    logs = [folder / "master.log"] + [w.with_suffix(".log") for w in work]
    procs: list[subprocess.Popen[bytes]] = []
    try:
        for cmd, log in zip(commands, logs, strict=True):
            with log.open("wb") as fh:
                procs.append(subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, env=env))
        _wait_for_workers(logs, procs, workers)
        yield Cluster(url, work)
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def _wait_for_workers(logs: list[Path], procs: list[subprocess.Popen[bytes]], workers: int) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while logs[0].read_text(errors="replace").count("Registering worker") < workers:
        if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
            tails = "\n".join(f"{log.name}: {log.read_text(errors='replace')[-1500:]}" for log in logs)
            raise SetupError(f"the Spark standalone cluster did not start within {START_TIMEOUT:.0f} s:\n{tails}")
        time.sleep(0.5)


__all__ = ["Cluster", "cluster_env", "free_port", "standalone_cluster"]
