"""The `eventwire` command: thin wrappers over library functions.

Every command ends with the exit codes of ``cli/common.py`` (0 done, 1 every input
skipped, 2 could not run: one line on standard error naming the file or option)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire.cli import evaluate
from eventwire.cli.common import (
    ACTOR, ADMIN1, BBOX, COUNTRY, DB_OPTION, DEDUP, NOTHING_READ, SINCE, SOURCE, STATUS, TEXT, TYPE,
    UNTIL, err, fail, filters, need_database)
from eventwire.cli.export import export
from eventwire.cli.serve import serve
from eventwire.errors import EventwireError
from eventwire.model import ArticleDoc, Event

if TYPE_CHECKING:
    from eventwire.store.changes import ChangePage

app = typer.Typer(
    help="eventwire: news articles in; sourced, geocoded, deduplicated event records out.",
    epilog="Exit codes: 0 done; 1 every input was skipped; 2 the command could not run "
           "(one line on standard error names the file or option).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(evaluate.app, name="evaluate")



class DocFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"


class ListFormat(str, Enum):
    """`quotes` and `changes`: a table to read, or JSON Lines to process."""

    table = "table"
    jsonl = "jsonl"


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise typer.BadParameter(f"not a date (YYYY-MM-DD): {value}") from e


def _progress(total: int) -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=err, transient=True, disable=total < 5 or not err.is_terminal,
    )


def _skipped(report: object) -> int:
    skipped = getattr(report, "skipped", [])
    for e in skipped:
        err.print(f"[yellow]skipped[/yellow] {e}", highlight=False, soft_wrap=True)
    if skipped:
        err.print(f"{len(skipped)} input(s) skipped, {getattr(report, 'read', 0)} article(s) read",
                  highlight=False)
    return len(skipped)


@app.command()
def extract(
    files: list[Path] = typer.Argument(..., help="articles: .txt, .html, .jsonl, RSS/Atom, WARC, or folders"),
    published: str | None = typer.Option(None, help="publication date YYYY-MM-DD (default: from the input, else inferred from the text)"),
    fmt: DocFormat = typer.Option(DocFormat.jsonl, "--format", help="jsonl: one document per line; json: indented"),
    engine: str = typer.Option("local", help="local or spark"),
    master: str | None = typer.Option(None, help="with --engine spark: Spark master URL (default local[N], N = CPUs)"),
    partitions: int | None = typer.Option(None, help="with --engine spark: number of partitions (default: Spark's parallelism)"),
    fast: bool = typer.Option(False, "--fast", help="rules and lexicon only: skip the learned event coder (quicker, less accurate)"),
    workers: int | None = typer.Option(None, help="with --engine local: worker processes (default: one per core)"),
    time_limit: float | None = typer.Option(None, help="with --engine local: seconds of CPU time an article may take per 100,000 characters (at least this, at most 10 times it) before it is skipped (default 60)"),
) -> None:
    """Print one JSON document per article (DESIGN.md contract), in input order."""
    from eventwire.engines.local import BatchReport, count_files
    from eventwire.engines.runner import open_engine

    pub = _parse_date(published)
    report = BatchReport()
    try:
        with open_engine(engine, master=master, partitions=partitions, workers=workers,
                         time_limit=time_limit, fast=fast) as run, \
                _progress(count_files(files)) as bar:
            task = bar.add_task("extracting", total=count_files(files))
            for doc in run(files, report, pub):
                _print_doc(doc, fmt)
                bar.advance(task)
    except EventwireError as e:
        fail(e)
    if _skipped(report) and report.read == 0:
        raise typer.Exit(NOTHING_READ)


def _print_doc(doc: ArticleDoc, fmt: DocFormat) -> None:
    data = doc.to_contract()
    if fmt is DocFormat.json:
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="files or folders of articles"),
    db: str = DB_OPTION,
    published: str | None = typer.Option(None, help="publication date for all inputs (YYYY-MM-DD)"),
    engine: str = typer.Option("local", help="local or spark"),
    master: str | None = typer.Option(None, help="with --engine spark: Spark master URL (default local[N], N = CPUs)"),
    partitions: int | None = typer.Option(None, help="with --engine spark: number of partitions (default: Spark's parallelism)"),
    workers: int | None = typer.Option(None, help="with --engine local: worker processes (default: one per core)"),
    time_limit: float | None = typer.Option(None, help="with --engine local: seconds of CPU time an article may take per 100,000 characters (at least this, at most 10 times it) before it is skipped (default 60)"),
    out: Path | None = typer.Option(None, help="with --engine spark: write the documents under this new folder instead of the database"),
    out_format: str = typer.Option("jsonl", help="with --out: jsonl or parquet"),
    fast: bool = typer.Option(False, "--fast", help="rules and lexicon only: skip the learned event coder (quicker, less accurate)"),
) -> None:
    """Extract and store articles; an article already stored is not stored again."""
    from eventwire.engines.local import BatchReport
    from eventwire.engines.runner import write_documents

    pub = _parse_date(published)
    report = BatchReport()
    if out is not None:
        try:
            n = write_documents(paths, out, out_format, report, pub, engine=engine, master=master,
                                partitions=partitions)
        except EventwireError as e:
            fail(e)
        err.print(f"{n} article document(s) written to {out} ({out_format})", highlight=False)
        _skipped(report)
        return
    try:
        summary = ingest_paths(paths, db, report, pub, engine=engine, master=master,
                               partitions=partitions, workers=workers, time_limit=time_limit,
                               fast=fast)
    except EventwireError as e:
        fail(e)
    err.print(summary.line(db), highlight=False)
    _skipped(report)


def ingest_paths(paths: list[Path], db: Path | str, report: object, pub: date | None, *,
                 engine: str = "local", master: str | None = None,
                 partitions: int | None = None, workers: int | None = None,
                 time_limit: float | None = None, fast: bool = False) -> IngestSummary:
    """Extract the articles not stored yet (a known content hash is never parsed) and
    hand them to the database's writer: the server that holds ``db``, or ``db`` itself
    in short commits (``store/writer.py``). No outlet priors are learned at ingest, so
    the same articles give the same places in any order (README)."""
    from eventwire.engines.local import count_files
    from eventwire.engines.runner import open_engine
    from eventwire.store.writer import DatabaseWriter, ingest

    writer = DatabaseWriter(db)
    with _progress(count_files(paths)) as bar:
        task = bar.add_task("ingesting", total=count_files(paths))
        results = ingest(
            writer, lambda keep: open_engine(engine, master=master, partitions=partitions,
                                     workers=workers, time_limit=time_limit, fast=fast, keep=keep),
            paths, report, pub, on_doc=lambda _: bar.advance(task))
    return IngestSummary.of(results, getattr(report, "read", 0), writer.events())


class IngestSummary:
    """What one ingest did, for its closing line."""

    def __init__(self, counts: dict[str, int], read: int, events: int) -> None:
        self.counts, self.read, self.events = counts, read, events

    @classmethod
    def of(cls, results: list, read: int, events: int) -> IngestSummary:
        counts = {"stored": 0, "revised": 0, "duplicate": 0, "added": 0, "retracted": 0}
        for r in results:
            counts[r.kind] += 1
            counts["added"] += r.added
            counts["retracted"] += r.retracted
        return cls(counts, read, events)

    def line(self, db: Path | str) -> str:
        from eventwire.store.dialect import shown

        c = self.counts
        known = self.read - c["stored"] - c["revised"] - c["duplicate"]
        return (f"{c['stored']} article(s) stored, {known + c['duplicate']} already there;"
                f" {self.events} event(s) in {shown(db)} ({c['revised']} new version(s) of stored"
                f" URLs; {c['added']} event(s) added, {c['retracted']} retracted)")


@app.command()
def events(
    db: str = DB_OPTION,
    since: datetime | None = SINCE,
    until: datetime | None = UNTIL,
    country: str | None = COUNTRY,
    admin1: str | None = ADMIN1,
    event_type: str | None = TYPE,
    actor: str | None = ACTOR,
    status: str | None = STATUS,
    source: str | None = SOURCE,
    bbox: str | None = BBOX,
    q: str | None = TEXT,
    dedup: bool = DEDUP,
    fmt: str = typer.Option("table", "--format", help=(
        "table, or an export format drawn from the same events: acled-csv | geojson |"
        " plover-jsonl | jsonl")),
    limit: int = typer.Option(0, min=0, help="at most N events (0: all)"),
) -> None:
    """List stored events, by date then id. The filters mean what they mean for `export`
    and for /api/events."""
    from eventwire.store.exports import event_table, registry
    from eventwire.store.writer import open_reader

    renderers = {name: e.render for name, e in registry().items() if e.render is not None}
    if fmt != "table" and fmt not in renderers:
        raise typer.BadParameter(f"table or one of {', '.join(renderers)}", param_hint="--format")
    need_database(db)
    chosen = filters(since=since, until=until, country=country, admin1=admin1, type=event_type,
                     actor=actor, status=status, source=source, bbox=bbox, q=q, dedup=dedup)
    try:
        with open_reader(db) as store:
            table = event_table(store.con, chosen, limit or None)
    except EventwireError as e:
        fail(e)
    if fmt == "table":
        _print_table(table.events)
    else:
        renderers[fmt](table, sys.stdout)
        sys.stdout.flush()


def _print_table(evs: Sequence[Event]) -> None:
    """The events as a table on the terminal: what a person reads first."""
    table = Table(show_lines=False)
    for c in ("date", "type", "status", "actor1", "actor2", "location", "killed", "source"):
        table.add_column(c)
    for ev in evs:
        killed = max((q.value for q in ev.quantities if q.kind == "killed"), default=None)
        table.add_row(ev.time.start.isoformat() if ev.time else "", ev.type.plover, ev.status,
                      ev.actor1.name if ev.actor1 else "", ev.actor2.name if ev.actor2 else "",
                      ev.location.name if ev.location else "", "" if killed is None else str(killed),
                      ev.source.name if ev.source else "")
    Console().print(table)


@app.command()
def quotes(
    db: str = DB_OPTION,
    speaker: str | None = typer.Option(None, help="words in the speaker's name"),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format"),
) -> None:
    """List stored quotes with speaker and the outlet they came through."""
    from eventwire.store.writer import open_reader

    from eventwire.store.filters import has

    need_database(db)
    sql = "SELECT speaker, speaker_country, via, text, article_id, start_char, end_char FROM quotes"
    params: list[object] = []
    if speaker:
        sql += f" WHERE {has('speaker')}"
        params.append(speaker)
    try:
        with open_reader(db) as store:
            rows = store.query(sql + " ORDER BY article_id, start_char, end_char, speaker, via", params)
    except EventwireError as e:
        fail(e)
    if fmt is ListFormat.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r, default=str) + "\n")
        return
    table = Table()
    for c in ("speaker", "via", "text"):
        table.add_column(c)
    for r in rows:
        table.add_row(str(r["speaker"] or ""), str(r["via"] or ""), str(r["text"])[:120])
    Console().print(table)


@app.command()
def contradictions(db: str = DB_OPTION) -> None:
    """Events whose sources give different figures: every figure, with its source; then
    events that one party asserts or claims and another denies: every claim, with its source."""
    from eventwire.store.database import contested
    from eventwire.store.database import contradictions as find
    from eventwire.store.writer import open_reader

    need_database(db)
    try:
        with open_reader(db) as store:
            found = find(store)
            disputed = contested(store)
    except EventwireError as e:
        fail(e)
    table = Table()
    for c in ("cluster", "kind", "value", "qualifier", "source", "article"):
        table.add_column(c)
    for cid, figures in found.items():
        for f in figures:
            table.add_row(cid, f.kind, f"{f.value:,}", f.qualifier, f.source or "", f.article_id or "")
    Console().print(table)
    err.print(f"{len(found)} event(s) with contradicting figures", highlight=False)
    claims = Table()
    for c in ("event", "type", "status", "source", "words", "article"):
        claims.add_column(c)
    for ev in disputed:
        for claim in ev.claims:
            claims.add_row(ev.id, ev.type.plover, claim.status, claim.source.name if claim.source else "",
                           claim.text[:80], ev.article_id or "")
    Console().print(claims)
    err.print(f"{len(disputed)} contested event(s)", highlight=False)


@app.command()
def watch(
    sources: list[str] = typer.Argument(..., help="folders (of articles or WARC files), feed files, feed URLs"),
    db: str = DB_OPTION,
    every: str = typer.Option("15m", help="time between rounds: 90s, 15m, 1h"),
    rounds: int = typer.Option(0, help="stop after N rounds (0: never)"),
    state: Path | None = typer.Option(None, help="cursor file (default: DB.watch.json beside the database)"),
    engine: str = typer.Option("local", help="local or spark"),
) -> None:
    """Poll sources and store what is new, round after round; one status line per round.
    Each source's cursor survives a restart; a failing source is reported and retried."""
    from eventwire.engines.runner import open_engine
    from eventwire.store.writer import DatabaseWriter
    from eventwire.watch import Watcher, parse_every

    try:
        seconds = parse_every(every)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from e
    try:
        writer = DatabaseWriter(db)
        known = writer.known()
        with open_engine(engine, keep=known.wants) as run:
            Watcher(sources, db, run, writer, known, state).loop(
                seconds, rounds, say=lambda line: err.print(line, highlight=False, soft_wrap=True))
    except EventwireError as e:
        fail(e)
    except KeyboardInterrupt:
        err.print("watch stopped", highlight=False)


@app.command()
def changes(
    db: str = DB_OPTION,
    since: str | None = typer.Option(None, help="changes made at or after this time (ISO 8601, UTC if no zone)"),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format"),
) -> None:
    """Events added, revised and retracted, in order, with the article version behind each
    (read from the server when `eventwire serve` holds the database)."""
    try:
        when = datetime.fromisoformat(since) if since else None
    except ValueError as e:
        raise typer.BadParameter(f"not a time (ISO 8601): {since}") from e
    try:
        pages = _change_pages(db, when)
        first: ChangePage | None = None
        table = Table()
        for c in ("seq", "changed_at", "kind", "event", "article", "version", "type", "sentence"):
            table.add_column(c)
        n = 0
        for page in pages:
            first = first or page
            for ch in page.changes:
                n += 1
                if fmt is ListFormat.jsonl:
                    sys.stdout.write(ch.model_dump_json() + "\n")
                else:
                    table.add_row(str(ch.seq), ch.changed_at.isoformat(timespec="seconds"), ch.kind,
                                  ch.event_id, ch.article_id, str(ch.version or ""),
                                  ch.event.type.plover, ch.event.evidence.sentence[:80])
    except EventwireError as e:
        fail(e)
    if fmt is ListFormat.table:
        Console().print(table)
        err.print(f"{n} change(s); dataset version {first.dataset_version if first else 0}",
                  highlight=False)


def _change_pages(db: str, since: object) -> Iterator[ChangePage]:
    """Every page of the change feed, from the file or from the server that holds it."""
    import json as _json
    import urllib.parse
    import urllib.request

    from eventwire.errors import StoreBusyError
    from eventwire.store.changes import ChangePage, list_changes
    from eventwire.store.writer import open_reader, read_announcement

    need_database(db)
    after = 0
    try:
        with open_reader(db) as store:
            while True:
                page = list_changes(store.con, since=since, after=after)  # type: ignore[arg-type]
                yield page
                if page.next_after is None:
                    return
                after = page.next_after
    except StoreBusyError:
        ann = read_announcement(db)
        if ann is None:
            raise
    while True:
        query = {"after": str(after), **({"since": since.isoformat()} if since else {})}  # type: ignore[attr-defined]
        url = f"{ann.url}/api/changes?{urllib.parse.urlencode(query)}"
        with urllib.request.urlopen(url, timeout=60) as resp:  # noqa: S310 (the announced server)
            page = ChangePage.model_validate(_json.loads(resp.read()))
        yield page
        if page.next_after is None:
            return
        after = page.next_after


app.command("serve")(serve)
app.command("export")(export)


def main() -> None:  # pragma: no cover - console entry
    app()
