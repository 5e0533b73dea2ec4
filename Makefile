# Two commands for a fresh clone: `make demo` and `make test`. Each installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install lint docs clean

demo: $(STAMP)
	$(BIN)/eventwire demo

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy

# The documentation site (docs/, mkdocs.yml), built strictly: a broken link fails.
docs: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

install: $(STAMP)

# Re-install when the package metadata changes; the stamp makes repeat runs instant.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,model]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) eventwire-demo site .pytest_cache .ruff_cache .mypy_cache
