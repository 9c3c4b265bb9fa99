"""Notice metadata and the plans a file holds.

A file is often a covering notice (``…关于印发…的通知``) issuing one or several
plans, each opening with its title line. The issuer decides whose departments
``县财政局`` means, so the jurisdiction and its level are read here too.
"""

from __future__ import annotations

import re

from zeren.loaders.jurisdiction import infer_jurisdiction
from zeren.loaders.names import is_unit
from zeren.loaders.normalise import Line

__all__ = [
    "plan_titles",
    "document_fields",
    "jurisdiction_of",
    "announced",
    "announcement",
    "plan_targets",
    "plan_mentions",
    "is_heading",
    "is_plan_title",
    "first_text",
    "issue_date",
    "written_date",
]

_PLAN_END = re.compile(
    r"(实施方案|行动方案|工作方案|分工方案|方案|行动计划|工作计划|计划|工作要点|要点|若干措施|措施|实施意见|意见"
    r"|实施细则|细则|任务清单|责任清单|清单|任务分解|工作分解|分解表|分解|分工表|工作任务|任务表|规划)$"
)
_NOTICE = re.compile(r"关于印发(.+?)的通知")
_QUOTED = re.compile(r"《([^《》]+)》")
_DATE_CN = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_DATE_NUM = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_ATTACHMENT = re.compile(r"^附件\s*\d{0,2}\s*[:：]\s*(?=\S{6})")
_OPENING_LINES = 10  # where a page names its place or number before the measures begin
_HEADING = re.compile(
    r"^(第[一二三四五六七八九十]+[章节条部分]|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、]|\(\d+\)|[①-⑳])"
)
_NUMERALS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_COUNT = re.compile(
    r"([一二两三四五六七八九十]{1,3}|\d{1,2})(大|项|个)([\u4e00-\u9fff]{0,6}?)(攻坚工程|工程|行动|攻坚战|方案|专项行动)"
)
_ISSUER_TAIL = re.compile(
    r"(人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|办公厅|办公室|委员会|党委|政府)$"
)


_ATTACHMENT_MARK = re.compile(r"^(?:附件|附表)\s*\d{0,2}\s*[:：]?$")


def first_text(lines: list[Line]) -> str:
    """The first line that could be a title: an attachment's bare ``附件1`` mark above it is not."""
    return next((line.text for line in lines if not _ATTACHMENT_MARK.match(line.text)), "")


def is_heading(text: str) -> bool:
    """A numbered heading with no sentence of its own (``(一)指导思想``)."""
    return bool(_HEADING.match(text)) and "。" not in text and len(text) <= 40


_YEARS_REMARK = re.compile(r"\([^()]*\d{4}[^()]*\)$")
_SENTENCE_MARK = re.compile(r"[。;:,，；：]")


def _title_like(text: str) -> bool:
    if text.endswith((")", ")\n")):
        text = _YEARS_REMARK.sub("", text)  # 行动计划(2021-2023年)
    if len(text) > 70 or len(text) < 6 or _SENTENCE_MARK.search(text):
        return False
    if text.startswith(("附件", "附表", "《")) and not (text.startswith("《") and text.endswith("》")):
        return False
    if _HEADING.match(text) or "印发" in text or text.endswith("的通知"):
        return False
    return bool(_PLAN_END.search(text.strip("《》")))


def is_plan_title(text: str) -> bool:
    """A line that reads as a plan's title (``青山县2024年招商引资行动方案``), not a measure."""
    return _title_like(text)


def plan_titles(lines: list[Line], known: tuple[str, ...] = ()) -> list[tuple[int, str]]:
    """(index, title) of each plan title line; a title broken over two lines is rejoined.

    ``known`` are titles the covering notice announces: a line that repeats one
    is a plan title whatever its last word.
    """
    out: list[tuple[int, str]] = []
    wanted = {_key(t) for t in known}
    for i, line in enumerate(lines):
        text = line.text
        if text.startswith("附件"):
            text = _ATTACHMENT.sub("", text)  # 附件1:青山县…方案 on one line
        if not (_title_like(text) or (wanted and i > 0 and "《" not in text and _key(text) in wanted)):
            continue
        title = text.strip("《》")
        if i and _title_head(lines[i - 1].text) and lines[i - 1].no >= line.no - 2:
            title = lines[i - 1].text + title
        if out and out[-1][1] == title:
            continue
        out.append((i, title))
    return out


def _key(title: str) -> str:
    return _KEY_DROP.sub("", title).replace("—", "-")


_KEY_DROP = re.compile(r"[\s《》“”\"]")


def _title_head(text: str) -> bool:
    """The first half of a title broken over two lines: short, no punctuation, not a date."""
    return (
        6 <= len(text) <= 24
        and bool(re.search(r"[\u4e00-\u9fff]{4}", text))  # a sheet's name (Sheet1) is no half of a title
        and not re.search(r"[。;:,，；：()、《》]", text)
        and not _DATE_CN.search(text)
        and not re.search(r"\d{4}[.-/]\d", text)
        and not _HEADING.match(text)
        and not _PLAN_END.search(text)
        and not _ISSUER_TAIL.search(text)
    )


_LISTED = re.compile(r"^附件\s*\d{0,2}\s*[:.、]?\s*(?:\d{1,2}[.、．]\s*)?(?P<t>.+)$")
_LISTED_NEXT = re.compile(r"^\d{1,2}[.、．]\s*(?P<t>.+)$")


def _listed(head: list[str]) -> list[str]:
    """Titles a notice lists one by one: ``附件1:A方案`` / ``附件:1.A方案`` then ``2.B方案``."""
    out: list[str] = []
    listing = False
    for text in head:
        m = (
            _LISTED.match(text)
            if text.startswith("附件")
            else (_LISTED_NEXT.match(text) if listing else None)
        )
        title = m.group("t").strip("《》") if m else ""
        listing = bool(title) and _title_like(title)
        if listing:
            out.append(title)
    return out


_CITED_NOTICE = re.compile(r"《[^《》]*关于印发[^《》]*》")
_ISSUING = re.compile(r"印发给你们|现予印发|予以印发|现印发")


def announcement(lines: list[Line]) -> tuple[tuple[str, ...], tuple[str, ...], int | None]:
    """(titles of the plans a notice issues, umbrella titles, how many it announces).

    A notice may issue N plans under one umbrella title (``《楚雄州2019年“六大攻坚
    工程”实施方案》``, ``三项行动方案``): that title names no plan of its own, so it is
    set apart from the titles that name one plan each (``《A方案》《B方案》``,
    ``附件1:A方案``).
    """
    from_notice: list[str] = []
    quoted: list[str] = []
    saying: list[str] = []  # the lines that announce: 现将以下5个方案印发给你们
    head = [line.text for line in lines[:15]]
    for text in head:
        # a notice cited in 《》 is another document, not the one this file issues
        bare = _CITED_NOTICE.sub("", text) if "《" in text else text
        m = _NOTICE.search(bare)
        if m:
            inner = _QUOTED.findall(m.group(1)) or [m.group(1)]
            from_notice.extend(t.strip("《》") for t in inner)
        elif _ISSUING.search(text):
            quoted.extend(_QUOTED.findall(text))
            saying.append(text)
    # the body names each plan in its own 《》; the title may run several together
    titles = list(dict.fromkeys(t for t in (quoted or from_notice) if t))
    keys = {_key(t) for t in titles}
    titles += [t for t in dict.fromkeys(_listed(head)) if _key(t) not in keys]
    count = None
    for text in titles + head[:3] + saying:
        m = _COUNT.search(text)
        if m:
            num = m.group(1)
            count = int(num) if num.isdigit() else _cn_number(num)
            break
    umbrellas: list[str] = []
    if count is not None and count > 1:
        umbrellas = [t for t in titles if _COUNT.search(t)]
        titles = [t for t in titles if t not in umbrellas]
    if count is None and len(titles) > 1:
        count = len(titles)
    return tuple(titles), tuple(umbrellas), count


def announced(lines: list[Line]) -> tuple[tuple[str, ...], int | None]:
    """Titles of the plans a covering notice issues, one each, and how many it announces (``六大`` → 6).

    >>> from zeren.loaders.normalise import normalise_text
    >>> announced(normalise_text("关于印发青山县三项行动方案的通知\n现将《青山县三项行动方案》印发给你们。"))
    ((), 3)
    """
    titles, _, count = announcement(lines)
    return titles, count


def _cn_number(text: str) -> int:
    if text.startswith("十"):
        return 10 + (_NUMERALS.get(text[1:], 0) if len(text) > 1 else 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _NUMERALS.get(tens, 1) * 10 + _NUMERALS.get(ones, 0)
    return _NUMERALS.get(text, 0)


def jurisdiction_of(issuer: str) -> tuple[str, str]:
    """``楚雄州人民政府办公室`` → (``楚雄州``, ``prefecture``); ``国务院办公厅`` → (``中央``, ``national``)."""
    name = re.sub(r"^中共", "", issuer)
    if name.startswith(("国务院", "中共中央", "中央", "全国")) or re.match(r"^(国家|中华人民共和国)", name):
        return "中央", "national"
    name = re.sub(r"委?(办公室|办公厅)$", "", name)
    place = _ISSUER_TAIL.sub("", name)
    place = re.sub(r"(县委|市委|州委|区委|省委)$", lambda m: m.group(1)[0], place)
    # the whole chain of places (上海市徐汇区), the last one deciding the level
    m = re.match(
        r"^((?:[\u4e00-\u9fff]{1,6}?(?:自治区|自治州|自治县|省|州|市|县|区|旗|镇|乡|街道)){1,2})", place
    )
    if not m:
        return "", ""
    place = m.group(1)
    if len(place) > 3 and place[:3] in ("北京市", "上海市", "天津市", "重庆市") and place.endswith("区"):
        pass  # a district of a municipality is a county-level jurisdiction
    if place in ("北京市", "上海市", "天津市", "重庆市") or place.endswith(("省", "自治区")):
        level = "province"
    elif place.endswith(("州", "市", "盟", "地区")):
        level = "prefecture"
    elif place.endswith(("县", "区", "旗")):
        level = "county"
    else:
        level = "township"
    return place, level


def _issuer(lines: list[Line], title: str) -> str:
    m = re.match(r"^(.+?)关于", title)
    if m and len(m.group(1)) <= 40:
        return m.group(1)
    for i, line in enumerate(lines[:30]):
        if _DATE_CN.fullmatch(line.text) and i:
            for back in range(i - 1, max(i - 3, -1), -1):
                cand = lines[back].text
                if _ISSUER_TAIL.search(cand) and len(cand) <= 20:
                    return cand
    for line in lines[:10]:
        m = re.search(
            r"(发文机关|来源)[:：]?([\u4e00-\u9fff]+(办公厅|办公室|人民政府|政府|委员会|局|厅))", line.text
        )
        if m:
            return m.group(2)
    return ""


_CN_DIGITS = {"〇": "0", "○": "0", "零": "0", "O": "0", "一": "1", "二": "2", "三": "3", "四": "4"}
_CN_DIGITS.update({"五": "5", "六": "6", "七": "7", "八": "8", "九": "9"})
_CN_DATE = re.compile(
    r"([〇○零O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
_DOC_NUMBER_YEAR = re.compile(r"[〔\[【(]\s*((?:19|20)\d{2})\s*[〕\]】)]\s*第?\s*\d+\s*号")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})年")
_SIGNATURE_LINES = 15  # a notice is signed and dated in its last lines (落款)


def _iso(y: int, mo: int, d: int) -> str:
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100 else ""


def written_date(text: str) -> str:
    """An ISO date written in ``text`` (``2024年3月15日``, ``2024-03-15``, ``二〇二四年三月十五日``), or ''."""
    for pattern in (_DATE_CN, _DATE_NUM):
        m = pattern.search(text)
        if m:
            found = _iso(*(int(g) for g in m.groups()))
            if found:
                return found
    m = _CN_DATE.search(text)
    if m:
        year = int("".join(_CN_DIGITS[c] for c in m.group(1)))
        return _iso(year, _cn_number(m.group(2)), _cn_number(m.group(3)))
    return ""


def issue_date(lines: list[Line], title: str = "") -> str:
    """When the document was issued, as ISO 8601 to the precision the text gives; '' when it does not say.

    Most trusted first: a dated line at the top (``发布时间:2024-03-15``, a date
    alone under the number), the signature date at the end (落款), the year of
    the document number (``〔2024〕12号`` → ``2024``), the year in the title.
    """
    for line in lines[:40]:
        dated = re.search(r"日期|时间|成文|发布", line.text)
        if (len(line.text) <= 14 or dated) and "|" not in line.text:
            found = written_date(line.text)
            if found:
                return found
    for line in reversed(lines[-_SIGNATURE_LINES:]):
        if len(line.text) <= 16 and "|" not in line.text:
            found = written_date(line.text)
            if found:
                return found
    for line in lines[:_OPENING_LINES]:
        m = _DOC_NUMBER_YEAR.search(line.text)
        if m and len(line.text) <= 40:
            return m.group(1)
    m = _TITLE_YEAR.search(re.sub(r"《[^《》]*》", "", title))  # a cited document's year is not ours
    return m.group(1) if m else ""


def _uncited(text: str) -> str:
    """``text`` without the documents it cites in 《》 (they are not this file's title)."""
    return re.sub(r"《[^《》]*(关于|通知)[^《》]*》", "", text)


def _notice_title(lines: list[Line]) -> str:
    """The covering notice's title line (``…关于印发…的通知``), rejoined when broken in two."""
    for i, line in enumerate(lines[:15]):
        text = line.text
        if len(text) > 100 or "。" in text:
            continue
        if _NOTICE.search(_uncited(text)) or (text.endswith("的通知") and "《" not in text[:1]):
            if "关于" not in text and i and "关于" in lines[i - 1].text and len(lines[i - 1].text) <= 40:
                return lines[i - 1].text + text
            return text
    return ""


def document_fields(lines: list[Line]) -> dict:
    """title, issuer, jurisdiction, level, date, announced plans and count for one file."""
    title = _notice_title(lines)
    if not title:
        found = plan_titles(lines[:40])
        first = first_text(lines)
        title = found[0][1] if found else (first if len(first) <= 40 and "。" not in first else "")
    issuer = _issuer(lines, title)
    from_issuer = jurisdiction_of(issuer)[0] if issuer else ""
    jurisdiction, level = infer_jurisdiction(
        from_issuer,
        title,
        [line.text for line in lines[:_OPENING_LINES]],
        body=(line.text for line in lines),
    )
    plans, count = announced(lines)
    return {
        "title": title,
        "issuer": issuer,
        "jurisdiction": jurisdiction,
        "level": level,
        "date": issue_date(lines, title),
        "announced_plans": plans,
        "announced_count": count,
    }


_ANY_NUMBER = re.compile(r"[一二三四五六七八九十\d]+")


def _section_lines(lines: list[Line], pattern: re.Pattern) -> list[str]:
    """Lines under headings matching ``pattern`` up to the next heading of the same kind."""
    out, inside, kind = [], False, None
    for line in lines:
        m = _HEADING.match(line.text)
        if m and "。" not in line.text and len(line.text) <= 40:  # is_heading, its match reused
            this = _ANY_NUMBER.sub("N", m.group(1))
            if pattern.search(line.text):
                inside, kind = True, this
                continue
            if inside and this == kind:
                inside = False
        elif inside and m and pattern.search(line.text[:12]):
            out.append(line.text)
            continue
        if inside:
            out.append(line.text)
    return out


_TARGET_HEAD = re.compile(r"目标")
_AFTER_SENTENCE = re.compile(r"(?<=[。;；])")
_DIGIT = re.compile(r"\d")


def plan_targets(lines: list[Line]) -> tuple[str, ...]:
    """Goal sentences with figures, from the plan's 目标 section(s)."""
    out = []
    for text in _section_lines([line for line in lines if "|" not in line.text], _TARGET_HEAD):
        for sentence in _AFTER_SENTENCE.split(text):
            if _DIGIT.search(sentence) and len(sentence) > 6:
                out.append(sentence.strip())
    return tuple(dict.fromkeys(out))


_MENTION_HEADS = re.compile(r"组织领导|组织保障|组织实施|保障措施|工作保障|加强领导")
_NOT_IN_UNIT = re.compile(r"对|组织|按照|负责|牵头|要")
_MENTION_SPLIT = re.compile(r"[、,，;；。:()由]")
_AFTER_UNIT = "要负责牵会组等和及与为在对按、"


def _leading_unit(piece: str) -> str:
    """The unit a clause opens with (``州工业和信息化局要牵头…`` → ``州工业和信息化局``), or ''."""
    if not piece or piece[0] not in "省市州县区":
        return ""
    for end in range(min(len(piece), 16), 2, -1):
        name = piece[:end]
        if _NOT_IN_UNIT.search(name):
            continue
        if is_unit(name) and (end == len(piece) or piece[end] in _AFTER_UNIT):
            return name
    return ""


def plan_mentions(lines: list[Line]) -> tuple[str, ...]:
    """Units named in the plan's organisation and safeguard sections (组织领导, 保障措施)."""
    prose = [line for line in lines if "|" not in line.text]
    out = []
    for text in _section_lines(prose, _MENTION_HEADS):
        for piece in _MENTION_SPLIT.split(text):
            name = _leading_unit(piece)
            if name:
                out.append(name)
    return tuple(dict.fromkeys(out))
