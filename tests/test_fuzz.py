"""The atheris harness for the quote and number parsers, for a bounded time (make fuzz: longer)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_quote_and_number_parsers_survive_fuzzing(tmp_path: object) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / "fuzz_extract.py"), "-max_total_time=15",
         "-rss_limit_mb=4096", "-print_final_stats=1"],
        capture_output=True, text=True, timeout=300, cwd=str(tmp_path),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Done" in done.stderr
