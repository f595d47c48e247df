"""Switch each rule off in turn and check that one of its focused tests fails.

    python scripts/rule_ablation.py                 # every rule of src/hemiwatch/rules.py
    python scripts/rule_ablation.py speaker.pronoun # some of them

A test names the rules it guards with @pytest.mark.rule("id", ...). For each rule this runs
those tests with HEMIWATCH_DISABLE_RULES=id and reports: "fails" (good: the rule is needed
and tested), "passes" (the tests do not notice the rule), or "no test". Exit 1 unless every
rule asked for fails as it should.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hemiwatch.rules import RULES

ROOT = Path(__file__).resolve().parent.parent


def run(rule: str) -> str:
    env = {**os.environ, "HEMIWATCH_DISABLE_RULES": rule}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "--rule", rule],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode == 5:
        return "no test"
    return "fails" if done.returncode == 1 else "passes"


def main() -> int:
    wanted = sys.argv[1:] or list(RULES)
    bad = 0
    for rule in wanted:
        verdict = run(rule)
        bad += verdict != "fails"
        print(f"{rule:36s} {verdict}", flush=True)
    print(f"{len(wanted) - bad} of {len(wanted)} rules have a focused test that fails without them")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
