"""Cutting a Zeren graph down to one plan, document or agency level before drawing it."""

from __future__ import annotations

import networkx as nx

from zeren.graph.schema import AGENCY, DOCUMENT, LEADER, PLAN, ROLE_EDGES, TASK, agency_id, doc_id

from .page import ViewError

__all__ = ["select_tasks", "task_subgraph", "resolve_plan", "resolve_doc", "resolve_agency"]


def resolve_plan(G: nx.MultiDiGraph, plan: str) -> str:
    """A plan id from an id or an exact title; unknown or ambiguous titles are errors."""
    if plan in G and G.nodes[plan].get("kind") == PLAN:
        return plan
    found = [
        n for n, a in G.nodes(data=True) if a.get("kind") == PLAN and plan in (a.get("title"), a.get("name"))
    ]
    if len(found) == 1:
        return found[0]
    if found:
        raise ViewError(
            f"plan title {plan!r} names {len(found)} plans; pass one of their ids: {', '.join(sorted(found))}"
        )
    raise ViewError(f"no plan {plan!r} in the graph; pass a plan id (plan:<doc>:<n>) or an exact plan title")


def resolve_doc(G: nx.MultiDiGraph, doc: str) -> str:
    """A document id from ``doc:<doc>`` or the bare document id (file name without extension)."""
    for candidate in (doc, doc_id(doc)):
        if candidate in G and G.nodes[candidate].get("kind") == DOCUMENT:
            return candidate
    raise ViewError(f"no document {doc!r} in the graph; pass its id, the file name without extension")


def resolve_agency(G: nx.MultiDiGraph, agency: str) -> str:
    """An agency (or lead official) id from its id or canonical name."""
    for candidate in (agency, agency_id(agency)):
        if candidate in G and G.nodes[candidate].get("kind") in (AGENCY, LEADER):
            return candidate
    raise ViewError(
        f"no agency {agency!r} in the graph; pass its id (agency:<canonical name>) or canonical name"
    )


def select_tasks(
    G: nx.MultiDiGraph, *, plan: str | None = None, doc: str | None = None, level: str | None = None
) -> set[str]:
    """Ids of the tasks in ``plan``/``doc`` that (when ``level`` is given) an agency of that level leads or supports."""
    plan_key = resolve_plan(G, plan) if plan else None
    doc_key = resolve_doc(G, doc).removeprefix("doc:") if doc else None
    tasks = set()
    for node, attrs in G.nodes(data=True):
        if attrs.get("kind") != TASK:
            continue
        if plan_key and attrs.get("plan_id") != plan_key:
            continue
        if doc_key and attrs.get("doc") != doc_key:
            continue
        if level and not any(
            k in ROLE_EDGES and G.nodes[a].get("kind") == AGENCY and G.nodes[a].get("level") == level
            for a, _, k in G.in_edges(node, keys=True)
        ):
            continue
        tasks.add(node)
    return tasks


def task_subgraph(
    G: nx.MultiDiGraph, tasks: set[str], *, level: str | None = None, with_documents: bool = True
) -> nx.MultiDiGraph:
    """The tasks with their actors (of ``level`` when given; lead officials always), plans and documents."""
    keep = set(tasks)
    for task in tasks:
        for actor, _, kind in G.in_edges(task, keys=True):
            attrs = G.nodes[actor]
            if kind in ROLE_EDGES and (
                not level or attrs.get("kind") == LEADER or attrs.get("level") == level
            ):
                keep.add(actor)
            elif attrs.get("kind") == PLAN:
                keep.add(actor)
                if with_documents:
                    keep.update(d for d, _ in G.in_edges(actor) if G.nodes[d].get("kind") == DOCUMENT)
    return G.subgraph(keep).copy()
