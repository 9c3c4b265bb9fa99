"""Writing a Zeren graph to Neo4j: connect, push (idempotent), clear.

Nodes get the label of their kind and keep every attribute as a property,
unique per label on ``id``; edges become relationships of their kind, MERGEd
on (start, end, type), so pushing twice — or again after an interrupted push —
leaves exactly one copy. Writes run as managed transactions
(``session.execute_write``) in batches of ``UNWIND $rows``, so the driver
retries transient failures. Every user value travels as a parameter; labels
and relationship types come only from the schema constants.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import networkx as nx

from zeren.errors import BackendError
from zeren.graph.schema import EDGE_KINDS, NODE_KINDS

__all__ = ["connect", "push_graph", "clear_graph", "count_graph", "DEFAULT_URI", "DEFAULT_USER"]

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def connect(uri: str | None = None, user: str | None = None, password: str | None = None):
    """A verified ``neo4j.Driver``; settings default to ``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD``.

    Raises BackendError when the server is down, the URI is wrong or the
    credentials are refused. The password is never logged or shown.
    """
    import neo4j
    from neo4j.exceptions import AuthError, ConfigurationError, Neo4jError, ServiceUnavailable

    uri = uri or os.environ.get("NEO4J_URI") or DEFAULT_URI
    user = user or os.environ.get("NEO4J_USER") or DEFAULT_USER
    password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
    auth = (user, password) if password is not None else None
    scheme = uri.partition("://")[0]
    if scheme not in _SCHEMES:
        raise BackendError(f"bad Neo4j URI {uri!r}: the scheme must be one of {', '.join(_SCHEMES)}")
    try:
        # Warnings (a type not yet created, nulls skipped by an aggregate) are expected, not news.
        driver = neo4j.GraphDatabase.driver(
            uri, auth=auth, connection_timeout=10, notifications_min_severity="OFF"
        )
    except (ConfigurationError, ValueError) as err:
        raise BackendError(f"bad Neo4j URI {uri!r}: {err}") from err
    try:
        driver.verify_connectivity()
    except AuthError as err:
        driver.close()
        raise BackendError(
            f"Neo4j at {uri} refused the credentials of user {user!r} (check NEO4J_USER/NEO4J_PASSWORD)"
        ) from err
    except (ServiceUnavailable, OSError) as err:
        driver.close()
        raise BackendError(f"Neo4j is not reachable at {uri} (is the server running?)") from err
    except Neo4jError as err:
        driver.close()
        raise BackendError(f"Neo4j at {uri} refused the connection: {err.message}") from err
    return driver


def _value(v: Any) -> Any:
    """A property value Neo4j can store: lists of scalars stay lists; anything nested becomes JSON."""
    if isinstance(v, (str, bool, int, float)):
        return v
    if isinstance(v, (list, tuple, set, frozenset)):
        items = sorted(v) if isinstance(v, (set, frozenset)) else list(v)
        if all(isinstance(x, str) for x in items) or all(
            isinstance(x, (int, float)) and not isinstance(x, bool) for x in items
        ):
            return items
        return json.dumps(items, ensure_ascii=False, default=str)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, default=str)
    return str(v)


def _props(attrs: dict) -> dict:
    return {k: _value(v) for k, v in attrs.items() if v is not None and k != "id"}


def _batches(rows: list, size: int) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _edge_kind(key: Any, data: dict) -> str:
    return str(data.get("kind") or key)


def _write(driver, database: str | None, query: str, rows: list) -> None:
    def work(tx):
        tx.run(query, rows=rows).consume()

    with driver.session(database=database) as session:
        session.execute_write(work)


def ensure_constraints(driver, database: str | None = None) -> None:
    """One uniqueness constraint on ``id`` per node label (schema constants only)."""
    for label in NODE_KINDS:
        driver.execute_query(
            f"CREATE CONSTRAINT zeren_{label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE",
            database_=database,
        )


def push_graph(
    driver,
    G: nx.MultiDiGraph,
    *,
    database: str | None = None,
    batch_size: int = 5000,
    progress: Callable[[int, int], None] | None = None,
) -> dict:
    """Write ``G`` to Neo4j; returns ``{"nodes": n, "relationships": m}`` written (MERGEd).

    Constraints first, then nodes label by label, then relationships grouped
    by (type, start label, end label), each batch one managed transaction.
    ``progress(done, total)`` is called after each batch with the count of
    nodes plus relationships written so far, for a progress bar.
    """
    from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

    if batch_size < 1:
        raise ValueError("batch_size must be >= 1")
    nodes: dict[str, list] = defaultdict(list)
    for n, attrs in G.nodes(data=True):
        kind = attrs.get("kind")
        if kind not in NODE_KINDS:
            raise BackendError(f"node {n!r} has kind {kind!r}, not one of {', '.join(NODE_KINDS)}")
        nodes[kind].append({"id": str(n), "props": _props(attrs)})
    rels: dict[tuple[str, str, str], list] = defaultdict(list)
    for u, v, key, data in G.edges(keys=True, data=True):
        kind = _edge_kind(key, data)
        if kind not in EDGE_KINDS:
            raise BackendError(f"edge {u!r} -> {v!r} has kind {kind!r}, not one of {', '.join(EDGE_KINDS)}")
        props = {k: _value(x) for k, x in data.items() if x is not None and k != "kind"}
        rels[kind, G.nodes[u]["kind"], G.nodes[v]["kind"]].append({"s": str(u), "e": str(v), "props": props})
    total = sum(map(len, nodes.values())) + sum(map(len, rels.values()))
    done = 0

    def write(query: str, batch: list) -> None:
        nonlocal done
        _write(driver, database, query, batch)
        done += len(batch)
        if progress is not None:
            progress(done, total)

    try:
        ensure_constraints(driver, database)
        for label in NODE_KINDS:
            query = f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n += row.props"
            for batch in _batches(nodes.get(label, []), batch_size):
                write(query, batch)
        for (kind, start, end), rows in sorted(rels.items()):
            query = (
                f"UNWIND $rows AS row MATCH (a:{start} {{id: row.s}}) MATCH (b:{end} {{id: row.e}}) "
                f"MERGE (a)-[r:{kind}]->(b) SET r += row.props"
            )
            for batch in _batches(rows, batch_size):
                write(query, batch)
    except (ServiceUnavailable, SessionExpired) as err:
        raise BackendError("Neo4j went away during the push (push again: it is idempotent)") from err
    except Neo4jError as err:
        raise BackendError(f"Neo4j refused the push: {err.message}") from err
    return {"nodes": sum(map(len, nodes.values())), "relationships": sum(map(len, rels.values()))}


def clear_graph(driver, database: str | None = None, *, batch_size: int = 10000) -> None:
    """Delete every Zeren node (the five schema labels) and its relationships, in batches."""
    from neo4j.exceptions import Neo4jError, ServiceUnavailable

    where = " OR ".join(f"n:{label}" for label in NODE_KINDS)
    query = f"MATCH (n) WHERE {where} WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted"

    def work(tx):
        return tx.run(query, limit=batch_size).single()["deleted"]

    try:
        with driver.session(database=database) as session:
            while session.execute_write(work):
                pass
    except ServiceUnavailable as err:
        raise BackendError("Neo4j is not reachable (is the server running?)") from err
    except Neo4jError as err:
        raise BackendError(f"Neo4j refused to clear the graph: {err.message}") from err


def count_graph(driver, database: str | None = None) -> dict:
    """``{"nodes": n, "relationships": m}`` over the Zeren labels and types, to check a push."""
    where = " OR ".join(f"n:{label}" for label in NODE_KINDS)
    types = "|".join(EDGE_KINDS)
    nodes = driver.execute_query(f"MATCH (n) WHERE {where} RETURN count(n) AS c", database_=database)
    rels = driver.execute_query(f"MATCH ()-[r:{types}]->() RETURN count(r) AS c", database_=database)
    return {"nodes": nodes.records[0]["c"], "relationships": rels.records[0]["c"]}
