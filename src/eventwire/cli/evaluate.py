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
    only: list[str] = typer.Option([], help="score only corpora whose name starts so (lgl, geovirus, geowebnews_tune)"),
) -> None:
    """Geoparsing: exact, country, admin1, within 25 km and 161 km (LGL, GeoVirus, GeoWebNews halves)."""
    from eventwire.evaluate import places as mod

    mod.main(gold, limit=limit, misses=misses, only=tuple(only))


@app.command("eventloc")
def eventloc(
    gold: Path = typer.Argument(DEFAULT_GOLD / "event-location" / "dev.jsonl", help="event-location JSON Lines"),
    limit: int = typer.Option(0, help="score only the first N records (0: all)"),
    half: list[str] = typer.Option(["tune", "test"], help="split halves to score (tune, test)"),
    misses: Path | None = typer.Option(None, help="write the tune half's misses as JSON Lines here"),
) -> None:
    """The event's own place: does the verb's event get the annotated place (or none)?"""
    from eventwire.evaluate import eventloc as mod

    mod.main(gold, limit=limit, misses=misses, halves=tuple(half))


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
    misses: Path | None = typer.Option(None, help="write the misses of the tune part as JSON Lines here"),
    limit: int = typer.Option(0, help="score only the first N gold lines (0: all)"),
    components: bool = typer.Option(False, help="also print the component (diagnostic) scores"),
) -> None:
    """Score the records `eventwire extract` returns. CAMEO sentences (cameo-sentences):
    class of the main and of any event, actors, no-event / several / refused shares.
    ACLED snippets (lines with "acled_sub_event_type", acled-types): event type accuracy,
    sub-event type weighted and macro F1. Gold articles coded as records (lines with
    "events"): type, sub-type, actor1, place, date and fatalities."""
    from eventwire.evaluate import acled, records
    from eventwire.evaluate import events as mod

    if _has_records(gold):
        records.main(gold)
    elif acled.is_acled_gold(gold):
        acled.main(gold, misses=misses, limit=limit)
    else:
        mod.main(gold, misses=misses, limit=limit, components=components)


def _has_records(gold: Path) -> bool:
    with gold.open(encoding="utf-8") as fh:
        first = fh.readline()
    return '"events"' in first


@app.command("claims")
def claims(
    gold: Path = typer.Argument(None, help="claims test set (default: the committed ones), or a "
                                "PolNeAR folder (../shared/gold/attribution/dev or /train)"),
    limit: int = typer.Option(0, help="PolNeAR: score only the first N articles (0: all)"),
    misses: Path | None = typer.Option(None, help="PolNeAR: write the tune half's misses as JSON Lines here"),
    half: list[str] = typer.Option(["tune", "test"], help="PolNeAR: halves to score beside the whole (tune, test)"),
) -> None:
    """Claim status, source and quotes on the committed claims test sets (the rule
    author's dev/test set, then the blind set written without seeing the rules); given a
    PolNeAR folder, content recall, source, quote precision and unsourced events of what
    ``extract`` outputs on its articles."""
    from eventwire.evaluate import claims as mod

    if gold is not None and gold.is_dir():
        from eventwire.evaluate import polnear

        split = gold / "dev" if (gold / "dev").is_dir() else gold
        polnear.main(split, limit=limit, misses=misses, halves=tuple(half))
        return
    for path in [gold] if gold else [mod.default_gold(), mod.blind_gold()]:
        mod.main(path)


@app.command("incidents")
def incidents(
    gold: Path = typer.Argument(DEFAULT_GOLD / "gva-dev", help="gva-dev folder (articles.jsonl.gz, incidents.jsonl)"),
    limit: int = typer.Option(0, help="about N articles of each half, whole incidents (0: all)"),
    errors: Path | None = typer.Option(None, help="write the tune half's misses as JSON Lines here"),
    half: list[str] = typer.Option(["tune", "test"], help="split halves to score (tune, test)"),
) -> None:
    """Event-level facts per article (killed, wounded, place, day) and the same incident
    across articles (pairwise and B-cubed F1), on the tune and test halves."""
    from eventwire.evaluate import incidents as mod

    if not set(half) <= set(mod.PARTS):
        raise typer.BadParameter("--half is tune or test (repeat it for both)")
    parts = tuple(h for h in mod.PARTS if h in half)
    mod.main(gold, limit=limit, errors=errors, parts=parts)  # type: ignore[arg-type]
