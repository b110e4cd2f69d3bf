"""eventwire: news articles in, sourced, geocoded, deduplicated event records out."""

__version__ = "0.1.0"
