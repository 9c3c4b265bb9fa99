"""Records → JSON rows: tasks.jsonl as the evaluation scorer reads it, and the report.

>>> from zeren.loaders.records import Task
>>> task_row(Task(doc="d", plan="p", text="t", leads=("县财政局",)))["leads"]
['县财政局']
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import overload

from zeren.loaders.records import ReportEntry, Task

__all__ = ["TaskLines", "report_row", "task_line", "task_row", "tasks_jsonl"]

# json.dumps(row, ensure_ascii=False) without building an encoder per row: the same text
_encode = json.JSONEncoder(ensure_ascii=False).encode


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


def task_line(task: Task) -> str:
    """One task as its tasks.jsonl line, newline included (Chinese kept readable)."""
    return _encode(task_row(task)) + "\n"


def tasks_jsonl(tasks: Sequence[Task]) -> str:
    """The tasks.jsonl lines of ``tasks``; ready-made when they came as :class:`TaskLines`."""
    return tasks.text if isinstance(tasks, TaskLines) else "".join(map(task_line, tasks))


def _task(row: dict) -> Task:
    """The Task a :func:`task_row` was made from (the row holds every field)."""
    return Task(
        doc=row["doc"],
        plan=row["plan"],
        text=row["text"],
        leads=tuple(row["leads"]),
        supports=tuple(row["supports"]),
        leaders=tuple(row["leaders"]),
        deadline=row["deadline"],
        section=row["section"],
        number=row["number"],
        source=row["source"],
        line=row["line"],
    )


class TaskLines(Sequence[Task]):
    """A document's tasks together with their tasks.jsonl text, sent between processes as that text.

    An extraction worker sends one string instead of thousands of records, and a
    parent that only writes tasks.jsonl writes it as it is; the records are
    rebuilt from the text only when something asks for them.
    """

    __slots__ = ("_count", "_tasks", "text")

    def __init__(self, tasks: Sequence[Task] = (), *, text: str | None = None, count: int = 0) -> None:
        self._tasks: tuple[Task, ...] | None
        if text is None:
            self._tasks = tuple(tasks)
            self.text = "".join(map(task_line, self._tasks))
            self._count = len(self._tasks)
        else:
            self._tasks, self.text, self._count = None, text, count

    def __reduce__(self) -> tuple:
        return _task_lines, (self.text, self._count)

    def _records(self) -> tuple[Task, ...]:
        if self._tasks is None:
            # split on "\n" alone: JSON escapes it inside strings, not U+2028 and the like
            self._tasks = tuple(_task(json.loads(line)) for line in self.text.split("\n")[:-1])
        return self._tasks

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, i: int) -> Task: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Task, ...]: ...
    def __getitem__(self, i: int | slice) -> Task | tuple[Task, ...]:
        return self._records()[i]

    def __iter__(self) -> Iterator[Task]:
        return iter(self._records())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TaskLines):
            return self.text == other.text
        if isinstance(other, (list, tuple)):
            return list(self._records()) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a list, which is unhashable

    def __repr__(self) -> str:
        return f"TaskLines({list(self._records())!r})"


def _task_lines(text: str, count: int) -> TaskLines:
    return TaskLines(text=text, count=count)


def report_row(entry: ReportEntry) -> dict:
    """One line of the extraction report: what was seen and why it is not a task."""
    return {"path": entry.path, "line": entry.line, "reason": entry.reason, "text": entry.text}
