"""The Spark session of the Spark engine: local mode by default, quiet, loopback only.

Checks what Spark needs before starting it (pyspark importable, Java 17 or later on the
PATH) and says what to install when something is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from importlib import resources
from typing import TYPE_CHECKING

from eventwire.errors import SetupError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

APP_NAME = "eventwire"
MIN_JAVA = 17  # Spark 4 runs on Java 17 or later
PYSPARK_PIN = "pyspark==4.3.0"
INSTALL_JAVA = "install Java 17+ (Debian: `sudo apt-get install default-jre-headless`, or run scripts/install_java.sh)"


def check_pyspark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError as e:
        raise SetupError(f"the Spark engine needs pyspark: pip install {PYSPARK_PIN}") from e


def java_version(java: str) -> int:
    """The major version `java -version` reports (``17`` for "17.0.15", ``8`` for "1.8.0")."""
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise SetupError(f"{java}: cannot run `java -version` ({e}); {INSTALL_JAVA}") from e
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if out.returncode != 0 or m is None:
        raise SetupError(f"{java}: `java -version` failed; {INSTALL_JAVA}")
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major


def check_java() -> None:
    home = os.environ.get("JAVA_HOME")
    java = os.path.join(home, "bin", "java") if home else shutil.which("java")
    if not java or not os.path.exists(java):
        raise SetupError(f"the Spark engine needs Java, and `java` was not found; {INSTALL_JAVA}")
    found = java_version(java)
    if found < MIN_JAVA:
        raise SetupError(f"{java} is Java {found}; Spark 4 needs Java {MIN_JAVA}+: {INSTALL_JAVA}")


def local_master() -> str:
    return f"local[{os.cpu_count() or 1}]"


def start_session(master: str | None = None, conf: dict[str, str] | None = None) -> SparkSession:
    """A new Spark session (``local[N]``, N = CPUs, unless ``master`` names a cluster);
    ``conf``: more Spark settings (``{"spark.cores.max": "1"}``)."""
    check_pyspark()
    check_java()
    from pyspark.sql import SparkSession

    master = master or local_master()
    # Set before the JVM starts, and only if the user has not: workers run this very
    # interpreter (the venv holding eventwire), and a local Spark binds to loopback only
    # instead of the address the host name resolves to.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = (
        SparkSession.builder.master(master)
        .appName(APP_NAME)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
    )
    logging = resources.files("eventwire.engines") / "log4j2.properties"
    if logging.is_file():  # quiet from the JVM's start, not only after setLogLevel
        builder = builder.config("spark.driver.extraJavaOptions",
                                 f"-Dlog4j2.configurationFile=file:{logging}")
    if master.startswith("local"):
        # No network besides loopback. A cluster's executors must reach the driver, so
        # with --master the driver keeps Spark's own address.
        builder = builder.config("spark.driver.host", "127.0.0.1").config(
            "spark.driver.bindAddress", "127.0.0.1")
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("WARN")
    return session
