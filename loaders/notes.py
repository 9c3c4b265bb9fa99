"""One responsibility note → roles: who leads, who supports, which officials, by when.

Notes come labelled (``牵头单位:A;责任单位:B``), with verbs (``A牵头,B配合``,
``A负责``, ``B按职责分工负责``, ``C指导``), or as a bare list of units. Roles
follow the evaluation README, rule 5; a note may also set standing units
(rule 6) or declare that the first-named unit leads from here on.

>>> r = parse_note("省商务厅牵头,合肥海关、省贸促会按职责分工配合")
>>> r.leads, r.supports
(('省商务厅',), ('合肥海关', '省贸促会'))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from zeren.loaders.names import is_collective, is_unit, split_names, top_level_split

__all__ = [
    "Roles",
    "parse_note",
    "parse_verb_sentence",
    "parse_labelled",
    "is_deadline",
    "LABEL",
    "LABEL_WORDS",
    "LABEL_WIDTH",
    "label_start",
    "find_labels",
    "ROLE_OF_LABEL",
    "LABEL_GRAMMAR",
    "label_role",
    "STANDING",
]

LEAD, RESP, SUP, GUIDE, LEADER, TIME = "lead", "resp", "sup", "guide", "leader", "time"
_ROLES = (LEAD, RESP, SUP, GUIDE, LEADER, TIME)

# label → role; longer labels first so that 牵头责任单位 is not read as 责任单位
ROLE_OF_LABEL = {
    "牵头责任单位": LEAD,
    "牵头单位": LEAD,
    "牵头部门": LEAD,
    "牵头科室": LEAD,
    "牵头处室": LEAD,
    "牵头责任部门": LEAD,
    "牵头": LEAD,
    "责任主体": RESP,
    "责任处室": RESP,
    "责任": RESP,
    "协同部门": SUP,
    "配合": SUP,
    "协办": SUP,
    "参与": SUP,
    "主要责任单位": RESP,
    "主责单位": RESP,
    "主办单位": RESP,
    "承办单位": RESP,
    "相关责任部门": RESP,
    "相关责任单位": RESP,
    "责任单位": RESP,
    "责任部门": RESP,
    "责任科室": RESP,
    "主要协作单位": SUP,
    "协作单位": SUP,
    "配合单位": SUP,
    "配合部门": SUP,
    "协办单位": SUP,
    "参与单位": SUP,
    "协同单位": SUP,
    "牵头领导": LEADER,
    "督办领导": LEADER,
    "包保领导": LEADER,
    "联系领导": LEADER,
    "挂钩领导": LEADER,
    "负责领导": LEADER,
    "省级领导": LEADER,
    "市级领导": LEADER,
    "州级领导": LEADER,
    "区级领导": LEADER,
    "主要责任人": LEADER,
    "具体责任人": LEADER,
    "责任领导": LEADER,
    "分管领导": LEADER,
    "县级领导": LEADER,
    "责任人": LEADER,
    "完成时限": TIME,
    "时限要求": TIME,
    "完成时间": TIME,
    "时间节点": TIME,
    "时间要求": TIME,
    "时限": TIME,
}
# a label is a grammar, not a list: optional modifiers, one or more role heads, a kind word
# (主要责任单位, 协同责任单位, 牵头负责领导, 具体负责单位); the list above names the usual ones
_LABEL_HEADS = "牵头|责任|负责|主责|主办|承办|配合|协同|协办|参与|协作|分管|联系|挂钩|包保|督办"
LABEL_GRAMMAR = (
    r"(?:主要|具体|直接|相关|其他|其它|共同|总|第一|[省市州县区乡镇]级)?"
    r"(?:" + _LABEL_HEADS + r"){1,3}(?:单位|部门|科室|处室|主体|领导|责任人|负责人|人)"
)
LABEL_WORDS = "(" + LABEL_GRAMMAR + "|" + "|".join(sorted(ROLE_OF_LABEL, key=len, reverse=True)) + ")"
LABEL = re.compile(LABEL_WORDS + r"\s*[:：]")
# no label is longer than this (tests check it against LABEL_WORDS), so a label that ends at a
# colon starts at most this far before it and its spaces
LABEL_WIDTH = 16
_COLON = re.compile("[:：]")


def label_start(text: str, pos: int = 0) -> int:
    """Where a search for a label needs to begin: ``LABEL_WIDTH`` before the first colon from ``pos`` on.

    A label ends in a colon and holds none; before that colon's label nothing can match.
    Returns ``len(text)`` when no colon follows ``pos``.
    """
    colon = _COLON.search(text, pos)
    if colon is None:
        return len(text)
    return max(pos, _before_spaces(text, colon.start(), pos) - LABEL_WIDTH)


def _before_spaces(text: str, end: int, pos: int) -> int:
    """``end`` moved back over the spaces before it (``LABEL`` allows them before its colon)."""
    while end > pos and text[end - 1].isspace():
        end -= 1
    return end


def find_labels(text: str) -> list[re.Match]:
    """``list(LABEL.finditer(text))``, searched only in the few characters before each colon.

    A long note with two labels otherwise tries the whole label grammar at every character.
    """
    found: list[re.Match] = []
    pos = 0
    for colon in _COLON.finditer(text):
        end = colon.start()
        label_end = _before_spaces(text, end, pos) if text[end - 1 : end].isspace() else end
        m = LABEL.search(text, max(pos, label_end - LABEL_WIDTH), end + 1)
        if m is not None:
            found.append(m)
            pos = m.end()
    return found


_LEADER_HEAD = re.compile(r"领导|人$")
_TIME_HEAD = re.compile(r"时限|时间")
_SUPPORT_HEAD = re.compile(r"配合|协同|协办|参与|协作")


def label_role(label: str) -> str:
    """The role a label gives its names, by its head words: ``协同责任单位`` → supports."""
    known = ROLE_OF_LABEL.get(label)
    if known is not None:
        return known
    if _LEADER_HEAD.search(label):
        return LEADER
    if _TIME_HEAD.search(label):
        return TIME
    if "牵头" in label:
        return LEAD
    if _SUPPORT_HEAD.search(label):
        return SUP
    return RESP


_VERBS = (
    ("为牵头单位", LEAD),
    ("为牵头部门", LEAD),
    ("为责任单位", RESP),
    ("为配合单位", SUP),
    ("为协办单位", SUP),
    ("牵头负责", LEAD),
    ("总牵头", LEAD),
    ("牵头", LEAD),
    ("按职责分工负责", RESP),
    ("按职责分工落实", RESP),
    ("按职责分工配合", SUP),
    ("按职能分工负责", RESP),
    ("按职责负责", RESP),
    ("分工负责", RESP),
    ("负责落实", RESP),
    ("具体负责", RESP),
    ("共同负责", RESP),
    ("负责", RESP),
    ("落实", RESP),
    ("按职责配合", SUP),
    ("配合", SUP),
    ("参与", SUP),
    ("参加", SUP),
    ("协同", SUP),
    ("负总责", RESP),
    ("协办", SUP),
    ("协助", SUP),
    ("指导", GUIDE),
)
# a time limit opens with a date or a time word, or closes with one (tested with endswith, not a scan)
_DEADLINE_HEAD = re.compile(
    r"\d{4}年|\d{1,2}月|\d{4}[.\-/—]\d|\d{4}—|年底|年内|年中|全年|长期|持续|即时|立即|每年|每季|每月|定期|常态|上半年|下半年|本年|当年|明年"
)
_DEADLINE_TAIL = ("底前", "以前", "之前", "前完成", "完成", "坚持", "推进", "底", "年")
_FIRST_LEADS = re.compile(r"(第一|首)位?[^,;。]{0,6}为?牵头|第一责任单位为牵头")
# the rest of the same declaration: 其他为配合单位 names no unit
_OTHERS_SUPPORT = re.compile(
    r"^\s*(其他|其余|其它|余下|其后)[^,;。]{0,4}(为|是|作为)?(配合|协办|参与|责任)(单位|部门)?\s*$"
)
STANDING = re.compile(r"不再(单独|一一|重复)?(列出|分工|做分工|列明|标注)|下同|均涉及|以下[^。]*均(需|由|要)")
_STANDING_UNITS = re.compile(r"(?:均需|均由|均要|均涉及|需要|需)(.+?)(?:按职责)?(?:落实|负责|参与|配合|,|$)")


@dataclass(frozen=True)
class Roles:
    """What one note says."""

    leads: tuple[str, ...] = ()
    supports: tuple[str, ...] = ()
    leaders: tuple[str, ...] = ()
    deadline: str | None = None
    standing: tuple[str, ...] = ()  # units that apply to every later task of the plan
    standing_self: bool = False  # ... and to this note's own task (下同, 均涉及)
    first_leads: bool = False  # the note declares: the first-named unit leads, here and later
    unknown_labels: tuple[str, ...] = ()  # labels read by their head word alone, to report

    @property
    def parties(self) -> bool:
        return bool(self.leads or self.supports or self.leaders)


def is_deadline(text: str) -> bool:
    """A time limit as written (``6月底完成``, ``持续推进``), not a unit name."""
    text = text.strip()
    dated = bool(_DEADLINE_HEAD.match(text)) or text.endswith(_DEADLINE_TAIL)  # stripped: no final newline
    return bool(text) and dated and not is_unit(text.rstrip("前"))


def _units_ok(names: list[str], *, verb: bool) -> bool:
    """Every name reads as a unit; with a role verb, most of them suffice (odd names exist)."""
    good = sum(1 for n in names if is_unit(n) or is_collective(n))
    return bool(names) and (good == len(names) or (verb and good * 2 > len(names)))


_VERB_OPENER = re.compile(r"^(由|请|其中)")
_VERB_ADVERB = re.compile(r"(分别|共同|具体|按职责|各自)$")


def _verb_of(clause: str) -> tuple[str, str]:
    """``A、B牵头`` → (``A、B``, lead); a clause without a role verb → (clause, '')."""
    for verb, role in _VERBS:
        if clause.endswith(verb) and len(clause) > len(verb):
            unit = clause[: -len(verb)]
            unit = _VERB_OPENER.sub("", unit)
            unit = _VERB_ADVERB.sub("", unit)
            return unit, role
    return clause, ""


_MARK = re.compile(r"\((牵头|牵头单位|牵头部门|主责|配合|协办|参与)\)$")


def _resolve(parts: list[tuple[str, list[str]]], first_leads: bool) -> tuple[list[str], list[str], list[str]]:
    """Role-tagged unit lists → leads, supports, leaders (README rule 5).

    A name marked in place (``县发改局(牵头)``) takes that role whatever its list says.
    """
    by_role: dict[str, list[str]] = {LEAD: [], RESP: [], SUP: [], GUIDE: [], LEADER: []}
    for role, names in parts:
        if role == LEADER or not any(name.endswith((")", ")\n")) for name in names):
            by_role[role if role in by_role else RESP].extend(names)  # no name marked in place
            continue
        for name in names:
            m = _MARK.search(name) if role != LEADER and name.endswith((")", ")\n")) else None
            if m:
                marked = LEAD if m.group(1) in ("牵头", "牵头单位", "牵头部门", "主责") else SUP
                by_role[marked].append(name[: m.start()])
            else:
                by_role[role if role in by_role else RESP].append(name)
    leads, supports = list(by_role[LEAD]), list(by_role[SUP])
    if leads:
        supports = by_role[RESP] + supports
    elif first_leads and by_role[RESP]:
        leads, supports = by_role[RESP][:1], by_role[RESP][1:] + supports
    else:
        leads = list(by_role[RESP])
    if leads or by_role[RESP]:
        supports += by_role[GUIDE]
    else:
        leads = list(by_role[GUIDE])
    leads = list(dict.fromkeys(leads))
    supports = [s for s in dict.fromkeys(supports) if s not in leads]
    return leads, supports, list(dict.fromkeys(by_role[LEADER]))


_POST = re.compile(r"\([^()]*\)$")
_PEOPLE_SEP = re.compile(r"[、,，]")


def _value_parts(role: str, value: str) -> tuple[list[str], list[str]]:
    """A label's value → (names, deadline pieces); a deadline may trail a unit list."""
    if role == TIME:
        return [], [value.strip(",;，；。")] if value.strip(",;，；。") else []
    names: list[str] = []
    times: list[str] = []
    for piece in top_level_split(value, ",;，；"):
        piece = piece.strip("。 ")
        if not piece:
            continue
        if names and is_deadline(piece):
            times.append(piece)
        elif role == LEADER:
            # 王明远(副县长) → 王明远: the official's name, his post being a remark
            people = (_POST.sub("", n) or n for n in _PEOPLE_SEP.split(piece) if n)
            names.extend(people)
        else:
            names.extend(split_names(piece))
    return names, times


_NAME_REMARK = re.compile(r"\(([^()]+)\)$")


def _read_units(role: str, names: list[str]) -> list[tuple[str, list[str]]]:
    """A label's role-tagged names; a value that names no unit at all (``责任单位:待定``) gives none.

    A remark with a role verb inside a name (``县住建局(县水务局配合)``) is a
    note of its own: its units take that role.
    """
    if role in (LEADER, TIME):
        return [(role, names)]
    own: list[str] = []
    extra: list[tuple[str, list[str]]] = []
    for name in names:
        m = _NAME_REMARK.search(name) if ")" in name else None
        unit_text, verb = _verb_of(m.group(1)) if m else ("", "")
        inner = split_names(unit_text) if verb else []
        if inner and all(is_unit(n) or is_collective(n) for n in inner):
            own.append(name[: m.start()] if m else name)
            extra.append((verb, inner))
        else:
            own.append(name)
    if not any(is_unit(n) or is_collective(n) for n in own):
        return []
    return [(role, own), *extra]


@lru_cache(maxsize=16384)  # a value (县财政局、县民政局) recurs under other labels and in table cells
def _read_value(role: str, value: str) -> tuple[tuple[tuple[str, list[str]], ...], tuple[str, ...]]:
    """A label's value → its role-tagged unit lists and deadline pieces; callers must not change them."""
    names, when = _value_parts(role, value)
    return tuple(_read_units(role, names)), tuple(when)


def parse_labelled(pairs: list[tuple[str, str]], *, first_leads: bool = False) -> Roles:
    """(label, value) pairs, as a table row or a run of ``责任单位:`` lines gives them → Roles."""
    parts: list[tuple[str, list[str]]] = []
    times: list[str] = []
    for label, value in pairs:
        role = label_role(label) if label not in _ROLES else label
        read, when = _read_value(role, value)
        parts.extend(read)
        times.extend(when)
    leads, supports, leaders = _resolve(parts, first_leads)
    return Roles(tuple(leads), tuple(supports), tuple(leaders), ",".join(times) or None)


_SELF_TOO = re.compile(r"下同|均涉及")


def _standing(sentence: str) -> tuple[list[str], bool] | None:
    if not STANDING.search(sentence):
        return None
    m = _STANDING_UNITS.search(sentence)
    units = split_names(m.group(1)) if m else []
    units = [u for u in units if is_unit(u) or is_collective(u)]
    return units, bool(_SELF_TOO.search(sentence))


def parse_note(content: str, *, first_leads: bool = False, bare_ok: bool = False) -> Roles | None:
    """The text inside one note → Roles, or None when it is not a responsibility note.

    ``first_leads`` is the document's standing rule that the first-named unit
    leads; ``bare_ok`` lets a bare list of units (``州级各责任单位``) count as
    responsible units, which is only safe where a note is expected.
    """
    return _parse_note(content.strip(), first_leads, bare_ok)


_REMARKS = re.compile(r"\(([^()]*)\)")


# the same notes recur in a plan and across plans (one lead unit, the same supporters);
# Roles is frozen, so a cached answer can be handed out again
@lru_cache(maxsize=8192)
def _parse_note(content: str, first_leads: bool, bare_ok: bool) -> Roles | None:
    if not content:
        return None
    standing: list[str] = []
    standing_self = declares_first = False
    kept: list[str] = []
    # a bracketed remark inside a note may carry the standing rules: 责任单位:A、B(第一责任单位为牵头单位,下同)
    for m in list(_REMARKS.finditer(content)) if "(" in content else ():
        if _FIRST_LEADS.search(m.group(1)) or STANDING.search(m.group(1)):
            content = content.replace(m.group(0), "。" + m.group(1) + "。")
    for sentence in top_level_split(content, "。"):
        clauses = [c for c in top_level_split(sentence, ",;，；") if c.strip()]
        if _FIRST_LEADS.search(sentence) and any(_FIRST_LEADS.search(c) for c in clauses):
            declares_first = True
            clauses = [
                c
                for c in clauses
                if not (_FIRST_LEADS.search(c) or _OTHERS_SUPPORT.match(c) or c.strip() == "下同")
            ]
        sentence = ",".join(clauses).strip(",;，； ")
        if not sentence:
            continue
        found = _standing(sentence)
        if found is not None:
            standing.extend(found[0])
            standing_self = standing_self or found[1]
            continue
        kept.append(sentence)
    first_leads = first_leads or declares_first
    body = ";".join(kept)
    parts: list[tuple[str, list[str]]] = []
    times: list[str] = []
    # every label ends in a colon: a note without one (A牵头,B配合) skips the costly scan
    labels = find_labels(body) if ":" in body or "：" in body else []
    unknown: list[str] = []
    head = body[: labels[0].start()] if labels else body
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(body)
        role = label_role(m.group(1))
        if m.group(1) not in ROLE_OF_LABEL:
            unknown.append(m.group(1))
        read, when = _read_value(role, body[m.end() : end])
        parts.extend(read)
        times.extend(when)
    if head.strip(",;，； "):
        verb_parts = _verb_clauses(head, bare_ok=bare_ok or bool(labels) or declares_first, times=times)
        if verb_parts is None:
            if not labels:
                return None
        else:
            parts = verb_parts + parts
    leads, supports, leaders = _resolve(parts, first_leads)
    if not (leads or supports or leaders or standing or (labels and times) or declares_first):
        return None
    return Roles(
        tuple(leads),
        tuple(supports),
        tuple(leaders),
        ",".join(times) or None,
        tuple(dict.fromkeys(standing)),
        standing_self,
        declares_first,
        tuple(unknown),
    )


def parse_verb_sentence(sentence: str) -> Roles | None:
    """An unbracketed sentence that is a note (``由A牵头,B、C配合,年底前完成``) → Roles, else None.

    Prose is full of 牵头 and 负责, so a sentence counts only when every clause is
    units with a role verb, or a time limit, and one clause names the lead.
    """
    clauses = [c.strip("。 ") for c in top_level_split(sentence, ",;，；") if c.strip("。 ")]
    has_lead = False
    for clause in clauses:
        if is_deadline(clause):
            continue
        unit_text, role = _verb_of(clause)
        names = split_names(unit_text)
        if not role or not names or not all(is_unit(n) or is_collective(n) for n in names):
            return None
        has_lead = has_lead or role == LEAD
    # 由A负责: a sentence that opens with 由 names who is responsible even with no 牵头
    return parse_note(sentence) if has_lead or sentence.lstrip().startswith("由") else None


def _verb_clauses(text: str, *, bare_ok: bool, times: list[str]) -> list[tuple[str, list[str]]] | None:
    """``A、B牵头,C配合`` → role-tagged unit lists; None when it is not a note at all."""
    parts: list[tuple[str, list[str]]] = []
    pending: list[str] = []
    any_verb = False
    for clause in top_level_split(text, ",;，；"):
        clause = clause.strip("。 ")
        if not clause:
            continue
        if is_deadline(clause):
            times.append(clause)
            continue
        unit_text, role = _verb_of(clause)
        names = split_names(unit_text)
        if not _units_ok(names, verb=bool(role)):
            return None
        if role:
            any_verb = True
            parts.append((role, pending + names))
            pending = []
        else:
            pending.extend(names)
    if pending:
        if not (any_verb or bare_ok):
            return None
        parts.append((RESP, pending))
    return parts if parts else None
