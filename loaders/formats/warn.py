"""Warnings a reader gives about a file it still read (bytes replaced, a sheet clipped).

Readers call ``note``; ``readers.read_document`` collects them with the text,
so the batch can show them to the user instead of losing them.
"""

from __future__ import annotations

import warnings

__all__ = ["ReadWarning", "note"]


class ReadWarning(UserWarning):
    """Something in a file was read only in part or guessed."""


def note(message: str) -> None:
    warnings.warn(message, ReadWarning, stacklevel=2)
