"""Commands over article files: analyze, export-facts, quotes of one article, eval."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from hemiwatch.cli.common import (
    DbOption,
    GateOption,
    LanguageOption,
    SchedulerOption,
    WorkersOption,
    app,
    err,
    fail,
    out,
    progress,
)
from hemiwatch.cli.corpus import stored_quotes
from hemiwatch.config import Settings
from hemiwatch.errors import HemiwatchError, IngestError

if TYPE_CHECKING:
    from rich.progress import Progress

    from hemiwatch.models import Article, Facts


class Format(StrEnum):
    text = "text"
    json = "json"
    facts = "facts"
    markdown = "markdown"
    plover = "plover"


class QuoteFormat(StrEnum):
    text = "text"
    json = "json"


def _inputs(path: Path) -> list[Path]:
    from hemiwatch.ingest import find_inputs

    if str(path) == "-":
        return [path]
    try:
        return find_inputs(path)
    except HemiwatchError as exc:
        fail(str(exc))
        raise typer.Exit(2) from None


def _read_all(paths: Iterable[Path], settings: Settings, failures: list[str]) -> Iterator[Article]:
    from hemiwatch.ingest import read_article

    for path in paths:
        try:
            article = read_article(path, settings)
        except IngestError as exc:
            failures.append(str(exc))
            fail(str(exc))
            continue
        except Exception as exc:  # the barrier: one file never ends the run
            reason = f"{path}: unexpected error ({type(exc).__name__}: {exc})"
            failures.append(reason)
            fail(reason)
            continue
        yield article


def _analysed(
    paths: Iterable[Path],
    settings: Settings,
    failures: list[str],
    workers: int | None = None,
    scheduler: str | None = None,
) -> Iterator[tuple[Article, Facts]]:
    articles = _read_all(paths, settings, failures)
    if workers or scheduler:
        from hemiwatch.scale import analyze_distributed

        results = analyze_distributed(articles, settings, workers, scheduler)
    else:
        from hemiwatch.pipeline import analyze_many

        results = analyze_many(articles, settings)
    for article, result in results:
        if isinstance(result, HemiwatchError):
            failures.append(str(result))
            fail(str(result))
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
    from hemiwatch import render

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
        fail(str(exc))
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
    from hemiwatch import render

    settings = Settings(gate=gate, language=language.value if language else None)
    paths = _inputs(corpus)
    out_dir.mkdir(parents=True, exist_ok=True)
    failures: list[str] = []
    written = 0
    try:
        with progress("facts", keep=True) as bar:
            task = bar.add_task("facts", total=len(paths))
            analysed = _analysed(_ticking(paths, bar, task), settings, failures, workers, scheduler)
            for _article, facts in analysed:
                (out_dir / f"{facts.id}.json").write_text(render.facts_json(facts), "utf-8")
                written += 1
    except HemiwatchError as exc:
        fail(str(exc))
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
    from hemiwatch import render

    if path is None:
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
        fail(str(exc))
        raise typer.Exit(1) from None
    if failures:
        raise typer.Exit(1)


class EvalFormat(StrEnum):
    text = "text"
    json = "json"


def _scorer(corpus: Path, given: Path | None) -> Path | None:
    """The shared scorer: --scorer, $HEMIWATCH_SCORER, or eval/score.py beside the corpora."""
    import os

    for candidate in (
        given,
        Path(os.environ["HEMIWATCH_SCORER"]) if os.environ.get("HEMIWATCH_SCORER") else None,
        corpus.resolve().parent.parent / "eval" / "score.py",
    ):
        if candidate is not None and candidate.is_file():
            return candidate
    return None


@app.command("eval")
def evaluate(
    corpus: Annotated[Path, typer.Argument(help="A gold corpus: articles/ and gold/.")],
    by_rule: Annotated[
        bool, typer.Option("--by-rule", help="Also: per rule, facts made, right, precision.")
    ] = False,
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="Keep the facts files here (default: a temp dir).")
    ] = None,
    scorer: Annotated[
        Path | None, typer.Option(help="The scorer (default: ../eval/score.py beside the corpus).")
    ] = None,
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f")] = EvalFormat.text,
    language: LanguageOption = None,
) -> None:
    """Analyse a gold corpus, score it with the shared scorer, and rate each rule on it."""
    import subprocess
    import tempfile

    from rich.table import Table

    from hemiwatch import render
    from hemiwatch.evaluation import ByRule, gold_files, judge, load_gold

    pairs = list(gold_files(corpus))
    if not pairs:
        fail(f"{corpus}: no gold corpus here (articles/<id>.json with gold/<id>.json)")
        raise typer.Exit(2)
    settings = Settings(language=language.value if language else None)
    target = out_dir or Path(tempfile.mkdtemp(prefix="hemiwatch-eval-"))
    target.mkdir(parents=True, exist_ok=True)
    gold = {a.stem: g for a, g in pairs}
    rules = ByRule()
    failures: list[str] = []
    with progress("eval") as bar:
        task = bar.add_task("eval", total=len(pairs))
        paths = _ticking([a for a, _ in pairs], bar, task)
        for article, facts in _analysed(paths, settings, failures):
            (target / f"{article.id}.json").write_text(render.facts_json(facts), "utf-8")
            if article.id in gold:
                judge(facts, load_gold(gold[article.id]), rules)
    found = _scorer(corpus, scorer)
    scores: Any = None
    if found is not None:
        run = subprocess.run(
            [sys.executable, str(found), str(corpus), str(target)]
            + (["--json"] if fmt is EvalFormat.json else []),
            capture_output=True,
            text=True,
            check=False,
        )
        scores = run.stdout if fmt is EvalFormat.text else json.loads(run.stdout or "null")
    if fmt is EvalFormat.json:
        print(json.dumps({"scores": scores, "by_rule": rules.rows() if by_rule else None}))
    else:
        if scores is None:
            err.print("no scorer found (give --scorer PATH): per-rule figures only")
        else:
            print(scores, end="")
        if by_rule:
            table = Table(title=f"Rules on {corpus}: least precise first")
            for col, justify in (("rule", "left"), ("made", "right"), ("right", "right")):
                table.add_column(col, justify=justify)  # type: ignore[arg-type]
            table.add_column("precision", justify="right")
            for row in rules.rows():
                table.add_row(
                    row["rule"], str(row["made"]), str(row["right"]), f"{row['precision']:.3f}"
                )
            out.print(table)
        err.print(f"facts files in {target}", highlight=False)
    if failures:
        raise typer.Exit(1)
