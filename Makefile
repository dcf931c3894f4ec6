# Two commands work on a fresh clone: `make report` and `make test`.
# Everything runs inside .venv, created here on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= outputs
JOBS ?= 2
INCIDENTS ?= default
EXAMPLES ?= tests/fixtures/crossdoc

.PHONY: install report tables test eval bench lab clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## tables: run the pipeline on seeds/ and the cross-document example corpus (tests/fixtures/crossdoc:
## 24 reports of 10 real incidents, written for claimscope) and write the tables into outputs/tables
tables: $(STAMP)
	$(BIN)/claimscope run seeds $(EXAMPLES) --out $(OUT)/tables

## report: tables, then the HTML reports and outputs/index.html; fails when the report step fails
## (INCIDENTS=all gives every incident its own page)
report: tables
	$(BIN)/claimscope report --tables $(OUT)/tables --out $(OUT) --jobs $(JOBS) --incidents $(INCIDENTS)

test: $(STAMP)
	$(BIN)/ruff check lib tests tools
	$(BIN)/mypy
	$(BIN)/python -m pytest

## eval: accuracy figures (seeds, FA-KES, UCDP-AEC, precision gold, FA-KES sources);
## DETAILS=DIR also writes per-report, per-figure and per-sentence CSVs there
eval: $(STAMP)
	$(BIN)/python -m claimscope.evaluate $(if $(DETAILS),--details $(DETAILS))

bench: $(STAMP)
	$(BIN)/python tools/bench.py --out $(OUT)/bench.json

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf $(OUT)/tables $(OUT)/.tables.claimscope $(OUT)/*.html $(OUT)/reports
