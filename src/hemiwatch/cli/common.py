"""What every command shares: the Typer app, the consoles, the options and one error line.

Nothing here imports spaCy, the store or the web stack: `hemiwatch --help` and the commands
that only read the store start without them; each command imports what it uses."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

if TYPE_CHECKING:
    from rich.progress import Progress

app = typer.Typer(
    help="Evidence-linked facts from news about security in the Americas.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: it answers without importing Rich's Markdown stack
)
out = Console(soft_wrap=False)
err = Console(stderr=True)


class Language(StrEnum):
    en = "en"
    es = "es"


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
LanguageOption = Annotated[
    Language | None,
    typer.Option("--language", help="Force the language (en, es); detected per article if unset."),
]
DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: $HEMIWATCH_DB or sqlite:///hemiwatch.db)."),
]


def fail(message: str) -> None:
    """One clear line on stderr."""
    err.print(f"[bold red]error:[/bold red] {message}", highlight=False, soft_wrap=True)


def emit(rows: Any) -> None:
    print(json.dumps(rows, ensure_ascii=False, indent=2, default=str))


def progress(label: str, eta: bool = True, keep: bool = False) -> Progress:
    """A progress bar on stderr (Rich's, imported when a long command starts): done/total and
    the time left (`eta`) or elapsed; it stays on screen when `keep` and stderr is a terminal."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    clock = TimeRemainingColumn() if eta else TimeElapsedColumn()
    columns = (TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), clock)
    return Progress(*columns, console=err, transient=not (keep and err.is_terminal))
