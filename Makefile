PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
TPKIT   = $(BIN)/tpkit
EXAMPLE = examples/registry

.PHONY: demo test bench fuzz lint-code schemas docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# `make demo`: install tpkit, lint the example registry, render it into build/
$(VENV)/.demo-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet .
	touch $@

demo: $(VENV)/.demo-installed
	$(TPKIT) --version
	$(TPKIT) lint $(EXAMPLE)
	@if $(TPKIT) render --help >/dev/null 2>&1; then \
		mkdir -p build && \
		(cd $(EXAMPLE) && ../../$(TPKIT) render procedure --all --format docx --output ../../build/) && \
		(cd $(EXAMPLE) && ../../$(TPKIT) render register --format docx --output ../../build/register.docx) && \
		(cd $(EXAMPLE) && ../../$(TPKIT) render register --format xlsx --output ../../build/register.xlsx) && \
		echo "rendered into build/"; \
	fi

# `make test`: dev extras, then the whole suite
$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

test: $(VENV)/.dev-installed
	$(BIN)/python -m pytest

bench: $(VENV)/.dev-installed
	$(BIN)/python bench/run.py

fuzz: $(VENV)/.dev-installed
	TPKIT_FUZZ_EXAMPLES=5000 $(BIN)/python -m pytest tests -k fuzz

lint-code: $(VENV)/.dev-installed
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

schemas: $(VENV)/.dev-installed
	$(TPKIT) schema --output schemas

docs: $(VENV)/.dev-installed
	$(TPKIT) rules --format md > docs/rules.md

clean:
	rm -rf $(VENV) build dist
