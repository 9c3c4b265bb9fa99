"""Writing an output so that an interrupted run never leaves a plausible partial file.

Everything Zeren writes goes to a temporary file beside the target and is
renamed onto it only when complete: a killed run leaves the previous output
intact (or none), never a shorter file that looks whole.

A target that is not a regular file (``/dev/stdout``, a FIFO) is written
directly; a symlink's target is replaced, not the link; a replaced file keeps
its mode. The temporary file is hidden (``.NAME.PID.XXXX.part``) and carries the writing
process's id, so that a later write of the same target removes the ones that a
killed process left behind (never one a live process is still writing).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["is_partial", "atomic_path", "write_text"]


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """A temporary path beside ``target``; on normal exit it is synced and renamed onto ``target``.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.txt"
    >>> with atomic_path(out) as tmp:
    ...     _ = tmp.write_text("done")
    >>> out.read_text(), sorted(p.name for p in out.parent.iterdir())
    ('done', ['t.txt'])
    """
    target = Path(target)
    if target.exists() and not target.is_file():
        # /dev/stdout, a FIFO, a terminal: nothing to rename onto, and replacing it would be wrong
        yield target
        return
    if target.is_symlink():
        target = target.resolve()  # replace the file the link points to, keep the link
    _remove_stale_parts(target)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".part")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode(target))
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_text(target: str | Path, text: str) -> Path:
    """Write ``text`` as UTF-8 through ``atomic_path``; returns ``target``.

    A lone surrogate (a file-name byte that was not UTF-8) is written as its
    ``\\udcXX`` escape rather than failing, which in JSON is exactly the escape.
    """
    target = Path(target)
    with atomic_path(target) as tmp:
        tmp.write_bytes(text.encode("utf-8", "backslashreplace"))
    return target


_PART = re.compile(r"\..+\.(\d+)\.[^.]+\.part")


def is_partial(name: str) -> bool:
    """Whether a file name is one of :func:`atomic_path`'s temporary files (not yet an output).

    >>> is_partial(".tasks.jsonl.4242.ab12cd.part"), is_partial("tasks.jsonl")
    (True, False)
    """
    return _PART.fullmatch(name) is not None


def _remove_stale_parts(target: Path) -> None:
    """Delete temporary files for ``target`` whose writing process no longer exists."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(\d+)\.[^.]+\.part")
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            found = pattern.fullmatch(entry.name)
            if found and not _alive(int(found.group(1))):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but belongs to someone else
        return True
    return True


def _mode(target: Path) -> int:
    """The replaced file's mode, or the user's usual one for a new file (mkstemp makes 0600)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
