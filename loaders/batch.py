"""Many files → records: every file read, a bad file a failure, the batch never stops."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from zeren.errors import LoaderError, ZerenError
from zeren.loaders.extract import parse_document
from zeren.loaders.inputs import InputFile, collect_inputs, member_file
from zeren.loaders.readers import read_document
from zeren.loaders.records import Document, Extraction
from zeren.safetext import path_text

__all__ = ["BatchResult", "extract_paths", "extract_input"]


@dataclass
class BatchResult:
    """What a batch produced: one Extraction per readable file, one error per bad one, warnings."""

    extractions: list[Extraction] = field(default_factory=list)
    failures: list[LoaderError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def extract_input(f: InputFile) -> tuple[Extraction, tuple[str, ...]]:
    """Read and parse one input (a file or a bundle member); its records and read warnings."""
    if f.problem:
        raise LoaderError(path_text(f.path), f.problem)
    name = path_text(f.path) + (f"!{f.source.rsplit('!', 1)[-1]}" if f.member else "")
    with member_file(f) as path:
        text, notes = read_document(path, name=name)
    doc = path_text(Path(f.path).stem)
    if f.member:
        doc += "!" + PurePosixPath(f.source.rsplit("!", 1)[-1]).stem
    return parse_document(text, source=f.source, doc=doc), notes


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
    paths: Iterable[str | Path | InputFile], *, progress: Callable[[Path], None] | None = None
) -> BatchResult:
    """Extract every file under ``paths``; a bad file becomes a failure and the batch goes on."""
    result = BatchResult()
    collected = collect_inputs(paths)
    result.warnings.extend(collected.warnings)
    notices: dict[Path, Document] = {}
    with_attachments = {f.notice for f in collected.files if f.notice is not None}
    for f in collected.files:
        try:
            extraction, notes = extract_input(f)
            if f.notice is not None and f.notice in notices:
                extraction = _as_attachment(extraction, notices[f.notice])
            notices[f.path] = extraction.document
            result.extractions.append(extraction)
            result.warnings.extend(notes)
            if (
                not extraction.tasks and f.path not in with_attachments
            ):  # a notice's tasks are in its attachments
                result.warnings.append(
                    f"{extraction.document.path}: no task found (no responsibility note read)"
                )
        except ZerenError as err:
            result.failures.append(
                err if isinstance(err, LoaderError) else LoaderError(path_text(f.path), str(err))
            )
        except Exception as err:  # noqa: BLE001 - any parser bug must not stop the batch
            failure = LoaderError(path_text(f.path), f"unexpected {type(err).__name__}: {err}")
            failure.__cause__ = err
            result.failures.append(failure)
        if progress is not None:
            progress(f.path)
    return result
