"""The installed `hemiwatch` command, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REFERENCE_ID

HEMIWATCH = str(Path(sys.executable).parent / "hemiwatch")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [HEMIWATCH, *args], capture_output=True, text=True, input=stdin, timeout=300
    )


@pytest.fixture(scope="module")
def reference_path(dev_corpus: Path) -> str:
    return str(dev_corpus / "articles" / f"{REFERENCE_ID}.json")


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("analyze", "export-facts", "quotes"):
        assert command in result.stdout


def test_analyze_facts_format_is_the_facts_file(reference_path: str) -> None:
    result = run("analyze", reference_path, "--format", "facts")
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert set(facts) >= {"id", "quotes", "countries", "people", "numbers"}
    assert facts["countries"] == ["HT", "US", "VE"]


def test_analyze_json_has_evidence_spans(reference_path: str) -> None:
    result = run("analyze", reference_path, "--format", "json")
    data = json.loads(result.stdout)
    text = data["article"]["text"]
    quote = data["facts"]["quotes"][0]
    assert text[quote["span"][0] : quote["span"][1]] == quote["text"]


def test_analyze_text_and_markdown(reference_path: str) -> None:
    text = run("analyze", reference_path)
    assert text.returncode == 0 and "Marco Rubio" in text.stdout
    md = run("analyze", reference_path, "--format", "markdown")
    assert md.stdout.startswith("# Is the United States Renewing")  # the digest's question
    sections = [line for line in md.stdout.splitlines() if line.startswith("## ")]
    assert sections[:3] == ["## Synopsis", "## Key Takeaways", "## Facts"]
    assert "## Quotes" in sections
    assert "Original headline: Is the US Renewing" in md.stdout


def test_analyze_reads_stdin() -> None:
    story = "Border talks\n\n“We agreed on the plan,” Interior Minister Rosa Vela said in Quito."
    result = run("analyze", "-", "--format", "facts", stdin=story)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["quotes"][0]["speaker"] == "Rosa Vela"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("mixed.txt", "Título\n\nCañón".encode("latin-1") + b"\x81\x9d", "not valid UTF-8"),
    ],
)
def test_bad_input_is_one_clear_line(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = run("analyze", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert name in result.stderr and reason in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_huge_file_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    result = run("analyze", str(path))
    assert result.returncode == 1 and "too large" in result.stderr
    assert "Traceback" not in result.stderr


def test_folder_without_articles(tmp_path: Path) -> None:
    result = run("export-facts", str(tmp_path), str(tmp_path / "out"))
    assert result.returncode == 2 and "no articles found" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_facts_skips_bad_articles_and_goes_on(tmp_path: Path, reference_path: str) -> None:
    corpus = tmp_path / "corpus" / "articles"
    corpus.mkdir(parents=True)
    (corpus / "good.json").write_text(Path(reference_path).read_text("utf-8"), "utf-8")
    (corpus / "broken.json").write_text('{"id": "broken", "text": ', "utf-8")
    (corpus / "empty.txt").write_text("", "utf-8")
    (corpus / "later.txt").write_text("Title\n\nVenezuela and Colombia met in Bogotá.", "utf-8")
    out = tmp_path / "out"
    result = run("export-facts", str(tmp_path / "corpus"), str(out))
    assert result.returncode == 1
    assert "broken.json" in result.stderr and "empty.txt" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{REFERENCE_ID}.json", "later.json"])
    assert json.loads((out / "later.json").read_text())["countries"] == ["CO", "VE"]


def test_quotes_command(reference_path: str) -> None:
    result = run("quotes", reference_path, "--format", "json")
    quotes = json.loads(result.stdout)
    assert sum(q["kind"] == "direct" for q in quotes) == 7
    assert all(q["speaker"] == "Marco Rubio" for q in quotes)
    table = run("quotes", reference_path)
    assert "Marco Rubio" in table.stdout
