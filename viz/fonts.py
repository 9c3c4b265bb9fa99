"""The CJK font for charts and pages, shipped with Zeren.

matplotlib's default font has no Chinese glyphs and draws agency names as empty
boxes with only a warning, and a system font may or may not be there (or may be
missing from a font cache built before it was installed). So Zeren ships a
subset of Noto Sans CJK SC (SIL Open Font License 1.1, ``assets/OFL.txt``) and
registers it with matplotlib by path: no system font and no font cache needed.
System CJK fonts, where present, follow it as per-glyph fallbacks for the rare
characters outside the subset.
"""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

from zeren.atomic import atomic_path
from zeren.errors import ViewError

__all__ = ["SHIPPED_FONT", "SHIPPED_FAMILY", "SYSTEM_FALLBACKS", "cjk_font_family", "copy_font"]

SHIPPED_FONT = Path(__file__).resolve().parent / "assets" / "ZerenNotoSansSC-Regular.otf"
SHIPPED_FAMILY = "Zeren Noto Sans SC"

SYSTEM_FALLBACKS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
)


@cache
def cjk_font_family() -> list[str]:
    """Font families for matplotlib text: the shipped font first, then system CJK fonts, then DejaVu.

    matplotlib (≥ 3.6) falls back glyph by glyph along the list, so a character
    outside the shipped subset still renders where the machine has a fuller font.
    """
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(SHIPPED_FONT))
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return [SHIPPED_FAMILY, *(f for f in SYSTEM_FALLBACKS if f in installed), "DejaVu Sans"]


def copy_font(folder: str | Path) -> str:
    """Copy the shipped font into ``folder`` for a page's ``@font-face``; returns its file name."""
    target = Path(folder) / SHIPPED_FONT.name
    try:
        if not target.exists() or target.stat().st_size != SHIPPED_FONT.stat().st_size:
            with atomic_path(target) as tmp:
                shutil.copyfile(SHIPPED_FONT, tmp)
    except OSError as err:
        raise ViewError(f"cannot write {target}: {err.strerror or err}") from err
    return target.name
