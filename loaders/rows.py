"""One table row → one measure with its roles, by what each column holds.

A blank cell in a lead, official or time column repeats the cell above it, as
merged cells do once a table is flattened to text (other unit columns only when
the row names no unit at all); ``同上`` repeats it in any column. A row's text is its cells
joined in order.
"""

from __future__ import annotations

import re

from zeren.loaders.inline import Found, ProseState
from zeren.loaders.notes import LABEL, label_start, parse_labelled, parse_note
from zeren.loaders.tables import LEAD, LEADER, NUM, OTHER, RESP, SUP, TEXT, TIME, Table

__all__ = ["table_found"]

_FILL_DOWN = (LEAD, RESP, LEADER, TIME)
_DITTO = re.compile(r"同上(栏|行|单位)?|〃")
_ROLE_WORDS = ("牵头", "配合", "协办", "参与")


def _note_in_cell(cell: str) -> bool:
    """A role word, or a label (which always ends in a colon: scanned from just before the first)."""
    return any(w in cell for w in _ROLE_WORDS) or bool(LABEL.search(cell, label_start(cell)))


def _cell_pairs(role: str, cell: str) -> list[tuple[str, str]]:
    """A unit cell may hold a note of its own (``牵头:县发改局;配合:县财政局``): read it as one."""
    if role in (LEAD, RESP, SUP) and _note_in_cell(cell):
        note = parse_note(cell, bare_ok=True)
        if note is not None and note.parties:
            found = [(LEAD, "、".join(note.leads)), (SUP, "、".join(note.supports))]
            if role == SUP:  # everyone in a 配合单位 cell supports
                found = [(SUP, "、".join(note.leads + note.supports))]
            return [(r, v) for r, v in found if v]
    return [(role, cell)]


def table_found(table: Table, state: ProseState) -> list[Found]:
    """The measures of one task table; rows naming nobody go to the report."""
    out: list[Found] = []
    for no, reason, text in table.skipped:
        state.notes_seen += 1
        state.report.append((no, reason, text))
    # the header's 牵头单位列第一位 holds from here on, as a note's declaration does
    state.first_leads = state.first_leads or table.first_leads
    above: dict[int, str] = {}
    for row in table.rows:
        state.notes_seen += 1
        cells = list(row.cells)
        if not any(cells[c] for c, r in enumerate(table.roles) if r == TEXT and c < len(cells)):
            state.report.append((row.no, "table row has no task text (cut off or empty)", " | ".join(cells)))
            continue
        has_unit = any(
            cells[c] for c, r in enumerate(table.roles) if r in (LEAD, RESP, SUP) and c < len(cells)
        )
        for col, role in enumerate(table.roles):
            if col >= len(cells):
                break
            # a lead column is merged over the rows one unit leads, so a blank lead repeats;
            # other unit cells repeat only when the row names no unit at all;
            # officials and time limits repeat whenever blank
            repeats = role in (LEADER, TIME, LEAD) or (role in _FILL_DOWN and not has_unit)
            if _DITTO.fullmatch(cells[col]) and col in above:
                cells[col] = above[col]  # 同上: written out where a merge was not possible
            elif repeats and not cells[col] and col in above:
                cells[col] = above[col]
            if cells[col]:
                above[col] = cells[col]
        pairs: list[tuple[str, str]] = []
        for c, role in enumerate(table.roles):
            if role in (None, NUM, TEXT, OTHER) or c >= len(cells) or not cells[c]:
                continue
            pairs.extend(_cell_pairs(role, cells[c]))
        roles = parse_labelled(pairs, first_leads=state.first_leads)
        text = " | ".join(c for c in cells if c)
        if not roles.parties:
            state.report.append((row.no, "table row names no responsible unit", text))
            continue
        out.append(Found(row.no, text, roles, row.section, row.number))
    return out
