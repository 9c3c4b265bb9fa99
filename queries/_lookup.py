"""Names a user types, checked against the graph before a query runs: nothing silently empty.

A plan, document, level, place or unit that the graph does not hold is an
error naming the closest ones it does hold (``did you mean …``): names
containing what was typed first (Chinese titles are often given in part), then
the most similar by :mod:`difflib`. A unit is found by its id, its name or any
spelling a document used for it (``spellings``).

>>> from zeren.graph.synthetic import synthetic_graph
>>> closest("产业园区", ["武定县产业园区管委会", "楚雄州财政局", "武定县园区办"])
['武定县产业园区管委会', '武定县园区办']
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from zeren.errors import QueryError
from zeren.graph.schema import AGENCY, DOCUMENT, LEADER, LEVELS, PLAN
from zeren.queries._common import of_kind

__all__ = [
    "closest",
    "check_filters",
    "undated_documents",
    "find_units",
    "is_year",
    "refuse_years",
    "UNDATED_CYPHER",
]

# the documents whose date is unknown, on a Neo4j server (the same rule as undated_documents)
UNDATED_CYPHER = "MATCH (d:Document) WHERE NOT coalesce(substring(d.date, 0, 4), '') =~ '[0-9]{4}' RETURN d.id AS id ORDER BY id"

_SHOWN = 3


def closest(word: str, candidates: Iterable[str], n: int = _SHOWN) -> list[str]:
    """Up to ``n`` candidates: those containing ``word`` (shortest first), then the most similar."""
    pool = sorted({c for c in candidates if c})
    inside = sorted((c for c in pool if word and word in c), key=lambda c: (len(c), c))
    similar = difflib.get_close_matches(word, pool, n=n, cutoff=0.3)
    return list(dict.fromkeys([*inside, *similar]))[:n]


def _missing(what: str, word: str, candidates: Iterable[str]) -> QueryError:
    near = closest(word, candidates)
    hint = f"; did you mean {' or '.join(repr(c) for c in near)}?" if near else ""
    return QueryError(f"no {what} {word!r} in the graph{hint}")


def _nodes(G: nx.MultiDiGraph, *kinds: str) -> Iterable[tuple[str, Mapping[str, Any]]]:
    if len(kinds) == 1:
        return of_kind(G, kinds[0])
    return (
        (n, a) for n, a in G.nodes(data=True) if a.get("kind") in kinds
    )  # in node order, as suggestions are


def find_units(G: nx.MultiDiGraph, name: str) -> list[str]:
    """Ids of the agencies and leaders whose id, name or any spelling is ``name``."""
    return [
        n
        for n, a in _nodes(G, AGENCY, LEADER)
        if name in (n, a.get("name")) or name in (a.get("spellings") or ())
    ]


def undated_documents(G: nx.MultiDiGraph) -> list[str]:
    """Ids of the documents whose issue date is unknown, sorted."""
    return sorted(
        n.removeprefix("doc:") for n, a in _nodes(G, DOCUMENT) if not (a.get("date") or "")[:4].isdigit()
    )


def is_year(value: object) -> bool:
    return isinstance(value, str) and len(value) == 4 and value.isdigit()


def refuse_years(params: Mapping[str, Any], undated: list[str]) -> None:
    """A compare by year is refused while any document's date is unknown: it could fall on either side."""
    if undated and any(is_year(params.get(side)) for side in ("left", "right")):
        raise QueryError(
            f"cannot compare by year: {len(undated)} document(s) have no known date "
            f"({', '.join(undated[:5])}{', …' if len(undated) > 5 else ''}); give them one "
            "(--date or --manifest when reading) or compare documents by id"
        )


def check_filters(G: nx.MultiDiGraph, params: Mapping[str, Any]) -> None:
    """Raise QueryError for a filter value the graph does not hold (with the closest it does)."""
    plans = dict(_nodes(G, PLAN))
    docs = {n.removeprefix("doc:"): a for n, a in _nodes(G, DOCUMENT)}
    agencies = dict(_nodes(G, AGENCY))
    plan = params.get("plan")
    if plan is not None and plan not in plans and all(a.get("title") != plan for a in plans.values()):
        raise _missing("plan", plan, [a.get("title") or n for n, a in plans.items()])
    doc = params.get("doc")
    if doc is not None and doc.removeprefix("doc:") not in docs:
        raise _missing("document", doc, docs)
    level = params.get("level")
    if level is not None and all(a.get("level") != level for a in agencies.values()):
        held = sorted({str(a["level"]) for a in agencies.values() if a.get("level")})
        known = f" (levels: {', '.join(LEVELS)})" if level not in LEVELS else ""
        raise QueryError(f"no agency of level {level!r} in the graph{known}; levels held: {', '.join(held)}")
    place = params.get("jurisdiction")
    if place is not None and all(a.get("jurisdiction") != place for a in agencies.values()):
        raise _missing(
            "jurisdiction",
            place,
            {str(a["jurisdiction"]) for a in agencies.values() if a.get("jurisdiction")},
        )
    unit = params.get("agency")
    if unit is not None and not find_units(G, unit):
        names = [a.get("name") or n for n, a in _nodes(G, AGENCY, LEADER)]
        names += [s for a in agencies.values() for s in a.get("spellings") or ()]
        raise _missing("agency or leader", unit, names)
    for side in ("left", "right"):
        value = params.get(side)
        if value is None:
            continue
        if value.removeprefix("doc:") in docs:
            continue
        years = {(a.get("date") or "")[:4] for a in docs.values()}
        if is_year(value):
            refuse_years(params, undated_documents(G))
            if value not in years:
                raise _missing("year", value, years - {""})
            continue
        raise _missing("document or year", value, [*docs, *(years - {""})])
