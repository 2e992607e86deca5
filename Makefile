# Two commands set everything up on a fresh Debian/Ubuntu machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SAMPLE := samples/dossiers/visa-d-employee
# The bundled sample is made for this appointment date (see its dossier.yaml).
export OMP_THREAD_LIMIT := 1

.PHONY: all run test bench lint system venv clean

all: run

system:
	@WITH_BROWSER=$(WITH_BROWSER) ./scripts/install-system-deps.sh

$(STAMP): pyproject.toml generator/pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip
	@$(PY) -m pip install -q -e '.[dev]'
	@$(PY) -m pip install -q --no-deps -e generator  # the sample generator: tests and benches only
	@touch $(STAMP)

venv: system $(STAMP)
	@# Byte-code compiled as a wheel install does (an editable install under PYTHONDONTWRITEBYTECODE would
	@# compile every module at every start: ~50 ms of a cached re-run). Only changed files are redone.
	@$(PY) -m compileall -q src >/dev/null

run: venv
	$(VENV)/bin/dossiercheck check $(SAMPLE) || test $$? -eq 1

test: WITH_BROWSER=1
test: venv
	$(PY) -m pytest -n 2 --dist loadfile -q

bench: venv
	$(PY) bench/run.py
	$(PY) bench/real/build.py
	$(PY) bench/real/run.py  # real published wordings, tuning and holdout reported apart
	$(PY) bench/specimens/materialise.py  # skips, saying how, when the specimen repositories are not fetched
	$(PY) bench/specimens/run.py

lint: venv
	$(VENV)/bin/ruff check src tests bench generator
	$(VENV)/bin/mypy src
	$(VENV)/bin/lint-imports  # the import contract in pyproject.toml: stages import only earlier stages

clean:
	rm -rf $(VENV) .pytest_cache .cache
