"""How one document was cut: its blocks, the notes found in them and what was left out.

``zeren extract --explain FILE`` prints this, so a user can see why a measure
was or was not read: each cleaned line with its kind (title, heading, table,
labelled note, paragraph), the tasks that start there with their roles, and
the report entries. Lines are numbered as in the decoded file.

>>> text = "青山县方案\\n一、任务\\n1.修路。(牵头单位:县交通局)\\n"
>>> print("\\n".join(explain_text(text, source="x.txt", doc="x")))  # doctest: +NORMALIZE_WHITESPACE
x.txt: jurisdiction 青山县 (county), issued ?, issuer ?; 1 plan(s), 1 task(s), 0 reported
L1     title      青山县方案
L2     heading    一、任务
L3     measure    1.修路。(牵头单位:县交通局)
         → task [青山县方案] leads 县交通局
"""

from __future__ import annotations

from zeren.loaders.document import is_heading, is_plan_title
from zeren.loaders.extract import parse_document
from zeren.loaders.normalise import normalise_text
from zeren.loaders.notes import LABEL
from zeren.loaders.records import Task
from zeren.loaders.tables import find_tables

__all__ = ["explain_text"]

_WIDTH = 60  # characters of a line shown


def _roles(task: Task) -> str:
    parts = [f"[{task.plan}]"]
    for label, names in (("leads", task.leads), ("supports", task.supports), ("leaders", task.leaders)):
        if names:
            parts.append(f"{label} {'、'.join(names)}")
    if task.deadline:
        parts.append(f"deadline {task.deadline}")
    return " ".join(parts)


def explain_text(text: str, *, source: str, doc: str) -> list[str]:
    """Lines describing how ``text`` was cut into blocks and read; pure, for tests and the CLI."""
    extraction = parse_document(text, source=source, doc=doc)
    d = extraction.document
    out = [
        f"{source}: jurisdiction {d.jurisdiction or '?'} ({d.level or '?'}), issued {d.date or '?'}, "
        f"issuer {d.issuer or '?'}; {len(extraction.plans)} plan(s), {len(extraction.tasks)} task(s), "
        f"{len(extraction.report)} reported"
    ]
    lines = normalise_text(text)
    in_table: dict[int, str] = {}
    for table in find_tables(lines):
        columns = " ".join(f"{role or '-'}" for role in table.roles)
        for k in range(table.start, table.end):
            in_table[k] = "table" if k > table.start else f"table [{columns}]"
    tasks: dict[int, list[Task]] = {}
    for task in extraction.tasks:
        tasks.setdefault(task.line, []).append(task)
    reports: dict[int, list[str]] = {}
    for entry in extraction.report:
        reports.setdefault(entry.line, []).append(entry.reason)
    titles = {plan.line for plan in extraction.plans}
    for k, line in enumerate(lines):
        if k in in_table:
            kind = in_table[k]
        elif line.no in titles or is_plan_title(line.text):
            kind = "title"
        elif is_heading(line.text) and line.no not in tasks:
            kind = "heading"
        elif LABEL.match(line.text):
            kind = "label"
        elif line.no in tasks:
            kind = "measure"
        else:
            kind = "paragraph"
        shown = line.text if len(line.text) <= _WIDTH else line.text[: _WIDTH - 1] + "…"
        out.append(f"L{line.no:<5} {kind:<10} {shown}")
        out.extend(f"         → task {_roles(task)}" for task in tasks.get(line.no, []))
        out.extend(f"         ! {reason}" for reason in reports.get(line.no, []))
    return out
