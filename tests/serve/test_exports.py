"""Exports: an exported ACLED CSV read back has the same events and fields; GeoJSON,
PLOVER JSON Lines and Parquet hold the same events; the CLI command writes them."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
import typer
from typer.testing import CliRunner

from eventwire.cli.export import export as export_command
from eventwire.store import exports
from eventwire.store.database import Store
from eventwire.store.filters import Filters
from eventwire.store.queries import events_records

from .sample import sample_docs

ALL = Filters()


def test_acled_csv_round_trip(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    n = exports.export(store.con, "acled-csv", ALL, path)
    back = exports.read_acled_csv(path)
    events = events_records(store.con, ALL)
    assert n == len(back) == len(events) == 3
    assert path.read_text(encoding="utf-8").splitlines()[0].split(",") == list(
        exports.ACLED_COLUMNS)
    stamps = {r["id"]: r["ts"] for r in store.query(  # each row's last change
        "SELECT id, CAST(floor(date_part('epoch', changed_at)) AS BIGINT) AS ts FROM events")}
    # whole seconds, truncated (SQL both databases read)
    assert all(stamps.values())
    assert back == [exports.acled_row(e, stamps[e.id]) for e in events]


def test_acled_fields(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    exports.export(store.con, "acled-csv", ALL, path)
    rows = {r.sub_event_type: r for r in exports.read_acled_csv(path)}
    shelling = rows["Shelling/artillery/missile attack"]
    assert (shelling.event_date, shelling.year, shelling.time_precision) == ("2016-12-14", 2016, 1)
    assert shelling.disorder_type == "Political violence"
    assert (shelling.actor1, shelling.inter1, shelling.actor2, shelling.inter2) == (
        "Military Forces of Syria", 1, "Civilians (Syria)", 7)
    assert shelling.interaction == 17 and shelling.civilian_targeting == "Civilian targeting"
    assert (shelling.iso, shelling.country, shelling.admin1, shelling.location) == (
        760, "Syria", "Aleppo", "Aleppo")
    assert (shelling.latitude, shelling.longitude, shelling.geo_precision) == (36.2021, 37.1343, 1)
    assert shelling.fatalities == 12 and shelling.source == "Syrian Observatory for Human Rights"
    assert shelling.notes and shelling.notes.startswith("Government artillery shelled")
    evacuation = rows["Other"]
    assert evacuation.time_precision == 2 and evacuation.fatalities == 0
    assert evacuation.disorder_type == "Strategic developments" and evacuation.actor2 is None


def test_filtered_export(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "battles.csv"
    assert exports.export(store.con, "acled-csv", Filters(type="Battles"), path) == 1
    assert [r.location for r in exports.read_acled_csv(path)] == ["Saraqib"]


def test_geojson(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    exports.export(store.con, "geojson", ALL, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 3
    aleppo = [f for f in doc["features"] if f["properties"]["location"] == "Aleppo"]
    assert [f["geometry"]["coordinates"] for f in aleppo] == [[37.1343, 36.2021]] * 2


def test_plover_jsonl(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    exports.export(store.con, "plover-jsonl", ALL, path)
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    ids = {e.id for d in sample_docs() for e in d.events}
    assert {r["id"] for r in recs} == ids
    clash = next(r for r in recs if r["mode"] == "firearms")
    assert clash["event_type"] == "ASSAULT" and clash["status"] == "claimed"
    assert clash["actor1"]["name"] == "Jaysh al-Fatah" and clash["date"] == "2016-12-13"


def test_parquet(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert exports.export(store.con, "parquet", ALL, path) == 3
    got = duckdb.connect().execute(
        f"SELECT id, location, fatalities FROM '{path}' ORDER BY id").fetchall()
    want = store.query("SELECT id, location, fatalities FROM events ORDER BY id")
    assert got == [tuple(r.values()) for r in want]


def test_unknown_format(store: Store, tmp_path: Path) -> None:
    with pytest.raises(KeyError, match="acled-csv"):
        exports.export(store.con, "xlsx", ALL, tmp_path / "x")


def _cli() -> typer.Typer:
    app = typer.Typer()
    app.command("export")(export_command)
    app.command("noop")(lambda: None)  # two commands keep `export` as a named subcommand
    return app


def test_cli_export(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(_cli(), ["export", "--db", str(sample_db), "--format",
                                         "acled-csv", "--output", str(out), "--country", "SYR",
                                         "--since", "2016-12-14"])
    assert result.exit_code == 0, result.output
    assert [r.event_date for r in exports.read_acled_csv(out)] == ["2016-12-14", "2016-12-15"]


def test_cli_export_errors(sample_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(_cli(), ["export", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "no such database" in missing.output
    assert "eventwire ingest" in missing.output  # a command that exists
    bad = runner.invoke(_cli(), ["export", "--db", str(sample_db), "--format", "xlsx"])
    assert bad.exit_code == 2 and "acled-csv" in bad.output
