"""Write docs/rules.md from the rule table in src/hemiwatch/rules.py.

python scripts/rules_doc.py          # rewrite the page
python scripts/rules_doc.py --check  # exit 1 if the page is out of date (the tests run this)
"""

from __future__ import annotations

import sys
from pathlib import Path

from hemiwatch.rules import INFERRED, RULES

PAGE = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def page() -> str:
    lines = [
        "# Rules",
        "",
        "Every fact hemiwatch extracts carries the id of the rule that made it (`basis`; a",
        "quote's speaker, a number's unit and role, and a stance's target have their own). This",
        "page is generated from `src/hemiwatch/rules.py` by `python scripts/rules_doc.py`.",
        "`hemiwatch eval CORPUS --by-rule` prints each rule's precision on a gold corpus;",
        "`HEMIWATCH_DISABLE_RULES=id,prefix.*` switches rules off for an experiment, and",
        "`scripts/rule_ablation.py` checks that each rule's focused test fails without it.",
        "",
        "A part marked *inferred* was not read in the text but concluded (a pronoun's",
        "person, a target the sentence leaves open); the dashboard marks such facts.",
        "",
    ]
    group = ""
    for rule, meaning in RULES.items():
        head = rule.split(".")[0]
        if head != group:
            group = head
            lines += ["", f"## {group}", "", "| rule | what it reads | inferred |", "|---|---|---|"]
        mark = "yes" if rule.rsplit(".", 1)[-1] in INFERRED else ""
        lines.append(f"| `{rule}` | {meaning} | {mark} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    text = page()
    if "--check" in sys.argv:
        if not PAGE.exists() or PAGE.read_text("utf-8") != text:
            print(f"{PAGE} is out of date: run python scripts/rules_doc.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
