"""The writer's door (``/api/store``): `ingest` and `watch` hand documents to the server
that holds the database (``store/writer.py``). Only a caller that read the server's
announcement file (owner-only, beside the database) knows the token these routes ask
for; a server started without an announcement has no token, and the routes answer 404.
"""

from __future__ import annotations

import secrets
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Request
from pydantic import BaseModel

from eventwire.model import ArticleDoc
from eventwire.serve.app import app_state

router = APIRouter(prefix="/api/store", include_in_schema=False)

Token = Annotated[str | None, Header(alias="X-Eventwire-Writer-Token")]


def _check(request: Request, token: str | None) -> None:
    expected = request.app.state.writer_token
    if expected is None:
        raise HTTPException(404, "Not Found")
    if token is None or not secrets.compare_digest(token, expected):
        raise HTTPException(403, "this route is for eventwire ingest and watch on this machine")


class Docs(BaseModel):
    docs: list[ArticleDoc]


@router.get("/known")
def known(request: Request, token: Token = None) -> dict[str, Any]:
    _check(request, token)
    k = app_state(request.app).known()
    return {"ids": sorted(k.ids), "urls": k.urls}


@router.post("/docs")
def docs(request: Request, body: Docs, token: Token = None) -> dict[str, Any]:
    _check(request, token)
    state = app_state(request.app)
    return {"results": [asdict(state.put(d)) for d in body.docs]}
