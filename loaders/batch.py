"""Many files → records: every file read, a bad file a failure, the batch never stops."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from zeren.errors import LoaderError, ZerenError
from zeren.loaders.extract import extract_file
from zeren.loaders.inputs import InputFile, collect_files
from zeren.loaders.records import Extraction

__all__ = ["BatchResult", "extract_paths"]


@dataclass
class BatchResult:
    """What a batch produced: one Extraction per readable file, one error per bad one."""

    extractions: list[Extraction] = field(default_factory=list)
    failures: list[LoaderError] = field(default_factory=list)


def extract_paths(
    paths: Iterable[str | Path | InputFile], *, progress: Callable[[Path], None] | None = None
) -> BatchResult:
    """Extract every file under ``paths``; a bad file becomes a failure and the batch goes on."""
    result = BatchResult()
    for path, source in collect_files(paths):
        try:
            result.extractions.append(extract_file(path, source=source))
        except ZerenError as err:
            result.failures.append(err if isinstance(err, LoaderError) else LoaderError(str(path), str(err)))
        except Exception as err:  # noqa: BLE001 - any parser bug must not stop the batch
            failure = LoaderError(str(path), f"unexpected {type(err).__name__}: {err}")
            failure.__cause__ = err
            result.failures.append(failure)
        if progress is not None:
            progress(path)
    return result
