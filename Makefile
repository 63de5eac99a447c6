# Everything a fresh machine with only python3 needs: `make demo`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.installed-app
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo run test test-fast lint typecheck pytest bench soak clean browser browser-test

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
test: lint typecheck browser pytest

# The pure tiers only (domain, services, store, snapshot, checker): no app, no processes.
test-fast: $(TEST_STAMP)
	$(BIN)/pytest -m "not ui and not processes"

bench: $(TEST_STAMP)
	$(BIN)/python -m benchmarks.bench

# The long fault campaign (a few minutes; not part of `make test`, which runs the short one).
soak: $(APP_STAMP)
	$(BIN)/python -m benchmarks.soak

# The browser tests drive Debian's Chromium through playwright (in the test extra; it
# downloads no browser). `make test` installs Chromium when it can (root with apt-get);
# elsewhere it says so and those tests are skipped with the reason shown.
browser: $(TEST_STAMP)
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    (apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null) \
	      || echo "warning: chromium could not be installed; the browser tests will be skipped"; \
	  else echo "warning: chromium is not installed (needs root and apt-get); the browser tests will be skipped"; fi; }

browser-test: browser
	$(BIN)/pytest tests/browser -rs

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
