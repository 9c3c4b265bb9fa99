"""One entry point for every saved query, on NetworkX or on Neo4j.

The Cypher text is read from ``queries/<name>.cypher`` and run with every
keyword of the Python function as a parameter (defaults filled in), so both
backends see the same parameters. A module may define ``from_cypher(df,
**params)`` for a last step done in Python on the rows Cypher returns (used
where Neo4j community has no equivalent, e.g. betweenness).
"""

from __future__ import annotations

import inspect
from pathlib import Path
from types import ModuleType
from typing import Any

import networkx as nx
import pandas as pd

from zeren.errors import BackendError, QueryError
from zeren.gcpause import collector_paused
from zeren.queries._common import frame

__all__ = ["run_query", "query_params", "cypher_text"]

HERE = Path(__file__).resolve().parent


def query_params(func) -> dict[str, Any]:
    """The keyword parameters of a query function and their defaults."""
    return {
        name: p.default
        for name, p in inspect.signature(func).parameters.items()
        if p.kind is inspect.Parameter.KEYWORD_ONLY
    }


def cypher_text(name: str) -> str:
    return (HERE / f"{name}.cypher").read_text(encoding="utf-8")


def _coerce(name: str, func, key: str, value: Any) -> Any:
    """Text from a command line becomes the number the keyword is annotated with, on both backends."""
    annotation = str(inspect.signature(func).parameters[key].annotation)
    if not isinstance(value, str):
        return value
    for typ in (int, float):
        if typ.__name__ in annotation.replace("|", " ").split():
            try:
                return typ(value)
            except ValueError as err:
                raise QueryError(f"query {name!r}: {key} must be a number, not {value!r}") from err
    return value


def _bind(name: str, func, params: dict[str, Any]) -> dict[str, Any]:
    known = query_params(func)
    unknown = sorted(set(params) - set(known))
    if unknown:
        allowed = ", ".join(known) or "none"
        raise QueryError(f"query {name!r} has no parameter {unknown[0]!r} (parameters: {allowed})")
    return {**known, **{k: _coerce(name, func, k, v) for k, v in params.items()}}


def run_query(
    name: str,
    source: nx.MultiDiGraph | Any,
    *,
    backend: str = "networkx",
    database: str | None = None,
    **params: Any,
) -> pd.DataFrame:
    """Run the saved query ``name`` on a graph (``backend="networkx"``) or a Neo4j driver.

    Both return the same columns, rows and order for the same graph.
    """
    from zeren.queries import QUERIES, module_of

    if name not in QUERIES:
        raise QueryError(f"no saved query {name!r} (known: {', '.join(sorted(QUERIES))})")
    _, func, _ = QUERIES[name]
    bound = _bind(name, func, params)
    check = getattr(module_of(name), "validate", None)
    if check is not None:
        try:
            check(**bound)
        except ValueError as err:
            raise QueryError(f"query {name!r}: {err}") from err
    if backend == "networkx":
        if not isinstance(source, nx.MultiDiGraph):
            raise QueryError(f"backend 'networkx' needs a networkx MultiDiGraph, not {type(source).__name__}")
        try:
            with collector_paused():
                return func(source, **bound)
        except (TypeError, ValueError) as err:
            raise QueryError(f"query {name!r}: bad parameter value ({err})") from err
    if backend == "neo4j":
        with collector_paused():
            return _run_cypher(name, module_of(name), source, bound, database)
    raise QueryError(f"unknown backend {backend!r} (use 'networkx' or 'neo4j')")


def _run_cypher(name: str, mod: ModuleType, driver, params: dict[str, Any], database: str | None):
    import neo4j
    from neo4j.exceptions import ClientError, Neo4jError, ServiceUnavailable, SessionExpired

    if not isinstance(driver, neo4j.Driver):
        raise QueryError(f"backend 'neo4j' needs a neo4j Driver, not {type(driver).__name__}")

    def work(tx):
        result = tx.run(cypher_text(name), params)
        return result.keys(), [r.values() for r in result]

    try:
        # Warnings such as "null value eliminated in set function" are expected here.
        with driver.session(database=database, notifications_min_severity="OFF") as session:
            keys, values = session.execute_read(work)
    except (ServiceUnavailable, SessionExpired) as err:
        raise BackendError(f"Neo4j is not reachable: {err}") from err
    except ClientError as err:
        raise QueryError(f"query {name!r} refused by Neo4j: {err.message}") from err
    except Neo4jError as err:
        raise BackendError(f"Neo4j failed on query {name!r}: {err.message}") from err
    df = pd.DataFrame(values, columns=list(keys))
    post = getattr(mod, "from_cypher", None)
    if post is not None:
        return post(df, **params)
    if list(keys) != list(mod.COLUMNS):
        raise QueryError(f"{name}.cypher returned columns {list(keys)}, expected {list(mod.COLUMNS)}")
    return frame(df.to_dict("records"), mod.COLUMNS)
