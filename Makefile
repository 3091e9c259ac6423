# Zhangban — the two commands are `make run` and `make test`; the rest help them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
MOCK_PORT ?= 8001

.PHONY: run test lint format openapi openapi-check messages migrate demo-data clean
.PHONY: types types-check
.PHONY: client demo

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall when the dependency list changes.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Local secrets for the embedded default; never committed (.gitignore).
.env: | $(STAMP)
	$(PY) scripts/bootstrap_env.py .env

# Compiled translations are built, not committed.
messages: $(STAMP)
	$(VENV)/bin/pybabel compile --use-fuzzy -D django -d backend/locale --statistics 2>&1 | tail -n 2

migrate: $(STAMP) .env messages
	$(PY) manage.py migrate --noinput

demo-data: migrate
	$(PY) manage.py seed_demo
	$(PY) manage.py seed_catalog
	$(PY) manage.py seed_certificate_types

# Serves HTTP and websockets on $(HOST):$(PORT) (SQLite, in-memory channels, eager Celery,
# console SMS/e-mail) with the sandbox providers of mobile_mock on $(MOCK_PORT).
run: demo-data
	$(PY) scripts/run_embedded.py --host $(HOST) --port $(PORT) --mock-port $(MOCK_PORT)

test: $(STAMP) .env messages
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

openapi: $(STAMP) .env messages
	$(PY) scripts/openapi.py write

openapi-check: $(STAMP) .env messages
	$(PY) scripts/openapi.py check

# TypeScript types for app and mini-program developers (openapi/README.md), from the committed
# contract; npm ci installs the pinned generator and compiler of package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

types: node_modules/.installed
	node openapi/types/generate.mjs

# Fails when the committed types are stale, or when they or the examples stop compiling.
types-check: node_modules/.installed
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	node openapi/types/generate.mjs "$$tmp" && \
	for f in api.ts events.ts; do \
	  diff -u openapi/types/$$f "$$tmp/$$f" > "$$tmp/$$f.diff" || { head -n 40 "$$tmp/$$f.diff"; \
	    echo "openapi/types/$$f is stale: run make types" >&2; exit 1; }; \
	done
	node_modules/.bin/tsc -p openapi/examples/tsconfig.wechat.json
	node_modules/.bin/tsc -p openapi/examples/tsconfig.alipay.json
	node_modules/.bin/tsc -p mobile_mock/h5/tsconfig.json

# The Python client of the public API (build/zhangban_client, git-ignored), generated from the
# committed contract by openapi-python-client; the resident simulator uses nothing else.
client: $(STAMP)
	$(PY) scripts/demo_client.py

# The whole 查缴办 journey: regenerates the client, then runs the resident simulator against the
# backend and the sandbox providers on a throw-away SQLite database (scripts/demo.py). Exits 0
# only if every step did what it should; stops everything it started.
demo: $(STAMP) .env messages
	$(PY) scripts/demo.py

clean:
	rm -rf $(VENV) .env db.sqlite3 media build
