"""The `hemiwatch` command: thin wrappers over ingest, pipeline and render."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from hemiwatch import render
from hemiwatch.config import Settings
from hemiwatch.errors import HemiwatchError, IngestError
from hemiwatch.ingest import find_inputs, read_article
from hemiwatch.models import Article, Facts
from hemiwatch.pipeline import analyze_many

app = typer.Typer(
    help="Evidence-linked facts from news about security in the Americas.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=False)
err = Console(stderr=True)


class Format(StrEnum):
    text = "text"
    json = "json"
    facts = "facts"
    markdown = "markdown"
    plover = "plover"


WorkersOption = Annotated[
    int | None, typer.Option("--workers", help="Analyse on a local Dask cluster of N processes.")
]
SchedulerOption = Annotated[
    str | None,
    typer.Option("--scheduler", help="Analyse on an existing Dask scheduler (tcp://HOST:PORT)."),
]
GateOption = Annotated[
    bool, typer.Option("--gate", help="Skip the parse of articles the relevance gate rejects.")
]


class Language(StrEnum):
    en = "en"
    es = "es"


LanguageOption = Annotated[
    Language | None,
    typer.Option("--language", help="Force the language (en, es); detected per article if unset."),
]
DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: $HEMIWATCH_DB or sqlite:///hemiwatch.db)."),
]


class QuoteFormat(StrEnum):
    text = "text"
    json = "json"


def _fail(message: str) -> None:
    err.print(f"[bold red]error:[/bold red] {message}", highlight=False, soft_wrap=True)


def _inputs(path: Path) -> list[Path]:
    if str(path) == "-":
        return [path]
    try:
        return find_inputs(path)
    except HemiwatchError as exc:
        _fail(str(exc))
        raise typer.Exit(2) from None


def _read_all(paths: Iterable[Path], settings: Settings, failures: list[str]) -> Iterator[Article]:
    for path in paths:
        try:
            yield read_article(path, settings)
        except IngestError as exc:
            failures.append(str(exc))
            _fail(str(exc))


def _analysed(
    paths: Iterable[Path],
    settings: Settings,
    failures: list[str],
    workers: int | None = None,
    scheduler: str | None = None,
) -> Iterator[tuple[Article, Facts]]:
    articles: list[Article] = []

    def remember() -> Iterator[Article]:
        for article in _read_all(paths, settings, failures):
            articles.append(article)
            yield article

    if workers or scheduler:
        from hemiwatch.scale import analyze_distributed

        results = analyze_distributed(remember(), settings, workers, scheduler)
    else:
        results = analyze_many(remember(), settings)
    for result in results:
        article = articles.pop(0)
        if isinstance(result, HemiwatchError):
            failures.append(str(result))
            _fail(str(result))
            continue
        yield article, result


@app.command()
def analyze(
    path: Annotated[
        Path, typer.Argument(help="A .txt, .html or article .json file, a folder, or - for stdin.")
    ],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    language: LanguageOption = None,
) -> None:
    """Analyse articles and print their facts with evidence."""
    settings = Settings(language=language.value if language else None)
    failures: list[str] = []
    try:
        for article, facts in _analysed(_inputs(path), settings, failures):
            if fmt is Format.text:
                render.render_text(out, article, facts)
            elif fmt is Format.markdown:
                print(render.markdown(article, facts))  # raw: a terminal must not re-wrap it
            elif fmt is Format.plover:
                for line in render.plover_lines(facts):
                    print(line)
            elif fmt is Format.facts:
                print(json.dumps(render.facts_file(facts), ensure_ascii=False))
            else:
                print(
                    render.analysis_json(article, facts)
                    if path.is_file() or str(path) == "-"
                    else render.analysis_json(article, facts).replace("\n", "")
                )
    except HemiwatchError as exc:
        _fail(str(exc))
        raise typer.Exit(1) from None
    if failures:
        raise typer.Exit(1)


@app.command("export-facts")
def export_facts(
    corpus: Annotated[
        Path,
        typer.Argument(help="A corpus folder (its articles/ are read) or any folder of articles."),
    ],
    out_dir: Annotated[
        Path, typer.Argument(help="Where to write one <id>.json facts file per article.")
    ],
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    gate: GateOption = False,
    language: LanguageOption = None,
) -> None:
    """Write one facts file per article, as ../shared/eval/FORMAT.md describes."""
    settings = Settings(gate=gate, language=language.value if language else None)
    paths = _inputs(corpus)
    out_dir.mkdir(parents=True, exist_ok=True)
    failures: list[str] = []
    written = 0
    columns = (TextColumn("[bold]facts"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    try:
        with Progress(*columns, console=err, transient=not err.is_terminal) as bar:
            task = bar.add_task("facts", total=len(paths))
            analysed = _analysed(_ticking(paths, bar, task), settings, failures, workers, scheduler)
            for _article, facts in analysed:
                (out_dir / f"{facts.id}.json").write_text(render.facts_json(facts), "utf-8")
                written += 1
    except HemiwatchError as exc:
        _fail(str(exc))
        raise typer.Exit(1) from None
    err.print(
        f"{written} facts files written to {out_dir}, {len(failures)} failed", highlight=False
    )
    if failures:
        raise typer.Exit(1)


def _ticking(paths: list[Path], bar: Progress, task: object) -> Iterator[Path]:
    for path in paths:
        yield path
        bar.advance(task)  # type: ignore[arg-type]


@app.command()
def quotes(
    path: Annotated[
        Path | None,
        typer.Argument(help="An article file, or - for stdin; omit to query the store."),
    ] = None,
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name.")] = None,
    search: Annotated[str | None, typer.Option(help="Words the quote must contain.")] = None,
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD, inclusive.")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD, inclusive.")] = None,
    db: DbOption = None,
    fmt: Annotated[
        QuoteFormat, typer.Option("--format", "-f", help="Output format.")
    ] = QuoteFormat.text,
) -> None:
    """Who said what: one article's quotes, or quotes across the stored corpus."""
    if path is None:
        from hemiwatch.cli_corpus import stored_quotes

        stored_quotes(db, speaker, search, since, until, fmt.value)
        return
    settings = Settings()
    failures: list[str] = []
    try:
        for article, facts in _analysed(_inputs(path), settings, failures):
            if fmt is QuoteFormat.json:
                rows = [q.model_dump(mode="json") for q in facts.quotes]
                print(json.dumps(rows, ensure_ascii=False, indent=2))
            else:
                render.quotes_table(out, article, facts)
    except HemiwatchError as exc:
        _fail(str(exc))
        raise typer.Exit(1) from None
    if failures:
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover - console entry point
    app()


from hemiwatch import cli_corpus  # noqa: E402  (registers the corpus commands)

_ = cli_corpus


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
