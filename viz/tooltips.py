"""Hover text for graph nodes, built as escaped HTML.

Document text is data, never markup: every value passes through ``html.escape``
here, and the page turns the result into a DOM element (vis-network shows plain
strings as text, elements as they are), so ``<script>`` in a task shows as text.
"""

from __future__ import annotations

import html
from pathlib import PurePath

from zeren.graph.schema import AGENCY, DOCUMENT, LEADER, PLAN, TASK

from .i18n import DEFAULT_LANG, message

__all__ = ["node_tooltip", "rows_tooltip", "source_ref", "deadline_text", "level_name"]

_MAX_TEXT = 400  # a tooltip is a glance, the report holds the full text


def source_ref(attrs: dict) -> str:
    """``file:line`` of a task, the file shown by its base name.

    >>> source_ref({"source": "/data/青山县.txt", "line": 12})
    '青山县.txt:12'
    """
    source = attrs.get("source") or ""
    name = PurePath(source).name if source else ""
    line = attrs.get("line") or 0
    return f"{name}:{line}" if name and line else name


def rows_tooltip(heading: str, rows: list[tuple[str, object]]) -> str:
    """A bold heading over ``label: value`` lines; empty values are left out."""
    parts = [f"<b>{html.escape(_clip(heading))}</b>"]
    for label, value in rows:
        if value is None or value == "" or value == []:
            continue
        if isinstance(value, (list, tuple)):
            value = "、".join(str(v) for v in value)
        parts.append(f"{html.escape(label)}: {html.escape(_clip(str(value)))}")
    return "<br>".join(parts)


def level_name(level: str | None, lang: str = DEFAULT_LANG) -> str | None:
    """An agency level in the page's language (``county`` → ``县级``); unknown values pass through."""
    if not level:
        return level
    key = f"view.level.{level}"
    try:
        return message(key, lang)
    except KeyError:
        return level


def node_tooltip(
    node_id: str,
    attrs: dict,
    *,
    led: int = 0,
    supported: int = 0,
    load: float | None = None,
    lang: str = DEFAULT_LANG,
) -> str:
    """Tooltip for one node of a Zeren graph, by kind, its labels in ``lang``."""
    kind = attrs.get("kind")
    name = str(attrs.get("name") or node_id)

    def f(key: str) -> str:
        return message(f"view.field.{key}", lang)

    if kind == TASK:
        return rows_tooltip(
            attrs.get("text") or name,
            [
                (f("plan"), attrs.get("plan")),
                (f("section"), attrs.get("section")),
                (f("number"), attrs.get("number")),
                (f("deadline"), deadline_text(attrs)),
                (f("source"), source_ref(attrs)),
            ],
        )
    if kind == AGENCY:
        return rows_tooltip(
            name,
            [
                (f("jurisdiction"), attrs.get("jurisdiction")),
                (f("level"), level_name(attrs.get("level"), lang)),
                (f("kind"), attrs.get("agency_kind")),
                (f("leads"), led),
                (f("supports"), supported),
                (f("load"), load),
                (f("spellings"), attrs.get("spellings")),
            ],
        )
    if kind == LEADER:
        return rows_tooltip(name, [(f("jurisdiction"), attrs.get("jurisdiction")), (f("leads"), led)])
    if kind == PLAN:
        return rows_tooltip(attrs.get("title") or name, [(f("document"), attrs.get("doc"))])
    if kind == DOCUMENT:
        return rows_tooltip(
            attrs.get("title") or name,
            [
                (f("issuer"), attrs.get("issuer")),
                (f("jurisdiction"), attrs.get("jurisdiction")),
                (f("date"), attrs.get("date")),
                (f("file"), PurePath(attrs["path"]).name if attrs.get("path") else None),
            ],
        )
    return rows_tooltip(name, [])


def deadline_text(attrs: dict) -> str | None:
    """A task's deadline as written, with the dates read from it."""
    raw = attrs.get("deadline")
    start, end = attrs.get("deadline_start"), attrs.get("deadline_end")
    dates = " – ".join(d for d in (start, end) if d)
    if raw and dates:
        return f"{raw} ({dates})"
    return raw or dates or None


def _clip(text: str) -> str:
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "…"
