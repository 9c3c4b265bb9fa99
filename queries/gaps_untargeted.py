"""Gap: plan targets that no measure of the plan seems to address.

The rule is deliberately simple and the same on both backends: a target's
keys are its distinct two-character runs of CJK ideographs (U+4E00–U+9FFF);
``matched`` is the largest number of those keys found in the text of any one
task of the plan, ``coverage = matched / bigrams``. Targets with coverage
below ``min_coverage`` are listed; targets with no CJK pair are skipped.
It flags candidates for a reader, it does not prove absence.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from zeren.graph.schema import PLAN
from zeren.queries._common import frame, of_kind, task_order
from zeren.queries.gaps_idle_mentions import plan_in_scope, plan_tasks

DESCRIPTION = "Plan targets whose words no task of the plan covers"

COLUMNS = {"plan": str, "doc": str, "target": str, "bigrams": int, "matched": int, "coverage": float}


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def bigrams(text: str) -> set[str]:
    """Distinct two-ideograph substrings of ``text``.

    >>> sorted(bigrams("新增企业10户"))
    ['企业', '增企', '新增']
    """
    return {text[i : i + 2] for i in range(len(text) - 1) if _cjk(text[i]) and _cjk(text[i + 1])}


def gaps_untargeted(
    G: nx.MultiDiGraph, *, min_coverage: float = 0.5, plan: str | None = None, doc: str | None = None
) -> pd.DataFrame:
    """Targets with coverage below ``min_coverage``, by plan then target order."""
    rows = []
    nodes = G._node
    for p, attrs in of_kind(G, PLAN):
        if not plan_in_scope(p, attrs, plan, doc):
            continue
        texts = [nodes[t].get("text") for t in plan_tasks(G, p)]
        texts = [x for x in texts if x is not None]
        for i, target in enumerate(attrs.get("targets") or ()):
            keys = bigrams(target)
            if not keys:
                continue
            matched = max((sum(map(x.__contains__, keys)) for x in texts), default=0)
            coverage = float(matched) / len(keys)
            if coverage < float(min_coverage):
                rows.append(
                    {
                        "plan": p,
                        "doc": attrs.get("doc"),
                        "target": target,
                        "bigrams": len(keys),
                        "matched": matched,
                        "coverage": coverage,
                        "_key": (task_order(p, attrs), i),
                    }
                )
    rows.sort(key=lambda r: r["_key"])
    return frame(rows, COLUMNS)
