"""Corpus commands of the CLI: ingest, board, commitments, search, brief, ask, export."""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
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
    progress,
)
from hemiwatch.config import Settings
from hemiwatch.errors import HemiwatchError

if TYPE_CHECKING:
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


def database_url(db: str | None) -> str:
    """The database a command uses: --db, else $HEMIWATCH_DB, else ./hemiwatch.db."""
    from hemiwatch.store import DEFAULT_URL

    return db or os.environ.get("HEMIWATCH_DB") or DEFAULT_URL


def _store(db: str | None, create: bool = False) -> Store:
    """The store, named on stderr; a command that only reads refuses a SQLite file that does
    not exist (it would create an empty one and show nothing) and says where it looked."""
    from hemiwatch.store import open_store

    url = database_url(db)
    path = sqlite_path(url)
    if not create and path is not None and not path.exists():
        fail(
            f"no database at {path.resolve()}: ingest articles first (hemiwatch ingest PATH), "
            "or name one with --db or HEMIWATCH_DB"
        )
        raise typer.Exit(2)
    try:
        store = open_store(url)
    except HemiwatchError as exc:
        fail(str(exc))
        raise typer.Exit(2) from None
    name_database(url)
    return store


def name_database(url: str) -> None:
    """Say on stderr which database a command uses: the file, or the URL of a server."""
    path = sqlite_path(url)
    where = path.resolve() if path is not None else url
    err.print(f"[dim]database: {escape(str(where))}[/dim]", highlight=False, soft_wrap=True)


WIDE = 120  # below this many columns, board and quotes stack each entry instead of a table


def undated(value: object) -> str:
    """A date for people to read: no Python `None` in text output."""
    return str(value) if value else "undated"


def sqlite_path(url: str) -> Path | None:
    """The file of a sqlite:///PATH URL (None for other databases and in-memory SQLite)."""
    if not url.startswith("sqlite:///") or url.endswith(":memory:"):
        return None
    return Path(url.removeprefix("sqlite:///"))


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
        list[str],
        typer.Argument(
            help="Files, folders, corpus folders, JSONL or RSS/Atom feeds; http(s) URLs of "
            "feeds, article pages or sitemaps."
        ),
    ],
    db: DbOption = None,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    gate: GateOption = False,
    language: LanguageOption = None,
) -> None:
    """Analyse and store articles; the same input twice changes nothing."""
    from hemiwatch.cli.sources import dask_analyzer, ingest_urls
    from hemiwatch.ingest.run import ingest as ingest_paths

    urls = [p for p in paths if p.lower().startswith(("http://", "https://"))]
    files = [Path(p) for p in paths if p not in urls]
    store = _store(db, create=True)
    analyzer = dask_analyzer(workers, scheduler)
    settings = Settings(gate=gate, language=language.value if language else None)
    try:
        with progress("ingest", eta=False, keep=True) as bar:
            task = bar.add_task("ingest", total=None)

            def tick(n: int) -> None:
                bar.advance(task, n)

            report = ingest_paths(files, store, settings, tick=tick, analyzer=analyzer)
            if urls:
                report.merge(ingest_urls(urls, store, settings, analyzer, tick))
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
    wide = out.width >= WIDE
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
        partner = r["target"] + (" [dim](inferred)[/dim]" if r["inferred"] else "")
        weak = "[yellow]weak[/yellow]" if r["weak"] else ""
        source = f"[dim]{escape(ev['article_id'])} · {undated(ev['date'])}[/dim]"
        if not wide:  # a narrow terminal or a pipe: each entry, its evidence stacked under it
            head = f"[{colour}]{r['stance']}[/{colour}]"
            out.print(
                f"[bold]{r['country']}[/bold] {head} {partner}  · {r['trend']} · {support} {weak}",
                highlight=False,
                soft_wrap=True,
            )
            out.print(f"    {escape(ev['sentence'])}", highlight=False, soft_wrap=True)
            out.print(f"    {source}", highlight=False, soft_wrap=True)
            continue
        table.add_row(
            r["country"],
            f"[{colour}]{r['stance']}[/{colour}]",
            partner,
            r["trend"],
            support + (f"\n{weak}" if weak else ""),
            f"{escape(ev['sentence'])}\n{source}",
        )
    if wide:
        out.print(table)
    elif not rows:
        err.print("the board is empty: no stances stored yet")


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
            undated(r["date"]),
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
    if out.width < WIDE:  # a narrow terminal or a pipe: one quote per block, nothing wrapped
        for r in slim:
            mark = "“{}”" if r["kind"] == "direct" else "≈ {}"
            who = escape(r["speaker"] or "(speaker unknown)")
            where = f"{escape(r['article_id'])} · {undated(r['date'])}"
            out.print(f"[green]{who}[/green]  [dim]{where}[/dim]", highlight=False, soft_wrap=True)
            out.print(f"    {escape(mark.format(r['text']))}", highlight=False, soft_wrap=True)
        return
    table = Table(title="Quotes", show_lines=True)
    for col in ("Date", "Speaker", "Quote", "Article"):
        table.add_column(col)
    for r in slim:
        mark = "“{}”" if r["kind"] == "direct" else "≈ {}"
        table.add_row(
            undated(r["date"]),
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
        line.append(f"  {h['id']} · {undated(h['published'])}\n  ", style="dim")
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
    elif not out.is_terminal:
        print(to_markdown(b), end="")  # to a file or a pipe: the Markdown itself, unwrapped
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


class Relevance(StrEnum):
    on = "on"
    off = "off"
    auto = "auto"


@app.command()
def relevance(
    article_id: Annotated[str, typer.Argument(help="The stored article's id.")],
    decision: Annotated[
        Relevance,
        typer.Argument(help="on: about security in the Americas; off: not; auto: hemiwatch's."),
    ],
    db: DbOption = None,
) -> None:
    """Overrule the relevance decision for one article; the board and briefs follow."""
    store = _store(db)
    try:
        off = store.set_relevance(article_id, None if decision is Relevance.auto else decision)
    except HemiwatchError as exc:
        fail(str(exc))
        raise typer.Exit(2) from None
    who = "hemiwatch's decision" if decision is Relevance.auto else "set by you"
    out.print(f"{article_id}: {'off-topic' if off else 'on topic'} ({who})", highlight=False)


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
    trusted_proxy: Annotated[
        str | None,
        typer.Option(
            help="Address of a reverse proxy whose X-Forwarded-For is believed (default: none)."
        ),
    ] = None,
    watch: Annotated[
        bool, typer.Option("--watch", help="Also follow the web sources file (as `watch`).")
    ] = False,
    sources: Annotated[
        Path | None, typer.Option("--sources", help="Sources file for --watch.")
    ] = None,
) -> None:
    """Serve the dashboard at / and the REST API under /api (OpenAPI at /docs); Ctrl-C stops.

    Writes (POST /api/articles, /api/fetch) need HEMIWATCH_API_TOKEN set and sent as a bearer
    token."""
    import uvicorn

    from hemiwatch.api import create_app

    url = database_url(db)
    try:
        application = create_app(url)
    except HemiwatchError as exc:
        fail(str(exc))
        raise typer.Exit(2) from None
    shown = "127.0.0.1" if host == "0.0.0.0" else host
    name_database(url)
    err.print(
        f"hemiwatch dashboard: http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs; "
        "Ctrl-C stops)",
        highlight=False,
        soft_wrap=True,
    )
    # forwarded headers only from a proxy named: else any local client could pose as many and
    # slip past the per-client write limit by rotating X-Forwarded-For
    halt = None
    if watch:
        from hemiwatch.cli.sources import background_watch

        halt = background_watch(application.state.ctx, url, sources)
    try:
        uvicorn.run(
            application,
            host=host,
            port=port,
            log_level="warning",
            proxy_headers=trusted_proxy is not None,
            forwarded_allow_ips=trusted_proxy or "",
        )
    finally:
        if halt:
            halt()
