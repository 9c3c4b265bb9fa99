"""Writing a Zeren graph to Neo4j: connect, push, clear.

Nodes get the label of their kind and keep every attribute as a property,
unique per label on ``id``; edges become relationships of their kind.

A push makes the server hold exactly what the file holds for the documents the
file contains: into an empty database it takes a create-only path (``CREATE``
in large ``UNWIND`` batches of list rows, node batches written by several
sessions at once, no look-ups but the endpoints' unique index; from a saved
file it is streamed, see ``push_graph_file``);
into a populated one it first removes, per document, the plans, tasks and
relationships the file no longer has, then ``MERGE``s every node and
relationship with its properties replaced (``SET n = …``), so pushing twice,
or again after an interrupted push, leaves exactly one copy. Agencies and
leaders left with no relationship and named only by those documents go too.
Rows are made from the graph in bounded batches, never all at once.

Writes run as managed transactions (``session.execute_write``) so the driver
retries transient failures, and share the driver's bookmark manager, so a
query right after a push sees it on a cluster (``neo4j://`` routing URIs).
Every user value travels as a parameter; labels and relationship types come
only from the schema constants.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from itertools import islice
from typing import Any

import networkx as nx

from zeren.errors import BackendError, GraphFileError
from zeren.graph.schema import (
    AGENCY,
    CONTAINS,
    DOCUMENT,
    EDGE_KINDS,
    LEADER,
    NODE_KINDS,
    PLAN,
    TASK,
    agency_id,
    doc_id,
    leader_id,
    plan_id,
    task_id,
)

__all__ = [
    "connect",
    "push_graph",
    "push_graph_file",
    "clear_graph",
    "count_graph",
    "ensure_schema",
    "redact",
    "write_import_csvs",
    "import_into_local_server",
    "ARRAY_DELIMITER",
    "DEFAULT_URI",
    "DEFAULT_USER",
]

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
# rows per transaction; measured at 100k tasks on a warm server: 5k beat 2.5k, 10k and 20k (20k: ~15%
# slower, with more server CPU, most of it the collector's on the bigger transaction state)
BATCH_SIZE = 5_000
WORKERS = 2
_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

# Property indexes behind the lookups the saved queries make by name, document and plan.
INDEXES = (
    (AGENCY, "name"),
    (LEADER, "name"),
    (TASK, "doc"),
    (TASK, "plan_id"),
    (TASK, "plan"),
    (PLAN, "doc"),
    (PLAN, "title"),
)


def redact(text: str, uri: str | None) -> str:
    """``text`` with the password of ``uri`` (``scheme://user:password@host``) replaced by ``***``."""
    if not uri:
        return text
    match = re.match(r"^[A-Za-z0-9+.-]+://[^/@:]*:([^/@]*)@", uri)
    if match and match.group(1):
        password = match.group(1)
        text = text.replace(f":{password}@", ":***@")
        if len(password) >= 6:  # anywhere else it shows up (a short one would hit ordinary text)
            text = text.replace(password, "***")
    return text


def _quiet_driver_logs() -> None:
    """The driver's retry warnings are not news for a CLI user: the one ``Error:`` line says it.

    A handler on the driver's logger keeps Python's last-resort stderr printer out;
    an application that configures logging still sees the records.
    """
    logger = logging.getLogger("neo4j")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())


def _setting(value: str | None, env: str) -> str | None:
    """An explicit value, else the environment's; a setting given but empty is refused."""
    if value is None:
        value = os.environ.get(env)
    if value is not None and value.strip() == "":
        raise BackendError(f"{env} is set but empty: give a value or unset it")
    return value


def connect(uri: str | None = None, user: str | None = None, password: str | None = None):
    """A verified ``neo4j.Driver``; settings default to ``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD``.

    Raises BackendError when the server is down, the URI is wrong or empty, or
    the credentials are refused. The password (given, or inside the URI) is
    never logged or shown.
    """
    import neo4j
    from neo4j.exceptions import AuthError, ConfigurationError, Neo4jError, ServiceUnavailable

    _quiet_driver_logs()
    uri = _setting(uri, "NEO4J_URI") or DEFAULT_URI
    user = _setting(user, "NEO4J_USER") or DEFAULT_USER
    password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
    shown = redact(uri, uri)
    auth = (user, password) if password is not None else None
    scheme = uri.partition("://")[0]
    if scheme not in _SCHEMES:
        raise BackendError(f"bad Neo4j URI {shown!r}: the scheme must be one of {', '.join(_SCHEMES)}")
    try:
        # Warnings (a type not yet created, nulls skipped by an aggregate) are expected, not news.
        driver = neo4j.GraphDatabase.driver(
            uri, auth=auth, connection_timeout=10, notifications_min_severity="OFF"
        )
    except (ConfigurationError, ValueError) as err:
        raise BackendError(f"bad Neo4j URI {shown!r}: {redact(str(err), uri)}") from None
    try:
        driver.verify_connectivity()
    except AuthError as err:
        driver.close()
        raise BackendError(
            f"Neo4j at {shown} refused the credentials of user {user!r} (check NEO4J_USER/NEO4J_PASSWORD)"
        ) from err
    except (ServiceUnavailable, OSError) as err:
        driver.close()
        raise BackendError(f"Neo4j is not reachable at {shown} (is the server running?)") from err
    except Neo4jError as err:
        driver.close()
        raise BackendError(
            f"Neo4j at {shown} refused the connection: {redact(str(err.message), uri)}"
        ) from err
    return driver


_SCALARS = frozenset((str, bool, int, float))


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


def _props(attrs: dict, node_id: str | None = None) -> dict:
    """Every attribute but None; a node's ``id`` is the key it has in the graph."""
    props = {k: _value(v) for k, v in attrs.items() if v is not None and k != "id"}
    if node_id is not None:
        props["id"] = node_id
    return props


def _edge_props(data: dict) -> dict:
    return {
        k: x if x.__class__ in _SCALARS else _value(x)
        for k, x in data.items()
        if x is not None and k != "kind"
    }


def _edge_kind(key: Any, data: dict) -> str:
    return str(data.get("kind") or key)


def _chunks(rows: Iterable, size: int) -> Iterator[list]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


def _session(driver, database: str | None):
    # the driver's bookmark manager: a later query (execute_query) waits for these writes on a cluster
    return driver.session(database=database, bookmark_manager=driver.execute_query_bookmark_manager)


def _write(driver, database: str | None, query: str, **params: Any) -> Any:
    def work(tx):
        return tx.run(query, **params).data()

    with _session(driver, database) as session:
        return session.execute_write(work)


def _read(driver, database: str | None, query: str, **params: Any) -> list[dict]:
    def work(tx):
        return tx.run(query, **params).data()

    with _session(driver, database) as session:
        return session.execute_read(work)


def ensure_schema(driver, database: str | None = None, *, lookups: bool = True) -> None:
    """A uniqueness constraint on ``id`` per node label and (``lookups``) the lookup indexes."""
    for label in NODE_KINDS:
        driver.execute_query(
            f"CREATE CONSTRAINT zeren_{label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE",
            database_=database,
        )
    for label, prop in INDEXES if lookups else ():
        driver.execute_query(
            f"CREATE INDEX zeren_{label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})",
            database_=database,
        )
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database)


def _drop_lookups(driver, database: str | None) -> None:
    for label, prop in INDEXES:
        driver.execute_query(f"DROP INDEX zeren_{label.lower()}_{prop} IF EXISTS", database_=database)


def _check(G: nx.MultiDiGraph) -> None:
    for n, attrs in G.nodes(data=True):
        kind = attrs.get("kind")
        if kind not in NODE_KINDS:
            raise BackendError(f"node {n!r} has kind {kind!r}, not one of {', '.join(NODE_KINDS)}")
    for u, v, key, data in G.edges(keys=True, data=True):
        kind = _edge_kind(key, data)
        if kind not in EDGE_KINDS:
            raise BackendError(f"edge {u!r} -> {v!r} has kind {kind!r}, not one of {', '.join(EDGE_KINDS)}")


def _grouped(items: Iterable[tuple[Any, dict]], size: int) -> Iterator[tuple[Any, list[dict]]]:
    """``(group, rows)`` batches of at most ``size`` rows, one pass, one buffer per group."""
    buffers: dict[Any, list[dict]] = {}
    for group, row in items:
        buffer = buffers.setdefault(group, [])
        buffer.append(row)
        if len(buffer) >= size:
            yield group, buffer
            buffers[group] = []
    for group in sorted(buffers, key=str):
        if buffers[group]:
            yield group, buffers[group]


def _node_rows(G: nx.MultiDiGraph) -> Iterator[tuple[str, dict]]:
    for n, attrs in G.nodes(data=True):
        yield attrs["kind"], {"id": str(n), "props": _props(attrs, str(n))}


def _edge_rows(G: nx.MultiDiGraph) -> Iterator[tuple[tuple[str, str, str], dict]]:
    nodes = G.nodes
    for u, v, key, data in G.edges(keys=True, data=True):
        group = (_edge_kind(key, data), nodes[u]["kind"], nodes[v]["kind"])
        yield group, {"s": str(u), "e": str(v), "props": _edge_props(data)}


def _zeren_nodes(driver, database: str | None) -> int:
    rows = _read(
        driver,
        database,
        "CALL { " + " UNION ALL ".join(f"MATCH (n:{label}) RETURN n LIMIT 1" for label in NODE_KINDS) + " } "
        "RETURN count(n) AS c",
    )
    return rows[0]["c"]


def _documents(G: nx.MultiDiGraph) -> list[str]:
    """The document keys the graph holds (``qs-2023`` for node ``doc:qs-2023``)."""
    docs: set[str] = set()
    for n, attrs in G.nodes(data=True):
        kind = attrs.get("kind")
        if kind == DOCUMENT:
            docs.add(str(n).removeprefix("doc:"))
        elif kind in (PLAN, TASK) and attrs.get("doc") is not None:
            docs.add(str(attrs["doc"]))
    return sorted(docs)


def _remove_vanished(driver, database: str | None, G: nx.MultiDiGraph, docs: list[str], batch: int) -> int:
    """Per document of the file: delete what the server holds for it that the file no longer has.

    Returns the number of nodes and relationships removed.
    """
    kinds = nx.get_node_attributes(G, "kind")
    removed = 0
    for group in _chunks(docs, max(1, batch // 200)):
        # plans and tasks of these documents the file no longer has
        held = _read(
            driver,
            database,
            f"UNWIND $docs AS d CALL {{ WITH d MATCH (n:{PLAN} {{doc: d}}) RETURN n "
            f"UNION WITH d MATCH (n:{TASK} {{doc: d}}) RETURN n }} RETURN n.id AS id, elementId(n) AS eid",
            docs=group,
        )
        stale = [r["eid"] for r in held if r["id"] not in kinds]
        # relationships into these documents' plans and tasks, and out of their Document nodes
        rels = _read(
            driver,
            database,
            f"UNWIND $docs AS d CALL {{ "
            f"WITH d MATCH (s)-[r]->(n:{TASK} {{doc: d}}) RETURN s, r, n "
            f"UNION WITH d MATCH (s)-[r]->(n:{PLAN} {{doc: d}}) RETURN s, r, n "
            f"UNION WITH d MATCH (s:{DOCUMENT} {{id: 'doc:' + d}})-[r:{CONTAINS}]->(n) RETURN s, r, n }} "
            "RETURN s.id AS s, type(r) AS t, n.id AS e, elementId(r) AS eid",
            docs=group,
        )
        stale_rels = [r["eid"] for r in rels if not _has_edge(G, r["s"], r["t"], r["e"])]
        for ids in _chunks(stale_rels, batch):
            _write(
                driver, database, "UNWIND $ids AS i MATCH ()-[r]->() WHERE elementId(r) = i DELETE r", ids=ids
            )
        for ids in _chunks(stale, batch):
            _write(
                driver, database, "UNWIND $ids AS i MATCH (n) WHERE elementId(n) = i DETACH DELETE n", ids=ids
            )
        removed += len(stale) + len(stale_rels)
    # agencies and leaders left with no relationship, named by no document outside the file
    # (one the file holds with no relationship either is kept: few, so passed as a list)
    rows = _write(
        driver,
        database,
        f"MATCH (n) WHERE (n:{AGENCY} OR n:{LEADER}) AND NOT EXISTS {{ (n)--() }} "
        "AND all(d IN coalesce(n.docs, []) WHERE d IN $docs) AND NOT n.id IN $isolated "
        "DETACH DELETE n RETURN count(*) AS c",
        docs=docs,
        isolated=[str(n) for n, k in kinds.items() if k in (AGENCY, LEADER) and G.degree(n) == 0],
    )
    return removed + rows[0]["c"]


def _has_edge(G: nx.MultiDiGraph, u: str, kind: str, v: str) -> bool:
    if G.has_edge(u, v, key=kind):
        return True
    return any(_edge_kind(k, d) == kind for k, d in (G.get_edge_data(u, v) or {}).items())


def push_graph(
    driver,
    G: nx.MultiDiGraph,
    *,
    database: str | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int = WORKERS,
    progress: Callable[[int, int | None], None] | None = None,
) -> dict:
    """Make the server hold what ``G`` holds for ``G``'s documents; returns counts.

    ``{"nodes": n, "relationships": m, "created": bool, "removed": k,
    "other_documents": d}``: nodes and relationships written, whether the
    create-only path into an empty database was taken, stale nodes and
    relationships removed, and how many documents the server holds that the
    file does not (they are left alone). ``progress(done, total)`` is called
    after each batch with nodes plus relationships written so far. ``workers``
    sessions write the batches of the create-only path side by side.
    """
    if batch_size < 1 or workers < 1:
        raise ValueError("batch_size and workers must be >= 1")
    _check(G)
    total = G.number_of_nodes() + G.number_of_edges()
    with _push_errors():
        if _prepare(driver, database):
            items = _graph_items(G)
            return _create_all(driver, database, items, batch_size, workers, progress, total, "the graph")
        return _merge_all(driver, database, G, batch_size, progress, total)


def push_graph_file(
    driver,
    path,
    *,
    database: str | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int = WORKERS,
    progress: Callable[[int, int | None], None] | None = None,
) -> dict:
    """``push_graph`` of the graph saved at ``path``; into an empty database it is streamed.

    The create-only path reads the file one node or link at a time
    (``graph.stream``), so client memory stays flat in the size of the graph;
    it needs the node kinds of a link's ends, which the ids tell
    (``task:…`` is a Task, see ``graph.schema``), and keeps only the rare
    node whose id says otherwise. Into a populated database the graph is
    loaded whole, since removing what the file no longer has compares the
    two. ``progress`` gets ``total=None`` while streaming. A file found
    damaged part way is a GraphFileError that says the server holds the part
    before the damage.
    """
    from zeren.graph.io import load_graph
    from zeren.graph.stream import check_graph_file

    if batch_size < 1 or workers < 1:
        raise ValueError("batch_size and workers must be >= 1")
    check_graph_file(path)
    with _push_errors():
        if _prepare(driver, database):
            try:
                items = _file_items(path)
                return _create_all(driver, database, items, batch_size, workers, progress, None, str(path))
            except GraphFileError as err:
                raise GraphFileError(
                    f"{err}; the server holds what came before it (push the mended file again)"
                ) from err
    return push_graph(driver, load_graph(path), database=database, batch_size=batch_size, progress=progress)


@contextmanager
def _push_errors() -> Iterator[None]:
    from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

    try:
        yield
    except (ServiceUnavailable, SessionExpired) as err:
        raise BackendError("Neo4j went away during the push (push again: it is idempotent)") from err
    except Neo4jError as err:
        raise BackendError(f"Neo4j refused the push: {err.message}") from err


def _prepare(driver, database: str | None) -> bool:
    """Constraints in place; True (lookup indexes dropped, rebuilt after the load) when no Zeren node is held."""
    ensure_schema(driver, database, lookups=False)
    empty = _zeren_nodes(driver, database) == 0
    if empty:
        _drop_lookups(driver, database)
    else:
        ensure_schema(driver, database)
    return empty


# An item of the create-only path: ("node", label, properties) or
# ("link", (type, start label, end label), (start id, end id, properties)).
Item = tuple[str, Any, Any]


def _graph_items(G: nx.MultiDiGraph) -> Iterator[Item]:
    for label, row in _node_rows(G):
        yield "node", label, row["props"]
    for group, row in _edge_rows(G):
        yield "link", group, (row["s"], row["e"], row["props"])


# the kind an id names by its prefix (graph.schema): "task:qs:3" is a Task
_BY_PREFIX = {
    node.partition(":")[0]: kind
    for node, kind in (
        (doc_id("d"), DOCUMENT),
        (plan_id("d", 1), PLAN),
        (task_id("d", 1), TASK),
        (agency_id("a"), AGENCY),
        (leader_id("j", "l"), LEADER),
    )
}


def _file_items(path) -> Iterator[Item]:
    from zeren.graph.stream import iter_graph_file

    unusual: dict[str, str] = {}  # nodes whose id does not tell their kind: few or none
    for what, item in iter_graph_file(path):
        if what == "node":
            node = str(item.get("id"))
            kind = item.get("kind")
            if kind not in NODE_KINDS:
                raise GraphFileError(
                    f"{path}: node {node!r} has kind {kind!r}, not one of {', '.join(NODE_KINDS)}"
                )
            if _BY_PREFIX.get(node.partition(":")[0]) != kind:
                unusual[node] = kind
            yield "node", kind, _props(item, node)
            continue
        # the decoder's fresh dict: what is left once the ends and key are taken out is the data
        s, e, key = str(item.pop("source", None)), str(item.pop("target", None)), item.pop("key", None)
        kind = _edge_kind(key, item)
        if kind not in EDGE_KINDS:
            raise GraphFileError(
                f"{path}: link {s!r} -> {e!r} has kind {kind!r}, not one of {', '.join(EDGE_KINDS)}"
            )
        start = unusual.get(s) or _BY_PREFIX.get(s.partition(":")[0])
        end = unusual.get(e) or _BY_PREFIX.get(e.partition(":")[0])
        if start is None or end is None:
            raise GraphFileError(f"{path}: link {s!r} -> {e!r} names a node the file does not hold")
        yield "link", (kind, start, end), (s, e, _edge_props(item))


class _Writer:
    """Batches written by ``workers`` sessions side by side, at most two per worker in flight.

    A ``serial`` batch waits for the serial one before it: relationship
    batches share their start nodes (a unit leads tasks in every document),
    and side by side they only wait on each other's locks or deadlock and
    retry (measured: more server CPU, no gain); the client still packs the
    next batch while the server writes one.
    """

    def __init__(self, driver, database, workers: int, progress, total, source: str) -> None:
        self.driver, self.database, self.progress, self.total = driver, database, progress, total
        self.source = source
        self.pool = ThreadPoolExecutor(workers, thread_name_prefix="zeren-push")
        self.serial = threading.Lock()
        self.limit = 2 * workers
        self.pending: deque[tuple[Future, int]] = deque()
        self.done = 0

    def submit(
        self, query: str, rows: list, count: int, *, serial: bool = False, check: bool = False
    ) -> None:
        """``count`` items in ``rows``; ``check``: the query returns ``c``, which must equal ``count``."""
        self.pending.append((self.pool.submit(self._write, query, rows, count, serial, check), count))
        while len(self.pending) >= self.limit:
            self._reap()

    def _write(self, query: str, rows: list, count: int, serial: bool, check: bool) -> None:
        with self.serial if serial else nullcontext():
            written = _write(self.driver, self.database, query, rows=rows)
        if check and written[0]["c"] != count:
            raise GraphFileError(
                f"{self.source}: {count - written[0]['c']} link(s) name a node it does not hold before its links"
            )

    def _reap(self) -> None:
        future, n = self.pending.popleft()
        future.result()
        self.done += n
        if self.progress is not None:
            self.progress(self.done, self.total)

    def wait(self) -> None:
        while self.pending:
            self._reap()

    def close(self) -> None:
        for future, _ in self.pending:
            future.cancel()
        self.pool.shutdown(wait=True)


def _create_all(
    driver, database, items: Iterable[Item], batch_size, workers, progress, total, source: str
) -> dict:
    """The create-only path into an empty database: every node, then every relationship, then the lookups.

    ``CREATE`` in ``UNWIND`` batches, each row a list of values in the batch's
    key order (a missing one is null, which ``CREATE`` does not store); the
    query text names the keys, so a graph's batches share a few plans. A relationship finds its
    ends by the unique index on ``id``, its start once per batch. Nodes are
    all written before the first relationship looks one up; node batches go
    out side by side.
    """
    counts = {"node": 0, "link": 0}
    buffers: dict[tuple[str, Any], list] = {}
    writer = _Writer(driver, database, workers, progress, total, source)

    def send(what: str, group: Any, rows: list) -> None:
        counts[what] += len(rows)
        # rows go as lists under one key order: less to pack and to read than maps
        if what == "node":
            keys = sorted(set().union(*rows))
            props = ", ".join(f"{_name(k)}: row[{i}]" for i, k in enumerate(keys))
            writer.submit(
                f"UNWIND $rows AS row CREATE (n:{group} {{{props}}})",
                [[*map(r.get, keys)] for r in rows],
                len(rows),
            )
            return
        kind, start, end = group
        keys = sorted(set().union(*(p for _, _, p in rows)))
        props = ", ".join(f"{_name(k)}: row[{i}]" for i, k in enumerate(keys, start=1))
        # one index seek per start node and batch, not per row: a unit's links lie together in a file
        by_start: dict[str, list[list]] = {}
        for s, e, p in rows:
            by_start.setdefault(s, []).append([e, *map(p.get, keys)])
        writer.submit(
            f"UNWIND $rows AS g MATCH (a:{start} {{id: g[0]}}) UNWIND g[1] AS row "
            f"MATCH (b:{end} {{id: row[0]}}) CREATE (a)-[r:{kind} {{{props}}}]->(b) RETURN count(r) AS c",
            [[s, ends] for s, ends in by_start.items()],
            len(rows),
            serial=True,
            check=True,
        )

    def flush() -> None:
        for (what, group), rows in sorted(buffers.items(), key=lambda item: str(item[0])):
            if rows:
                send(what, group, rows)
        buffers.clear()
        writer.wait()

    phase = "node"
    try:
        for what, group, row in items:
            if what != phase:  # every node is held before a relationship looks one up
                flush()
                phase = what
            key = (what, group)
            rows = buffers.get(key)
            if rows is None:
                rows = buffers[key] = []
            rows.append(row)
            if len(rows) >= batch_size:
                send(*key, rows)
                buffers[key] = []
        flush()
    finally:
        writer.close()
    ensure_schema(driver, database)  # lookup indexes built once over the loaded data
    return {
        "nodes": counts["node"],
        "relationships": counts["link"],
        "created": True,
        "removed": 0,
        "other_documents": 0,
    }


def _name(key: str) -> str:
    """A property key as a Cypher name: back-quoted, so any attribute name is only a name."""
    return "`" + key.replace("`", "``") + "`"


def _merge_all(driver, database, G: nx.MultiDiGraph, batch_size, progress, total) -> dict:
    """Into a populated database: remove what the file no longer has, then ``MERGE`` every node and edge."""
    docs = _documents(G)
    done = 0

    def write(query: str, batch: list) -> None:
        nonlocal done
        _write(driver, database, query, rows=batch)
        done += len(batch)
        if progress is not None:
            progress(done, total)

    removed = _remove_vanished(driver, database, G, docs, batch_size)
    for label, batch in _grouped(_node_rows(G), batch_size):
        write(f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n = row.props", batch)
    for (kind, start, end), batch in _grouped(_edge_rows(G), batch_size):
        write(
            f"UNWIND $rows AS row MATCH (a:{start} {{id: row.s}}) MATCH (b:{end} {{id: row.e}}) "
            f"MERGE (a)-[r:{kind}]->(b) SET r = row.props",
            batch,
        )
    others = _read(
        driver,
        database,
        f"MATCH (d:{DOCUMENT}) WHERE NOT d.id IN $ids RETURN count(d) AS c",
        ids=[f"doc:{d}" for d in docs],
    )
    return {
        "nodes": G.number_of_nodes(),
        "relationships": G.number_of_edges(),
        "created": False,
        "removed": removed,
        "other_documents": others[0]["c"],
    }


def clear_graph(driver, database: str | None = None, *, batch_size: int = 10000) -> None:
    """Delete every Zeren node (the five schema labels) and its relationships, in batches.

    One auto-commit query per label, ``CALL { … } IN TRANSACTIONS``: the server
    commits every ``batch_size`` nodes and scans each label once.
    """
    from neo4j.exceptions import Neo4jError, ServiceUnavailable

    try:
        with _session(driver, database) as session:
            for label in NODE_KINDS:
                session.run(
                    f"MATCH (n:{label}) CALL {{ WITH n DETACH DELETE n }} IN TRANSACTIONS OF $size ROWS",
                    size=batch_size,
                ).consume()
    except ServiceUnavailable as err:
        raise BackendError("Neo4j is not reachable (is the server running?)") from err
    except Neo4jError as err:
        raise BackendError(f"Neo4j refused to clear the graph: {err.message}") from err


def count_graph(driver, database: str | None = None) -> dict:
    """``{"nodes": n, "relationships": m}`` over the Zeren labels and types, to check a push."""
    nodes = sum(
        driver.execute_query(f"MATCH (n:{label}) RETURN count(n) AS c", database_=database).records[0]["c"]
        for label in NODE_KINDS
    )
    rels = sum(
        driver.execute_query(f"MATCH ()-[r:{kind}]->() RETURN count(r) AS c", database_=database).records[0][
            "c"
        ]
        for kind in EDGE_KINDS
    )
    return {"nodes": nodes, "relationships": rels}


# --- bulk import: CSVs for `neo4j-admin database import full` ---

ARRAY_DELIMITER = "\x1f"  # the unit separator: no name or text keeps control characters


def _csv_type(values: list[Any]) -> str:
    """The import header type of one property from its (non-None, already stored-form) values."""
    kinds = set()
    for v in values:
        if isinstance(v, bool):
            kinds.add("boolean")
        elif isinstance(v, int):
            kinds.add("long")
        elif isinstance(v, float):
            kinds.add("double")
        elif isinstance(v, list):
            if all(isinstance(x, str) for x in v):
                kinds.add("string[]")
            elif all(isinstance(x, int) for x in v):
                kinds.add("long[]")
            else:
                kinds.add("double[]")
        else:
            kinds.add("string")
    if kinds <= {"long", "double"} and kinds:
        return "double" if "double" in kinds else "long"
    return kinds.pop() if len(kinds) == 1 else "string"


def _csv_cell(value: Any, typ: str) -> Any:
    if value is None:
        return None  # an empty unquoted field: no property
    if typ.endswith("[]"):
        return ARRAY_DELIMITER.join(str(x) for x in value)
    if typ == "boolean":
        return "true" if value else "false"
    if typ == "string" and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else str(value)
    return value


def _csv_field(value: Any) -> str:
    """None → an empty unquoted field (no property); text always quoted, so "" stays an empty string."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value)
    return '"' + str(value).replace('"', '""') + '"'


def _write_csv(path, header: list[str], rows: Iterable[list[Any]]) -> None:
    from zeren.atomic import atomic_path

    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(header) + "\n")  # names from the schema and attribute keys: no quoting needed
        for row in rows:
            fh.write(",".join(map(_csv_field, row)) + "\n")


def write_import_csvs(G: nx.MultiDiGraph, folder) -> dict:
    """Write ``G`` as the CSVs of ``neo4j-admin database import full`` into ``folder``.

    One ``nodes-<Label>.csv`` per node kind (``id:ID(<Label>)``, typed property
    columns, ``:LABEL``) and one ``rels-<TYPE>-<Start>-<End>.csv`` per edge
    group; list properties use ``ARRAY_DELIMITER`` (also written to the file
    ``array-delimiter`` for the import command). Returns the counts.
    """
    from pathlib import Path

    _check(G)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "array-delimiter").write_text(ARRAY_DELIMITER, encoding="utf-8")
    for label in NODE_KINDS:
        ids = [n for n, a in G.nodes(data=True) if a["kind"] == label]
        if not ids:
            continue
        props: dict[str, list[Any]] = {}
        for n in ids:
            for k, v in _props(G.nodes[n]).items():
                props.setdefault(k, []).append(v)
        types = {k: _csv_type(v) for k, v in props.items()}
        keys = sorted(types)
        header = [f"id:ID({label})", *(f"{k}:{types[k]}" for k in keys), ":LABEL"]

        def node_rows(ids=ids, keys=keys, types=types, label=label):
            for n in ids:
                p = _props(G.nodes[n])
                yield [str(n), *(_csv_cell(p.get(k), types[k]) for k in keys), label]

        _write_csv(folder / f"nodes-{label}.csv", header, node_rows())
    groups: dict[tuple[str, str, str], list[tuple[str, str, dict]]] = {}
    for group, row in _edge_rows(G):
        groups.setdefault(group, []).append((row["s"], row["e"], row["props"]))
    for (kind, start, end), edges in sorted(groups.items()):
        props = {}
        for _, _, p in edges:
            for k, v in p.items():
                props.setdefault(k, []).append(v)
        types = {k: _csv_type(v) for k, v in props.items()}
        keys = sorted(types)
        header = [f":START_ID({start})", f":END_ID({end})", *(f"{k}:{types[k]}" for k in keys), ":TYPE"]
        rows = ([s_, e_, *(_csv_cell(p.get(k), types[k]) for k in keys), kind] for s_, e_, p in edges)
        _write_csv(folder / f"rels-{kind}-{start}-{end}.csv", header, rows)
    return {"nodes": G.number_of_nodes(), "relationships": G.number_of_edges()}


def import_into_local_server(folder, home) -> dict:
    """Bulk-load the CSVs in ``folder`` into the local server whose state folder is ``home``.

    Runs ``scripts/neo4j-server import`` (stops the server, ``neo4j-admin
    database import full`` into a fresh store, starts the server on it), then
    connects with the new ``home/env`` settings, creates the constraints and
    indexes, and returns the server's counts.
    """
    import subprocess
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "scripts" / "neo4j-server"
    if not script.is_file():
        raise BackendError("scripts/neo4j-server not found: --server-home needs a Zeren source checkout")
    env = {**os.environ, "ZEREN_NEO4J_HOME": str(Path(home).resolve())}
    done = subprocess.run(
        ["bash", str(script), "import", str(folder)], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise BackendError(f"the import into the server at {home} failed: {last}")
    settings = {}
    for line in (Path(home) / "env").read_text(encoding="utf-8").splitlines():
        key, _, value = line.removeprefix("export ").partition("=")
        settings[key] = value.strip()
    driver = connect(settings["NEO4J_URI"], settings.get("NEO4J_USER"), settings.get("NEO4J_PASSWORD"))
    try:
        ensure_schema(driver)
        return count_graph(driver)
    finally:
        driver.close()
