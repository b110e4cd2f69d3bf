"""Test helpers: `eventwire serve` as a real subprocess, and headless Chromium driven over
the Chrome DevTools Protocol (one dependency: ``websockets``; Debian's chromium)."""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from websockets.sync.client import ClientConnection, connect

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--mute-audio", "--hide-scrollbars", "--window-size=1400,1000",
    "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_command(db: Path, port: int) -> list[str]:
    """`eventwire serve` through the main command line."""
    return [sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--host", "127.0.0.1",
            "--port", str(port)]


@contextmanager
def running_server(db: Path, log: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """Start the server on a free port (``env``: variables to add); yield its base URL;
    stop it."""
    port = free_port()
    with log.open("wb") as out:
        proc = subprocess.Popen(serve_command(db, port), stdout=out, stderr=subprocess.STDOUT,
                                env={**os.environ, **(env or {})})
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(lambda: _answers(f"{base}/api/health"), 30, f"server on {base} ({log})",
                     proc)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def wait_for(check: Any, seconds: float, what: str, proc: subprocess.Popen[bytes] | None = None
             ) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{what}: process exited with {proc.returncode}")
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise TimeoutError(f"{what}: not ready after {seconds} s")


class Browser:
    """Just enough of CDP: navigate, evaluate, click at a point, screenshot."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.ids = itertools.count(1)

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        msg_id = next(self.ids)
        self.ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
        while True:
            reply = json.loads(self.ws.recv(timeout=30))
            if reply.get("id") == msg_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})  # type: ignore[no-any-return]

    def eval(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:60]}...: {result['exceptionDetails']}")
        return result["result"].get("value")

    def goto(self, url: str) -> None:
        self.call("Page.navigate", url=url)
        self.wait(f"location.href === {json.dumps(url)} && document.readyState === 'complete'",
                  f"load {url}")

    def wait(self, expression: str, what: str, seconds: float = 15) -> Any:
        return wait_for(lambda: self.eval(expression), seconds, what)

    def click(self, x: float, y: float) -> None:
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left",
                      clickCount=1)

    def screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))


@contextmanager
def chromium(profile: Path) -> Iterator[Browser]:
    """Headless Chromium with a throw-away profile, driven over its DevTools socket."""
    exe = chromium_path()
    assert exe, "chromium not installed: run scripts/install_browser.sh"
    proc = subprocess.Popen([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "LANG": "en_US.UTF-8"})
    try:
        port_file = profile / "DevToolsActivePort"
        wait_for(port_file.exists, 30, "chromium DevToolsActivePort", proc)
        port = int(wait_for(lambda: port_file.read_text().split("\n")[0], 5, "devtools port"))
        pages = wait_for(lambda: [t for t in httpx.get(f"http://127.0.0.1:{port}/json/list")
                                  .json() if t["type"] == "page"], 10, "a page target")
        with connect(pages[0]["webSocketDebuggerUrl"], max_size=None,
                     open_timeout=10) as ws:
            browser = Browser(ws)
            browser.call("Page.enable")
            browser.call("Emulation.setDeviceMetricsOverride", width=1400, height=1000,
                         deviceScaleFactor=1, mobile=False)
            yield browser
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
