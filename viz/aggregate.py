"""Folding a big graph into one a browser can draw.

vis-network lays out a few thousand nodes in seconds and chokes on a hundred
thousand, so past a node budget the whole view shows plans instead of tasks
(an agency→plan edge counts the tasks behind it) and then groups the agencies
with the least load by level.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from zeren.graph.schema import AGENCY, CONTAINS, DOCUMENT, LEADER, PLAN, ROLE_EDGES, TASK

from .style import GROUP

__all__ = ["fold_tasks", "fold_plans", "group_small_actors", "count_kinds"]


def fold_tasks(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Plans stand in for their tasks: one role edge per (actor, plan, role) with ``tasks`` = how many.

    Plans get ``folded_tasks`` (their task count); role edges keep the role as key.
    """
    H = nx.MultiDiGraph()
    task_count: dict[str, int] = defaultdict(int)
    for node, attrs in G.nodes(data=True):
        kind = attrs.get("kind")
        if kind == TASK:
            task_count[attrs.get("plan_id")] += 1
        else:
            H.add_node(node, **attrs)
    for plan in [n for n, a in H.nodes(data=True) if a.get("kind") == PLAN]:
        H.nodes[plan]["folded_tasks"] = task_count.get(plan, 0)
    weights: dict[tuple[str, str, str], int] = defaultdict(int)
    for u, v, key in G.edges(keys=True):
        if key in ROLE_EDGES and G.nodes[v].get("kind") == TASK:
            plan = G.nodes[v].get("plan_id")
            if plan in H:
                weights[(u, plan, key)] += 1
        elif u in H and v in H:
            H.add_edge(u, v, key=key)
    for (u, plan, key), n in weights.items():
        H.add_edge(u, plan, key=key, tasks=n)
    return H


def fold_plans(H: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Documents stand in for their (already folded) plans: role edges per (actor, document, role) sum ``tasks``.

    Takes the output of :func:`fold_tasks`; documents get ``folded_tasks``.
    """
    doc_of = {v: u for u, v, key in H.edges(keys=True) if key == CONTAINS}
    F = nx.MultiDiGraph()
    F.add_nodes_from((n, dict(a)) for n, a in H.nodes(data=True) if a.get("kind") != PLAN)
    for doc in [n for n, a in F.nodes(data=True) if a.get("kind") == DOCUMENT]:
        F.nodes[doc]["folded_tasks"] = 0
    weights: dict[tuple[str, str, str], int] = defaultdict(int)
    for u, v, key, attrs in H.edges(keys=True, data=True):
        if key in ROLE_EDGES and v in doc_of:
            weights[(u, doc_of[v], key)] += attrs.get("tasks", 1)
    for plan, doc in doc_of.items():
        F.nodes[doc]["folded_tasks"] += H.nodes[plan].get("folded_tasks", 0)
    for (u, doc, key), n in weights.items():
        F.add_edge(u, doc, key=key, tasks=n)
    return F


def group_small_actors(H: nx.MultiDiGraph, keep: int, loads: dict[str, float]) -> nx.MultiDiGraph:
    """Keep the ``keep`` actors with most load; fold the rest into one node per level (or lead officials).

    Group nodes have kind ``Group``, ``members`` (count) and ``level``; their edges sum ``tasks``.
    """
    actors = [n for n, a in H.nodes(data=True) if a.get("kind") in (AGENCY, LEADER)]
    if len(actors) <= keep:
        return H
    ranked = sorted(actors, key=lambda n: (-loads.get(n, 0.0), n))
    small = set(ranked[keep:])
    members: dict[str, int] = defaultdict(int)
    G2 = nx.MultiDiGraph()
    for node, attrs in H.nodes(data=True):
        if node not in small:
            G2.add_node(node, **attrs)
            continue
        members[_group_of(attrs)] += 1
    for group, count in members.items():
        level = group.removeprefix("group:")
        name = f"{count} lead officials" if level == "leaders" else f"{count} other {level} agencies"
        G2.add_node(group, kind=GROUP, name=name, members=count, level="" if level == "leaders" else level)
    weights: dict[tuple[str, str, str], int] = defaultdict(int)
    for u, v, key, attrs in H.edges(keys=True, data=True):
        if u in small:
            weights[(_group_of(H.nodes[u]), v, key)] += attrs.get("tasks", 1)
        else:
            G2.add_edge(u, v, key=key, **attrs)
    for (u, v, key), n in weights.items():
        G2.add_edge(u, v, key=key, tasks=n)
    return G2


def _group_of(attrs: dict) -> str:
    """The group node a small actor folds into: one per agency level, one for all lead officials."""
    return "group:leaders" if attrs.get("kind") == LEADER else f"group:{attrs.get('level') or 'other'}"


def count_kinds(H: nx.MultiDiGraph) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for _, attrs in H.nodes(data=True):
        counts[attrs.get("kind", "")] += 1
    return dict(counts)
