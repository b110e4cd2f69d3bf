"""Records found by their character span: an article's places or times by offset."""

from __future__ import annotations

from bisect import bisect_left
from typing import Generic, Protocol, TypeVar


class Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Spanned)


class SpanIndex(Generic[S]):
    """The article's places or times by offset: a sentence's, a phrase's, found without a
    walk over all of the article's (which made long articles quadratic)."""

    def __init__(self, items: list[S]) -> None:
        self._items = sorted(items, key=lambda x: x.start)  # stable: ties keep their order
        self._starts = [x.start for x in self._items]
        self._spans: dict[tuple[int, int], list[S]] = {}
        for x in items:
            self._spans.setdefault((x.start, x.end), []).append(x)

    def within(self, start: int, end: int) -> list[S]:
        """The items that start in ``[start, end)``, in text order."""
        return self._items[bisect_left(self._starts, start):bisect_left(self._starts, end)]

    def at(self, start: int, end: int) -> list[S]:
        """The items whose span is exactly ``[start, end)``."""
        return self._spans.get((start, end), [])
