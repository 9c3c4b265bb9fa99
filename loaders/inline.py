"""Measures in running text and the responsibility notes that go with them.

A note may close a paragraph (``…。(牵头单位:A;责任单位:B)``), open it, stand on
its own line after it, or follow it as labelled lines (``责任单位:A`` /
``时限要求:…``). Where one paragraph carries several notes, each note and the
sentences before it back to the previous note make one measure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from loaders.document import is_heading
from loaders.normalise import Line
from loaders.notes import LABEL, STANDING, Roles, is_deadline, parse_note

__all__ = ["Found", "ProseState", "parse_prose", "note_groups", "numbering"]

_NUMBERING = re.compile(
    r"^(\d+[.、．](?!\d)|\(\d+\)|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|[①-⑳]|第[一二三四五六七八九十]+条)"
)
_TOP_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
_MENTION = re.compile(r"牵头|责任单位|责任部门|配合单位")
_TRIVIAL = re.compile(r"^[\s。.,，;；:：、]*$")
_MID_LABEL = re.compile(r"(?<=[。;])(?=" + LABEL.pattern + ")")


@dataclass
class Found:
    """A measure with its roles, before plan and standing units are applied."""

    line: int
    text: str
    roles: Roles
    section: str
    number: str


@dataclass
class ProseState:
    """What earlier notes decided for later ones (the first-named unit leads, …)."""

    first_leads: bool = False
    notes_seen: int = 0
    report: list[tuple[int, str, str]] = field(default_factory=list)


def numbering(text: str) -> str:
    """The measure's own numbering as written: ``3.``→``3``, ``(1)``, ``①``."""
    m = _NUMBERING.match(text)
    return m.group(1).rstrip(".、．") if m else ""


def note_groups(text: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level bracketed group in ``text``, brackets included.

    A bracket left open at the end of the line (a note whose ``)`` was lost)
    runs to the end of the line.
    """
    groups, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                groups.append((start, i + 1))
    if depth:
        groups.append((start, len(text)))
    return groups


def _content(text: str, start: int, end: int) -> str:
    closed = end - start >= 2 and text[end - 1] == ")" and not _open_at_end(text, start)
    return text[start + 1 : end - 1] if closed else text[start + 1 : end]


def _depth(text: str) -> int:
    """How many brackets are open at the end of ``text`` (a stray ``)`` closes nothing)."""
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
    return depth


def _open_at_end(text: str, start: int) -> bool:
    depth = 0
    for ch in text[start:]:
        depth += (ch == "(") - (ch == ")")
    return depth > 0


def _read_note(text: str, start: int, end: int, state: ProseState) -> Roles | None:
    before = text[start - 1] if start else ""
    after = text[end:].strip("。 ")
    bare_ok = (start == 0 or before in "。;；") and not after
    roles = parse_note(_content(text, start, end), first_leads=state.first_leads, bare_ok=bare_ok)
    if roles is not None and roles.first_leads:
        state.first_leads = True
    return roles


def _notes_in(line: Line, state: ProseState) -> list[tuple[int, int, Roles]]:
    out = []
    for start, end in note_groups(line.text):
        content = _content(line.text, start, end)
        if end == len(line.text) and _open_at_end(line.text, start) and not content.rstrip().endswith("。"):
            if _MENTION.search(content):
                state.notes_seen += 1
                state.report.append(
                    (line.no, "note is cut off (its closing bracket and end are missing)", content)
                )
            continue
        roles = _read_note(line.text, start, end, state)
        when = roles.deadline if roles is not None and not (roles.parties or roles.standing) else None
        if roles is not None and when is None:
            out.append((start, end, roles))
        elif out and out[-1][1] == start and out[-1][2].deadline is None and (when or is_deadline(content)):
            # (牵头单位:A)(2025年6月底前): a time limit in brackets of its own
            out[-1] = (out[-1][0], end, replace(out[-1][2], deadline=when or content))
        elif _MENTION.search(content):
            state.notes_seen += 1
            state.report.append(
                (line.no, "bracketed remark names 牵头/责任单位 but could not be read as a note", content)
            )
    return out


def _label_line(text: str) -> bool:
    return bool(LABEL.match(text))


def parse_prose(lines: list[Line], state: ProseState) -> list[Found]:
    """Measures with notes from a run of prose lines, in order."""
    found: list[Found] = []
    section = ""
    pending: Line | None = None  # the last paragraph still waiting for its note
    pending_section = ""
    block: list[Line] = []

    def flush_block() -> None:
        nonlocal pending
        if not block:
            return
        state.notes_seen += 1
        body = ";".join(line.text for line in block)
        roles = parse_note(body, first_leads=state.first_leads, bare_ok=True)
        if roles is not None and roles.first_leads:
            state.first_leads = True
        if roles is not None and not roles.parties and roles.deadline and pending is None and found:
            if found[-1].roles.deadline is None:  # 完成时限: under a measure whose note came inline
                found[-1].roles = replace(found[-1].roles, deadline=roles.deadline)
            else:
                state.report.append((block[0].no, "time limit follows a measure that has one", body))
        elif roles is None or not (roles.parties or roles.standing):
            state.report.append((block[0].no, "labelled note names no unit that could be read", body))
        elif pending is None:
            state.report.append((block[0].no, "labelled note follows no measure", body))
        else:
            found.append(Found(pending.no, pending.text, roles, pending_section, numbering(pending.text)))
            pending = None
        block.clear()
        since.clear()

    since: list[Line] = []  # paragraphs since the last measure, to find where an item began

    def item_start(piece: str) -> str:
        """A note closing a paragraph of a numbered item covers the item from its number on."""
        if numbering(piece):
            return piece
        for back in range(len(since) - 1, max(len(since) - 7, -1), -1):
            if numbering(since[back].text):
                return "".join(x.text for x in since[back:]) + piece
        return piece

    open_task: Found | None = None  # a measure whose note is on its heading: its body follows
    for line in lines:
        text = line.text
        if _label_line(text):
            block.append(line)
            continue
        flush_block()
        tail = _MID_LABEL.search(text)
        if tail and _depth(text[: tail.start()]):
            tail = None  # the label is inside a bracketed note
        if tail and "(" not in text[tail.end() :]:
            roles = parse_note(text[tail.end() :], first_leads=state.first_leads, bare_ok=True)
            if roles is not None and roles.parties:
                # 。责任单位:A、B at the end of the paragraph itself
                state.notes_seen += 1
                state.first_leads = state.first_leads or roles.first_leads
                piece = item_start(text[: tail.end()])
                found.append(Found(line.no, piece, roles, section, numbering(piece)))
                since.clear()
                pending = None
                continue
        notes = _notes_in(line, state)
        standing = parse_note(text) if not notes and len(text) <= 100 and STANDING.search(text) else None
        if standing is not None and standing.standing and not standing.parties:
            # 以下各项工作均需各县、区人民政府落实,不再列出。 written as a paragraph of its own
            state.notes_seen += 1
            found.append(Found(line.no, text, standing, section, ""))
            continue
        if not notes and open_task is not None and not is_heading(text) and not _TOP_HEADING.match(text):
            # the body of a measure whose note sits on its heading line
            open_task.text += text
        else:
            open_task = None
        if not notes:
            already = bool(state.report) and state.report[-1][0] == line.no
            if _MENTION.search(text) and not already:
                state.report.append((line.no, "mentions 牵头/责任单位 outside a responsibility note", text))
            if is_heading(text) and not _label_line(text):
                pending_section, section = section, text
            else:
                pending_section = section
            pending = line
            since.append(line)
            continue
        state.notes_seen += len(notes)
        first_start = notes[0][0]
        lead_text = text[:first_start]
        if _TRIVIAL.match(lead_text) and _TRIVIAL.match(text[notes[0][1] :]) and len(notes) == 1:
            # a note on a line of its own belongs to the paragraph before it
            roles = notes[0][2]
            if pending is not None:
                found.append(Found(pending.no, pending.text, roles, pending_section, numbering(pending.text)))
                pending = None
            else:
                state.report.append((line.no, "note follows no measure", text))
            since.clear()
            continue
        pending = None
        leading = bool(_TRIVIAL.match(re.sub(_NUMBERING, "", lead_text)))
        prev_end = 0
        for k, (start, end, roles) in enumerate(notes):
            if leading:
                stop = notes[k + 1][0] if k + 1 < len(notes) else len(text)
                piece = (lead_text if k == 0 else "") + text[end:stop]
            else:
                piece = text[prev_end:start]
            prev_end = end
            piece = piece.strip(";；,， ").lstrip("。")
            if not piece or _TRIVIAL.match(piece):
                state.report.append((line.no, "note has no measure text before it", text[start:end]))
                continue
            if _TOP_HEADING.match(piece) and is_heading(piece):
                state.report.append((line.no, "note on a section heading, not on a measure", text))
                continue
            if k == 0 and not leading:
                piece = item_start(piece)
            found.append(Found(line.no, piece, roles, section, numbering(piece)))
        since.clear()
        rest = text[prev_end:] if not leading else ""
        if rest and not _TRIVIAL.match(rest):
            pending, pending_section = Line(line.no, rest), section
        elif len(notes) == 1 and not leading and found and found[-1].line == line.no and is_heading(found[-1].text):
            open_task = found[-1]
        if is_heading(text):
            section = text
    flush_block()
    # a paragraph that mentioned 牵头 and then got its note is no loss to report
    done = {f.line for f in found}
    state.report[:] = [r for r in state.report if not (r[0] in done and r[1].startswith("mentions"))]
    return found
