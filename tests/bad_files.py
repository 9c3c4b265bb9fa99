"""One check for every test of a bad file: write it, load it, and take the message it must raise."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from zeren.errors import ZerenError


def error_reading(
    load: Callable[[Path], object], path: Path, content: str | bytes | None, error: type[ZerenError]
) -> str:
    """The message of the ``error`` that ``load(path)`` raises once ``content`` is at ``path``.

    ``str`` content is written as UTF-8, ``bytes`` as they are; ``None`` leaves ``path`` absent.
    """
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(error) as err:
        load(path)
    return str(err.value)
