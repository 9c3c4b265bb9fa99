"""Deadline text (完成时限) → dates and flags, so tasks can be sorted and filtered by time.

A period written on its own (``2021年``, ``2024年上半年``, ``第三季度``, ``2024年6月``)
gives its first and last day; a period with ``前/以前/之前/底/末`` or ``到/截至``
says only when the work must be done, so it gives the end alone. Ranges give
both ends. When a text names several times, the span runs from the earliest
start to the latest end. The text as written is always kept in ``raw``.

>>> parse_deadline("2024年4月底以前,并长期坚持")
Deadline(raw='2024年4月底以前,并长期坚持', start=None, end=datetime.date(2024, 4, 30), ongoing=True, recurring=None)
>>> d = parse_deadline("2019年3月—12月"); d.start, d.end
(datetime.date(2019, 3, 1), datetime.date(2019, 12, 31))
>>> parse_deadline("年底前", year=2023).end
datetime.date(2023, 12, 31)
>>> parse_deadline("每季度").recurring
'quarterly'
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Deadline", "parse_deadline"]


@dataclass(frozen=True)
class Deadline:
    """A parsed deadline."""

    raw: str | None
    start: dt.date | None
    end: dt.date | None
    ongoing: bool
    recurring: str | None  # "weekly", "monthly", "quarterly", "half-yearly", "yearly"


_ONGOING = re.compile(r"长期|持续|常态|长效")
_RECURRING = (
    ("half-yearly", re.compile(r"每半年|半年一次")),
    ("quarterly", re.compile(r"每个?季度?|按季度?|逐季")),
    ("monthly", re.compile(r"每个?月|按月|逐月")),
    ("weekly", re.compile(r"每周|每星期|按周")),
    ("yearly", re.compile(r"每年|按年|逐年|年年")),
)
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_CN_NUMBER = re.compile(r"[一二三四五六七八九十]{1,3}(?=月|日|号)")
_CN_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}(?=年)")
_NEXT_YEAR = re.compile(r"(?:次|明|翌|下一)年")
_THIS_YEAR = re.compile(r"(?:当|本|今)年")
_DASH = r"\s*(?:-|—|–|~|至|到)+\s*"
_RANGES = ("month_range", "year_range")
_BY_AFTER = re.compile(r"\s*(?:底|末)?\s*(?:前|以前|之前)")
_BY_BEFORE = re.compile(r"(?:到|至|截至|截止|截止到|于)\s*$")

# Order matters: each pattern's match is blanked out before the next looks.
_PATTERNS = (
    (
        "month_range",
        re.compile(
            rf"(?:(?P<y1>\d{{4}})年)?(?<!\d)(?P<m1>\d{{1,2}})(?:月(?:(?P<d1>\d{{1,2}})[日号])?)?{_DASH}"
            rf"(?:(?P<y2>\d{{4}})年)?(?P<m2>\d{{1,2}})月(?:(?P<d2>\d{{1,2}})[日号])?(?:底|末)?"
        ),
    ),
    ("year_range", re.compile(rf"(?P<y1>\d{{4}})年?(?:度)?{_DASH}(?P<y2>\d{{4}})年?")),
    ("day", re.compile(r"(?P<y>\d{4})(?:年|[./-])(?P<m>\d{1,2})(?:月|[./-])(?P<d>\d{1,2})[日号]?")),
    ("day", re.compile(r"(?<!\d)(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]")),
    ("month", re.compile(r"(?:(?P<y>\d{4})(?:年|[./-]))?(?P<m>\d{1,2})月(?P<part>底|末|初|上旬|中旬|下旬)?")),
    ("half", re.compile(r"(?:(?P<y>\d{4})年)?(?P<h>上半年|下半年|年中)")),
    ("quarter", re.compile(r"(?:(?P<y>\d{4})年)?第?(?P<q>[一二三四1-4])季度(?P<part>末|底)?")),
    ("year_end", re.compile(r"(?:(?P<y>\d{4})年|(?<![\d上下全])年)(?P<part>底|末|终|内)")),
    ("whole_year", re.compile(r"(?:(?P<y>\d{4})年(?:度)?)|(?P<all>全年)")),
)


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _normalise(text: str) -> str:
    """Full-width forms to ASCII, Chinese numerals of dates to digits."""
    text = unicodedata.normalize("NFKC", text)
    text = _CN_YEAR.sub(lambda m: "".join(str(_CN_DIGITS[c]) for c in m.group()), text)
    return _CN_NUMBER.sub(lambda m: str(_cn_number(m.group())), text)


def _cn_number(word: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20, 三十一 → 31."""
    if "十" not in word:
        return _CN_DIGITS.get(word, 0)
    tens, _, ones = word.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def _span(kind: str, m: re.Match[str], year: int | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day named by one match; a missing year borrows ``year``."""
    g = m.groupdict()
    y = int(g["y"]) if g.get("y") else year
    if kind == "month_range":
        y1 = int(g["y1"]) if g["y1"] else year
        y2 = int(g["y2"]) if g["y2"] else y1
        if y1 is None or y2 is None:
            return None, None
        m1, m2 = int(g["m1"]), int(g["m2"])
        if not g["y2"] and m2 < m1:
            y2 += 1  # 11月—2月: into the next year
        start = dt.date(y1, m1, int(g["d1"]) if g["d1"] else 1)
        end = dt.date(y2, m2, int(g["d2"])) if g["d2"] else _last_day(y2, m2)
        return start, end
    if kind == "year_range":
        return dt.date(int(g["y1"]), 1, 1), dt.date(int(g["y2"]), 12, 31)
    if y is None:
        return None, None
    if kind == "day":
        day = dt.date(y, int(g["m"]), int(g["d"]))
        return None, day
    if kind == "month":
        month = int(g["m"])
        part = g["part"]
        if part in ("初", "上旬"):
            return dt.date(y, month, 1), dt.date(y, month, 10)
        if part == "中旬":
            return dt.date(y, month, 11), dt.date(y, month, 20)
        return dt.date(y, month, 1), _last_day(y, month)
    if kind == "half":
        if g["h"] == "下半年":
            return dt.date(y, 7, 1), dt.date(y, 12, 31)
        return dt.date(y, 1, 1), dt.date(y, 6, 30)
    if kind == "quarter":
        q = "一二三四".find(g["q"]) + 1 or int(g["q"])
        return dt.date(y, 3 * q - 2, 1), _last_day(y, 3 * q)
    if kind == "year_end":
        return None, dt.date(y, 12, 31)
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def parse_deadline(text: str | None, *, year: int | None = None) -> Deadline:
    """Parse a deadline; ``year`` dates texts that name none (``年底前``, ``第三季度``).

    >>> d = parse_deadline("2023-2025年"); d.start, d.end
    (datetime.date(2023, 1, 1), datetime.date(2025, 12, 31))
    >>> parse_deadline("２０２５年１２月３１日前").end
    datetime.date(2025, 12, 31)
    >>> parse_deadline(None)
    Deadline(raw=None, start=None, end=None, ongoing=False, recurring=None)
    """
    if not text or not text.strip():
        return Deadline(text, None, None, False, None)
    work = _normalise(text)
    if year is not None:  # years named relative to the plan's own
        work = _THIS_YEAR.sub(f"{year}年", _NEXT_YEAR.sub(f"{year + 1}年", work))
    recurring = None
    for name, pattern in _RECURRING:
        if pattern.search(work):
            recurring = name
            work = pattern.sub(lambda m: " " * len(m.group()), work)
            break
    starts: list[dt.date] = []
    ends: list[dt.date] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(work):
            try:
                start, end = _span(kind, m, year)
            except ValueError:  # 2月30日 and the like: a typo, not a date
                continue
            by = _BY_AFTER.match(work, m.end()) or _BY_BEFORE.search(work, 0, m.start())
            if (by or m.groupdict().get("part") in ("底", "末")) and kind not in _RANGES:
                start = None
            if start:
                starts.append(start)
            if end:
                ends.append(end)
        work = pattern.sub(lambda m: " " * len(m.group()), work)
    start, end = (min(starts) if starts else None), (max(ends) if ends else None)
    if start and end and start > end:
        start = None  # garbled or reversed text: keep the deadline, drop the doubtful start
    return Deadline(
        raw=text,
        start=start,
        end=end,
        ongoing=bool(_ONGOING.search(work)),
        recurring=recurring,
    )
