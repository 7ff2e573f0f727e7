# The two commands of the README: `make run` and `make test`. Everything they need is installed here.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: setup run test test-fast bench quality clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	$(PY) -m compileall -q core corpus ingest nlp search_app maslihat > /dev/null
	touch $@

run: setup
	$(VENV)/bin/maslihat serve --sample --port $(PORT)

test: setup
	sh scripts/install_system.sh
	$(PY) -m pytest -q -p no:cacheprovider
	$(PY) scripts/run_notebooks.py

test-fast: setup
	$(PY) -m pytest -q -p no:cacheprovider -m "not browser and not elasticsearch"

quality: setup
	$(PY) ../shared/scripts/score_corpus.py ../shared/corpus/dev --maslihat $(VENV)/bin/maslihat

clean:
	rm -rf $(VENV) build *.egg-info test-artifacts
