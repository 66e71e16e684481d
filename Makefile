# Digitalbilanz task runner. `make demo` and `make test` are all a fresh machine needs.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
ADDR   ?= 127.0.0.1:8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/digitalbilanz

.PHONY: install vnu demo serve test test-pg lint bench bench-portal bench-soak bench-replica bench-oparl clean

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python >= 3.11 is required"'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

## The Nu HTML Checker for the HTML conformance test (npm package vnu-jar, the checker's own
## release; Java runs it). Installed below var/vnu, never globally.
VNU_VERSION ?= 26.9.27
VNU_JAR := var/vnu/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR):
	npm install --silent --no-audit --no-fund --prefix var/vnu vnu-jar@$(VNU_VERSION)

vnu: $(VNU_JAR)

## Set everything up (venv, database, Leverkusen demo) and serve on http://$(ADDR)
## (the development secret key is created in var/secret_key on first use)
demo: install
	$(VENV)/bin/digitalbilanz setup
	$(VENV)/bin/digitalbilanz demo
	@echo "Digitalbilanz läuft auf http://$(ADDR)/ (Beenden mit Strg+C)"
	$(VENV)/bin/digitalbilanz serve $(ADDR)

## Run the whole test suite (SQLite by default; set DATABASE_URL for PostgreSQL), one process
## per core (TEST_WORKERS=0 runs it in this process); each test file stays on one process
TEST_WORKERS ?= auto
test: install
	$(PY) -m django makemigrations --check --dry-run --settings=digitalbilanz.settings_test
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

test-pg: install
	DATABASE_URL="$(PG_URL)" $(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

## Lint and formatting check (ruff); `ruff format digitalbilanz bench` fixes the formatting
lint: install
	$(VENV)/bin/ruff check digitalbilanz bench
	$(VENV)/bin/ruff format --check digitalbilanz bench

bench: install
	$(PY) bench/economics.py

## Portal/API load test: 400 municipalities x 150 measures in PostgreSQL, served by gunicorn
bench-portal: install
	$(PY) bench/portal.py

## Soak test: the demo in PostgreSQL served by gunicorn, reads and API writes for SOAK_SECONDS (60)
SOAK_SECONDS ?= 60
bench-soak: install
	$(PY) bench/soak.py --seconds $(SOAK_SECONDS)

## A real streaming replica (temporary PostgreSQL primary + pg_basebackup): anonymous portal
## reads from the replica, a change on the primary reaching them, editors reading the primary
bench-replica: install
	$(PY) bench/replica.py

## OParl import: 20,000 papers with consultations from the local fake OParl server (SQLite file)
bench-oparl: install
	$(PY) bench/oparl.py

clean:
	rm -rf $(VENV) var
