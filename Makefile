PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
TPKIT   = $(BIN)/tpkit
EXAMPLE = examples/registry

.PHONY: demo test test-network bench fuzz lint-code schemas docs golden wheelhouse clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# `make demo`: install tpkit, lint the example registry, render it into build/ and its site into build/site/
$(VENV)/.demo-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet .
	touch $@

demo: $(VENV)/.demo-installed
	$(TPKIT) --version
	$(TPKIT) lint $(EXAMPLE)
	mkdir -p build
	$(TPKIT) render procedure --all --format docx --registry $(EXAMPLE) --output build/
	$(TPKIT) render register --format docx --registry $(EXAMPLE) --output build/register.docx
	$(TPKIT) render register --format xlsx --registry $(EXAMPLE) --output build/register.xlsx
	$(TPKIT) site --registry $(EXAMPLE) --output build/site --documents
	@echo "rendered into build/; the site: build/site/index.html"

# `make test`: dev extras, then the suite but the tests that download from a package index (`network`: the offline
# wheelhouse, pre-commit's hook environment), which .ci/run runs, and `make test-network`. Bytecode is written even
# where PYTHONDONTWRITEBYTECODE is set: every tpkit process the tests start would compile tpkit again otherwise.
$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

test: $(VENV)/.dev-installed
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -m "not network"

test-network: $(VENV)/.dev-installed
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -m network

bench: $(VENV)/.dev-installed
	$(BIN)/python bench/run.py
	$(BIN)/python bench/site.py
	$(BIN)/python bench/server_soak.py

fuzz: $(VENV)/.dev-installed
	TPKIT_FUZZ_EXAMPLES=5000 $(BIN)/python -m pytest tests -k fuzz

lint-code: $(VENV)/.dev-installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

# after a change to src/tpkit/registry/models.py: the JSON Schemas (a test checks them)
schemas: $(VENV)/.dev-installed
	$(TPKIT) schema --output schemas

# after a change that alters findings on purpose: rewrite tests/golden/ (explain the difference in the commit)
golden: $(VENV)/.dev-installed
	TPKIT_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py

docs: $(VENV)/.dev-installed
	$(TPKIT) rules --format md > docs/rules.md
	$(BIN)/python scripts/guide_rules.py

# `make wheelhouse`: dist/wheelhouse/ for a closed network: the tpkit wheel and every run-time dependency (the
# server extra too) for CPython 3.10-3.13 on Linux x86_64 and Windows x64, and install-offline.sh
# (WHEELHOUSE_TARGETS=current: this interpreter only)
wheelhouse: | $(BIN)/python
	PYTHON=$(BIN)/python scripts/wheelhouse.sh

clean:
	rm -rf $(VENV) build dist
