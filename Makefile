# Two entry points, both doing their own set-up on a fresh machine:
#   make demo   – the whole job on the bundled sample plans, into out/
#   make test   – the test suite, with a real Neo4j and headless Chromium where they can be had
VENV ?= .venv
PY := $(VENV)/bin/python
OUT ?= out

.PHONY: demo test lint setup system-deps neo4j-start neo4j-stop bench clean

demo: setup
	$(VENV)/bin/zeren demo -o $(OUT)

test: setup system-deps
	@bash scripts/run-tests

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	bash scripts/typecheck

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

# Chromium for the browser tests and a CJK font for charts; needs root (skipped otherwise).
system-deps:
	@bash scripts/system-deps

neo4j-start:
	bash scripts/neo4j-server start

neo4j-stop:
	bash scripts/neo4j-server stop

# One run, every stage: extraction beside a naive regex and the floor, start-up, saved-graph
# queries, push and queries on both backends. Bigger runs: make bench BENCH_ARGS="--docs 20000 --sizes 10k 100k 1M
# --import-size 1M" (at 1M, a server started with ZEREN_NEO4J_HEAP=8g: see README, Benchmarks)
BENCH_ARGS ?=
bench: setup
	@# byte-compile as a wheel install does, so start-up is not timed with compiling (PYTHONDONTWRITEBYTECODE may be set)
	$(PY) -m compileall -q zeren loaders graph queries viz
	$(PY) benchmarks/bench_all.py $(BENCH_ARGS)
	$(PY) benchmarks/viz_bench.py
	$(PY) benchmarks/adversarial.py --max-kb 256 --budget 20

clean:
	rm -rf $(OUT) test-output .pytest_cache
