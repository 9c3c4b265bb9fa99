"""Many files → records: every file read, a bad file a failure, the batch never stops.

Files are extracted on all cores (a process pool) and handed back one at a time
in input order, with at most a few files in flight per worker, so a caller that
writes each result as it comes holds memory flat whatever the corpus size, and
the output is the same bytes as a serial run.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from zeren.errors import LoaderError, ZerenError
from zeren.loaders.inputs import InputFile, collect_files
from zeren.loaders.records import Extraction

__all__ = ["BatchResult", "extract_paths", "iter_extractions", "default_workers"]

# Files queued per worker: enough to keep every core busy, few enough that memory stays flat.
IN_FLIGHT_PER_WORKER = 4
# Below this many files, starting worker processes costs more than it saves.
MIN_FILES_FOR_POOL = 8


@dataclass
class BatchResult:
    """What a batch produced: one Extraction per readable file, one error per bad one."""

    extractions: list[Extraction] = field(default_factory=list)
    failures: list[LoaderError] = field(default_factory=list)


def default_workers() -> int:
    """Worker processes to use: ``ZEREN_WORKERS`` if set, else the cores this process may run on."""
    setting = os.environ.get("ZEREN_WORKERS", "").strip()
    if setting:
        try:
            return max(1, int(setting))
        except ValueError as err:
            raise ZerenError(f"ZEREN_WORKERS must be a whole number, not {setting!r}") from err
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _extract_one(path: Path, source: str) -> Extraction | LoaderError:
    """One file's Extraction, or the LoaderError saying why not (never raises)."""
    from zeren.loaders.extract import extract_file

    try:
        return extract_file(path, source=source)
    except ZerenError as err:
        return err if isinstance(err, LoaderError) else LoaderError(str(path), str(err))
    except Exception as err:  # noqa: BLE001 - any parser bug must not stop the batch
        failure = LoaderError(str(path), f"unexpected {type(err).__name__}: {err}")
        failure.__cause__ = err
        return failure


def _extract_in_worker(path: Path, source: str) -> Extraction | tuple[str, str, int | None]:
    """As :func:`_extract_one`, with a failure as plain ``(path, problem, line)``: exceptions
    with their own constructor arguments do not survive pickling back to the parent."""
    outcome = _extract_one(path, source)
    if isinstance(outcome, LoaderError):
        return outcome.path, outcome.problem, outcome.line
    return outcome


def iter_extractions(
    paths: Iterable[str | Path | InputFile], *, workers: int | None = None
) -> Iterator[tuple[InputFile, Extraction | LoaderError]]:
    """``(file, Extraction or LoaderError)`` for every file under ``paths``, in input order.

    ``workers`` processes extract in parallel (default :func:`default_workers`;
    1 runs in this process). Results come back strictly in input order and only
    ``IN_FLIGHT_PER_WORKER × workers`` files are ever pending, so memory does not
    grow with the corpus.
    """
    files = collect_files(paths)
    workers = default_workers() if workers is None else max(1, workers)
    if workers == 1 or len(files) < MIN_FILES_FOR_POOL:
        for f in files:
            yield f, _extract_one(f.path, f.source)
        return
    import multiprocessing

    # forkserver: workers start from a clean process, never a fork of one holding
    # threads (a progress bar) or locks.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["zeren.loaders.extract"])
    pending: deque[tuple[InputFile, Future]] = deque()
    todo = iter(files)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        try:
            for f in todo:
                pending.append((f, pool.submit(_extract_in_worker, f.path, f.source)))
                if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                    done, future = pending.popleft()
                    yield done, _result(done, future)
            while pending:
                done, future = pending.popleft()
                yield done, _result(done, future)
        finally:
            for _, future in pending:
                future.cancel()


def _result(f: InputFile, future: Future) -> Extraction | LoaderError:
    try:
        outcome = future.result()
    except Exception as err:  # noqa: BLE001 - a worker that died (killed, out of memory) fails its file
        return LoaderError(str(f.path), f"unexpected {type(err).__name__}: {err}")
    if isinstance(outcome, tuple):
        return LoaderError(*outcome)
    return outcome


def extract_paths(
    paths: Iterable[str | Path | InputFile],
    *,
    progress: Callable[[Path], None] | None = None,
    workers: int | None = None,
) -> BatchResult:
    """Extract every file under ``paths``; a bad file becomes a failure and the batch goes on."""
    result = BatchResult()
    for f, outcome in iter_extractions(paths, workers=workers):
        if isinstance(outcome, LoaderError):
            result.failures.append(outcome)
        else:
            result.extractions.append(outcome)
        if progress is not None:
            progress(f.path)
    return result
