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

clean:
	rm -rf $(VENV) .env db.sqlite3 media
