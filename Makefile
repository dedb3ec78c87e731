# Durable Solutions Workbench — every target sets up .venv if it is missing.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-quick app bench lint typecheck screenshots package sample clean-out

$(STAMP): pyproject.toml
	@sh scripts/system-deps.sh
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/workbench demo --out out/ --fresh

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring \
	  $(BIN)/python -m pytest -n 2 -q tests

# the developer loop: everything but the tests marked slow (CONTRIBUTING.md has the timings)
test-quick: $(STAMP)
	QT_QPA_PLATFORM=offscreen PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring \
	  $(BIN)/python -m pytest -n 2 -q -m "not slow" tests

# ruff (lint + format check) and the layer contracts of pyproject.toml (import-linter), checked
# on this checkout's code (PYTHONPATH) whichever checkout the venv was installed from.
lint: $(STAMP)
	$(BIN)/ruff check workbench ui tests benchmarks
	$(BIN)/ruff format --check workbench ui tests benchmarks
	PYTHONPATH=$(CURDIR) $(BIN)/lint-imports --no-cache

typecheck: $(STAMP)
	$(BIN)/mypy

app: $(STAMP)
	$(BIN)/workbench-gui

bench: $(STAMP)
	$(BIN)/python benchmarks/import_load.py
	$(BIN)/python benchmarks/engine.py
	$(BIN)/python benchmarks/report.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/gui.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py --out out/screenshots --languages en,fr,ar

sample: $(STAMP)
	$(BIN)/workbench sample --out resources/sample --bundle

package: $(STAMP)
	@sh scripts/package-deps.sh
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	$(BIN)/python packaging/build.py

clean-out:
	rm -rf out
