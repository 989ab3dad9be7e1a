# storyline: `make run` installs into .venv and builds the bundled corpus; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= out

.PHONY: run test install clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "storyline needs Python >= 3.11 (set PYTHON=python3.11)")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@echo "Building the gazetteer cache (once per install)..."
	$(BIN)/python -c 'from storyline.geo import gazetteer; gazetteer()'
	@touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/storyline build -o $(OUT)
	@echo "Open $(OUT)/report.html (timeline: $(OUT)/timeline.json, run report: $(OUT)/run.json)"

test: install
	$(BIN)/python -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests"; exit 1; fi; exit $$status

clean:
	rm -rf $(OUT) .pytest_cache build *.egg-info src/*.egg-info
