"""Many files → records: every file read, a bad file a failure, the batch never stops.

Files are extracted on all cores (a process pool, small files a chunk at a time)
and handed back one at a time in input order, with at most a few chunks in flight
per worker, so a caller that
writes each result as it comes holds memory flat whatever the corpus size, and
the output is the same bytes as a serial run. What needs the order (a notice's
title and date passed on to its attachments) is done here, in the parent.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from zeren.errors import LoaderError, ZerenError
from zeren.loaders.export import TaskLines
from zeren.loaders.inputs import InputFile, collect_inputs, member_file
from zeren.loaders.readers import read_document
from zeren.loaders.records import Document, Extraction
from zeren.safetext import path_text

if TYPE_CHECKING:
    from concurrent.futures import Future
    from multiprocessing.context import BaseContext

__all__ = [
    "BatchResult",
    "Outcome",
    "extract_paths",
    "extract_input",
    "iter_extractions",
    "default_workers",
    "start_workers_early",
]

# Chunks queued per worker: enough to keep every core busy, few enough that memory stays flat.
IN_FLIGHT_PER_WORKER = 4
# Small files go to a worker several at a time: one round trip per file costs the parent
# more than the parse of a small file does. A chunk closes at either bound.
CHUNK_FILES = 16
CHUNK_BYTES = 256 * 1024
# Below this many files, starting worker processes costs more than it saves.
MIN_FILES_FOR_POOL = 8


@dataclass
class BatchResult:
    """What a batch produced: one Extraction per readable file, one error per bad one, warnings."""

    extractions: list[Extraction] = field(default_factory=list)
    failures: list[LoaderError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Outcome:
    """One input's result: its Extraction and read warnings, or the failure saying why not."""

    file: InputFile
    extraction: Extraction | None = None
    failure: LoaderError | None = None
    warnings: tuple[str, ...] = ()


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


def extract_input(f: InputFile, *, task_lines: bool = False) -> tuple[Extraction, tuple[str, ...]]:
    """Read and parse one input (a file or a bundle member); its records and read warnings.

    With ``task_lines`` the tasks come as :class:`TaskLines` (their tasks.jsonl text made here).
    """
    # imported here: a parent that hands every file to workers never compiles the parsers' patterns
    from zeren.loaders.extract import parse_document

    if f.problem:
        raise LoaderError(path_text(f.path), f.problem)
    name = path_text(f.path) + (f"!{f.source.rsplit('!', 1)[-1]}" if f.member else "")
    with member_file(f) as path:
        text, notes = read_document(path, name=name)
    doc = path_text(Path(f.path).stem)
    if f.member:
        doc += "!" + PurePosixPath(f.source.rsplit("!", 1)[-1]).stem
    extraction = parse_document(text, source=f.source, doc=doc)
    if task_lines:
        extraction = replace(extraction, tasks=TaskLines(extraction.tasks))
    return extraction, notes


def _extract_one(f: InputFile, task_lines: bool) -> tuple[Extraction, tuple[str, ...]] | LoaderError:
    """One input's records and warnings, or the LoaderError saying why not (never raises)."""
    try:
        return extract_input(f, task_lines=task_lines)
    except ZerenError as err:
        return err if isinstance(err, LoaderError) else LoaderError(path_text(f.path), str(err))
    except Exception as err:  # noqa: BLE001 - any parser bug must not stop the batch
        failure = LoaderError(path_text(f.path), f"unexpected {type(err).__name__}: {err}")
        failure.__cause__ = err
        return failure


def _extract_in_worker(
    f: InputFile, task_lines: bool
) -> tuple[Extraction, tuple[str, ...]] | tuple[str, str, int | None]:
    """As :func:`_extract_one`, with a failure as plain ``(path, problem, line)``: exceptions
    with their own constructor arguments do not survive pickling back to the parent."""
    outcome = _extract_one(f, task_lines)
    if isinstance(outcome, LoaderError):
        return outcome.path, outcome.problem, outcome.line
    return outcome


def _extract_chunk_in_worker(
    files: list[InputFile], task_lines: bool
) -> list[tuple[Extraction, tuple[str, ...]] | tuple[str, str, int | None]]:
    return [_extract_in_worker(f, task_lines) for f in files]


def _chunks(files: Sequence[InputFile]) -> Iterator[list[InputFile]]:
    """Consecutive files, at most ``CHUNK_FILES`` of them or about ``CHUNK_BYTES`` of input each."""
    chunk: list[InputFile] = []
    size = 0
    for f in files:
        chunk.append(f)
        with suppress(OSError):  # the worker reading it says what is wrong
            size += 0 if f.member or f.problem else os.stat(f.path).st_size
        if len(chunk) >= CHUNK_FILES or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _worker_context() -> BaseContext:
    import multiprocessing  # imported here: a run of one file or one worker never pays for it

    # forkserver: workers start from a clean process, never a fork of one holding
    # threads (a progress bar) or locks.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["zeren.loaders.preload"])
    return context


def _exit_with_parent() -> None:
    """Worker initializer: end this worker when the process that asked for it is gone.

    A parent killed outright (SIGKILL, the out-of-memory killer) never shuts its
    pool down; its workers would block for ever writing results no one reads,
    and keep the forkserver alive with them.
    """
    import multiprocessing
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="zeren-parent-watch", daemon=True).start()


def start_workers_early(paths: Sequence[Path]) -> None:
    """Start the server the workers fork from when ``paths`` will likely need a pool (a folder, or
    many files): it loads the parsers (~0.2 s) on another core while the caller lists its inputs."""
    try:
        if default_workers() == 1:
            return
    except ZerenError:
        return  # said when the batch starts
    if len(paths) < MIN_FILES_FOR_POOL and not any(Path(p).is_dir() for p in paths):
        return
    from multiprocessing import forkserver

    _worker_context()
    forkserver.ensure_running()


def _raw_in_order(
    files: Sequence[InputFile], workers: int, task_lines: bool
) -> Iterator[tuple[InputFile, tuple[Extraction, tuple[str, ...]] | LoaderError]]:
    if workers == 1 or len(files) < MIN_FILES_FOR_POOL:
        for f in files:
            yield f, _extract_one(f, task_lines)
        return
    from concurrent.futures import ProcessPoolExecutor

    context = _worker_context()
    pending: deque[tuple[list[InputFile], Future]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_exit_with_parent) as pool:
        try:
            for chunk in _chunks(files):
                pending.append((chunk, pool.submit(_extract_chunk_in_worker, chunk, task_lines)))
                if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                    yield from _results(*pending.popleft())
            while pending:
                yield from _results(*pending.popleft())
        finally:
            for _, future in pending:
                future.cancel()


def _results(
    chunk: list[InputFile], future: Future
) -> Iterator[tuple[InputFile, tuple[Extraction, tuple[str, ...]] | LoaderError]]:
    try:
        outcomes = future.result()
    except Exception as err:  # noqa: BLE001 - a worker that died (killed, out of memory) fails its files
        for f in chunk:
            yield f, LoaderError(path_text(f.path), f"unexpected {type(err).__name__}: {err}")
        return
    for f, outcome in zip(chunk, outcomes, strict=True):
        yield f, (LoaderError(*outcome) if isinstance(outcome[0], str) else outcome)


def iter_extractions(
    files: Sequence[InputFile], *, workers: int | None = None, task_lines: bool = False
) -> Iterator[Outcome]:
    """An :class:`Outcome` for every input of :func:`collect_inputs`, in input order.

    ``workers`` processes extract in parallel (default :func:`default_workers`;
    1 runs in this process). With ``task_lines`` each Extraction's tasks are a
    :class:`TaskLines`: a caller writing tasks.jsonl gets the text made by the
    workers, and the parent decodes no task it does not look at. Only ``IN_FLIGHT_PER_WORKER × workers`` chunks of files are
    ever pending, so memory does not grow with the corpus.
    """
    workers = default_workers() if workers is None else max(1, workers)
    notices: dict[Path, Document] = {}
    with_attachments = {f.notice for f in files if f.notice is not None}
    for f, raw in _raw_in_order(files, workers, task_lines):
        if isinstance(raw, LoaderError):
            yield Outcome(f, failure=raw)
            continue
        extraction, notes = raw
        if f.notice is not None and f.notice in notices:
            extraction = _as_attachment(extraction, notices[f.notice])
        notices[f.path] = extraction.document
        if not extraction.tasks and f.path not in with_attachments:  # a notice's tasks are in its attachments
            notes = (*notes, f"{extraction.document.path}: no task found (no responsibility note read)")
        yield Outcome(f, extraction=extraction, warnings=notes)


def _as_attachment(extraction: Extraction, notice: Document) -> Extraction:
    """An attachment read with its notice: the notice's title and date, and its issuer where it has none."""
    own = extraction.document
    document = replace(
        own,
        title=notice.title or own.title,
        date=notice.date or own.date,
        issuer=own.issuer or notice.issuer,
        jurisdiction=own.jurisdiction or notice.jurisdiction,
        level=own.level if own.jurisdiction else notice.level,
    )
    return replace(extraction, document=document)


def extract_paths(
    paths: Iterable[str | Path | InputFile],
    *,
    progress: Callable[[Path], None] | None = None,
    workers: int | None = None,
) -> BatchResult:
    """Extract every file under ``paths``; a bad file becomes a failure and the batch goes on."""
    collected = collect_inputs(paths)
    result = BatchResult(warnings=list(collected.warnings))
    for outcome in iter_extractions(collected.files, workers=workers):
        if outcome.failure is not None:
            result.failures.append(outcome.failure)
        elif outcome.extraction is not None:
            result.extractions.append(outcome.extraction)
        result.warnings.extend(outcome.warnings)
        if progress is not None:
            progress(outcome.file.path)
    return result
