"""The exception hierarchy of eventwire.

    EventwireError
    ├── SetupError            a model, gazetteer or data file is missing or broken
    ├── ConfigError           an option is unsafe or inconsistent (the message says which)
    ├── InputError            an input file cannot be read as an article (names the file)
    │   ├── EmptyInputError
    │   ├── BinaryInputError
    │   ├── EncodingInputError
    │   ├── MalformedInputError
    │   ├── NotEnglishInputError
    │   ├── TimeLimitError   an article took longer than its time budget (worker killed)
    │   ├── ProcessingError  the pipeline failed on an article (its worker said why or died)
    │   └── LimitInputError       over a bound on the work one input may cause (names it)
    │       └── TooLargeInputError
    ├── StoreError            the database cannot be opened or written
    │   └── StoreBusyError    another process holds the database file (retry later)
    └── EvaluationError       gold data missing or unreadable

Expected outcomes (no location, a duplicate article) are data with a reason, not
exceptions. Only the batch runner catches ``InputError`` per file and goes on.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class SetupError(EventwireError):
    """A model, gazetteer or data file is missing: the message says how to install it."""


class ConfigError(EventwireError):
    """An option is unsafe or inconsistent: the message names it and the fix."""


class InputError(EventwireError):
    """An input file cannot be read as an article."""

    problem = "cannot be read"

    def __init__(self, path: str, detail: str | None = None) -> None:
        self.path = path
        self.detail = detail
        msg = f"{path}: {self.problem}"
        if detail:
            msg += f" ({detail})"
        super().__init__(msg)


class EmptyInputError(InputError):
    problem = "empty file, no article text"


class BinaryInputError(InputError):
    problem = "binary file, not text, HTML, a feed or JSON Lines"


class EncodingInputError(InputError):
    problem = "undecodable bytes: not UTF-8, UTF-16 or a known 8-bit encoding"


class MalformedInputError(InputError):
    problem = "malformed input"


class LimitInputError(InputError):
    """Reading the input would pass one of ``eventwire.ingest.limits.Limits``."""

    problem = "over a limit on one input"


class TooLargeInputError(LimitInputError):
    problem = "file too large"


class NotEnglishInputError(InputError):
    problem = "not English text"


class TimeLimitError(InputError):
    problem = "time limit exceeded, article skipped"


class ProcessingError(InputError):
    problem = "could not be processed, article skipped"


class StoreError(EventwireError):
    """The database cannot be opened or written."""


class StoreBusyError(StoreError):
    """Another process holds the database file's lock: try again shortly."""


class EvaluationError(EventwireError):
    """Gold data is missing or unreadable."""
