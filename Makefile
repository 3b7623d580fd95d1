# newswire: two commands on a fresh clone -- `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)

.PHONY: demo test unit integration chaos lint typecheck schemas docs install clean bench-fetcher bench-extraction bench-events bench-sink bench-commands bench-linker bench-soak bench-ui chromium train-gate

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q -c constraints.txt -e '.[test]'
	$(PY) -m services.extractor.events.places build
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/newswire demo

# The UI's browser tests drive Debian's Chromium (Playwright's own download does not work here).
chromium:
	@test -x /usr/bin/chromium || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; \
		else echo "the browser tests need /usr/bin/chromium: sudo apt-get install chromium"; exit 1; fi; }

# The import-linter contracts and the JSON Schema drift check run inside pytest.
test: $(STAMP) chromium
	$(VENV)/bin/ruff check newswire schemas services tests scripts bench examples
	$(VENV)/bin/mypy
	$(PY) -m pytest

unit: $(STAMP)
	$(PY) -m pytest tests/unit

integration: $(STAMP)
	$(PY) -m pytest tests/integration

# The chaos suite (tests/chaos): the whole pipeline under kills, pauses, a broker crash, a bad
# network, bad disks and rebalances, with the loss/duplicate oracle; prints one line per scenario.
# CI runs it at reduced scale (`make chaos CHAOS_PAGES=60 CHAOS_HOSTS=4`).
CHAOS_PAGES ?= 200
CHAOS_HOSTS ?= 10
chaos: $(STAMP)
	rm -f chaos-output/report.jsonl
	CHAOS_PAGES=$(CHAOS_PAGES) CHAOS_HOSTS=$(CHAOS_HOSTS) CHAOS_REPORT=chaos-output/report.jsonl \
		$(PY) -m pytest tests/chaos -m chaos -q; status=$$?; \
		$(PY) -m tests.chaos.report chaos-output/report.jsonl; exit $$status

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
	rm -rf $(VENV) demo-output chaos-output .pytest_cache

# Needs ../shared/bench-data/events/wikievents and ../shared/gold (not copied into the project).
bench-events: $(STAMP)
	$(PY) bench/events.py

# Retrain the event extractor's record gate (services/extractor/events/data/record_gate.json) from
# the read labelled sets; needs ../shared/gold and scikit-learn (installed here, not by `install`).
train-gate: $(STAMP)
	$(PIP) install -q -c constraints.txt -e '.[train]'
	$(PY) scripts/train_record_gate.py

# newswire ui over 100,000 generated events: p50/p95 of the map and table requests, start-up, RSS.
bench-ui: $(STAMP)
	$(PY) bench/ui.py

bench-sink: $(STAMP)
	$(PY) scripts/bench_sink.py

# Whole-process benchmarks beside their baselines (bench/commands.py; docs/benchmarks.md has the
# tables): newswire extract against a trafilatura loop, the extractor service on a filled topic
# (one and two processes) against one loop, newswire run over a local site against a bare loop.
bench-commands: $(STAMP)
	$(PY) bench/commands.py extract
	$(PY) bench/commands.py extractor
	$(PY) bench/commands.py pipeline

# The linker with 10,000 / 100,000 / 1,000,000 events in its state.
bench-linker: $(STAMP)
	$(PY) bench/linker.py

# 100,000 pages through `newswire run`: every process's memory, nothing lost, nothing twice (about 1.5 h).
bench-soak: $(STAMP)
	$(PY) bench/soak.py
