"""PNG charts for the report: workload bars and the deadline heat-map.

Drawn on a bare ``Figure`` (no pyplot), so nothing depends on a display or on
global backend state, and always with a CJK font so agency names render.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from zeren.atomic import atomic_path

from .fonts import cjk_font_family
from .page import ViewError
from .style import EDGE_STYLE

__all__ = ["workload_chart", "calendar_chart"]


def workload_chart(frame: pd.DataFrame, path: str | Path, *, top: int = 20) -> Path:
    """Horizontal bars of tasks led and supported for the ``top`` agencies of a workload table.

    ``frame`` needs ``name``, ``led`` and ``supported`` columns and is drawn in its own order.
    """
    missing = {"name", "led", "supported"} - set(frame.columns)
    if missing:
        raise ViewError(f"workload table lacks column(s) {', '.join(sorted(missing))} for the chart")
    rows = frame.head(top).iloc[::-1]
    family = cjk_font_family()
    fig = Figure(figsize=(9, 0.38 * max(len(rows), 3) + 1.2), dpi=110)
    ax = fig.add_subplot()
    names = [str(n) for n in rows["name"]]
    led = rows["led"].astype(float).to_numpy()
    supported = rows["supported"].astype(float).to_numpy()
    ax.barh(names, led, color=EDGE_STYLE["LEADS"]["color"], label="leads")
    ax.barh(names, supported, left=led, color=EDGE_STYLE["SUPPORTS"]["color"], label="supports")
    ax.set_xlabel("tasks", fontfamily=family)
    ax.set_title(f"Workload: the {len(rows)} busiest agencies", fontfamily=family)
    for label in ax.get_yticklabels():
        label.set_fontfamily(family)
    ax.legend(loc="lower right", prop={"family": family})
    ax.grid(axis="x", alpha=0.3)
    return _save(fig, path)


def calendar_chart(grid: pd.DataFrame, path: str | Path) -> Path:
    """Heat-map of a :func:`viz.calendar.deadline_calendar` grid (agencies × months)."""
    family = cjk_font_family()
    rows, cols = grid.shape
    fig = Figure(figsize=(max(6, 0.6 * cols + 3.5), 0.36 * max(rows, 3) + 1.5), dpi=110)
    ax = fig.add_subplot()
    if rows and cols:
        image = ax.imshow(grid.to_numpy(), aspect="auto", cmap="OrRd", vmin=0)
        ax.set_xticks(range(cols), [str(c) for c in grid.columns], rotation=45, ha="right", fontfamily=family)
        ax.set_yticks(range(rows), [str(i) for i in grid.index], fontfamily=family)
        for (r, c), value in pd.DataFrame(grid.to_numpy()).stack().items():
            if value:
                ax.text(c, r, str(int(value)), ha="center", va="center", fontsize=8)
        fig.colorbar(image, ax=ax, label="tasks due", ticks=MaxNLocator(integer=True))
    else:
        ax.text(0.5, 0.5, "no dated deadlines", ha="center", va="center", fontfamily=family)
        ax.set_axis_off()
    ax.set_title("Deadlines per agency and month", fontfamily=family)
    return _save(fig, path)


def _save(fig: Figure, path: str | Path) -> Path:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.tight_layout()
        with atomic_path(path) as tmp:
            fig.savefig(tmp, format="png")
    except OSError as err:
        raise ViewError(f"cannot write {path}: {err.strerror or err}") from err
    return path
