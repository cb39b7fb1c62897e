# Kinerja — two commands for a fresh Debian 12 / Ubuntu 24.04 machine:
#   make demo   load the Towuti 2024 sample, print its figures, serve the site
#   make test   the whole suite, on SQLite and again on PostgreSQL
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/kinerja
SERVE ?= 1

.PHONY: demo test test-sqlite test-postgres lint bench clean chromium

$(STAMP): pyproject.toml scripts/bootstrap.sh
	sh scripts/bootstrap.sh $(VENV)
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/kinerja demo $(if $(filter 0,$(SERVE)),--tanpa-server,)

test: lint chromium test-sqlite test-postgres

# Debian's Chromium for the browser test (never `playwright install`).
chromium:
	sh scripts/chromium.sh

test-sqlite: $(STAMP)
	env -u DATABASE_URL $(BIN)/pytest

test-postgres: $(STAMP)
	sh scripts/postgres.sh
	DATABASE_URL=$(PG_URL) $(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)
	env -u DATABASE_URL $(BIN)/python -m bench

clean:
	rm -rf $(VENV) data/ out/ .pytest_cache
