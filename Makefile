# Two entry points do all set-up on a fresh machine:
#   make check   the consistency report over seeds/ with the claims/ ledger
#   make test    the test suite (installs test extras, and chromium for the browser test where it can)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: check extract test bench startup scale eval lint clean screenshot bench-archive

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# the distribution was called "factcheck" before it became factcheck-numbers: drop the old one
	$(PY) -m pip uninstall -q -y factcheck 2>/dev/null || true
	$(PY) -m pip install -q -e '.[test,bench]'
	rm -f $(VENV)/.installed-* && touch $@

check: $(STAMP)
	$(PY) -m factcheck check seeds

extract: $(STAMP)
	$(PY) -m factcheck extract seeds

test: $(STAMP)
	bash scripts/install-browser.sh || true
	bash scripts/install-java.sh || true
	# -m "": every test, the slow ones too (a bare pytest leaves out those marked slow)
	$(PY) -m pytest -m ""
	$(PY) -m ruff check factcheck tests benchmarks
	$(PY) -m mypy

lint: $(STAMP)
	$(PY) -m ruff check factcheck tests benchmarks
	$(PY) -m mypy

eval: $(STAMP)
	$(PY) benchmarks/newsquant_eval.py

bench: $(STAMP)
	$(PY) benchmarks/speed.py
	$(PY) benchmarks/perdoc.py
	$(PY) benchmarks/scaling.py
	$(PY) benchmarks/startup.py

bench-archive: $(STAMP)
	$(PY) benchmarks/archive_backends.py
	$(PY) benchmarks/archive_scale.py

startup: $(STAMP)
	$(PY) benchmarks/startup.py

# check of 165 to 5,000 replicated real articles (needs ../shared; the largest size takes minutes)
scale: $(STAMP)
	$(PY) benchmarks/scale.py

screenshot: $(STAMP)
	bash scripts/install-browser.sh
	FACTCHECK_SCREENSHOT_DIR=docs $(PY) -m pytest -q tests/test_review.py -k keyboard

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build dist *.egg-info
