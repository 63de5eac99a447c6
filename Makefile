# Everything a fresh machine with only python3 needs: `make demo`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.installed-app
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo run test lint typecheck pytest bench soak clean browser-test-deps browser-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(APP_STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install -q -c constraints.txt -e .
	touch $@

$(TEST_STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test]'
	touch $@ $(APP_STAMP)

demo: $(APP_STAMP)
	$(BIN)/itsms-tui --demo

run: $(APP_STAMP)
	$(BIN)/itsms-tui

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(TEST_STAMP)
	$(BIN)/mypy src

pytest: $(TEST_STAMP)
	$(BIN)/pytest

test: lint typecheck pytest

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/bench.py

# The long fault campaign (a few minutes; not part of `make test`, which runs the short one).
soak: $(APP_STAMP)
	$(BIN)/python benchmarks/soak.py

# The browser test of `itsms-tui serve`: Debian's Chromium, driven by playwright (which
# uses that browser; it downloads none). Without them tests/browser is skipped, with why.
browser-test-deps: $(TEST_STAMP)
	command -v chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium)
	$(BIN)/python -m pip install -q -c constraints.txt playwright

browser-test: browser-test-deps
	$(BIN)/pytest tests/browser -rs

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
