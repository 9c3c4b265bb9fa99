"""Pausing Python's cyclic garbage collector around work that makes many objects and no garbage.

Each collection walks every container object alive. Reading a whole graph, or
running a query over one, makes hundreds of thousands of dicts, sets and tuples
in a burst, none in a reference cycle, so the collections the burst sets off
rescan the whole graph again and again for nothing: two thirds of the time of
reading the graph cache, and most of a query's time at 100k tasks. Reference
counting still frees what is dropped; collection resumes afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block (as it was, after it)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
