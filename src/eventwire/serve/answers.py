"""API answers made once per generation of the data, for a crowd of readers.

The server is the database's one writer (``AppState.put``), so an answer computed after
the last write stays right until the next one. ``Answers`` keeps them:

- ``page``: an answer's bytes (JSON, and the same gzipped once) in an LRU bounded in
  bytes; the requests that ask for an answer while it is being made wait for that one
  computation (a crowd after a write costs one query per distinct answer, not one per
  request), and at most ``READERS`` computations run at once, in worker threads;
- ``memo``: small values of the generation (a filter's count, the dataset version), so
  that the pages of one filter count its events once;
- ``alias`` and ``AnswerCache``: the exact query string of a request already answered
  (hence already validated) maps to its answer, which the middleware sends before
  routing, parameter parsing and validation (two thirds of a kept-alive request's time
  when the answer is ready; ``benchmarks/bench_api.py``).

A write starts a new generation (``new_generation``): everything kept is dropped.
"""

from __future__ import annotations

import asyncio
import gzip
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import anyio
import anyio.to_thread
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

CACHE_BYTES = 64 * 1024 * 1024  # answers kept for this generation of the data
ANSWER_MAX = 1024 * 1024  # an answer larger than this is made again each time
MEMO_MAX = 4096  # small values kept for this generation
ALIAS_MAX = 16384  # query strings remembered (they do not depend on the data)
READERS = 4  # computations at once (more only queue in DuckDB for the same cores)
GZIP_FROM = 1000  # bytes: smaller answers go as they are

Key = tuple[object, ...]


@dataclass(frozen=True)
class Body:
    """An answer made once: its JSON, and the same gzipped when that is worth it."""

    raw: bytes
    gz: bytes | None

    @classmethod
    def of(cls, raw: bytes) -> Body:
        return cls(raw, gzip.compress(raw, 6, mtime=0) if len(raw) >= GZIP_FROM else None)

    @property
    def size(self) -> int:
        return len(self.raw) + len(self.gz or b"")

    def response(self, accept_encoding: str) -> Response:
        headers = {"Vary": "Accept-Encoding"}
        if self.gz is not None and "gzip" in accept_encoding:
            headers["Content-Encoding"] = "gzip"  # the GZip middleware leaves it as it is
            return Response(self.gz, media_type="application/json", headers=headers)
        return Response(self.raw, media_type="application/json", headers=headers)


class Answers:
    """The answers and small values of this generation of the data (module docstring)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.generation = 0
        self.pages: OrderedDict[Key, Body] = OrderedDict()
        self.page_bytes = 0
        self.memos: dict[Key, Any] = {}
        self.aliases: dict[tuple[str, bytes], Key] = {}
        self.flights: dict[Key, asyncio.Future[Body]] = {}
        self._readers: anyio.CapacityLimiter | None = None

    def new_generation(self) -> None:
        """The data changed: drop every answer and value kept."""
        with self.lock:
            self.generation += 1
            self.pages.clear()
            self.page_bytes = 0
            self.memos.clear()

    async def page(self, key: Key, make: Callable[[], bytes]) -> Body:
        """The answer for ``key`` in this generation: ``make`` runs once (in a worker
        thread) for all the requests that ask meanwhile."""
        with self.lock:
            gen = self.generation
            found = self._get((gen, *key))
        if found is not None:
            return found
        flight = self.flights.get((gen, *key))
        if flight is None:  # the first to ask starts it; a request that goes away does not stop it
            flight = asyncio.ensure_future(self._fly(gen, key, make))
            flight.add_done_callback(_retrieve)
            self.flights[(gen, *key)] = flight
        return await asyncio.shield(flight)

    async def _fly(self, gen: int, key: Key, make: Callable[[], bytes]) -> Body:
        try:
            if self._readers is None:
                self._readers = anyio.CapacityLimiter(READERS)
            body = await anyio.to_thread.run_sync(lambda: Body.of(make()), limiter=self._readers)
        finally:
            del self.flights[(gen, *key)]
        with self.lock:
            if gen == self.generation and len(body.raw) <= ANSWER_MAX:
                self.pages[(gen, *key)] = body
                self.page_bytes += body.size
                while self.page_bytes > CACHE_BYTES:
                    self.page_bytes -= self.pages.popitem(last=False)[1].size
        return body

    def _get(self, full_key: Key) -> Body | None:
        found = self.pages.get(full_key)
        if found is not None:
            self.pages.move_to_end(full_key)
        return found

    def memo(self, key: Key, make: Callable[[], Any]) -> Any:
        """A small value of this generation (a count, the dataset version)."""
        with self.lock:
            gen = self.generation
            if (gen, *key) in self.memos:
                return self.memos[(gen, *key)]
        value = make()
        with self.lock:
            if gen == self.generation and len(self.memos) < MEMO_MAX:
                self.memos[(gen, *key)] = value
        return value

    def alias(self, request: Request, key: Key) -> None:
        """Remember that this request's path and exact query string ask for ``key``."""
        with self.lock:
            if len(self.aliases) >= ALIAS_MAX:
                self.aliases.clear()
            self.aliases[(request.url.path, request.scope.get("query_string", b""))] = key

    def answer(self, path: str, query: bytes) -> Body | None:
        """The answer already made in this generation for this path and query string."""
        with self.lock:
            key = self.aliases.get((path, query))
            return None if key is None else self._get((self.generation, *key))


def _retrieve(flight: asyncio.Future[Body]) -> None:
    """Mark a failed computation's error as seen (each waiter got it)."""
    if not flight.cancelled():
        flight.exception()


class AnswerCache:
    """ASGI middleware: a GET whose path and exact query string were answered in this
    generation of the data gets that answer again, before routing and validation."""

    def __init__(self, app: ASGIApp, answers_of: Callable[[Scope], Answers | None]) -> None:
        self.app = app
        self.answers_of = answers_of

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            answers = self.answers_of(scope)
            body = answers.answer(scope["path"], scope["query_string"]) if answers else None
            if body is not None:
                accept = next((v for k, v in scope["headers"] if k == b"accept-encoding"), b"")
                await body.response(accept.decode("latin-1"))(scope, receive, send)
                return
        await self.app(scope, receive, send)
