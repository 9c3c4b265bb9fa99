"""The one builder: extraction records → the Zeren graph described in ``graph.schema``.

A measure a document states twice (inline and again as a task-table row) is
one task (``graph.dedupe``), carrying both source lines in ``lines``.
Pure and deterministic: extractions are taken in document-id order and every
node and edge is added in a fixed order, so the same records always give the
same graph (node order, attributes and edges alike). Agency names are resolved
with ``graph.aliases.resolve_in`` (user overrides, then ``graph.agencies``);
every raw spelling is kept on its node.

>>> from zeren.loaders.records import Document, Extraction, Plan, Task
>>> doc = Document("qs", "qs.txt", jurisdiction="青山县", level="county")
>>> ex = Extraction(doc, [Plan("qs", "青山县方案")], [Task("qs", "青山县方案", "修路。", leads=("县交通运输局",))])
>>> sorted(build_graph([ex]).nodes)
['agency:青山县交通运输局', 'doc:qs', 'plan:qs:1', 'task:qs:1']
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import networkx as nx

from zeren.errors import LoaderError
from zeren.graph.agencies import AgencyRef
from zeren.graph.aliases import Overrides, document_context, resolve_in
from zeren.graph.dedupe import merge_repeated
from zeren.graph.gazetteer import Gazetteer
from zeren.graph.schema import (
    AGENCY,
    CONTAINS,
    DOCUMENT,
    HAS_TASK,
    LEADER,
    LEADS,
    PLAN,
    SUPPORTS,
    TASK,
    agency_id,
    doc_id,
    leader_id,
    plan_id,
    task_id,
)
from zeren.loaders.deadlines import parse_deadline
from zeren.loaders.records import Document, Extraction, Plan, Task

__all__ = ["build_graph"]

_NAME_CHARS = 40
Edge = tuple[str, str, str]  # (source, target, edge kind)


def build_graph(
    extractions: Iterable[Extraction],
    *,
    overrides: Overrides | None = None,
    gazetteer: Gazetteer | None = None,
) -> nx.MultiDiGraph:
    """One graph of documents, plans, tasks, agencies and leaders, with their edges."""
    gaz = gazetteer or Gazetteer.bundled()
    exs = sorted(extractions, key=lambda ex: ex.document.id)
    _check_unique(exs)
    G = nx.MultiDiGraph()
    agencies: dict[str, dict] = {}
    leaders: dict[str, dict] = {}
    roles: list[tuple[str, str, str, str, int]] = []  # (source, task, edge kind, raw, position)
    structure: list[Edge] = []
    for ex in exs:
        document = ex.document
        G.add_node(doc_id(document.id), **_document_attrs(document))
        plan_ids = _add_plans(G, ex, structure)
        for task, lines, n in merge_repeated(ex.tasks):
            tid = task_id(document.id, n)
            pid = plan_ids.get(task.plan) or _extra_plan(G, ex, task.plan, plan_ids, structure)
            G.add_node(tid, **_task_attrs(task, pid, document), lines=list(lines))
            structure.append((pid, tid, HAS_TASK))
            for edge, names in ((LEADS, task.leads), (SUPPORTS, task.supports)):
                for position, raw in enumerate(names):
                    ref = resolve_in(document, raw, overrides=overrides, gazetteer=gaz, line=task.line)
                    aid = agency_id(ref.canonical)
                    node = agencies.setdefault(aid, _agency_attrs(ref))
                    node["spellings"].add(raw)
                    node["docs"].add(document.id)
                    roles.append((aid, tid, edge, raw, position))
            jurisdiction = document_context(document)[0]
            for position, name in enumerate(task.leaders):
                lid = leader_id(jurisdiction, name)
                leaders.setdefault(lid, {"kind": LEADER, "name": name, "jurisdiction": jurisdiction})
                roles.append((lid, tid, LEADS, name, position))
    for aid in sorted(agencies):
        attrs = agencies[aid]
        G.add_node(aid, **{**attrs, "spellings": sorted(attrs["spellings"]), "docs": sorted(attrs["docs"])})
    for lid in sorted(leaders):
        G.add_node(lid, **leaders[lid])
    for src, dst, kind in structure:
        G.add_edge(src, dst, key=kind)
    for src, dst, kind, raw, position in roles:
        # one edge per (unit, task, role): two spellings of one unit in a note keep the first;
        # a unit that leads a task does not also support it (two copies of a measure may differ)
        if not G.has_edge(src, dst, key=kind) and not (kind == SUPPORTS and G.has_edge(src, dst, key=LEADS)):
            G.add_edge(src, dst, key=kind, raw=raw, position=position)
    return G


def _check_unique(exs: list[Extraction]) -> None:
    seen: dict[str, str] = {}
    for ex in exs:
        d = ex.document
        if d.id in seen:
            raise LoaderError(
                d.path, f"document id {d.id!r} is also the id of {seen[d.id]} (rename one file)"
            )
        seen[d.id] = d.path


def _add_plans(G: nx.MultiDiGraph, ex: Extraction, structure: list[Edge]) -> dict[str, str]:
    """Plan nodes in document order; a title seen twice maps to its first plan."""
    ids: dict[str, str] = {}
    for n, plan in enumerate(ex.plans, 1):
        ids.setdefault(plan.title, _add_plan(G, ex.document.id, n, plan, structure))
    return ids


def _extra_plan(
    G: nx.MultiDiGraph, ex: Extraction, title: str, ids: dict[str, str], structure: list[Edge]
) -> str:
    """A plan node, numbered after the listed ones, for a task whose plan is not listed."""
    n = len(ex.plans) + 1
    while plan_id(ex.document.id, n) in G:
        n += 1
    ids[title] = _add_plan(G, ex.document.id, n, Plan(ex.document.id, title), structure)
    return ids[title]


def _add_plan(G: nx.MultiDiGraph, doc: str, n: int, plan: Plan, structure: list[Edge]) -> str:
    pid = plan_id(doc, n)
    G.add_node(pid, **_plan_attrs(plan))
    structure.append((doc_id(doc), pid, CONTAINS))
    return pid


def _document_attrs(d: Document) -> dict:
    return {
        "kind": DOCUMENT,
        "name": d.title or d.id,
        "title": d.title,
        "path": d.path,
        "issuer": d.issuer,
        "jurisdiction": d.jurisdiction,
        "level": d.level,
        "date": d.date,
        "announced_plans": list(d.announced_plans),
        "announced_count": d.announced_count,
    }


def _plan_attrs(plan: Plan) -> dict:
    return {
        "kind": PLAN,
        "name": plan.title,
        "title": plan.title,
        "doc": plan.doc,
        "targets": list(plan.targets),
        "mentions": list(plan.mentions),
    }


def _task_attrs(task: Task, pid: str, document: Document) -> dict:
    year = int(document.date[:4]) if document.date[:4].isdigit() else None
    deadline = parse_deadline(task.deadline, year=year) if task.deadline else None
    return {
        "kind": TASK,
        "name": task.text[:_NAME_CHARS],
        "text": task.text,
        "doc": task.doc,
        "plan": task.plan,
        "plan_id": pid,
        "section": task.section,
        "number": task.number,
        "source": task.source,
        "line": task.line,
        "deadline": task.deadline,
        "deadline_start": _iso(deadline.start) if deadline else None,
        "deadline_end": _iso(deadline.end) if deadline else None,
        "ongoing": bool(deadline and deadline.ongoing),
        "recurring": bool(deadline and deadline.recurring),
    }


def _agency_attrs(ref: AgencyRef) -> dict:
    attrs = {
        "kind": AGENCY,
        "name": ref.canonical,
        "jurisdiction": ref.jurisdiction,
        "level": ref.level,
        "agency_kind": ref.kind,
        "spellings": set(),
        "docs": set(),
    }
    if ref.members:
        attrs["members"] = list(ref.members)
    return attrs


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
