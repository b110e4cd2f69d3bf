"""`eventwire evaluate ...`: field-level scores against gold data in ../shared/gold/.

Each command is a thin wrapper over ``eventwire.evaluate.<set>.main``, which prints a
deterministic report and returns the figures.
"""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(help="Score eventwire against gold data (../shared/gold/).", no_args_is_help=True)

DEFAULT_GOLD = Path("../shared/gold")


@app.command("places")
def places(
    gold: Path = typer.Argument(DEFAULT_GOLD / "toponyms", help="toponyms folder or one corpus XML file"),
    limit: int = typer.Option(0, help="score only the first N articles of each corpus (0: all)"),
    misses: Path | None = typer.Option(None, help="write the misses as JSON Lines here"),
) -> None:
    """Geoparsing: exact, country, admin1, within 25 km and 161 km (LGL, GeoVirus)."""
    from eventwire.evaluate import places as mod

    mod.main(gold, limit=limit, misses=misses)


@app.command("dates")
def dates(
    gold: Path = typer.Argument(DEFAULT_GOLD / "timex", help="timex folder (TimeML .tml files)"),
    misses: Path | None = typer.Option(None, help="write the misses as JSON Lines here"),
) -> None:
    """Time expressions: exact TIMEX3 value of calendar DATE expressions."""
    from eventwire.evaluate import dates as mod

    mod.main(gold, misses=misses)


@app.command("events")
def events(
    gold: Path = typer.Argument(DEFAULT_GOLD / "cameo-sentences" / "dev.jsonl", help="gold JSON Lines"),
    misses: Path | None = typer.Option(None, help="write the misses as JSON Lines here"),
) -> None:
    """Event class and actors on CAMEO-coded sentences; or, for gold articles coded as
    records (lines with "events"), type, sub-type, actor1, place, date and fatalities."""
    from eventwire.evaluate import events as mod
    from eventwire.evaluate import records

    if _has_records(gold):
        records.main(gold)
    else:
        mod.main(gold, misses=misses)


def _has_records(gold: Path) -> bool:
    with gold.open(encoding="utf-8") as fh:
        first = fh.readline()
    return '"events"' in first


@app.command("claims")
def claims(
    gold: Path = typer.Argument(None, help="claims test set (default: the committed one)"),
) -> None:
    """Claim status, source and quotes on the committed claims test sets (the rule
    author's dev/test set, then the blind set written without seeing the rules)."""
    from eventwire.evaluate import claims as mod

    for path in [gold] if gold else [mod.default_gold(), mod.blind_gold()]:
        mod.main(path)


@app.command("incidents")
def incidents(
    gold: Path = typer.Argument(DEFAULT_GOLD / "gva-dev", help="gva-dev folder (articles.jsonl.gz, incidents.jsonl)"),
    limit: int = typer.Option(0, help="about N articles of each half, whole incidents (0: all)"),
    errors: Path | None = typer.Option(None, help="write the tune half's misses as JSON Lines here"),
) -> None:
    """Event-level facts per article (killed, wounded, place, day) and the same incident
    across articles (pairwise and B-cubed F1), on the tune and test halves."""
    from eventwire.evaluate import incidents as mod

    mod.main(gold, limit=limit, errors=errors)
