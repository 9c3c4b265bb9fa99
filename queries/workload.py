"""Agency workload against peers: who carries far more than comparable units.

``load = lead_weight × led + support_weight × supported``. A unit is compared
only with its **peers**: the units of the same ``level`` and ``jurisdiction``
(a county bureau with the other bureaus of that county), over the same tasks.
Collectives and vague parties (``kind`` ``collective``/``vague``, e.g.
``县级有关部门``) are listed after the units, with no peer figures, and are
never flagged: they are not one office that can be overloaded.

Per peer group: ``peers`` (units in the group, the unit itself included),
``peer_median`` (Neo4j's ``percentileCont(load, 0.5)``) and ``peer_spread``
(1.4826 × the median absolute deviation, which equals the standard deviation
for normally spread loads but ignores the few extreme units). Per unit:
``ratio`` = load / peer median and ``robust_z`` = (load − peer median) /
max(peer_spread, ``min_spread``) — how many "typical spreads" above its peers
the unit sits (Iglewicz & Hoaglin's modified z-score; 3.5 is their usual
outlier line). ``min_spread`` (default 1 task-equivalent) keeps a group where
nearly every unit holds one task from calling a unit with three an outlier.

``overloaded`` = a unit (not a collective) with at least ``min_peers`` peers,
``ratio ≥ k`` and ``robust_z ≥ z``: far above the median *and* far outside the
usual spread. ``lead_share`` = led / (led + supported).

The period: with ``due_from``/``due_to`` (ISO dates) only tasks due in that
window or ongoing (常态化, 长期坚持) are counted, so units are compared over the
same stretch of time; ``due_in_window`` counts the dated ones. Without a
window every task counts and ``due_in_window`` counts the dated tasks.
``partners`` counts the distinct other agencies holding any role on the same
tasks. Rows: units by load (heaviest first), then collectives by load.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx
import pandas as pd

from zeren.graph.schema import AGENCY, LEADS
from zeren.queries._common import (
    agency_fields,
    agency_listed,
    frame,
    in_window,
    percentile_cont,
    task_roles,
)

DESCRIPTION = "Load per agency against its peers (same level and place): robust z, ratio, overload flag"

APART = ("collective", "vague")  # agency kinds listed apart, never ranked as units
MAD_TO_SD = 1.4826  # the MAD of a normal distribution times this is its standard deviation

COLUMNS = {
    "agency": str,
    "name": str,
    "level": str,
    "jurisdiction": str,
    "kind": str,
    "led": int,
    "supported": int,
    "load": float,
    "lead_share": float,
    "plans": int,
    "documents": int,
    "partners": int,
    "due_in_window": int,
    "peers": int,
    "peer_median": float,
    "peer_spread": float,
    "ratio": float,
    "robust_z": float,
    "overloaded": bool,
}


def in_period(attrs: Mapping[str, Any], due_from: str | None, due_to: str | None) -> bool:
    """Whether a task counts in the period: any task without a window, else due in it or ongoing."""
    if due_from is None and due_to is None:
        return True
    return bool(attrs.get("ongoing")) or in_window(attrs.get("deadline_end"), due_from, due_to)


def workload(
    G: nx.MultiDiGraph,
    *,
    plan: str | None = None,
    doc: str | None = None,
    level: str | None = None,
    jurisdiction: str | None = None,
    lead_weight: float = 1.0,
    support_weight: float = 0.5,
    due_from: str | None = None,
    due_to: str | None = None,
    k: float = 2.0,
    z: float = 3.5,
    min_peers: int = 5,
    min_spread: float = 1.0,
) -> pd.DataFrame:
    """One row per agency holding a task in scope: units heaviest first, then collectives.

    ``plan`` is a plan id or title, ``doc`` a document id; ``level`` and
    ``jurisdiction`` filter the agencies listed (their partners are counted
    whatever their level).
    """
    nodes = G._node
    filtered = level is not None or jurisdiction is not None
    acc: dict[str, tuple[set, set, set]] = {}  # agency → (tasks led, tasks supported, units on them)
    for t, ta, held in task_roles(G, plan, doc, (AGENCY,)):
        if not held or not in_period(ta, due_from, due_to):
            continue
        on_task = {a for a, *_ in held}
        for a, _, role, _ in held:
            if filtered and not agency_listed(nodes[a], level, jurisdiction):
                continue
            rec = acc.get(a)
            if rec is None:
                rec = acc[a] = (set(), set(), set())
            rec[0 if role == LEADS else 1].add(t)
            rec[2].update(on_task)
    rows = []
    for a, (led_tasks, sup_tasks, on_same) in acc.items():
        tasks = [nodes[t] for t in led_tasks | sup_tasks]
        led, sup = len(led_tasks), len(sup_tasks)
        rows.append(
            {
                **agency_fields(a, nodes[a]),
                "led": led,
                "supported": sup,
                "load": float(lead_weight) * led + float(support_weight) * sup,
                "lead_share": led / (led + sup),
                "plans": len({x.get("plan_id") for x in tasks} - {None}),
                "documents": len({x.get("doc") for x in tasks} - {None}),
                "partners": len(on_same - {a}),
                "due_in_window": sum(in_window(x.get("deadline_end"), due_from, due_to) for x in tasks),
            }
        )
    _against_peers(rows, k=float(k), z=float(z), min_peers=int(min_peers), min_spread=float(min_spread))
    rows.sort(key=lambda r: (r["kind"] in APART, -r["load"], r["agency"]))
    return frame(rows, COLUMNS)


def _against_peers(rows: list[dict], *, k: float, z: float, min_peers: int, min_spread: float) -> None:
    """Add the peer figures and the flag to each row (collectives get none and are never flagged)."""
    groups: dict[tuple, list[float]] = {}
    for r in rows:
        if r["kind"] not in APART:
            groups.setdefault(_group(r), []).append(r["load"])
    for r in rows:
        loads = groups.get(_group(r)) if r["kind"] not in APART else None
        if not loads:
            r.update(peers=0, peer_median=None, peer_spread=None, ratio=None, robust_z=None, overloaded=False)
            continue
        median = percentile_cont(loads, 0.5) or 0.0
        spread = MAD_TO_SD * (percentile_cont([abs(x - median) for x in loads], 0.5) or 0.0)
        ratio = r["load"] / median if median > 0 else None
        robust_z = (r["load"] - median) / max(spread, min_spread) if max(spread, min_spread) > 0 else None
        r.update(
            peers=len(loads),
            peer_median=median,
            peer_spread=spread,
            ratio=ratio,
            robust_z=robust_z,
            overloaded=len(loads) >= min_peers
            and ratio is not None
            and ratio >= k
            and robust_z is not None
            and robust_z >= z,
        )


def _group(row: Mapping[str, Any]) -> tuple[str, str]:
    # a missing level or place groups with the empty one, as Cypher's coalesce(…, '') does
    return row["level"] or "", row["jurisdiction"] or ""


def explain(row: Mapping[str, Any], lang: str = "en") -> str:
    """Why a unit is (or is not) flagged, in figures a planner can check against the plan."""
    if row.get("kind") in APART:
        return (
            "collective or vague party: listed apart, not ranked"
            if lang == "en"
            else "集体或泛指主体：单列，不参与排名"
        )
    if not row.get("peers"):
        return ""
    led, sup = int(row["led"]), int(row["supported"])
    where = f"{row.get('jurisdiction') or '?'} {row.get('level') or '?'}"
    ratio = "—" if row.get("ratio") is None else f"{row['ratio']:.1f}"
    z = "—" if row.get("robust_z") is None else f"{row['robust_z']:.1f}"
    share = f"{round(100 * float(row['lead_share']))}%"
    if lang == "en":
        return (
            f"load {_num(row['load'])} ({led} led, {sup} supported; {share} led) vs median "
            f"{_num(row['peer_median'])} (spread {_num(row['peer_spread'])}) of {row['peers']} {where} "
            f"units: {ratio}× median, robust z {z}; {row['due_in_window']} dated task(s) due"
        )
    return (
        f"负荷 {_num(row['load'])}（牵头 {led}，配合 {sup}，牵头占 {share}），同级同地 {row['peers']} 个单位"
        f"（{where}）中位数 {_num(row['peer_median'])}、离散度 {_num(row['peer_spread'])}："
        f"为中位数的 {ratio} 倍，稳健 z 值 {z}；期内到期 {row['due_in_window']} 项"
    )


def _num(value: Any) -> str:
    return "—" if value is None or pd.isna(value) else f"{float(value):.2f}".rstrip("0").rstrip(".")
