# Everything a fresh machine with only python3 needs: `make demo`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.installed-app
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo run test test-fast lint typecheck pytest bench clean

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
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: $(TEST_STAMP)
	$(BIN)/mypy src tests benchmarks scripts

# One worker per core (2 on the reference machine); snapshot tests run under xdist too.
pytest: $(TEST_STAMP)
	$(BIN)/pytest -n auto

# The one gate, and CI's command.
test: lint typecheck pytest

# The pure tiers only (domain, services, store, snapshot, checker): no app, no processes.
test-fast: $(TEST_STAMP)
	$(BIN)/pytest -m "not ui and not processes"

bench: $(APP_STAMP)
	$(BIN)/python -m benchmarks.store_and_export

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
