"""The words of the HTML views and the planner's report, in Chinese (default) and English.

Their readers read Chinese, so pages speak Chinese unless asked (``--lang en``);
the CLI's own messages stay English. Every string a page shows comes from here,
by key, so both languages always have the same set.
"""

from __future__ import annotations

from zeren.errors import ViewError

__all__ = ["LANGS", "DEFAULT_LANG", "MESSAGES", "message", "messages"]

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

# key -> (Chinese, English); pages group keys by prefix: "report." for the report, "view." for the views
MESSAGES: dict[str, tuple[str, str]] = {
    "lang.html": ("zh-CN", "en"),
}


def message(key: str, lang: str = DEFAULT_LANG) -> str:
    """One string in ``lang``.

    >>> message("lang.html"), message("lang.html", "en")
    ('zh-CN', 'en')
    """
    zh, en = MESSAGES[key]
    return en if lang == "en" else zh


def messages(lang: str = DEFAULT_LANG, prefix: str = "") -> dict[str, str]:
    """Every string whose key starts with ``prefix``, in ``lang`` (for a template or a page's script)."""
    if lang not in LANGS:
        raise ViewError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    return {k: message(k, lang) for k in MESSAGES if k.startswith(prefix)}
