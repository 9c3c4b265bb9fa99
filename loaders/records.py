"""Plain records that flow from the loaders to the graph builder.

Every stage after reading a file is a pure function over these records, so each
can be tested on strings and compared as values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["Task", "Plan", "Document", "ReportEntry", "Extraction"]


@dataclass(frozen=True)
class Task:
    """One measure with its responsibility note.

    ``leads``/``supports``/``leaders`` hold names as the document writes them,
    after the naming conventions (simplified, spaces removed, lists split,
    elisions restored); resolution to canonical agencies happens in ``graph``.
    """

    doc: str  # document id: the file name without its extension
    plan: str  # title of the plan the measure belongs to
    text: str  # the measure's text (a table row: its cells joined in order)
    leads: tuple[str, ...] = ()
    supports: tuple[str, ...] = ()
    leaders: tuple[str, ...] = ()
    deadline: str | None = None  # the time-limit text as written
    section: str = ""  # nearest heading above the measure
    number: str = ""  # its own numbering as written: "3", "(1)", "①" …
    source: str = ""  # path of the file it came from
    line: int = 0  # 1-based line in the decoded text where the measure starts


@dataclass(frozen=True)
class Plan:
    """One plan (实施方案/行动方案/…) inside a document."""

    doc: str
    title: str
    line: int = 0
    targets: tuple[str, ...] = ()  # goal sentences with figures, from the plan's 目标 section
    mentions: tuple[str, ...] = ()  # units named in organisation/safeguard sections


@dataclass(frozen=True)
class Document:
    """One input file."""

    id: str
    path: str
    title: str = ""
    issuer: str = ""  # e.g. 楚雄州人民政府办公室
    jurisdiction: str = ""  # e.g. 楚雄州, 武定县, 安徽省, 中央
    level: str = ""  # national/province/prefecture/county/township/other
    date: str = ""  # ISO date of issue where found
    announced_plans: tuple[str, ...] = ()  # plan titles a covering notice says it issues
    announced_count: int | None = None  # "六大攻坚工程" → 6


@dataclass(frozen=True)
class ReportEntry:
    """A responsibility note, table row or 牵头 mention that did not become a task."""

    path: str
    line: int
    reason: str
    text: str


@dataclass
class Extraction:
    """Everything read from one document."""

    document: Document
    plans: list[Plan] = field(default_factory=list)
    tasks: Sequence[Task] = field(default_factory=list)  # a TaskLines when read for tasks.jsonl
    report: list[ReportEntry] = field(default_factory=list)
    notes_seen: int = 0  # responsibility notes/rows seen, to compare with len(tasks)
