# PneumoScreen: `make run` opens the app, `make test` runs every check. Both set up what they need.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP := $(VENV)/.dev-installed

.PHONY: run test lint dist lock model eda evaluate clean translations

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Every install takes the exact versions of constraints.txt (the ones tested; `make lock`).
$(RUNTIME_STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	touch $@

$(DEV_STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev,train,build]"
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
	$(BIN)/python -m scripts.refresh_constraints --check
	$(BIN)/python -m installer.build_dist

# Rewrite constraints.txt from the versions installed in .venv. To move to newer versions:
# .venv/bin/pip install -U NAME (within pyproject's ranges), make lock, make test; commit both.
lock: | $(BIN)/python
	$(BIN)/python -m scripts.refresh_constraints

# The translators' files (resources/translations/*.ts) from the texts in desktop/, then the
# compiled .qm files the window loads (committed, so `make run` needs no build step).
translations: $(RUNTIME_STAMP)
	$(BIN)/python -m scripts.translations

# Retrain the shipped model from ../shared/data/kermany-train and export it to resources/model.
model: $(DEV_STAMP)
	$(BIN)/python -m training reproduce

eda: $(DEV_STAMP)
	$(BIN)/python -m training eda ../shared/data/kermany-train --out docs/eda

evaluate: $(DEV_STAMP)
	$(BIN)/python -m training evaluate resources/model/pneumoscreen-residual-shallow-int8.tflite \
		../shared/data/kermany-test-dev --out docs/evaluation/test-dev --title test-dev

clean:
	rm -rf $(VENV) .cache .pytest_cache .ruff_cache build dist
