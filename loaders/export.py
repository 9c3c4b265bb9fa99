"""Records → JSON rows: tasks.jsonl as the evaluation scorer reads it, and the report.

>>> from zeren.loaders.records import Task
>>> task_row(Task(doc="d", plan="p", text="t", leads=("县财政局",)))["leads"]
['县财政局']
"""

from __future__ import annotations

from zeren.loaders.records import ReportEntry, Task

__all__ = ["task_row", "report_row"]


def task_row(task: Task) -> dict:
    """One line of tasks.jsonl (see the shared eval README), plus provenance fields."""
    return {
        "doc": task.doc,
        "plan": task.plan,
        "text": task.text,
        "leads": list(task.leads),
        "supports": list(task.supports),
        "leaders": list(task.leaders),
        "deadline": task.deadline,
        "source": task.source,
        "line": task.line,
        "section": task.section,
        "number": task.number,
    }


def report_row(entry: ReportEntry) -> dict:
    """One line of the extraction report: what was seen and why it is not a task."""
    return {"path": entry.path, "line": entry.line, "reason": entry.reason, "text": entry.text}
