"""What the side panel shows when a node is clicked: records of plain text, never markup.

Each record is ``{"kind", "heading", "rows": [[label, value]], "lists": [{"label",
"items": [[id, text]], "more"}], "source": {"doc", "line", "ref"}}``; the page
builds the panel with ``textContent`` only, so document text stays inert. Items
name the node they point at, so the panel can jump to it when it is drawn.
Lists are cut to a glanceable length and say how many more there are; an item
whose node is drawn carries only its id (the page has its text; ``None`` in its
place when a note follows), others a clipped text. A note (``×3`` shared tasks,
``L``/``S`` role, ``L1/S2`` counts) is shown after the text.
"""

from __future__ import annotations

from collections import Counter
from pathlib import PurePath

import networkx as nx

from zeren.graph.schema import (
    AGENCY,
    CONTAINS,
    DOCUMENT,
    HAS_TASK,
    LEADER,
    LEADS,
    PLAN,
    ROLE_EDGES,
    SUPPORTS,
    TASK,
)

from .i18n import DEFAULT_LANG, message
from .style import GROUP
from .tooltips import deadline_text, level_name, source_ref

__all__ = ["node_details", "view_details", "MAX_ITEMS"]

MAX_ITEMS = 20  # a panel is read, not scrolled for minutes; the report and queries hold the rest
_ITEM_TEXT = 50  # list items not drawn in the view are clipped; their own record has the full text


def view_details(G: nx.MultiDiGraph, drawn: list[str], lang: str = DEFAULT_LANG) -> dict[str, dict]:
    """Records for every drawn node, taken from the full graph ``G`` (folded nodes included)."""
    out = {}
    shown = set(drawn)
    for node in drawn:
        record = node_details(G, node, lang)
        if record is not None:
            for group in record["lists"]:
                # a drawn node's text is on the page already: the item names it by id alone
                group["items"] = [
                    _compact(i, t, note, i in shown and t == _own_text(G, i))
                    for i, t, *note in group["items"]
                ]
            out[node] = record
    return out


def _compact(node: str, text: str, note: list[str], drawn: bool) -> list:
    """``[id]``, ``[id, text]`` or ``[id, text or None, note]``: a drawn node's text is on the page already."""
    shown = None if drawn else _clip(text)
    if note:
        return [node, shown, note[0]]
    return [node] if shown is None else [node, shown]


def _own_text(G: nx.MultiDiGraph, node: str) -> str:
    """What the page shows for a drawn node: a task's full text, any other node's name."""
    attrs = G.nodes[node] if node in G else {}
    return str((attrs.get("text") if attrs.get("kind") == TASK else None) or attrs.get("name") or node)


def _clip(text: str) -> str:
    return text if len(text) <= _ITEM_TEXT else text[: _ITEM_TEXT - 1] + "…"


def node_details(G: nx.MultiDiGraph, node: str, lang: str = DEFAULT_LANG) -> dict | None:
    """The panel record for ``node`` of ``G``; None for nodes ``G`` does not hold (group nodes)."""
    if node not in G:
        return None
    attrs = G.nodes[node]
    kind = attrs.get("kind", "")

    def f(key: str) -> str:
        return message(f"view.field.{key}", lang)

    if kind == TASK:
        actors: dict[str, list[list[str]]] = {"lead": [], "support": [], "leader": []}
        for actor, _, key, _edge in sorted(G.in_edges(node, keys=True, data=True), key=_by_position):
            if key not in ROLE_EDGES:
                continue
            slot = "leader" if G.nodes[actor].get("kind") == LEADER else "lead" if key == LEADS else "support"
            actors[slot].append([actor, _name(G, actor)])
        doc = attrs.get("doc", "")
        return _record(
            kind,
            attrs.get("text") or attrs.get("name") or node,
            rows=[
                (f("plan"), attrs.get("plan")),
                (f("document"), _title(G, f"doc:{doc}") or doc),
                (f("section"), attrs.get("section")),
                (f("number"), attrs.get("number")),
                (f("deadline"), deadline_text(attrs)),
            ],
            lists=[
                (f("lead_units"), actors["lead"]),
                (f("support_units"), actors["support"]),
                (f("leaders"), actors["leader"]),
                (f("plan"), [[attrs.get("plan_id", ""), attrs.get("plan") or ""]]),
            ],
            source={
                "doc": doc,
                "line": attrs.get("line") or 0,
                "ref": source_ref(attrs),
                "title": _title(G, f"doc:{doc}") or doc,
            },
        )
    if kind in (AGENCY, LEADER):
        led, supported, task_items, partners = _actor_work(G, node)
        rows = [
            (f("jurisdiction"), attrs.get("jurisdiction")),
            (f("level"), level_name(attrs.get("level"), lang)),
            (f("kind"), attrs.get("agency_kind")),
            (f("leads"), led),
            (f("supports"), supported),
            (f("load"), led + 0.5 * supported if kind == AGENCY else None),
        ]
        spellings = [["", s] for s in attrs.get("spellings") or []]
        return _record(
            kind,
            _name(G, node),
            rows=rows,
            lists=[
                (f("spellings"), spellings),
                (f("partners"), [[p, _name(G, p), f"×{n}"] for p, n in partners]),
                (f("task_list"), task_items),
            ],
        )
    if kind == PLAN:
        tasks = [t for _, t, k in G.out_edges(node, keys=True) if k == HAS_TASK]
        return _record(
            kind,
            attrs.get("title") or attrs.get("name") or node,
            rows=[
                (f("document"), _title(G, f"doc:{attrs.get('doc', '')}") or attrs.get("doc")),
                (f("tasks"), len(tasks)),
            ],
            lists=[(f("task_list"), _task_items(G, tasks)), (f("units"), _units(G, tasks))],
        )
    if kind == DOCUMENT:
        plans = [p for _, p, k in G.out_edges(node, keys=True) if k == CONTAINS]
        tasks = [t for p in plans for _, t, k in G.out_edges(p, keys=True) if k == HAS_TASK]
        doc = node.removeprefix("doc:")
        return _record(
            kind,
            attrs.get("title") or attrs.get("name") or node,
            rows=[
                (f("issuer"), attrs.get("issuer")),
                (f("jurisdiction"), attrs.get("jurisdiction")),
                (f("date"), attrs.get("date")),
                (f("file"), PurePath(attrs["path"]).name if attrs.get("path") else None),
                (f("tasks"), len(tasks)),
            ],
            lists=[
                (f("plans"), [[p, _title(G, p) or p] for p in plans]),
                (f("task_list"), _task_items(G, tasks)),
                (f("units"), _units(G, tasks)),
            ],
            source={
                "doc": doc,
                "line": 1,
                "ref": PurePath(attrs.get("path") or doc).name,
                "title": attrs.get("title") or doc,
            },
        )
    if kind == GROUP:
        return None
    return _record(kind, _name(G, node), rows=[], lists=[])


def _record(kind: str, heading: str, *, rows: list, lists: list, source: dict | None = None) -> dict:
    record: dict = {
        "kind": kind,
        "heading": str(heading),
        "rows": [[label, _text(value)] for label, value in rows if value not in (None, "", [])],
        "lists": [],
    }
    for label, items in lists:
        if items:
            record["lists"].append(
                {"label": label, "items": items[:MAX_ITEMS], "more": max(0, len(items) - MAX_ITEMS)}
            )
    if source and source.get("doc"):
        record["source"] = source
    return record


def _text(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _by_position(edge: tuple) -> tuple:
    actor, _, key, data = edge
    return (key != LEADS, data.get("position", 0), actor)


def _name(G: nx.MultiDiGraph, node: str) -> str:
    return str(G.nodes[node].get("name") or node) if node in G else node


def _title(G: nx.MultiDiGraph, node: str) -> str | None:
    if node not in G:
        return None
    return G.nodes[node].get("title") or G.nodes[node].get("name")


def _task_items(G: nx.MultiDiGraph, tasks: list[str]) -> list[list[str]]:
    return [[t, str(G.nodes[t].get("text") or G.nodes[t].get("name") or t)] for t in tasks]


def _units(G: nx.MultiDiGraph, tasks: list[str]) -> list[list[str]]:
    """Units on these tasks, busiest first, with how many of them they lead and support."""
    led: Counter[str] = Counter()
    sup: Counter[str] = Counter()
    for task in tasks:
        for actor, _, key in G.in_edges(task, keys=True):
            if key == LEADS:
                led[actor] += 1
            elif key == SUPPORTS:
                sup[actor] += 1
    units = sorted(set(led) | set(sup), key=lambda a: (-(led[a] + sup[a]), -led[a], a))
    return [[a, _name(G, a), f"L{led[a]}/S{sup[a]}"] for a in units]


def _actor_work(G: nx.MultiDiGraph, node: str) -> tuple[int, int, list[list[str]], list[tuple[str, int]]]:
    """Tasks led and supported, the task list (leads first) and partners by tasks shared."""
    led = supported = 0
    tasks: list[tuple[bool, str]] = []
    partners: Counter[str] = Counter()
    for _, task, key in G.out_edges(node, keys=True):
        if key not in ROLE_EDGES:
            continue
        if key == LEADS:
            led += 1
        else:
            supported += 1
        tasks.append((key != LEADS, task))
        for other in {a for a, _, k in G.in_edges(task, keys=True) if k in ROLE_EDGES and a != node}:
            if G.nodes[other].get("kind") == AGENCY:
                partners[other] += 1
    items = [
        [t, str(G.nodes[t].get("text") or t), "S" if is_support else "L"] for is_support, t in sorted(tasks)
    ]
    return led, supported, items, sorted(partners.items(), key=lambda p: (-p[1], p[0]))
