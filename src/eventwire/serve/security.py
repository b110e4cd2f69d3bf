"""The server as a shared service: who may write, how much a request may send, which
other sites' pages may call it, and headers that keep injected markup inert.

- Writes (``POST /api/articles``) need ``Authorization: Bearer <token>`` whenever a token
  is set (``--token`` or ``EVENTWIRE_TOKEN``); a server that listens beyond the loopback
  interface refuses to start without one (``check_listen``).
- A request body over ``max_body_bytes`` is refused with 413, by its ``Content-Length``
  or, for a streamed body, as soon as the bytes received pass the limit.
- CORS is off (browsers keep other sites' pages from reading the API) unless origins
  are named (``--cors-origin``).
- Every response says ``nosniff``; pages get a Content-Security-Policy that runs only the
  server's own script files (no inline script, no inline event handler), behind the
  templates' own escaping.
"""

from __future__ import annotations

import hmac
import ipaddress
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire.errors import ConfigError

TOKEN_ENV = "EVENTWIRE_TOKEN"
MAX_BODY_BYTES = 24 * 1024 * 1024  # an uploaded article of up to 20 MB, and its JSON quoting
CSP = ("default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'; img-src 'self' data:; "
       "style-src 'self' 'unsafe-inline'")
NO_CSP_PATHS = ("/docs", "/redoc")  # FastAPI's own schema pages load their scripts inline


@dataclass(frozen=True)
class Access:
    """Who may write and what a request may send; the default is a private, local server."""

    token: str | None = None
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = MAX_BODY_BYTES


def is_loopback(host: str) -> bool:
    """``host`` is reachable from this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve to any interface


def check_listen(host: str, access: Access) -> None:
    """Refuse to serve beyond this machine without a write token."""
    if not is_loopback(host) and not access.token:
        raise ConfigError(
            f"--host {host} listens beyond this machine: set a write token with --token or "
            f"{TOKEN_ENV} (uploads then need 'Authorization: Bearer <token>'), "
            "or listen on 127.0.0.1")


bearer = HTTPBearer(auto_error=False, description=(
    "the server's write token, needed for uploads when the server has one "
    f"(--token or {TOKEN_ENV})"))


def write_access(request: Request,
                 credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
                 ) -> None:
    """Let a write through if the server has no token, or the request carries it (a
    dependency of the write routes: checked before the body is parsed)."""
    token: str | None = request.app.state.access.token
    if not token:
        return
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "uploads need the server's write token: "
                                 "'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})


class BodyLimit:
    """ASGI middleware: refuse a request body over ``max_bytes`` with 413."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await self._refuse(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise HTTPException(413, self._message())
            return message

        await self.app(scope, counted, send)

    def _message(self) -> str:
        return f"request body over {self.max_bytes:,} bytes (the server's --max-body)"

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        body: dict[str, Any] = {"error": self._message(), "status": 413}
        await JSONResponse(body, status_code=413)(scope, receive, send)


class SecurityHeaders:
    """ASGI middleware: ``nosniff`` and no framing on every response; the CSP on pages."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = not str(scope.get("path", "")).startswith(NO_CSP_PATHS)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                headers += [(b"x-content-type-options", b"nosniff"),
                            (b"x-frame-options", b"DENY"), (b"referrer-policy", b"no-referrer")]
                if csp:
                    headers.append((b"content-security-policy", CSP.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
