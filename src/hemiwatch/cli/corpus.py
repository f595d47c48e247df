"""Corpus commands of the CLI: ingest, board, commitments, search, brief, ask, export."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from hemiwatch.cli.common import (
    DbOption,
    GateOption,
    LanguageOption,
    SchedulerOption,
    WorkersOption,
    app,
    emit,
    err,
    fail,
    out,
)
from hemiwatch.config import Settings
from hemiwatch.errors import HemiwatchError

if TYPE_CHECKING:
    from hemiwatch.models import Article
    from hemiwatch.store import Store


class Output(StrEnum):
    text = "text"
    json = "json"


class BriefFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    plover = "plover"


FormatOption = Annotated[Output, typer.Option("--format", "-f", help="Output format.")]


def _store(db: str | None) -> Store:
    from hemiwatch.store import DEFAULT_URL, open_store

    try:
        return open_store(db or os.environ.get("HEMIWATCH_DB") or DEFAULT_URL)
    except HemiwatchError as exc:
        fail(str(exc))
        raise typer.Exit(2) from None


def _date(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"--{name} must be a date as YYYY-MM-DD, not '{value}'")
        raise typer.Exit(2) from None


@app.command()
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Files, folders, corpus folders, JSONL or RSS/Atom feeds.")
    ],
    db: DbOption = None,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    gate: GateOption = False,
    language: LanguageOption = None,
) -> None:
    """Analyse and store articles; the same input twice changes nothing."""
    from hemiwatch.ingest.run import ingest as ingest_paths

    store = _store(db)
    analyzer = None
    if workers or scheduler:
        from hemiwatch.scale import analyze_distributed

        def analyzer(articles: Iterable[Article], settings: Settings) -> Iterator[Any]:
            return analyze_distributed(articles, settings, workers, scheduler)

    columns = (TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    try:
        with Progress(*columns, console=err, transient=not err.is_terminal) as bar:
            task = bar.add_task("ingest", total=None)
            report = ingest_paths(
                paths,
                store,
                Settings(gate=gate, language=language.value if language else None),
                tick=lambda n: bar.advance(task, n),
                analyzer=analyzer,
            )
    except HemiwatchError as exc:
        fail(str(exc))
        raise typer.Exit(1) from None
    for failure in report.failed[:20]:
        fail(failure)
    if len(report.failed) > 20:
        fail(f"... and {len(report.failed) - 20} more (see the ingest_errors table)")
    for note in report.renamed[:20]:
        err.print(f"[yellow]conflict:[/yellow] {escape(note)}", highlight=False, soft_wrap=True)
    renamed = f" ({len(report.renamed)} under a new id)" if report.renamed else ""
    err.print(
        f"{report.added} stored{renamed}, {report.skipped} already stored, {len(report.failed)} "
        f"failed; {store.count()} articles in {store.url}",
        highlight=False,
        soft_wrap=True,
    )
    if report.failed:
        raise typer.Exit(1)


@app.command()
def board(
    country: Annotated[
        str | None, typer.Option(help="Only this ISO code, as actor or target.")
    ] = None,
    db: DbOption = None,
    fmt: FormatOption = Output.text,
) -> None:
    """Per country, its latest cooperation stance toward each partner, trend and evidence."""
    from hemiwatch.analyze import board as board_rows

    rows = board_rows(_store(db), country.upper() if country else None)
    if fmt is Output.json:
        emit(rows)
        return
    table = Table(title="Cooperation board", show_lines=True)
    for col in ("Country", "Stance", "Partner", "Trend", "Support", "Latest evidence"):
        table.add_column(col)
    for r in rows:
        ev = r["evidence"][0]
        colour = "red" if r["stance"] == "refuses" else "green"
        support = (
            f"{r['sources']} stor{'y' if r['sources'] == 1 else 'ies'}, {r['explicit']} explicit"
        )
        if r["inferred_count"]:
            support += f", {r['inferred_count']} inferred"
        table.add_row(
            r["country"],
            f"[{colour}]{r['stance']}[/{colour}]",
            r["target"] + (" [dim](inferred)[/dim]" if r["inferred"] else ""),
            r["trend"],
            support + ("\n[yellow]weak[/yellow]" if r["weak"] else ""),
            f"{escape(ev['sentence'])}\n[dim]{escape(ev['article_id'])} · {ev['date']}[/dim]",
        )
    out.print(table)


@app.command()
def commitments(db: DbOption = None, fmt: FormatOption = Output.text) -> None:
    """Per initiative, sought vs pledged vs delivered over time, with sources."""
    from hemiwatch.analyze import commitments as commitment_rows
    from hemiwatch.display import figure

    rows = commitment_rows(_store(db))
    if fmt is Output.json:
        emit(rows)
        return
    table = Table(title="Commitments")
    for col in ("Date", "Initiative", "Sought", "Pledged", "Delivered", "Unit", "Source"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            str(r["date"]),
            escape(r["initiative"]),
            figure(r["sought"], "—"),
            figure(r["pledged_max"] or r["pledged_min"], "—"),
            figure(r["delivered"], "—"),
            r["unit"],
            f"{escape(r['article_id'])}\n[dim]{escape(r['speaker'] or '')}[/dim]",
        )
    out.print(table)


def stored_quotes(
    db: str | None,
    speaker: str | None,
    search: str | None,
    since: str | None,
    until: str | None,
    fmt: str,
) -> None:
    rows = _store(db).quote_rows(
        speaker=speaker, words=search, since=_date(since, "since"), until=_date(until, "until")
    )
    slim = [
        {
            "speaker": r["speaker"],
            "kind": r["kind"],
            "text": r["text"],
            "date": r["day"],
            "article_id": r["article_id"],
            "title": r["title"],
        }
        for r in rows
    ]
    if fmt == "json":
        emit(slim)
        return
    table = Table(title="Quotes", show_lines=True)
    for col in ("Date", "Speaker", "Quote", "Article"):
        table.add_column(col)
    for r in slim:
        mark = "“{}”" if r["kind"] == "direct" else "≈ {}"
        table.add_row(
            str(r["date"]),
            escape(r["speaker"] or "?"),
            escape(mark.format(r["text"])),
            escape(r["article_id"]),
        )
    out.print(table)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to look for.")],
    limit: Annotated[int, typer.Option(help="How many articles.")] = 10,
    db: DbOption = None,
    fmt: FormatOption = Output.text,
) -> None:
    """Full-text search of stored articles and quotes, ranked, with highlighted snippets."""
    from hemiwatch.store.db import HL_CLOSE, HL_OPEN

    store = _store(db)
    hits = store.search(query, limit=limit)
    quotes = store.quote_rows(words=query, limit=limit)
    if fmt is Output.json:
        emit(
            {
                "articles": hits,
                "quotes": [
                    {
                        "speaker": q["speaker"],
                        "text": q["text"],
                        "article_id": q["article_id"],
                        "date": q["day"],
                    }
                    for q in quotes
                ],
            }
        )
        return
    if not hits and not quotes:
        err.print(f"nothing matches '{query}'")
    for h in hits:
        line = Text(h["title"], style="bold")
        line.append(f"  {h['id']} · {h['published']}\n  ", style="dim")
        for i, part in enumerate(h["snippet"].replace(HL_OPEN, HL_CLOSE).split(HL_CLOSE)):
            line.append(part, style="bold yellow" if i % 2 else "")
        out.print(line)
    for q in quotes:
        line = Text(q["speaker"] or "?", style="green")
        line.append(f": “{q['text']}”  ")
        line.append(q["article_id"], style="dim")
        out.print(line)


@app.command()
def brief(
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD, inclusive.")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD, inclusive.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO code the articles must mention.")] = None,
    topic: Annotated[str | None, typer.Option(help="Topic label, e.g. narcotics.")] = None,
    db: DbOption = None,
    fmt: Annotated[BriefFormat, typer.Option("--format", "-f")] = BriefFormat.text,
) -> None:
    """A multi-article briefing: synopsis, key takeaways citing their articles, quotes."""
    from hemiwatch.analyze import brief as make_brief
    from hemiwatch.analyze.brief import to_markdown

    b = make_brief(
        _store(db),
        _date(since, "since"),
        _date(until, "until"),
        country.upper() if country else None,
        topic,
    )
    if fmt is BriefFormat.json:
        emit(b)
    elif fmt is BriefFormat.markdown:
        print(to_markdown(b), end="")
    else:
        from rich.markdown import Markdown

        out.print(Markdown(to_markdown(b)))


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question in plain English.")],
    db: DbOption = None,
    fmt: FormatOption = Output.text,
) -> None:
    """Answer a question from stored facts, with citations."""
    from hemiwatch.analyze import ask as ask_corpus

    answer = ask_corpus(_store(db), question)
    if fmt is Output.json:
        emit(answer)
        return
    out.print(Text(answer["answer"], style="bold"))
    for c in answer["citations"]:
        line = Text(f"  {c['article_id']}  ", style="dim")
        line.append(c["text"])
        out.print(line)


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    since: Annotated[
        str | None, typer.Option(help="YYYY-MM-DD: only articles from then on.")
    ] = None,
    out_path: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="File (jsonl, plover) or folder (csv, parquet); default stdout / ./export.",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Export articles, quotes, facts and events for pandas, R or DuckDB (docs/export.md)."""
    from hemiwatch.store.export import jsonl_lines, write_tables

    store = _store(db)
    day = _date(since, "since")
    if fmt in {ExportFormat.jsonl, ExportFormat.plover}:
        sink = out_path.open("w", encoding="utf-8") if out_path else sys.stdout
        try:
            for line in jsonl_lines(store, day, plover=fmt is ExportFormat.plover):
                sink.write(line + "\n")
        finally:
            if out_path:
                sink.close()
        return
    files = write_tables(store, out_path or Path("export"), fmt.value, day)
    err.print(f"wrote {', '.join(str(f) for f in files)}", highlight=False)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port.")] = 8000,
) -> None:
    """Serve the dashboard at / and the REST API under /api (OpenAPI at /docs); Ctrl-C stops.

    Writes (POST /api/articles) need HEMIWATCH_API_TOKEN set and sent as a bearer token."""
    import uvicorn

    from hemiwatch.api import create_app

    url = db or os.environ.get("HEMIWATCH_DB")
    try:
        application = create_app(url)
    except HemiwatchError as exc:
        fail(str(exc))
        raise typer.Exit(2) from None
    shown = "127.0.0.1" if host == "0.0.0.0" else host
    err.print(
        f"hemiwatch dashboard: http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs; "
        "Ctrl-C stops)",
        highlight=False,
    )
    uvicorn.run(application, host=host, port=port, log_level="warning")
