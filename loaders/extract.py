"""Text → records: the one entry point from a decoded document to an Extraction.

``parse_document`` is pure (text in, records out); ``extract_file`` and
``extract_paths`` add reading files, one failure per bad file, never a stop.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from loaders.document import (
    announcement,
    document_fields,
    first_text,
    plan_mentions,
    plan_targets,
    plan_titles,
)
from loaders.inline import Found, ProseState, parse_prose
from loaders.jurisdiction import infer_jurisdiction
from loaders.normalise import Line, normalise_text
from loaders.records import Document, Extraction, Plan, ReportEntry, Task
from loaders.rows import table_found
from loaders.tables import find_tables
from zeren.errors import LoaderError, ZerenError

__all__ = ["parse_document", "extract_file", "collect_files", "extract_paths", "BatchResult"]


@dataclass
class BatchResult:
    """What a batch produced: one Extraction per readable file, one error per bad one."""

    extractions: list[Extraction] = field(default_factory=list)
    failures: list[LoaderError] = field(default_factory=list)


def _plans(
    lines: list[Line], doc: str, fallback: str, known: tuple[str, ...]
) -> tuple[list[Plan], list[int]]:
    titles = plan_titles(lines, known)
    if not titles and fallback:
        titles = [(0, fallback)]
    plans, starts = [], []
    for k, (index, title) in enumerate(titles):
        end = titles[k + 1][0] if k + 1 < len(titles) else len(lines)
        body = lines[index:end]
        no = lines[index].no if lines else 0
        plans.append(Plan(doc, title, no, plan_targets(body), plan_mentions(body)))
        starts.append(no)
    return plans, starts


def _fallback_title(fields: dict, lines: list[Line], doc: str) -> str:
    """The plan of measures before any plan title: the announced plan, else a title-like first line."""
    if fields["announced_plans"]:
        return fields["announced_plans"][0]
    umbrellas = announcement(lines)[1]  # 《…六大攻坚工程实施方案》 still names the whole
    if umbrellas:
        return umbrellas[0]
    first = first_text(lines)
    if len(first) <= 40 and "。" not in first:
        return fields["title"] or first or doc
    return fields["title"] or doc


def _with_agency_place(document: Document, tasks: list[Task]) -> Document:
    """The last fallback for the issuing place: the place most department names start with."""
    names = [name for task in tasks for name in (*task.leads, *task.supports)]
    place, level = infer_jurisdiction("", "", [], names)
    if place:
        return replace(document, jurisdiction=place, level=level)
    return replace(document, level="other") if document.issuer else document


def parse_document(text: str, *, source: str, doc: str) -> Extraction:
    """Decoded text of one document → its Document, Plans, Tasks and what was left out.

    >>> ex = parse_document("青山县方案\\n1.修路。(牵头单位:县交通局;责任单位:县财政局)", source="x.txt", doc="x")
    >>> ex.tasks[0].leads, ex.tasks[0].supports
    (('县交通局',), ('县财政局',))
    """
    lines = normalise_text(text)
    fields = document_fields(lines)
    document = Document(id=doc, path=source, **fields)
    fallback = _fallback_title(fields, lines, doc)
    plans, starts = _plans(lines, doc, fallback, fields["announced_plans"])

    state = ProseState()
    found: list[Found] = []
    cursor = 0
    for table in find_tables(lines):
        found.extend(parse_prose(lines[cursor : table.start], state))
        found.extend(table_found(table, state))
        cursor = table.end
    found.extend(parse_prose(lines[cursor:], state))

    def plan_of(line_no: int) -> str:
        k = bisect.bisect_right(starts, line_no) - 1
        if k >= 0:
            return plans[k].title
        return fallback

    tasks: list[Task] = []
    standing: dict[str, list[str]] = {}
    for item in sorted(found, key=lambda f: f.line):
        plan = plan_of(item.line)
        roles = item.roles
        leads, supports = list(roles.leads), list(roles.supports)
        extra = list(standing.get(plan, []))
        if roles.standing and roles.standing_self:
            extra += list(roles.standing)
        for unit in extra:
            if unit not in leads and unit not in supports:
                supports.append(unit)
        if roles.standing:
            standing[plan] = list(dict.fromkeys(standing.get(plan, []) + list(roles.standing)))
        if not (leads or supports or roles.leaders):
            if not roles.standing:
                state.report.append((item.line, "note names no responsible unit", item.text))
            continue  # a standing note only sets units for the tasks after it
        tasks.append(
            Task(
                doc=doc,
                plan=plan,
                text=item.text,
                leads=tuple(leads),
                supports=tuple(supports),
                leaders=roles.leaders,
                deadline=roles.deadline,
                section=item.section,
                number=item.number,
                source=source,
                line=item.line,
            )
        )
    if not document.jurisdiction:
        document = _with_agency_place(document, tasks)
    report = [ReportEntry(source, no, reason, text) for no, reason, text in sorted(state.report)]
    return Extraction(document, plans, tasks, report, state.notes_seen)


def extract_file(path: str | Path) -> Extraction:
    """Read one file and parse it; the document id is the file name without its extension."""
    from loaders.readers import read_text

    path = Path(path)
    return parse_document(read_text(path), source=str(path), doc=path.stem)


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and files of a supported kind under folders named (recursive, sorted).

    A file named directly is kept whatever its suffix, so that reading it gives
    a clear error instead of a silent skip.
    """
    from loaders.readers import SUPPORTED_SUFFIXES

    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(
                sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES)
            )
        else:
            out.append(p)
    return list(dict.fromkeys(out))


def extract_paths(
    paths: Iterable[str | Path], *, progress: Callable[[Path], None] | None = None
) -> BatchResult:
    """Extract every file under ``paths``; a bad file becomes a failure and the batch goes on."""
    result = BatchResult()
    for path in collect_files(paths):
        try:
            result.extractions.append(extract_file(path))
        except ZerenError as err:
            result.failures.append(err if isinstance(err, LoaderError) else LoaderError(str(path), str(err)))
        except Exception as err:  # noqa: BLE001 - any parser bug must not stop the batch
            failure = LoaderError(str(path), f"unexpected {type(err).__name__}: {err}")
            failure.__cause__ = err
            result.failures.append(failure)
        if progress is not None:
            progress(path)
    return result
