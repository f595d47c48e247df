"""Every fact knows the rule that made it (issue 18): bases, the rule table, eval --by-rule,
switching rules off, and no import cycle."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hemiwatch.models import Article, Facts
from hemiwatch.rules import RULES, inferred
from tests.conftest import ROOT, SHARED

HEMIWATCH = str(Path(sys.executable).parent / "hemiwatch")
SRC = ROOT / "src" / "hemiwatch"


def bases(facts: Facts) -> Iterator[tuple[str, str | None]]:
    """(what, basis) for every fact and every part with a basis of its own."""
    for q in facts.quotes:
        yield "quote", q.basis
        yield "speaker", q.speaker_basis
    for p in facts.people:
        yield "person", p.basis
    for c in facts.countries:
        yield "country", c.basis
    for r in facts.regions:
        yield "region", r.basis
    for n in facts.numbers:
        yield "number", n.basis
        yield "unit", n.unit_basis
        if n.role:
            yield "role", n.role_basis
    for t in facts.topics:
        yield "topic", t.basis
    for s in facts.stances:
        yield "stance", s.basis
        yield "target", s.target_basis
    for m in facts.commitments:
        yield "commitment", m.basis
    for e in facts.events:
        yield "event", e.basis
    if facts.digest:
        for t in facts.digest.takeaways:
            yield "takeaway", t.basis
        if facts.digest.headline_question:
            yield "question", facts.digest.question_basis


def test_every_dev_fact_has_a_documented_basis_issue_18(
    dev_facts: list[tuple[Article, Facts]],
) -> None:
    seen = set()
    for _, facts in dev_facts:
        for what, basis in bases(facts):
            assert basis, f"{facts.id}: a {what} without a basis"
            assert basis in RULES, f"{facts.id}: {what} basis {basis!r} is not in hemiwatch.rules"
            seen.add(basis)
    assert {"quote.direct.verb", "speaker.name", "person.ner", "country.name"} <= seen


def test_the_rules_page_is_generated_from_the_table() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "rules_doc.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.rule("stance.target.most_named")
def test_a_guessed_target_is_marked_inferred_issue_18(facts_of: Callable[[str], Facts]) -> None:
    facts = facts_of(
        "Haiti asked its neighbours for help against the gangs on Monday. Haiti's police chief "
        "said Haiti needed ships.\n\nBrazil sent a frigate on Tuesday."
    )
    guessed = [s for s in facts.stances if s.actor == "BR"]
    assert guessed and guessed[0].target == "HT"
    assert guessed[0].target_basis == "stance.target.most_named" and guessed[0].inferred
    assert inferred("speaker.pronoun") and not inferred("speaker.name")


def test_a_rule_switched_off_makes_no_facts(
    facts_of: Callable[[str], Facts], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Venezuelan officials met Colombian envoys in Bogotá on Monday."
    assert {c.code for c in facts_of(text).countries} == {"VE", "CO"}
    monkeypatch.setenv("HEMIWATCH_DISABLE_RULES", "country.demonym")
    assert facts_of(text).countries == []
    monkeypatch.setenv("HEMIWATCH_DISABLE_RULES", "country.*")
    assert facts_of(text).countries == []


def test_eval_by_rule_prints_per_rule_precision_issue_18(tmp_path: Path) -> None:
    corpus = SHARED / "corpus" / "dev"
    done = subprocess.run(
        [HEMIWATCH, "eval", str(corpus), "--by-rule", "--format", "json", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    result = json.loads(done.stdout)
    assert result["scores"]["quotes_direct_span"]["f1"] >= 0.97  # the shared scorer ran
    rows = {r["rule"]: r for r in result["by_rule"]}
    assert rows["speaker.name"]["made"] >= 5 and rows["speaker.name"]["precision"] >= 0.9
    assert all(r["rule"] in RULES for r in result["by_rule"])
    assert len(list(tmp_path.glob("*.json"))) == 15
    text = subprocess.run(
        [HEMIWATCH, "eval", str(corpus), "--by-rule"],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
        env={**os.environ, "COLUMNS": "120"},
    ).stdout
    assert "quotes_direct_attributed" in text and "precision" in text


def _imports(path: Path, module: str) -> set[str]:
    """The hemiwatch modules a module imports at load time (not under TYPE_CHECKING, not
    inside functions)."""
    tree = ast.parse(path.read_text("utf-8"))
    out: set[str] = set()
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("hemiwatch")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            if base.startswith("hemiwatch"):
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    out.add(sub if (SRC.parent / (sub.replace(".", "/") + ".py")).exists()
                            or (SRC.parent / sub.replace(".", "/")).is_dir() else base)  # fmt: skip
    return out


def test_no_import_cycle_in_the_package_issue_18() -> None:
    modules: dict[str, Path] = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC.parent).with_suffix("")
        name = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        modules[name] = path
    graph = {m: {i for i in _imports(p, m) if i in modules and i != m} for m, p in modules.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt) :], nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
