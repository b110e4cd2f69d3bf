"""The temporal resolver's public API (implemented in ``eventwire.resolve.timex``)."""

from __future__ import annotations

from eventwire.resolve.timex import (
    acled_time_precision,
    event_time,
    find_times,
    infer_published,
    ucdp_date_prec,
)

__all__ = ["acled_time_precision", "event_time", "find_times", "infer_published", "ucdp_date_prec"]
