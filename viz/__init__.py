"""Views analysts explore and planners read: pyvis HTML views, the report page, charts.

Views take a graph plus styling keywords and return a ``View`` (a pyvis network);
``write_html(view, path)`` decides where the one self-contained file goes.
"""

from .calendar import deadline_calendar
from .coresponsibility import coresponsibility_graph, coresponsibility_view
from .ego import ego_view
from .matrix import MatrixView, matrix_view
from .page import View, ViewError, write_html
from .report import write_report
from .sources import source_files, write_source_pages
from .whole import MAX_NODES, whole_graph_view

__all__ = [
    "MAX_NODES",
    "MatrixView",
    "View",
    "ViewError",
    "coresponsibility_graph",
    "coresponsibility_view",
    "deadline_calendar",
    "ego_view",
    "matrix_view",
    "source_files",
    "whole_graph_view",
    "write_html",
    "write_report",
    "write_source_pages",
]
