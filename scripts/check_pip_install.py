"""A plain `pip install .` gives the page its map: checked as a new Python user would do it.

    .venv/bin/python scripts/check_pip_install.py [--workdir DIR]

From a clean `git clone` of this checkout's HEAD (uncommitted changes are not in it, and
neither is anything git ignores: ``static/vendor/``, ``data/built/``), in a new venv made by
``python3 -m venv`` with the pip that Python bundles (not upgraded), it runs `pip install .`
(not editable), ingests the repository's examples with `eventwire ingest --fast` (the
rules-only path: the learned coder's base model is a separate `--no-deps` install, see
README), starts `eventwire serve` on that database from outside the clone, and opens the
page in headless Chromium (Debian's, driven as the browser tests drive it): Leaflet must
be loaded, the map a Leaflet container with the basemap's countries and a marker per
located event, and no "No map" message. Exit status 0 when all of that holds.

Minutes, not seconds (the install builds a wheel and installs every dependency), so it is
a script and not a test.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.serve.browser import chromium, free_port, wait_for  # noqa: E402

# the new venv's commands see only what they installed (not a PYTHONPATH into a checkout)
CLEAN_ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
COUNTRIES = "document.querySelectorAll('.leaflet-overlay-pane path:not(.ew-marker)').length"
PAGE_CHECKS = {
    "Leaflet loaded": "typeof window.L === 'object' && L.version",
    "map is a Leaflet container": "!!document.querySelector('#map.leaflet-container')",
    "basemap countries drawn (over 100)": COUNTRIES + " > 100 && " + COUNTRIES,
    "event markers": "document.querySelectorAll('path.ew-marker').length",
    "no 'No map' message": "!document.body.innerText.includes('No map')",
}


def step(what: str, args: list[str], **kw: object) -> None:
    t0 = time.perf_counter()
    print(f"$ {' '.join(args)}", flush=True)
    done = subprocess.run(args, capture_output=True, text=True, env=CLEAN_ENV, **kw)  # type: ignore[call-overload]
    if done.returncode != 0:
        raise SystemExit(f"{what} failed ({done.returncode}):\n{done.stdout[-2000:]}{done.stderr[-3000:]}")
    print(f"  {what}: {time.perf_counter() - t0:.0f} s", flush=True)


def check_page(base: str, profile: Path) -> dict[str, object]:
    with chromium(profile) as b:
        b.goto(base + "/")
        b.wait("document.getElementById('map').dataset.markers !== undefined"
               " || document.body.innerText.includes('No map')", "the page's map", 60)
        try:
            b.wait(f"{COUNTRIES} > 100", "the basemap's countries", 30)
        except TimeoutError:
            pass  # reported below
        return {name: b.eval(expr) for name, expr in PAGE_CHECKS.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workdir", type=Path, default=None,
                    help="where to clone and make the venv (default: a temporary folder);"
                         " a folder of an earlier run is used again as it is")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="eventwire-pip-") as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        src, venv, db = work / "src", work / "venv", work / "examples.duckdb"
        eventwire = str(venv / "bin" / "eventwire")
        if not Path(eventwire).exists():  # a --workdir of an earlier run: its install is kept
            step("clone", ["git", "clone", "--quiet", str(ROOT), str(src)])
            step("venv", ["python3", "-m", "venv", str(venv)])
            pip = subprocess.run([str(venv / "bin" / "pip"), "--version"], capture_output=True,
                                 text=True, check=True).stdout.split()[1]
            print(f"  the venv's own pip: {pip} (not upgraded)")
            step("pip install .", ["nice", "-n", "10", str(venv / "bin" / "pip"), "install",
                                   "--quiet", str(src)], cwd=work)
        if not db.exists():
            step("ingest the examples", ["nice", "-n", "10", eventwire, "ingest",
                                         str(src / "examples"), "--fast", "--db", str(db)], cwd=work)
        where = subprocess.run(
            [str(venv / "bin" / "python"), "-c", "from eventwire.serve import assets as a;"
             " print(a.__file__); print(a.leaflet_dir())"],
            capture_output=True, text=True, env=CLEAN_ENV, check=True).stdout.split()
        print(f"  eventwire imported from {where[0]}\n  Leaflet's files found in {where[1]}")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        with (work / "serve.log").open("wb") as log:
            server = subprocess.Popen([eventwire, "serve", "--db", str(db), "--port", str(port)],
                                      cwd=work, stdout=log, stderr=subprocess.STDOUT, env=CLEAN_ENV)
        try:
            health = wait_for(lambda: _health(base), 60, f"eventwire serve on {base}", server)
            print(f"  /api/health: {health}")
            found = check_page(base, Path(tempfile.mkdtemp(prefix="profile-", dir=work)))
        finally:
            server.terminate()
            server.wait(30)
        print((work / "serve.log").read_text(errors="replace").strip() or "  (server log empty)")
        for name, value in found.items():
            print(f"  {name}: {value}")
        ok = all(found.values()) and bool(health.get("map_assets"))
    print("the page shows its map" if ok else "the map is MISSING")
    sys.exit(0 if ok else 1)


def _health(base: str) -> dict[str, object] | None:
    import httpx

    try:
        r = httpx.get(base + "/api/health", timeout=5)
    except httpx.HTTPError:
        return None
    return r.json() if r.status_code == 200 else None  # type: ignore[no-any-return]


if __name__ == "__main__":
    os.environ.setdefault("LANG", "C.UTF-8")
    main()
