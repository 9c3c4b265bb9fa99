"""The saved-query registry: every query is a .py/.cypher pair with the same parameters and columns."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest

from zeren import queries
from zeren.queries import GROUPS, QUERIES, run_query
from zeren.queries._run import query_params

HERE = Path(queries.__file__).resolve().parent


def test_every_py_has_its_cypher_and_back():
    py = {p.stem for p in HERE.glob("*.py") if not p.stem.startswith("_")}
    cy = {p.stem for p in HERE.glob("*.cypher")}
    assert py == cy == set(QUERIES)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_cypher_parameters_are_the_keywords(name):
    _, func, path = QUERIES[name]
    text = path.read_text(encoding="utf-8")
    assert set(re.findall(r"\$([A-Za-z_]\w*)", text)) == set(query_params(func))


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_empty_graph_gives_the_fixed_columns(name):
    params = {"agency": {"agency": "x"}, "compare": {"left": "a", "right": "b"}}.get(name, {})
    df = run_query(name, nx.MultiDiGraph(), **params)
    assert df.empty
    assert list(df.columns) == list(queries.module_of(name).COLUMNS)


@pytest.mark.parametrize("module", ["zeren.queries", "zeren.queries.gaps_untargeted"])
def test_docstring_examples_run(module):
    import doctest
    import importlib

    failed, tried = doctest.testmod(importlib.import_module(module))
    assert (failed, tried > 0) == (0, True)


def test_descriptions_and_groups():
    assert all(desc and "\n" not in desc for desc, _, _ in QUERIES.values())
    assert set(GROUPS) == {"hotspots", "gaps"}
    assert all(n in QUERIES for names in GROUPS.values() for n in names)
    assert sorted(GROUPS["gaps"]) == sorted(n for n in QUERIES if n.startswith("gaps_"))
