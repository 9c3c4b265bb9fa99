"""Views analysts explore and planners read: pyvis HTML views, the report page, charts.

Views take a graph plus styling keywords and return a ``View`` (a pyvis network);
``write_html(view, path)`` decides where the one self-contained file goes.
"""

from .calendar import deadline_calendar
from .coresponsibility import coresponsibility_graph, coresponsibility_view
from .ego import ego_view
from .page import View, ViewError, write_html
from .report import write_report
from .whole import MAX_NODES, whole_graph_view

__all__ = [
    "MAX_NODES",
    "View",
    "ViewError",
    "coresponsibility_graph",
    "coresponsibility_view",
    "deadline_calendar",
    "ego_view",
    "whole_graph_view",
    "write_html",
    "write_report",
]
