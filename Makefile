# PneumoScreen: `make run` opens the app, `make test` runs every check. Both set up what they need.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP := $(VENV)/.dev-installed

.PHONY: run test lint dist model eda evaluate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNTIME_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev,train,build]"
	touch $@ $(RUNTIME_STAMP)

run: $(RUNTIME_STAMP)
	$(BIN)/pneumoscreen

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/python -m pytest

# The one-folder bundle in dist/PneumoScreen/, then dist/*.tar.gz and (where dpkg-deb is) dist/*.deb.
dist: $(DEV_STAMP)
	$(BIN)/python -m installer.build_dist

# Retrain the shipped model from ../shared/data/kermany-train and export it to resources/model.
model: $(DEV_STAMP)
	$(BIN)/python -m training reproduce

eda: $(DEV_STAMP)
	$(BIN)/python -m training eda ../shared/data/kermany-train --out docs/eda

evaluate: $(DEV_STAMP)
	$(BIN)/python -m training evaluate resources/model/pneumoscreen-compact-int8.tflite \
		../shared/data/kermany-test-dev --out docs/evaluation/test-dev --title test-dev

clean:
	rm -rf $(VENV) .cache .pytest_cache .ruff_cache build dist
