# newswire: two commands on a fresh clone -- `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)

.PHONY: demo test unit integration lint typecheck schemas docs install clean bench-fetcher bench-extraction bench-events bench-sink

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q -c constraints.txt -e '.[test]'
	$(PY) -m services.extractor.events.places build
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/newswire demo

# The import-linter contracts and the JSON Schema drift check run inside pytest.
test: $(STAMP)
	$(VENV)/bin/ruff check newswire schemas services tests scripts bench examples
	$(VENV)/bin/mypy
	$(PY) -m pytest

unit: $(STAMP)
	$(PY) -m pytest tests/unit

integration: $(STAMP)
	$(PY) -m pytest tests/integration

lint: $(STAMP)
	$(VENV)/bin/ruff check newswire schemas services tests scripts bench examples
	$(VENV)/bin/ruff format --check newswire schemas services tests scripts bench examples

typecheck: $(STAMP)
	$(VENV)/bin/mypy

bench-fetcher: $(STAMP)
	$(PY) scripts/bench_fetcher.py

# Needs ../shared/bench-data/extraction (the benchmark data is not copied into the project).
bench-extraction: $(STAMP)
	$(PY) bench/extraction.py --variants traf-nocomments,traf-precision,traf-recall

schemas: $(STAMP)
	$(VENV)/bin/newswire schemas export

# docs/configuration.md from the settings' descriptions (a unit test fails when it drifts).
docs: $(STAMP)
	$(PY) -m services.common.settings_docs > docs/configuration.md

clean:
	rm -rf $(VENV) demo-output .pytest_cache

# Needs ../shared/bench-data/events/wikievents and ../shared/gold (not copied into the project).
bench-events: $(STAMP)
	$(PY) bench/events.py

bench-sink: $(STAMP)
	$(PY) scripts/bench_sink.py
