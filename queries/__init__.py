"""Saved queries over a Zeren graph, each a pair ``<name>.py`` + ``<name>.cypher``.

``QUERIES`` maps a name to ``(description, function, cypher path)``;
``run_query(name, graph_or_driver, backend=…, **params)`` runs either side.
``GROUPS`` names the bundles the CLI runs together.

>>> from zeren.graph.synthetic import synthetic_graph
>>> G = synthetic_graph(200, seed=1)
>>> run_query("workload", G, k=3).columns[:6].tolist()
['agency', 'name', 'level', 'jurisdiction', 'kind', 'led']
>>> run_query("hotspot_tasks", G, n=2)["parties"].tolist()
[9, 8]
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from zeren.queries._run import run_query

__all__ = ["QUERIES", "GROUPS", "run_query", "module_of"]

NAMES = (
    "workload",
    "leader_workload",
    "hotspot_tasks",
    "multi_lead_tasks",
    "agency_pairs",
    "brokers",
    "centrality",
    "communities",
    "deadline_pileups",
    "gaps_no_lead",
    "gaps_vague_only",
    "gaps_no_deadline",
    "gaps_idle_mentions",
    "gaps_missing_plans",
    "gaps_untargeted",
    "agency",
    "compare",
    "responsibilities",
    "progress",
)

GROUPS = {
    "hotspots": ["hotspot_tasks", "multi_lead_tasks", "agency_pairs", "brokers", "deadline_pileups"],
    "gaps": [
        "gaps_no_lead",
        "gaps_vague_only",
        "gaps_no_deadline",
        "gaps_idle_mentions",
        "gaps_missing_plans",
        "gaps_untargeted",
    ],
}

_HERE = Path(__file__).resolve().parent


def module_of(name: str) -> ModuleType:
    return importlib.import_module(f"zeren.queries.{name}")


def _registry() -> dict:
    out = {}
    for name in NAMES:
        mod = module_of(name)
        out[name] = (mod.DESCRIPTION, getattr(mod, name), _HERE / f"{name}.cypher")
    return out


QUERIES = _registry()
