"""Text → records: the one entry point from a decoded document to an Extraction.

``parse_document`` is pure (text in, records out); ``extract_file`` adds reading
the file. Batches of files are :mod:`zeren.loaders.batch`.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from pathlib import Path

from zeren.loaders.document import (
    announcement,
    document_fields,
    first_text,
    plan_mentions,
    plan_targets,
    plan_titles,
)
from zeren.loaders.inline import Found, ProseState, parse_prose
from zeren.loaders.jurisdiction import infer_jurisdiction
from zeren.loaders.normalise import Line, normalise_text
from zeren.loaders.records import Document, Extraction, Plan, ReportEntry, Task
from zeren.loaders.rows import table_found
from zeren.loaders.tables import find_tables
from zeren.safetext import path_text

__all__ = ["parse_document", "extract_file"]


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


def extract_file(path: str | Path, *, source: str | None = None) -> Extraction:
    """Read one file and parse it; the document id is the file name without its extension.

    ``source`` is the name the records keep for the file (default: its file name).
    """
    from zeren.loaders.readers import read_text

    path = Path(path)
    return parse_document(read_text(path), source=path_text(source or path.name), doc=path_text(path.stem))
