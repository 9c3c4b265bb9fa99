"""Measures in running text and the responsibility notes that go with them.

A note may close a paragraph (``…。(牵头单位:A;责任单位:B)``), open it, stand on
its own line after it, or follow it as labelled lines (``责任单位:A`` /
``时限要求:…``). Where one paragraph carries several notes, each note and the
sentences before it back to the previous note make one measure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from zeren.loaders.document import is_heading, is_plan_title
from zeren.loaders.names import top_level_split
from zeren.loaders.normalise import Line
from zeren.loaders.notes import (
    LABEL,
    STANDING,
    Roles,
    is_deadline,
    label_start,
    parse_note,
    parse_verb_sentence,
)

__all__ = ["Found", "ProseState", "parse_prose", "note_groups", "numbering", "label_sentences"]

_NUMBERING = re.compile(
    r"^(\d+[.、．](?!\d)|\(\d+\)|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|[①-⑳]|第[一二三四五六七八九十]+条)"
)
_TOP_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
_MENTION = re.compile(r"牵头|责任单位|责任部门|配合单位")
_TRIVIAL = re.compile(r"^[\s。.,，;；:：、]*$")
# a bracket that holds a note (read by its brackets), not one inside a name such as 各乡镇(街道)
_ROLE_BRACKET = re.compile(r"\([^()]*(?:牵头|负责|配合|参与|协办|单位|部门|:)[^()]*\)|\([^()]*$")
# every word a note reader below looks for (a bracket, a label's colon, a role verb, a
# standing rule): lines without one go straight to plain_line (issue 13's prefilter)
# (every branch opens with one fixed character, so the engine skips from candidate to candidate)
_TRIGGER = re.compile(r"\(|:|牵头|负责|配合|参与|参加|协办|协助|协同|指导|落实|不再|下同|均涉及|以下")
_PAREN = re.compile(r"[()]")
_MID_LABEL = re.compile(r"(?<=[。;,])(?=" + LABEL.pattern + ")")


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


def _kind(number: str) -> str:
    """The numbering style (``3``→``N``, ``(二)``→``(C)``, ``②``→``O``), to tell items from sub-items."""
    kind = re.sub(r"\d+", "N", number)
    kind = re.sub(r"[一二三四五六七八九十]+", "C", kind)
    return re.sub(r"[①-⑳]", "O", kind)


def note_groups(text: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level bracketed group in ``text``, brackets included.

    A bracket left open at the end of the line (a note whose ``)`` was lost)
    runs to the end of the line.
    """
    return _groups(text)[0]


def _groups(text: str) -> tuple[list[tuple[int, int]], bool]:
    """The top-level groups and whether the last one was left open; one pass over the line."""
    groups: list[tuple[int, int]] = []
    if "(" not in text:
        return groups, False
    depth = start = 0
    for m in _PAREN.finditer(text):  # only the brackets, not every character
        i = m.start()
        if m.group() == "(":
            if depth == 0:
                start = i
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                groups.append((start, i + 1))
    if depth:
        groups.append((start, len(text)))
    return groups, bool(depth)


def _content(text: str, start: int, end: int, is_open: bool) -> str:
    closed = end - start >= 2 and text[end - 1] == ")" and not is_open
    return text[start + 1 : end - 1] if closed else text[start + 1 : end]


def _depth(text: str) -> int:
    """How many brackets are open at the end of ``text`` (a stray ``)`` closes nothing)."""
    depth = 0
    for ch in _PAREN.findall(text):
        if ch == "(":
            depth += 1
        elif depth:
            depth -= 1
    return depth


def _read_note(text: str, start: int, end: int, is_open: bool, last: int, state: ProseState) -> Roles | None:
    """``last``: where the line's text ends, closing full stops and spaces set aside."""
    before = text[start - 1] if start else ""
    bare_ok = (start == 0 or before in "。;；") and end >= last
    roles = parse_note(_content(text, start, end, is_open), first_leads=state.first_leads, bare_ok=bare_ok)
    if roles is not None and roles.first_leads:
        state.first_leads = True
    return roles


def _notes_in(line: Line, state: ProseState) -> list[tuple[int, int, Roles]]:
    out = []
    groups, open_tail = _groups(line.text)
    last = len(line.text.rstrip("。 "))
    for k, (start, end) in enumerate(groups):
        is_open = open_tail and k == len(groups) - 1
        content = _content(line.text, start, end, is_open)
        if is_open and not content.rstrip().endswith("。"):
            if _MENTION.search(content):
                state.notes_seen += 1
                state.report.append(
                    (line.no, "note is cut off (its closing bracket and end are missing)", content)
                )
            continue
        roles = _read_note(line.text, start, end, is_open, last, state)
        if (
            roles is not None
            and roles.first_leads
            and not (roles.parties or roles.standing or roles.deadline)
        ):
            continue  # only the declaration 列第一位者为牵头单位: it holds from here on
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


def _mid_label(text: str) -> re.Match | None:
    """The first label after a sentence or clause end, searched from just before the first colon."""
    start = label_start(text)  # a label ends in a colon: nothing before that colon's label can match
    return _MID_LABEL.search(text, start) if start < len(text) else None


def label_sentences(text: str) -> tuple[str, str]:
    """``责任单位:A(牵头)、B。完成时限:年底前。再如…`` → (the labelled sentences, the text after them).

    Inside a measure's paragraph a note runs from its label to the sentence end;
    further sentences that open with a label belong to it too, the first one
    that does not is the measure's text again.
    """
    note: list[str] = []
    sentences = top_level_split(text, "。")
    for k, sentence in enumerate(sentences):
        if note and not LABEL.match(sentence.strip()):
            return "。".join(note) + "。", "。".join(sentences[k:])
        note.append(sentence)
    return text, ""


def _label_line(text: str) -> bool:
    return bool(LABEL.match(text))


class _ProseReader:
    """Reads prose lines one by one, remembering the paragraphs that still wait for a note."""

    def __init__(self, state: ProseState) -> None:
        self.state = state
        self.found: list[Found] = []
        self.section = ""
        self.pending: Line | None = None  # the last paragraph still waiting for its note
        self.pending_section = ""
        self.block: list[Line] = []  # labelled note lines (责任单位:…) being gathered
        self.since: list[Line] = []  # paragraphs since the last measure, to find where an item began
        self.open_task: Found | None = None  # a measure whose note is on its heading: its body follows
        self.section_leaders: tuple[str, ...] = ()  # officials a section heading names for its measures

    def add(self, line_no: int, text: str, roles: Roles, section: str) -> None:
        if self.section_leaders and not roles.leaders:
            roles = replace(roles, leaders=self.section_leaders)
        for label in roles.unknown_labels:  # read by its head word, and shown to the user
            self.state.report.append((line_no, f"unknown label {label!r} read by its head word", text))
        self.found.append(Found(line_no, text, roles, section, numbering(text)))
        self.since.clear()

    def item_start(self, piece: str, line_no: int) -> tuple[str, int]:
        """A note closing a paragraph of a numbered item covers the item from its number on.

        Returns the measure's text and the line it starts on.
        """
        if numbering(piece):
            return piece, line_no
        for back in range(len(self.since) - 1, max(len(self.since) - 7, -1), -1):
            if numbering(self.since[back].text):
                return "".join(x.text for x in self.since[back:]) + piece, self.since[back].no
        return piece, line_no

    def parent_item(self, pending: Line) -> list[Line] | None:
        """Lines of the item whose sub-items ``1.…2.…`` a note on its own line closes, or None.

        ``(一)加快5G建设。`` / ``1.…`` / ``2.…`` / ``责任单位:…``: the note is the
        item's, sub-items and all, when none of them had a note of its own.
        """
        kind = _kind(numbering(pending.text))
        if not kind or not self.since or self.since[-1] is not pending:
            return None
        for back in range(len(self.since) - 2, max(len(self.since) - 12, -1), -1):
            line = self.since[back]
            this = _kind(numbering(line.text))
            if this == kind or not this:
                continue  # a sibling sub-item, or a paragraph under one
            if _TOP_HEADING.match(line.text):
                return None  # a section of the plan, not an item
            return self.since[back:]
        return None

    def give_pending(self, roles: Roles, line_no: int, what: str, text: str) -> None:
        """A note that follows its measure: the paragraph before it takes it."""
        if self.pending is None:
            self.state.report.append((line_no, f"{what} follows no measure", text))
            return
        pending = self.pending
        if is_plan_title(pending.text):
            self.state.report.append((line_no, f"{what} follows the plan title, not a measure", text))
            self.pending = None
            return
        parent = self.parent_item(pending)
        if parent is not None:
            text, start = "".join(x.text for x in parent), parent[0].no
            self.since.clear()
            self.add(start, text, roles, self.pending_section)
            self.pending = None
            return
        self.since = [x for x in self.since if x is not pending]
        text, start = self.item_start(pending.text, pending.no)
        self.add(start, text, roles, self.pending_section)
        self.pending = None

    def flush_block(self) -> None:
        """Labelled lines after a measure (责任单位:A / 完成时限:…) make its note."""
        if not self.block:
            return
        state, block = self.state, self.block
        state.notes_seen += 1
        body = ";".join(line.text for line in block)
        roles = parse_note(body, first_leads=state.first_leads, bare_ok=True)
        if roles is not None and roles.first_leads:
            state.first_leads = True
        if roles is not None and not roles.parties and roles.deadline and self.pending is None and self.found:
            last = self.found[-1]
            if last.roles.deadline is None:  # 完成时限: under a measure whose note came inline
                last.roles = replace(last.roles, deadline=roles.deadline)
            else:
                state.report.append((block[0].no, "time limit follows a measure that has one", body))
        elif roles is None or not (roles.parties or roles.standing):
            state.report.append((block[0].no, "labelled note names no unit that could be read", body))
        else:
            count = len(self.found)
            self.give_pending(roles, block[0].no, "labelled note", body)
            given = self.found[-1] if len(self.found) > count else None
            # 1.标题 / 牵头部门:… / the item's body follows its note
            heading = given is not None and bool(numbering(given.text)) and is_heading(given.text)
            self.open_task = given if heading else None
        self.block = []
        self.since.clear()

    def tail_label(self, line: Line) -> bool:
        """``…。责任单位:A、B。完成时限:…`` inside or closing a paragraph: a labelled note of the measure.

        A paragraph with several such notes makes one measure per note, each
        with the sentences before it (README: several notes in one paragraph).
        """
        text = line.text
        tail = _mid_label(text)
        if not tail or _depth(text[: tail.start()]):
            return False
        measures: list[tuple[str, Roles]] = []
        rest = text
        while tail is not None:
            note, after = label_sentences(rest[tail.end() :])
            roles = parse_note(note, first_leads=self.state.first_leads, bare_ok=True)
            if "(" in after or roles is None or not roles.parties:
                return False  # a bracketed note further on: the line is read by its brackets
            self.state.first_leads = self.state.first_leads or roles.first_leads
            measures.append((rest[: tail.end()].rstrip(","), roles))
            rest = after
            tail = _mid_label("。" + rest)
            if tail is not None:
                rest = "。" + rest
        if rest.strip("。 "):
            measures[-1] = (measures[-1][0] + rest, measures[-1][1])
        self.state.notes_seen += len(measures)
        for k, (piece, roles) in enumerate(measures):
            piece, start = self.item_start(piece, line.no) if k == 0 else (piece.lstrip("。"), line.no)
            self.add(start, piece, roles, self.section)
        self.pending = None
        return True

    def tail_sentence(self, line: Line) -> bool:
        """``…。由县交通局牵头,县财政局配合。``: an unbracketed sentence note closing the paragraph.

        On a line of its own it is the note of the paragraph before.
        """
        text = line.text
        if len(text) < 4:
            return False
        # the note may close the paragraph with or without a full stop of its own (…。A牵头,B配合)
        body = text[:-1] if text.endswith("。") else text
        cut = body.rfind("。")
        if cut < 0 and not text.endswith("。"):
            return False
        sentence = body[cut + 1 :]
        roles = None if _ROLE_BRACKET.search(sentence) else parse_verb_sentence(sentence)
        if roles is None or not roles.parties:
            return False
        if cut < 0:
            if numbering(text) or self.pending is None:
                return False
            self.state.notes_seen += 1
            self.give_pending(roles, line.no, "note", text)
            return True
        self.state.notes_seen += 1
        self.state.first_leads = self.state.first_leads or roles.first_leads
        piece, start = self.item_start(text[: cut + 1], line.no)
        self.add(start, piece, roles, self.section)
        self.pending = None
        return True

    def time_line(self, line: Line) -> bool:
        """``(完成时限:2024年底)`` on its own line: the time limit of the measure just read."""
        m = re.fullmatch(r"\(([^()]*)\)。?", line.text)
        roles = parse_note(m.group(1)) if m else None
        if roles is None or roles.parties or roles.standing or not roles.deadline:
            return False
        last = self.found[-1] if self.found and self.pending is None else None
        if last is not None and last.roles.deadline is None:
            last.roles = replace(last.roles, deadline=roles.deadline)
        else:
            self.state.report.append(
                (
                    line.no,
                    "bracketed time limit has no measure to join (the one above has its own)",
                    line.text,
                )
            )
        return True

    def declaration_line(self, line: Line) -> bool:
        """``(列第一位者为牵头单位,其他为配合单位,下同)`` on its own: a rule for later notes, no measure."""
        text = line.text.strip("()。 ")
        if len(text) > 60 or "(" in text:
            return False
        roles = parse_note(text)
        if roles is None or not roles.first_leads or roles.parties or roles.standing:
            return False
        self.state.first_leads = True
        return True

    def standing_line(self, line: Line) -> bool:
        """``以下各项工作均需各县、区人民政府落实,不再列出。`` as a paragraph of its own."""
        text = line.text
        if not STANDING.search(text):
            return False
        # the standing sentence may close a paragraph of its own preamble
        said = [x for x in top_level_split(text, "。") if STANDING.search(x)]
        if len(said) != 1 or len(said[0]) > 100:
            return False
        roles = parse_note(said[0])
        if roles is None or not roles.standing or roles.parties:
            return False
        self.state.notes_seen += 1
        self.found.append(Found(line.no, text, roles, self.section, ""))
        return True

    def plain_line(self, line: Line) -> None:
        """A paragraph or heading without a note: it waits for a note below it."""
        text, state = line.text, self.state
        own = numbering(text)
        sibling = bool(own) and self.open_task is not None and _kind(own) == _kind(self.open_task.number)
        if self.open_task is not None and not (is_heading(text) or _TOP_HEADING.match(text) or sibling):
            self.open_task.text += text  # the body of a measure whose note sits on its heading
        else:
            self.open_task = None
        already = bool(state.report) and state.report[-1][0] == line.no
        if _MENTION.search(text) and not already:
            state.report.append((line.no, "mentions 牵头/责任单位 outside a responsibility note", text))
        if is_heading(text):
            if _TOP_HEADING.match(text):
                self.section_leaders = ()
            self.pending_section, self.section = self.section, text
        else:
            self.pending_section = self.section
        self.pending = line
        self.since.append(line)

    def note_line(self, line: Line, notes: list[tuple[int, int, Roles]]) -> None:
        """A line with notes: each note and the text before it (or after it, when notes lead) is a measure."""
        text, state = line.text, self.state
        self.open_task = None
        state.notes_seen += len(notes)
        lead_text = text[: notes[0][0]]
        if len(notes) == 1 and _TRIVIAL.match(lead_text) and _TRIVIAL.match(text[notes[0][1] :]):
            self.give_pending(notes[0][2], line.no, "note", text)  # a note on a line of its own
            return
        self.pending = None
        leading = bool(_TRIVIAL.match(_NUMBERING.sub("", lead_text)))
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
                if roles.leaders and not (roles.leads or roles.supports):
                    self.section_leaders = roles.leaders  # 一、…(责任领导:张三): the section's officials
                    self.section = piece
                    continue
                state.report.append((line.no, "note on a section heading, not on a measure", text))
                continue
            start_no = line.no
            if k == 0 and not leading:
                piece, start_no = self.item_start(piece, line.no)
            self.add(start_no, piece, roles, self.section)
        self.since.clear()
        rest = text[prev_end:] if not leading else ""
        last = self.found[-1] if self.found else None
        if rest and not _TRIVIAL.match(rest):
            self.pending, self.pending_section = Line(line.no, rest), self.section
        elif len(notes) == 1 and not leading and last and is_heading(last.text):
            self.open_task = last
        if is_heading(text):
            self.section = text

    def read(self, line: Line) -> None:
        if not _TRIGGER.search(line.text):
            self.flush_block()  # no word any note reader looks for: a plain paragraph or heading
            self.plain_line(line)
            return
        if _label_line(line.text):
            self.block.append(line)
            return
        self.flush_block()
        if self.tail_label(line):
            return
        notes = _notes_in(line, self.state)
        if notes:
            self.note_line(line, notes)
        elif not (
            self.time_line(line)
            or self.tail_sentence(line)
            or self.declaration_line(line)
            or self.standing_line(line)
        ):
            self.plain_line(line)


def parse_prose(lines: list[Line], state: ProseState) -> list[Found]:
    """Measures with notes from a run of prose lines, in order."""
    reader = _ProseReader(state)
    for line in lines:
        reader.read(line)
    reader.flush_block()
    # a paragraph that mentioned 牵头 and then got its note is no loss to report
    done = {f.line for f in reader.found}
    state.report[:] = [r for r in state.report if not (r[0] in done and r[1].startswith("mentions"))]
    return reader.found
