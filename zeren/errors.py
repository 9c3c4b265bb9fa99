"""The one error family of Zeren.

Library code raises these (``raise LoaderError(...) from err``); only the CLI turns
them into a one-line ``Error: …`` and a non-zero exit.
"""

from __future__ import annotations

__all__ = ["ZerenError", "LoaderError", "GraphFileError", "QueryError", "BackendError", "ViewError"]


class ZerenError(Exception):
    """Base of every error Zeren raises on purpose."""


class LoaderError(ZerenError):
    """A document could not be read or parsed; names the file and, where known, the line."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {problem}")


class GraphFileError(ZerenError):
    """A saved graph file is missing, unreadable or not a Zeren graph."""


class QueryError(ZerenError):
    """A saved query was asked for that does not exist, or with bad parameters."""


class BackendError(ZerenError):
    """The graph database could not be reached or refused the request."""


class ViewError(ZerenError):
    """A view cannot be drawn as asked (too many nodes, unknown agency, no font for charts)."""
