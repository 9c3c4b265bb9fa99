"""Reading the files a user writes to correct resolution: the agency table and the gazetteer.

Both are edited by hand, often in Excel or Notepad, which put a byte-order mark
in front: it is skipped. Anything unreadable is one ``LoaderError`` naming the
file and what kind of file it should have been.
"""

from __future__ import annotations

from pathlib import Path

from zeren.errors import LoaderError

__all__ = ["read_user_text"]


def read_user_text(path: Path, what: str) -> str:
    """The UTF-8 text of ``path``, a user's ``what`` ("agency table", "gazetteer")."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as err:
        raise LoaderError(str(path), f"cannot read {what}: {err.strerror or err}") from err
    except UnicodeDecodeError as err:
        raise LoaderError(str(path), f"{what} is not UTF-8 text") from err
