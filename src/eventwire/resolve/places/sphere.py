"""Points on the unit sphere: (lat, lon) in degrees as 3-D unit vectors, for k-d trees
(scipy's cKDTree) whose Euclidean chord distance orders points as great-circle distance does."""

from __future__ import annotations

import numpy as np

EARTH_KM = 6371.0


def unit_vectors(points: list[tuple[float, float]]) -> np.ndarray:
    """(lat, lon) in degrees -> an (n, 3) array of points on the unit sphere."""
    lat, lon = np.radians(np.asarray(points, dtype=float)).T
    return np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])


def chord(km: float) -> float:
    """The straight-line distance between two unit vectors ``km`` apart on the Earth."""
    return float(2 * np.sin(km / EARTH_KM / 2))
