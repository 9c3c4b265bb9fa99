"""One task per measure: a measure a document states twice becomes one task.

Plans often state their measures in the running text and then again, reworded
a little, as rows of an appended task table (任务分解表). Counted twice, every
unit on them looks twice as busy. Within one document, a measure written
inline and a table row whose measure text is near-identical (similarity of the
texts stripped of numbering, spaces and punctuation at least
``MIN_SIMILARITY``) are one measure: the earlier copy is kept, with the union
of both copies' leads, supports and lead officials (a unit leading in either
copy leads), the first deadline given, and both source lines.

Two inline measures, or two table rows, are never merged: a plan lists similar
measures side by side on purpose (one per town, one per year). Pairs are taken
best first, each copy merged at most once.

>>> from zeren.loaders.records import Task
>>> inline = Task("d", "方案", "(2)加快建设青山县物流园。", leads=("县商务局",), line=5)
>>> row = Task("d", "方案", "4 | 加快建设青山县物流园 | 县交通局 | 县财政局", leads=("县交通局",), supports=("县财政局",), line=40)
>>> [(t.leads, t.supports, lines) for t, lines, _ in merge_repeated([inline, row])]
[(('县商务局', '县交通局'), ('县财政局',), (5, 40))]
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

from zeren.loaders.records import Task

__all__ = ["MIN_SIMILARITY", "measure_text", "merge_repeated"]

MIN_SIMILARITY = 0.6
CELL = " | "  # how a table row's cells are joined in Task.text
_MIN_CHARS = 8  # shorter measures ("加强领导") are too generic to call repeats
_MIN_SHARED = 0.3  # share of character pairs two copies must have in common before they are compared
_NUMBERING = re.compile(r"^\s*(?:[(（]?\d+[)）.、．]?|[(（]?[一二三四五六七八九十]+[)）、.．])")
_NOT_TEXT = re.compile(r"[\s\W_]+")


def measure_text(task: Task) -> str:
    """The words of the measure: a table row's longest cell; numbering, spaces and punctuation dropped.

    >>> measure_text(Task("d", "p", "（3）推进园区循环化改造。"))
    '推进园区循环化改造'
    """
    text = max(task.text.split(CELL), key=len) if CELL in task.text else task.text
    return _NOT_TEXT.sub("", _NUMBERING.sub("", text, count=1))


def _is_row(task: Task) -> bool:
    return CELL in task.text


def merge_repeated(
    tasks: Sequence[Task], *, min_similarity: float = MIN_SIMILARITY
) -> list[tuple[Task, tuple[int, ...], int]]:
    """``(task, source lines, place)`` per measure, in document order; ``place`` is the 1-based position
    of the kept copy in ``tasks``, so task ids stay those of the unmerged list."""
    cores = [measure_text(t) for t in tasks]
    grams = [_bigrams(c) for c in cores]
    # an index of the table rows' character pairs, so each inline measure meets only rows sharing words
    index: dict[str, list[int]] = {}
    for j, task in enumerate(tasks):
        if _is_row(task) and len(cores[j]) >= _MIN_CHARS:
            for gram in grams[j]:
                index.setdefault(gram, []).append(j)
    pairs = []
    for i, task in enumerate(tasks):
        if _is_row(task) or len(cores[i]) < _MIN_CHARS:
            continue
        shared = Counter(j for gram in grams[i] for j in index.get(gram, ()) if tasks[j].doc == task.doc)
        for j, n in shared.items():
            if n < _MIN_SHARED * min(len(grams[i]), len(grams[j])):
                continue
            sm = SequenceMatcher(None, cores[i], cores[j], autojunk=False)
            if sm.real_quick_ratio() < min_similarity or sm.quick_ratio() < min_similarity:
                continue
            score = sm.ratio()
            if score >= min_similarity:
                pairs.append((-score, min(i, j), max(i, j)))
    partner: dict[int, int] = {}
    for _, i, j in sorted(pairs):
        if i not in partner and j not in partner:
            partner[i], partner[j] = j, i
    out: list[tuple[Task, tuple[int, ...], int]] = []
    for i, task in enumerate(tasks):
        other = partner.get(i)
        if other is None:
            out.append((task, (task.line,), i + 1))
        elif i < other:
            out.append((_union(task, tasks[other]), (task.line, tasks[other].line), i + 1))
    return out


def _bigrams(text: str) -> set[str]:
    return {text[k : k + 2] for k in range(len(text) - 1)}


def _union(first: Task, second: Task) -> Task:
    leads = _ordered(first.leads + second.leads)
    return dataclasses.replace(
        first,
        leads=leads,
        supports=tuple(n for n in _ordered(first.supports + second.supports) if n not in leads),
        leaders=_ordered(first.leaders + second.leaders),
        deadline=first.deadline or second.deadline,
    )


def _ordered(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))
