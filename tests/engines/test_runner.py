"""Engine selection: wrong names and option mixes fail with a clear message, before any
engine (or Spark) starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.engines.local import BatchReport
from eventwire.engines.runner import open_engine, write_documents
from eventwire.errors import EventwireError


def test_unknown_engine_names_the_choices() -> None:
    with pytest.raises(EventwireError, match="unknown engine 'dask': choose local or spark"):
        with open_engine("dask"):
            pass


def test_spark_options_need_the_spark_engine() -> None:
    with pytest.raises(EventwireError, match="options of --engine spark"):
        with open_engine("local", partitions=4):
            pass


def test_out_needs_spark_a_known_format_and_a_new_folder(tmp_path: Path) -> None:
    with pytest.raises(EventwireError, match="add --engine spark"):
        write_documents([tmp_path], tmp_path / "out", "jsonl", BatchReport(), engine="local")
    with pytest.raises(EventwireError, match="choose jsonl or parquet"):
        write_documents([tmp_path], tmp_path / "out", "csv", BatchReport())
    with pytest.raises(EventwireError, match="already exists"):
        write_documents([tmp_path], tmp_path, "jsonl", BatchReport())


def test_worker_options_are_checked_before_anything_loads() -> None:
    with pytest.raises(EventwireError, match="--workers 0: give 1 or more"):
        with open_engine("local", workers=0):
            pass
    with pytest.raises(EventwireError, match="--time-limit -1: give a number of seconds"):
        with open_engine("local", time_limit=-1):
            pass
    with pytest.raises(EventwireError, match="options of --engine local"):
        with open_engine("spark", workers=2):
            pass
