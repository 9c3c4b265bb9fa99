"""Deadline texts → dates and flags, table-driven."""

from __future__ import annotations

import dataclasses
import doctest
from datetime import date

import pytest

from zeren import loaders
from zeren.loaders.deadlines import Deadline, parse_deadline

D = date
CASES = [
    # text, year, start, end, ongoing, recurring
    ("2024年4月底以前", None, None, D(2024, 4, 30), False, None),
    ("2024年4月底以前,并长期坚持", None, None, D(2024, 4, 30), True, None),
    ("2024年6月底以前，并长期坚持", None, None, D(2024, 6, 30), True, None),
    ("长期坚持", None, None, None, True, None),
    ("持续推进", None, None, None, True, None),
    ("常态化开展", None, None, None, True, None),
    ("每季度", None, None, None, False, "quarterly"),
    ("每月", None, None, None, False, "monthly"),
    ("每半年", None, None, None, False, "half-yearly"),
    ("每年", None, None, None, False, "yearly"),
    ("每年年底前", 2024, None, D(2024, 12, 31), False, "yearly"),
    ("2019年3月—12月", None, D(2019, 3, 1), D(2019, 12, 31), False, None),
    ("2024年6月—2025年12月", None, D(2024, 6, 1), D(2025, 12, 31), False, None),
    ("2019年11月—2月", None, D(2019, 11, 1), D(2020, 2, 29), False, None),
    ("2025-2023年", None, None, D(2023, 12, 31), False, None),
    ("3月1日-3月31日", 2022, D(2022, 3, 1), D(2022, 3, 31), False, None),
    ("1-6月", 2022, D(2022, 1, 1), D(2022, 6, 30), False, None),
    ("2019年6月底前", None, None, D(2019, 6, 30), False, None),
    ("2024年2月底前", None, None, D(2024, 2, 29), False, None),
    ("2025年12月31日前", None, None, D(2025, 12, 31), False, None),
    ("6月30日前", 2023, None, D(2023, 6, 30), False, None),
    ("2024年上半年", None, D(2024, 1, 1), D(2024, 6, 30), False, None),
    ("2024年下半年", None, D(2024, 7, 1), D(2024, 12, 31), False, None),
    ("年底前", 2023, None, D(2023, 12, 31), False, None),
    ("年底前", None, None, None, False, None),
    ("2024年底前", None, None, D(2024, 12, 31), False, None),
    ("2021年", None, D(2021, 1, 1), D(2021, 12, 31), False, None),
    ("全年", 2021, D(2021, 1, 1), D(2021, 12, 31), False, None),
    ("2023-2025年", None, D(2023, 1, 1), D(2025, 12, 31), False, None),
    ("2023—2025年", None, D(2023, 1, 1), D(2025, 12, 31), False, None),
    ("到2025年", None, None, D(2025, 12, 31), False, None),
    ("第三季度", 2024, D(2024, 7, 1), D(2024, 9, 30), False, None),
    ("2024年第一季度", None, D(2024, 1, 1), D(2024, 3, 31), False, None),
    ("三季度末", 2024, None, D(2024, 9, 30), False, None),
    ("2024年6月", None, D(2024, 6, 1), D(2024, 6, 30), False, None),
    ("2024年6月中旬", None, D(2024, 6, 11), D(2024, 6, 20), False, None),
    ("２０２４年６月底前", None, None, D(2024, 6, 30), False, None),  # full-width digits
    ("二〇二四年十二月底前", None, None, D(2024, 12, 31), False, None),
    ("2024.6.30", None, None, D(2024, 6, 30), False, None),
    ("2024年底前完成方案，2025年6月底前全面完成", None, None, D(2025, 6, 30), False, None),
    ("2月30日前", 2024, None, None, False, None),  # no such day: nothing invented
    ("次年3月底前", 2024, None, D(2025, 3, 31), False, None),
    ("本年度内", 2024, D(2024, 1, 1), D(2024, 12, 31), False, None),
    ("当年底前", 2022, None, D(2022, 12, 31), False, None),
    ("按要求完成", 2024, None, None, False, None),
]


@pytest.mark.parametrize(("text", "year", "start", "end", "ongoing", "recurring"), CASES)
def test_parse_deadline(text, year, start, end, ongoing, recurring) -> None:
    assert parse_deadline(text, year=year) == Deadline(text, start, end, ongoing, recurring)


@pytest.mark.parametrize("text", [None, "", "  "])
def test_no_deadline(text) -> None:
    assert parse_deadline(text) == Deadline(text, None, None, False, None)


def test_deadline_is_frozen() -> None:
    deadline = parse_deadline("长期坚持")
    with pytest.raises(dataclasses.FrozenInstanceError):
        deadline.end = D(2024, 1, 1)  # type: ignore[misc]  # the write mypy refuses must fail at run time too


def test_doctests() -> None:
    result = doctest.testmod(loaders.deadlines)
    assert result.failed == 0 and result.attempted > 0
