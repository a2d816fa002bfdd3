# The two entry points: `make run` (build the knowledge base, write the report, serve the
# explorer) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run serve test lint venv clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(BIN)/bilateral validate
	$(BIN)/bilateral build
	$(BIN)/bilateral summary
	$(BIN)/bilateral report --out report/aze-rus.html
	$(BIN)/bilateral serve

serve: $(STAMP)
	$(BIN)/bilateral serve

test: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
