"""Finding a font with Chinese glyphs for the PNG charts.

matplotlib's default font has no CJK glyphs and draws agency names as empty
boxes with only a warning, so a chart without such a font is an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from matplotlib import font_manager

from .page import ViewError

__all__ = ["PREFERRED", "FONT_PACKAGE", "cjk_font_family", "pick_cjk_family"]

FONT_PACKAGE = "fonts-noto-cjk"  # Debian/Ubuntu package CI installs

PREFERRED = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Noto Serif CJK SC",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
)


def pick_cjk_family(families: Iterable[str]) -> str:
    """The best Simplified-Chinese family among installed ``families``.

    >>> pick_cjk_family(["DejaVu Sans", "Noto Serif CJK SC", "Noto Sans CJK SC"])
    'Noto Sans CJK SC'
    >>> pick_cjk_family(["DejaVu Sans"])
    Traceback (most recent call last):
    ...
    zeren.errors.ViewError: no font with Chinese glyphs found for the charts; install one (Debian/Ubuntu: apt install fonts-noto-cjk)
    """
    names = set(families)
    for family in PREFERRED:
        if family in names:
            return family
    fallback = sorted(n for n in names if "CJK" in n and "Mono" not in n)
    if fallback:
        return fallback[0]
    raise ViewError(
        f"no font with Chinese glyphs found for the charts; install one (Debian/Ubuntu: apt install {FONT_PACKAGE})"
    )


@cache
def cjk_font_family() -> str:
    """The family name matplotlib should use for Chinese text on this machine."""
    return pick_cjk_family(f.name for f in font_manager.fontManager.ttflist)
